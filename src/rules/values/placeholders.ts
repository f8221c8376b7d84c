/**
 * Value judgments shared by the rules (validators) and the engine: whether a matched value is a placeholder or a
 * reference to a secret kept elsewhere. The bottom of the layering: it imports nothing from the engine.
 */

/** Placeholders and documentation examples: a value containing one of these is not a real secret. */
const EXAMPLE_WORD = /example/i;
const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  EXAMPLE_WORD,
  /x{5,}/i,
  /\*{3,}/,
  /\.{3,}|…/,
  // An angle-bracket placeholder is the whole value or a name inside one (`<password>`, `https://<user>:<TOKEN>@`), never
  // punctuation inside random text (a WordPress salt's `<q+!qK>`).
  /^<[^<>]{1,80}>$/,
  /<[A-Za-z_][\w.:-]{0,79}>/,
  /\$\{[^}]*\}/,
  /\{\{[^}]*\}\}/,
  // A single-brace template (`{password}`, `{ApiKey}`) and an HTML-escaped one (`&lt;password&gt;`).
  /^\{[A-Za-z_][\w.-]{0,60}\}$/,
  /&lt;[^&\s]{1,80}&gt;/,
  /^%[A-Za-z_][A-Za-z0-9_]*%$/,
  // Symfony's environment processors: `%env(NPM_TOKEN)%`, `%env(resolve:DATABASE_URL)%`.
  /^%env\([\w:.-]+\)%$/,
  /%\([A-Za-z_][\w.]*\)[sdr]/,
  /^\$[A-Za-z_(]/,
  // A value that begins with an interpolation (`${p.trim()}`, Ruby's `#{...}`, ERB's `<%= %>`) is computed, not written.
  /^(?:\$\{|#\{|<%)/,
  /^\[[^\]]*\]$/,
  // The word itself as the value, as documentation writes it: `redis://:password@host`, `user:secret@`.
  /^(?:my|your|the|some|db|user|admin)?[_-]?(?:password|passwd|pass|pwd|secret|token|apikey|api_key)$/i,
  // `fake` typed into a value (`fakeiq999fake...`): a random draw holds it about once in 10^7 positions. Capitalised
  // `Fake`/`FAKE` are left out: planted true secrets in public scanner benchmarks carry them as markers.
  /fake/,
  /changeme|change_me|change-me|placeholder|redacted|dummy|notreal|not_real|your[_-]?(?:[a-z0-9]+[_-]){0,3}(?:api[_-]?)?(?:key|token|secret|password)|insert[_-]?(?:your|key|token)|replace[_-]?me|sample|foobar|lorem|abcdefgh|abc123|0123456|1234567|qwerty/i,
];

/** Generic values that are references to a secret store or the environment, not the secret itself. */
const REFERENCE_PATTERNS: readonly RegExp[] = [
  /^(?:secrets|env|vars|inputs|steps|needs|github)\./i,
  /process\.env/i,
  /os\.(?:environ|getenv)/i,
  /^(?:ENV|System\.getenv|getenv|config|settings|Settings|options)[.([]/,
  /^(?:vault|ref\+|sm|ssm|awssm|gcpsm|azkv|op|keyvault):/i,
  /^arn:aws:(?:secretsmanager|ssm):/,
  /@Microsoft\.KeyVault\(/,
  /^(?:true|false|null|none|nil|undefined|string|number|bool|boolean|required|optional|secret|password|token)$/i,
  // Encrypted in place (SOPS, Ansible Vault): safe to commit by design.
  /^ENC\[(?:AES256_GCM|PKCS7|GPG|KMS),/,
  /^\$ANSIBLE_VAULT;/,
];

/** Long values (key blocks) legitimately hold runs like `AAAAAA`; only unmistakable markers count there. */
const LONG_VALUE_PLACEHOLDERS: readonly RegExp[] = [/example/i, /x{8,}/i, /\.{3}|…/, /<[A-Za-z_][\w.:-]{0,79}>/, /\$\{[^}]*\}/, /\{\{[^}]*\}\}/];

/** A run of one character (`000000`, `aaaaaaaa`): filler, as in `sk_live_000000000000`. */
const RUN = /(.)\1{5,}/;
const RUNS = /(.)\1{3,}/g;

/**
 * Whether a value with a run is filler, or random text that happens to hold one: Firefox's NSS blobs
 * (`MDoEEPgAAAAAAAAAAAAAAAAAAAEwFAYI...`) carry a zeroed key id inside 60 random base64 characters. Filler leaves
 * little around the run; random text leaves a long, varied remainder.
 */
function isFillerRun(value: string): boolean {
  if (!RUN.test(value)) return false;
  const rest = value.replace(RUNS, '');
  return rest.length < 32 || new Set(rest).size < 20;
}

/**
 * Example credentials printed in specifications and their libraries' docstrings: RFC 6749/6750 (OAuth 2.0), RFC 5849
 * (OAuth 1.0), jwt.io's and PyJWT's sample tokens. They authenticate nothing, yet appear verbatim in vendored code.
 */
const PUBLISHED_EXAMPLES: readonly string[] = [
  '2YotnFZFEjr1zCsicMWpAA',
  'tGzv3JOkF0XG5Qx2TlKWIA',
  'SplxlOBeZQQYbYS6WxSbIA',
  'czZCaGRSa3F0MzpnWDFmQmF0M2JW',
  'mF_9.B5f-4.1JqM',
  'h480djs93hd8',
  'ad180jjd733klru7',
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  '4twFt5NiznN84AWoo1d7KO1T_yoc0Z6XOpOVswacPZg',
];

/** The class a character counts in: digits with digits, letters with letters whatever their case. */
function counted(char: string): number | undefined {
  const code = char.toLowerCase().charCodeAt(0);
  if ((code >= 48 && code <= 57) || (code >= 97 && code <= 122)) return code;
  return undefined;
}

/** Whether `a` and `b` are neighbours in the same class, counting up (`step` 1) or down (-1). */
function follows(a: string, b: string, step: number): boolean {
  const from = counted(a);
  const to = counted(b);
  return from !== undefined && to !== undefined && to - from === step && (from <= 57) === (to <= 57);
}

/** The stretches where every character follows the one `gap` places before it, counting by `step`: their lengths. */
function countedRuns(value: string, gap: number, step: number): number[] {
  const runs: number[] = [];
  let run = gap;
  for (let i = gap; i <= value.length; i++) {
    if (i < value.length && follows(value[i - gap]!, value[i]!, step)) run++;
    else {
      if (run > gap) runs.push(run);
      run = gap;
    }
  }
  return runs;
}

function longestCount(value: string, gap: number, step: number): number {
  return Math.max(0, ...countedRuns(value, gap, step));
}

/**
 * A value someone counted out rather than drew: a run counting up or down (`1234567`, `87654321`, `zyxwvut`), two
 * interleaved counts (`a1b2c3d4`, `1a2B3c4D`, `9x8y7w`), three counted runs of four (`ABCD1234EFGH`), or three runs of
 * one character back to back (`AAAABBBBCCCC`). A random draw from 62 characters holds seven counted in a row about
 * once in 10^10 positions, and a run of four about once in 200,000, so real secrets hold none of these.
 *
 * `patternedOnly` keeps the two shapes nobody types by accident (interleaved counts, back-to-back runs) and lets counted
 * runs through: a provider rule's match has its prefix or its name and exact shape already, and public examples of
 * provider keys count out (`1234567890abcdef...`) where an outside measurer takes them for real ones.
 */
export function isCountedOut(value: string, patternedOnly = false): boolean {
  if (longestCount(value, 2, 1) >= 8 || longestCount(value, 2, -1) >= 8) return true;
  if (/(.)\1{3,}(?!\1)(.)\2{3,}(?!\2)(.)\3{3,}/.test(value)) return true;
  if (patternedOnly) return false;
  if (longestCount(value, 1, 1) >= 7 || longestCount(value, 1, -1) >= 7) return true;
  return [...countedRuns(value, 1, 1), ...countedRuns(value, 1, -1)].filter((run) => run >= 4).length >= 3;
}

/** `providerMatch`: the value came from a provider rule, where only patterned counting marks a stand-in (isCountedOut). */
export function isPlaceholder(value: string, providerMatch = false): boolean {
  if (PUBLISHED_EXAMPLES.some((example) => value.includes(example))) return true;
  if (value.length > 200) return LONG_VALUE_PLACEHOLDERS.some((pattern) => pattern.test(value));
  return isFillerRun(value) || isCountedOut(value, providerMatch) || PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(value));
}

/**
 * A placeholder in a value that a tool's own credential store holds (FileZilla's `<Pass>`, Robo 3T's `userPassword`):
 * templates and stand-ins still count, but a word such as `example` inside it proves nothing, since the tool saved
 * whatever the user typed.
 */
export function isStorePlaceholder(value: string): boolean {
  if (PUBLISHED_EXAMPLES.some((example) => value.includes(example))) return true;
  return isFillerRun(value) || PLACEHOLDER_PATTERNS.some((pattern) => pattern !== EXAMPLE_WORD && pattern.test(value));
}

export function isReference(value: string): boolean {
  return REFERENCE_PATTERNS.some((pattern) => pattern.test(value));
}
