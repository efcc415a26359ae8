import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { errorsOf, Finding, formatFinding, parseYamlDocuments, validateSources } from '../lib/validate';
import { SCHEMA_CODES } from '../lib/validate/schema';

/**
 * The oracle: the Gateway API project's own examples (v1.6.1, standard channel). Its CI applies
 * examples/standard to an API server and expects every one stored, and hack/invalid-examples to
 * be refused; so both sets are judged by what the API server decides (schema, defaults, CEL),
 * the schema stage's codes. Cross-object findings (a route's parent not in the same file) are
 * analyzers' business and printed, not judged.
 */
const EXAMPLES = join(__dirname, '..', '..', 'shared', 'gateway-api');
const present = existsSync(join(EXAMPLES, 'examples-valid')) && existsSync(join(EXAMPLES, 'examples-invalid'));
if (!present) {
  // eslint-disable-next-line no-console
  console.log(`skipping the Gateway API examples: ${EXAMPLES} is absent (the shared test corpus lies beside the repository)`);
}
const describeIfPresent = present ? describe : describe.skip;

const API_SERVER_CODES = new Set<string>(Object.values(SCHEMA_CODES).map((c) => c.code));
const filesOf = (dir: string) => (present ? readdirSync(join(EXAMPLES, dir)).filter((f) => f.endsWith('.yaml')).sort() : []);

/** Every finding of a file, as `istio-grpc lint` reads it. */
function lint(dir: string, file: string): Finding[] {
  const parsed = parseYamlDocuments(readFileSync(join(EXAMPLES, dir, file), 'utf8'), file);
  expect(parsed.problems).toStrictEqual([]);
  expect(parsed.sources.length).toBeGreaterThan(0);
  return validateSources(parsed.sources);
}

const apiServerErrors = (findings: readonly Finding[]) => errorsOf(findings).filter((f) => API_SERVER_CODES.has(f.code));

/**
 * Why the API server refuses each invalid example: the code and a fragment of the message of the
 * rule that refuses it, so a refusal for the wrong reason fails.
 */
const REFUSED_BY: Record<string, readonly [code: string, fragment: string]> = {
  'gateway_duplicate-listeners.yaml': ['IGR1006', 'Listener name must be unique within the Gateway'],
  'gateway_hostname-tcp.yaml': ['IGR1006', "hostname must not be specified for protocols ['TCP', 'UDP']"],
  'gateway_hostname-udp.yaml': ['IGR1006', "hostname must not be specified for protocols ['TCP', 'UDP']"],
  'gateway_invalid-addresses.yaml': ['IGR1004', 'spec.addresses[0]: with type IPAddress, value must be in format ipv4 or ipv6 (got "1200:0000:::AB00'],
  'gateway_invalid-listener-name.yaml': ['IGR1004', 'spec.listeners[0].name: "bad>" does not match the pattern'],
  'gateway_invalid-listener-port.yaml': ['IGR1004', 'spec.listeners[0].port: must be <= 65535 (got 123456789)'],
  'gateway_invalid-tls-mode.yaml': ['IGR1006', 'tls mode must be Terminate for protocol HTTPS'],
  'gateway_tlsconfig-tcp.yaml': ['IGR1006', "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']"],
  'gatewayclass_invalid-controller.yaml': ['IGR1004', 'spec.controllerName: "example" does not match the pattern'],
  'httproute_duplicate-header-match.yaml': ['IGR1009', 'headers[1]: Duplicate value: {"name":"foo"}'],
  'httproute_duplicate-query-match.yaml': ['IGR1009', 'queryParams[1]: Duplicate value: {"name":"foo"}'],
  'httproute_httproute-portless-backend.yaml': ['IGR1006', 'spec.rules[0].backendRefs[0]: Must have port for Service reference'],
  'httproute_httproute-portless-service.yaml': ['IGR1006', 'spec.rules[0].backendRefs[0]: Must have port for Service reference'],
  'httproute_invalid-backend-group.yaml': ['IGR1004', 'backendRefs[0].group: "*" does not match the pattern'],
  'httproute_invalid-backend-kind.yaml': ['IGR1004', 'backendRefs[0].kind: "*" does not match the pattern'],
  'httproute_invalid-backend-port.yaml': ['IGR1004', 'backendRefs[0].port: must be <= 65535 (got 800080)'],
  'httproute_invalid-filter-duplicate-header.yaml': ['IGR1009', 'requestHeaderModifier.remove[1]: Duplicate value: "foo"'],
  'httproute_invalid-filter-duplicate.yaml': ['IGR1006', 'RequestHeaderModifier filter cannot be repeated'],
  'httproute_invalid-filter-empty.yaml': ['IGR1006', 'filter.requestHeaderModifier must be specified for RequestHeaderModifier filter.type'],
  'httproute_invalid-filter-wrong-field.yaml': ['IGR1006', 'filter.requestRedirect must be nil if the filter.type is not RequestRedirect'],
  'httproute_invalid-header-name.yaml': ['IGR1004', 'headers[0].name: "magic/" does not match the pattern'],
  'httproute_invalid-hostname.yaml': ['IGR1004', 'spec.hostnames[0]: "http://a<" does not match the pattern'],
  'httproute_invalid-httpredirect-hostname.yaml': ['IGR1004', 'requestRedirect.hostname: "*.gateway.networking.k8s.io" does not match the pattern'],
  'httproute_invalid-method.yaml': ['IGR1004', '"NOTREAL" is not one of GET'],
  'httproute_invalid-path-alphanum-specialchars-mix.yaml': ['IGR1006', 'matches[0].path: must only contain valid characters'],
  'httproute_invalid-path-specialchars.yaml': ['IGR1006', 'matches[0].path: must only contain valid characters'],
  'httproute_invalid-request-redirect-with-backendref.yaml': ['IGR1006', 'spec.rules[0]: RequestRedirect filter must not be used together with backendRefs'],
  'referencegrant_missing-from.yaml': ['IGR1004', 'spec.from: required field "from" is missing'],
  'referencegrant_missing-ns.yaml': ['IGR1004', 'spec.from[0].namespace: required field "namespace" is missing'],
  'referencegrant_missing-to.yaml': ['IGR1004', 'spec.to: required field "to" is missing'],
  'tlsroute_invalid-hostname.yaml': ['IGR1004', 'spec.hostnames[0]: "http://a<" does not match the pattern'],
  'tlsroute_no-hostname.yaml': ['IGR1004', 'spec.hostnames: required field "hostnames" is missing'],
};

describeIfPresent('Gateway API examples (v1.6.1 standard channel): what the API server stores', () => {
  const valid = filesOf('examples-valid');

  test('the corpus is there in full', () => {
    expect(valid.length).toBeGreaterThanOrEqual(79);
  });

  test.each(valid)('%s is accepted: no schema, default or CEL error', (file) => {
    const findings = lint('examples-valid', file);
    expect(apiServerErrors(findings).map(formatFinding)).toStrictEqual([]);
    const crossObject = errorsOf(findings).filter((f) => !API_SERVER_CODES.has(f.code));
    // eslint-disable-next-line no-console
    if (crossObject.length) console.log(`${file}: cross-object findings (analyzers, not the API server):\n  ${crossObject.map(formatFinding).join('\n  ')}`);
  });
});

describeIfPresent('Gateway API invalid examples (v1.6.1 standard channel): what the API server refuses, and why', () => {
  const invalid = filesOf('examples-invalid');

  test('every invalid example has its reason pinned, and every pinned reason its example', () => {
    expect(invalid).toStrictEqual(Object.keys(REFUSED_BY).sort());
  });

  test.each(invalid)('%s is refused for its own reason', (file) => {
    const errors = apiServerErrors(lint('examples-invalid', file)).map(formatFinding);
    const [code, fragment] = REFUSED_BY[file];
    expect(errors).toContainEqual(expect.stringMatching(new RegExp(`^error ${code} .*${escapeRegExp(fragment)}`)));
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
