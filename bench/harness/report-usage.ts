/**
 * Preloaded (`node -r`) into every measured process: at exit it writes the process's own
 * resource usage (CPU time, peak RSS) to the file named by BENCH_USAGE_FILE, which a parent
 * cannot read from a finished child in Node.
 */
import { writeFileSync } from 'fs';

const target = process.env.BENCH_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMiB: usage.maxRSS / 1024 }));
  });
}
