import { Command } from 'commander';
import { CliIo } from './io';

/** `istio-grpc lint` (not implemented yet). */
export function lintCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('lint').description('not implemented yet').action(() => {
    io.stderr.write('istio-grpc lint: not implemented yet\n');
    setExit(2);
  });
}
