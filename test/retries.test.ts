import * as fc from 'fast-check';
import { Duration, Idempotency, RetryOn, StreamingKind } from '../lib';
import { only, synthMeshService } from './util/synth';

const base = { name: 'users', protoService: 'users.v1.UserService' };
const routeOf = (objects: any[], name: string) => only(objects, 'VirtualService').spec.http.find((r: any) => r.name === name);

describe('retries: idempotency safety', () => {
  test('an idempotent method gets its retry policy rendered in Istio form', () => {
    const objects = synthMeshService({
      ...base,
      methods: [{
        name: 'GetUser',
        idempotency: Idempotency.NO_SIDE_EFFECTS,
        retries: {
          attempts: 3,
          perTryTimeout: Duration.seconds(2),
          retryOn: [RetryOn.UNAVAILABLE, RetryOn.DEADLINE_EXCEEDED],
          retryOnHttpStatusCodes: [503],
          backoff: Duration.millis(25),
          retryRemoteLocalities: true,
        },
      }],
    });
    expect(routeOf(objects, 'users.v1.UserService/GetUser').retries).toStrictEqual({
      attempts: 3, perTryTimeout: '2s', retryOn: 'unavailable,deadline-exceeded,retriable-status-codes,503', backoff: '25ms', retryRemoteLocalities: true,
    });
  });

  test('retries on a method declared NON_IDEMPOTENT throw and explain the duplicate risk', () => {
    expect(() => synthMeshService({
      ...base, methods: [{ name: 'CreateUser', idempotency: Idempotency.NON_IDEMPOTENT, retries: { attempts: 3 } }],
    })).toThrow(/\[test\/svc\] methods\[0\].retries: got "default conditions"; method CreateUser is declared NON_IDEMPOTENT, and a retry re-sends a call the server may already have executed.*creates duplicates. Fix: declare methods\[0\].idempotency as Idempotency.IDEMPOTENT/);
  });

  test('retries on a method not declared idempotent throw too', () => {
    expect(() => synthMeshService({ ...base, methods: [{ name: 'Charge', retries: { attempts: 1, retryOn: [RetryOn.UNAVAILABLE] } }] }))
      .toThrow(/methods\[0\].retries: got \["unavailable"\]; method Charge is not declared idempotent/);
  });

  test('retries that fire only before the request reached the server are allowed on any method', () => {
    const objects = synthMeshService({
      ...base, methods: [{ name: 'CreateUser', idempotency: Idempotency.NON_IDEMPOTENT, retries: { attempts: 5, retryOn: [RetryOn.CONNECT_FAILURE, RetryOn.REFUSED_STREAM] } }],
    });
    expect(routeOf(objects, 'users.v1.UserService/CreateUser').retries).toStrictEqual({ attempts: 5, retryOn: 'connect-failure,refused-stream' });
  });

  test('pre-request conditions plus status codes can duplicate, so they are refused', () => {
    expect(() => synthMeshService({
      ...base, methods: [{ name: 'CreateUser', retries: { attempts: 2, retryOn: [RetryOn.CONNECT_FAILURE], retryOnHttpStatusCodes: [503] } }],
    })).toThrow(/not declared idempotent/);
  });

  test('service-wide retries are refused when a method is declared NON_IDEMPOTENT', () => {
    expect(() => synthMeshService({
      ...base, retries: { attempts: 3 }, methods: [{ name: 'CreateUser', idempotency: Idempotency.NON_IDEMPOTENT }],
    })).toThrow(/\[test\/svc\] retries: got "default conditions"; service-wide retries also cover method CreateUser, declared NON_IDEMPOTENT.*Fix: move the retries onto the methods declared IDEMPOTENT or NO_SIDE_EFFECTS/);
  });

  test('the loudly named override lets risky retries through', () => {
    const objects = synthMeshService({
      ...base,
      dangerouslyAllowRetriesOnNonIdempotentMethods: true,
      retries: { attempts: 3 },
      methods: [{ name: 'CreateUser', idempotency: Idempotency.NON_IDEMPOTENT, retries: { attempts: 1 } }],
    });
    expect(routeOf(objects, 'users.v1.UserService/CreateUser').retries.attempts).toBe(1);
    expect(routeOf(objects, 'grpc-default').retries).toStrictEqual({ attempts: 3, retryOn: 'connect-failure,refused-stream,unavailable,cancelled' });
  });

  test('service-wide retries are inherited by retry-safe unary methods only', () => {
    const objects = synthMeshService({
      ...base,
      retries: { attempts: 4, retryOn: [RetryOn.UNAVAILABLE] },
      methods: [
        { name: 'GetUser', idempotency: Idempotency.IDEMPOTENT },
        { name: 'Audit' },
        { name: 'Watch', idempotency: Idempotency.NO_SIDE_EFFECTS, streaming: StreamingKind.SERVER },
      ],
    });
    expect(routeOf(objects, 'users.v1.UserService/GetUser').retries).toStrictEqual({ attempts: 4, retryOn: 'unavailable' });
    expect(routeOf(objects, 'users.v1.UserService/Audit').retries).toStrictEqual({ attempts: 2, retryOn: 'connect-failure,refused-stream,reset-before-request' });
    expect(routeOf(objects, 'users.v1.UserService/Watch').retries).toStrictEqual({ attempts: 2, retryOn: 'connect-failure,refused-stream,reset-before-request' });
  });

  test('attempts 0 renders alone, and other fields next to it are refused as Istio does', () => {
    const objects = synthMeshService({ ...base, retries: { attempts: 0 } });
    expect(routeOf(objects, 'grpc-default').retries).toStrictEqual({ attempts: 0 });
    expect(() => synthMeshService({ ...base, retries: { attempts: 0, perTryTimeout: Duration.seconds(1) } }))
      .toThrow(/retries.perTryTimeout: got "1s"; retries are switched off \(attempts: 0\), and Istio rejects other retry fields alongside attempts: 0/);
  });

  test.each([
    [{ attempts: -1 }, /retries.attempts: got -1; must be a whole number from 0 to 10000/],
    [{ attempts: 2, retryOn: ['sometimes'] }, /retries.retryOn\[0\]: got "sometimes"; is not a retry condition Envoy knows/],
    [{ attempts: 2, retryOn: [] }, /retries.retryOn: got \[\]; an empty list means Istio falls back to its default conditions/],
    [{ attempts: 2, retryOn: ['unavailable', 'unavailable'] }, /retries.retryOn: got .*; lists a condition twice/],
    [{ attempts: 2, retryOnHttpStatusCodes: [600] }, /retries.retryOnHttpStatusCodes\[0\]: got 600; must be a whole number from 100 to 599/],
    [{ attempts: 2, retryOnHttpStatusCodes: [104] }, /retries.retryOnHttpStatusCodes\[0\]: got 104; is not a standard HTTP status code, and Istio refuses unknown codes/],
    [{ attempts: 2, perTryTimeout: Duration.millis(0.1) }, /retries.perTryTimeout: got "0.1ms"; Istio keeps millisecond precision/],
  ])('rejects a bad service-wide policy %#', (retries, message) => {
    expect(() => synthMeshService({ ...base, retries: retries as any })).toThrow(message);
  });

  test('a per-try timeout on a streaming method is refused', () => {
    expect(() => synthMeshService({
      ...base, methods: [{ name: 'Chat', streaming: StreamingKind.BIDI, idempotency: Idempotency.IDEMPOTENT, retries: { attempts: 1, perTryTimeout: Duration.seconds(1) } }],
    })).toThrow(/methods\[0\].retries.perTryTimeout: got "1s"; Chat is a bidi-streaming method, and a per-try timeout would cut every stream/);
  });

  test('streaming methods do not inherit the unary route timeout', () => {
    const objects = synthMeshService({ ...base, timeout: Duration.seconds(5), methods: [{ name: 'Watch', streaming: StreamingKind.SERVER }, { name: 'Get' }] });
    expect(routeOf(objects, 'users.v1.UserService/Watch').timeout).toBeUndefined();
    expect(routeOf(objects, 'users.v1.UserService/Get').timeout).toBe('5s');
  });

  test('property: for any method and policy, synthesis either refuses with our error or never retries a non-retry-safe call after it reached the server', () => {
    const idempotency = fc.constantFrom(...Object.values(Idempotency));
    const conditions = fc.uniqueArray(fc.constantFrom(...Object.values(RetryOn)), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(idempotency, conditions, fc.integer({ min: 0, max: 5 }), (idem, retryOn, attempts) => {
      let objects: any[];
      try {
        objects = synthMeshService({ ...base, methods: [{ name: 'M', idempotency: idem, retries: attempts === 0 ? { attempts } : { attempts, retryOn } }] });
      } catch (err) {
        expect((err as Error).name).toBe('IstioGrpcError');
        return;
      }
      const retries = routeOf(objects, 'users.v1.UserService/M').retries;
      const safe = idem === Idempotency.IDEMPOTENT || idem === Idempotency.NO_SIDE_EFFECTS;
      if (!safe && retries.attempts > 0) {
        expect(retries.retryOn.split(',').every((c: string) => ['connect-failure', 'refused-stream', 'reset-before-request'].includes(c))).toBe(true);
      }
    }), { numRuns: 200 });
  });
});
