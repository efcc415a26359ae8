import { ANALYZER_CATALOG, AnalyzerEntry } from './catalog';
import { closestMatch } from '../../core/did-you-mean';
import { IstioGrpcError } from '../../core/errors';
import { WEBHOOK_CHECKED_KINDS } from '../webhook';

/**
 * The admission webhook's rules for one kind, under the name `istioctl analyze` gives the analyzer
 * that runs them on files (`schema.ValidationAnalyzer.VirtualService`).
 */
export function webhookAnalyzerName(kind: string): string {
  return `schema.ValidationAnalyzer.${kind}`;
}

/** Pod Security admission's "restricted" profile checks (IGR4xxx), ours. */
export const POD_SECURITY_ANALYZER = 'podsecurity.RestrictedAnalyzer';

let knownNames: readonly string[] | undefined;

/** Every name `--analyzer` accepts, sorted, each once (one Istio analyzer may span several files here). */
export function analyzerNames(): readonly string[] {
  if (!knownNames) {
    const all = new Set<string>(ANALYZER_CATALOG.map((a) => a.name));
    for (const kind of WEBHOOK_CHECKED_KINDS) all.add(webhookAnalyzerName(kind.split('/')[1]));
    all.add(POD_SECURITY_ANALYZER);
    knownNames = [...all].sort();
  }
  return knownNames;
}

/** The first of `requested` that no analyzer has, with the closest known name; undefined when all are known. */
export function unknownAnalyzer(requested: readonly string[]): { readonly name: string; readonly closest?: string } | undefined {
  const known = analyzerNames();
  const name = requested.find((n) => !known.includes(n));
  if (name === undefined) return undefined;
  const closest = closestMatch(name, known);
  return closest ? { name, closest } : { name };
}

/**
 * Which checks a run reports, as `istioctl analyze --analyzer NAME` selects them: all of them
 * when no name is given. The CRD schema stage (what the API server refuses) always runs.
 */
export class AnalyzerSelection {
  /** Every check. */
  static readonly ALL = new AnalyzerSelection(undefined);

  /**
   * The selection of `names`. An unknown name is refused with an IstioGrpcError: Istio would
   * silently run every analyzer instead, which hides a typo.
   */
  static of(names: readonly string[] | undefined): AnalyzerSelection {
    if (!names || names.length === 0) return AnalyzerSelection.ALL;
    const unknown = unknownAnalyzer(names);
    if (unknown) {
      throw new IstioGrpcError({
        construct: 'validate',
        field: 'analyzers',
        value: unknown.name,
        reason: 'no analyzer has this name',
        fix: unknown.closest ? `use ${unknown.closest}` : 'use a name `istio-grpc lint --list-analyzers` prints',
      });
    }
    return new AnalyzerSelection(new Set(names));
  }

  private constructor(private readonly selected: ReadonlySet<string> | undefined) {}

  /** Whether the check named `name` runs. */
  includes(name: string): boolean {
    return this.selected === undefined || this.selected.has(name);
  }

  /** The cross-object analyzers selected, in their usual order (their modules not loaded yet). */
  analyzers(): readonly AnalyzerEntry[] {
    return this.selected === undefined ? ANALYZER_CATALOG : ANALYZER_CATALOG.filter((a) => this.includes(a.name));
  }
}
