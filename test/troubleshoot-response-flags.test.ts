import * as fc from 'fast-check';
import { editDistance } from '../lib/core/did-you-mean';
import { findResponseFlag, splitResponseFlags, suggestResponseFlags } from '../lib/troubleshoot/flag-lookup';
import { RESPONSE_FLAGS } from '../lib/troubleshoot/response-flags';

/** The flags issue 6 names, plus DR which current Envoy documents too. */
const REQUIRED = ['UH', 'UF', 'UO', 'NR', 'URX', 'NC', 'DT', 'LH', 'UT', 'LR', 'UR', 'UC', 'DI', 'FI', 'RL', 'UAEX', 'RLSE',
  'DC', 'IH', 'SI', 'DPE', 'UPE', 'UMSDR', 'OM', 'DF', 'DO', 'RFCF', 'NFCF', 'DR'];

describe('response flag catalog', () => {
  test.each(REQUIRED)('%s has a complete entry', (code) => {
    const flag = findResponseFlag(code);
    expect(flag?.code).toBe(code);
    expect(flag!.longName).toMatch(/^[A-Z][A-Za-z]+$/);
    expect(flag!.meaning.length).toBeGreaterThan(20);
    expect(flag!.grpcRootCause.length).toBeGreaterThan(20);
    expect(flag!.clientSees.length).toBeGreaterThan(5);
    expect(flag!.checks.length).toBeGreaterThan(0);
  });

  test('codes and long names are unique', () => {
    const codes = RESPONSE_FLAGS.map((f) => f.code);
    const longs = RESPONSE_FLAGS.map((f) => f.longName);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(longs).size).toBe(longs.length);
  });

  test('the article\'s flags point at the construct settings that fix them', () => {
    expect(findResponseFlag('UO')!.settings).toEqual(expect.arrayContaining(['connectionPool.http2MaxRequests', 'connectionPool.maxConnections']));
    expect(findResponseFlag('UT')!.settings).toEqual(expect.arrayContaining(['timeout', 'retries.perTryTimeout', 'methods[].timeout']));
    expect(findResponseFlag('UR')!.settings).toContain('connectionPool.idleTimeout');
    expect(findResponseFlag('UR')!.grpcRootCause).toMatch(/max_connection_age/);
    expect(findResponseFlag('UH')!.grpcRootCause).toMatch(/subset/);
    expect(findResponseFlag('UF')!.settings).toContain('clientTlsMode');
  });

  test('documented HTTP statuses', () => {
    expect(findResponseFlag('UT')!.httpStatus).toBe(504);
    expect(findResponseFlag('NR')!.httpStatus).toBe(404);
    expect(findResponseFlag('RL')!.httpStatus).toBe(429);
    expect(findResponseFlag('SI')!.httpStatus).toBe(408);
  });

  test('lookup by long name is case-insensitive', () => {
    expect(findResponseFlag('upstreamoverflow')?.code).toBe('UO');
    expect(findResponseFlag(' nr ')?.code).toBe('NR');
    expect(findResponseFlag('XX')).toBeUndefined();
  });
});

describe('splitResponseFlags', () => {
  test.each([
    ['-', []],
    ['', []],
    [undefined, []],
    ['UH', ['UH']],
    ['UT,URX', ['UT', 'URX']],
    ['UF|URX', ['UF', 'URX']],
  ])('%s', (value, expected) => {
    expect(splitResponseFlags(value)).toStrictEqual(expected);
  });
});

describe('suggestions', () => {
  test('near misses suggest the closest codes', () => {
    expect(suggestResponseFlags('UOX')).toContain('UO');
    expect(suggestResponseFlags('UpstreamOverfow')).toStrictEqual(['UO']);
    expect(suggestResponseFlags('UMS')).toContain('UMSDR');
    expect(suggestResponseFlags('ZZZZZZZ')).toStrictEqual([]);
  });

  test('every known code suggests itself first', () => {
    for (const f of RESPONSE_FLAGS) expect(suggestResponseFlags(f.code)[0]).toBe(f.code);
  });

  test('edit distance is a metric on short strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
      const d = editDistance(a, b);
      expect(d).toBe(editDistance(b, a));
      expect(d === 0).toBe(a === b);
      expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
    }));
  });
});
