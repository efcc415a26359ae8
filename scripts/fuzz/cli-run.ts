import { runCliInMemory } from '../../test/util/run-cli';

/** What one CLI run produced. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs the CLI on `stdinText` with in-memory streams. */
export async function runWithStdin(argv: string[], stdinText: string): Promise<CliRun> {
  const start = performance.now();
  const run = await runCliInMemory(argv, stdinText);
  return { ...run, ms: performance.now() - start };
}

/** A stack frame line, which a user must never see. */
const STACK_FRAME = /^\s+at .+[:(].*\d+:\d+\)?$/m;

/** Why a run breaks the CLI's contract (exit 0/1/2, no stack trace), or undefined when it keeps it. */
export function contractViolation(run: CliRun, allowedCodes: readonly number[]): string | undefined {
  if (!allowedCodes.includes(run.code)) return `exit code ${run.code}`;
  if (STACK_FRAME.test(run.stderr) || STACK_FRAME.test(run.stdout)) return 'stack trace printed';
  return undefined;
}
