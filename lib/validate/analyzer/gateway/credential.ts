import type { X509Certificate } from 'crypto';
import { KubeObject } from '../../../core/kube-object';
import { objOf } from '../objects';

/**
 * Why a gateway credential Secret cannot serve, as Istio reads it: `cert`/`key` or
 * `tls.crt`/`tls.key` both non-empty, the certificate PEM-encoded X.509 and valid at `now`.
 * Undefined when it can serve. `stringData` counts, as the API server folds it into `data`.
 */
export function credentialProblem(secret: KubeObject, now: Date): string | undefined {
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(objOf((secret as any).data))) if (typeof v === 'string') data[k] = decodeBase64(v);
  for (const [k, v] of Object.entries(objOf((secret as any).stringData))) if (typeof v === 'string') data[k] = v;
  const pair = [['cert', 'key'], ['tls.crt', 'tls.key']].find(([c, k]) => data[c] && data[k]);
  if (!pair) {
    const empty = [['cert', 'key'], ['tls.crt', 'tls.key']].find(([c, k]) => c in data && k in data);
    return empty ? `its keys ${empty[0]} and ${empty[1]} are empty` : `it has neither cert/key nor tls.crt/tls.key (keys: ${Object.keys(data).sort().join(', ') || 'none'})`;
  }
  const pem = /-----BEGIN ([A-Z0-9 ]+)-----\s*([A-Za-z0-9+/=\s]*?)-----END \1-----/.exec(data[pair[0]]);
  if (!pem) return `${pair[0]} is not PEM`;
  let cert: X509Certificate;
  try {
    // Node's crypto loads only for a Secret that holds a certificate: most lint runs have none.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { X509Certificate: Certificate } = require('crypto') as typeof import('crypto');
    cert = new Certificate(Buffer.from(pem[2].replace(/\s+/g, ''), 'base64'));
  } catch (err) {
    return `${pair[0]} is not an X.509 certificate (${(err as Error).message})`;
  }
  if (now < new Date(cert.validFrom) || now > new Date(cert.validTo)) return `the certificate in ${pair[0]} is expired or not yet valid (valid ${cert.validFrom} to ${cert.validTo})`;
  return undefined;
}

function decodeBase64(value: string): string {
  return Buffer.from(value, 'base64').toString('latin1');
}
