import { Command } from 'commander';
import { CliIo } from './io';

/** `istio-grpc logs` (not implemented yet). */
export function logsCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('logs').description('not implemented yet').action(() => {
    io.stderr.write('istio-grpc logs: not implemented yet\n');
    setExit(2);
  });
}
