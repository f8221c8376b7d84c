import { createHash } from 'node:crypto';

/**
 * Keys their vendors publish for local emulators, the same on every machine: Azurite's and the Azure Storage
 * emulator's `devstoreaccount1` key and the Azure Cosmos DB emulator's key (Microsoft's docs print both). Kept as
 * SHA-256 digests so the scanner's own source carries no key-shaped text.
 */
const PUBLIC_EMULATOR_KEYS = new Set([
  '0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059',
  'aa6547439583c3a275d4542a0df6c1ad6a863971be9f2a2220f027cc02aef615',
]);

/** True when the value is not a published emulator key, so it can be someone's real key. */
export function isNotPublicEmulatorKey(value: string): boolean {
  return !PUBLIC_EMULATOR_KEYS.has(createHash('sha256').update(value).digest('hex'));
}
