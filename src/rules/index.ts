import type { Rule } from './types.js';

export type { Rule, Severity, SecretFacts } from './types.js';
export { SEVERITIES } from './types.js';

/** Every built-in rule. The catalogue files under `catalogue/` each export a list; this joins them. */
export const builtinRules: readonly Rule[] = [
  {
    id: 'aws-access-key-id',
    title: 'AWS IAM user access key ID',
    provider: 'AWS',
    severity: 'high',
    keywords: ['akia'],
    pattern: '\\b(AKIA[A-Z2-7]{16})\\b',
    longLived: true,
    remediation: 'Deactivate and delete the key in IAM, then use OIDC (aws-role-arn) instead of a stored key.',
    revokeUrl: 'https://console.aws.amazon.com/iam/home#/security_credentials',
  },
];
