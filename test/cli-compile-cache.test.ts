import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..');
const MAIN = join(ROOT, 'lib', 'cli', 'main.ts');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'istio-grpc-compile-cache-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs `istio-grpc --version` in a fresh process whose `module.enableCompileCache` is a stand-in
 * that records, at each call, which modules of the CLI were loaded, then runs `then` (its body).
 */
function runWithStandIn(then: string): { status: number | null; stdout: string; calls: string[][] } {
  const preload = join(dir, `stand-in-${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(preload, `
const calls = [];
require('module').enableCompileCache = () => {
  calls.push(Object.keys(require.cache).filter((p) => p.includes('/lib/cli/')).map((p) => p.replace(/.*\\/lib\\/cli\\//, '')));
  ${then}
};
process.on('exit', () => process.stderr.write('\\n' + JSON.stringify(calls) + '\\n'));
`);
  const r = spawnSync(process.execPath, ['--require', preload, '--import', 'tsx', MAIN, '--version'], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, calls: JSON.parse(r.stderr.trim().split('\n').pop()!) as string[][] };
}

describe("the CLI turns on Node's compile cache where Node has one", () => {
  test('once, before it loads the program and its commands', () => {
    // GIVEN a Node whose module.enableCompileCache records when it is called
    const result = runWithStandIn('return { status: 1 };');
    // THEN it was called once, with only the entry and the cache helper loaded, and the CLI ran
    expect(result.calls).toStrictEqual([['main.ts', 'compile-cache.ts']]);
    expect(result).toMatchObject({ status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
  });

  test('a cache that cannot be turned on does not stop the CLI', () => {
    // GIVEN an enableCompileCache that throws
    const result = runWithStandIn("throw new Error('no cache here');");
    // THEN the CLI printed its version all the same
    expect(result.calls).toHaveLength(1);
    expect(result).toMatchObject({ status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
  });
});
