import { Command, Option } from 'commander';
import { CliIo } from './io';
import { escapeControlCharsKeepingLines } from '../core/printable';

/** The parsed options of `istio-grpc flags`. */
export interface FlagsOptions {
  readonly format: 'text' | 'json';
}

/**
 * `istio-grpc flags [CODE...]`: explains Envoy response flags (all of them without arguments)
 * for a gRPC service on Istio. Codes may be short (`UO`), long (`UpstreamOverflow`) or a
 * comma-joined log value (`UT,URX`). An unknown code exits 2 with a "did you mean" hint.
 */
export function flagsCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('flags')
    .description('Explain Envoy response flags (UH, UF, UO, NR, UT, UR, ...) for gRPC services on Istio.')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(escapeControlCharsKeepingLines(s)) })
    .argument('[codes...]', 'flags to explain, short or long names; all flags when omitted')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((codes: string[], opts: FlagsOptions) => {
      // The flag tables load only when the command runs, not with every CLI start.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runFlags } = require('./flags-action') as typeof import('./flags-action');
      setExit(runFlags(io, codes, opts));
    });
}
