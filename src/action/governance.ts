import type { Finding } from '../engine/finding.js';
import { enrichFindings, identityChangesFromGit, renderIdentityChangesMarkdown } from '../governance/index.js';

/** Owners (inventory, CODEOWNERS, commit author) and expiry (own expiry, else age against the rotation policy). */
export function enrichWithGovernance(findings: Finding[], context: { repoDir: string; now: Date }): Finding[] {
  return enrichFindings(findings, context);
}

/**
 * The PR comment's "Ownership and expiry" section: new secrets referenced without an inventory entry, jobs newly
 * granted `id-token: write`, inventory entries about to expire. Empty when there is nothing to say.
 */
export async function identityChangesSection(repoDir: string, base: string, now: Date, blobUrl: (path: string, line: number) => string): Promise<string> {
  const changes = await identityChangesFromGit(repoDir, base, { now });
  return renderIdentityChangesMarkdown(changes, { blobUrl });
}
