import { k8sClasses as k8s } from '../k8s-classes';
import { functionSource, sourceDigest } from './source-digest';
import { CONVERTER_NAMES, CONVERTERS, CONVERTERS_DIGEST } from '../../imports/k8s-converters';

const installed = k8s as unknown as Readonly<Record<string, unknown>>;
let sameSource: boolean | undefined;

/**
 * The props converter `name` of cdk8s-plus-28's k8s module: the rewritten one of
 * imports/k8s-converters.ts while the installed module's converters are the very ones it was
 * generated from, the installed one otherwise.
 */
export function k8sConverter(name: string): unknown {
  sameSource ??= sourceDigest(CONVERTER_NAMES, (n) => functionSource(installed[n])) === CONVERTERS_DIGEST;
  return (sameSource && CONVERTERS[name]) || installed[name];
}
