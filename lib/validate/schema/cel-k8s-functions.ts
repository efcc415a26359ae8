import { celFunc, celMethod, CelFunc, CelScalar } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { isIpStrict } from './ip-address';

/**
 * The Kubernetes CEL library functions the pinned CRDs' rules use beyond standard CEL: the
 * strings extension (`substring`, ...), the URL library (`isURL`, `url`, `getScheme`; Istio) and
 * the IP library's `isIP` (the Gateway API's TLSRoute hostnames). A URL is represented by its
 * text; `getScheme` reads it back.
 */
function parseUrl(text: string): URL | undefined {
  // Kubernetes accepts absolute URLs and absolute paths; relative references are not URLs.
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

const isUrl = celFunc('isURL', [CelScalar.STRING], CelScalar.BOOL, (text) => text.startsWith('/') || parseUrl(text) !== undefined);
const url = celFunc('url', [CelScalar.STRING], CelScalar.STRING, (text) => {
  if (!text.startsWith('/') && !parseUrl(text)) throw new Error(`URL parse error: ${text}`);
  return text;
});
const getScheme = celMethod('getScheme', CelScalar.STRING, [], CelScalar.STRING, function getSchemeOf() {
  const parsed = parseUrl(this);
  return parsed ? parsed.protocol.replace(/:$/, '') : '';
});

const isIp = celFunc('isIP', [CelScalar.STRING], CelScalar.BOOL, (text) => isIpStrict(text));

/** Every extra function the rules may call. */
export const K8S_CEL_FUNCTIONS: CelFunc[] = [...strings, isUrl, url, getScheme, isIp];

