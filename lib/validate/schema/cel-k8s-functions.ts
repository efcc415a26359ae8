import { celFunc, celMethod, CelFunc, CelScalar } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';

/**
 * The Kubernetes CEL library functions Istio's CRD rules use beyond standard CEL: the strings
 * extension (`substring`, ...) and the URL library (`isURL`, `url`, `getScheme`). A URL is
 * represented by its text; `getScheme` reads it back.
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

/** Every extra function the rules may call. */
export const K8S_CEL_FUNCTIONS: CelFunc[] = [...strings, isUrl, url, getScheme];

