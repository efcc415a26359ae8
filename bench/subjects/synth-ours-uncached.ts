/**
 * `node synth-ours-uncached.js SERVICES`: synth-ours with the package's code cache turned off, as
 * on a Node whose V8 differs from the build's (the cache is then refused).
 */
process.env.ISTIO_GRPC_CODE_CACHE = 'off';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- after the switch, which an import would precede
require('./synth-ours');
