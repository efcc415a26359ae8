import * as fc from 'fast-check';
import { Duration, renderDuration } from '../lib/core/duration';

describe('Duration', () => {
  test.each([
    [Duration.millis(250), '250ms'],
    [Duration.millis(1500), '1500ms'],
    [Duration.seconds(2), '2s'],
    [Duration.seconds(1.5), '1500ms'],
    [Duration.minutes(5), '300s'],
    [Duration.hours(1), '3600s'],
  ])('%s renders in Istio form', (duration, expected) => {
    expect(duration.toIstio()).toBe(expected);
  });

  test.each([
    ['250ms', 250], ['2s', 2000], ['1.5s', 1500], ['1m30s', 90_000], ['1h', 3_600_000], ['1h2m3s4ms', 3_723_004],
  ])('parses %s', (text, ms) => {
    expect(Duration.parse(text).milliseconds).toBe(ms);
  });

  test.each(['', '2', 's', '2 s', '-1s', '1d', 'abc'])('rejects %j with a clear error', (text) => {
    expect(() => Duration.parse(text)).toThrow(/\[Duration\] parse\(text\): got .*; a duration is a number followed by a unit.*Fix: write the duration like "2s"/);
  });

  test('any whole number of milliseconds survives a render/parse round trip', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10 ** 9 }), (ms) => {
      expect(Duration.parse(Duration.millis(ms).toIstio()).milliseconds).toBe(ms);
    }));
  });
});

describe('renderDuration', () => {
  test('enforces ms precision, the 1ms minimum and an optional maximum, naming the field', () => {
    expect(renderDuration('c', 'timeout', Duration.millis(1))).toBe('1ms');
    expect(() => renderDuration('c', 'timeout', Duration.millis(0))).toThrow(/\[c\] timeout: got "0ms"; the value must be at least 1ms/);
    expect(() => renderDuration('c', 'timeout', Duration.millis(2.5))).toThrow(/timeout: got "2.5ms"; Istio keeps millisecond precision.*Duration.millis\(3\)/);
    expect(() => renderDuration('c', 'timeout', Duration.millis(NaN))).toThrow(/timeout: got "NaN"; a duration must be a finite number/);
    expect(() => renderDuration('c', 'x', Duration.seconds(5), { maxMillis: 1000 })).toThrow(/x: got "5000ms"; the value must be at most 1000ms/);
  });
});
