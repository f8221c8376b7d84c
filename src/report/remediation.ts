import { mdText } from './markdown.js';

/** What a remediation is built from: a rule, or a finding (which may override the rule's lifetime and expiry). */
export interface RemediationSubject {
  provider: string;
  remediation: string;
  revokeUrl?: string;
  longLived: boolean;
  expiresAt?: string;
}

/** The providers whose stored credential Keyward itself replaces with a short-lived one minted from the job's OIDC token. */
const OIDC_SWAP: Record<string, string> = {
  AWS: 'aws-role-arn',
  'Google Cloud': 'gcp-workload-identity-provider',
  Azure: 'azure-client-id',
  'HashiCorp Vault': 'vault-url',
};

export interface Remediation {
  /** The rule's own advice, without its revoke URL (that is `revokeUrl`, stated once). */
  action: string;
  revokeUrl?: string;
  /** Keyward's OIDC swap input for this provider, when Keyward can mint the replacement. */
  oidcInput?: string;
  /** e.g. "valid until revoked", "expires 2026-12-01", "short-lived". */
  lifetime: string;
}

function withoutUrl(text: string, url: string | undefined): string {
  if (!url) return text.trim();
  return text.split(` (${url})`).join('').split(url).join('the provider page').replace(/\s+/g, ' ').trim();
}

function lifetime(subject: RemediationSubject): string {
  if (subject.expiresAt) return `${subject.longLived ? 'long-lived, ' : ''}expires ${subject.expiresAt.slice(0, 10)}`;
  return subject.longLived ? 'long-lived: valid until revoked' : 'short-lived: expires on its own';
}

/**
 * The one remediation every report shows (PR comment, job summary, annotations, SARIF): the rule's advice and revoke
 * page, the OIDC swap only where Keyward can do it, and for a short-lived credential no talk of rotating it.
 */
export function remediationFor(subject: RemediationSubject): Remediation {
  let action = withoutUrl(subject.remediation, subject.revokeUrl);
  if (!subject.longLived && /\brotat/i.test(action)) {
    action = `Revoke it at ${subject.provider} if it is still valid; it expires on its own${subject.expiresAt ? ` (${subject.expiresAt.slice(0, 10)})` : ''}.`;
  }
  const input = OIDC_SWAP[subject.provider];
  const oidcInput = input && subject.longLived && !action.includes(input) ? input : undefined;
  return { action, ...(subject.revokeUrl ? { revokeUrl: subject.revokeUrl } : {}), ...(oidcInput ? { oidcInput } : {}), lifetime: lifetime(subject) };
}

/** Plain text, each URL once: for annotations, SARIF messages and the terminal. */
export function remediationText(subject: RemediationSubject): string {
  const r = remediationFor(subject);
  return [r.action, r.oidcInput ? `Keyward's OIDC swap (${r.oidcInput} input) replaces the stored credential.` : '', r.revokeUrl ? `Revoke: ${r.revokeUrl}` : ''].filter(Boolean).join(' ');
}

/** The same advice as Markdown, for the comment's and the summary's details (custom rules' text is escaped too). */
export function remediationMarkdown(subject: RemediationSubject): string {
  const r = remediationFor(subject);
  const parts = [mdText(r.action)];
  if (r.oidcInput) parts.push(`Keyward's OIDC swap (\`${r.oidcInput}\` input) replaces the stored credential.`);
  if (r.revokeUrl) parts.push(`[Revoke page](${r.revokeUrl})`);
  return parts.join(' ');
}

