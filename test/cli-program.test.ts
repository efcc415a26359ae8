import { EventEmitter } from 'events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PassThrough, Writable } from 'stream';
import { lintFixture as fixture, runCliInMemory as run } from './util/run-cli';
import { fatalMessage, FatalProcess, installFatalHandlers, MAX_FATAL_MESSAGE_LENGTH } from '../lib/cli/fatal';
import { packageVersion, packageVersionOrUnknown } from '../lib/cli/package-version';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const OUR_VERSION: string = require('../package.json').version;
const STACK_FRAME = /^\s+at .+[:(]/m;

/** A stdout whose every write throws, as a broken terminal or a bug in a formatter would. */
const throwingStdout = () => Object.assign(new Writable({ write: (_c, _e, cb) => cb() }), {
  write: () => { throw new Error('stdout is gone'); },
});

describe('istio-grpc --version', () => {
  test.each(['--version', '-V'])('%s prints the version of package.json and exits 0', async (flag) => {
    const r = await run([flag]);
    expect(r).toStrictEqual({ code: 0, stdout: `${OUR_VERSION}\n`, stderr: '' });
  });

  test('the version is found relative to the compiled file, as in an installed package', () => {
    // GIVEN node_modules/istio-grpc/out/lib/cli inside an app whose own package.json is not ours
    const root = mkdtempSync(join(tmpdir(), 'istio-grpc-version-'));
    try {
      const pkg = join(root, 'node_modules', 'istio-grpc');
      const cliDir = join(pkg, 'out', 'lib', 'cli');
      mkdirSync(cliDir, { recursive: true });
      writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'my-app', version: '9.9.9' }));
      writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'istio-grpc', version: '1.2.3' }));
      // WHEN / THEN
      expect(packageVersion(cliDir)).toBe('1.2.3');
      // and without ours, the app's is never taken for it
      rmSync(join(pkg, 'package.json'));
      expect(() => packageVersion(cliDir)).toThrow(/cannot find the package\.json of istio-grpc/);
      expect(packageVersionOrUnknown(cliDir)).toBe('unknown');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the top-level error handler', () => {
  test('an internal error prints istio-grpc: <message> and exits 2, never a stack trace', async () => {
    // GIVEN stdout throws on write
    const stderr: string[] = [];
    const errStream = new PassThrough();
    errStream.on('data', (d) => stderr.push(String(d)));
    // WHEN
    const r = await run(['lint', fixture('grpc-service.yaml')], undefined, false, { stdout: throwingStdout(), stderr: errStream });
    // THEN
    expect(r.code).toBe(2);
    expect(stderr.join('')).toBe('istio-grpc: stdout is gone\n');
  });

  test('--help failing to print is handled the same way', async () => {
    const errStream = new PassThrough();
    const stderr: string[] = [];
    errStream.on('data', (d) => stderr.push(String(d)));
    const r = await run(['--help'], undefined, false, { stdout: throwingStdout(), stderr: errStream });
    expect(r.code).toBe(2);
    expect(stderr.join('')).toBe('istio-grpc: stdout is gone\n');
  });

  test('even a throwing stderr does not make the run reject', async () => {
    const broken = throwingStdout();
    await expect(run(['lint', fixture('grpc-service.yaml')], undefined, false, { stdout: broken, stderr: broken })).resolves.toMatchObject({ code: 2 });
  });

  test('usage errors exit 2 with commander\'s message and no stack trace', async () => {
    const r = await run(['lint', '--no-such-option', 'x']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/unknown option '--no-such-option'/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  test('exit 2 for unreadable input prints no summary on stdout, in any format', async () => {
    for (const format of ['text', 'json', 'sarif']) {
      const r = await run(['lint', '--format', format, fixture('grpc-service.yaml'), fixture('nope.yaml')]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/nope\.yaml: cannot read/);
    }
  });

  test('the message is the error\'s message only, cut when very long', () => {
    expect(fatalMessage(new TypeError('x is not a function'))).toBe('istio-grpc: x is not a function\n');
    expect(fatalMessage('a string')).toBe('istio-grpc: a string\n');
    expect(fatalMessage(new Error(''))).toBe('istio-grpc: Error\n');
    expect(fatalMessage(new Error('y'.repeat(MAX_FATAL_MESSAGE_LENGTH + 10)))).toHaveLength('istio-grpc: '.length + MAX_FATAL_MESSAGE_LENGTH + 4);
  });
});

describe('process-level handlers', () => {
  /** A stand-in for `process` that records what was written and how it exited. */
  function fakeProcess() {
    const events = new EventEmitter();
    const stdout = new EventEmitter();
    const written: string[] = [];
    const exits: number[] = [];
    const proc = {
      on: (event: string, listener: (err: unknown) => void) => events.on(event, listener),
      stdout,
      stderr: new Writable({ write: (chunk, _e, cb) => { written.push(String(chunk)); cb(); } }),
      exitCode: undefined as number | undefined,
      exit: (code?: number) => { exits.push(code ?? 0); return undefined as never; },
    };
    installFatalHandlers(proc as unknown as FatalProcess);
    return { events, stdout, proc, written, exits };
  }

  test.each(['uncaughtException', 'unhandledRejection'])('%s prints the message and exits 2', (event) => {
    const p = fakeProcess();
    p.events.emit(event, new RangeError('deep inside'));
    expect(p.written.join('')).toBe('istio-grpc: deep inside\n');
    expect(p.exits).toStrictEqual([2]);
  });

  test('a closed stdout pipe ends quietly with the exit code so far', () => {
    const p = fakeProcess();
    p.proc.exitCode = 1;
    p.stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(p.written).toStrictEqual([]);
    expect(p.exits).toStrictEqual([1]);
  });

  test('any other stdout error is reported and exits 2', () => {
    const p = fakeProcess();
    p.stdout.emit('error', Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    expect(p.written.join('')).toBe('istio-grpc: no space left on device\n');
    expect(p.exits).toStrictEqual([2]);
  });
});
