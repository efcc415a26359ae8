import type { k8s } from 'cdk8s-plus-28';

/**
 * cdk8s-plus-28's generated Kubernetes classes (its `k8s` export), loaded without the package's
 * index: the index also loads every cdk8s-plus construct, which nothing here uses (32 modules,
 * about 2 MB of heap, 40 ms of a 400 ms library import). The index exports this very module, so
 * the classes are the ones users get from `import { k8s } from 'cdk8s-plus-28'`. Should a release
 * move the file, the index serves.
 */
export const k8sClasses: typeof k8s = loadK8sClasses();

function loadK8sClasses(): typeof k8s {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('cdk8s-plus-28/lib/imports/k8s') as typeof k8s;
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('cdk8s-plus-28') as typeof import('cdk8s-plus-28')).k8s;
  }
}
