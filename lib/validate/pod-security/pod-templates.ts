/** Where a workload kind keeps its pod: metadata and spec, with the dotted path of the spec. */
export interface PodTemplate {
  readonly metadata: Record<string, any>;
  readonly spec: Record<string, any>;
  readonly path: string;
}

const record = (v: unknown): Record<string, any> | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, any> : undefined);

/** The built-in workload kinds and the path to their pod template, by API group. */
const TEMPLATE_PATHS: Record<string, { readonly groups: readonly string[]; readonly path: readonly string[] }> = {
  Pod: { groups: [''], path: [] },
  Deployment: { groups: ['apps'], path: ['spec', 'template'] },
  StatefulSet: { groups: ['apps'], path: ['spec', 'template'] },
  DaemonSet: { groups: ['apps'], path: ['spec', 'template'] },
  ReplicaSet: { groups: ['apps'], path: ['spec', 'template'] },
  ReplicationController: { groups: [''], path: ['spec', 'template'] },
  Job: { groups: ['batch'], path: ['spec', 'template'] },
  CronJob: { groups: ['batch'], path: ['spec', 'jobTemplate', 'spec', 'template'] },
  PodTemplate: { groups: [''], path: ['template'] },
};

/** The pod template of a built-in workload object, or undefined for other kinds (or no spec). */
export function podTemplateOf(object: Record<string, any>): PodTemplate | undefined {
  const kind = typeof object.kind === 'string' ? object.kind : '';
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const entry = TEMPLATE_PATHS[kind];
  if (!entry || !entry.groups.includes(group)) return undefined;
  let node: Record<string, any> | undefined = object;
  for (const key of entry.path) node = record(node?.[key]);
  const spec = record(node?.spec);
  if (!spec) return undefined;
  return { metadata: record(node?.metadata) ?? {}, spec, path: [...entry.path, 'spec'].join('.') };
}
