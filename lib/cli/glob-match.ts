/**
 * Whether `text` matches `pattern`, where `*` stands for any run of characters (none included)
 * and every other character stands for itself, as the glob of `istioctl analyze --suppress`.
 * Linear backtracking (to the last `*` only), so a pattern of many stars cannot blow up: at most
 * pattern.length * text.length steps.
 */
export function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === '*') {
      starAt = p++;
      resumeAt = t;
    } else if (p < pattern.length && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (starAt >= 0) {
      // Let the last star swallow one more character and retry from there.
      p = starAt + 1;
      t = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
