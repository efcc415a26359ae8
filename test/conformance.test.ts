import { agreementBySource, CONFORMANCE_DIR, ISTIO_CONFORMANCE_DIR, loadCorpus, runConformanceCase } from './util/conformance';

// Neither corpus is part of the repository; each is read only where it sits beside it.
const derived = loadCorpus('derived');
const istio = loadCorpus('istio');

/**
 * The lowest agreement accepted on Istio's own test data, per source (crd: API server + CRD
 * schema/CEL; analyzer: the istioctl analyze test grid, each case run with the analyzer it names,
 * as Istio's grid runs it). Disagreements are printed by `tsx scripts/conformance.ts istio`.
 */
const ISTIO_GATES: Record<string, number> = { crd: 112, analyzer: 98 };

/** The bar for Istio's test data as a whole. */
const ISTIO_MIN_AGREEMENT = 0.98;

/**
 * Grid cases that a plain `istioctl analyze` (every analyzer at once) reports errors on, though the
 * one analyzer the grid runs reports none: the fixtures are partial, and Istio's other analyzers
 * (checked one by one in Istio's source) report these codes on them. Each with the reason.
 */
const ERRORS_FROM_OTHER_ANALYZERS: Record<string, readonly string[]> = {
  'analyzer/002-deprecation.yaml': ['IST0106'], // an HTTP rule with only a fault: no route, redirect or directResponse
  // MutatingWebhookConfigurations without selectors all match every pod: webhook.Analyzer reports overlaps
  'analyzer/003-externalcontrolplanemissingwebhooks.yaml': ['IST0139'],
  'analyzer/004-externalcontrolplanemissingwebhooks-2.yaml': ['IST0139'],
  'analyzer/005-externalcontrolplaneusingipaddresses.yaml': ['IST0139'],
  'analyzer/006-externalcontrolplanevalidwebhooks.yaml': ['IST0139'],
  'analyzer/007-externalcontrolplanevalidwebhooks-2.yaml': ['IST0139'],
  // route hosts without a Service (DestinationHostAnalyzer); a gateway name with '~' fails the webhook
  'analyzer/042-virtualserviceinternalgatewayref.yaml': ['IST0101', 'IST0106'],
  // route hosts without a Service; several mesh VirtualServices for one host (ConflictingMeshGatewayHosts)
  'analyzer/062-dupmatches.yaml': ['IST0101', 'IST0109'],
  // route hosts without a Service; two servers of one Gateway named http (webhook: port names unique)
  'analyzer/063-host-defined-in-virtualservice-not-found-in-the-gateway.yaml': ['IST0101', 'IST0106'],
  'analyzer/064-host-defined-in-virtualservice-not-found-in-the-gateway-beta.yaml': ['IST0101', 'IST0106'],
  'analyzer/065-host-defined-in-virtualservice-not-found-in-the-gateway-with.yaml': ['IST0101'],
  'analyzer/066-host-defined-in-virtualservice-not-found-in-the-gateway-with-2.yaml': ['IST0101'],
  'analyzer/069-certificate-duplication-in-gateway.yaml': ['IST0161'], // the Secrets hold placeholder text, not PEM (SecretAnalyzer)
  'analyzer/071-route-rule-no-effect-on-ingress.yaml': ['IST0173'],
  // a CLUSTER patch with a listener match: the webhook's ValidateEnvoyFilter refuses it
  'analyzer/079-envoyfilterusesrelativeoperation.yaml': ['IST0106'], // subset v1 of a host with no pods (SubsetSelectPodAnalyzer)
  // two Telemetries select the gateway pod (telemetry.SelectorAnalyzer: a selector counts even beside targetRef)
  'analyzer/091-kubernetesgatewayselector.yaml': ['IST0159'],
};

/**
 * Derived cases whose expected codes assume the analyzers only see what the cluster would store.
 * istioctl analyze also analyzes the objects its schema check rejects, so there it reports these
 * codes too (on the rejected object itself); the cluster view agrees with the corpus as written.
 */
const DERIVED_ISTIOCTL_EXTRA_CODES: Record<string, readonly string[]> = {
  'webhook/vs-gateway-name-bad-char.yaml': ['IST0101', 'IST0132'], // the invalid gateway name is also not found
  // the delegate's gateway is not in the input, and a VirtualService without hosts has none the gateway serves
  'webhook/vs-delegate-with-gateways.yaml': ['IST0101', 'IST0132'],
  'webhook/dr-empty-host.yaml': ['IST0174'], // the rejected DestinationRule's empty host matches no Service
  'webhook/gw-port-66000.yaml': ['IST0162'], // port 66000 is not a port of the ingress gateway Service
};

if (!derived) {
  // eslint-disable-next-line no-console
  console.log(`derived conformance test skipped: no corpus at ${CONFORMANCE_DIR} (it is not shipped with the repository)`);
  test.skip('derived conformance corpus (not present)', () => undefined);
} else {
  describe('lint agrees with Istio on the derived conformance corpus (cluster view)', () => {
    test.each(derived.cases.map((c) => [c.file, c]))('%s', (_file, c) => {
      // WHEN only what the cluster would store is analyzed, as the corpus assumes
      const result = runConformanceCase(c, derived.dir, derived.rules, { view: 'cluster' });
      // THEN valid <-> no error finding, and the same IST codes
      expect({ valid: result.valid, codes: result.codes, findings: result.findings })
        .toMatchObject({ valid: c.valid, codes: [...c.codes].sort() });
    });
  });

  describe('lint agrees with the derived corpus in the istioctl view, but for analyzed rejected objects', () => {
    test.each(derived.cases.map((c) => [c.file, c]))('%s', (_file, c) => {
      // WHEN every object read is analyzed (the default)
      const result = runConformanceCase(c, derived.dir, derived.rules);
      // THEN the same validity, and the corpus codes plus those on objects the corpus assumes dropped
      const extra = DERIVED_ISTIOCTL_EXTRA_CODES[c.file] ?? [];
      expect({ valid: result.valid, codes: result.codes, findings: result.findings })
        .toMatchObject({ valid: c.valid, codes: [...c.codes, ...extra].sort() });
    });
  });
}

if (!istio) {
  // eslint-disable-next-line no-console
  console.log(`Istio conformance test skipped: no corpus at ${ISTIO_CONFORMANCE_DIR} (it is not shipped with the repository)`);
  test.skip('Istio test-data conformance corpus (not present)', () => undefined);
} else {
  describe('lint agrees with Istio on Istio\'s own test data', () => {
    const results = istio.cases.map((c) => runConformanceCase(c, istio.dir, istio.rules));
    const figures = agreementBySource(results);
    // eslint-disable-next-line no-console
    console.log([...figures].map(([source, f]) => `${source}: ${f.agree}/${f.total} (${((100 * f.agree) / f.total).toFixed(1)}%)`).join(', '));

    test(`at least ${100 * ISTIO_MIN_AGREEMENT}% of all cases agree`, () => {
      const all = figures.get('all');
      expect((all?.agree ?? 0) / (all?.total ?? 1)).toBeGreaterThanOrEqual(ISTIO_MIN_AGREEMENT);
    });

    test.each(Object.entries(ISTIO_GATES))('%s cases agree at least %i times', (source, gate) => {
      const figure = figures.get(source);
      const disagreeing = results.filter((r) => !r.agrees && r.case.file.startsWith(`${source}/`)).map((r) => r.case.file);
      // THEN at least the gate agrees (below it, the list shows which cases to look at)
      expect((figure?.agree ?? 0) >= gate ? [] : disagreeing).toStrictEqual([]);
      expect(figure?.agree ?? 0).toBeGreaterThanOrEqual(gate);
    });
  });
}

if (istio) {
  describe('Istio\'s grid cases with every analyzer at once, as a plain istioctl analyze', () => {
    const cases = istio.cases.filter((c) => c.file.startsWith('analyzer/'));
    const results = cases.map((c) => runConformanceCase(c, istio.dir, istio.rules, {}, 'all'));

    test('only the listed cases disagree', () => {
      expect(results.filter((r) => !r.agrees).map((r) => r.case.file).sort()).toStrictEqual(Object.keys(ERRORS_FROM_OTHER_ANALYZERS).sort());
    });

    test.each(Object.entries(ERRORS_FROM_OTHER_ANALYZERS))('%s: the other analyzers report %j', (file, codes) => {
      const result = results.find((r) => r.case.file === file)!;
      const errorCodes = [...new Set(result.findings.filter((f) => f.startsWith('error IST')).map((f) => f.split(' ')[1]))];
      expect(errorCodes.filter((code) => !result.case.codes.includes(code)).sort()).toStrictEqual([...codes].sort());
    });
  });
}
