/** How far past its keyword a custom rule whose pattern spans lines may match: room for a 4096-bit PEM key block. */
export const CUSTOM_MULTILINE_WINDOW = 16384;

/**
 * Whether a custom rule's pattern is written to match across lines, as gitleaks' rules can (gitleaks matches whole
 * files): a dot under the `s` flag, an escaped newline, or a class holding `\s` (`[\s\S-]{64,}?`) repeated without a
 * small bound. A separator such as `[\s'"]{0,3}` does not count, so ordinary rules keep their one-line windows.
 */
export function spansLines(pattern: string): boolean {
  if (/\(\?[a-zA-Z]*s[a-zA-Z]*[):]/.test(pattern) || /\\n|\\r/.test(pattern)) return true;
  const spaceClass = /\[[^\]]*\\s[^\]]*\](?:[*+]|\{(\d+),(\d*)\})/g;
  for (const match of pattern.matchAll(spaceClass)) {
    if (match[1] === undefined) return true;
    const upper = match[2] === '' ? Infinity : Number(match[2]);
    if (upper >= 16) return true;
  }
  return false;
}
