import { IstioGrpcError } from './core/errors';
import { GrpcMeshService } from './grpc-mesh-service';

/**
 * The GrpcMeshService a canary or ingress is given, checked: `service: {}` or a missing props
 * object (possible from JavaScript or JSON) is an IstioGrpcError naming the construct, not a
 * TypeError from deep inside.
 */
export function meshServiceOf(constructPath: string, props: unknown): GrpcMeshService {
  const fail = (field: string, value: unknown, reason: string): never => {
    throw new IstioGrpcError({ construct: constructPath, field, value, reason, fix: 'pass the GrpcMeshService construct, e.g. { service: users } where users = new GrpcMeshService(...)' });
  };
  if (props === null || typeof props !== 'object' || Array.isArray(props)) fail('props', props, 'props are required');
  const service = (props as { service?: unknown }).service;
  if (!(service instanceof GrpcMeshService)) fail('service', service, 'must be a GrpcMeshService construct');
  return service as GrpcMeshService;
}
