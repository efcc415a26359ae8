import { Analyzer } from './analyzer';
import { ANALYZER_CATALOG } from './catalog';

/**
 * Every analyzer, Istio's (sorted by package, as in Istio's all.go) and then ours, loaded: this
 * loads every analyzer module, so the engine itself runs from ANALYZER_CATALOG instead.
 */
export const ALL_ANALYZERS: readonly Analyzer[] = ANALYZER_CATALOG.map((entry) => entry.load());
