import fc from 'fast-check';
import { Duration, GrpcMeshServiceProps, Idempotency, PreStopAction, StreamingKind } from '../lib';
import { synthOrRefused } from './util/synth';
import { validateObjects } from '../lib/validate/engine';

// Durations from 1s to 2h, with the edges where the rules flip (equal values) likely.
const seconds = fc.constantFrom(1, 5, 10, 30, 45, 60, 120, 300, 600, 1800, 3600, 7200);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const duration = maybe(seconds.map(Duration.seconds));

const propsArb: fc.Arbitrary<GrpcMeshServiceProps> = fc.record({
  lifecycle: maybe(fc.record({
    maxStreamDuration: duration,
    preStopDelay: duration,
    preStopAction: maybe(fc.constantFrom(PreStopAction.EXEC_SLEEP, PreStopAction.NONE)),
    drainDuration: duration,
    exitOnZeroActiveConnections: maybe(fc.boolean()),
    terminationGracePeriod: duration,
  }, { requiredKeys: [] })),
  serverKeepalive: maybe(fc.record({
    maxConnectionAge: duration,
    maxConnectionAgeGrace: duration,
    maxConnectionIdle: duration,
    permitKeepaliveTime: duration,
  }, { requiredKeys: [] })),
  connectionPool: maybe(fc.record({
    idleTimeout: duration,
    maxConnectionDuration: duration,
    http2Keepalive: maybe(fc.record({ interval: duration }, { requiredKeys: [] })),
  }, { requiredKeys: [] })),
  streamTimeout: duration,
}).map(({ streamTimeout, ...rest }) => ({
  name: 'feed',
  namespace: 'shop',
  protoService: 'feed.v1.Feed',
  workload: { image: 'ghcr.io/acme/feed:1.0.0' },
  methods: [{ name: 'Subscribe', streaming: StreamingKind.BIDI, idempotency: Idempotency.NO_SIDE_EFFECTS, timeout: streamTimeout }],
  ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
}));

describe('lifecycle props and lint agree', () => {
  test('the construct either refuses with IstioGrpcError or emits objects with no IGR31xx finding', () => {
    const outcomes = new Set<string>();
    fc.assert(fc.property(propsArb, (props) => {
      const objects = synthOrRefused(props);
      if (!objects) {
        outcomes.add('rejected');
        return;
      }
      outcomes.add('synthesized');
      const findings = validateObjects(objects).filter((f) => f.code.startsWith('IGR31') || f.severity === 'error');
      expect(findings.map((f) => `${f.code} ${f.resource.kind} ${f.path}: ${f.message}`)).toStrictEqual([]);
    }), { numRuns: 250, seed: 20261202 });
    expect(outcomes).toStrictEqual(new Set(['rejected', 'synthesized']));
  });
});
