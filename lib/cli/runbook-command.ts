import { Command } from 'commander';
import { CliIo } from './io';
import { escapeControlCharsKeepingLines } from '../core/printable';

/**
 * `istio-grpc runbook [--out DIR] PATH...`: reads multi-document YAML manifests (files,
 * directories, `-`; read as lint reads them) and writes one Markdown runbook per gRPC Service
 * (`<namespace>.<name>.runbook.md` in DIR, or all to stdout). Services whose name or namespace is
 * not a DNS label are refused: they never reach a file name or a command. Exit 0; 1 when the
 * manifests hold no gRPC Service; 2 for unreadable files, bad YAML or refused Services.
 */
export function runbookCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('runbook')
    .description('Write a Markdown troubleshooting runbook for each gRPC Service in the manifests.')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(escapeControlCharsKeepingLines(s)) })
    .argument('<paths...>', 'manifest files (multi-document YAML or JSON), directories, or - for standard input')
    .option('--out <dir>', 'directory to write <namespace>.<name>.runbook.md files into (default: print to stdout)')
    .action(async (paths: string[], opts: { out?: string }) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runRunbook } = require('./runbook-action') as typeof import('./runbook-action');
      setExit(await runRunbook(io, paths, opts.out));
    });
}
