import { buildAmbientScenarios } from './ambient-scenarios';
import { ScenarioBuilder } from './app';
import { buildCanaryScenarios } from './canary-scenarios';
import { buildIngressScenarios } from './ingress-scenarios';
import { buildMonitoringScenarios } from './monitoring-scenarios';
import { buildProtoScenarios } from './proto-scenarios';

/**
 * Scenario builders beyond the GrpcMeshService ones (canary, ingress, security, proto-driven).
 * Each feature's scenario module exports its builders; they are listed here, one entry per module.
 */
export const EXTRA_BUILDERS: readonly ScenarioBuilder[] = [
  buildCanaryScenarios,
  buildIngressScenarios,
  buildProtoScenarios,
  buildMonitoringScenarios,
  buildAmbientScenarios,
];
