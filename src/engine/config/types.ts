import type { Severity } from '../../rules/types.js';

/** A rule declared in the config file: plain data, so it can cross into worker threads. */
export interface CustomRuleSpec {
  id: string;
  title: string;
  severity: Severity;
  keywords: string[];
  pattern: string;
  entropy?: number;
  longLived: boolean;
  remediation?: string;
  revokeUrl?: string;
}

/**
 * The resolved configuration: defaults merged with `.keyward.yml`. Plain JSON (no functions) so that worker threads
 * can rebuild the same scanner from it.
 */
export interface KeywardConfig {
  /** Where it was read from, for messages; undefined for defaults only. */
  source?: string;
  rules: {
    /** Rule ids switched off. */
    disable: string[];
    /** Per-rule severity overrides. */
    severity: Record<string, Severity>;
    custom: CustomRuleSpec[];
  };
  allowlist: {
    /** RE2 patterns; a secret value matching any of them is not reported. */
    values: string[];
    /** Literal substrings; a secret containing any of them (case-insensitive) is not reported. */
    stopwords: string[];
    /** Fingerprints accepted outright (in addition to the baseline file). */
    fingerprints: string[];
  };
  /** picomatch globs of paths not scanned at all. */
  ignorePaths: string[];
  /** Findings at or above this severity fail the run. */
  failOn: Severity;
  /** Any long-lived credential fails the run, whatever its severity. */
  blockLongLived: boolean;
  /** Files (and blobs) larger than this many bytes are skipped with a notice. */
  maxFileSize: number;
}
