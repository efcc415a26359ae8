import { performance } from 'perf_hooks';

/**
 * Runs `work` (inputs already loaded) and prints its Measurement as the process's last stdout
 * line; `work` returns how many objects it handled.
 */
export function printTimed(work: () => number): void {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const objects = work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, maxRssMiB, objects })}\n`);
}
