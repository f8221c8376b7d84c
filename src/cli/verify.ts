import { resolve } from 'node:path';
import type { Finding, KeywardConfig, Scanner } from '../engine/index.js';
import { readRegularFile } from '../sources/safe-fs.js';
import { gitContent, treeContent } from '../verify/content.js';
import { resolveEndpoints } from '../verify/endpoints.js';
import { verifyFindings, type ContentLookup, type VerifySummary } from '../verify/run.js';
import { VERIFIERS } from '../verify/verifiers/index.js';
import type { Target } from './targets.js';

/** Where each finding of a targets scan came from, so the verify stage can re-read its content. */
export class FindingOrigins {
  private readonly origins = new WeakMap<Finding, ContentLookup>();

  /** A tree target: findings re-read through the safe reader rooted at it (`prefix` is what the report put before paths). */
  addTree(findings: readonly Finding[], root: string, prefix: string, maxBytes: number): void {
    const read = treeContent(root, maxBytes);
    for (const finding of findings) this.origins.set(finding, (f) => read({ ...f, path: f.path.slice(prefix.length) }));
  }

  /** A file named on the command line (the user chose it, so a link they named is followed), or standard input. */
  addTarget(findings: readonly Finding[], target: Target, maxBytes: number, stdin?: Buffer): void {
    const lookup: ContentLookup = target.kind === 'stdin' ? () => stdin : () => {
      const read = readRegularFile(resolve(target.full), { maxBytes, followLinks: true });
      return read.ok ? read.bytes : undefined;
    };
    for (const finding of findings) this.origins.set(finding, lookup);
  }

  readonly lookup: ContentLookup = (finding) => this.origins.get(finding)?.(finding);
}

/** Fails before scanning when KEYWARD_VERIFY_ENDPOINTS (or a provider's variable) cannot be used. */
export function checkVerifyEndpoints(env: NodeJS.ProcessEnv): void {
  resolveEndpoints(env, VERIFIERS);
}

/** `--verify`: each finding with a verifier gets its provider's answer, re-read from the scanned content. */
export function verifyScan(findings: readonly Finding[], options: { scanner: Scanner; lookup?: ContentLookup; gitRoot?: string; config: KeywardConfig }): Promise<VerifySummary> {
  const lookup = options.gitRoot ? gitContent(options.gitRoot, options.config.maxFileSize) : (options.lookup ?? (() => undefined));
  return verifyFindings(findings, { lookup, scanner: options.scanner, env: process.env });
}
