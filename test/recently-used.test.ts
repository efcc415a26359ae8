import * as fc from 'fast-check';
import { RecentlyUsed } from '../lib/validate/yaml/recently-used';

describe('RecentlyUsed', () => {
  test('keeps the values used last, up to its capacity, and makes only what it does not hold', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 60 }), (capacity, keys) => {
      const cache = new RecentlyUsed<number, string>(capacity);
      // The model: keys from least to most recently used.
      let order: number[] = [];
      for (const key of keys) {
        let made = false;
        const value = cache.get(key, () => {
          made = true;
          return `v${key}`;
        });
        expect(value).toBe(`v${key}`);
        expect(made).toBe(!order.includes(key));
        order = [...order.filter((k) => k !== key), key].slice(-capacity);
      }
    }));
  });

  test('drops the least recently used, not the first made', () => {
    const cache = new RecentlyUsed<string, number>(2);
    let makes = 0;
    const make = () => ++makes;
    cache.get('a', make);
    cache.get('b', make);
    cache.get('a', make);
    cache.get('c', make);
    expect(cache.get('a', make)).toBe(1);
    expect(cache.get('b', make)).toBe(4);
  });
});
