import { spawn, spawnSync } from 'child_process';

/** What a finished command printed and how it exited. */
export interface CommandResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment of a command run as a user would run it: without the variables the `npm test`
 * that started us set for this repository (its package, lifecycle and local prefix: they would
 * point npm here) and without NODE_PATH (it would let an app resolve this repository's
 * node_modules). The rest of npm's configuration (registry, cache, certificates, proxy) stays.
 */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const ours = /^npm_(package_|lifecycle_|config_local_prefix$|execpath$|node_execpath$|command$)/i;
  for (const [k, v] of Object.entries(process.env)) {
    if (!ours.test(k) && k !== 'NODE_PATH' && k !== 'INIT_CWD') env[k] = v;
  }
  return { ...env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

/** Runs `command` in `cwd` and resolves with its output (never rejects on a non-zero exit). */
export function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = userEnv()): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** Like `run`, but rejects with the command's output when it exits non-zero. */
export async function runOk(command: string, args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<CommandResult> {
  const result = await run(command, args, cwd, env);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/**
 * Why the npm registry cannot be used, or undefined when it answers (asks for one version of
 * one package, with a bounded wait).
 */
export function registryUnreachable(probe: string): string | undefined {
  const result = spawnSync('npm', ['view', probe, 'version'], { env: userEnv(), encoding: 'utf8', timeout: 60_000 });
  if (result.status === 0 && result.stdout.trim()) return undefined;
  const errors = result.stderr.split('\n').filter((l) => l.startsWith('npm error') && !/complete log of this run/.test(l));
  const why = result.error?.message ?? (errors.slice(0, 2).join('; ') || `exit ${result.status}`);
  return `npm registry unreachable (npm view ${probe} version: ${why})`;
}
