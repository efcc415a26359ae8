/** Object schemas at least this long (as JSON) become definitions of their own. */
const MIN_SHARED_CHARS = 400;

/**
 * The same JSON Schema with every large object subschema moved to `$defs` and referenced, once
 * per distinct subschema. ajv compiles each definition to a function of its own (with
 * `inlineRefs: false`), so the code is not repeated where Istio repeats a type (a DestinationRule
 * holds its traffic policy four times over), and the JavaScript engine compiles, on first use,
 * only the functions of the fields an object has. Combinator branches (`oneOf`, `anyOf`, `not`)
 * stay inline: errors inside them are recognised by their schema path.
 */
export function withSharedSubschemas(root: Record<string, any>): Record<string, any> {
  const defs: Record<string, Record<string, any>> = {};
  const nameOf = new Map<string, string>();
  const share = (node: Record<string, any>): Record<string, any> => {
    const inner = rewriteChildren(node, share);
    const text = JSON.stringify(inner);
    if (inner.type !== 'object' || text.length < MIN_SHARED_CHARS) return inner;
    let name = nameOf.get(text);
    if (!name) {
      name = `s${nameOf.size}`;
      nameOf.set(text, name);
      defs[name] = inner;
    }
    return { $ref: `#/$defs/${name}` };
  };
  const out = rewriteChildren(root, share);
  return nameOf.size ? { ...out, $defs: defs } : out;
}

/** The node with its property, additionalProperties and items schemas passed through `f`. */
function rewriteChildren(node: Record<string, any>, f: (n: Record<string, any>) => Record<string, any>): Record<string, any> {
  const out: Record<string, any> = { ...node };
  if (node.properties) out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, f(v as Record<string, any>)]));
  if (node.additionalProperties && typeof node.additionalProperties === 'object') out.additionalProperties = f(node.additionalProperties);
  if (node.items && typeof node.items === 'object' && !Array.isArray(node.items)) out.items = f(node.items);
  return out;
}
