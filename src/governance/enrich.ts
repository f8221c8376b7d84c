import type { Finding } from '../engine/finding.js';
import { loadCodeownersSync, type Codeowners } from './codeowners.js';
import { expiryFor } from './expiry.js';
import { entryForFinding } from './inventory/match.js';
import { loadInventorySync } from './inventory/parse.js';
import type { Inventory } from './inventory/schema.js';
import { ownersFor } from './owners.js';

export interface EnrichContext {
  repoDir: string;
  now: Date;
  /** The parsed inventory; read from `.github/nhi.yml` under repoDir when not given (pass `null` for none). */
  inventory?: Inventory | null;
  /** CODEOWNERS; read from its usual places under repoDir when not given (pass `null` for none). */
  codeowners?: Codeowners | null;
  /** Read CODEOWNERS and the inventory as of this commit (a pull request's base) rather than from the work tree. */
  at?: string;
  /** Rotation policy when neither the inventory entry nor its defaults set one. */
  defaultMaxAgeDays?: number;
}

/**
 * Adds owners (inventory, CODEOWNERS, commit author) and expiry to each finding. Returns new objects; a CODEOWNERS or
 * inventory file that cannot be read leaves owners to the remaining sources rather than failing the scan.
 */
export function enrichFindings(findings: Finding[], context: EnrichContext): Finding[] {
  const inventory = context.inventory === undefined ? safely(() => loadInventorySync(context.repoDir, { at: context.at })) : (context.inventory ?? undefined);
  const codeowners = context.codeowners === undefined ? safely(() => loadCodeownersSync(context.repoDir, { at: context.at })) : (context.codeowners ?? undefined);
  const defaultMaxAgeDays = inventory?.defaultMaxAgeDays ?? context.defaultMaxAgeDays;
  return findings.map((finding) => {
    const entry = entryForFinding(inventory, finding);
    const owners = ownersFor(finding, { ...(codeowners ? { codeowners } : {}), ...(entry ? { entry } : {}) });
    const expiry = expiryFor(finding, { now: context.now, ...(entry ? { entry } : {}), ...(defaultMaxAgeDays !== undefined ? { defaultMaxAgeDays } : {}) });
    return { ...finding, owners, expiry };
  });
}

function safely<T>(read: () => T | undefined): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
