export { checkPodSecurity } from './check-pod-security';
export { POD_SECURITY_CODES } from './codes';
export { podTemplateOf } from './pod-templates';
export type { PodTemplate } from './pod-templates';
