/**
 * `tsx bench/write-mesh.ts FILE SERVICES [NAMESPACES]`: writes a benchmark mesh (canaries, an
 * ingress every tenth service) as one multi-document YAML file, for lint benchmarks and profiles.
 */
import { writeMeshYaml } from './mesh-yaml';

const [file, services, namespaces] = process.argv.slice(2);
if (!file || !Number(services)) {
  process.stderr.write('usage: tsx bench/write-mesh.ts FILE SERVICES [NAMESPACES]\n');
  process.exit(2);
}
void writeMeshYaml(file, { services: Number(services), namespaces: namespaces ? Number(namespaces) : undefined });
