import * as fc from 'fast-check';
import { Duration, MAX_DURATION_MILLIS, renderDuration } from '../lib/core/duration';
import { IstioGrpcError } from '../lib/core/errors';

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

describe('renderDuration: the range Kubernetes and Istio can hold', () => {
  test('the longest Go time.Duration in whole milliseconds renders; one millisecond more is an error', () => {
    expect(renderDuration('c', 'timeout', Duration.millis(MAX_DURATION_MILLIS))).toBe(`${MAX_DURATION_MILLIS}ms`);
    expect(() => renderDuration('c', 'timeout', Duration.millis(MAX_DURATION_MILLIS + 1))).toThrow(/\[c\] timeout: got .*beyond the longest duration Kubernetes and Istio can hold/);
  });

  test.each([
    ['Duration.hours(1e12)', Duration.hours(1e12)],
    ['Duration.parse("2562048h")', Duration.parse('2562048h')],
    ['Duration.seconds(315576000000)', Duration.seconds(315_576_000_000)],
  ])('%s is refused', (_name, value) => {
    expect(() => renderDuration('c', 'timeout', value)).toThrow(/IstioGrpcError|beyond the longest duration/);
  });

  test('a value that is not a Duration is an IstioGrpcError, not a TypeError', () => {
    expect(() => renderDuration('c', 'timeout', '5s' as unknown as Duration)).toThrow(/\[c\] timeout: got "5s"; must be a Duration/);
    expect(() => renderDuration('c', 'timeout', null as unknown as Duration)).toThrow(/\[c\] timeout: got null; must be a Duration/);
  });

  test('every whole number of milliseconds renders exactly when it is within [1ms, max]', () => {
    const near = fc.oneof(fc.integer({ min: -10, max: 10 }), fc.integer({ min: MAX_DURATION_MILLIS - 5, max: MAX_DURATION_MILLIS + 5 }), fc.nat());
    fc.assert(fc.property(near, (ms) => {
      const inRange = ms >= 1 && ms <= MAX_DURATION_MILLIS;
      let rendered: string | undefined;
      try {
        rendered = renderDuration('c', 'timeout', Duration.millis(ms));
      } catch (err) {
        expect(err).toBeInstanceOf(IstioGrpcError);
      }
      expect(rendered !== undefined).toBe(inRange);
    }));
  });
});
