import { decodeBase64Text, hasSecretPart, hasUrlPassword, rejectGenericValue } from '../values/generic.js';
import { isPlaceholder, isReference } from '../values/placeholders.js';

/** Base64 of a certificate or public key (`ca.crt`, `tls.crt` in a Secret): public material, never a credential. */
function isPublicPem(value: string): boolean {
  if (!value.startsWith('LS0tLS1CRUdJTi')) return false;
  const text = Buffer.from(value.slice(0, 200), 'base64').toString('latin1');
  return /^-----BEGIN (?:CERTIFICATE|PUBLIC KEY|RSA PUBLIC KEY|X509 CRL|CERTIFICATE REQUEST)-----/.test(text);
}

/**
 * A Kubernetes Secret entry. Under `data:` the value is base64: what it decodes to must look like a credential
 * (not `CHANGE_ME`, a commit SHA or a file path). A plain `stringData:` value is judged as a generic value is.
 */
export function isSecretEntry(value: string): boolean {
  if (isPublicPem(value)) return false;
  const decoded = decodeBase64Text(value);
  const text = decoded ?? value;
  if (isPlaceholder(text) || isReference(text)) return false;
  if (hasUrlPassword(text)) return true;
  if (rejectGenericValue(text, 3) === undefined) return true;
  return hasSecretPart(text);
}

/** An entry under `data:` of a Secret: base64 that decodes to text, and that text looks like a credential. */
export function isEncodedSecretEntry(value: string): boolean {
  return decodeBase64Text(value) !== undefined && isSecretEntry(value);
}
