/** One served version of one pinned CRD (Istio's, our subsets of other projects', the Gateway API's). */
export interface CrdVersion {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly scope: string;
  readonly schema: Record<string, any>;
}

/** A version as the bundle lists it, with the CRD's plural and whether it is the stored version. */
export interface CrdBundleEntry extends CrdVersion {
  readonly plural: string;
  readonly storage: boolean;
}

/**
 * A generated schema bundle (scripts/generate-crd-schemas.ts): the served versions as JSON, each
 * naming its schema by index, and every distinct schema as JSON of its own. Most kinds serve the
 * same schema in v1, v1beta1 and v1alpha3, and a check reads the schemas of a few kinds only.
 */
export interface CrdBundle {
  readonly versions: string;
  readonly schemas: readonly string[];
}

/**
 * The versions of a bundle, each schema parsed when first read (once for all the versions that
 * share it): a lint of a few objects parses the schemas of their kinds, not the whole bundle.
 */
export function crdVersionsOf(bundle: CrdBundle): CrdBundleEntry[] {
  const parsed = new Map<number, Record<string, any>>();
  const schemaAt = (at: number) => {
    let schema = parsed.get(at);
    if (!schema) parsed.set(at, schema = JSON.parse(bundle.schemas[at]) as Record<string, any>);
    return schema;
  };
  return (JSON.parse(bundle.versions) as (Omit<CrdBundleEntry, 'schema'> & { schema: number })[]).map(({ schema: at, ...entry }) =>
    Object.defineProperty(entry, 'schema', {
      enumerable: true,
      configurable: true,
      // Read on every object checked: after the first read it is a plain field.
      get: () => {
        const value = schemaAt(at);
        Object.defineProperty(entry, 'schema', { value, enumerable: true });
        return value;
      },
    }) as CrdBundleEntry);
}
