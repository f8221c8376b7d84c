import { createHash } from 'node:crypto';
import type { Finding, Verification } from '../engine/finding.js';
import type { FoundSecret, Scanner } from '../engine/types.js';
import { resolveEndpoints } from './endpoints.js';
import { DEFAULT_VERIFY_TIMEOUT_MS, createVerifyHttp } from './http.js';
import { RateLimiter, eachLimited } from './limits.js';
import { settle } from './settle.js';
import type { Credential, Outcome, Verifier, VerifyHttp } from './types.js';
import { VERIFIERS } from './verifiers/index.js';

/** The content a finding was found in, re-read by the caller's source (tree, git object, stdin buffer). */
export type ContentLookup = (finding: Finding) => Buffer | undefined | Promise<Buffer | undefined>;

/** Whether this run may send found secrets to their providers at all (a fork's pull request may not, by default). */
export type VerifyPermission = { allowed: true } | { allowed: false; reason: string };

export interface VerifyOptions {
  lookup: ContentLookup;
  scanner: Pick<Scanner, 'secretsIn'>;
  /** Endpoint overrides are read from here only (KEYWARD_VERIFY_ENDPOINTS and each verifier's standard variable). */
  env: NodeJS.ProcessEnv;
  now?: () => Date;
  permission?: VerifyPermission;
  verifiers?: readonly Verifier[];
  /** Provider calls in flight at once, over all providers (default 4). */
  concurrency?: number;
  timeoutMs?: number;
  /** Told each raw secret before it is sent, so the Action can mask it in the job log. */
  onSecret?: (secret: string) => void;
}

export interface VerifySummary {
  /** Findings that got a verification. */
  checked: number;
  active: number;
  inactive: number;
  unknown: number;
  /** Distinct credentials sent to a provider (the cache makes this at most one per credential or pair). */
  calls: number;
}

const DEFAULT_RATE_PER_SECOND = 5;
const DEFAULT_CONCURRENCY = 4;

/** One distinct credential (or pair) to check, and every finding that takes its answer. */
interface Job {
  verifier: Verifier;
  credential: Credential;
  findings: Finding[];
}

/**
 * Asks each finding's provider whether it is live, and sets `finding.verification`. The raw secrets are re-read from
 * the content through `lookup` and `scanner.secretsIn` (matched by fingerprint), so they never travel in Findings.
 * One call per distinct credential or pair, bounded concurrency, a rate limit per provider, a timeout per request.
 * An active long-lived credential is raised to critical: the most severe finding Keyward reports.
 */
export async function verifyFindings(findings: readonly Finding[], options: VerifyOptions): Promise<VerifySummary> {
  const verifiers = options.verifiers ?? VERIFIERS;
  const endpoints = resolveEndpoints(options.env, verifiers);
  const byRule = new Map(verifiers.flatMap((verifier) => verifier.rules.map((rule) => [rule, verifier] as const)));
  const targets = findings.filter((finding) => byRule.has(finding.ruleId));
  const now = options.now ?? (() => new Date());
  const record = (finding: Finding, verifier: Verifier, outcome: Outcome) => applyOutcome(finding, { ...outcome, checkedAt: now().toISOString(), verifier: verifier.id });
  const permission = options.permission ?? { allowed: true };
  if (!permission.allowed) {
    for (const finding of targets) record(finding, byRule.get(finding.ruleId)!, { status: 'unknown', reason: permission.reason });
    return summarize(targets, 0);
  }
  const jobs = await collectJobs(targets, byRule, options, record);
  const https = new Map(verifiers.map((verifier) => [verifier.id, limitedHttp(createVerifyHttp(endpoints.get(verifier.id)!, options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS), verifier)]));
  await eachLimited(jobs, options.concurrency ?? DEFAULT_CONCURRENCY, async (job) => {
    const outcome = await settle(job.verifier, job.credential, https.get(job.verifier.id)!);
    for (const finding of job.findings) record(finding, job.verifier, outcome);
  });
  return summarize(targets, jobs.length);
}

function applyOutcome(finding: Finding, verification: Verification): void {
  finding.verification = verification;
  if (verification.status === 'active' && finding.longLived) finding.severity = 'critical';
}

function summarize(targets: readonly Finding[], calls: number): VerifySummary {
  const count = (status: Verification['status']) => targets.filter((f) => f.verification?.status === status).length;
  return { checked: targets.filter((f) => f.verification).length, active: count('active'), inactive: count('inactive'), unknown: count('unknown'), calls };
}

/** The verifier's client, each request waiting for the provider's rate limit. */
function limitedHttp(http: VerifyHttp, verifier: Verifier): VerifyHttp {
  const limiter = new RateLimiter(verifier.ratePerSecond ?? DEFAULT_RATE_PER_SECOND);
  return {
    baseUrl: http.baseUrl,
    async request(path, init) {
      await limiter.take();
      return http.request(path, init);
    },
  };
}

/** Where a finding's content lives: one re-read (and one secretsIn) per file or commit message. */
const contentKey = (finding: Finding) => `${finding.commit?.sha ?? ''}\0${finding.path}`;

/** One file (or commit message) re-read: its findings, its content, the raw secrets in it. */
interface Reread {
  findings: Finding[];
  content?: Buffer;
  secrets: FoundSecret[];
}

/**
 * The distinct credentials to check, each finding attached to the job of its credential (or of its pair). Companions
 * are the other secrets of the same file first, then those of the other files the same commit changed (the diff), so
 * a key id and its secret committed together in two files still verify as a pair.
 */
async function collectJobs(targets: readonly Finding[], byRule: ReadonlyMap<string, Verifier>, options: VerifyOptions, record: (finding: Finding, verifier: Verifier, outcome: Outcome) => void): Promise<Job[]> {
  const rereads = await rereadAll(targets, options);
  const byCommit = new Map<string, FoundSecret[]>();
  for (const reread of rereads) {
    const sha = reread.findings[0]!.commit?.sha;
    if (sha) byCommit.set(sha, [...(byCommit.get(sha) ?? []), ...reread.secrets]);
  }
  const jobs = new Map<string, Job>();
  for (const { findings, content, secrets } of rereads) {
    const nearby = [...secrets, ...(byCommit.get(findings[0]!.commit?.sha ?? '') ?? [])];
    const context = content?.toString('utf8') ?? '';
    for (const finding of findings) {
      const verifier = byRule.get(finding.ruleId)!;
      const found = secrets.find((secret) => secret.fingerprint === finding.fingerprint);
      if (!content || !found) {
        record(finding, verifier, { status: 'unknown', reason: content ? 'the secret was not found again when its file was re-read' : 'its file could not be re-read to verify it' });
        continue;
      }
      options.onSecret?.(found.secret);
      const credential = credentialOf(found, context, nearby);
      const key = cacheKey(verifier, credential, found);
      const job = jobs.get(key) ?? { verifier, credential, findings: [] };
      job.findings.push(finding);
      jobs.set(key, job);
    }
  }
  return [...jobs.values()];
}

/** Each file (or commit message) of the targets read once, and the engine asked once for its raw secrets. */
async function rereadAll(targets: readonly Finding[], options: VerifyOptions): Promise<Reread[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of targets) groups.set(contentKey(finding), [...(groups.get(contentKey(finding)) ?? []), finding]);
  const rereads: Reread[] = [];
  for (const findings of groups.values()) {
    const content = await rereadContent(options.lookup, findings[0]!);
    rereads.push({ findings, content, secrets: content ? options.scanner.secretsIn(content, findings[0]!.path) : [] });
  }
  return rereads;
}

async function rereadContent(lookup: ContentLookup, finding: Finding): Promise<Buffer | undefined> {
  try {
    return await lookup(finding);
  } catch {
    return undefined;
  }
}

function credentialOf(found: FoundSecret, context: string, secrets: readonly FoundSecret[]): Credential {
  const companions = new Map<string, { ruleId: string; secret: string }>();
  for (const other of secrets) if (other.secret !== found.secret) companions.set(`${other.ruleId}\0${other.secret}`, { ruleId: other.ruleId, secret: other.secret });
  return { ruleId: found.ruleId, secret: found.secret, context, companions: [...companions.values()] };
}

/** The run's cache key: the pair's own key when the verifier checks a pair, else the credential's fingerprint. */
function cacheKey(verifier: Verifier, credential: Credential, found: FoundSecret): string {
  const pair = verifier.cacheKey?.(credential);
  if (pair === undefined) return `${verifier.id}\0fp\0${found.fingerprint}`;
  return `${verifier.id}\0pair\0${createHash('sha256').update(pair).digest('hex')}`;
}
