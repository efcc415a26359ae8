// The Pulumi entry point must load where cdk8s-plus-28 is not installed (Pulumi programs do not
// need it): no module it reaches imports cdk8s-plus-28 other than for types. Read from the
// sources, so it holds offline; test/package-install.test.ts runs the installed package too.
// Modules the Pulumi entry reaches use `import type { k8s } from 'cdk8s-plus-28'` for its types.
// The walk follows import and export declarations and require() calls.
import { existsSync, readFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..');

/** Every package a module reaches at run time (type-only imports excluded), with the first importer. */
function runtimePackagesOf(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
    const reach = (specifier: string) => {
      if (!specifier.startsWith('.')) {
        // A deep path (`cdk8s-plus-28/lib/imports/k8s`) is its package's.
        const name = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
        if (!packages.has(name)) packages.set(name, relative(ROOT, file));
        return;
      }
      const base = resolve(dirname(file), specifier);
      const target = [`${base}.ts`, join(base, 'index.ts')].find(existsSync);
      if (target) visit(target);
    };
    for (const statement of source.statements) {
      if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) || !statement.moduleSpecifier) continue;
      const typeOnly = ts.isImportDeclaration(statement) ? statement.importClause?.isTypeOnly === true : statement.isTypeOnly;
      if (!typeOnly) reach((statement.moduleSpecifier as ts.StringLiteral).text);
    }
    // require() calls too: lazy loads, and loads that pick a module path.
    const requires = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
        reach(node.arguments[0].text);
      }
      ts.forEachChild(node, requires);
    };
    requires(source);
  };
  visit(entry);
  return packages;
}

describe('istio-grpc/pulumi', () => {
  test('reaches no cdk8s-plus-28 module at run time', () => {
    const packages = runtimePackagesOf(join(ROOT, 'lib', 'pulumi', 'index.ts'));
    // The walk does see the entry point's real dependencies (a walk that found nothing proves nothing).
    expect([...packages.keys()]).toEqual(expect.arrayContaining(['@pulumi/pulumi', '@pulumi/kubernetes', 'cdk8s']));
    expect([...packages].filter(([name]) => name.startsWith('cdk8s-plus'))).toStrictEqual([]);
  });

  test('the cdk8s entry point does reach it (the walk tells the two apart)', () => {
    expect([...runtimePackagesOf(join(ROOT, 'lib', 'index.ts')).keys()]).toContain('cdk8s-plus-28');
  });
});
