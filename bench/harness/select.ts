import { BenchRow } from './types';

/**
 * The rows `--rows` names (ids or id prefixes, comma-separated; none: every row not opt-in). A
 * prefix selects its group's default rows (opt-in ones too with `large`); an exact id selects
 * that row even when it is opt-in. An unknown name is an error, never silently skipped.
 */
export function selectRows(all: readonly BenchRow[], rows: string | undefined, large: boolean): BenchRow[] {
  if (rows === undefined) return all.filter((r) => !r.optIn || large);
  const wanted = rows.split(',').map((s) => s.trim()).filter(Boolean);
  const matches = (r: BenchRow, w: string) => r.id === w || (r.id.startsWith(`${w}-`) && (!r.optIn || large));
  const unknown = wanted.filter((w) => !all.some((r) => r.id === w || r.id.startsWith(`${w}-`)));
  if (unknown.length) throw new Error(`no bench row ${unknown.join(', ')}; --list shows them`);
  return all.filter((r) => wanted.some((w) => matches(r, w)));
}
