import { cdk8s, javascript } from 'projen';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'istio-grpc',
  description: 'Typed cdk8s constructs and Pulumi components that run gRPC services on Istio correctly: protocol detection, L7 balancing, safe retries, canaries, ingress, validated offline.',
  author: 'istio-grpc maintainers',
  authorAddress: 'maintainers@istio-grpc.invalid',
  repositoryUrl: 'https://example.invalid/istio-grpc.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  keywords: ['cdk8s', 'istio', 'grpc', 'service-mesh', 'pulumi', 'kubernetes'],

  // jsii compiles everything under one rootDir: lib/ (ours) and imports/ (generated) both live under '.'.
  srcdir: '.',
  excludeTypescript: ['test/**', 'examples/**', 'scripts/**', 'bench/**', 'projenrc/**', '.projenrc.ts', 'out/**', 'dist/**'],
  entrypoint: 'out/lib/index.js',
  libdir: 'out',
  testdir: 'test',
  artifactsDirectory: 'out/package',
  minNodeVersion: '20.0.0',
  typescriptVersion: '~6.0.0',
  jsiiVersion: '~6.0.0',
  // The assembly (2.7 MB of JSON, mostly the generated Istio types) ships gzipped behind a small redirect.
  compressAssembly: true,
  cdk8sVersion: '2.70.106',
  constructsVersion: '10.8.1',
  peerDeps: ['cdk8s-plus-28@^2.5.6'],
  // Plain npm libraries used at run time; jsii needs them bundled.
  bundledDeps: [
    // js-yaml reads manifests for lint: about 7x faster than yaml's parser on this machine, which
    // lint's throughput target needs; yaml stays for the generator script and tests.
    'js-yaml@^5.5.0',
    'ajv@^8.20.0',
    '@bufbuild/cel@^0.6.1',
    // @bufbuild/cel (and its @bufbuild/cel-spec) require it at load time as a peer dependency.
    '@bufbuild/protobuf@^2.6.2',
    'protobufjs@^8.8.0',
    'commander@^14.0.0',
    // Istio and Envoy match with RE2 (Go's regexp); a pure JavaScript port of it checks patterns alike.
    're2js@^2.10.0',
  ],
  devDeps: [
    'yaml@^2.9.0',
    'cdk8s-cli@^2.207.0',
    'fast-check@^4.10.0',
    '@pulumi/pulumi@~3.248.0',
    '@pulumi/kubernetes@^4.34.0',
    '@swc/core@^1.16.0',
    '@swc/jest@^0.2.39',
    'tsx@^4.23.0',
    // Ships the SARIF 2.1.0 JSON schema and a matcher; lint's SARIF output is tested against it.
    '@microsoft/jest-sarif@1.0.0-beta.0',
    // Prometheus's own PromQL grammar: the tests parse every query the dashboards, alerts and
    // canary analysis emit (@lezer/lr and @lezer/highlight are its peer dependencies).
    '@prometheus-io/lezer-promql@^0.315.0',
    '@lezer/lr@^1.4.12',
    '@lezer/highlight@^1.2.5',
    // Reference rows of `npm run bench` only: another library's validation of the same objects.
    '@kubernetes-models/istio@^3.0.1',
  ],

  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  sampleCode: false,
  docgen: true,
  docgenFilePath: 'API.md',
  gitignore: ['/dist/', '/out/', '/bench-results/', '.fuzz/', '.jsii.gz'],

  eslintOptions: {
    // `npm test` only reports: it must never rewrite the working tree (`npm run eslint:fix` fixes).
    commandOptions: { fix: false },
    dirs: ['lib'],
    devdirs: ['test', 'examples', 'scripts', 'bench'],
    projectService: false,
    tsconfigPath: './test/tsconfig.json',
    ignorePatterns: ['imports/', 'out/', 'dist/', 'node_modules/', '*.generated.ts', '*.d.ts', '*.js'],
  },
  jestOptions: {
    // Snapshots are never rewritten by the test run: a changed manifest must fail until reviewed.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      collectCoverage: false,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/out/'],
    },
  },
  tsconfigDev: {
    include: ['**/*.ts', '../.projenrc.ts', '../lib/**/*.ts', '../examples/**/*.ts', '../scripts/**/*.ts', '../bench/**/*.ts'],
    compilerOptions: { resolveJsonModule: true, esModuleInterop: true },
  },
  tsconfig: {
    compilerOptions: {
      resolveJsonModule: true,
      esModuleInterop: true,
      // Source maps in files of their own: inlined, they tripled the JavaScript every start of the
      // CLI and every import of the library reads (15 MB against 5 MB).
      inlineSourceMap: false,
      sourceMap: true,
      inlineSources: true,
    },
  },
});

// swc strips types quickly; `typecheck` (tsc --noEmit) keeps the type safety. projen adds its
// ts-jest pattern first and jest uses the first transform that matches, so swc replaces it.
project.jest!.config.transform = { '^.+\\.tsx?$': new javascript.Transform('@swc/jest') };

project.addTask('eslint:fix', {
  description: 'Runs eslint and applies its fixes to the working tree',
  exec: 'projen eslint --fix',
});

// What the tarball holds is an allow-list (npm always adds package.json, README and LICENSE, and
// the bundled dependencies): compiled JS with its source maps, .d.ts, the code cache, the jsii
// assembly and the API reference. Sources, tests, scripts, examples and the build's own artifacts
// (out/package) stay out.
project.package.addField('files', [
  'out/lib/**/*.js',
  'out/lib/**/*.js.map',
  'out/lib/**/*.d.ts',
  'out/imports/**/*.js',
  'out/imports/**/*.js.map',
  'out/imports/**/*.d.ts',
  'out/code-cache.bin',
  '.jsii',
  '.jsii.gz',
  'API.md',
]);

// The compiled modules' V8 code caches, made after a run of the examples, so a first synthesis does
// not compile them again (lib/code-cache). Every compile writes it; out/ is never committed.
project.compileTask.exec('tsx scripts/code-cache/write-code-cache.ts out');

// jsii-pacmak appends its outdir to .npmignore unless it is there (`files` decides what is packed).
project.npmignore?.exclude('out/package');

project.package.addField('types', 'out/lib/index.d.ts');
project.addBins({ 'istio-grpc': 'out/lib/cli/main.js' });
// The Pulumi components ship on a subpath, outside the jsii surface (jsii cannot express Pulumi types).
project.package.addField('exports', {
  '.': { types: './out/lib/index.d.ts', default: './out/lib/index.js' },
  './pulumi': { types: './out/lib/pulumi/index.d.ts', default: './out/lib/pulumi/index.js' },
  './package.json': './package.json',
});
project.package.addField('typesVersions', { '*': { pulumi: ['out/lib/pulumi/index.d.ts'] } });

// `imports/` (Istio classes) and `lib/validate/schemas` are generated from the pinned Istio CRDs;
// imports/cert-manager.io.ts from our own subset of cert-manager's Certificate CRD, and the Argo
// Rollouts, Flagger and prometheus-operator classes (and their schemas) from our subsets too.
const OTHER_CRDS = ['argo-rollouts-analysistemplate', 'flagger-metrictemplate', 'prometheus-operator-prometheusrule'].map((f) => `projenrc/crds/${f}.yaml`);
// Gateway API classes for the kinds our constructs emit (the schema bundle covers every standard kind).
const GATEWAY_API_EMITTED = ['gateways', 'grpcroutes', 'httproutes', 'referencegrants'].map((k) => `../shared/gateway-api/crds/standard-${k}.yaml`);
const GATEWAY_API_CRDS = ['backendtlspolicies', 'gatewayclasses', 'gateways', 'grpcroutes', 'httproutes', 'listenersets', 'referencegrants', 'tcproutes', 'tlsroutes', 'udproutes'].map((k) => `../shared/gateway-api/crds/standard-${k}.yaml`);
const GATEWAY_API_IMPORT_INPUT = '.cache/gateway-api-emitted-crds.yaml';
project.addTask('import', {
  description: 'Regenerate imports/, the CRD schema bundles and the precompiled validators from ../shared/istio/crd-all.gen.yaml, every CRD in ../shared/gateway-api/crds (and our CRD subsets in projenrc/crds)',
  steps: [
    { exec: 'cdk8s import projenrc/crds/cert-manager-certificate.yaml --language typescript --output imports --no-check-upgrade' },
    ...OTHER_CRDS.map((crd) => ({ exec: `cdk8s import ${crd} --language typescript --output imports --no-check-upgrade` })),
    { exec: 'cdk8s import ../shared/istio/crd-all.gen.yaml --language typescript --output imports --no-check-upgrade' },
    { exec: `tsx scripts/concat-yaml.ts ${GATEWAY_API_IMPORT_INPUT} ${GATEWAY_API_EMITTED.join(' ')}` },
    { exec: `cdk8s import ${GATEWAY_API_IMPORT_INPUT} --language typescript --output imports --no-check-upgrade` },
    // The generated converters drop undefined fields with a spread per field; one loop does the same.
    { exec: 'tsx scripts/fast-converters.ts imports/*.ts' },
    // The same rewrite of cdk8s-plus-28's converters for the core objects we create (used while the installed ones match).
    { exec: 'tsx scripts/k8s-converters.ts imports/k8s-converters.ts' },
    // What each converter declares, so that the synth reuses the resolved JSON where a converter would copy it unchanged.
    { exec: 'tsx scripts/converter-tables.ts lib/synth/converter-tables.generated.ts imports/*.ts' },
    { exec: `tsx scripts/generate-crd-schemas.ts ISTIO_CRD_SCHEMAS "the pinned Istio CRD bundle and our CRD subsets" ../shared/istio/crd-all.gen.yaml ${OTHER_CRDS.join(' ')} lib/validate/schemas/istio-crds.generated.ts` },
    // Every standard-channel Gateway API CRD, in a bundle of its own: parsed only when a file holds a Gateway API object.
    { exec: `tsx scripts/generate-crd-schemas.ts GATEWAY_API_CRD_SCHEMAS "the Gateway API v1.6.1 standard-channel CRDs" ${GATEWAY_API_CRDS.join(' ')} lib/validate/schemas/gateway-api-crds.generated.ts` },
    { exec: 'tsx scripts/generate-validators.ts lib/validate/schemas/crd-validators.generated.ts' },
  ],
});

// API.md documents our constructs and types only, not the generated Istio submodules.
project.tasks.tryFind('docgen')!.reset('jsii-docgen -o API.md -s root');

// Pulumi users bring @pulumi/pulumi and @pulumi/kubernetes with their program; jsii refuses
// non-jsii peer dependencies, so they stay dev dependencies here and are documented in the README.
project.eslint?.addOverride({
  files: ['lib/pulumi/**/*.ts'],
  rules: { 'import/no-extraneous-dependencies': ['error', { devDependencies: true }] },
});

project.addTask('synth', {
  description: 'Synthesize the example cdk8s app into dist/*.k8s.yaml',
  exec: 'tsx examples/cdk8s/main.ts',
});

project.addTask('typecheck', {
  description: 'Type-check sources, tests and examples without emitting',
  exec: 'tsc --noEmit -p test/tsconfig.json',
});
project.testTask.prependSpawn(project.tasks.tryFind('typecheck')!);

// `npm run bench -- --rows synth --runs 3`: the flags reach bench/run.ts (--list shows the rows).
project.addTask('bench', { description: 'Synth, lint and validator benchmarks (interleaved runs, medians, min-max)', exec: 'tsx bench/run.ts', receiveArgs: true });
project.addTask('fuzz', { description: 'Property-based and mutation fuzzing (long)', exec: 'tsx scripts/fuzz.ts' });

project.synth();
