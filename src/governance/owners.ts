import type { Finding, OwnerRef } from '../engine/finding.js';
import { ownersOf, type Codeowners } from './codeowners.js';
import type { InventoryEntry } from './inventory/schema.js';

/** `12345+octocat@users.noreply.github.com` is GitHub's private address for @octocat. */
function handleOfEmail(email: string): string {
  const noreply = /^(?:\d+\+)?([A-Za-z0-9-]+)@users\.noreply\.github\.com$/i.exec(email);
  return noreply ? `@${noreply[1]}` : email;
}

/**
 * Who to ask about a finding, most specific first: the inventory entry's owner (named for this very credential), the
 * CODEOWNERS owners of the file (last matching rule), then the author of the commit that introduced it. When the
 * provider verified the credential as active, the identity it answered (whose credential it is) comes first of all.
 */
export function ownersFor(finding: Pick<Finding, 'path' | 'commit' | 'verification'>, context: { codeowners?: Codeowners; entry?: InventoryEntry }): OwnerRef[] {
  const owners: OwnerRef[] = [];
  const add = (handle: string, source: OwnerRef['source']) => {
    if (!handle || owners.some((o) => o.handle.toLowerCase() === handle.toLowerCase())) return;
    owners.push({ handle, source });
  };
  if (finding.verification?.status === 'active' && finding.verification.identity) add(finding.verification.identity, 'provider');
  if (context.entry?.owner) add(context.entry.owner, 'inventory');
  if (context.codeowners) for (const handle of ownersOf(context.codeowners, finding.path).owners) add(handle, 'codeowners');
  if (finding.commit) add(finding.commit.email ? handleOfEmail(finding.commit.email) : finding.commit.author, 'commit-author');
  return owners;
}
