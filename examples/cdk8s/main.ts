import { buildExampleApp } from './app';
import { EXTRA_BUILDERS } from './builders';

// `npm run synth`: writes dist/<scenario>.k8s.yaml
const app = buildExampleApp(process.env.ISTIO_GRPC_OUTDIR ?? 'dist', EXTRA_BUILDERS);
app.synth();
process.stdout.write(`synthesized ${app.charts.length} charts into ${app.outdir}/\n`);
