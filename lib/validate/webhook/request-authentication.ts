import { WEBHOOK_CODES } from './codes';
import { checkDuration } from './durations';
import { Issues, list, obj } from './issues';
import { checkPolicyTargets } from './policy-target';

const C = WEBHOOK_CODES.REQUEST_AUTHENTICATION;
const STRICT_HEADER_NAME = /^[-_A-Za-z0-9]+$/;

/** Istio's ValidateRequestAuthentication and validateJwtRule. */
export function checkRequestAuthentication(issues: Issues, spec: Record<string, any>): void {
  checkPolicyTargets(issues, spec, C);
  list(spec.jwtRules).forEach((raw, i) => {
    const rule = obj(raw);
    const at = `spec.jwtRules[${i}]`;
    if (!rule) return;
    list(rule.audiences).forEach((a, j) => {
      if (a === '') issues.error(C, `${at}.audiences[${j}]`, 'audience must be non-empty string');
    });
    const issuer = typeof rule.issuer === 'string' ? rule.issuer : '';
    const jwksUri = typeof rule.jwksUri === 'string' ? rule.jwksUri : '';
    if (issuer === '' && jwksUri === '') issues.error(C, at, 'issuer or jwksUri must be non-empty string');
    if (jwksUri !== '') {
      const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(jwksUri)?.[1].toLowerCase() ?? '';
      if (scheme !== 'http' && scheme !== 'https') issues.error(C, `${at}.jwksUri`, `URI scheme "${scheme}" is not supported; use http or https`);
    }
    if (typeof rule.jwks === 'string' && rule.jwks !== '') checkJwks(issues, rule.jwks, `${at}.jwks`);
    list(rule.fromHeaders).forEach((h, j) => {
      if (!obj(h)) issues.error(C, `${at}.fromHeaders[${j}]`, 'location header name must be non-null');
      else if (!obj(h)!.name) issues.error(C, `${at}.fromHeaders[${j}].name`, 'location header name must be non-empty string');
    });
    list(rule.fromParams).forEach((p, j) => {
      if (p === '') issues.error(C, `${at}.fromParams[${j}]`, 'location query must be non-empty string');
    });
    list(rule.fromCookies).forEach((c, j) => {
      if (c === '') issues.error(C, `${at}.fromCookies[${j}]`, 'cookie name must be non-empty string');
    });
    list(rule.outputClaimToHeaders).forEach((o, j) => {
      const claim = obj(o);
      const path = `${at}.outputClaimToHeaders[${j}]`;
      if (!claim) issues.error(C, path, 'outputClaimToHeaders must not be null');
      else if (!claim.claim || !claim.header) issues.error(C, path, 'outputClaimToHeaders header and claim value must be non-empty string');
      else if (!STRICT_HEADER_NAME.test(String(claim.header))) issues.error(C, `${path}.header`, `header name ${String(claim.header)} is not a valid header name`);
    });
    checkDuration(issues, rule.timeout, `${at}.timeout`);
  });
}

/** A JWK set (or one key) in JSON; private key material gets a warning, as only public keys verify. */
function checkJwks(issues: Issues, jwks: string, path: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(jwks);
  } catch (err) {
    issues.error(C, path, `jwks parse error: ${(err as Error).message}`);
    return;
  }
  const keys = Array.isArray(obj(parsed)?.keys) ? obj(parsed)!.keys as unknown[] : [parsed];
  keys.forEach((k, i) => {
    const key = obj(k);
    if (!key || typeof key.kty !== 'string') {
      issues.error(C, path, `jwks parse error: key at index ${i} has no "kty"`);
      return;
    }
    if (key.d !== undefined || key.kty === 'oct') issues.warn(C, path, `jwks key at index ${i} contains private key material; only public keys are used for verification`);
  });
}
