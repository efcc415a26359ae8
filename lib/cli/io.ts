/** Where a CLI command reads and writes; tests pass in-memory streams, `main` passes the process's. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
}

/** Exit codes shared by every command. */
export const ExitCode = {
  /** Nothing at error level. */
  OK: 0,
  /** Findings at error level (lint) or a failed check. */
  FINDINGS: 1,
  /** Unusable input: unreadable file, YAML syntax error, bad arguments. */
  USAGE: 2,
} as const;

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
}

/** The result of a command action: the exit code `runCli` returns. */
export type CommandResult = Promise<number> | number;
