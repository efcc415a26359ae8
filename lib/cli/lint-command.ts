import { Command, Option } from 'commander';
import { sortFindings } from './finding-order';
import { CliIo, ExitCode } from './io';
import { readLintInputs } from './lint-inputs';
import { renderLintJson, renderLintText, summarize } from './lint-report';
import { renderLintSarif } from './lint-sarif';
import { readMeshConfigFile } from './mesh-config-file';
import { packageVersionOrUnknown } from './package-version';
import { atLeast, parseSeverityThreshold } from './severity-threshold';
import { isSuppressed, parseSuppression, Suppression, unknownSuppressionCodes } from './suppress';
import { closestMatch } from '../core/did-you-mean';
import { escapeControlCharsKeepingLines, MAX_PROBLEM_CHARS, printable } from '../core/printable';
import { analyzerNames } from '../validate/analyzer/selection';
import { validateSources } from '../validate/engine';
import { Severity } from '../validate/finding';

interface LintOptions {
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
      if (opts.listAnalyzers) {
        io.stdout.write(analyzerNames().map((name) => `${name}\n`).join(''));
        setExit(ExitCode.OK);
        return;
      }
      const usage = paths.length === 0 ? "missing required argument 'paths'" : unknownAnalyzer(opts.analyzer);
      if (usage) {
        io.stderr.write(`istio-grpc lint: error: ${usage}\n`);
        setExit(ExitCode.USAGE);
        return;
      }
      for (const code of unknownSuppressionCodes(opts.suppress)) {
        io.stderr.write(`istio-grpc lint: warning: --suppress code ${code} is not a code lint reports; it suppresses nothing.\n`);
      }
      const mesh = opts.meshconfig === undefined ? undefined : await readMeshConfigFile(opts.meshconfig);
      if (mesh && 'problem' in mesh) {
        io.stderr.write(`istio-grpc lint: ${mesh.problem}\n`);
        setExit(ExitCode.USAGE);
        return;
      }
      const inputs = await readLintInputs(paths, io.stdin);
      for (const warning of inputs.warnings) io.stderr.write(`istio-grpc lint: warning: ${printable(warning, MAX_PROBLEM_CHARS)}\n`);
      for (const line of inputs.unreadable) io.stderr.write(`istio-grpc lint: ${printable(line, MAX_PROBLEM_CHARS)}\n`);
      if (inputs.problems.length) {
        for (const problem of inputs.problems) io.stderr.write(`istio-grpc lint: ${printable(problem, MAX_PROBLEM_CHARS)}\n`);
        setExit(ExitCode.USAGE);
        return;
      }
      // Part of a directory could not be read: the rest is still linted and reported, and the exit code is 2.
      const all = validateSources(inputs.sources, { analyzers: opts.analyzer, ...(mesh ? { meshConfig: mesh.meshConfig } : {}) });
      const kept = all.filter((f) => !isSuppressed(f, opts.suppress));
      // As in istioctl, the exit code looks at every finding kept, whatever the output threshold hides.
      const shown = sortFindings(kept.filter((f) => atLeast(f.severity, opts.outputThreshold)));
      const summary = summarize(inputs.sources.length, kept, { suppressed: all.length - kept.length, notShown: kept.length - shown.length });
      io.stdout.write(opts.format === 'sarif' ? renderLintSarif(shown, packageVersionOrUnknown())
        : opts.format === 'json' ? renderLintJson(shown, summary)
          : renderLintText(shown, summary, Boolean(io.stdout.isTTY)));
      if (inputs.unreadable.length) setExit(ExitCode.USAGE);
      else setExit(kept.some((f) => atLeast(f.severity, opts.failureThreshold)) ? ExitCode.FINDINGS : ExitCode.OK);
    });
}

/** `unknown analyzer "X"; did you mean Y?` for the first name no analyzer has, else undefined. */
function unknownAnalyzer(names: readonly string[]): string | undefined {
  const known = analyzerNames();
  const unknown = names.find((name) => !known.includes(name));
  if (unknown === undefined) return undefined;
  const close = closestMatch(unknown, known);
  return `unknown analyzer "${printable(unknown, MAX_PROBLEM_CHARS)}"${close ? `; did you mean ${close}?` : ''} (--list-analyzers prints them)`;
}
