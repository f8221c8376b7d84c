/**
 * Values whose decoding shows a provider's structure the provider does not issue in that form: a made-up or edited
 * sample, which the provider's own rule would report if it were well formed. Generic rules defer to those rules, as
 * they do for a value carrying a provider's prefix without its format.
 */

/** Names under which an Atlassian Data Center or Server PAT is written. */
const ATLASSIAN_NAME = /jira|confluence|atlassian|bitbucket/i;
/** A Data Center PAT's length: base64 of a 12-digit id, a colon and 20 random bytes. */
const DATA_CENTER_PAT_LENGTH = 44;

/** The bytes of standard base64 (padding optional), or undefined when the text is not base64. */
function base64Bytes(value: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 === 1) return undefined;
  return Buffer.from(value, 'base64');
}

/**
 * Decodes to the `<numeric id>:<random bytes>` layout of Jira, Confluence and Bitbucket Data Center PATs: an id of 6
 * to 16 bytes that are ASCII digits but for the first (a sample whose first character was edited keeps the rest of
 * the id), then a colon and more bytes.
 */
function hasDataCenterPatLayout(value: string): boolean {
  const bytes = base64Bytes(value);
  if (bytes === undefined) return false;
  const colon = bytes.indexOf(0x3a);
  if (colon < 6 || colon > 16 || colon === bytes.length - 1) return false;
  return bytes.subarray(1, colon).every((byte) => byte >= 0x30 && byte <= 0x39);
}

/**
 * Under an Atlassian name, a value laid out as a Data Center PAT that is not one: not 44 characters, or with an id
 * that is not all digits. A well-formed one is the atlassian-data-center-pat rule's finding.
 */
function isMalformedDataCenterPat(line: string, secret: string): boolean {
  if (!ATLASSIAN_NAME.test(line) || !hasDataCenterPatLayout(secret)) return false;
  const wellFormed = secret.length === DATA_CENTER_PAT_LENGTH && /^[MNO]/.test(secret);
  return !wellFormed;
}

/** Why the value is a provider's structure in a form the provider does not issue, or undefined. */
export function malformedStructure(line: string, secret: string): string | undefined {
  if (isMalformedDataCenterPat(line, secret)) return 'malformed Data Center PAT';
  return undefined;
}
