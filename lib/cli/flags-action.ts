import type { FlagsOptions } from './flags-command';
import { CliIo, ExitCode } from './io';
import { describeValue } from '../core/errors';
import { explainFlagText } from '../troubleshoot/flag-explain';
import { findResponseFlag, suggestResponseFlags } from '../troubleshoot/flag-lookup';
import { RESPONSE_FLAGS, ResponseFlagInfo } from '../troubleshoot/response-flags';

/**
 * What `istio-grpc flags` does once its arguments are parsed: explains the flags asked for (all
 * of them without arguments). Returns the exit code; loaded on use.
 */
export function runFlags(io: CliIo, codes: readonly string[], opts: FlagsOptions): number {
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
    return ExitCode.USAGE;
  }
  const flags = wanted.length ? found : RESPONSE_FLAGS;
  if (opts.format === 'json') {
    io.stdout.write(JSON.stringify(flags, null, 2) + '\n');
  } else {
    io.stdout.write(flags.map((f) => explainFlagText(f)).join('\n'));
  }
  return ExitCode.OK;
}
