import * as pulumi from '@pulumi/pulumi';
import { applyChecked } from './component-error';
import { GrpcMeshService } from './grpc-mesh-service';
import { createKubeResource, KubeResource } from './kube-resource';
import { assertValidObjects } from './validate';
import { IstioGrpcError } from '../core/errors';
import { GrpcServiceMonitoringOptions } from '../core/observability/monitoring-props';
import { renderDashboardJson } from '../core/observability/render-dashboard';
import { monitoringManifests } from '../core/observability/render-monitoring';
import { resolveMonitoring } from '../core/observability/resolve-monitoring';

/** Arguments of the Pulumi GrpcServiceMonitoring (as the cdk8s GrpcServiceMonitoringProps). */
export interface GrpcServiceMonitoringArgs extends GrpcServiceMonitoringOptions {
  /** The service whose calls the alerts and dashboard watch. */
  readonly service: GrpcMeshService;
}

/**
 * SLO alerts (PrometheusRule) and a Grafana dashboard (ConfigMap labelled `grafana_dashboard:
 * "1"`) for a Pulumi GrpcMeshService: the same objects as the cdk8s `GrpcServiceMonitoring` for
 * the same props, as children of this component.
 */
export class GrpcServiceMonitoring extends pulumi.ComponentResource {
  /** The PrometheusRule and/or the dashboard ConfigMap, in that order. */
  public readonly resources: KubeResource[];
  /** The Grafana dashboard model as JSON text. */
  public readonly dashboardJson: pulumi.Output<string>;

  constructor(name: string, args: GrpcServiceMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    super('istio-grpc:index:GrpcServiceMonitoring', name, {}, opts);
    if (!(args?.service instanceof GrpcMeshService)) {
      throw new IstioGrpcError({ construct: name, field: 'service', value: args?.service, reason: 'must be a GrpcMeshService component', fix: 'pass the component to watch, e.g. { service: users }' });
    }
    const { service, ...options } = args;
    // Checks the props now, so bad input throws at construction as in cdk8s.
    const shapes = monitoringManifests(service.shapeModel, resolveMonitoring(name, service.shapeModel, options));
    const resolved = applyChecked(service.model, this, (model) => {
      const monitoring = resolveMonitoring(name, model, options);
      const objects = monitoringManifests(model, monitoring);
      assertValidObjects(name, objects, this);
      return { objects, dashboardJson: JSON.stringify(renderDashboardJson(model, monitoring), null, 2) };
    });
    this.resources = shapes.map((shape, i) => createKubeResource(name, shape, resolved.apply((r) => r.objects[i]), { parent: this }));
    this.dashboardJson = resolved.apply((r) => r.dashboardJson);
    this.registerOutputs({});
  }
}
