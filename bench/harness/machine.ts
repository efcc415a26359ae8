import { cpus, totalmem } from 'os';

/** The machine, as the README's performance section describes it. */
export function describeMachine(): string {
  const list = cpus();
  return `${list.length} cores (${list[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`;
}
