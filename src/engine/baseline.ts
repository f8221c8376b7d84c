import { readFileSync } from 'node:fs';

/**
 * Reads accepted fingerprints from a baseline file: a Keyward JSON report (its `findings[].fingerprint`), a JSON array
 * of fingerprints, or plain text with one fingerprint per line (`#` comments allowed).
 */
export function loadBaseline(path: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`baseline ${path}: cannot read: ${(error as Error).message}`);
  }
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
