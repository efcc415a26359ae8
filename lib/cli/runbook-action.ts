import { CliIo, ExitCode } from './io';
import { readLintInputs } from './lint-inputs';
import { writeInsideDirectory } from './write-inside';
import { KubeObject } from '../core/kube-object';
import { MAX_PROBLEM_CHARS, printable } from '../core/printable';
import { renderRunbook } from '../troubleshoot/runbook';
import { buildRunbookModels, nonGrpcServices, refusedServices } from '../troubleshoot/runbook-model';
import { runbookFileName } from '../troubleshoot/runbook-names';

/**
 * What `istio-grpc runbook` does once its arguments are parsed: reads the manifests and writes one
 * runbook per gRPC Service. Resolves to the exit code; loaded on use.
 */
export async function runRunbook(io: CliIo, paths: string[], outDir: string | undefined): Promise<number> {
  const say = (line: string) => io.stderr.write(`istio-grpc runbook: ${printable(line, MAX_PROBLEM_CHARS)}\n`);
  const inputs = await readLintInputs(paths, io.stdin);
  for (const warning of inputs.warnings) say(`warning: ${warning}`);
  for (const line of inputs.unreadable) say(line);
  if (inputs.problems.length) {
    for (const problem of inputs.problems) say(problem);
    return ExitCode.USAGE;
  }
  const objects: KubeObject[] = [];
  for (const s of inputs.sources) if (isKubeObject(s.object)) objects.push(s.object);
  const refused = refusedServices(objects);
  for (const reason of refused) say(reason);
  const models = buildRunbookModels(objects);
  if (models.length === 0 && refused.length === 0) {
    const others = nonGrpcServices(objects);
    say('no gRPC Service in the manifests. Istio reads a port as gRPC only when it is named '
      + '"grpc" or "grpc-<suffix>" (or "http2"/"http2-<suffix>"), or sets appProtocol grpc/http2.'
      + (others.length ? ` Services seen: ${others.slice(0, 20).join(', ')}${others.length > 20 ? `, and ${others.length - 20} more` : ''}.` : ''));
    return ExitCode.FINDINGS;
  }
  const status = refused.length || inputs.unreadable.length ? ExitCode.USAGE : ExitCode.OK;
  // One runbook rendered and written at a time, so thousands of Services never sit in memory as Markdown.
  if (!outDir) {
    for (let i = 0; i < models.length; i++) await writeOut(io.stdout, (i ? '\n---\n\n' : '') + renderRunbook(models[i]));
    return status;
  }
  for (const m of models) {
    const fileName = runbookFileName(m.namespace, m.name);
    try {
      const target = await writeInsideDirectory(outDir, fileName, renderRunbook(m));
      io.stdout.write(`wrote ${printable(target, 1000)}\n`);
    } catch (err) {
      say(`cannot write ${fileName} in ${outDir}: ${(err as Error).message}`);
      return ExitCode.USAGE;
    }
  }
  return status;
}

/** Writes and waits for the stream to drain when its buffer is full. */
async function writeOut(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

function isObject(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isKubeObject(v: unknown): v is KubeObject {
  return isObject(v) && typeof v.kind === 'string' && typeof v.apiVersion === 'string' && isObject(v.metadata) && typeof v.metadata.name === 'string';
}
