/**
 * gitleaks' default rule ids that name the same credential as one Keyward rule, for `disabledRules` and
 * `.gitleaksignore` entries. Ids absent here (and not equal to a Keyward id) have no one-to-one equivalent.
 */
export const GITLEAKS_RULE_EQUIVALENTS: Readonly<Record<string, string>> = {
  'aws-access-token': 'aws-access-key-id',
  'github-pat': 'github-personal-access-token',
  'github-oauth': 'github-oauth-token',
  'gitlab-pat': 'gitlab-personal-access-token',
  'gitlab-ptt': 'gitlab-pipeline-trigger-token',
  'gitlab-rrt': 'gitlab-runner-registration-token',
  'sendgrid-api-token': 'sendgrid-api-key',
  'digitalocean-pat': 'digitalocean-personal-access-token',
  'digitalocean-access-token': 'digitalocean-oauth-token',
  'hashicorp-tf-api-token': 'terraform-cloud-api-token',
  'mailgun-private-api-token': 'mailgun-private-api-key',
  'mailchimp-api-key': 'mailchimp-api-key',
  'shopify-custom-access-token': 'shopify-custom-app-token',
  'shopify-private-app-access-token': 'shopify-private-app-password',
  'npm-access-token': 'npm-access-token',
  'pypi-upload-token': 'pypi-upload-token',
  'doppler-api-token': 'doppler-token',
  'pulumi-api-token': 'pulumi-access-token',
  'flyio-access-token': 'flyio-access-token',
  'postman-api-token': 'postman-api-key',
  'linear-api-key': 'linear-api-key',
  'age-secret-key': 'age-secret-key',
  'telegram-bot-api-token': 'telegram-bot-token',
  'discord-client-secret': 'discord-bot-token',
};

/**
 * Rewrites an RE2 pattern so that its capturing group number `group` (1-based, named groups counted) is the only one
 * left, since Keyward takes the first capturing group as the secret. Returns undefined when the pattern has fewer
 * groups.
 */
export function keepOnlyGroup(pattern: string, group: number): string | undefined {
  let out = '';
  let seen = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\') {
      out += pattern.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      out += char;
      continue;
    }
    if (char === '[') {
      inClass = true;
      out += char;
      // A `]` right after `[` or `[^` is a literal.
      const negated = pattern[i + 1] === '^' ? 1 : 0;
      if (pattern[i + 1 + negated] === ']') {
        out += pattern.slice(i + 1, i + 2 + negated);
        i += 1 + negated;
      }
      continue;
    }
    if (char !== '(') {
      out += char;
      continue;
    }
    const named = /^\(\?P?<[A-Za-z_]\w*>/.exec(pattern.slice(i));
    if (pattern[i + 1] === '?' && !named) {
      out += char;
      continue;
    }
    seen++;
    const opener = named ? named[0] : '(';
    out += seen === group ? '(' : '(?:';
    i += opener.length - 1;
  }
  return seen >= group ? out : undefined;
}

/** Lowercase letters, digits and dashes, as Keyward rule ids are. */
export function keywardRuleId(gitleaksId: string): string {
  return (
    gitleaksId
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'gitleaks-rule'
  );
}
