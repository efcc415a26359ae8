/** What one run of one subject cost. */
export interface Measurement {
  /** Wall-clock milliseconds: of the timed region (in-process) or of the whole process. */
  readonly ms: number;
  /** CPU milliseconds (user + system) over the same span. */
  readonly cpuMs: number;
  /** Peak resident memory of the whole process, MiB. */
  readonly maxRssMiB: number;
  /** Objects handled, when the subject counts them. */
  readonly objects?: number;
}

/** Where the harness keeps what it builds: compiled code and generated inputs. */
export interface BenchContext {
  /** The project compiled to plain JavaScript (lib/, imports/, bench/), so no loader is timed. */
  readonly dist: string;
  /** Generated inputs, reused while the sources they come from are unchanged. */
  readonly inputs: string;
}

/** One program measured by a row, each run in a fresh process. */
export interface BenchSubject {
  readonly name: string;
  /**
   * `in-process`: the program times its own work (inputs already loaded) and prints one JSON
   * Measurement line; `process`: the whole process is timed from spawn to exit, cold.
   */
  readonly timing: 'in-process' | 'process';
  /** The script (relative to the compiled tree) and its arguments, run with `node`. */
  command(ctx: BenchContext): readonly string[];
}

/** One line group of the table: subjects run interleaved (A B A B ...) and compared. */
export interface BenchRow {
  /** Selects the row with `--rows` (a prefix selects a group, e.g. `synth`). */
  readonly id: string;
  readonly title: string;
  /** Rows that take minutes run only when named or with `--large`. */
  readonly optIn?: boolean;
  /** Caps the run count (long rows). */
  readonly maxRuns?: number;
  readonly subjects: readonly BenchSubject[];
  /** The subject the others are compared with, run by run. */
  readonly baseline: string;
  /** Builds the inputs (untimed). */
  prepare?(ctx: BenchContext): void;
}
