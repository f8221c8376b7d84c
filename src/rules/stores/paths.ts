/**
 * Credential stores known by where they live: a file whose path and whole content together say what it is.
 */

/** `config/master.key`, and the per-environment keys beside `config/credentials/<env>.yml.enc`. */
const RAILS_KEY_PATH = /(?:^|\/)config\/(?:master|credentials\/[A-Za-z0-9_-]+)\.key$/;

/** Rails' master key: 32 hex digits (a 128-bit AES key) alone in the file, which decrypts `credentials.yml.enc`. */
export function railsMasterKey(content: Buffer, path: string): string | undefined {
  if (!RAILS_KEY_PATH.test(path) || content.length > 40) return undefined;
  return /^[a-f0-9]{32}\s*$/.test(content.toString('latin1')) ? 'a Rails master key, which decrypts the encrypted credentials beside it' : undefined;
}
