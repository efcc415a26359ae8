import { PassThrough } from 'stream';
import { canonicalJson, kubectlDecode, KubectlResult, kubectlPath } from './util/kubectl-oracle';
import { CorpusEntry, yamlCorpus } from './util/yaml-corpus';
import { runCli } from '../lib/cli/program';
import { parseYamlDocuments } from '../lib/validate/yaml-documents';

/**
 * kubectl is the oracle: every generated document kubectl accepts decodes to the same JSON with
 * lint's reader, and every document kubectl refuses is refused by lint with file:line.
 */
const KUBECTL = kubectlPath();
const CORPUS = yamlCorpus();

/**
 * Where lint deliberately refuses what kubectl reads, with a message saying what to write
 * instead: go-yaml takes `,` after a tag into the tag, and reads U+0085/U+2028/U+2029 as line
 * breaks (no YAML 1.2 reader can follow either faithfully); and content after `---` on the same
 * line, which kubectl 1.20 (Debian's kubernetes-client) still reads and kubectl 1.32 refuses.
 */
const KNOWN_REFUSALS = [/kubectl needs a space after the tag/, /is a line break to kubectl/, /invalid document separator/];

/** Documents lint reads are sent to kubectl many per file (fast); the rest one per file. */
async function oracle(entries: readonly CorpusEntry[]): Promise<KubectlResult[]> {
  const results: KubectlResult[] = new Array(entries.length);
  const alone: number[] = [];
  const batches: number[][] = [[]];
  entries.forEach((e, i) => {
    const batchable = !e.text.startsWith('\ufeff') && !/^(%|---)/.test(e.text) && parseYamlDocuments(e.text, 'x.yaml').problems.length === 0;
    if (!batchable) {
      alone.push(i);
      return;
    }
    if (batches[batches.length - 1].length >= 25) batches.push([]);
    batches[batches.length - 1].push(i);
  });
  const batchResults = await kubectlDecode(batches.map((b) => b.map((i) => entries[i].text).join('---\n')));
  batches.forEach((batch, k) => {
    const r = batchResults[k];
    if (r.ok && r.objects.length === batch.length) batch.forEach((i, j) => { results[i] = { ok: true, objects: [r.objects[j]] }; });
    else alone.push(...batch);
  });
  const single = await kubectlDecode(alone.map((i) => entries[i].text));
  alone.forEach((i, k) => { results[i] = single[k]; });
  return results;
}

/** `istio-grpc lint -` on a text: exit code and standard error. */
async function lint(text: string): Promise<{ code: number; stderr: string }> {
  const err: string[] = [];
  const stderr = new PassThrough();
  stderr.on('data', (d) => err.push(String(d)));
  const stdin = new PassThrough();
  stdin.end(text);
  const code = await runCli(['lint', '-'], { stdout: new PassThrough(), stderr, stdin });
  return { code, stderr: err.join('') };
}

const describeWithKubectl = KUBECTL ? describe : describe.skip;
if (!KUBECTL) process.stdout.write('yaml-kubectl-differential: skipped, kubectl is not on PATH (.ci/run installs it)\n');

describeWithKubectl('lint reads YAML exactly as kubectl does', () => {
  let results: KubectlResult[];
  beforeAll(async () => {
    results = await oracle(CORPUS);
  }, 300_000);

  test('the corpus is large and kubectl both accepts and refuses parts of it', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(500);
    expect(results.filter((r) => r.ok).length).toBeGreaterThan(300);
    expect(results.filter((r) => !r.ok).length).toBeGreaterThan(50);
  });

  test('every document kubectl accepts decodes to the same JSON', () => {
    const mismatches: string[] = [];
    CORPUS.forEach((entry, i) => {
      const r = results[i];
      if (!r.ok) return;
      const ours = parseYamlDocuments(entry.text, `${entry.name}.yaml`);
      if (ours.problems.length) {
        if (!KNOWN_REFUSALS.some((k) => k.test(ours.problems[0]))) mismatches.push(`${entry.name}: kubectl accepts, lint refuses: ${ours.problems[0]}\n${entry.text}`);
        return;
      }
      const got = canonicalJson(ours.sources.map((s) => s.object));
      const want = canonicalJson(r.objects);
      if (got !== want) mismatches.push(`${entry.name}:\n${entry.text}\n  lint:    ${got}\n  kubectl: ${want}`);
    });
    expect(mismatches).toStrictEqual([]);
  });

  test('every document kubectl refuses makes lint exit 2 with file:line', async () => {
    const accepted: string[] = [];
    for (const [i, entry] of CORPUS.entries()) {
      if (results[i].ok) continue;
      const run = await lint(entry.text);
      if (run.code !== 2 || !/^istio-grpc lint: <stdin>:\d+:\d+: /m.test(run.stderr)) {
        accepted.push(`${entry.name}: exit ${run.code} where kubectl refuses (${(results[i] as { error: string }).error.split('\n').pop()})\n${entry.text}\n${run.stderr}`);
      }
    }
    expect(accepted).toStrictEqual([]);
  }, 120_000);
});
