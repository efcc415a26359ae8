import { memoByType } from '../type-memo';

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
  const place = templatePlaceOf(apiVersion, kind);
  if (!place) return undefined;
  let node: Record<string, any> | undefined = object;
  for (const key of place.path) node = record(node?.[key]);
  const spec = record(node?.spec);
  if (!spec) return undefined;
  return { metadata: record(node?.metadata) ?? {}, spec, path: place.specPath };
}

/** Where a type keeps its pod template, and the dotted path of its spec. */
interface TemplatePlace {
  readonly path: readonly string[];
  readonly specPath: string;
}

/** The template place of a type, found once per type. */
const templatePlaceOf = memoByType((apiVersion: string, kind: string): TemplatePlace | undefined => {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const entry = TEMPLATE_PATHS[kind];
  if (!entry || !entry.groups.includes(group)) return undefined;
  return { path: entry.path, specPath: [...entry.path, 'spec'].join('.') };
});
