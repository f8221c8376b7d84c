import picomatch from 'picomatch';
import type { Finding } from '../../engine/finding.js';
import type { SecretInfo, SecretScope } from '../types.js';
import type { IdentityKind, Inventory, InventoryEntry } from './schema.js';

const KIND_OF_SCOPE: Record<SecretScope, IdentityKind> = {
  repository: 'repository-secret',
  environment: 'environment-secret',
  organization: 'org-secret',
};

export function kindOfScope(scope: SecretScope): IdentityKind {
  return KIND_OF_SCOPE[scope];
}

const SECRET_KINDS = new Set<IdentityKind | undefined>(['repository-secret', 'environment-secret', 'org-secret', 'token', undefined]);

/** The entry for an Actions secret: same name and kind (and environment), else the same name under any secret kind. */
export function entryForSecret(inventory: Inventory | undefined, secret: Pick<SecretInfo, 'name' | 'scope' | 'environment'>): InventoryEntry | undefined {
  if (!inventory) return undefined;
  const sameName = inventory.entries.filter((entry) => entry.name === secret.name && SECRET_KINDS.has(entry.kind));
  const kind = kindOfScope(secret.scope);
  return (
    sameName.find((entry) => entry.kind === kind && (kind !== 'environment-secret' || entry.environment === secret.environment)) ??
    sameName.find((entry) => entry.kind === kind) ??
    sameName[0]
  );
}

const pathMatchers = new WeakMap<InventoryEntry, (path: string) => boolean>();

function pathMatcher(entry: InventoryEntry): (path: string) => boolean {
  let matcher = pathMatchers.get(entry);
  if (!matcher) {
    matcher = entry.paths.length > 0 ? picomatch(entry.paths, { dot: true }) : () => false;
    pathMatchers.set(entry, matcher);
  }
  return matcher;
}

/** The entry a scan finding belongs to: by fingerprint, else by path glob. */
export function entryForFinding(inventory: Inventory | undefined, finding: Pick<Finding, 'fingerprint' | 'path'>): InventoryEntry | undefined {
  if (!inventory) return undefined;
  return (
    inventory.entries.find((entry) => entry.fingerprints.includes(finding.fingerprint)) ??
    inventory.entries.find((entry) => pathMatcher(entry)(finding.path))
  );
}
