import type { LRParser } from '@lezer/lr';

// The package's type declarations are marked as an ES module, but it ships a CommonJS build too
// (its `require` export), which is what the tests load.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parser } = require('@prometheus-io/lezer-promql') as { parser: LRParser };

/** What Prometheus's own PromQL grammar makes of a query. */
export interface ParsedQuery {
  /** Positions and text where the grammar found no valid PromQL (empty when the query parses). */
  readonly errors: string[];
  /** Metric names of every vector selector. */
  readonly metrics: string[];
  /** Label names in matchers and in `by (...)` groupings. */
  readonly labels: string[];
}

/**
 * Parses `query` with @prometheus-io/lezer-promql. Controller placeholders must be filled in
 * first (`{{ interval }}` is not PromQL); see `fillPlaceholders`.
 */
export function parsePromQL(query: string): ParsedQuery {
  const tree = parser.parse(query);
  const errors: string[] = [];
  const metrics: string[] = [];
  const labels: string[] = [];
  tree.iterate({
    enter: (node) => {
      const text = query.slice(node.from, node.to);
      if (node.type.isError) errors.push(`at ${node.from}: ${JSON.stringify(query.slice(Math.max(0, node.from - 20), node.to + 20))}`);
      if (node.name === 'LabelName') labels.push(text);
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') metrics.push(text);
    },
  });
  return { errors, metrics, labels };
}

/** Replaces Argo Rollouts' and Flagger's template placeholders with sample values. */
export function fillPlaceholders(query: string): string {
  return query
    .replace(/\{\{\s*interval\s*\}\}/g, '1m')
    .replace(/\{\{\s*namespace\s*\}\}/g, 'billing')
    .replace(/\{\{\s*target\s*\}\}/g, 'payments')
    .replace(/\{\{\s*args\.[a-z-]+\s*\}\}/g, 'v2');
}
