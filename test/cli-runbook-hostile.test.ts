import { execFileSync } from 'child_process';
import { existsSync, promises as fs, readFileSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { runCliInMemory } from './util/run-cli';
import { KubeObject } from '../lib/core/kube-object';
import { hasControlChars } from '../lib/core/printable';
import { renderRunbooks } from '../lib/troubleshoot/runbook';
import { refusedServices } from '../lib/troubleshoot/runbook-model';
import { runbookFileName, shellQuote } from '../lib/troubleshoot/runbook-names';

const run = (argv: string[], stdinText = '') => runCliInMemory(argv, stdinText);

function grpcService(name: string, namespace: string, selector: Record<string, string> = { app: 'api' }): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { selector, ports: [{ name: 'grpc', port: 50051 }] } };
}

const yamlOf = (objects: object[]) => objects.map((o) => JSON.stringify(o)).join('\n---\n');

let dir: string;
beforeEach(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'istio-grpc-runbook-hostile-')); });
afterEach(async () => { await fs.rm(dir, { recursive: true, force: true }); });

describe('runbook --out writes only inside DIR', () => {
  test('a Service named ../../../tmp/x is refused, nothing is written outside, valid Services still get runbooks', async () => {
    // GIVEN a path-traversal name, a bad namespace and a valid Service
    const escape = path.join(dir, 'escaped');
    const objects = [grpcService(`../../../..${escape}`, 'default'), grpcService('api', '../x'), grpcService('api', 'shop')];
    const out = path.join(dir, 'out');
    // WHEN
    const r = await run(['runbook', '--out', out, '-'], yamlOf(objects));
    // THEN
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Service ".*escaped" skipped: a Service name must be a DNS-1035 label/);
    expect(r.stderr).toMatch(/namespace "\.\.\/x" is not a DNS-1123 label/);
    expect(await fs.readdir(out)).toStrictEqual(['shop.api.runbook.md']);
    expect((await fs.readdir(dir)).sort()).toStrictEqual(['out']);
  });

  test('team-a/api and team/a-api get two files', async () => {
    const out = path.join(dir, 'out');
    const r = await run(['runbook', '--out', out, '-'], yamlOf([grpcService('api', 'team-a'), grpcService('a-api', 'team')]));
    expect(r.code).toBe(0);
    expect((await fs.readdir(out)).sort()).toStrictEqual(['team-a.api.runbook.md', 'team.a-api.runbook.md']);
  });

  test('file names are injective over valid names', () => {
    const label = fc.stringMatching(/^[a-z]([-a-z0-9]{0,8}[a-z0-9])?$/);
    fc.assert(fc.property(label, label, label, label, (ns1, n1, ns2, n2) => {
      fc.pre(ns1 !== ns2 || n1 !== n2);
      expect(runbookFileName(ns1, n1)).not.toBe(runbookFileName(ns2, n2));
    }), { numRuns: 2000 });
  });

  test('a symbolic link planted at the target is replaced, never written through', async () => {
    // GIVEN DIR/shop.api.runbook.md -> a file outside DIR
    const out = path.join(dir, 'out');
    await fs.mkdir(out);
    const victim = path.join(dir, 'victim.txt');
    await fs.writeFile(victim, 'keep me');
    await fs.symlink(victim, path.join(out, 'shop.api.runbook.md'));
    // WHEN
    const r = await run(['runbook', '--out', out, '-'], yamlOf([grpcService('api', 'shop')]));
    // THEN the victim is untouched and the runbook is a regular file in DIR
    expect(r.code).toBe(0);
    expect(await fs.readFile(victim, 'utf8')).toBe('keep me');
    expect((await fs.lstat(path.join(out, 'shop.api.runbook.md'))).isFile()).toBe(true);
    expect(await fs.readdir(out)).toStrictEqual(['shop.api.runbook.md']);
  });

  test('a second definition of the same Service is reported, not written twice', async () => {
    const objects = [grpcService('api', 'shop'), grpcService('api', 'shop')];
    expect(refusedServices(objects)).toStrictEqual(['Service shop/api skipped: defined more than once; the runbook describes the first']);
    expect(renderRunbooks(objects)).toHaveLength(1);
  });
});

/** The ```sh blocks of a runbook. */
function shellBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
}

const HOSTILE = [
  '$(touch CANARY)', '`touch CANARY`', "'; touch CANARY; '", '"; touch CANARY; "', 'a\nb; touch CANARY', 'x|touch CANARY',
  '\x1b]0;title\x07', '\u202etxt.exe', 'a b', '*', '-rf', '../x', 'ok', 'v1', 'app', 'users',
];

describe('runbook commands are safe to copy', () => {
  test('the shell blocks, run with stub commands, never execute input and pass only quoted names', () => {
    // GIVEN stub kubectl/istioctl/grep/istio-grpc that log their arguments, and a canary file the input tries to create
    const work = execFileSync('mktemp', ['-d']).toString().trim();
    const bin = path.join(work, 'bin');
    execFileSync('mkdir', [bin]);
    for (const command of ['kubectl', 'istioctl', 'grep', 'istio-grpc']) {
      writeFileSync(path.join(bin, command), '#!/bin/sh\nprintf "%s\\n" "$@" >> "$ARGS_LOG"\n', { mode: 0o755 });
    }
    const env = { PATH: `${bin}:/usr/bin:/bin`, ARGS_LOG: path.join(work, 'args') };
    const text = fc.constantFrom(...HOSTILE);
    try {
      fc.assert(fc.property(text, text, text, text, text, (name, ns, labelValue, subset, vsName) => {
        const objects: KubeObject[] = [
          grpcService(name, ns, { app: labelValue }),
          grpcService('api', 'shop', { app: labelValue }),
          { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: vsName, namespace: 'shop' }, spec: { host: 'api', subsets: [{ name: subset, labels: { version: labelValue } }] } },
          { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: vsName, namespace: 'shop' }, spec: { hosts: ['api'], http: [{ name: vsName, route: [{ destination: { host: 'api', subset } }] }] } },
        ];
        for (const runbook of renderRunbooks(objects)) {
          expect(hasControlChars(runbook.markdown.replace(/\n/g, ''))).toBe(false);
          const script = shellBlocks(runbook.markdown).join('\n');
          execFileSync('sh', ['-c', script], { cwd: work, stdio: 'pipe', env });
          expect(existsSync(path.join(work, 'CANARY'))).toBe(false);
          // Every argument is our fixed text or a valid Kubernetes name / label / cluster name.
          const args = readFileSync(path.join(work, 'args'), 'utf8').split('\n').filter(Boolean);
          expect(args).toContain('proxy-config');
          for (const arg of args) expect(arg).toMatch(/^[-A-Za-z0-9_.=|:{}[\]/]+$/);
          execFileSync('rm', ['-f', path.join(work, 'args')]);
        }
      }), { numRuns: 25 });
    } finally {
      execFileSync('rm', ['-rf', work]);
    }
  });

  test('shellQuote round-trips any string through sh', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replace(/\0/g, '')), (value) => {
      const echoed = execFileSync('sh', ['-c', `printf '%s' ${shellQuote(value)}`]).toString();
      expect(echoed).toBe(Buffer.from(value).toString());
    }), { numRuns: 40 });
  });

  test('a selector that is not label syntax never reaches kubectl -l', () => {
    const [runbook] = renderRunbooks([grpcService('api', 'shop', { app: '$(reboot)' })]);
    expect(runbook.markdown).not.toContain('-l ');
    expect(runbook.markdown).toContain('no usable selector');
  });
});

describe('runbook Markdown and Mermaid', () => {
  const gateway: KubeObject = {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Gateway',
    metadata: { name: 'gw', namespace: 'shop' },
    spec: { servers: [{ port: { number: 443, protocol: 'GRPC' }, hosts: ['a.example.com'] }, { port: { number: 80, protocol: 'HTTP' }, hosts: ['"<b>#x;'] }] },
  };
  const vs: KubeObject = {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: 'api', namespace: 'shop' },
    spec: { hosts: ['api'], gateways: ['gw'], http: [{ name: 'main', route: [{ destination: { host: 'api' } }], mirror: { host: 'api-shadow', subset: 'v2' }, mirrorPercentage: { value: 5 } }] },
  };

  test('labels with several lines use real <br/> breaks; quotes, # and < > from the input become entity codes', () => {
    const md = renderRunbooks([grpcService('api', 'shop'), gateway, vs])[0].markdown;
    expect(md).toContain('gw_shop_gw["Gateway shop/gw<br/>443/GRPC a.example.com<br/>80/HTTP #quot;\\x3cb\\x3e#35;x;"]');
    expect(md).not.toContain('#lt;br/#gt;');
    const mermaid = /```mermaid\n([\s\S]*?)```/.exec(md)![1].trimEnd().split('\n');
    expect(mermaid[0]).toBe('flowchart LR');
    for (const line of mermaid.slice(1)) {
      // Node: id["label"] / id{{"label"}} / id(["label"]); edge: a --> b, a -.- b, a -->|"label"| b, a -.->|"label"| b
      expect(line).toMatch(/^ {2}(\w+(\["[^"]*"\]|\{\{"[^"]*"\}\}|\(\["[^"]*"\]\))|\w+ (-->|-\.-|-->\|"[^"]*"\||-\.->\|"[^"]*"\|) \w+)$/);
      const labels = [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1].replace(/<br\/>/g, ''));
      for (const label of labels) expect(label).not.toMatch(/[<>`]/);
    }
  });

  test('mirroring is described when a route mirrors', () => {
    const md = renderRunbooks([grpcService('api', 'shop'), vs])[0].markdown;
    expect(md).toContain('## Mirroring');
    expect(md).toContain('| `api` | main | `api-shadow` subset `v2` | 5% |');
    expect(md).toMatch(/vs_shop_api -\.->\|"mirror 5%"\| mirror_api_shadow_v2/);
    expect(renderRunbooks([grpcService('api', 'shop')])[0].markdown).not.toContain('## Mirroring');
  });

  test('the AuthorizationPolicy of the pods says who may call which method', () => {
    const policy: KubeObject = {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'api', namespace: 'shop' },
      spec: {
        selector: { matchLabels: { app: 'api' } },
        action: 'ALLOW',
        rules: [
          { from: [{ source: { principals: ['cluster.local/ns/shop/sa/admin'] } }], to: [{ operation: { paths: ['/p.v1.S/Delete'] } }] },
          { from: [{ source: { namespaces: ['shop'] } }], to: [{ operation: { notPaths: ['/p.v1.S/Delete'] } }] },
        ],
      },
    };
    const other = { ...policy, metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { matchLabels: { app: 'web' } } } };
    const md = renderRunbooks([grpcService('api', 'shop'), policy, other])[0].markdown;
    expect(md).toContain('## Who may call');
    expect(md).toContain('| `shop/api` | ALLOW | `principals: cluster.local/ns/shop/sa/admin` | `paths: /p.v1.S/Delete` |');
    expect(md).toContain('| `shop/api` | ALLOW | `namespaces: shop` | `notPaths: /p.v1.S/Delete` |');
    expect(md).not.toContain('shop/web');
    expect(md).toContain('RBAC: access denied');
    expect(md).toContain('istioctl x authz check "$SERVER_POD" -n \'shop\'');
  });

  test('control characters, backticks and pipes from any field are escaped in the Markdown', () => {
    const evil = 'v`1|\x1b[2J\r\n# fake heading';
    const objects: KubeObject[] = [
      grpcService('api', 'shop'),
      { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: evil, namespace: 'shop' }, spec: { hosts: ['api'], http: [{ name: evil, match: [{ uri: { regex: evil } }], route: [{ destination: { host: 'api', subset: evil } }] }] } },
      { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: evil, namespace: 'shop' }, spec: { host: 'api', subsets: [{ name: evil, labels: { v: evil } }] } },
    ];
    const md = renderRunbooks(objects)[0].markdown;
    expect(hasControlChars(md.replace(/\n/g, ''))).toBe(false);
    expect(md).not.toMatch(/^# fake heading/m);
    expect(md).toContain('v\\x601\\|\\x1b[2J\\r\\n# fake heading');
    expect(md).toContain('is not a DNS-1123 label: Istio refuses the DestinationRule');
  });
});
