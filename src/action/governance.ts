import type { Finding } from '../engine/finding.js';
import { enrichFindings, identityChangesFromGit, loadInventorySync, renderIdentityChangesMarkdown } from '../governance/index.js';
import type { Annotation } from '../report/annotations.js';
import { mdCode, mdText } from '../report/markdown.js';

/**
 * Owners (inventory, CODEOWNERS, commit author) and expiry (own expiry, else age against the rotation policy). On a
 * pull request `at` is its base commit: the PR cannot choose whom its own leak is attributed to.
 */
export function enrichWithGovernance(findings: Finding[], context: { repoDir: string; now: Date; at?: string }): Finding[] {
  return enrichFindings(findings, context);
}

/**
 * The PR comment's "Ownership and expiry" section: new secrets referenced without an inventory entry, jobs newly
 * granted `id-token: write`, inventory entries about to expire. Empty when there is nothing to say.
 */
export async function identityChangesSection(repoDir: string, base: string, now: Date, blobUrl: (path: string, line: number) => string, head?: string): Promise<string> {
  const changes = await identityChangesFromGit(repoDir, base, { now, headRef: head });
  return renderIdentityChangesMarkdown(changes, { blobUrl });
}

/**
 * Problems in `.github/nhi.yml`, each naming file, line and field, as annotations and a summary section. They do not
 * fail the scan: a broken inventory weakens ownership data, it does not hide a secret. On a pull request `at` is its
 * head: the work tree may be the base (pull_request_target), and the PR's file is what is reviewed.
 */
export function inventoryReport(repoDir: string, at?: string): { annotations: Annotation[]; markdown: string } {
  let inventory;
  try {
    inventory = loadInventorySync(repoDir, { at });
  } catch (error) {
    return { annotations: [], markdown: `### Inventory\n\n> Could not read the inventory: ${mdText(error instanceof Error ? error.message : String(error))}\n` };
  }
  if (!inventory || inventory.problems.length === 0) return { annotations: [], markdown: '' };
  const annotations = inventory.problems.map<Annotation>((p) => ({
    path: p.file,
    startLine: p.line,
    endLine: p.line,
    level: p.severity === 'error' ? 'warning' : 'notice',
    title: `Inventory: ${p.field}`,
    message: p.message,
  }));
  const lines = [`### Inventory (${mdText(inventory.file)})`, '', `${inventory.problems.length} problem(s); entries with problems are used as far as they could be read.`, ''];
  for (const p of inventory.problems) lines.push(`- ${p.severity} at line ${p.line}, ${mdCode(p.field)}: ${mdText(p.message)}`);
  return { annotations, markdown: `${lines.join('\n')}\n` };
}
