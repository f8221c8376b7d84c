const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/**
 * The text of the first `<tag>` inside the first `<within>` (when given). STS answers a small, fixed, namespace-free
 * document shape, so this reads it without an XML library; CDATA is unwrapped.
 */
export function xmlText(xml: string, tag: string, within?: string): string | undefined {
  let scope = xml;
  if (within) {
    const outer = new RegExp(`<${within}(?:\\s[^>]*)?>([\\s\\S]*?)</${within}>`).exec(xml);
    if (!outer?.[1]) return undefined;
    scope = outer[1];
  }
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(scope);
  if (!match) return undefined;
  const raw = match[1] ?? '';
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(raw);
  return cdata ? cdata[1] : decodeXmlText(raw.trim());
}
