import { MAX_MESSAGE_CHARS, MAX_QUOTED_CHARS, printable } from './printable';

/**
 * What went wrong with one input value, in the words a user needs to fix it. Every prop check
 * throws an `IstioGrpcError` with these fields and the message
 * `[construct] field: got value; reason. Fix: fix`. `IstioGrpcError` is exported for TypeScript and
 * JavaScript (`err instanceof IstioGrpcError`); jsii cannot describe a class extending Error, so
 * jsii languages receive the same message on a plain error.
 */
export interface InputProblem {
  /** Path of the construct or component that received the input (e.g. `Prod/Users`). */
  readonly construct: string;
  /** The prop, dotted for nested values (e.g. `methods[2].retries.attempts`). */
  readonly field: string;
  /** The offending value, as the user wrote it. */
  readonly value: unknown;
  /** Why the value is wrong (what Istio or Kubernetes would do with it). */
  readonly reason: string;
  /** How to fix it. */
  readonly fix: string;
}

/**
 * The one error type every prop check throws: it names the construct, the field, the bad value,
 * why it is wrong and how to fix it, so a failed synth reads as a diagnosis rather than a stack trace.
 */
export class IstioGrpcError extends Error {
  public readonly construct: string;
  public readonly field: string;
  public readonly value: unknown;
  public readonly reason: string;
  public readonly fix: string;

  constructor(problem: InputProblem) {
    super(formatProblem(problem));
    this.name = 'IstioGrpcError';
    this.construct = problem.construct;
    this.field = problem.field;
    this.value = problem.value;
    this.reason = problem.reason;
    this.fix = problem.fix;
  }
}

/**
 * Renders a value for a message: strings quoted, objects as compact JSON, cut to
 * `MAX_QUOTED_CHARS` with the original length (a 10 MB regex is not echoed whole) and with
 * control characters escaped. The one place where messages quote a user's value.
 */
export function describeValue(value: unknown, max: number = MAX_QUOTED_CHARS): string {
  return printable(rawDescription(value), max);
}

function rawDescription(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)
    && typeof value.toString === 'function' && value.toString !== Object.prototype.toString) {
    // Value types such as Duration print in the form the user wrote them.
    return JSON.stringify(String(value));
  }
  try {
    return JSON.stringify(value) ?? Object.prototype.toString.call(value);
  } catch {
    // Cycles, BigInts and objects without a prototype still get a readable description.
    return Object.prototype.toString.call(value);
  }
}

/**
 * A whole message bounded for display: cut to `MAX_MESSAGE_CHARS` around the middle (the start
 * says what is wrong, the end how to fix it), control characters escaped.
 */
export function boundMessage(message: string): string {
  return printable(message, MAX_MESSAGE_CHARS);
}

/** `[Prod/Users] retries.attempts: got -1; attempts must be >= 0. Fix: ...` */
export function formatProblem(problem: InputProblem): string {
  return `[${problem.construct}] ${problem.field}: got ${describeValue(problem.value)}; ${problem.reason}. Fix: ${problem.fix}`;
}
