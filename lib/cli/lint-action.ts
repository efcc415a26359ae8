import { sortFindings } from './finding-order';
import { CliIo, ExitCode } from './io';
import type { LintOptions } from './lint-command';
import { readLintInputs } from './lint-inputs';
import { renderLintJson, renderLintText, summarize } from './lint-report';
import { readMeshConfigFile } from './mesh-config-file';
import { packageVersionOrUnknown } from './package-version';
import { atLeast } from './severity-threshold';
import { isSuppressed, unknownSuppressionCodes } from './suppress';
import { MAX_PROBLEM_CHARS, printable } from '../core/printable';
import { analyzerNames, unknownAnalyzer } from '../validate/analyzer/selection';
import { validateSources } from '../validate/engine';

/**
 * What `istio-grpc lint` does once its arguments are parsed: reads the inputs, validates them and
 * prints the report. Resolves to the exit code. Loaded only when lint runs, since it brings in
 * the whole validation engine.
 */
export async function runLint(io: CliIo, paths: readonly string[], opts: LintOptions): Promise<number> {
  if (opts.listAnalyzers) {
    io.stdout.write(analyzerNames().map((name) => `${name}\n`).join(''));
    return ExitCode.OK;
  }
  const usage = paths.length === 0 ? "missing required argument 'paths'" : unknownAnalyzerProblem(opts.analyzer);
  if (usage) {
    io.stderr.write(`istio-grpc lint: error: ${usage}\n`);
    return ExitCode.USAGE;
  }
  for (const code of unknownSuppressionCodes(opts.suppress)) {
    io.stderr.write(`istio-grpc lint: warning: --suppress code ${code} is not a code lint reports; it suppresses nothing.\n`);
  }
  const mesh = opts.meshconfig === undefined ? undefined : await readMeshConfigFile(opts.meshconfig);
  if (mesh && 'problem' in mesh) {
    io.stderr.write(`istio-grpc lint: ${mesh.problem}\n`);
    return ExitCode.USAGE;
  }
  const inputs = await readLintInputs(paths, io.stdin);
  for (const warning of inputs.warnings) io.stderr.write(`istio-grpc lint: warning: ${printable(warning, MAX_PROBLEM_CHARS)}\n`);
  for (const line of inputs.unreadable) io.stderr.write(`istio-grpc lint: ${printable(line, MAX_PROBLEM_CHARS)}\n`);
  if (inputs.problems.length) {
    for (const problem of inputs.problems) io.stderr.write(`istio-grpc lint: ${printable(problem, MAX_PROBLEM_CHARS)}\n`);
    return ExitCode.USAGE;
  }
  // Part of a directory could not be read: the rest is still linted and reported, and the exit code is 2.
  const all = validateSources(inputs.sources, { analyzers: opts.analyzer, ...(mesh ? { meshConfig: mesh.meshConfig } : {}) });
  const kept = all.filter((f) => !isSuppressed(f, opts.suppress));
  // As in istioctl, the exit code looks at every finding kept, whatever the output threshold hides.
  const shown = sortFindings(kept.filter((f) => atLeast(f.severity, opts.outputThreshold)));
  const summary = summarize(inputs.sources.length, kept, { suppressed: all.length - kept.length, notShown: kept.length - shown.length });
  // SARIF (and the rule table it carries) loads only when asked for.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  io.stdout.write(opts.format === 'sarif' ? (require('./lint-sarif') as typeof import('./lint-sarif')).renderLintSarif(shown, packageVersionOrUnknown())
    : opts.format === 'json' ? renderLintJson(shown, summary)
      : renderLintText(shown, summary, Boolean(io.stdout.isTTY)));
  if (inputs.unreadable.length) return ExitCode.USAGE;
  return kept.some((f) => atLeast(f.severity, opts.failureThreshold)) ? ExitCode.FINDINGS : ExitCode.OK;

}

/** `unknown analyzer "X"; did you mean Y?` for the first name no analyzer has, else undefined. */
function unknownAnalyzerProblem(names: readonly string[]): string | undefined {
  const unknown = unknownAnalyzer(names);
  if (!unknown) return undefined;
  return `unknown analyzer "${printable(unknown.name, MAX_PROBLEM_CHARS)}"${unknown.closest ? `; did you mean ${unknown.closest}?` : ''} (--list-analyzers prints them)`;
}
