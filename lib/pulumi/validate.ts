import { KubeObject } from '../core/kube-object';
import { errorsOf, formatFinding, validateObjects } from '../validate/engine';

/**
 * Runs the validation engine on a component's objects and throws on error findings, with the
 * same finding messages a cdk8s synth gives, so `pulumi preview` fails before anything is applied.
 */
export function assertValidObjects(component: string, objects: readonly KubeObject[]): void {
  // A component rarely holds the workloads its policies select: judge pod selection only where it does.
  const errors = errorsOf(validateObjects(objects, { workloads: 'partial' }));
  if (errors.length) {
    throw new Error(`Validation failed for ${component}:\n${errors.map((f) => `  ${formatFinding(f)}`).join('\n')}`);
  }
}
