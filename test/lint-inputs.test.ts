import { execFileSync, spawnSync } from 'child_process';
import { Dirent, promises as fs } from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { PassThrough } from 'stream';
import { runCliInMemory } from './util/run-cli';
import { InputFileSystem, readLintInputs } from '../lib/cli/lint-inputs';
import { hasControlChars } from '../lib/core/printable';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  ports:\n    - name: grpc\n      port: 50051\n';

const run = (argv: string[], stdinText = '') => runCliInMemory(argv, stdinText);

const emptyStdin = () => { const s = new PassThrough(); s.end(); return s; };

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'istio-grpc-inputs-'));
  await fs.writeFile(path.join(dir, 'a.yaml'), SERVICE);
});
afterEach(async () => { await fs.rm(dir, { recursive: true, force: true }); });

describe('special files inside a linted directory', () => {
  test('a FIFO named like a manifest is skipped with a warning instead of hanging lint', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    const r = await run(['lint', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`istio-grpc lint: warning: ${path.join(dir, 'pipe.yaml')}: skipped: a FIFO (named pipe), not a regular file\n`);
    expect(r.stdout).toMatch(/^1 object: 0 errors/m);
  });

  test('a socket, and links to a device and to a directory, are skipped with warnings', async () => {
    const socketPath = path.join(dir, 'sock.yaml');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      await fs.symlink('/dev/zero', path.join(dir, 'zero.yaml'));
      await fs.symlink(os.tmpdir(), path.join(dir, 'tmp-link'));
      const inputs = await readLintInputs([dir], emptyStdin());
      expect(inputs.problems).toStrictEqual([]);
      expect(inputs.sources).toHaveLength(1);
      expect(inputs.warnings).toStrictEqual([
        `${path.join(dir, 'sock.yaml')}: skipped: a socket, not a regular file`,
        `${path.join(dir, 'tmp-link')}: skipped: a symbolic link to a directory (not followed; name the directory itself to lint it)`,
        `${path.join(dir, 'zero.yaml')}: skipped: a symbolic link to a character device, not a regular file`,
      ]);
    } finally {
      server.close();
    }
  });
});

describe('the size cap counts bytes read', () => {
  test.each(['/dev/zero', '/dev/urandom'])('%s named explicitly ends with a clear problem', async (device) => {
    const inputs = await readLintInputs([device], emptyStdin(), { maxBytes: 1024 * 1024 });
    expect(inputs.problems).toStrictEqual([`${device}: cannot read: larger than 1 MiB; split it into smaller files`]);
    expect(inputs.sources).toStrictEqual([]);
  });

  test('lint /dev/zero exits 2 with the default caps: one endless document, refused at the document cap', async () => {
    const r = await run(['lint', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/zero:1:1: a document larger than the 4.0 MiB lint reads');
  }, 60_000);

  test('an endless stream of empty documents ends at the input cap', async () => {
    const stdin = new PassThrough();
    stdin.end(Buffer.from('---\n'.repeat(1024)));
    const inputs = await readLintInputs(['-'], stdin, { maxBytes: 2048 });
    expect(inputs.problems).toStrictEqual(['standard input: larger than 2048 bytes; split it into smaller files']);
  });

  test('standard input over the cap is refused', async () => {
    const stdin = new PassThrough();
    stdin.end(Buffer.alloc(2048, 'a'));
    const inputs = await readLintInputs(['-'], stdin, { maxBytes: 1024 });
    expect(inputs.problems).toStrictEqual(['standard input: larger than 1024 bytes; split it into smaller files']);
  });

  test('a file exactly at the cap is read', async () => {
    const file = path.join(dir, 'b.yaml');
    await fs.writeFile(file, SERVICE.replace('api', 'bb'));
    const size = (await fs.stat(file)).size;
    expect((await readLintInputs([file], emptyStdin(), { maxBytes: size })).problems).toStrictEqual([]);
    expect((await readLintInputs([file], emptyStdin(), { maxBytes: size - 1 })).problems).toHaveLength(1);
  });

  test('a FIFO named explicitly is read (process substitution, <(helm template .))', async () => {
    const fifo = path.join(dir, 'named.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = fs.writeFile(fifo, SERVICE);
    const inputs = await readLintInputs([fifo], emptyStdin());
    await writer;
    expect(inputs.problems).toStrictEqual([]);
    expect(inputs.sources).toHaveLength(1);
  });
});

describe('unreadable parts of a directory', () => {
  test('a subdirectory that cannot be listed is reported and the rest is linted (simulated file system)', async () => {
    // GIVEN a file system where listing dir/locked fails with EACCES (root ignores chmod 000)
    await fs.mkdir(path.join(dir, 'locked'));
    await fs.writeFile(path.join(dir, 'z.yaml'), SERVICE.replace('api', 'zz'));
    const locked = path.join(dir, 'locked');
    const fileSystem: InputFileSystem = {
      stat: (p) => fs.stat(p),
      open: (p, flags) => fs.open(p, flags),
      readdir: (p, options): Promise<Dirent[]> => (p === locked
        ? Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' }))
        : fs.readdir(p, options)),
    };
    // WHEN
    const inputs = await readLintInputs([dir], emptyStdin(), { fileSystem });
    // THEN
    expect(inputs.problems).toStrictEqual([]);
    expect(inputs.unreadable).toStrictEqual([`${locked}: cannot read directory: permission denied; the rest was linted`]);
    expect(inputs.sources.map((s) => path.basename(s.file!))).toStrictEqual(['a.yaml', 'z.yaml']);
  });

  test('a file where a directory is expected is a clear problem', async () => {
    const inputs = await readLintInputs([path.join(dir, 'a.yaml', 'x.yaml')], emptyStdin());
    expect(inputs.problems).toStrictEqual([`${path.join(dir, 'a.yaml', 'x.yaml')}: cannot read: a path component is not a directory`]);
  });

  test('as an unprivileged user, a chmod 000 subdirectory is reported and the rest is linted', async () => {
    const setpriv = spawnSync('setpriv', ['--version']);
    if (process.getuid?.() !== 0 || setpriv.status !== 0) {
      process.stdout.write(`skipped: needs root and setpriv to run lint as nobody (uid ${process.getuid?.()}, setpriv ${setpriv.status === 0 ? 'present' : 'missing'})\n`);
      return;
    }
    // GIVEN a tree readable by nobody, except one subdirectory
    await fs.mkdir(path.join(dir, 'locked'));
    await fs.writeFile(path.join(dir, 'locked', 'b.yaml'), SERVICE);
    await fs.chmod(path.join(dir, 'locked'), 0o000);
    await fs.chmod(dir, 0o755);
    await fs.chmod(path.join(dir, 'a.yaml'), 0o644);
    const tsx = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');
    const main = path.join(__dirname, '..', 'lib', 'cli', 'main.ts');
    // WHEN lint runs as nobody
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', tsx, main, 'lint', dir], { encoding: 'utf8', timeout: 60_000 });
    // THEN
    expect(r.stderr).toContain(`${path.join(dir, 'locked')}: cannot read directory: permission denied; the rest was linted`);
    expect(r.stdout).toMatch(/^1 object: 0 errors/m);
    expect(r.status).toBe(2);
  }, 90_000);
});

test('file names with control characters are escaped on stderr', async () => {
  const name = path.join(dir, 'x\x1b[2J\r\nfake.yaml');
  await fs.writeFile(name, 'kind: [unclosed\n');
  const r = await run(['lint', dir]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('x\\x1b[2J\\r\\nfake.yaml');
  expect(hasControlChars(r.stderr.replace(/\n/g, ''))).toBe(false);
});

describe('findings in a file are placed by reading the file again', () => {
  test('while the file is unchanged, fields are located; once it changes, only the object line is given', async () => {
    // GIVEN two files read by lint (their text is not kept)
    const kept = path.join(dir, 'a.yaml');
    const changed = path.join(dir, 'b.yaml');
    await fs.writeFile(changed, SERVICE);
    const inputs = await readLintInputs([kept, changed], emptyStdin());
    // WHEN the second is replaced by other text of the same size before anything is located
    await fs.writeFile(changed, SERVICE.replace('namespace: shop', 'namespace: shoe'));
    await fs.utimes(changed, new Date(2001, 1, 1), new Date(2001, 1, 1));
    // THEN fields are found in the file as it was read, and nothing in a text that is not that one
    const [first, second] = inputs.sources;
    expect(first.locate?.('spec.ports[0].port')).toStrictEqual({ line: 9, column: 7 });
    expect(second.line).toBe(1);
    expect(second.locate?.('metadata.namespace')).toBeUndefined();
  });

  test('a FIFO named on the command line cannot be read again: its text is kept and its fields are located', async () => {
    const fifo = path.join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const writer = fs.writeFile(fifo, SERVICE);
    const inputs = await readLintInputs([fifo], emptyStdin());
    await writer;
    expect(inputs.sources[0].locate?.('spec.ports[0].port')).toStrictEqual({ line: 9, column: 7 });
  });
});
