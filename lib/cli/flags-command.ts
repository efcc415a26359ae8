import { Command } from 'commander';
import { CliIo } from './io';

/** `istio-grpc flags` (not implemented yet). */
export function flagsCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('flags').description('not implemented yet').action(() => {
    io.stderr.write('istio-grpc flags: not implemented yet\n');
    setExit(2);
  });
}
