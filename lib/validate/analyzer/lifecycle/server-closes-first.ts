import { serverClosesFirst } from '../../../core/connection-lifecycle-rules';
import { Analyzer } from '../analyzer';
import { IGR } from '../messages';
import { namespaceOf, objOf, specOf } from '../objects';
import { millisOf, serverLimitsOf, trafficPoliciesOf } from './lifecycle-inputs';

/**
 * IGR3101: the gRPC server (by the keepalive its Service declares) closes connections before the
 * client sidecars' pool does: idle limit not above the pool's idle timeout, or max connection age
 * not above it without a graceful drain.
 */
export const serverClosesFirstAnalyzer: Analyzer = {
  name: 'lifecycle.ServerClosesFirstAnalyzer',
  inputs: ['DestinationRule', 'Service'],
  analyze({ index, report }) {
    for (const dr of index.of('DestinationRule')) {
      const server = serverLimitsOf(index.service(String(specOf(dr).host ?? ''), namespaceOf(dr)));
      if (!server) continue;
      for (const [policy, path] of trafficPoliciesOf(dr)) {
        // A subset without a pool of its own inherits the top-level one, already checked.
        if (path !== 'spec.trafficPolicy' && policy.connectionPool === undefined) continue;
        const pool = objOf(policy.connectionPool);
        const limits = {
          idleTimeout: millisOf(objOf(pool.http).idleTimeout),
          maxConnectionDuration: millisOf(objOf(pool.tcp).maxConnectionDuration),
        };
        for (const problem of serverClosesFirst(server, limits)) {
          const field = problem.field === 'idleTimeout' ? 'http.idleTimeout' : 'tcp.maxConnectionDuration';
          report(IGR.SERVER_CLOSES_CONNECTIONS_FIRST, dr, `${problem.reason}; set ${field} below the server's ${problem.field === 'idleTimeout' ? 'max connection idle' : 'max connection age'}`,
            `${path}.connectionPool.${field}`);
        }
      }
    }
  },
};
