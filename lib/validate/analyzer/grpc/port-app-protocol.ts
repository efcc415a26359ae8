import { Analyzer } from '../analyzer';
import { IGR } from '../messages';
import { listOf, objOf, specOf } from '../objects';
import { HTTP2_FAMILY, protocolFromName } from '../service/protocols';

/** IGR3004: a port named for gRPC/HTTP2 whose appProtocol says otherwise (Istio follows appProtocol). */
export const portAppProtocolAnalyzer: Analyzer = {
  name: 'grpc.PortAppProtocolAnalyzer',
  inputs: ['Service'],
  analyze({ index, report }) {
    for (const svc of index.of('Service')) {
      if (svc.apiVersion !== 'v1') continue;
      listOf(specOf(svc).ports).forEach((raw, i) => {
        const port = objOf(raw);
        const name = typeof port.name === 'string' ? port.name : '';
        const fromName = protocolFromName(name);
        const appProtocol = typeof port.appProtocol === 'string' ? port.appProtocol.toLowerCase() : undefined;
        if (!fromName || !HTTP2_FAMILY.has(fromName) || appProtocol === undefined || HTTP2_FAMILY.has(appProtocol)) return;
        report(IGR.GRPC_PORT_APP_PROTOCOL_MISMATCH, svc,
          `port ${name} is named for ${fromName} but appProtocol is ${appProtocol}; Istio follows appProtocol, so the port is not treated as HTTP/2; set appProtocol: grpc`, `spec.ports[${i}].appProtocol`);
      });
    }
  },
};
