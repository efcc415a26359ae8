export { checkPodSecurity } from './check-pod-security';
export { POD_SECURITY_CODES } from './codes';
export { podTemplateOf, PodTemplate } from './pod-templates';
