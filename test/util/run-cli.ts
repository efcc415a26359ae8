import { join } from 'path';
import { PassThrough } from 'stream';
import { CliIo } from '../../lib/cli/io';
import { runCli } from '../../lib/cli/program';

/** A file of test/fixtures/lint. */
export const lintFixture = (name: string) => join(__dirname, '..', 'fixtures', 'lint', name);

/** What one CLI run returned and printed. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI with in-memory streams; `overrides` replaces some of them (e.g. a failing stdout). */
export async function runCliInMemory(argv: string[], stdinText?: string, tty = false, overrides: Partial<CliIo> = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = Object.assign(new PassThrough(), { isTTY: tty });
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  stdin.end(stdinText ?? '');
  const code = await runCli(argv, { stdout, stderr, stdin, ...overrides });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
