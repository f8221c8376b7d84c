/**
 * The templates of provider-keyed rules: how a line (or a small block of lines) names the provider and hands over its
 * credential, compiled into one RE2 pattern per rule, and the examples every keyed rule's test draws from them.
 */
import { CONTEXT_SEPARATOR, escapeRegex, shapeMaxLength, shapeRegex, shapeStrength, shortenedShape } from './shape.js';
import type { RuleExamples } from './types.js';

/**
 * Words that make a name a credential's name, after the provider's: `TWITCH_CLIENT_SECRET`, `tavily_api_key`,
 * `clockify ACCESS`, `karma PRIVATE` (the provider's name before them is the context).
 */
export const SECRET_WORD = '(?:key|token|secret|pat|password|passwd|pwd|auth|credentials?|access|private)';

const QUOTE = String.raw`\\?["'${'`'}]`;

/**
 * A dash or two set apart by spaces (`token - '...'`, `token -- ...`), or a table cell's bar (`auth token |...`). A
 * dash glued to a name is part of the name (`dd-trace-...`) unless a secret word comes before it; one glued to the
 * value is a flag (`-p...`) or the value's own first character.
 */
const DASH_OR_BAR = String.raw`(?:[ \t]+--?[ \t]+|[ \t]*\|[ \t]*)(?:${QUOTE})?`;

/**
 * Between a name and its value on one line: the context separator, or only spaces, as notes, logs and shell history
 * write a credential (`apitemplate SECRET: ...`, `bannerbear KEY ...`), a dash (`cliengo-secret-<uuid>`), or a dash or
 * bar set apart by spaces. A quoted value may open with a space (`token = ' ... '`).
 */
const SAME_LINE_SEPARATOR = String.raw`(?:${CONTEXT_SEPARATOR}|[ \t]+(?:${QUOTE})?|-|${DASH_OR_BAR})[ \t]?`;

/**
 * After a secret word: its name's own tail (`_key`, `-id`) and a separator on the line, a dot glued to it
 * (`fooPRIVATE.<value>`), or the end of the line, the word last (`foo private access key:`), with the value alone
 * below it. A tail before the line's end makes it a token's name (`test-token-6`), not the credential's label.
 */
const AFTER_SECRET_WORD = String.raw`(?:[\w.-]{0,8}(?:${SAME_LINE_SEPARATOR}|\.)|[ \t]*:?[ \t]*\r?\n[ \t]*(?:${QUOTE})?)`;

/** From the provider's name to the secret word: a name's own characters, or words apart (`lemlist token`, `clarifai access key`). */
const NAME_TO_WORD = String.raw`[\w. \t-]{0,16}?`;

/**
 * A credential's name on a line under the one that named the provider: `API_KEY`, `Key`, `secret_id`, `apiKey`,
 * `auth token`. Narrower than SECRET_WORD (`path`, `access_log`, `private` say nothing without the provider beside them).
 */
const LATER_NAME = String.raw`(?:[a-z]{1,12}[ _.-]?)?(?:key|token|secret|password|passwd|pwd|credentials?)(?:[_.-]?[a-z]{1,8})?`;

/**
 * Between a name and its value when the name alone may not say enough: an operator, a dash or a bar, never a bare space
 * (prose reads `the key is`). Context rules and a block's later line use it.
 */
export const OPERATOR_SEPARATOR = String.raw`(?:${CONTEXT_SEPARATOR}|${DASH_OR_BAR})[ \t]?`;

/**
 * How far a block reaches from the start of the line naming the provider: that line and the next (`[INFO] Sending
 * request to the <provider> API` then `[DEBUG] Using Key=...`; `<provider> config:` then `secret_id = ...`), room for
 * two lines of text around the longest value. Further down, a value is as likely another provider's.
 */
export function keyedBlockWindow(shape: string): number {
  return 256 + shapeMaxLength(shape);
}

/** The provider's name as a word of the line above, then the value line's own credential name. */
function blockName(names: string): string {
  return String.raw`\b(?:${names})(?:[^A-Za-z0-9\n][^\n]*)?\n(?:[^\n]*[^A-Za-z0-9\n])?${LATER_NAME}`;
}

/**
 * True when a value of the shape is distinctive enough to count under the provider's name alone (`<provider> '<value>'`,
 * `<provider> = <value>`, `<provider>-<value>`): 128 bits or more, and 64 hex digits or more when it is hex, since commit
 * ids, digests and UUIDs look the same whoever they belong to.
 */
export function standsAlone(shape: string): boolean {
  const { bits, hexOnly } = shapeStrength(shape);
  return bits >= 128 && (!hexOnly || bits >= 256);
}

/** Where a keyed value ends: not inside a longer run of token characters. */
const VALUE_END = '(?:[^A-Za-z0-9_+/=-]|$)';

/**
 * The pattern of a keyed rule: the provider's name and a secret word on the value's own line (or the names alone when
 * they are whole credential names, `bare`), or the provider named on an earlier line of a small block.
 */
export function keyedPattern(names: string[], shape: string, bare: boolean): string {
  const alternatives = names.map(escapeRegex).join('|');
  const sameLine = bare ? String.raw`(?:${alternatives})[\w.-]{0,8}${SAME_LINE_SEPARATOR}` : `(?:${alternatives})${NAME_TO_WORD}${SECRET_WORD}${AFTER_SECRET_WORD}`;
  const forms = bare ? [sameLine] : [sameLine, `${blockName(alternatives)}${OPERATOR_SEPARATOR}`];
  if (!bare && standsAlone(shape)) forms.push(String.raw`\b(?:${alternatives})${SAME_LINE_SEPARATOR}`);
  const named = forms.length === 1 ? sameLine : `(?:${forms.join('|')})`;
  return `(?i:${named})(${shapeRegex(shape)})${VALUE_END}`;
}

/** True examples and near misses of every keyed rule, in the shape notation: one per form the template accepts. */
export function keyedExamples(names: string[], shape: string, bare: boolean): RuleExamples {
  const provider = names[0]!;
  const name = bare ? provider : `${provider.replace(/[^a-z0-9]+/g, '_')}_api_key`;
  const word = bare ? provider : `${provider} token`;
  const positives = [
    `${name.toUpperCase()}=${shape}`,
    `  ${name}: "${shape}"`,
    `{ "${name}": "${shape}" }`,
    `${word} - '${shape}'`,
    `${word} -- ${shape}`,
    `${word} = ' ${shape} '`,
    `| ${word} | ${shape} |`,
  ];
  const negatives = [
    `SOME_UNRELATED_ID=${shape}`,
    `${name.toUpperCase()}=\${${name.toUpperCase()}}`,
    `  ${name}: "<${name}>"`,
    `${name.toUpperCase()}=${shortenedShape(shape)}`,
    `${word} - '${shortenedShape(shape)}'`,
  ];
  if (bare) return { positives, negatives };
  positives.push(
    `const ${provider}Key string = "${shape}"`,
    `${provider}PRIVATE.${shape}`,
    `${provider} private access key\n${shape}`,
    `[INFO] Sending request to the ${provider} API\n[DEBUG] Using API_KEY=${shape}`,
    `${provider} config:\n  secret_id = "${shape}"`,
  );
  negatives.push(
    `${provider}_user_id = "${shape}"`,
    `[INFO] Sending request to the ${provider} API\n[DEBUG] Using user_id=${shape}`,
    `[INFO] Sending request to the ${provider} API\n[DEBUG] the key ${shape}`,
    // The block is the naming line and the next; further down a value may be anyone's.
    `${provider} config:\n  region = "eu"\n  secret = "${shape}"`,
    `https://api.${provider}.com/v1/${shape}`,
  );
  const alone = [`${provider} '${shape}'`, `${provider} = ${shape}`, `${provider}-${shape}`];
  if (standsAlone(shape)) positives.push(...alone);
  else negatives.push(...alone);
  return { positives, negatives };
}
