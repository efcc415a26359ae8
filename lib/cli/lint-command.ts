import { Command, Option } from 'commander';
import { CliIo } from './io';
import { parseSeverityThreshold } from './severity-threshold';
import { parseSuppression, Suppression } from './suppress-option';
import { escapeControlCharsKeepingLines } from '../core/printable';
import type { Severity } from '../validate/finding';

/** The parsed options of `istio-grpc lint`. */
export interface LintOptions {
  readonly format: 'text' | 'json' | 'sarif';
  readonly suppress: Suppression[];
  readonly failureThreshold: Severity;
  readonly outputThreshold: Severity;
  readonly meshconfig?: string;
  readonly analyzer: string[];
  readonly listAnalyzers?: boolean;
}

/**
 * `istio-grpc lint [options] PATH...`: checks any Kubernetes and Istio YAML the way the API
 * server, Istio's admission webhook and `istioctl analyze` would, offline. Exit 0 with no
 * finding at `--failure-threshold` (error) or worse, 1 with some, 2 when an input cannot be
 * read or is not valid YAML (then nothing is printed on stdout: there is no result to report).
 */
export function lintCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('lint')
    .description('Check Kubernetes/Istio YAML like the API server, the Istio webhook and istioctl analyze would, offline.')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(escapeControlCharsKeepingLines(s)) })
    .argument('[paths...]', 'YAML/JSON files, directories (searched recursively), or - for standard input')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    // Names, syntax and defaults of `istioctl analyze`.
    .addOption(new Option('-S, --suppress <CODE=RESOURCE>', 'drop findings with this code on this object, e.g. "IST0101=VirtualService reviews.default"; * matches anything; repeatable')
      .argParser(parseSuppression).default([], 'none'))
    .addOption(new Option('--failure-threshold <level>', 'exit 1 when a finding is at this level or worse: error, warning, info')
      .argParser(parseSeverityThreshold).default('error'))
    .addOption(new Option('--output-threshold <level>', 'print findings at this level or worse: error, warning, info')
      .argParser(parseSeverityThreshold).default('info'))
    .option('--meshconfig <file>', "Istio MeshConfig YAML for the analyzers that read it (default: the istio ConfigMap in the input, else Istio's defaults)")
    .addOption(new Option('--analyzer <name>', 'run only this analyzer (istioctl analyze names, see --list-analyzers); repeatable')
      .argParser((name: string, names: string[]) => [...names, name]).default([], 'all'))
    .option('-L, --list-analyzers', 'print the analyzers --analyzer can select, and exit')
    .action(async (paths: string[], opts: LintOptions) => {
      // The engine (schemas, CEL, analyzers) loads only now, so --help and the other commands start fast.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runLint } = require('./lint-action') as typeof import('./lint-action');
      setExit(await runLint(io, paths, opts));
    });
}
