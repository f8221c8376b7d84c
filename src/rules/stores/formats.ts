/**
 * Credential stores recognised by their bytes, whatever the file is called: what each format's header says about
 * whether it holds secrets. Pure reads of a buffer; nothing is decrypted and nothing of the content is returned.
 */

/** What a store's bytes say: it holds secrets (a finding), only public material (nothing), or cannot be told (a notice). */
export type StoreVerdict = { holds: 'secret' | 'public' | 'unknown'; reason: string };

const startsWith = (content: Buffer, bytes: readonly number[], at = 0) => content.length >= at + bytes.length && bytes.every((byte, i) => content[at + i] === byte);

/** A DER length at `at`: its value and where the contents start; undefined when malformed. Indefinite (BER) counts as 0. */
function derLength(content: Buffer, at: number): { length: number; next: number } | undefined {
  const first = content[at];
  if (first === undefined) return undefined;
  if (first < 0x80) return { length: first, next: at + 1 };
  if (first === 0x80) return { length: 0, next: at + 1 };
  const size = first & 0x7f;
  if (size > 4 || at + 1 + size > content.length) return undefined;
  let length = 0;
  for (let i = 0; i < size; i++) length = length * 256 + content[at + 1 + i]!;
  return { length, next: at + 1 + size };
}

const OID_PKCS7_DATA = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07];
/** pkcs-12 bag types 1.2.840.113549.1.12.10.1.1 (keyBag) and .2 (pkcs8ShroudedKeyBag), as DER, without the last byte. */
const OID_KEY_BAG = Buffer.from([0x06, 0x0b, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x0a, 0x01]);

/**
 * PKCS#12 (RFC 7292): SEQUENCE { INTEGER 3, ContentInfo { data | signedData } ... }. Key bags sit in plain `data` in
 * what openssl, Windows and keytool write (only certificates are encrypted as a whole), so a key bag's type is visible.
 */
export function pkcs12(content: Buffer): StoreVerdict | undefined {
  if (content[0] !== 0x30) return undefined;
  const outer = derLength(content, 1);
  if (!outer || !startsWith(content, [0x02, 0x01, 0x03, 0x30], outer.next)) return undefined;
  const info = derLength(content, outer.next + 4);
  if (!info || !startsWith(content, OID_PKCS7_DATA, info.next) || ![1, 2].includes(content[info.next + OID_PKCS7_DATA.length]!)) return undefined;
  for (let at = content.indexOf(OID_KEY_BAG); at !== -1; at = content.indexOf(OID_KEY_BAG, at + 1)) {
    const bag = content[at + OID_KEY_BAG.length];
    if (bag === 1 || bag === 2) return { holds: 'secret', reason: `a PKCS#12 keystore holding a private key (${bag === 1 ? 'keyBag' : 'shrouded keyBag'})` };
  }
  return { holds: 'unknown', reason: 'a PKCS#12 keystore whose contents are encrypted (it may hold private keys)' };
}

/** A cursor over a Java keystore's big-endian fields; throws RangeError past the end. */
class Reader {
  constructor(private readonly content: Buffer, public at = 0) {}
  u16(): number {
    const value = this.content.readUInt16BE(this.at);
    this.at += 2;
    return value;
  }
  u32(): number {
    const value = this.content.readUInt32BE(this.at);
    this.at += 4;
    return value;
  }
  skip(bytes: number): void {
    if (this.at + bytes > this.content.length) throw new RangeError('past the end');
    this.at += bytes;
  }
}

/** Skips one certificate: its type name (version 2 keystores) and its DER bytes. */
function skipCertificate(reader: Reader, version: number): void {
  if (version === 2) reader.skip(reader.u16());
  reader.skip(reader.u32());
}

/**
 * JKS (FEEDFEED) and JCEKS (CECECECE): a version, a count, then entries tagged 1 (private key), 2 (trusted
 * certificate) or 3 (JCEKS secret key). A keystore of trusted certificates only is a truststore: public.
 */
export function javaKeystore(content: Buffer): StoreVerdict | undefined {
  const jks = startsWith(content, [0xfe, 0xed, 0xfe, 0xed]);
  if (!jks && !startsWith(content, [0xce, 0xce, 0xce, 0xce])) return undefined;
  const format = jks ? 'JKS' : 'JCEKS';
  const reader = new Reader(content, 4);
  try {
    const version = reader.u32();
    const count = reader.u32();
    if (version !== 1 && version !== 2) return { holds: 'unknown', reason: `a Java keystore (${format}) of an unknown version` };
    for (let entry = 0; entry < count; entry++) {
      const tag = reader.u32();
      if (tag === 1 || tag === 3) return { holds: 'secret', reason: `a Java keystore (${format}) holding a ${tag === 1 ? 'private' : 'secret'} key entry` };
      if (tag !== 2) return { holds: 'unknown', reason: `a Java keystore (${format}) with an entry Keyward cannot read` };
      reader.skip(reader.u16()); // alias
      reader.skip(8); // creation time
      skipCertificate(reader, version);
    }
    return { holds: 'public', reason: `a Java truststore (${format}) of ${count} trusted certificates` };
  } catch {
    return { holds: 'unknown', reason: `a truncated Java keystore (${format})` };
  }
}

/** KeePass: signature 9AA2D903, then B54BFB67 (KeePass 2, .kdbx) or B54BFB65 (KeePass 1, .kdb), little-endian. */
export function keepass(content: Buffer): StoreVerdict | undefined {
  if (!startsWith(content, [0x03, 0xd9, 0xa2, 0x9a])) return undefined;
  if (startsWith(content, [0x67, 0xfb, 0x4b, 0xb5], 4) && content.length >= 12) return { holds: 'secret', reason: `a KeePass 2 password database (KDBX ${content.readUInt16LE(10)}.${content.readUInt16LE(8)})` };
  if (startsWith(content, [0x65, 0xfb, 0x4b, 0xb5], 4)) return { holds: 'secret', reason: 'a KeePass 1 password database (KDB)' };
  return undefined;
}

/** OpenPGP public-key algorithm ids (RFC 4880, RFC 9580): RSA, Elgamal, DSA, ECDH, ECDSA, EdDSA, X25519, X448, Ed25519, Ed448. */
const PGP_ALGORITHMS = new Set([1, 2, 3, 16, 17, 18, 19, 22, 25, 26, 27, 28]);

/** An OpenPGP packet header at the start: its tag and where its body starts. */
function pgpPacket(content: Buffer): { tag: number; body: number } | undefined {
  const first = content[0];
  if (first === undefined || (first & 0x80) === 0) return undefined;
  if (first & 0x40) {
    const octet = content[1] ?? 255;
    return { tag: first & 0x3f, body: octet < 192 ? 2 : octet < 224 ? 3 : octet === 255 ? 6 : 2 };
  }
  const lengthType = first & 0x03;
  return { tag: (first >> 2) & 0x0f, body: 1 + [1, 2, 4, 0][lengthType]! };
}

/**
 * An OpenPGP secret key (packet tag 5), as `gpg --export-secret-keys` and old `secring.gpg` write it: a version
 * (3 to 6), the creation time and a known algorithm. GnuPG 2.1's own key files (`private-keys-v1.d/*.key`) are
 * S-expressions naming a (protected) private key.
 */
export function gpgSecretKey(content: Buffer): StoreVerdict | undefined {
  const head = content.toString('latin1', 0, 64);
  if (/^(?:\(\d+:(?:protected-)?private-key\(|Key: \((?:protected-)?private-key\b)/.test(head)) {
    return { holds: 'secret', reason: 'a GnuPG private key file (private-keys-v1.d)' };
  }
  const packet = pgpPacket(content);
  if (!packet || packet.tag !== 5) return undefined;
  const version = content[packet.body];
  const algorithm = content[packet.body + (version === 3 ? 7 : 5)];
  if (version === undefined || version < 3 || version > 6 || algorithm === undefined || !PGP_ALGORITHMS.has(algorithm)) return undefined;
  return { holds: 'secret', reason: `an OpenPGP secret key (version ${version} key packet), as gpg --export-secret-keys writes it` };
}

const OPENSSH_MAGIC = Buffer.from('openssh-key-v1\0', 'latin1');

/** The binary form inside `-----BEGIN OPENSSH PRIVATE KEY-----`, written out decoded. */
export function opensshBinaryKey(content: Buffer): StoreVerdict | undefined {
  return content.subarray(0, OPENSSH_MAGIC.length).equals(OPENSSH_MAGIC) ? { holds: 'secret', reason: 'an OpenSSH private key in binary form (openssh-key-v1)' } : undefined;
}

/** Every binary store format, for the engine's notices: the first that recognises the bytes. */
export const STORE_FORMATS: readonly ((content: Buffer) => StoreVerdict | undefined)[] = [pkcs12, javaKeystore, keepass, gpgSecretKey, opensshBinaryKey];

export function storeVerdict(content: Buffer): StoreVerdict | undefined {
  for (const format of STORE_FORMATS) {
    const verdict = format(content);
    if (verdict) return verdict;
  }
  return undefined;
}
