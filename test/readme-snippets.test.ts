// Every TypeScript block of the README compiles against the library sources and synthesizes:
// alone, and pasted together into one app. See util/readme-snippets.ts for how blocks join.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as pulumi from '@pulumi/pulumi';
import * as ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import * as library from '../lib';
import * as pulumiLibrary from '../lib/pulumi';
import { toCommonJs } from './util/pack';
import { installPulumiMocks, registered, valueOf } from './util/pulumi-mocks';
import { readmeTypeScriptBlocks } from './util/readme';
import { allModules, combinedCdk8sModule, fragmentsModule, GeneratedModule, programModule, readmeLineOf, snippetsOf } from './util/readme-snippets';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..');
const snippets = snippetsOf(readmeTypeScriptBlocks());
const libraryExports = Object.keys(library);

/** The compiler options of the tests, with the package names mapped to the library sources. */
function compilerOptions(): ts.CompilerOptions {
  const configFile = join(ROOT, 'test', 'tsconfig.json');
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, join(ROOT, 'test'), undefined, configFile);
  return {
    ...parsed.options,
    noEmit: true,
    paths: { 'istio-grpc': [join(ROOT, 'lib', 'index.ts')], 'istio-grpc/pulumi': [join(ROOT, 'lib', 'pulumi', 'index.ts')] },
  };
}

/** Type-checks the generated modules in memory (nothing is written) and returns the errors. */
function typeErrors(modules: readonly GeneratedModule[]): string[] {
  const options = compilerOptions();
  const virtual = new Map(modules.map((m) => [join(ROOT, 'test', m.fileName), m]));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => virtual.has(f) || fileExists(f);
  host.readFile = (f) => virtual.get(f)?.source ?? readFile(f);
  host.getSourceFile = (f, lang, ...rest) => {
    const m = virtual.get(f);
    return m ? ts.createSourceFile(f, m.source, lang) : getSourceFile(f, lang, ...rest);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  return [...virtual].flatMap(([file, m]) => {
    const sf = program.getSourceFile(file)!;
    return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => {
      const { line } = sf.getLineAndCharacterOfPosition(d.start ?? 0);
      return `${readmeLineOf(m, line)} (${m.fileName}): ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  });
}

/** Runs a generated module as CommonJS, `istio-grpc` being the library sources; returns its exports. */
function evaluate(module: GeneratedModule): Record<string, unknown> {
  const resolve = (id: string): unknown => {
    if (id === 'istio-grpc') return library;
    if (id === 'istio-grpc/pulumi') return pulumiLibrary;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(id);
  };
  const exports: Record<string, unknown> = {};
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('require', 'exports', 'module', toCommonJs(module.source))(resolve, exports, { exports });
  return exports;
}

/**
 * Synthesizes a cdk8s module into a temporary outdir and returns the objects it wrote. Paths in
 * the README's snippets (proto files) are relative to examples/, so it runs there.
 */
function synth(module: GeneratedModule): any[] {
  const outdir = mkdtempSync(join(tmpdir(), 'istio-grpc-readme-'));
  const cwd = process.cwd();
  const previous = process.env.CDK8S_OUTDIR;
  try {
    process.env.CDK8S_OUTDIR = outdir;
    process.chdir(join(ROOT, 'examples'));
    evaluate(module);
    return readdirSync(outdir).sort().flatMap((f) => parseAllDocuments(readFileSync(join(outdir, f), 'utf8')).map((d) => d.toJS()));
  } finally {
    process.chdir(cwd);
    if (previous === undefined) delete process.env.CDK8S_OUTDIR;
    else process.env.CDK8S_OUTDIR = previous;
    rmSync(outdir, { recursive: true, force: true });
  }
}

const identity = (o: any) => `${o.apiVersion} ${o.kind} ${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
const byIdentity = (a: any, b: any) => identity(a).localeCompare(identity(b));

describe('README TypeScript blocks', () => {
  test('there are programs for both frameworks and fragments (the extraction finds them)', () => {
    expect(snippets.map((s) => s.kind)).toEqual(expect.arrayContaining(['cdk8s-program', 'pulumi-program', 'fragment']));
  });

  test('each compiles against the library sources, alone and pasted together', () => {
    expect(typeErrors(allModules(snippets, libraryExports))).toStrictEqual([]);
  });

  const cdk8sPrograms = snippets.filter((s) => s.kind === 'cdk8s-program');
  test.each(cdk8sPrograms.map((s) => [s.block.line, s] as const))('the cdk8s program at README.md:%i synthesizes valid objects', (_line, snippet) => {
    expect(synth(programModule(snippet)).length).toBeGreaterThan(0);
  });

  test('the fragments synthesize together in one chart', () => {
    expect(synth(fragmentsModule(snippets, libraryExports)).length).toBeGreaterThan(0);
  });

  test('every cdk8s block pasted into one app synthesizes exactly the objects of each alone (no name clashes)', () => {
    // GIVEN each program and the fragments synthesized on their own
    const alone = [...cdk8sPrograms.map((s) => synth(programModule(s))), synth(fragmentsModule(snippets, libraryExports))].flat();
    // WHEN all of them share one app
    const together = synth(combinedCdk8sModule(snippets, libraryExports));
    // THEN nothing is lost, added or changed, and no two blocks emit the same object
    expect(new Set(together.map(identity)).size).toBe(together.length);
    expect([...together].sort(byIdentity)).toStrictEqual([...alone].sort(byIdentity));
  });
});

describe('README Pulumi programs', () => {
  const programs = snippets.filter((s) => s.kind === 'pulumi-program');

  test('run together under mocks: every export resolves and the mesh objects are registered', async () => {
    installPulumiMocks();
    registered.length = 0;
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      // WHEN every Pulumi block runs in one program
      const exported = programs.map((s) => evaluate(programModule(s)));
      const values = await Promise.all(exported.flatMap((e) => Object.values(e)).map((o) => valueOf(pulumi.output(o))));
      // Wait for every registration the programs started.
      await pulumi.runtime.disconnect();
      // THEN
      expect(values.filter((v) => v === undefined)).toStrictEqual([]);
      const types = registered.map((r) => r.type);
      for (const type of ['kubernetes:core/v1:Service', 'kubernetes:networking.istio.io/v1:DestinationRule', 'kubernetes:networking.istio.io/v1:VirtualService']) {
        expect(types).toContain(type);
      }
      expect(rejections).toStrictEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});
