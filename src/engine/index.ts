// TEMPORARY naive implementation so dependants can build against the contract; replaced by the prefiltered engine.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { builtinRules } from '../rules/index.js';
import type { Finding } from './finding.js';
import type { KeywardConfig } from './config/types.js';
import type { Scanner, ScanResult } from './types.js';

export type { Finding, CommitRef, ScanNotice } from './finding.js';
export type { KeywardConfig, CustomRuleSpec } from './config/types.js';
export type { Scanner, ScanResult } from './types.js';

const require = createRequire(import.meta.url);

export function createScanner(options: { config?: KeywardConfig; baseline?: Iterable<string> } = {}): Scanner {
  const RE2 = require('re2');
  const rules = builtinRules;
  return {
    rules,
    isPathIgnored: () => false,
    scanBuffer(content: Buffer, path: string): ScanResult {
      const text = content.toString('latin1');
      const findings: Finding[] = [];
      for (const rule of rules) {
        const re = new RE2(rule.pattern, 'g');
        for (const m of text.matchAll(re) as IterableIterator<RegExpMatchArray>) {
          const secret = m[1] ?? m[0];
          const index = (m.index ?? 0) + m[0].indexOf(secret);
          const before = text.slice(0, index);
          const line = before.split('\n').length;
          const column = index - before.lastIndexOf('\n');
          findings.push({
            ruleId: rule.id, title: rule.title, provider: rule.provider, severity: rule.severity, longLived: rule.longLived,
            path, line, column, endLine: line, endColumn: column + secret.length,
            redacted: `${secret.slice(0, 4)}…(${secret.length} chars)`,
            fingerprint: createHash('sha256').update(`${rule.id}\0${secret}`).digest('hex'),
            entropy: 0, verifiedFormat: false, remediation: rule.remediation, revokeUrl: rule.revokeUrl,
          });
        }
      }
      void options;
      return { findings, notices: [] };
    },
  };
}
