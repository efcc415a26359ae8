import { execFile, execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** What kubectl made of one file: the decoded objects, or its error. */
export type KubectlResult = { readonly ok: true; readonly objects: unknown[] } | { readonly ok: false; readonly error: string };

/** The kubectl on PATH, or undefined. */
export function kubectlPath(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decodes files offline as the cluster would see them: `kubectl annotate --local -f FILE k=v -o
 * json` reads the manifest with sigs.k8s.io/yaml and prints it back with one annotation added,
 * which is removed again. Runs `concurrency` kubectl processes at a time.
 */
export async function kubectlDecode(texts: readonly string[], concurrency = 6): Promise<KubectlResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kubectl-oracle-'));
  try {
    const results: KubectlResult[] = new Array(texts.length);
    let next = 0;
    const worker = async () => {
      while (next < texts.length) {
        const i = next++;
        const file = join(dir, `doc-${i}.yaml`);
        writeFileSync(file, texts[i]);
        results[i] = await decodeOne(file);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function decodeOne(file: string): Promise<KubectlResult> {
  return new Promise((resolve) => {
    execFile('kubectl', ['annotate', '--local', '-f', file, 'oracle-added=x', '-o', 'json'], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) return resolve({ ok: false, error: (stderr || String(err)).trim() });
      resolve({ ok: true, objects: splitJsonStream(stdout).map(withoutAddedAnnotation) });
    });
  });
}

/** kubectl prints one pretty JSON object per document, back to back. */
function splitJsonStream(out: string): unknown[] {
  return out.split(/^}\n(?={)/m).map((part, i, all) => JSON.parse(i < all.length - 1 ? `${part}}` : part));
}

function withoutAddedAnnotation(object: unknown): unknown {
  const meta = (object as { metadata?: { annotations?: Record<string, string> } }).metadata;
  if (meta?.annotations) {
    delete meta.annotations['oracle-added'];
    if (Object.keys(meta.annotations).length === 0) delete meta.annotations;
  }
  return object;
}

/** JSON with sorted keys, so two values compare equal exactly when they decode the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]));
  });
}
