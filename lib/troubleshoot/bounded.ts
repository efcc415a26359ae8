/**
 * Keeps the `capacity` largest items seen so far in a binary min-heap, so finding the slowest
 * requests of a log costs O(capacity) memory whatever the log's size.
 */
export class TopN<T> {
  private readonly heap: T[] = [];

  constructor(private readonly capacity: number, private readonly weight: (item: T) => number) {}

  /** Whether an item of this weight would be kept (lets callers skip building items that would not). */
  public accepts(weight: number): boolean {
    return this.capacity > 0 && (this.heap.length < this.capacity || weight > this.weight(this.heap[0]));
  }

  /** Offers an item; it is kept only if it is among the largest so far. */
  public offer(item: T): void {
    if (this.capacity <= 0) return;
    const heap = this.heap;
    if (heap.length < this.capacity) {
      heap.push(item);
      this.siftUp(heap.length - 1);
    } else if (this.weight(item) > this.weight(heap[0])) {
      heap[0] = item;
      this.siftDown(0);
    }
  }

  /** The kept items, largest first (ties keep the order they arrived in). */
  public sorted(): T[] {
    return this.heap.map((item, i) => ({ item, i }))
      .sort((a, b) => this.weight(b.item) - this.weight(a.item) || a.i - b.i)
      .map((x) => x.item);
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    let i = index;
    while (i > 0) {
      const parent = Math.floor((i - 1) / 2);
      if (this.weight(heap[i]) >= this.weight(heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && this.weight(heap[left]) < this.weight(heap[smallest])) smallest = left;
      if (right < heap.length && this.weight(heap[right]) < this.weight(heap[smallest])) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest], heap[i]];
      i = smallest;
    }
  }
}

/** Label under which keys beyond a counter's capacity are counted. */
export const OTHER_KEY = '(other)';

/**
 * Counts per key, for at most `maxKeys` distinct keys; later new keys are counted under
 * `(other)`, so a log with unbounded paths or hosts cannot grow memory without bound.
 */
export class BoundedCounter<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly maxKeys: number, private readonly create: () => V) {}

  /** The value for `key` (or for `(other)` once the counter is full). */
  public get(key: string): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      const slot = this.entries.size < this.maxKeys ? key : OTHER_KEY;
      value = this.entries.get(slot);
      if (value === undefined) {
        value = this.create();
        this.entries.set(slot, value);
      }
    }
    return value;
  }

  /** Every key and value. */
  public all(): Array<[string, V]> {
    return [...this.entries.entries()];
  }
}
