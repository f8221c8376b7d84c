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

/** DBeaver's saved credentials: `credentials-config.json` in a workspace's `.dbeaver/` folder, encrypted whole. */
const DBEAVER_CREDENTIALS_PATH = /(?:^|\/)credentials-config\.json$/;

/**
 * DBeaver encrypts credentials-config.json with AES-128-CBC under a key that ships inside every DBeaver, so the file
 * reads as plain to anyone: its presence is the leak. The cipher text is whole 16-byte blocks (an IV, then the data);
 * a JSON file of that name (another tool's, or one decrypted) is text, not this store.
 */
export function dbeaverCredentials(content: Buffer, path: string): string | undefined {
  if (!DBEAVER_CREDENTIALS_PATH.test(path) || content.length < 32 || content.length % 16 !== 0) return undefined;
  const printable = content.reduce((count, byte) => count + (byte >= 0x20 && byte < 0x7f ? 1 : 0), 0);
  return printable < content.length * 0.9 ? 'DBeaver saved credentials (credentials-config.json), encrypted with the key every DBeaver install shares' : undefined;
}
