import { Command, Option } from 'commander';
import { CliIo, ExitCode } from './io';
import { readLintInputs } from './lint-inputs';
import { renderLintJson, renderLintText, summarize } from './lint-report';
import { escapeControlCharsKeepingLines, MAX_PROBLEM_CHARS, printable } from '../core/printable';
import { validateSources } from '../validate/engine';

interface LintOptions {
  readonly format: 'text' | 'json';
}

/**
 * `istio-grpc lint [--format text|json] PATH...`: checks any Kubernetes and Istio YAML the way
 * the API server, Istio's admission webhook and `istioctl analyze` would, offline. Exit 0 with
 * no error finding, 1 with errors, 2 when an input cannot be read or is not valid YAML.
 */
export function lintCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('lint')
    .description('Check Kubernetes/Istio YAML like the API server, the Istio webhook and istioctl analyze would, offline.')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(escapeControlCharsKeepingLines(s)) })
    .argument('<paths...>', 'YAML/JSON files, directories (searched recursively), or - for standard input')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (paths: string[], opts: LintOptions) => {
      const inputs = await readLintInputs(paths, io.stdin);
      for (const warning of inputs.warnings) io.stderr.write(`istio-grpc lint: warning: ${printable(warning, MAX_PROBLEM_CHARS)}\n`);
      for (const problem of inputs.problems) io.stderr.write(`istio-grpc lint: ${printable(problem, MAX_PROBLEM_CHARS)}\n`);
      const findings = validateSources(inputs.sources);
      const summary = summarize(inputs.sources.length, findings);
      io.stdout.write(opts.format === 'json'
        ? renderLintJson(findings, summary)
        : renderLintText(findings, summary, Boolean(io.stdout.isTTY)));
      if (inputs.problems.length) setExit(ExitCode.USAGE);
      else setExit(summary.errors > 0 ? ExitCode.FINDINGS : ExitCode.OK);
    });
}
