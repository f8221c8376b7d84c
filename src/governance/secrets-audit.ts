import type { Octokit } from '@octokit/rest';
import { codeownerHandles, loadCodeownersSync, type Codeowners } from './codeowners.js';
import { addDays, daysBetween, isoDay, parseDate } from './duration.js';
import { DEFAULT_MAX_AGE_DAYS } from './expiry.js';
import { entryForSecret } from './inventory/match.js';
import { isUnassignedOwner, loadInventorySync } from './inventory/parse.js';
import type { Inventory, InventoryEntry } from './inventory/schema.js';
import type { Severity } from '../rules/types.js';
import type { SecretInfo, SecretScope } from './types.js';
import { readWorkflowFiles } from './workflows/files.js';
import { allSecretRefs, parseWorkflow, type Workflow } from './workflows/model.js';

export type SecretAuditKind = 'orphaned' | 'missing' | 'too-old' | 'expired' | 'no-owner' | 'owner-not-member' | 'owner-not-codeowner';

export interface SecretAuditFinding {
  kind: SecretAuditKind;
  severity: Severity;
  secret: string;
  scope?: SecretScope;
  environment?: string;
  /** Who to ask: the inventory owner when there is one. */
  owner?: string;
  /** `path (job id)` of each workflow that references the secret. */
  usedBy: string[];
  message: string;
}

export type AuditArea = 'repository-secrets' | 'environments' | 'environment-secrets' | 'organization-secrets' | 'owners' | 'workflows';

export interface SecretsAuditNotice {
  area: AuditArea;
  message: string;
  status?: number;
  /** The permission the token lacks, when GitHub said it may not. */
  permission?: string;
}

export interface SecretsAuditResult {
  secrets: SecretInfo[];
  findings: SecretAuditFinding[];
  notices: SecretsAuditNotice[];
  /** Which lists were read in full; findings that need a list that failed are softened or left out, and say so. */
  listed: { repository: boolean; environments: boolean; organization: boolean };
}

export interface SecretsAuditOptions {
  /** `@octokit/rest` (with retry and throttling plugins in production) pointed at the API root. */
  octokit: Octokit;
  owner: string;
  repo: string;
  /** Checkout whose workflows, CODEOWNERS and inventory are read (unless given below). */
  repoDir: string;
  now: Date;
  inventory?: Inventory | null;
  codeowners?: Codeowners | null;
  workflows?: Workflow[];
  defaultMaxAgeDays?: number;
  /** Ask GitHub whether inventory owners are still members (default true). */
  checkOwners?: boolean;
}

/** The permission each call needs, as a reader would go and grant it. */
export const PERMISSION: Record<Exclude<AuditArea, 'workflows'>, string> = {
  'repository-secrets':
    '`secrets: read`: a fine-grained token or GitHub App with the "Secrets" repository permission (read), or a classic token with `repo` scope whose user is a repository admin (the workflow GITHUB_TOKEN cannot be granted it)',
  environments: '`actions: read` (fine-grained "Actions" read, or a classic token with `repo` scope for a private repository)',
  'environment-secrets': '`secrets: read` on the repository and "Environments" read (a fine-grained token or GitHub App), or a classic token with `repo` scope from an admin',
  'organization-secrets':
    'an organization token: the "Secrets" repository permission (read) from an organization-owned GitHub App or fine-grained token, or a classic token with `repo` scope of an organization admin; a repository token cannot list organization secrets',
  owners: 'the "Members" organization permission (read), or a classic token with `read:org`',
};

interface ErrorLike {
  status?: number;
  message?: string;
  response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
}

function describeError(error: unknown, area: Exclude<AuditArea, 'workflows'>, what: string): SecretsAuditNotice {
  const e = (error ?? {}) as ErrorLike;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const data = e.response?.data as { message?: unknown } | undefined;
  const apiMessage = typeof data?.message === 'string' ? data.message : (e.message ?? String(error)).split('\n')[0];
  const rateLimited = String(e.response?.headers?.['x-ratelimit-remaining'] ?? '') === '0' || /rate limit/i.test(apiMessage ?? '');
  if ((status === 403 && !rateLimited) || status === 401) {
    return {
      area,
      status,
      permission: PERMISSION[area],
      message: `${what}: GitHub answered ${status} "${apiMessage}". The token needs ${PERMISSION[area]}. Skipped; the rest of the audit continues.`,
    };
  }
  if (status === 404) return { area, status, message: `${what}: GitHub answered 404 "${apiMessage}" (no such repository, or the token cannot see it). Skipped.` };
  return { area, ...(status ? { status } : {}), message: `${what}: ${status ? `GitHub answered ${status} "${apiMessage}"` : apiMessage}${rateLimited ? ' (rate limit; retries exhausted)' : ''}. Skipped.` };
}

interface ApiSecret {
  name: string;
  created_at?: string;
  updated_at?: string;
  visibility?: string;
}

const toInfo = (scope: SecretScope, environment?: string) => (secret: ApiSecret): SecretInfo => ({
  name: secret.name,
  scope,
  ...(environment !== undefined ? { environment } : {}),
  ...(secret.created_at ? { createdAt: secret.created_at } : {}),
  ...(secret.updated_at ? { updatedAt: secret.updated_at } : {}),
  ...(secret.visibility ? { visibility: secret.visibility } : {}),
});

/**
 * Lists the repository's Actions secrets, its environments' secrets and the organization secrets visible to it (names
 * and dates; GitHub never returns values). Each list that fails becomes a notice naming the missing permission.
 */
export async function listSecrets(octokit: Octokit, owner: string, repo: string): Promise<Pick<SecretsAuditResult, 'secrets' | 'notices' | 'listed'>> {
  const secrets: SecretInfo[] = [];
  const notices: SecretsAuditNotice[] = [];
  const listed = { repository: false, environments: false, organization: false };
  const params = { owner, repo, per_page: 100 };
  try {
    const list = (await octokit.paginate('GET /repos/{owner}/{repo}/actions/secrets', params)) as ApiSecret[];
    secrets.push(...list.map(toInfo('repository')));
    listed.repository = true;
  } catch (error) {
    notices.push(describeError(error, 'repository-secrets', `Listing the Actions secrets of ${owner}/${repo}`));
  }
  try {
    const environments = (await octokit.paginate('GET /repos/{owner}/{repo}/environments', params)) as { name: string }[];
    listed.environments = true;
    for (const environment of environments) {
      try {
        const list = (await octokit.paginate('GET /repos/{owner}/{repo}/environments/{environment_name}/secrets', { ...params, environment_name: environment.name })) as ApiSecret[];
        secrets.push(...list.map(toInfo('environment', environment.name)));
      } catch (error) {
        listed.environments = false;
        notices.push(describeError(error, 'environment-secrets', `Listing the secrets of environment "${environment.name}"`));
      }
    }
  } catch (error) {
    notices.push(describeError(error, 'environments', `Listing the environments of ${owner}/${repo}`));
  }
  try {
    const list = (await octokit.paginate('GET /repos/{owner}/{repo}/actions/organization-secrets', params)) as ApiSecret[];
    secrets.push(...list.map(toInfo('organization')));
    listed.organization = true;
  } catch (error) {
    notices.push(describeError(error, 'organization-secrets', `Listing the organization secrets visible to ${owner}/${repo}`));
  }
  return { secrets, notices, listed };
}

interface Usage {
  usedBy: string[];
  environments: Set<string | undefined>;
}

function usageByName(workflows: Workflow[]): Map<string, Usage> {
  const usage = new Map<string, Usage>();
  for (const workflow of workflows) {
    for (const ref of allSecretRefs(workflow)) {
      if (ref.name === 'GITHUB_TOKEN') continue;
      const entry = usage.get(ref.name) ?? { usedBy: [], environments: new Set() };
      const where = `${workflow.path}${ref.job ? ` (job ${ref.job.id})` : ''}`;
      if (!entry.usedBy.includes(where)) entry.usedBy.push(where);
      entry.environments.add(ref.job?.environment);
      usage.set(ref.name, entry);
    }
  }
  return usage;
}

/** Remote reusable workflows called with `secrets: inherit` may use any secret, which we cannot see from here. */
function inheritingCalls(workflows: Workflow[]): string[] {
  return workflows.flatMap((w) => w.jobs.filter((j) => j.secrets === 'inherit' && j.uses && !j.uses.value.startsWith('./')).map((j) => `${w.path} (job ${j.id}: ${j.uses?.value})`));
}

type Membership = 'member' | 'gone' | 'unknown';

async function membershipOf(octokit: Octokit, org: string, owner: string, repo: string, handle: string, isOrg: boolean, notices: SecretsAuditNotice[]): Promise<Membership> {
  const team = /^@([^/]+)\/(.+)$/.exec(handle);
  const user = /^@([^/]+)$/.exec(handle);
  const status = async (route: string, params: Record<string, string>): Promise<number> => {
    try {
      return (await octokit.request(route, params)).status;
    } catch (error) {
      const s = (error as ErrorLike).status;
      if (s === 404) return 404;
      throw error;
    }
  };
  try {
    if (team) {
      if (team[1]?.toLowerCase() !== org.toLowerCase()) return 'unknown';
      return (await status('GET /orgs/{org}/teams/{team_slug}', { org, team_slug: team[2] ?? '' })) === 200 ? 'member' : 'gone';
    }
    if (user) {
      const username = user[1] ?? '';
      if (isOrg && (await status('GET /orgs/{org}/members/{username}', { org, username })) === 204) return 'member';
      // Outside collaborators own things too; and on a personal repository collaborators are all there is.
      return (await status('GET /repos/{owner}/{repo}/collaborators/{username}', { owner, repo, username })) === 204 ? 'member' : 'gone';
    }
    return 'unknown';
  } catch (error) {
    notices.push(describeError(error, 'owners', `Checking whether ${handle} still belongs to ${org}`));
    return 'unknown';
  }
}

/**
 * The secrets audit: lists secrets through the API and reports orphaned, missing, over-age, expired and unowned
 * secrets and owners who left. Every API failure is a notice; the audit never throws for one.
 */
export async function auditSecrets(options: SecretsAuditOptions): Promise<SecretsAuditResult> {
  const { octokit, owner, repo, now } = options;
  const listing = await listSecrets(octokit, owner, repo);
  const notices = [...listing.notices];
  const findings: SecretAuditFinding[] = [];

  let workflows = options.workflows;
  if (!workflows) {
    workflows = [];
    for (const file of await readWorkflowFiles(options.repoDir)) {
      const parsed = parseWorkflow(file.path, file.text);
      if (parsed.workflow) workflows.push(parsed.workflow);
      for (const problem of parsed.problems) notices.push({ area: 'workflows', message: `${problem.path}:${problem.line}: not read: ${problem.message}; its secret references are not counted` });
    }
  }
  const inventory = options.inventory === undefined ? loadInventorySync(options.repoDir) : (options.inventory ?? undefined);
  const codeowners = options.codeowners === undefined ? loadCodeownersSync(options.repoDir) : (options.codeowners ?? undefined);
  const usage = usageByName(workflows);
  const inheriting = inheritingCalls(workflows);
  const defaultMaxAge = inventory?.defaultMaxAgeDays ?? options.defaultMaxAgeDays ?? DEFAULT_MAX_AGE_DAYS;

  for (const secret of listing.secrets) {
    const used = usage.get(secret.name);
    const entry = entryForSecret(inventory, secret);
    const base = {
      secret: secret.name,
      scope: secret.scope,
      ...(secret.environment !== undefined ? { environment: secret.environment } : {}),
      ...(entry?.owner ? { owner: entry.owner } : {}),
      usedBy: used?.usedBy ?? [],
    };
    const label = `${secret.scope === 'organization' ? 'organization secret' : secret.scope === 'environment' ? `secret of environment "${secret.environment}"` : 'repository secret'} ${secret.name}`;
    const usedHere = used && (secret.scope !== 'environment' || used.environments.has(secret.environment));
    // Organization secrets serve other repositories too, so not using one here is no reason to delete it.
    if (!usedHere && secret.scope !== 'organization') {
      findings.push({
        ...base,
        kind: 'orphaned',
        severity: inheriting.length > 0 ? 'info' : 'low',
        message: `${label} is used by no workflow${inheriting.length > 0 ? ` (unless a reusable workflow called with secrets: inherit uses it: ${inheriting.join(', ')})` : ''}: delete it, and revoke the credential, if nothing else needs it.`,
      });
    }
    const expires = entry?.expires ? parseDate(entry.expires) : undefined;
    if (expires && expires.getTime() <= now.getTime()) {
      findings.push({ ...base, kind: 'expired', severity: 'high', message: `${label} is past its inventory expiry ${isoDay(expires)}: rotate or revoke it and update .github/nhi.yml.` });
    } else {
      const maxAge = entry?.maxAgeDays ?? defaultMaxAge;
      const setAt = parseDate(secret.updatedAt ?? secret.createdAt ?? '');
      if (setAt && daysBetween(setAt, now) > maxAge) {
        findings.push({
          ...base,
          kind: 'too-old',
          severity: 'medium',
          message: `${label} was last set ${isoDay(setAt)} (${daysBetween(setAt, now)} days ago), over its max-age of ${maxAge} days${entry?.maxAgeDays ? '' : ' (default policy)'}: rotate it (due ${isoDay(addDays(setAt, maxAge))}).`,
        });
      }
    }
    if (!entry || isUnassignedOwner(entry.owner)) {
      findings.push({
        ...base,
        kind: 'no-owner',
        severity: 'medium',
        message: !inventory
          ? `${label} has no owner: the repository has no .github/nhi.yml (draft one with \`keyward inventory init\`).`
          : !entry
            ? `${label} has no entry in ${inventory.file}: add one with its owner, purpose and expiry.`
            : `${label} has no owner yet in ${inventory.file} line ${entry.line}.`,
      });
    }
  }

  // Missing: referenced by workflows but in no list. Only as sure as the lists we could read.
  const names = new Set(listing.secrets.map((s) => s.name));
  const unread = [!listing.listed.repository && 'repository', !listing.listed.environments && 'environment', !listing.listed.organization && 'organization'].filter(Boolean);
  if (listing.listed.repository) {
    for (const [name, used] of usage) {
      if (names.has(name)) continue;
      findings.push({
        kind: 'missing',
        severity: unread.length > 0 ? 'low' : 'medium',
        secret: name,
        usedBy: used.usedBy,
        message: `secrets.${name} is referenced by ${used.usedBy.join(', ')} but is not defined${unread.length > 0 ? ` among the secrets that could be listed (${unread.join(' and ')} secrets could not be; it may be one of those)` : ''}: the workflow gets an empty string.`,
      });
    }
  } else if (usage.size > 0) {
    notices.push({ area: 'repository-secrets', message: 'Missing secrets were not checked: the repository secrets could not be listed.' });
  }

  if (inventory) await auditOwners(options, inventory, codeowners, findings, notices);
  return { secrets: listing.secrets, findings, notices, listed: listing.listed };
}

async function auditOwners(options: SecretsAuditOptions, inventory: Inventory, codeowners: Codeowners | undefined, findings: SecretAuditFinding[], notices: SecretsAuditNotice[]): Promise<void> {
  const owners = new Map<string, InventoryEntry[]>();
  for (const entry of inventory.entries) {
    if (!entry.owner || !entry.owner.startsWith('@')) continue;
    owners.set(entry.owner, [...(owners.get(entry.owner) ?? []), entry]);
  }
  const handles = codeowners ? codeownerHandles(codeowners) : undefined;
  let isOrg = true;
  if (options.checkOwners !== false && owners.size > 0) {
    try {
      const { data } = await options.octokit.request('GET /repos/{owner}/{repo}', { owner: options.owner, repo: options.repo });
      isOrg = (data as { owner?: { type?: string } }).owner?.type !== 'User';
    } catch {
      // Assume an organization; membership checks report their own failures.
    }
  }
  for (const [handle, entries] of owners) {
    const names = entries.map((e) => `${e.name} (${inventory.file} line ${e.line})`).join(', ');
    const base = { secret: entries[0]?.name ?? '', owner: handle, usedBy: [] as string[] };
    if (options.checkOwners !== false) {
      const membership = await membershipOf(options.octokit, options.owner, options.owner, options.repo, handle, isOrg, notices);
      if (membership === 'gone') {
        findings.push({
          ...base,
          kind: 'owner-not-member',
          severity: 'high',
          message: `${handle} owns ${names} but is no longer ${handle.includes('/') ? 'a team' : 'a member or collaborator'} of ${options.owner}: hand these identities to a current owner.`,
        });
        continue;
      }
    }
    if (handles && !handles.has(handle.toLowerCase())) {
      findings.push({ ...base, kind: 'owner-not-codeowner', severity: 'low', message: `${handle} owns ${names} but is not named in ${codeowners?.path}: check the owner is still responsible for this repository.` });
    }
  }
}
