// Run with tsx: a Pulumi program (under mocks) whose namespace output is bad. Prints how many
// unhandled rejections reached the process and how many distinct errors they were: Pulumi's own
// handler reports each distinct error once, so `distinct` is what a user would read.
import * as pulumi from '@pulumi/pulumi';
import { installPulumiMocks } from './pulumi-mocks';
import { GrpcCanary, GrpcIngress, GrpcMeshService } from '../../lib/pulumi';

const reasons: unknown[] = [];
process.on('unhandledRejection', (reason) => { reasons.push(reason); });
installPulumiMocks();

const namespace = process.argv[2] === 'valid' ? 'shop' : pulumi.output('Bad_NS');
const service = new GrpcMeshService('users', { name: 'users', namespace, workload: { image: 'registry.example.com/users:1' } });
new GrpcCanary('users-canary', { service, canaryWorkload: { image: 'registry.example.com/users:2' } });
new GrpcIngress('edge', { service, hosts: pulumi.output(['users.example.com']), tls: { credentialName: 'users-tls' } });

setTimeout(() => {
  const distinct = [...new Set(reasons)];
  const messages = distinct.map((r) => (r instanceof Error ? r.message : String(r)));
  process.stdout.write(JSON.stringify({ unhandled: reasons.length, distinct: distinct.length, messages }));
}, 1500);
