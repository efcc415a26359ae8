import { Command } from 'commander';
import { CliIo } from './io';

/** `istio-grpc runbook` (not implemented yet). */
export function runbookCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('runbook').description('not implemented yet').action(() => {
    io.stderr.write('istio-grpc runbook: not implemented yet\n');
    setExit(2);
  });
}
