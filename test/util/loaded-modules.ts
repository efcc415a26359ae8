/**
 * `node --import tsx test/util/loaded-modules.ts ARGS...`: runs the CLI with ARGS in this fresh
 * process (output discarded) and prints, as JSON, every module file it loaded.
 */
import { PassThrough } from 'stream';
import { runCli } from '../../lib/cli/program';

const sink = () => Object.assign(new PassThrough(), { isTTY: false }).on('data', () => undefined);
const stdin = new PassThrough();
stdin.end('');
void runCli(process.argv.slice(2), { stdout: sink(), stderr: sink(), stdin }).then(() => {
  process.stdout.write(JSON.stringify(Object.keys(require.cache)) + '\n');
});
