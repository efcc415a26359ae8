import { promises as fs } from 'fs';
import { MAX_INPUT_BYTES } from './lint-inputs';
import { parseYamlDocuments } from '../validate/yaml-documents';

/** The mesh config of `lint --meshconfig FILE`, or why it cannot be used. */
export type MeshConfigFile = { readonly meshConfig: Record<string, unknown> } | { readonly problem: string };

/**
 * Reads Istio's MeshConfig as `istioctl analyze --meshconfig` does: a YAML mapping of MeshConfig
 * fields (what the `mesh` key of the `istio` ConfigMap holds). The ConfigMap itself is accepted too.
 */
export async function readMeshConfigFile(path: string): Promise<MeshConfigFile> {
  let text: string;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) return { problem: `${path}: --meshconfig needs a file, not a directory` };
    if (stat.size > MAX_INPUT_BYTES) return { problem: `${path}: larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB` };
    text = await fs.readFile(path, 'utf8');
  } catch (err) {
    return { problem: `${path}: cannot read the mesh config: ${(err as NodeJS.ErrnoException)?.code === 'ENOENT' ? 'no such file or directory' : (err as Error)?.message ?? String(err)}` };
  }
  const parsed = parseYamlDocuments(text, path);
  if (parsed.problems.length) return { problem: parsed.problems[0] };
  const docs = parsed.sources.map((s) => s.object);
  if (docs.length !== 1 || !isMapping(docs[0])) {
    return { problem: `${path}: a mesh config is one YAML mapping of MeshConfig fields (e.g. rootNamespace: istio-system), got ${docs.length === 1 ? 'something else' : `${docs.length} documents`}` };
  }
  const doc = docs[0];
  if (doc.kind === 'ConfigMap' && isMapping(doc.data) && typeof doc.data.mesh === 'string') {
    const inner = parseYamlDocuments(doc.data.mesh, `${path} data.mesh`);
    if (inner.problems.length) return { problem: inner.problems[0] };
    const mesh = inner.sources[0]?.object ?? {};
    return isMapping(mesh) ? { meshConfig: mesh } : { problem: `${path}: data.mesh is not a YAML mapping of MeshConfig fields` };
  }
  return { meshConfig: doc };
}

function isMapping(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
