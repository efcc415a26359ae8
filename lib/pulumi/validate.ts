import * as pulumi from '@pulumi/pulumi';
import { KubeObject } from '../core/kube-object';
import { errorsOf, formatFinding, validateObjects } from '../validate/engine';
// Every analyzer loads with the library's validation: it may run late (a Pulumi output resolving
// after its program's modules are torn down) and must find them loaded. The CLI loads them on use.
import '../validate/analyzer/all';

/**
 * Runs the validation engine on a component's objects and throws on error findings, with the
 * same finding messages a cdk8s synth gives, so `pulumi preview` fails before anything is applied.
 * Warnings are logged on the component, as cdk8s prints them at synth.
 */
export function assertValidObjects(
  component: string, objects: readonly KubeObject[], resource?: pulumi.Resource, own: readonly KubeObject[] = objects,
): void {
  // A component rarely holds the workloads its policies select: judge pod selection only where it does.
  const findings = validateObjects(objects, { workloads: 'partial' });
  if (resource) {
    // Objects given only as context (another component's) are that component's to warn about.
    const ownKeys = new Set(own.map((o) => `${o.kind}|${o.metadata.namespace ?? ''}|${o.metadata.name}`));
    findings
      .filter((f) => f.severity === 'warning' && ownKeys.has(`${f.resource.kind}|${f.resource.namespace ?? ''}|${f.resource.name}`))
      .forEach((f) => void pulumi.log.warn(`[${component}] ${formatFinding(f)}`, resource));
  }
  const errors = errorsOf(findings);
  if (errors.length) {
    throw new Error(`Validation failed for ${component}:\n${errors.map((f) => `  ${formatFinding(f)}`).join('\n')}`);
  }
}
