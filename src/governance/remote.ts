import type { Octokit } from '@octokit/rest';
import { CODEOWNERS_LOCATIONS, parseCodeowners, type Codeowners } from './codeowners.js';
import { parseInventory } from './inventory/parse.js';
import { INVENTORY_FILES, type Inventory } from './inventory/schema.js';
import type { SecretsAuditNotice } from './secrets-audit.js';
import { WORKFLOWS_DIR, type WorkflowFile } from './workflows/files.js';

export interface RemoteGovernanceFiles {
  workflows: WorkflowFile[];
  codeowners?: Codeowners;
  inventory?: Inventory;
  notices: SecretsAuditNotice[];
}

interface ContentItem {
  type?: string;
  name?: string;
  path?: string;
  content?: string;
  encoding?: string;
}

async function getContent(octokit: Octokit, owner: string, repo: string, path: string, ref: string | undefined): Promise<ContentItem | ContentItem[] | undefined> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path, ...(ref ? { ref } : {}) });
    return data as ContentItem | ContentItem[];
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}

function decode(item: ContentItem): string | undefined {
  if (typeof item.content !== 'string') return undefined;
  return item.encoding === 'base64' ? Buffer.from(item.content, 'base64').toString('utf8') : item.content;
}

/**
 * Reads workflows, CODEOWNERS and the inventory through the contents API, for audits without a checkout (an org
 * sweep, the CLI against a remote repository). A failure becomes a notice; what could be read is returned.
 */
export async function fetchGovernanceFiles(octokit: Octokit, owner: string, repo: string, ref?: string): Promise<RemoteGovernanceFiles> {
  const result: RemoteGovernanceFiles = { workflows: [], notices: [] };
  const fail = (what: string) => (error: unknown) => {
    const status = (error as { status?: number }).status;
    result.notices.push({
      area: 'workflows',
      ...(status ? { status } : {}),
      ...(status === 403 ? { permission: '`contents: read`' } : {}),
      message: `Reading ${what} of ${owner}/${repo}: ${status ? `GitHub answered ${status}` : String((error as Error).message ?? error)}${status === 403 ? '; the token needs `contents: read`' : ''}. Skipped.`,
    });
    return undefined;
  };
  const listing = await getContent(octokit, owner, repo, WORKFLOWS_DIR, ref).catch(fail(WORKFLOWS_DIR));
  for (const item of Array.isArray(listing) ? listing : []) {
    if (item.type !== 'file' || !item.name || !/\.ya?ml$/i.test(item.name)) continue;
    const path = `${WORKFLOWS_DIR}/${item.name}`;
    const file = await getContent(octokit, owner, repo, path, ref).catch(fail(path));
    const text = file && !Array.isArray(file) ? decode(file) : undefined;
    if (text !== undefined) result.workflows.push({ path, text });
  }
  result.workflows.sort((a, b) => a.path.localeCompare(b.path));
  for (const path of CODEOWNERS_LOCATIONS) {
    const file = await getContent(octokit, owner, repo, path, ref).catch(fail(path));
    const text = file && !Array.isArray(file) ? decode(file) : undefined;
    if (text !== undefined) {
      result.codeowners = parseCodeowners(text, path);
      break;
    }
  }
  for (const path of INVENTORY_FILES) {
    const file = await getContent(octokit, owner, repo, path, ref).catch(fail(path));
    const text = file && !Array.isArray(file) ? decode(file) : undefined;
    if (text !== undefined) {
      result.inventory = parseInventory(text, path);
      break;
    }
  }
  return result;
}
