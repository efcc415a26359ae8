import { ReadmeBlock } from './readme';

/**
 * How the README's TypeScript blocks become programs:
 * - a block with `import` lines is a complete program (cdk8s app, or Pulumi program when it
 *   imports `istio-grpc/pulumi`);
 * - a block without imports is a fragment: the fragments belong together, in README order, in one
 *   cdk8s chart named `chart`, and use the library's exports by name.
 */
export interface Snippet {
  readonly block: ReadmeBlock;
  readonly kind: 'cdk8s-program' | 'pulumi-program' | 'fragment';
}

/** A generated TypeScript module and where each README block sits in it (for diagnostics). */
export interface GeneratedModule {
  readonly fileName: string;
  readonly source: string;
  /** The module's first line of each block (0-based) and the block. */
  readonly origins: ReadonlyArray<{ readonly line: number; readonly block: ReadmeBlock }>;
}

const IMPORT_LINE = /^import\s.*;\s*$/;

/** Classifies the README's TypeScript blocks. */
export function snippetsOf(blocks: readonly ReadmeBlock[]): Snippet[] {
  return blocks.map((block) => {
    const imports = block.code.split('\n').filter((l) => IMPORT_LINE.test(l));
    if (!imports.length) return { block, kind: 'fragment' };
    return { block, kind: imports.some((l) => /['"]istio-grpc\/pulumi['"]/.test(l)) ? 'pulumi-program' : 'cdk8s-program' };
  });
}

/** The identifiers of `exported` that `code` uses. */
function namesUsed(code: string, exported: readonly string[]): string[] {
  return exported.filter((name) => new RegExp(`\\b${name}\\b`).test(code)).sort();
}

class ModuleBuilder {
  private readonly lines: string[] = [];
  private readonly origins: Array<{ line: number; block: ReadmeBlock }> = [];
  add(text: string): void { this.lines.push(...text.replace(/\n$/, '').split('\n')); }
  addBlock(block: ReadmeBlock, code = block.code): void {
    this.origins.push({ line: this.lines.length, block });
    this.add(code);
  }
  build(fileName: string): GeneratedModule { return { fileName, source: this.lines.join('\n') + '\n', origins: this.origins }; }
}

/** The prelude of the fragments: an App (its outdir from CDK8S_OUTDIR) and the chart they share. */
function fragmentPrelude(fragments: readonly Snippet[], libraryExports: readonly string[]): string {
  const names = namesUsed(fragments.map((f) => f.block.code).join('\n'), libraryExports);
  return [
    "import { App, Chart } from 'cdk8s';",
    ...(names.length ? [`import { ${names.join(', ')} } from 'istio-grpc';`] : []),
    'const app = new App();',
    "const chart = new Chart(app, 'readme');",
  ].join('\n');
}

/** All fragments as one cdk8s app. */
export function fragmentsModule(snippets: readonly Snippet[], libraryExports: readonly string[]): GeneratedModule {
  const fragments = snippets.filter((s) => s.kind === 'fragment');
  const m = new ModuleBuilder();
  m.add(fragmentPrelude(fragments, libraryExports));
  for (const f of fragments) m.addBlock(f.block);
  m.add('app.synth();');
  return m.build('readme-fragments.ts');
}

/** One complete program as it stands in the README. */
export function programModule(snippet: Snippet): GeneratedModule {
  const m = new ModuleBuilder();
  m.addBlock(snippet.block);
  return m.build(`readme-line-${snippet.block.line}.ts`);
}

/** Merges the named imports of `importLines` per module (one import line per module). */
function mergedImports(importLines: readonly string[]): string[] {
  const named = new Map<string, Set<string>>();
  const other = new Set<string>();
  for (const line of importLines) {
    const match = /^import\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"];\s*$/.exec(line);
    if (!match) { other.add(line.trim()); continue; }
    const names = named.get(match[2]) ?? new Set<string>();
    match[1].split(',').map((n) => n.trim()).filter(Boolean).forEach((n) => names.add(n));
    named.set(match[2], names);
  }
  return [...other, ...[...named].map(([from, names]) => `import { ${[...names].sort().join(', ')} } from '${from}';`)];
}

/**
 * Every cdk8s block pasted into one app: each program's body in its own block scope, on the
 * shared App (its `const app = new App();` and `app.synth();` lines are the shared ones), then
 * the fragments in their chart; one `app.synth()` at the end.
 */
export function combinedCdk8sModule(snippets: readonly Snippet[], libraryExports: readonly string[]): GeneratedModule {
  const programs = snippets.filter((s) => s.kind === 'cdk8s-program');
  const fragments = snippets.filter((s) => s.kind === 'fragment');
  const split = programs.map((p) => {
    const lines = p.block.code.split('\n');
    // Lines moved to the shared module are blanked, not removed, so README line numbers still map.
    const body = lines.map((l) => (IMPORT_LINE.test(l) ? '' : l)).join('\n');
    if (!/^const app = new App\(\);$/m.test(body) || !/^app\.synth\(\);$/m.test(body)) {
      throw new Error(`README.md:${p.block.line}: a cdk8s program must have the lines "const app = new App();" and "app.synth();" so it can join the other snippets`);
    }
    return { block: p.block, imports: lines.filter((l) => IMPORT_LINE.test(l)), body: body.replace(/^const app = new App\(\);$/m, '').replace(/^app\.synth\(\);$/m, '') };
  });
  const fragmentNames = namesUsed(fragments.map((f) => f.block.code).join('\n'), libraryExports);
  const m = new ModuleBuilder();
  m.add(mergedImports([
    ...split.flatMap((s) => s.imports),
    "import { App, Chart } from 'cdk8s';",
    ...(fragmentNames.length ? [`import { ${fragmentNames.join(', ')} } from 'istio-grpc';`] : []),
  ]).join('\n'));
  m.add('const app = new App();');
  for (const s of split) {
    m.add('{');
    m.addBlock(s.block, s.body);
    m.add('}');
  }
  m.add('{');
  m.add("const chart = new Chart(app, 'readme');");
  for (const f of fragments) m.addBlock(f.block);
  m.add('}');
  m.add('app.synth();');
  return m.build('readme-combined.ts');
}

/** Every module the README's blocks make, for the type-check. */
export function allModules(snippets: readonly Snippet[], libraryExports: readonly string[]): GeneratedModule[] {
  return [
    ...snippets.filter((s) => s.kind !== 'fragment').map(programModule),
    fragmentsModule(snippets, libraryExports),
    combinedCdk8sModule(snippets, libraryExports),
  ];
}

/** The README line of line `line` (0-based) of a generated module, for messages. */
export function readmeLineOf(module: GeneratedModule, line: number): string {
  const origin = [...module.origins].reverse().find((o) => o.line <= line);
  if (!origin) return `${module.fileName}:${line + 1} (generated prelude)`;
  const offset = line - origin.line;
  return offset < origin.block.code.split('\n').length ? `README.md:${origin.block.line + 1 + offset}` : `${module.fileName}:${line + 1}`;
}
