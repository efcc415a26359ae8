import * as monitoring from '../../../imports/monitoring.coreos.com';
import { KubeObject } from '../kube-object';
import { MeshServiceModel } from '../mesh-service-model';
import { renderAlerts } from './render-alerts';
import { renderDashboardConfigMap } from './render-dashboard';
import { MonitoringModel } from './resolve-monitoring';
import { configMapManifest } from '../render/kube-json';

/** The monitoring objects as manifests, PrometheusRule first (the same for cdk8s and Pulumi). */
export function monitoringManifests(service: MeshServiceModel, model: MonitoringModel): KubeObject[] {
  return [
    ...(model.alerts ? [monitoring.PrometheusRule.manifest(renderAlerts(service, model)) as KubeObject] : []),
    ...(model.dashboard ? [configMapManifest(renderDashboardConfigMap(service, model))] : []),
  ];
}
