import type { Severity } from '../../rules/types.js';
import { readWorkflowFiles, readWorkflowFilesAt, type WorkflowFile } from './files.js';
import {
  effectivePermissions,
  grantsIdTokenWrite,
  parseWorkflow,
  type Located,
  type SecretRef,
  type Workflow,
  type WorkflowJob,
  type WorkflowParseProblem,
  type WorkflowStep,
} from './model.js';
import { awsReplacement, azureReplacement, dropIdTokenReplacement, gcpReplacement, pinReplacement, pullRequestTargetReplacement, vaultReplacement } from './snippets.js';

export type WorkflowRuleId =
  | 'workflow-aws-static-keys'
  | 'workflow-gcp-key-json'
  | 'workflow-azure-client-secret'
  | 'workflow-vault-static-token'
  | 'workflow-unused-id-token'
  | 'workflow-pr-target-head-checkout'
  | 'workflow-unpinned-action-secrets';

export interface WorkflowFinding {
  ruleId: WorkflowRuleId;
  severity: Severity;
  path: string;
  line: number;
  /** Job id; absent for workflow-level `env`. */
  job?: string;
  /** The step's name, id or `uses`. */
  step?: string;
  message: string;
  /** Ready-to-paste YAML that replaces the flagged pattern. */
  replacement: string;
}

export interface WorkflowAuditResult {
  workflows: Workflow[];
  findings: WorkflowFinding[];
  /** Files that could not be audited (malformed YAML, not a workflow), each naming file and line. */
  notices: WorkflowParseProblem[];
}

/** `owner/repo` of a `uses:` value, lower-cased; undefined for local (`./`) and docker actions. */
export function actionName(uses: string): string | undefined {
  if (uses.startsWith('./') || uses.startsWith('docker://')) return undefined;
  const path = uses.split('@')[0] ?? '';
  const [owner, repo] = path.split('/');
  return owner && repo ? `${owner}/${repo}`.toLowerCase() : undefined;
}

const isAction = (step: WorkflowStep, name: string) => (step.uses ? actionName(step.uses.value) === name : false);
const fromSecret = (value: string) => /\$\{\{[^}]*\bsecrets\s*[.[]/.test(value);

interface CredentialFamily {
  ruleId: WorkflowRuleId;
  what: string;
  /** Secret names that are this kind of credential wherever they go. */
  secretNames: RegExp;
  /** Env variables the cloud's tools read the long-lived credential from. */
  envKeys: RegExp;
  /** Actions and the inputs that take the long-lived credential. */
  inputs: Record<string, string[]>;
  replacement: (hint: string | undefined) => string;
}

const FAMILIES: CredentialFamily[] = [
  {
    ruleId: 'workflow-aws-static-keys',
    what: 'long-lived AWS access keys',
    secretNames: /^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY)$/i,
    envKeys: /^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY)$/,
    inputs: { 'aws-actions/configure-aws-credentials': ['aws-access-key-id', 'aws-secret-access-key'] },
    replacement: awsReplacement,
  },
  {
    ruleId: 'workflow-gcp-key-json',
    what: 'a Google service-account key (JSON)',
    secretNames: /^$/,
    envKeys: /^(GOOGLE_CREDENTIALS|GOOGLE_CLOUD_KEYFILE_JSON|GCLOUD_KEYFILE_JSON)$/,
    inputs: { 'google-github-actions/auth': ['credentials_json'], 'google-github-actions/setup-gcloud': ['service_account_key'] },
    replacement: () => gcpReplacement(),
  },
  {
    ruleId: 'workflow-azure-client-secret',
    what: 'an Azure client secret',
    secretNames: /^$/,
    envKeys: /^(AZURE_CLIENT_SECRET|ARM_CLIENT_SECRET|AZURE_CREDENTIALS)$/,
    inputs: { 'azure/login': ['creds', 'client-secret'] },
    replacement: () => azureReplacement(),
  },
  {
    ruleId: 'workflow-vault-static-token',
    what: 'a static Vault token',
    secretNames: /^$/,
    envKeys: /^VAULT_TOKEN$/,
    inputs: {},
    replacement: vaultReplacement,
  },
];

interface EnvBlock {
  env: Record<string, Located>;
  refs: SecretRef[];
  job?: WorkflowJob;
  step?: WorkflowStep;
}

function envBlocks(workflow: Workflow): EnvBlock[] {
  const blocks: EnvBlock[] = [{ env: workflow.env, refs: workflow.secretRefs }];
  for (const job of workflow.jobs) {
    blocks.push({ env: job.env, refs: job.secretRefs.filter((r) => r.site === 'env'), job });
    for (const step of job.steps) blocks.push({ env: step.env, refs: step.secretRefs.filter((r) => r.site === 'env'), job, step });
  }
  return blocks;
}

function hintFor(workflow: Workflow, job: WorkflowJob | undefined, family: CredentialFamily): string | undefined {
  const envs = [job?.steps.flatMap((s) => [s.env, s.with]) ?? [], job?.env, workflow.env].flat().filter((e): e is Record<string, Located> => !!e);
  const keys = family.ruleId === 'workflow-aws-static-keys' ? ['aws-region', 'AWS_REGION', 'AWS_DEFAULT_REGION'] : ['url', 'VAULT_ADDR'];
  for (const env of envs) for (const key of keys) if (env[key]) return env[key].value;
  return undefined;
}

function where(job: WorkflowJob | undefined, step: WorkflowStep | undefined): Pick<WorkflowFinding, 'job' | 'step'> {
  return { ...(job ? { job: job.id } : {}), ...(step ? { step: step.label } : {}) };
}

function credentialFindings(workflow: Workflow): WorkflowFinding[] {
  const findings: WorkflowFinding[] = [];
  for (const family of FAMILIES) {
    for (const block of envBlocks(workflow)) {
      const keys = Object.entries(block.env).filter(([key, value]) => family.envKeys.test(key) && fromSecret(value.value)).map(([key]) => key);
      const named = block.refs.filter((ref) => family.secretNames.test(ref.name) && !keys.includes(ref.key ?? ''));
      const lines = [...keys.map((k) => block.env[k]?.line ?? 0), ...named.map((r) => r.line)];
      if (lines.length === 0) continue;
      const names = [...keys, ...named.map((r) => `secrets.${r.name}`)];
      findings.push({
        ruleId: family.ruleId,
        severity: 'high',
        path: workflow.path,
        line: Math.min(...lines),
        ...where(block.job, block.step),
        message: `${family.what} from repository secrets go into the ${block.step ? 'step' : block.job ? 'job' : 'workflow'} environment (${names.join(', ')}); exchange the job's OIDC token for short-lived credentials instead.`,
        replacement: family.replacement(hintFor(workflow, block.job, family)),
      });
    }
    for (const job of workflow.jobs) {
      for (const step of job.steps) {
        const name = step.uses ? actionName(step.uses.value) : undefined;
        const inputs = name ? (family.inputs[name] ?? []).filter((input) => step.with[input]?.value) : [];
        const named = step.secretRefs.filter((ref) => ref.site === 'with' && family.secretNames.test(ref.name) && !inputs.includes(ref.key ?? ''));
        if (inputs.length === 0 && named.length === 0) continue;
        const lines = [...inputs.map((i) => step.with[i]?.line ?? step.line), ...named.map((r) => r.line)];
        findings.push({
          ruleId: family.ruleId,
          severity: 'high',
          path: workflow.path,
          line: Math.min(...lines),
          ...where(job, step),
          message: `${step.uses?.value ?? 'the step'} is given ${family.what} (${[...inputs.map((i) => `${i}:`), ...named.map((r) => `secrets.${r.name}`)].join(', ')}); use OIDC federation instead.`,
          replacement: family.replacement(hintFor(workflow, job, family)),
        });
      }
    }
  }
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      if (!isAction(step, 'hashicorp/vault-action')) continue;
      const method = step.with.method?.value.toLowerCase();
      if (method !== 'token' && !(method === undefined && step.with.token)) continue;
      findings.push({
        ruleId: 'workflow-vault-static-token',
        severity: 'high',
        path: workflow.path,
        line: step.with.method?.line ?? step.with.token?.line ?? step.line,
        ...where(job, step),
        message: `hashicorp/vault-action logs in with a static token (method: token); use the jwt method with the job's OIDC token.`,
        replacement: vaultReplacement(step.with.url?.value),
      });
    }
  }
  return findings;
}

/** Actions that exchange the job's OIDC token, with the inputs that show they are set up for it. */
const OIDC_ACTIONS: Record<string, (step: WorkflowStep) => boolean> = {
  'aws-actions/configure-aws-credentials': (s) => !s.with['aws-access-key-id'],
  'google-github-actions/auth': (s) => !s.with.credentials_json,
  'azure/login': (s) => !s.with.creds && !s.with['client-secret'],
  'hashicorp/vault-action': (s) => (s.with.method?.value ?? '').toLowerCase() === 'jwt',
  'keyward/keyward': () => true,
  'actions/attest-build-provenance': () => true,
  'actions/attest-sbom': () => true,
  'actions/attest': () => true,
  'actions/deploy-pages': () => true,
  'pypa/gh-action-pypi-publish': () => true,
  'sigstore/gh-action-sigstore-python': () => true,
  'sigstore/cosign-installer': () => true,
  'rust-lang/crates-io-auth-action': () => true,
  'octo-sts/action': () => true,
  'codecov/codecov-action': (s) => /true/i.test(s.with.use_oidc?.value ?? ''),
};

const OIDC_INPUTS = /^(audience|role-to-assume|workload_identity_provider|aws-role-arn|gcp-workload-identity-provider|azure-client-id|vault-role|use_oidc|oidc.*)$/i;
const OIDC_SCRIPT = /ACTIONS_ID_TOKEN_REQUEST|getIDToken|id-token|\bcosign\s+(sign|attest)|--provenance|\bnpm\s+publish|\bgh\s+attestation|method=jwt|assume-role-with-web-identity|workload-identity/i;

function consumesOidc(step: WorkflowStep): boolean {
  if (step.uses) {
    if (step.uses.value.startsWith('./') || step.uses.value.startsWith('docker://')) return true;
    const name = actionName(step.uses.value);
    const check = name ? OIDC_ACTIONS[name] : undefined;
    if (check?.(step)) return true;
  }
  if (Object.keys(step.with).some((key) => OIDC_INPUTS.test(key))) return true;
  const scripts = [step.run?.value ?? '', ...Object.values(step.with).map((v) => v.value)];
  return scripts.some((text) => OIDC_SCRIPT.test(text));
}

function unusedIdTokenFindings(workflow: Workflow): WorkflowFinding[] {
  const findings: WorkflowFinding[] = [];
  for (const job of workflow.jobs) {
    // A reusable-workflow call passes the permission on to jobs we cannot see from here.
    if (job.uses) continue;
    const permissions = effectivePermissions(workflow, job);
    if (!grantsIdTokenWrite(permissions) || job.steps.some(consumesOidc)) continue;
    const inherited = !job.permissions;
    findings.push({
      ruleId: 'workflow-unused-id-token',
      severity: 'low',
      path: workflow.path,
      line: permissions?.line ?? job.line,
      job: job.id,
      message: `job ${job.id} ${inherited ? 'inherits' : 'asks for'} ${permissions?.all === 'write-all' ? '`write-all` (which includes id-token: write)' : '`id-token: write`'} but no step exchanges the OIDC token; drop it so a compromised step cannot mint tokens for your cloud roles.`,
      replacement: dropIdTokenReplacement(),
    });
  }
  return findings;
}

const HEAD_REF = /github\.event\.pull_request\.head\.(sha|ref|repo)|github\.head_ref|refs\/pull\/|github\.event\.number|pull_request\.number/;

function prTargetFindings(workflow: Workflow): WorkflowFinding[] {
  if (!workflow.events.includes('pull_request_target')) return [];
  const findings: WorkflowFinding[] = [];
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      const checkoutOfHead = isAction(step, 'actions/checkout') && (HEAD_REF.test(step.with.ref?.value ?? '') || HEAD_REF.test(step.with.repository?.value ?? ''));
      const scriptOfHead = !!step.run && (/\bgh\s+pr\s+checkout\b/.test(step.run.value) || (/\bgit\s+(fetch|checkout|switch|pull)\b/.test(step.run.value) && HEAD_REF.test(step.run.value)));
      if (!checkoutOfHead && !scriptOfHead) continue;
      const withSecrets = job.secretRefs.length > 0 || job.steps.some((s) => s.secretRefs.length > 0) || workflow.secretRefs.length > 0;
      // Checking the head out as data (scanned by actions from elsewhere) is survivable; running anything from it is not.
      const runsHeadCode = job.steps.slice(step.index + 1).some((s) => !!s.run || !!s.uses?.value.startsWith('./')) || scriptOfHead;
      const persisted = checkoutOfHead && step.with['persist-credentials']?.value.toLowerCase() !== 'false';
      const severity: Severity = withSecrets ? 'critical' : runsHeadCode ? 'high' : 'medium';
      const consequence = withSecrets
        ? 'code from any fork can then read this job\'s secrets'
        : runsHeadCode
          ? 'a later step runs code from that checkout (a run: step or a ./ action), so any fork runs code with the write token'
          : 'no later step runs its code yet; keep it that way (no run: steps, no ./ actions, no build)';
      findings.push({
        ruleId: 'workflow-pr-target-head-checkout',
        severity,
        path: workflow.path,
        line: checkoutOfHead ? (step.with.ref?.line ?? step.with.repository?.line ?? step.line) : (step.run?.line ?? step.line),
        ...where(job, step),
        message: `pull_request_target runs with the base repository's secrets and a write token, and this step checks out the pull request's head: ${consequence}${persisted ? '; the checkout also persists the token in .git/config (set persist-credentials: false)' : ''}.`,
        replacement: pullRequestTargetReplacement(),
      });
    }
  }
  return findings;
}

const FIRST_PARTY = new Set(['actions', 'github']);

/** True for a remote action or reusable workflow not pinned to a full commit SHA and not GitHub's own. */
export function isUnpinnedThirdParty(uses: string): boolean {
  if (uses.startsWith('./')) return false;
  if (uses.startsWith('docker://')) return !/@sha256:[0-9a-f]{64}$/i.test(uses);
  const at = uses.lastIndexOf('@');
  const owner = uses.split('/')[0]?.toLowerCase() ?? '';
  if (FIRST_PARTY.has(owner)) return false;
  return at < 0 || !/^[0-9a-f]{40}$/i.test(uses.slice(at + 1));
}

const TOKEN_EXPRESSION = /\$\{\{[^}]*\bgithub\.token\b/;

function unpinnedFindings(workflow: Workflow): WorkflowFinding[] {
  const findings: WorkflowFinding[] = [];
  const inheritedFromWorkflow = workflow.secretRefs.map((r) => r.name);
  for (const job of workflow.jobs) {
    const jobEnv = job.secretRefs.filter((r) => r.site === 'env').map((r) => r.name);
    if (job.uses && isUnpinnedThirdParty(job.uses.value) && (job.secrets === 'inherit' || job.secretRefs.some((r) => r.site === 'secrets' || r.site === 'with'))) {
      const names = job.secrets === 'inherit' ? ['all secrets (secrets: inherit)'] : job.secretRefs.filter((r) => r.site === 'secrets' || r.site === 'with').map((r) => r.name);
      findings.push({
        ruleId: 'workflow-unpinned-action-secrets',
        severity: 'high',
        path: workflow.path,
        line: job.uses.line,
        job: job.id,
        message: `reusable workflow ${job.uses.value} is not pinned to a commit SHA and receives ${[...new Set(names)].join(', ')}: whoever can move that ref gets them.`,
        replacement: pinReplacement(job.uses.value),
      });
    }
    for (const step of job.steps) {
      if (!step.uses || !isUnpinnedThirdParty(step.uses.value)) continue;
      const own = step.secretRefs.filter((r) => r.site === 'with' || r.site === 'env').map((r) => r.name);
      const token = Object.values({ ...step.with, ...step.env }).some((v) => TOKEN_EXPRESSION.test(v.value)) ? ['github.token'] : [];
      const names = [...new Set([...own, ...token, ...jobEnv, ...inheritedFromWorkflow])];
      if (names.length === 0) continue;
      findings.push({
        ruleId: 'workflow-unpinned-action-secrets',
        severity: 'high',
        path: workflow.path,
        line: step.uses.line,
        ...where(job, step),
        message: `${step.uses.value} is a third-party action not pinned to a commit SHA and receives ${names.map((n) => (n === 'github.token' ? n : `secrets.${n}`)).join(', ')}: whoever can move that tag or branch gets them.`,
        replacement: pinReplacement(step.uses.value),
      });
    }
  }
  return findings;
}

/** Audits parsed workflows; pure, so callers can audit text from anywhere (a PR's base, an API fetch). */
export function auditParsedWorkflow(workflow: Workflow): WorkflowFinding[] {
  return [...credentialFindings(workflow), ...unusedIdTokenFindings(workflow), ...prTargetFindings(workflow), ...unpinnedFindings(workflow)].sort(
    (a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId),
  );
}

export function auditWorkflowFiles(files: WorkflowFile[]): WorkflowAuditResult {
  const result: WorkflowAuditResult = { workflows: [], findings: [], notices: [] };
  for (const file of files) {
    const parsed = parseWorkflow(file.path, file.text);
    result.notices.push(...parsed.problems);
    if (!parsed.workflow) continue;
    result.workflows.push(parsed.workflow);
    result.findings.push(...auditParsedWorkflow(parsed.workflow));
  }
  return result;
}

/** Audits `.github/workflows/*.yml|yaml` under `repoDir`. Malformed files become notices, never exceptions. */
export async function auditWorkflows(repoDir: string, at?: string): Promise<WorkflowAuditResult> {
  return auditWorkflowFiles(await (at ? readWorkflowFilesAt(repoDir, at) : readWorkflowFiles(repoDir)));
}
