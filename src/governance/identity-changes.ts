import { ownersOf, type Codeowners } from './codeowners.js';
import { mdCodeCell, mdText, safeUrl } from '../report/markdown.js';
import { addDays, daysBetween, isoDay, parseDate } from './duration.js';
import { EXPIRING_SOON_DAYS } from './expiry.js';
import { isUnassignedOwner } from './inventory/parse.js';
import type { Inventory } from './inventory/schema.js';
import { readWorkflowFiles, readWorkflowFilesAt, type WorkflowFile } from './workflows/files.js';
import { allSecretRefs, effectivePermissions, grantsIdTokenWrite, parseWorkflow, type Workflow } from './workflows/model.js';
import { loadCodeownersSync } from './codeowners.js';
import { loadInventorySync } from './inventory/parse.js';

export type IdentityChangeKind = 'new-secret-without-inventory' | 'id-token-granted' | 'inventory-expiring';

export interface IdentityChange {
  kind: IdentityChangeKind;
  /** The workflow or inventory file, repository-relative. */
  path: string;
  line: number;
  /** Secret name, `workflow job`, or inventory entry name. */
  subject: string;
  /** Who to ask; empty when nobody is named anywhere. */
  owners: string[];
  message: string;
}

export interface IdentityChangesInput {
  /** Workflow files at the PR base. */
  base: WorkflowFile[];
  /** Workflow files at the PR head. */
  head: WorkflowFile[];
  /** The inventory at the head. */
  inventory?: Inventory;
  codeowners?: Codeowners;
  now: Date;
  soonDays?: number;
}

function parseAll(files: WorkflowFile[]): Workflow[] {
  return files.map((file) => parseWorkflow(file.path, file.text).workflow).filter((w): w is Workflow => !!w);
}

function codeownersOf(codeowners: Codeowners | undefined, path: string): string[] {
  return codeowners ? ownersOf(codeowners, path).owners : [];
}

/**
 * What a pull request changes about the repository's identities: secrets newly referenced by workflows without an
 * inventory entry, jobs newly granted `id-token: write`, and inventory entries whose expiry passes within 30 days.
 */
export function identityChanges(input: IdentityChangesInput): IdentityChange[] {
  const changes: IdentityChange[] = [];
  const base = parseAll(input.base);
  const head = parseAll(input.head);

  const baseNames = new Set(base.flatMap((w) => allSecretRefs(w).map((r) => r.name)));
  const inventoried = new Set(input.inventory?.entries.map((e) => e.name) ?? []);
  const reported = new Set<string>();
  for (const workflow of head) {
    for (const ref of allSecretRefs(workflow)) {
      if (ref.name === 'GITHUB_TOKEN' || baseNames.has(ref.name) || inventoried.has(ref.name) || reported.has(ref.name)) continue;
      reported.add(ref.name);
      changes.push({
        kind: 'new-secret-without-inventory',
        path: workflow.path,
        line: ref.line,
        subject: ref.name,
        owners: codeownersOf(input.codeowners, workflow.path),
        message: `new secret \`${ref.name}\` referenced${ref.job ? ` by job \`${ref.job.id}\`` : ''} with no entry in ${input.inventory?.file ?? '.github/nhi.yml'}: add its owner, purpose and expiry`,
      });
    }
  }

  const granted = new Set(base.flatMap((w) => w.jobs.filter((j) => grantsIdTokenWrite(effectivePermissions(w, j))).map((j) => `${w.path}\0${j.id}`)));
  for (const workflow of head) {
    for (const job of workflow.jobs) {
      const permissions = effectivePermissions(workflow, job);
      if (!grantsIdTokenWrite(permissions) || granted.has(`${workflow.path}\0${job.id}`)) continue;
      changes.push({
        kind: 'id-token-granted',
        path: workflow.path,
        line: permissions?.line ?? job.line,
        subject: `${workflow.path} ${job.id}`,
        owners: codeownersOf(input.codeowners, workflow.path),
        message: `job \`${job.id}\` is newly granted \`id-token: write\`: it can now request OIDC tokens for any cloud role that trusts this repository; check the roles' trust conditions`,
      });
    }
  }

  const soonDays = input.soonDays ?? EXPIRING_SOON_DAYS;
  for (const entry of input.inventory?.entries ?? []) {
    const explicit = entry.expires ? parseDate(entry.expires) : undefined;
    const created = entry.created ? parseDate(entry.created) : undefined;
    const due = explicit ?? (created && entry.maxAgeDays !== undefined ? addDays(created, entry.maxAgeDays) : undefined);
    if (!due) continue;
    const left = daysBetween(input.now, due);
    if (left > soonDays) continue;
    const inventoryFile = input.inventory?.file ?? '.github/nhi.yml';
    const owners = !isUnassignedOwner(entry.owner) && entry.owner ? [entry.owner] : codeownersOf(input.codeowners, inventoryFile);
    changes.push({
      kind: 'inventory-expiring',
      path: inventoryFile,
      line: entry.line,
      subject: entry.name,
      owners,
      message: `\`${entry.name}\` (${entry.kind ?? 'identity'}) ${explicit ? 'expires' : 'is due for rotation'} ${isoDay(due)}: ${left < 0 ? `${-left} days ago` : left === 0 ? 'today' : `in ${left} days`}`,
    });
  }
  return changes;
}

/**
 * `identityChanges` for a checkout: base workflows read with git at `baseRef`, head ones at `headRef` (else from the
 * working tree). CODEOWNERS comes from the base, so a pull request cannot choose whom the comment asks; the inventory
 * is the PR's own (its changes are what this section reviews), read from git or through the safe reader.
 */
export async function identityChangesFromGit(repoDir: string, baseRef: string, options: { now: Date; soonDays?: number; inventory?: Inventory; codeowners?: Codeowners; headRef?: string }): Promise<IdentityChange[]> {
  const headFiles = options.headRef ? readWorkflowFilesAt(repoDir, options.headRef) : readWorkflowFiles(repoDir);
  const [base, head] = await Promise.all([readWorkflowFilesAt(repoDir, baseRef), headFiles]);
  const inventory = options.inventory ?? loadInventorySync(repoDir, { at: options.headRef });
  const codeowners = options.codeowners ?? loadCodeownersSync(repoDir, { at: baseRef });
  return identityChanges({ base, head, now: options.now, ...(inventory ? { inventory } : {}), ...(codeowners ? { codeowners } : {}), ...(options.soonDays !== undefined ? { soonDays: options.soonDays } : {}) });
}

const TITLES: Record<IdentityChangeKind, string> = {
  'new-secret-without-inventory': 'New secret without an owner',
  'id-token-granted': 'Newly granted id-token: write',
  'inventory-expiring': 'Expiring within 30 days',
};

/** The PR comment's "Ownership and expiry" section; empty string when there is nothing to say. */
export function renderIdentityChangesMarkdown(changes: IdentityChange[], options: { blobUrl?: (path: string, line: number) => string } = {}): string {
  if (changes.length === 0) return '';
  const lines = ['### Ownership and expiry', '', '| Change | Where | Details | Ask |', '| --- | --- | --- | --- |'];
  for (const change of changes) {
    const where = `${change.path}:${change.line}`;
    const link = options.blobUrl ? `[${mdCodeCell(where)}](${safeUrl(options.blobUrl(change.path, change.line))})` : mdCodeCell(where);
    const ask = change.owners.length > 0 ? change.owners.map(mdText).join(' ') : '_nobody named: add an owner_';
    lines.push(`| ${TITLES[change.kind]} | ${link} | ${mdText(change.message)} | ${ask} |`);
  }
  return `${lines.join('\n')}\n`;
}
