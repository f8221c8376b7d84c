/** Severity levels, ordered from most to least severe. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * What a scanned file is written in, judged by the engine from its extension, and from its content when the extension
 * says nothing (`.txt`, no extension, a `.bak` copy): `code` is a programming language, where an unquoted right-hand
 * side is an expression; `text` is everything else (config, env, YAML, JSON, prose).
 */
export type FileSyntax = 'code' | 'text';

/** What a rule's optional inspector can learn from a matched secret without contacting anyone. */
export interface SecretFacts {
  /** When the credential stops working on its own (JWT `exp`, a token's embedded expiry). */
  expiresAt?: Date;
  /** When the credential was issued, if it says (JWT `iat`). */
  issuedAt?: Date;
  /** Overrides the rule's `longLived` for this match (for example a JWT with a short `exp`). */
  longLived?: boolean;
  /** Non-secret details worth showing (JWT issuer, key type); never the secret or parts of it. */
  details?: Record<string, string>;
}

/**
 * A rule's examples, kept beside it: texts in the shape notation of `shape.ts`, whose `<alphabet:n>` pieces the tests
 * fill with fresh random characters on every run (no secret is ever written down). Not used when scanning.
 */
export interface RuleExamples {
  /** Texts the rule must report exactly once each. */
  positives: string[];
  /** Near misses it must not report: wrong length, case or signature, missing context, placeholders. */
  negatives: string[];
  /** Where the texts live, when the rule cares (config-file rules skip source code); `src/config.ts` otherwise. */
  path?: string;
}

/** A whole-file rule's example: a file, by its path and its bytes (hex, for binary formats) or its text. */
export interface FileExample {
  path: string;
  hex?: string;
  text?: string;
}

/** A whole-file rule's examples: files it must report once each, and files it must not report. */
export interface FileExamples {
  positives: FileExample[];
  negatives: FileExample[];
}

/**
 * One detector in the catalogue. Patterns are RE2 syntax (inline flags such as `(?i)` allowed) and must stay
 * linear-time; the first capturing group is the secret (use `(?:...)` for other groups), or the whole match when the
 * pattern has no group.
 */
export interface Rule {
  /** Stable kebab-case id, e.g. `aws-access-key-id`. Never renamed: baselines and SARIF refer to it. */
  id: string;
  title: string;
  /** The provider or family, e.g. `AWS`, `GitHub`, `Private key`, `Generic`. */
  provider: string;
  severity: Severity;
  /**
   * Literals (matched case-insensitively) of which at least one occurs inside every match of `pattern`. The
   * prefilter runs the pattern only around occurrences of these, so a match without any of them is never found.
   */
  keywords: string[];
  pattern: string;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  entropy?: number;
  /** Structural or checksum check of the secret; a match that fails it is not a finding. */
  validate?: (secret: string) => boolean;
  /**
   * A check that needs the rest of the match: `before` runs from the match's start to the secret (a URL's scheme and
   * user; an assignment's name and operator, which rules with broad names such as `*_KEY` judge to leave out
   * `PUBLIC_KEY`, `KEY_ID`, `primaryKey`), `after` from the secret to the match's end (a URL's host).
   */
  validateInMatch?: (secret: string, before: string, after: string) => boolean;
  /** Facts read from the secret itself (expiry of a JWT, and so on). */
  inspect?: (secret: string) => SecretFacts | undefined;
  /** Whether the credential lives until someone revokes it (an IAM user key) rather than expiring by itself. */
  longLived: boolean;
  /** One line: what to do, starting with how to revoke. */
  remediation: string;
  /** The provider's page where the credential is revoked or rotated. */
  revokeUrl?: string;
  /**
   * `generic` rules (assignments of secret-looking values to secret-looking names) get the context-aware entropy
   * scoring and the placeholder/reference allowlist; `specific` rules match a provider's documented format.
   */
  kind?: 'specific' | 'generic';
  /** Matches may span lines (PEM blocks): the regex window extends this many bytes past the keyword. */
  multilineWindow?: number;
  /** Paths (picomatch globs) where this rule alone does not apply, e.g. lockfiles for hash-shaped generic values. */
  skipPaths?: string[];
  /**
   * Paths (picomatch globs) where alone this rule applies: for a tool's own file (`.pgpass`, Robo 3T's `robo3t.json`),
   * whose syntax would mean nothing elsewhere.
   */
  onlyPaths?: string[];
  /**
   * The value is one a tool saved itself (FileZilla's `<Pass>`): the shared placeholder check leaves it to the rule's
   * `validate`, since a word such as `example` inside what a user typed proves nothing.
   */
  storeValue?: boolean;
  /** File syntaxes where this rule does not apply: config-file rules skip `code`, by extension or by content. */
  skipSyntax?: FileSyntax[];
  /**
   * A rule about a whole file rather than a pattern in it (a keystore by its magic bytes, Rails' `master.key` by its
   * path and content): returns why the file is a credential store, or undefined. Such a rule has no keywords and an
   * empty pattern; the engine calls it once per file, and its finding carries the reason and no content.
   */
  wholeFile?: (content: Buffer, path: string) => string | undefined;
  tags?: string[];
  /**
   * A keyed rule's provider names and its credential's shape: a generic value under one of these names that nearly has
   * the shape is left to this rule (src/rules/values/near-miss.ts).
   */
  namedShape?: { names: readonly string[]; shape: string };
  /** True examples and near misses, beside the rule; the catalogue test fails for a pattern rule without them. */
  examples?: RuleExamples;
  /** A whole-file rule's examples, as files. */
  fileExamples?: FileExamples;
}
