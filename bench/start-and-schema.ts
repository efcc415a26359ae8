/**
 * The benchmark's rows for CLI start and the schema stage, for the harness: Markdown lines and
 * the figures for bench-results. BENCH_COLD_RUNS and BENCH_SCHEMA_ROUNDS set the repetitions.
 */
import { coldStartRows, coldStartTable } from './cold-start';
import { schemaStageRow, schemaStageTable } from './schema-stage';

export function startAndSchemaSection(): { lines: string[]; figures: Record<string, unknown> } {
  const runs = Number(process.env.BENCH_COLD_RUNS ?? 15);
  const coldStart = coldStartRows(runs);
  const schemaStage = schemaStageRow(200, Number(process.env.BENCH_SCHEMA_ROUNDS ?? 21));
  return { lines: [...coldStartTable(coldStart, runs), '', ...schemaStageTable(schemaStage)], figures: { coldStart, schemaStage } };
}
