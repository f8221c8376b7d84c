import { BASE32, BASE64, type Random } from '../corpus/prng.js';

/** Random bytes without NUL, so the content is scanned rather than skipped as binary. */
export function noiseBytes(r: Random, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) out[i] = 1 + r.int(255);
  return out;
}

/** Fragments that wake the prefilter and half-start many rules without finishing them. */
export const KEYWORD_SOUP = [
  'password=',
  'token: "',
  'AKIA',
  'ghp_',
  'xoxb-',
  'sk_live_',
  '-----BEGIN RSA PRIVATE KEY-----',
  '-----END PRIVATE KEY-----',
  'eyJ',
  'postgres://',
  '://user:',
  '@',
  'Authorization: Bearer ',
  'kind: Secret\ndata:\n  ',
  '"type": "service_account"',
  'secret="',
  'api_key=',
  '\n',
  '\r\n',
  '\r',
  '"',
  "'",
  '`',
  '\\n',
  '=',
  ':',
  '\u00e9',
  '\u{1F511}',
];

/** Random text mixing noise, keyword fragments and valid-looking value characters. */
export function keywordNoise(r: Random, parts: number): Buffer {
  const chunks: Buffer[] = [];
  for (let i = 0; i < parts; i++) {
    const roll = r.next();
    if (roll < 0.3) chunks.push(noiseBytes(r, r.int(120)));
    else if (roll < 0.6) chunks.push(Buffer.from(r.string(BASE64 + '_-.', r.int(80))));
    else chunks.push(Buffer.from(r.pick(KEYWORD_SOUP)));
  }
  return Buffer.concat(chunks);
}

/** A fake AWS access key id in the rule's exact format, from the seeded generator. */
export const fakeAwsKeyId = (r: Random) => `AKIA${r.string(BASE32, 16)}`;

/** `length` base64 characters, filled byte by byte (much faster than building a string of that size). */
export function base64Text(r: Random, length: number): Buffer {
  const alphabet = Buffer.from(BASE64);
  const out = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) out[i] = alphabet[r.int(64)]!;
  return out;
}
