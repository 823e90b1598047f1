// Deeply nested JSON is refused before it is parsed: class-transformer and class-validator recurse over the
// body, and a few thousand levels of `[[[[…` exhaust the stack (RangeError → 500). No request of this API
// needs more than a handful of levels (a scheme definition is the deepest, at about six).
export const MAX_JSON_DEPTH = 32;

/** True when `text` opens more than `max` arrays/objects inside one another (brackets inside strings do not count). */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
