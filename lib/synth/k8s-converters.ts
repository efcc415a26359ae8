import { k8s } from 'cdk8s-plus-28';
import { convertersDigest } from './converters-digest';
import { CONVERTER_NAMES, CONVERTERS, CONVERTERS_DIGEST } from '../../imports/k8s-converters';

let sameSource: boolean | undefined;

/**
 * The props converter `name` of cdk8s-plus-28's k8s module: the rewritten one of
 * imports/k8s-converters.ts while the installed module's converters are the very ones it was
 * generated from, the installed one otherwise.
 */
export function k8sConverter(name: string): unknown {
  const installed = (k8s as unknown as Record<string, unknown>)[name];
  sameSource ??= convertersDigest(CONVERTER_NAMES, (n) => sourceOf((k8s as unknown as Record<string, unknown>)[n])) === CONVERTERS_DIGEST;
  return (sameSource && CONVERTERS[name]) || installed;
}

function sourceOf(f: unknown): string | undefined {
  return typeof f === 'function' ? Function.prototype.toString.call(f) : undefined;
}
