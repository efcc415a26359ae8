import * as pulumi from '@pulumi/pulumi';
import { GrpcMeshServiceProps, GrpcWorkloadProps } from '../core/mesh-service-props';

/** The workload of a Pulumi GrpcMeshService: as in cdk8s, with the image allowed to be an output. */
export interface GrpcWorkloadArgs extends Omit<GrpcWorkloadProps, 'image'> {
  /** Container image, e.g. from a `docker.Image` resource. */
  readonly image: pulumi.Input<string>;
}

/**
 * Arguments of the Pulumi GrpcMeshService: the cdk8s props, with the namespace and the image
 * allowed to be outputs of other resources.
 */
export interface GrpcMeshServiceArgs extends Omit<GrpcMeshServiceProps, 'namespace' | 'workload'> {
  /**
   * Namespace of every object, e.g. a `k8s.core.v1.Namespace`'s `metadata.name`.
   * @default "default"
   */
  readonly namespace?: pulumi.Input<string>;
  /**
   * The Deployment to create; omit to bind to an existing workload by `selector`.
   * @default - no Deployment
   */
  readonly workload?: GrpcWorkloadArgs;
}

/** Placeholders standing in for unresolved inputs when deciding which objects exist. */
const SHAPE_NAMESPACE = 'default';
const SHAPE_IMAGE = 'image.invalid/placeholder:0';

/** The cdk8s props with the inputs resolved to `namespace` and `image`. */
export function propsWith(args: GrpcMeshServiceArgs, namespace: string | undefined, image: string | undefined): GrpcMeshServiceProps {
  const { workload, namespace: _ns, ...rest } = args;
  return {
    ...rest,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(workload ? { workload: { ...workload, image: image ?? SHAPE_IMAGE } } : {}),
  };
}

/** The props used to decide, at construction, which objects the component creates. */
export function shapeProps(args: GrpcMeshServiceArgs): GrpcMeshServiceProps {
  const namespace = typeof args.namespace === 'string' ? args.namespace : args.namespace === undefined ? undefined : SHAPE_NAMESPACE;
  const image = typeof args.workload?.image === 'string' ? args.workload.image : undefined;
  return propsWith(args, namespace, image);
}

/** The props once the namespace and image inputs are known. */
export function resolvedProps(args: GrpcMeshServiceArgs): pulumi.Output<GrpcMeshServiceProps> {
  return pulumi.all([args.namespace, args.workload?.image]).apply(([namespace, image]) => propsWith(args, namespace, image));
}
