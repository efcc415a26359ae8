import { Command, Option } from 'commander';
import { CliIo, ExitCode } from './io';
import { describeValue } from '../core/errors';
import { escapeControlCharsKeepingLines } from '../core/printable';
import { explainFlagText } from '../troubleshoot/flag-explain';
import { findResponseFlag, suggestResponseFlags } from '../troubleshoot/flag-lookup';
import { RESPONSE_FLAGS, ResponseFlagInfo } from '../troubleshoot/response-flags';

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
    .action((codes: string[], opts: { format: 'text' | 'json' }) => {
      const wanted = codes.flatMap((c) => c.split(',')).map((c) => c.trim()).filter((c) => c.length > 0);
      const found: ResponseFlagInfo[] = [];
      const unknown: string[] = [];
      for (const code of wanted) {
        const flag = findResponseFlag(code);
        if (flag) {
          if (!found.includes(flag)) found.push(flag);
        } else {
          unknown.push(code);
        }
      }
      if (unknown.length) {
        for (const code of unknown) {
          const hints = suggestResponseFlags(code);
          const hint = hints.length ? ` Did you mean ${hints.join(', ')}?` : '';
          io.stderr.write(`istio-grpc flags: unknown response flag ${describeValue(code)}.${hint} Run "istio-grpc flags" to list them all.\n`);
        }
        setExit(ExitCode.USAGE);
        return;
      }
      const flags = wanted.length ? found : RESPONSE_FLAGS;
      if (opts.format === 'json') {
        io.stdout.write(JSON.stringify(flags, null, 2) + '\n');
      } else {
        io.stdout.write(flags.map((f) => explainFlagText(f)).join('\n'));
      }
      setExit(ExitCode.OK);
    });
}
