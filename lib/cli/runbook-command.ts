import { promises as fs } from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { CliIo, ExitCode } from './io';
import { KubeObject } from '../core/kube-object';
import { pushAll } from '../core/push-all';
import { renderRunbooks } from '../troubleshoot/runbook';
import { nonGrpcServices } from '../troubleshoot/runbook-model';
import { parseYamlDocuments } from '../validate/yaml-documents';

/**
 * `istio-grpc runbook [--out DIR] FILE...`: reads multi-document YAML manifests and writes one
 * Markdown runbook per gRPC Service (`<namespace>-<name>.runbook.md` in DIR, or all to stdout).
 * Exit 0; 1 when the manifests hold no gRPC Service; 2 for unreadable files or bad YAML.
 */
export function runbookCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('runbook')
    .description('Write a Markdown troubleshooting runbook for each gRPC Service in the manifests.')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .argument('<files...>', 'manifest files (multi-document YAML or JSON)')
    .option('--out <dir>', 'directory to write <namespace>-<name>.runbook.md files into (default: print to stdout)')
    .action(async (files: string[], opts: { out?: string }) => {
      setExit(await runRunbook(io, files, opts.out));
    });
}

async function runRunbook(io: CliIo, files: string[], outDir: string | undefined): Promise<number> {
  const objects: KubeObject[] = [];
  for (const file of files) {
    const loaded = await loadManifests(file);
    if (typeof loaded === 'string') {
      io.stderr.write(`istio-grpc runbook: ${loaded}\n`);
      return ExitCode.USAGE;
    }
    pushAll(objects, loaded);
  }
  const runbooks = renderRunbooks(objects);
  if (runbooks.length === 0) {
    const others = nonGrpcServices(objects);
    io.stderr.write('istio-grpc runbook: no gRPC Service in the manifests. Istio reads a port as gRPC only when it is named '
      + '"grpc" or "grpc-<suffix>" (or "http2"/"http2-<suffix>"), or sets appProtocol grpc/http2.'
      + (others.length ? ` Services seen: ${others.join(', ')}.` : '') + '\n');
    return ExitCode.FINDINGS;
  }
  if (!outDir) {
    io.stdout.write(runbooks.map((r) => r.markdown).join('\n---\n\n'));
    return ExitCode.OK;
  }
  try {
    await fs.mkdir(outDir, { recursive: true });
    for (const r of runbooks) {
      const target = path.join(outDir, r.fileName);
      await fs.writeFile(target, r.markdown);
      io.stdout.write(`wrote ${target}\n`);
    }
  } catch (err) {
    io.stderr.write(`istio-grpc runbook: cannot write to ${outDir}: ${(err as Error).message}\n`);
    return ExitCode.USAGE;
  }
  return ExitCode.OK;
}

/** The objects of one manifest file, or a sentence saying why it cannot be read. */
async function loadManifests(file: string): Promise<KubeObject[] | string> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message}`;
  }
  // The same reader as lint: `kind: List` expanded, syntax errors with file:line:column.
  const parsed = parseYamlDocuments(text, file);
  if (parsed.problems.length) return parsed.problems[0];
  return parsed.sources.map((s) => s.object).filter(isKubeObject);
}

function isObject(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isKubeObject(v: unknown): v is KubeObject {
  return isObject(v) && typeof v.kind === 'string' && typeof v.apiVersion === 'string' && isObject(v.metadata) && typeof v.metadata.name === 'string';
}
