/** The objects of Istio's API groups (the ones every reference validator knows). */
export function istioObjects(objects: readonly any[]): any[] {
  return objects.filter((o) => typeof o?.apiVersion === 'string' && /^[a-z]+\.istio\.io\//.test(o.apiVersion));
}
