/** The API group of the Kubernetes Gateway API (its standard-channel kinds). */
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
