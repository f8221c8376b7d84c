import { readRepoFile } from '../../sources/safe-fs.js';
import { Document, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import { isoDay, parseDate } from '../duration.js';
import type { SecretInfo } from '../types.js';
import { readWorkflowFiles } from '../workflows/files.js';
import { allSecretRefs, parseWorkflow, type Workflow } from '../workflows/model.js';
import { kindOfScope } from './match.js';
import { INVENTORY_FILES, type IdentityKind } from './schema.js';

export interface InventoryInitOptions {
  /** The repository's secrets as listed through the API (see secrets-audit); without them only workflow references are used. */
  secrets?: SecretInfo[];
  /** `owner/repo`, for the settings links in `revoke`. */
  repo?: string;
  defaultMaxAge?: string;
}

interface Draft {
  name: string;
  kind: IdentityKind;
  environment?: string;
  provider?: string;
  created?: string;
  usedBy: string[];
}

const NOT_SECRETS = new Set(['GITHUB_TOKEN']);

/** Role ARNs, workload identity providers and client ids written literally in workflows: cloud roles to own. */
const ROLE_INPUTS: Record<string, string> = {
  'role-to-assume': 'aws',
  'aws-role-arn': 'aws',
  workload_identity_provider: 'gcp',
  'gcp-workload-identity-provider': 'gcp',
  service_account: 'gcp',
  'gcp-service-account': 'gcp',
  'client-id': 'azure',
  'azure-client-id': 'azure',
  role: 'vault',
  'vault-role': 'vault',
};

function collect(workflows: Workflow[], secrets: SecretInfo[]): Draft[] {
  const drafts = new Map<string, Draft>();
  const add = (draft: Omit<Draft, 'usedBy'>, usedBy?: string) => {
    const key = `${draft.kind}\0${draft.environment ?? ''}\0${draft.name}`;
    const existing = drafts.get(key) ?? { ...draft, usedBy: [] };
    if (usedBy && !existing.usedBy.includes(usedBy)) existing.usedBy.push(usedBy);
    drafts.set(key, existing);
  };
  for (const secret of secrets) {
    if (NOT_SECRETS.has(secret.name)) continue;
    const created = secret.createdAt ? parseDate(secret.createdAt) : undefined;
    add({ name: secret.name, kind: kindOfScope(secret.scope), ...(secret.environment ? { environment: secret.environment } : {}), ...(created ? { created: isoDay(created) } : {}) });
  }
  const listed = new Set(secrets.map((s) => s.name));
  for (const workflow of workflows) {
    for (const ref of allSecretRefs(workflow)) {
      if (NOT_SECRETS.has(ref.name)) continue;
      const usedBy = `${workflow.path}${ref.job ? ` (job ${ref.job.id})` : ''}`;
      const matching = secrets.filter((s) => s.name === ref.name && (s.scope !== 'environment' || s.environment === ref.job?.environment));
      if (matching.length > 0) for (const s of matching) add({ name: s.name, kind: kindOfScope(s.scope), ...(s.environment ? { environment: s.environment } : {}) }, usedBy);
      else if (!listed.has(ref.name) || ref.job?.environment) {
        const environment = ref.job?.environment;
        add({ name: ref.name, kind: environment ? 'environment-secret' : 'repository-secret', ...(environment ? { environment } : {}) }, usedBy);
      }
    }
    for (const job of workflow.jobs) {
      for (const step of job.steps) {
        for (const [input, value] of Object.entries(step.with)) {
          const provider = ROLE_INPUTS[input];
          if (!provider || !value.value || value.value.includes('${{')) continue;
          if (input === 'role' && !step.uses?.value.startsWith('hashicorp/vault-action')) continue;
          if (input === 'client-id' && !step.uses?.value.startsWith('azure/login')) continue;
          add({ name: value.value, kind: input.includes('service') ? 'service-account' : 'cloud-role', provider }, `${workflow.path} (job ${job.id})`);
        }
      }
    }
  }
  return [...drafts.values()];
}

function entryNode(document: Document, draft: Draft, options: InventoryInitOptions): YAMLMap {
  const settings = options.repo ? `https://github.com/${options.repo}/settings/${draft.kind === 'environment-secret' ? 'environments' : 'secrets/actions'}` : 'repository Settings → Secrets and variables → Actions';
  const revoke =
    draft.kind === 'cloud-role' || draft.kind === 'service-account'
      ? `TODO: remove the trust policy / federated credential for this repository (${draft.provider ?? 'cloud'} console)`
      : draft.kind === 'org-secret'
        ? 'TODO: revoke at the issuer, then delete the organization secret (organization Settings → Secrets)'
        : `TODO: revoke at the issuer, then delete the secret (${settings})`;
  const node = document.createNode({
    name: draft.name,
    kind: draft.kind,
    owner: 'TODO',
    purpose: draft.usedBy.length > 0 ? `TODO (used by ${draft.usedBy.join(', ')})` : 'TODO (not referenced by any workflow: still needed?)',
    ...(draft.created ? { created: draft.created } : {}),
    'max-age': options.defaultMaxAge ?? '90d',
    rotation: 'TODO',
    revoke,
    ...(draft.environment ? { environment: draft.environment } : {}),
    ...(draft.provider ? { provider: draft.provider } : {}),
  }) as YAMLMap;
  return node;
}

const HEADER = ` Non-human identities of this repository (Keyward inventory, schema: docs/governance.md).
 Drafted by \`keyward inventory init\`: replace every TODO, above all the owners.`;

/**
 * Drafts `.github/nhi.yml` from the secrets workflows reference, the repository's secret list and literal cloud roles in
 * workflows. An existing inventory is kept as written (comments included) and only missing identities are appended.
 */
export async function inventoryInit(repoDir: string, options: InventoryInitOptions = {}): Promise<string> {
  const workflows = (await readWorkflowFiles(repoDir)).map((file) => parseWorkflow(file.path, file.text).workflow).filter((w): w is Workflow => !!w);
  const drafts = collect(workflows, options.secrets ?? []);

  let existingText: string | undefined;
  for (const file of INVENTORY_FILES) {
    if (existingText !== undefined) break;
    const read = readRepoFile(repoDir, file);
    if (read.ok) existingText = read.text;
  }
  const existing = existingText !== undefined ? parseDocument(existingText) : undefined;
  const document = existing && existing.errors.length === 0 && existing.contents ? existing : new Document({ version: 1, defaults: { 'max-age': options.defaultMaxAge ?? '90d' }, identities: [] });
  if (document !== existing) document.commentBefore = HEADER;

  let identities = document.get('identities');
  if (!isSeq(identities)) {
    identities = new YAMLSeq();
    document.set('identities', identities);
  }
  const seq = identities as YAMLSeq;
  const known = new Set(
    seq.items.map((item) => {
      const map = item as YAMLMap;
      return `${String(map.get?.('kind') ?? '')}\0${String(map.get?.('environment') ?? '')}\0${String(map.get?.('name') ?? '')}`;
    }),
  );
  const added = drafts
    .filter((draft) => !known.has(`${draft.kind}\0${draft.environment ?? ''}\0${draft.name}`))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  for (const draft of added) seq.add(entryNode(document, draft, options));
  return document.toString({ lineWidth: 0 });
}
