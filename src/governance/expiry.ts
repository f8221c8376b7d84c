import type { ExpiryInfo, Finding } from '../engine/finding.js';
import { addDays, daysBetween, isoDay, parseDate } from './duration.js';
import type { InventoryEntry } from './inventory/schema.js';

export const DEFAULT_MAX_AGE_DAYS = 90;
export const EXPIRING_SOON_DAYS = 30;

export interface ExpiryContext {
  now: Date;
  entry?: InventoryEntry;
  /** Policy when the entry sets no max-age: inventory `defaults.max-age` or config; 90 days otherwise. */
  defaultMaxAgeDays?: number;
  soonDays?: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function byDate(expiresAt: Date, what: string, context: ExpiryContext, extra: Partial<ExpiryInfo> = {}): ExpiryInfo {
  const left = daysBetween(context.now, expiresAt);
  const day = isoDay(expiresAt);
  if (expiresAt.getTime() <= context.now.getTime()) {
    return { ...extra, expiresAt: expiresAt.toISOString(), status: 'expired', summary: `${what} ${day} (expired ${plural(Math.max(-left, 0), 'day')} ago)` };
  }
  const soon = left <= (context.soonDays ?? EXPIRING_SOON_DAYS);
  return { ...extra, expiresAt: expiresAt.toISOString(), status: soon ? 'expiring-soon' : 'ok', summary: `${what} ${day} (in ${plural(left, 'day')})` };
}

/**
 * When a credential stops being acceptable: its own expiry (a JWT `exp`) first, then the expiry its provider reported
 * when verified, then the inventory's `expires`, then
 * its age against the rotation policy, counted from the commit that introduced it (or the inventory's `created`).
 */
export function expiryFor(finding: Pick<Finding, 'expiresAt' | 'commit' | 'longLived' | 'verification'>, context: ExpiryContext): ExpiryInfo {
  const own = finding.expiresAt ? parseDate(finding.expiresAt) : undefined;
  if (own) return byDate(own, 'credential expires', context);
  // The provider's own answer: what it will honour, which beats any policy guess below.
  const told = finding.verification?.expiresAt ? parseDate(finding.verification.expiresAt) : undefined;
  if (told) return byDate(told, `${finding.verification!.verifier} says it expires`, context);
  const listed = context.entry?.expires ? parseDate(context.entry.expires) : undefined;
  if (listed) return byDate(listed, 'inventory expires', context);

  const maxAgeDays = context.entry?.maxAgeDays ?? context.defaultMaxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
  const commitDate = finding.commit?.date ? parseDate(finding.commit.date) : undefined;
  const created = context.entry?.created ? parseDate(context.entry.created) : undefined;
  const since = commitDate ?? created;
  if (since) {
    const ageDays = Math.max(daysBetween(since, context.now), 0);
    const due = addDays(since, maxAgeDays);
    const where = commitDate ? 'in repository' : 'created';
    const base = { ageDays, maxAgeDays, expiresAt: due.toISOString() };
    if (ageDays >= maxAgeDays) {
      return { ...base, status: 'expired', summary: `${where} ${plural(ageDays, 'day')}; policy ${plural(maxAgeDays, 'day')}: rotate now (overdue by ${plural(ageDays - maxAgeDays, 'day')})` };
    }
    const left = maxAgeDays - ageDays;
    return {
      ...base,
      status: left <= Math.min(context.soonDays ?? EXPIRING_SOON_DAYS, Math.ceil(maxAgeDays / 3)) ? 'expiring-soon' : 'ok',
      summary: `${where} ${plural(ageDays, 'day')}; policy ${plural(maxAgeDays, 'day')}: rotate by ${isoDay(due)}`,
    };
  }
  return {
    maxAgeDays,
    status: 'unknown',
    summary: finding.longLived ? `no expiry known: valid until revoked; policy ${plural(maxAgeDays, 'day')}` : 'no expiry known',
  };
}
