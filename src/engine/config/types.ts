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
  /** RE2 patterns of paths: when set, the rule applies only to files whose path matches one (gitleaks' rule `path`). */
  paths?: string[];
  /** Exceptions that apply to this rule only (gitleaks' rule allowlists). */
  allowlist?: RuleAllowlist;
}

export interface RuleAllowlist {
  /** RE2 patterns of paths where the rule does not report. */
  paths: string[];
  /** RE2 patterns; a secret matching one is not reported by the rule. */
  values: string[];
  /** Literal substrings (case-insensitive) that exempt a secret containing one. */
  stopwords: string[];
}

/** One finding accepted by where it is (gitleaks' `.gitleaksignore` entries): file, line, optionally rule and commit. */
export interface AcceptedLocation {
  path: string;
  line: number;
  /** A rule id; absent means any rule at that line. */
  rule?: string;
  /** A commit sha or prefix; absent means at any commit (and in tree scans). */
  commit?: string;
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
    /** RE2 patterns of paths whose findings are not reported (gitleaks' allowlist `paths`). */
    paths?: string[];
    /** Commit shas (or prefixes) whose findings are not reported, in git scans. */
    commits?: string[];
    /** Findings accepted by location. */
    locations?: AcceptedLocation[];
    /**
     * `allowlist.inline-in-pull-requests`: inline suppressions (`keyward:allow`, `gitleaks:allow`, `pragma: allowlist
     * secret`) that a pull request adds count on that pull request. Off (absent) by default: a PR's own suppression
     * needs an approving review by a code owner other than its author. Read from the base branch's config on PRs.
     */
    inlineInPullRequests?: boolean;
  };
  /** picomatch globs of paths not scanned at all. */
  ignorePaths: string[];
  /** Findings at or above this severity fail the run. */
  failOn: Severity;
  /** Any long-lived credential fails the run, whatever its severity. */
  blockLongLived: boolean;
  /** Content that went unscanned fails the run (fail) or is only listed (warn); unset: fail on pull requests, else warn. */
  unscanned?: 'fail' | 'warn';
  /**
   * `verify.forks: true`: the Action may verify findings on pull requests from forks too. Off by default: a fork's run
   * would send whatever secrets its author chose to put in the diff to their providers. Read from the base's config on
   * PRs; endpoints are never set here (environment only).
   */
  verify?: { forks?: boolean };
  /** Files (and blobs) larger than this many bytes are skipped with a notice. */
  maxFileSize: number;
  /** Settings read from another tool's config (gitleaks) that could not be applied, each named; shown to the user. */
  notices?: string[];
  /**
   * The HMAC key of fingerprints (see fingerprintKey in redact.ts). Set by the Action and CLI from the environment,
   * never read from a config file; carried here so worker threads fingerprint alike. Absent: the public fallback key.
   */
  fingerprintKey?: string;
}
