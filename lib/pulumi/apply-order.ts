import { KubeResource } from './kube-resource';
import { ApplyOrder } from '../core/apply-order';
import { KubeObject } from '../core/kube-object';

/**
 * Creates the children in manifest order, except that the DestinationRule and VirtualService
 * follow the apply order: the second depends on the first. A canary can attach after the service
 * is created, so the order assumes subsets may exist (ADDING) unless `subsetChange` says otherwise.
 */
export function createInApplyOrder(
  shapes: KubeObject[],
  first: ApplyOrder['first'],
  create: (shape: KubeObject, index: number, dependsOn?: KubeResource[]) => KubeResource,
): KubeResource[] {
  const created: KubeResource[] = new Array(shapes.length);
  const indexOf = (kind: string) => shapes.findIndex((s) => s.kind === kind);
  // The route is the VirtualService on Istio routing, the GRPCRoute on Gateway API.
  const route = indexOf('VirtualService') >= 0 ? indexOf('VirtualService') : indexOf('GRPCRoute');
  const [a, b] = first === 'virtualService'
    ? [route, indexOf('DestinationRule')]
    : [indexOf('DestinationRule'), route];
  shapes.forEach((shape, i) => {
    if (i === b && first !== undefined) return;
    created[i] = create(shape, i);
    if (i === a && first !== undefined) created[b] = create(shapes[b], b, [created[a]]);
  });
  return created;
}
