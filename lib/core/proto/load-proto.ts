import { existsSync } from 'fs';
import { dirname, isAbsolute, resolve } from 'path';
import type { Root } from 'protobufjs';
import { PropChecker } from '../checks';

/**
 * protobufjs, loaded on the first .proto read: most apps never read one, and loading it is about
 * a tenth of importing the library.
 */
export function protobufjs(): typeof import('protobufjs') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('protobufjs') as typeof import('protobufjs');
}

/**
 * Parses .proto files with protobufjs, resolving imports against the importing file's directory
 * and then the include paths. Parse errors and missing files become IstioGrpcErrors naming the
 * file and line.
 */
export function loadProto(check: PropChecker, files: readonly string[], includePaths: readonly string[] = []): Root {
  if (!Array.isArray(files) || files.length === 0) check.fail('protoFiles', files, 'at least one .proto file is needed', 'list the file that defines the service, e.g. ["protos/users.proto"]');
  const root = new (protobufjs().Root)();
  const tried = new Map<string, string[]>();
  root.resolvePath = (origin, target) => {
    if (isAbsolute(target)) return target;
    const candidates = [...(origin ? [dirname(origin)] : [process.cwd()]), ...includePaths.map((p) => resolve(p))].map((dir) => resolve(dir, target));
    tried.set(target, candidates);
    return candidates.find((c) => existsSync(c)) ?? candidates[0];
  };
  for (const [i, file] of files.entries()) {
    if (!existsSync(file)) check.fail(`protoFiles[${i}]`, file, 'the file does not exist', `check the path (relative to ${process.cwd()})`);
  }
  try {
    root.loadSync(files.map((f) => resolve(f)), { keepCase: true });
    root.resolveAll();
  } catch (err) {
    const message = (err as Error)?.message ?? String(err);
    const parse = /^(.*) \((.+), line (\d+)\)$/.exec(message);
    if (parse) check.fail('protoFiles', `${parse[2]}:${parse[3]}`, `the .proto does not parse: ${parse[1]}`, `fix ${parse[2]} at line ${parse[3]}`);
    const missing = /ENOENT: no such file or directory, open '(.+)'/.exec(message);
    if (missing) {
      const import_ = [...tried.entries()].find(([, paths]) => paths.includes(missing[1]));
      const where = import_ ? `import "${import_[0]}" not found; looked in ${import_[1].join(', ')}` : `${missing[1]} not found`;
      check.fail('includePaths', includePaths, where, 'add the directory holding the imported file to includePaths');
    }
    check.fail('protoFiles', files, `the .proto files could not be read: ${message}`, 'check the files and their imports');
  }
  return root;
}
