import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PassThrough } from 'stream';
import { runCli } from '../lib/cli/program';

const SHOP = path.join(__dirname, 'fixtures', 'runbook', 'shop.yaml');

/** Runs the CLI with in-memory streams and returns the exit code and what it printed. */
async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  const code = await runCli(argv, { stdout, stderr, stdin: new PassThrough() });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

let dir: string;
beforeEach(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'istio-grpc-runbook-')); });
afterEach(async () => { await fs.rm(dir, { recursive: true, force: true }); });

describe('istio-grpc runbook', () => {
  test('prints the runbooks to stdout without --out', async () => {
    const r = await run(['runbook', SHOP]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Runbook: gRPC service `users` \(namespace `shop`\)/);
    expect(r.stdout).toContain('```mermaid\nflowchart LR');
  });

  test('--out writes <ns>.<name>.runbook.md files', async () => {
    const out = path.join(dir, 'runbooks');
    const r = await run(['runbook', '--out', out, SHOP]);
    expect(r.code).toBe(0);
    expect(await fs.readdir(out)).toStrictEqual(['shop.users.runbook.md']);
    expect(r.stdout).toBe(`wrote ${path.join(out, 'shop.users.runbook.md')}\n`);
    expect(await fs.readFile(path.join(out, 'shop.users.runbook.md'), 'utf8')).toMatch(/istioctl analyze -n 'shop'/);
  });

  test('reads several files, JSON and kind: List included', async () => {
    const list = path.join(dir, 'list.json');
    await fs.writeFile(list, JSON.stringify({
      apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'billing' }, spec: { ports: [{ name: 'grpc', port: 9000 }] } }],
    }));
    const r = await run(['runbook', '--out', dir, SHOP, list]);
    expect(r.code).toBe(0);
    expect((await fs.readdir(dir)).sort()).toStrictEqual(['default.billing.runbook.md', 'list.json', 'shop.users.runbook.md']);
  });

  test('no gRPC Service exits 1 and says why', async () => {
    const file = path.join(dir, 'web.yaml');
    await fs.writeFile(file, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - name: http\n      port: 80\n');
    const r = await run(['runbook', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no gRPC Service in the manifests.*named "grpc".*Services seen: Service web\./);
  });

  test('a missing file or bad YAML exits 2', async () => {
    const missing = await run(['runbook', path.join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml: cannot read: no such file/);
    const bad = path.join(dir, 'bad.yaml');
    await fs.writeFile(bad, 'kind: Service\nmetadata: [unclosed\n');
    const r = await run(['runbook', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:3:1: deficient indentation/);
  });

  test('requires at least one file', async () => {
    const r = await run(['runbook']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument/);
  });
});
