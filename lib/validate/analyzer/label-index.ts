import { labelsMatch } from './objects';

/** Positions (in the order added) by label key, then value. */
type Postings = Map<string, Map<string, number[]>>;

function post(postings: Postings, key: string, value: string, at: number): void {
  let byValue = postings.get(key);
  if (!byValue) postings.set(key, byValue = new Map());
  const list = byValue.get(value);
  if (list) list.push(at);
  else byValue.set(value, [at]);
}

/**
 * Items (workloads) found by their labels: those carrying every label of a selector, exactly as
 * `labelsMatch` decides, in the order they were added. Each selector label narrows the search to
 * the items with that key=value, so a lookup costs the smallest such set rather than every item.
 */
export class LabelIndex<T> {
  private readonly items: T[] = [];
  private readonly labels: Readonly<Record<string, string>>[] = [];
  private readonly postings: Postings = new Map();

  /** Adds an item with its labels (only string values count, as in `labelsMatch`). */
  add(item: T, labels: Readonly<Record<string, string>>): void {
    const at = this.items.length;
    this.items.push(item);
    this.labels.push(labels);
    for (const key of Object.keys(labels)) {
      const value = labels[key];
      if (typeof value === 'string') post(this.postings, key, value, at);
    }
  }

  /** How many items were added. */
  get size(): number {
    return this.items.length;
  }

  /** The items whose labels include every selector label (all of them for an empty selector). */
  matching(selector: Readonly<Record<string, unknown>>): T[] {
    const candidates = this.candidates(selector);
    if (candidates === 'all') return [...this.items];
    const out: T[] = [];
    for (const at of candidates) if (labelsMatch(selector, this.labels[at])) out.push(this.items[at]);
    return out;
  }

  /** Whether some item carries every selector label. */
  some(selector: Readonly<Record<string, unknown>>): boolean {
    const candidates = this.candidates(selector);
    if (candidates === 'all') return this.items.length > 0;
    return candidates.some((at) => labelsMatch(selector, this.labels[at]));
  }

  /** The smallest posting list among the selector's labels: every match is in it. */
  private candidates(selector: Readonly<Record<string, unknown>>): readonly number[] | 'all' {
    let smallest: readonly number[] | undefined;
    for (const key of Object.keys(selector)) {
      const value = selector[key];
      // A label value is a string: any other selector value matches nothing.
      if (typeof value !== 'string') return [];
      const list = this.postings.get(key)?.get(value);
      if (!list) return [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    return smallest ?? 'all';
  }
}

/**
 * Items with a label selector (Services) found by the labels of a pod: those whose selector the
 * labels satisfy, exactly as `labelsMatch(selector, labels)` decides, in the order they were
 * added. Each selector is filed under one of its labels, so a lookup only tries the selectors
 * filed under a label the pod carries.
 */
export class SelectorIndex<T> {
  private readonly items: T[] = [];
  private readonly selectors: Readonly<Record<string, unknown>>[] = [];
  private readonly postings: Postings = new Map();
  /** Positions of empty selectors, which every pod satisfies. */
  private readonly matchAll: number[] = [];

  /** Adds an item with its selector. */
  add(item: T, selector: Readonly<Record<string, unknown>>): void {
    const keys = Object.keys(selector);
    // A selector value that is not a string can never equal a label: it selects nothing.
    if (keys.some((k) => typeof selector[k] !== 'string')) return;
    const at = this.items.length;
    this.items.push(item);
    this.selectors.push(selector);
    if (keys.length === 0) this.matchAll.push(at);
    else post(this.postings, keys[0], selector[keys[0]] as string, at);
  }

  /** The items whose selector `labels` satisfies. */
  selecting(labels: Readonly<Record<string, string>>): T[] {
    const candidates = [...this.matchAll];
    for (const key of Object.keys(labels)) {
      const value = labels[key];
      const list = typeof value === 'string' ? this.postings.get(key)?.get(value) : undefined;
      if (list) for (const at of list) candidates.push(at);
    }
    candidates.sort((a, b) => a - b);
    const out: T[] = [];
    for (const at of candidates) if (labelsMatch(this.selectors[at], labels)) out.push(this.items[at]);
    return out;
  }
}
