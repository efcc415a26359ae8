import { execFileSync } from 'child_process';
import { join } from 'path';
import { SCHEMA_WALK_LIMIT } from '../lib/validate/schema/openapi-check';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..');

/** What a fresh process's validateObjects reports on `count` VirtualServices (`broken`: the last one has an unknown field), (Istio analyzer findings aside) and which generated validators it loaded. */
function run(count: number, broken: boolean): { findings: string[]; validators: string[] } {
  const script = `
    const { validateObjects } = require('./lib/validate');
    const objects = Array.from({ length: ${count} }, (_, i) => ({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'r' + i, namespace: 'shop' },
      spec: { hosts: ['users'], http: [{ route: [{ destination: { host: 'users' } }] }] } }));
    if (${broken}) objects[objects.length - 1].spec.http[0].retrys = { attempts: 2 };
    const findings = validateObjects(objects).filter((f) => !f.code.startsWith('IST')).map((f) => f.code + ' ' + f.resource.name + ' ' + (f.path ?? '') + ' ' + f.message);
    const validators = Object.keys(require.cache).filter((m) => m.includes('/schemas/validators/')).map((m) => m.split('/').pop());
    process.stdout.write(JSON.stringify({ findings, validators }) + '\\n');`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

describe('the schema walk, then the generated validator', () => {
  test('a few valid objects of a kind are judged without loading its generated validator', () => {
    expect(run(10, false)).toStrictEqual({ findings: [], validators: [] });
  });

  test('an object the walk does not pass is judged, and its error worded, by the generated validator', () => {
    const { findings, validators } = run(10, true);
    expect(validators).toStrictEqual(['virtualservices.networking.istio.io.generated.ts']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^IGR\d+ r9 spec\.http\[0\]\.retrys unknown field "retrys"; did you mean retries\?$/);
  });

  test(`past ${SCHEMA_WALK_LIMIT} objects of a kind the generated validator takes over`, () => {
    expect(run(SCHEMA_WALK_LIMIT, false).validators).toStrictEqual([]);
    expect(run(SCHEMA_WALK_LIMIT + 1, false)).toStrictEqual({ findings: [], validators: ['virtualservices.networking.istio.io.generated.ts'] });
  });
});
