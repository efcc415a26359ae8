import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { listOf, objOf, specOf } from '../objects';

/** IST0157: access-log entries naming no provider while the mesh config has no default one. */
export const telemetryProviderAnalyzer: Analyzer = {
  name: 'telemetry.ProviderAnalyzer',
  inputs: ['Telemetry', 'MeshConfig'],
  analyze({ index, mesh, report }) {
    if (listOf(objOf(mesh.raw.defaultProviders).accessLogging).length > 0) return;
    for (const tel of index.of('Telemetry')) {
      listOf(specOf(tel).accessLogging).forEach((entry, i) => {
        if (objOf(entry).disabled === true || listOf(objOf(entry).providers).length > 0) return;
        report(IST.InvalidTelemetryProvider, tel,
          'this accessLogging entry names no provider and the mesh configures no default one, so it is ignored; add providers: [{ name: envoy }]', `spec.accessLogging[${i}]`);
      });
    }
  },
};
