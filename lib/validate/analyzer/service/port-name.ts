import { protocolFromName, SYSTEM_NAMESPACES } from './protocols';
import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { listOf, namespaceOf, objOf, specOf } from '../objects';

/** IST0118/IST0150: ports whose protocol Istio cannot tell, and ExternalName ports named for TCP. */
export const portNameAnalyzer: Analyzer = {
  name: 'service.PortNameAnalyzer',
  inputs: ['Service'],
  analyze({ index, report }) {
    for (const svc of index.of('Service')) {
      if (svc.apiVersion !== 'v1') continue;
      const spec = specOf(svc);
      const external = spec.type === 'ExternalName';
      listOf(spec.ports).forEach((raw, i) => {
        const port = objOf(raw);
        const name = typeof port.name === 'string' ? port.name : '';
        const fromName = protocolFromName(name);
        const appProtocol = typeof port.appProtocol === 'string' ? port.appProtocol.toLowerCase() : undefined;
        if (external) {
          if (fromName === 'tcp' && !appProtocol) {
            report(IST.ExternalNameServiceTypeInvalidPortName, svc,
              `port ${String(port.port)} of an ExternalName Service is named for TCP, which the proxy may keep from reaching the external service; name it for its protocol (e.g. https, tls)`, `spec.ports[${i}].name`);
          }
          return;
        }
        if (!fromName && !appProtocol && !SYSTEM_NAMESPACES.has(namespaceOf(svc))) {
          report(IST.PortNameIsNotUnderNamingConvention, svc,
            `port ${String(port.port)}${name ? ` (${name})` : ''} does not follow <protocol>[-<suffix>] and has no appProtocol, so Istio must guess its protocol; for gRPC name it grpc or set appProtocol: grpc`, `spec.ports[${i}]`);
        }
      });
    }
  },
};
