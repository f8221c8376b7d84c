import { REPORT_FILE_MAX_BYTES, readRegularFile } from '../fs/safe-read.js';

/** Accepted fingerprints from a baseline file (see parseBaseline), read through the safe reader: no link, capped. */
export function loadBaseline(path: string): Set<string> {
  const read = readRegularFile(path, { maxBytes: REPORT_FILE_MAX_BYTES });
  if (!read.ok) throw new Error(`baseline ${read.message}`);
  return parseBaseline(read.text, path);
}

/**
 * Accepted fingerprints from a baseline's text: a Keyward JSON report (its `findings[].fingerprint`), a JSON array of
 * fingerprints, or plain text with one fingerprint per line (`#` comments allowed). `path` names it in errors.
 */
export function parseBaseline(text: string, path: string): Set<string> {
  const prints = new Set<string>();
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      throw new Error(`baseline ${path}: not valid JSON: ${(error as Error).message}`);
    }
    const entries: unknown[] = Array.isArray(data) ? data : ((data as { findings?: unknown[] }).findings ?? []);
    for (const entry of entries) {
      const print = typeof entry === 'string' ? entry : (entry as { fingerprint?: unknown } | null)?.fingerprint;
      if (typeof print === 'string' && /^[0-9a-f]{64}$/.test(print)) prints.add(print);
    }
    return prints;
  }
  trimmed.split(/\r?\n/).forEach((line, index) => {
    const value = line.replace(/#.*/, '').trim();
    if (!value) return;
    if (!/^[0-9a-f]{64}$/.test(value)) throw new Error(`baseline ${path}:${index + 1}: expected a 64-character hex fingerprint`);
    prints.add(value);
  });
  return prints;
}

/**
 * What to say when findings were accepted through old unkeyed sha256 fingerprints: they still count (migrated on
 * read), and `keyward baseline migrate` rewrites the file to the keyed form. Undefined when there were none.
 */
export function legacyBaselineAdvice(findings: readonly { migratedFrom?: string }[], baselineFile: string): string | undefined {
  const legacy = findings.filter((f) => f.migratedFrom).length;
  if (legacy === 0) return undefined;
  return `${legacy} finding(s) matched ${baselineFile} by old unkeyed sha256 fingerprints; they are accepted, keyed on read. Rewrite the file with \`keyward baseline migrate ${baselineFile}\` (in the repository, with the same KEYWARD_FINGERPRINT_KEY or repository as this run) so it publishes only keyed fingerprints.`;
}

/** The first line of a plain-text baseline Keyward rewrote: its entries are keyed fingerprints. */
export const KEYED_BASELINE_HEADER = '# keyward baseline: HMAC-SHA256 fingerprints (keyed per repository)';

/**
 * A baseline's text with old unkeyed fingerprints replaced by their keyed ones (`keyedFor`, legacy to keyed), in the
 * file's own format: a plain list, a JSON array, or a Keyward JSON report. Entries with no replacement are kept.
 */
export function rewriteBaseline(text: string, keyedFor: ReadonlyMap<string, string>): { text: string; rewritten: number } {
  let rewritten = 0;
  const swap = (print: string) => {
    const keyed = keyedFor.get(print);
    if (keyed === undefined) return print;
    rewritten++;
    return keyed;
  };
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const data = JSON.parse(trimmed) as unknown;
    if (Array.isArray(data)) return { text: `${JSON.stringify(data.map((e) => (typeof e === 'string' ? swap(e) : e)), null, 2)}\n`, rewritten };
    const report = data as { findings?: { fingerprint?: unknown; migratedFrom?: unknown }[] };
    for (const finding of report.findings ?? []) {
      if (typeof finding?.fingerprint !== 'string') continue;
      finding.fingerprint = swap(finding.fingerprint);
      delete finding.migratedFrom;
    }
    return { text: `${JSON.stringify(data, null, 2)}\n`, rewritten };
  }
  const lines = text.split(/\r?\n/).map((line) => line.replace(/^(\s*)([0-9a-f]{64})\b/, (_all, indent: string, print: string) => indent + swap(print)));
  if (lines[0] !== KEYED_BASELINE_HEADER) lines.unshift(KEYED_BASELINE_HEADER);
  return { text: lines.join('\n'), rewritten };
}
