import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('package entry points', () => {
  test.each([['.', 'lib/index.ts'], ['./pulumi', 'lib/pulumi/index.ts']])('%s resolves to the compiled %s, types condition first', (subpath, source) => {
    // GIVEN the exports map (TypeScript's node16 and bundler resolution read it in order)
    const entry = pkg.exports[subpath];
    // THEN types come first and both conditions point at the build output of the source file
    expect(Object.keys(entry)[0]).toBe('types');
    const compiled = source.replace(/^lib\//, './out/lib/').replace(/\.ts$/, '');
    expect(entry).toStrictEqual({ types: `${compiled}.d.ts`, default: `${compiled}.js` });
    expect(existsSync(join(root, source))).toBe(true);
  });

  test('the jsii entry point is the cdk8s API only (Pulumi stays on its subpath)', () => {
    expect([pkg.main, pkg.types]).toStrictEqual(['out/lib/index.js', 'out/lib/index.d.ts']);
    expect(readFileSync(join(root, 'lib/index.ts'), 'utf8')).not.toMatch(/pulumi/);
  });
});
