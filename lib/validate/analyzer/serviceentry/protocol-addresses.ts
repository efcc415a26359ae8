import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { listOf, objOf, specOf } from '../objects';

/**
 * IST0134: a ServiceEntry with TCP (or unset-protocol) ports and no addresses, unless Istio
 * allocates them: status addresses, or DNS capture with auto-allocation in the mesh's proxyMetadata.
 */
export const protocolAddressesAnalyzer: Analyzer = {
  name: 'serviceentry.Analyzer',
  inputs: ['ServiceEntry', 'MeshConfig'],
  analyze({ index, mesh, report }) {
    const metadata = objOf(objOf(mesh.raw.defaultConfig).proxyMetadata);
    const autoAllocated = metadata.ISTIO_META_DNS_CAPTURE === 'true'
      && (metadata.ISTIO_META_DNS_AUTO_ALLOCATE === 'true' || metadata.PILOT_ENABLE_IP_AUTOALLOCATE === 'true');
    if (autoAllocated) return;
    for (const se of index.of('ServiceEntry')) {
      const spec = specOf(se);
      if (spec.addresses !== undefined && spec.addresses !== null) continue;
      if (listOf(objOf((se as any).status).addresses).length > 0) continue;
      listOf(spec.ports).forEach((raw, i) => {
        const protocol = objOf(raw).protocol;
        if (protocol !== undefined && protocol !== '' && String(protocol).toUpperCase() !== 'TCP') return;
        report(IST.ServiceEntryAddressesRequired, se,
          `port ${String(objOf(raw).number)} is TCP${protocol ? '' : ' (no protocol)'}, so the proxy can tell this service's traffic apart only by address; set spec.addresses, or let Istio allocate them (DNS capture with auto-allocation)`,
          `spec.ports[${i}]`);
      });
    }
  },
};
