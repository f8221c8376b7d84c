import { CredentialError } from './errors.js';
import type { InputReader } from './inputs.js';

/** An input name of the cloud vendors' own actions, accepted by the credentials sub-action for one-line migration. */
export interface InputAlias {
  alias: string;
  /** The Keyward input it stands for. */
  name: string;
  from: 'aws-actions/configure-aws-credentials' | 'google-github-actions/auth';
  /** Where the vendor's default differs from Keyward's, on purpose: said in the notice and the docs. */
  defaultDiffers?: string;
}

export const INPUT_ALIASES: readonly InputAlias[] = [
  { alias: 'role-to-assume', name: 'aws-role-arn', from: 'aws-actions/configure-aws-credentials' },
  { alias: 'role-session-name', name: 'aws-role-session-name', from: 'aws-actions/configure-aws-credentials', defaultDiffers: 'Keyward names the session keyward-<run id>-<attempt> (not GitHubActions), so CloudTrail ties it to the run' },
  { alias: 'role-duration-seconds', name: 'aws-session-duration', from: 'aws-actions/configure-aws-credentials', defaultDiffers: 'Keyward defaults to 900 seconds (not 3600): the shortest session STS issues' },
  { alias: 'inline-session-policy', name: 'aws-session-policy', from: 'aws-actions/configure-aws-credentials' },
  { alias: 'workload_identity_provider', name: 'gcp-workload-identity-provider', from: 'google-github-actions/auth' },
  { alias: 'service_account', name: 'gcp-service-account', from: 'google-github-actions/auth' },
  { alias: 'project_id', name: 'gcp-project-id', from: 'google-github-actions/auth' },
  { alias: 'access_token_lifetime', name: 'gcp-token-lifetime', from: 'google-github-actions/auth' },
];

/** Vendor inputs with no Keyward equivalent: accepted by name only to refuse them with the way forward. */
export const REFUSED_INPUTS: Readonly<Record<string, { from: InputAlias['from']; refuse: (value: string) => string | undefined }>> = {
  'role-chaining': {
    from: 'aws-actions/configure-aws-credentials',
    refuse: (value) => (/^true$/i.test(value) ? 'Keyward chains from its own OIDC session, not from credentials already in the job: set aws-role-arn to the first role and aws-role-chain to the ARN of the second' : undefined),
  },
  credentials_json: {
    from: 'google-github-actions/auth',
    refuse: () => 'a service account key is the long-lived credential Keyward replaces: set gcp-workload-identity-provider (and gcp-service-account) and delete the key',
  },
};

export const ALIAS_INPUTS = [...INPUT_ALIASES.map((a) => a.alias), ...Object.keys(REFUSED_INPUTS)];

/** Once per vendor whose names are in use: the Keyward defaults that differ from the vendor's, for inputs left unset. */
function defaultsNotice(get: InputReader, from: InputAlias['from']): string | undefined {
  const unset = INPUT_ALIASES.filter((a) => a.from === from && a.defaultDiffers && get(a.name).trim() === '' && get(a.alias).trim() === '');
  if (unset.length === 0) return undefined;
  return `Defaults that differ from ${from}: ${unset.map((a) => `${a.name}: ${a.defaultDiffers}`).join('; ')}.`;
}

function refuseUnsupported(get: InputReader): void {
  for (const [name, refused] of Object.entries(REFUSED_INPUTS)) {
    const value = get(name).trim();
    const reason = value === '' ? undefined : refused.refuse(value);
    if (reason) throw new CredentialError('input', `input ${name} (${refused.from}): ${reason}`);
  }
}

/**
 * A reader that answers a Keyward input from its vendor alias when only the alias is set, with a notice suggesting
 * the Keyward name (once per alias) and, once per vendor, the defaults that differ. Both names set to different
 * values is an error, as is a refused vendor input.
 */
export function withAliases(get: InputReader, notice: (message: string) => void): InputReader {
  refuseUnsupported(get);
  const noticed = new Set<string>();
  return (name) => {
    const own = get(name).trim();
    const alias = INPUT_ALIASES.find((a) => a.name === name && get(a.alias).trim() !== '');
    if (!alias) return own;
    const value = get(alias.alias).trim();
    if (own !== '' && own !== value) throw new CredentialError('input', `inputs ${name} and ${alias.alias} are both set, to different values: keep ${name}`);
    if (own === '' && !noticed.has(alias.alias)) {
      noticed.add(alias.alias);
      notice(`input ${alias.alias} (${alias.from}) is read as Keyward's ${name}; rename it to ${name} to silence this notice.`);
      const defaults = noticed.has(alias.from) ? undefined : defaultsNotice(get, alias.from);
      noticed.add(alias.from);
      if (defaults) notice(defaults);
    }
    return value;
  };
}
