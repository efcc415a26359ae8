import { Event, EVENT_ID, getScalarValue, SCALAR_STYLE } from 'js-yaml';
import { nodeStart } from './decode-document';
import { expandTag, jsonKeyOf, resolveScalar } from './go-scalars';
import { childPath } from '../path';

/**
 * Offsets of every field written in a document, by finding path (`spec.http[0].retries`): a
 * mapping entry is found at its key, a sequence item at its start. Merged and aliased content is
 * not written where it lands, so it is absent (callers fall back to an ancestor).
 */
export function fieldOffsets(events: readonly Event[], text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  // One entry per open collection: its path, and for mappings the path of the pending value.
  const stack: { path: string; map: boolean; index: number; valuePath?: string }[] = [];
  let begun = false;
  const enter = (start: number): string | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    if (!top.map) {
      const path = childPath(top.path, top.index++);
      offsets.set(path, start);
      return path;
    }
    const path = top.valuePath;
    top.valuePath = undefined;
    return path;
  };
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      if (begun) break;
      begun = true;
      continue;
    }
    if (event.type === EVENT_ID.POP) {
      stack.pop();
      if (stack.length === 0) break;
      continue;
    }
    const start = nodeStart(event);
    const top = stack[stack.length - 1];
    if (top?.map && top.valuePath === undefined) {
      // A key: scalars name the entry; anything else makes an entry no path can name.
      top.valuePath = '\u0000';
      if (event.type === EVENT_ID.SCALAR) {
        const key = keyText(event, text);
        if (key !== undefined) {
          top.valuePath = childPath(top.path, key);
          offsets.set(top.valuePath, start);
        }
      }
      if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) stack.push({ path: '\u0000', map: event.type === EVENT_ID.MAPPING, index: 0 });
      continue;
    }
    const path = enter(start) ?? '\u0000';
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      stack.push({ path, map: event.type === EVENT_ID.MAPPING, index: 0 });
    } else if (stack.length === 0) {
      break;
    }
  }
  return offsets;
}

function keyText(event: Extract<Event, { type: 4 }>, text: string): string | undefined {
  try {
    const tag = event.tagStart >= 0 ? expandTag(text.slice(event.tagStart, event.tagEnd)) : '';
    const key = jsonKeyOf(resolveScalar(getScalarValue(text, event), tag, event.style === SCALAR_STYLE.PLAIN));
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}

/** `spec.http[0]` for `spec.http[0].route`, `spec` for `spec["a.b"]`, '' at the top. */
export function parentPath(path: string): string | undefined {
  if (path === '') return undefined;
  const m = /(?:\.[A-Za-z_$][\w$-]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])$/.exec(path);
  if (!m) return '';
  return path.slice(0, m.index);
}
