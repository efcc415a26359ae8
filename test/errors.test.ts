import { Duration } from '../lib';
import { describeValue, IstioGrpcError } from '../lib/core/errors';

describe('IstioGrpcError', () => {
  test('names the construct, field, value, reason and fix', () => {
    // GIVEN / WHEN
    const err = new IstioGrpcError({
      construct: 'Prod/Users',
      field: 'port',
      value: 70000,
      reason: 'a port must be between 1 and 65535',
      fix: 'use the container port your gRPC server listens on, e.g. 50051',
    });
    // THEN
    expect(err.message).toBe('[Prod/Users] port: got 70000; a port must be between 1 and 65535. Fix: use the container port your gRPC server listens on, e.g. 50051');
    expect(err).toBeInstanceOf(Error);
    expect(err.field).toBe('port');
  });
});

describe('describeValue', () => {
  test.each([
    ['a string', 'grpc-api', '"grpc-api"'],
    ['a value type, as written', Duration.millis(1500), '"1500ms"'],
    ['an object without a prototype', Object.create(null), '{}'],
    ['a cycle', (() => { const o: any = {}; o.self = o; return o; })(), '[object Object]'],
    ['a BigInt', BigInt(7), '[object BigInt]'],
    ['undefined', undefined, 'undefined'],
  ])('describes %s without throwing', (_what, value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });
});
