import { base62 } from '../../src/rules/validators/base62.js';
import { crc32 } from '../../src/rules/validators/crc32.js';
import { ALNUM, BASE32, BASE64, BASE64URL, DIGITS, HEX, LOWER, LOWER_ALNUM, UPPER, UPPER_ALNUM, type Random } from './prng.js';

/**
 * A kind of fake secret to plant: how to generate one (from the seeded generator, in the provider's exact format),
 * the variable name it is usually stored under, and which rules may rightly report it.
 */
export interface SecretKind {
  /** Label family: the provider family a finding must belong to. */
  family: string;
  /** Rule ids that correctly identify it (a more specific and a generic rule may both apply). */
  rules: string[];
  /** Conventional variable name (SCREAMING_SNAKE; lowered for YAML/JSON keys). */
  name: string;
  value: (r: Random) => string;
  /**
   * The value names its provider by itself (a prefix or structure). Values that need the variable name next to them
   * are not planted in shapes that split name and value across lines (Kubernetes `- name:` / `value:` pairs).
   */
  selfIdentifying: boolean;
  /** Languages whose syntax the rule's name match needs (`SECRET_KEY = '...'` is Django's, `APP_KEY=` is a .env line). */
  onlyIn?: string[];
  /** Writes the value in a shape of its own instead of `name = value` (a header in a curl call). */
  render?: (value: string, languageId: string) => string[];
}

const checksummed = (r: Random, prefix: string) => {
  const random = r.string(ALNUM, 30);
  return `${prefix}${random}${base62(crc32(random), 6)}`;
};
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Passwords people and generators pick: mixed classes with a few symbols, never a dictionary word. */
export const password = (r: Random, length = r.between(14, 22)) => r.string(ALNUM + '!#%^*-_=+', length);
const GENERIC = ['generic-password-assignment', 'generic-secret-assignment', 'generic-env-secret', 'generic-yaml-secret', 'generic-key-assignment', 'generic-key-config'];

export const secretKinds: SecretKind[] = [
  { family: 'aws', rules: ['aws-access-key-id'], name: 'AWS_ACCESS_KEY_ID', value: (r) => `AKIA${r.string(BASE32, 16)}`, selfIdentifying: true },
  { family: 'aws', rules: ['aws-secret-access-key', ...GENERIC], name: 'AWS_SECRET_ACCESS_KEY', value: (r) => r.string(ALNUM + '+/', 40), selfIdentifying: false },
  { family: 'aws', rules: ['aws-session-token', ...GENERIC], name: 'AWS_SESSION_TOKEN', value: (r) => `IQoJb3JpZ2luX2Vj${r.string(BASE64, 300)}`, selfIdentifying: false },
  { family: 'gcp', rules: ['gcp-api-key'], name: 'GOOGLE_MAPS_API_KEY', value: (r) => `AIza${r.string(BASE64URL, 35)}`, selfIdentifying: true },
  { family: 'gcp', rules: ['gcp-oauth-client-secret'], name: 'GOOGLE_CLIENT_SECRET', value: (r) => `GOCSPX-${r.string(BASE64URL, 28)}`, selfIdentifying: true },
  { family: 'azure', rules: ['azure-ad-client-secret'], name: 'AZURE_CLIENT_SECRET', value: (r) => `${r.string(ALNUM, 3)}${r.string(DIGITS, 1)}Q~${r.string(ALNUM + '_~.-', 34)}`, selfIdentifying: true },
  {
    family: 'azure',
    rules: ['azure-storage-account-key'],
    name: 'AZURE_STORAGE_CONNECTION_STRING',
    value: (r) => `DefaultEndpointsProtocol=https;AccountName=acmelogs${r.int(100)};AccountKey=${r.string(BASE64, 86)}==;EndpointSuffix=core.windows.net`,
    selfIdentifying: true,
  },
  { family: 'azure', rules: ['azure-devops-pat'], name: 'AZURE_DEVOPS_EXT_PAT', value: (r) => `${r.string(ALNUM, 76)}AZDO${r.string(ALNUM, 4)}`, selfIdentifying: true },
  { family: 'digitalocean', rules: ['digitalocean-personal-access-token'], name: 'DIGITALOCEAN_TOKEN', value: (r) => `dop_v1_${r.string(HEX, 64)}`, selfIdentifying: true },
  { family: 'github', rules: ['github-personal-access-token'], name: 'GH_TOKEN', value: (r) => checksummed(r, 'ghp_'), selfIdentifying: true },
  { family: 'github', rules: ['github-oauth-token'], name: 'GITHUB_OAUTH_TOKEN', value: (r) => checksummed(r, 'gho_'), selfIdentifying: true },
  { family: 'github', rules: ['github-server-to-server-token'], name: 'INSTALLATION_TOKEN', value: (r) => checksummed(r, 'ghs_'), selfIdentifying: true },
  { family: 'github', rules: ['github-fine-grained-pat'], name: 'GITHUB_PAT', value: (r) => `github_pat_${r.string(ALNUM, 22)}_${r.string(ALNUM, 59)}`, selfIdentifying: true },
  { family: 'gitlab', rules: ['gitlab-personal-access-token'], name: 'GITLAB_TOKEN', value: (r) => `glpat-${r.string(BASE64URL, 20)}`, selfIdentifying: true },
  { family: 'gitlab', rules: ['gitlab-runner-token'], name: 'RUNNER_TOKEN', value: (r) => `glrt-${r.string(ALNUM, 20)}`, selfIdentifying: true },
  { family: 'bitbucket', rules: ['bitbucket-app-password'], name: 'BITBUCKET_APP_PASSWORD', value: (r) => `ATBB${r.string(ALNUM, 28)}${r.string('0123456789ABCDEF', 8)}`, selfIdentifying: true },
  { family: 'npm', rules: ['npm-access-token', 'npmrc-auth-token'], name: 'NPM_TOKEN', value: (r) => checksummed(r, 'npm_'), selfIdentifying: true },
  { family: 'pypi', rules: ['pypi-upload-token'], name: 'TWINE_PASSWORD', value: (r) => `pypi-AgEIcHlwaS5vcmc${r.string(BASE64URL, 120)}`, selfIdentifying: true },
  { family: 'docker', rules: ['dockerhub-personal-access-token'], name: 'DOCKERHUB_TOKEN', value: (r) => `dckr_pat_${r.string(BASE64URL, 27)}`, selfIdentifying: true },
  { family: 'jfrog', rules: ['jfrog-api-key'], name: 'ARTIFACTORY_API_KEY', value: (r) => `AKCp${r.string(ALNUM, 69)}`, selfIdentifying: true },
  { family: 'rubygems', rules: ['rubygems-api-key'], name: 'GEM_HOST_API_KEY', value: (r) => `rubygems_${r.string(HEX, 48)}`, selfIdentifying: true },
  { family: 'slack', rules: ['slack-bot-token'], name: 'SLACK_BOT_TOKEN', value: (r) => `xoxb-${r.string(DIGITS, 12)}-${r.string(DIGITS, 13)}-${r.string(ALNUM, 24)}`, selfIdentifying: true },
  {
    family: 'slack',
    rules: ['slack-webhook-url'],
    name: 'SLACK_WEBHOOK_URL',
    value: (r) => `https://hooks.slack.com/services/T${r.string(UPPER_ALNUM, 8)}/B${r.string(UPPER_ALNUM, 10)}/${r.string(ALNUM, 24)}`,
    selfIdentifying: true,
  },
  {
    family: 'discord',
    rules: ['discord-webhook-url'],
    name: 'DISCORD_WEBHOOK',
    value: (r) => `https://discord.com/api/webhooks/${r.string(DIGITS, 18)}/${r.string(BASE64URL, 68)}`,
    selfIdentifying: true,
  },
  { family: 'telegram', rules: ['telegram-bot-token'], name: 'TELEGRAM_BOT_TOKEN', value: (r) => `${r.between(1, 9)}${r.string(DIGITS, 8)}:AA${r.string(BASE64URL, 33)}`, selfIdentifying: true },
  { family: 'twilio', rules: ['twilio-api-key', 'twilio-auth-token', ...GENERIC], name: 'TWILIO_API_KEY', value: (r) => `SK${r.string(HEX, 32)}`, selfIdentifying: false },
  { family: 'sendgrid', rules: ['sendgrid-api-key'], name: 'SENDGRID_API_KEY', value: (r) => `SG.${r.string(BASE64URL, 22)}.${r.string(BASE64URL, 43)}`, selfIdentifying: true },
  { family: 'mailgun', rules: ['mailgun-api-key'], name: 'MAILGUN_API_KEY', value: (r) => `key-${r.string(HEX, 32)}`, selfIdentifying: true },
  { family: 'mailchimp', rules: ['mailchimp-api-key'], name: 'MAILCHIMP_API_KEY', value: (r) => `${r.string(HEX, 32)}-us${r.between(1, 21)}`, selfIdentifying: true },
  { family: 'stripe', rules: ['stripe-live-secret-key'], name: 'STRIPE_SECRET_KEY', value: (r) => `sk_live_${r.string(ALNUM, 99)}`, selfIdentifying: true },
  { family: 'stripe', rules: ['stripe-live-restricted-key'], name: 'STRIPE_RESTRICTED_KEY', value: (r) => `rk_live_${r.string(ALNUM, 24)}`, selfIdentifying: true },
  { family: 'stripe', rules: ['stripe-webhook-secret'], name: 'STRIPE_WEBHOOK_SECRET', value: (r) => `whsec_${r.string(ALNUM, 32)}`, selfIdentifying: true },
  { family: 'square', rules: ['square-access-token'], name: 'SQUARE_ACCESS_TOKEN', value: (r) => `EAAA${r.string(BASE64URL, 60)}`, selfIdentifying: true },
  { family: 'openai', rules: ['openai-project-key'], name: 'OPENAI_API_KEY', value: (r) => `sk-proj-${r.string(BASE64URL, 74)}T3BlbkFJ${r.string(BASE64URL, 74)}`, selfIdentifying: true },
  { family: 'anthropic', rules: ['anthropic-api-key'], name: 'ANTHROPIC_API_KEY', value: (r) => `sk-ant-api03-${r.string(BASE64URL, 93)}AA`, selfIdentifying: true },
  { family: 'huggingface', rules: ['huggingface-access-token'], name: 'HF_TOKEN', value: (r) => `hf_${r.string(UPPER + LOWER, 34)}`, selfIdentifying: true },
  { family: 'groq', rules: ['groq-api-key'], name: 'GROQ_API_KEY', value: (r) => `gsk_${r.string(ALNUM, 52)}`, selfIdentifying: true },
  { family: 'datadog', rules: ['datadog-api-key', 'datadog-application-key', ...GENERIC], name: 'DATADOG_API_KEY', value: (r) => r.string(HEX, 32), selfIdentifying: false },
  { family: 'newrelic', rules: ['newrelic-user-api-key'], name: 'NEW_RELIC_API_KEY', value: (r) => `NRAK-${r.string(UPPER_ALNUM, 27)}`, selfIdentifying: true },
  { family: 'grafana', rules: ['grafana-service-account-token'], name: 'GRAFANA_TOKEN', value: (r) => `glsa_${r.string(ALNUM, 32)}_${r.string(HEX, 8)}`, selfIdentifying: true },
  { family: 'sentry', rules: ['sentry-user-token'], name: 'SENTRY_AUTH_TOKEN', value: (r) => `sntryu_${r.string(HEX, 64)}`, selfIdentifying: true },
  { family: 'pagerduty', rules: ['pagerduty-api-key', ...GENERIC], name: 'PAGERDUTY_API_KEY', value: (r) => `u+${r.string(BASE64URL.replace('-', ''), 18)}`, selfIdentifying: false },
  { family: 'vault', rules: ['vault-service-token'], name: 'VAULT_TOKEN', value: (r) => `hvs.${r.string(BASE64URL, 91)}`, selfIdentifying: true },
  { family: 'terraform', rules: ['terraform-cloud-api-token'], name: 'TFE_TOKEN', value: (r) => `${r.string(ALNUM, 14)}.atlasv1.${r.string(ALNUM, 67)}`, selfIdentifying: true },
  { family: 'doppler', rules: ['doppler-token'], name: 'DOPPLER_TOKEN', value: (r) => `dp.st.${r.string(ALNUM, 43)}`, selfIdentifying: true },
  { family: 'pulumi', rules: ['pulumi-access-token'], name: 'PULUMI_ACCESS_TOKEN', value: (r) => `pul-${r.string(HEX, 40)}`, selfIdentifying: true },
  { family: 'cloudflare', rules: ['cloudflare-api-token', ...GENERIC], name: 'CLOUDFLARE_API_TOKEN', value: (r) => r.string(BASE64URL, 40), selfIdentifying: false },
  { family: 'supabase', rules: ['supabase-access-token'], name: 'SUPABASE_ACCESS_TOKEN', value: (r) => `sbp_${r.string(HEX, 40)}`, selfIdentifying: true },
  { family: 'linear', rules: ['linear-api-key'], name: 'LINEAR_API_KEY', value: (r) => `lin_api_${r.string(ALNUM, 40)}`, selfIdentifying: true },
  { family: 'shopify', rules: ['shopify-access-token'], name: 'SHOPIFY_ACCESS_TOKEN', value: (r) => `shpat_${r.string(HEX, 32)}`, selfIdentifying: true },
  { family: 'databricks', rules: ['databricks-access-token'], name: 'DATABRICKS_TOKEN', value: (r) => `dapi${r.string(HEX, 32)}`, selfIdentifying: true },
  { family: 'age', rules: ['age-secret-key'], name: 'SOPS_AGE_KEY', value: (r) => `AGE-SECRET-KEY-1${r.string('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)}`, selfIdentifying: true },
  {
    family: 'jwt',
    rules: ['jwt', ...GENERIC],
    name: 'SUPABASE_SERVICE_ROLE_KEY',
    value: (r) => `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ iss: 'supabase', ref: r.string(LOWER, 20), role: 'service_role', iat: 1700000000 + r.int(1e6), exp: 2000000000 + r.int(1e6) })}.${r.string(BASE64URL, 43)}`,
    selfIdentifying: true,
  },
  {
    family: 'connection-string',
    rules: ['postgres-connection-string', 'url-embedded-credentials'],
    name: 'DATABASE_URL',
    value: (r) => `postgres://app_${r.string(LOWER, 4)}:${r.string(ALNUM, 20)}@db-${r.int(9)}.internal.acme.net:5432/orders`,
    selfIdentifying: true,
  },
  {
    family: 'connection-string',
    rules: ['mongodb-connection-string', 'url-embedded-credentials'],
    name: 'MONGO_URI',
    value: (r) => `mongodb+srv://svc-reports:${r.string(ALNUM, 18)}@cluster0.${r.string(LOWER_ALNUM, 5)}.mongodb.net/reports?retryWrites=true`,
    selfIdentifying: true,
  },
  {
    family: 'connection-string',
    rules: ['redis-connection-string', 'url-embedded-credentials'],
    name: 'REDIS_URL',
    value: (r) => `rediss://default:${r.string(ALNUM, 32)}@cache-${r.int(9)}.acme.cloud:6380`,
    selfIdentifying: true,
  },
  {
    family: 'connection-string',
    rules: ['jdbc-password'],
    name: 'JDBC_URL',
    value: (r) => `jdbc:mysql://mysql.prod.acme.net:3306/billing?user=billing&password=${r.string(ALNUM, 16)}&useSSL=true`,
    selfIdentifying: true,
  },
  {
    family: 'connection-string',
    rules: ['amqp-connection-string', 'url-embedded-credentials'],
    name: 'AMQP_URL',
    value: (r) => `amqps://events:${r.string(ALNUM, 24)}@rabbit.acme.net:5671/prod`,
    selfIdentifying: true,
  },
  { family: 'framework', rules: ['django-secret-key', 'generic-secret-assignment'], name: 'SECRET_KEY', value: (r) => `django-insecure-${r.string(LOWER_ALNUM + '!@#%^&*(-_=+)', 50)}`, selfIdentifying: false, onlyIn: ['python'] },
  { family: 'framework', rules: ['laravel-app-key'], name: 'APP_KEY', value: (r) => `base64:${r.string(BASE64, 43)}=`, selfIdentifying: false, onlyIn: ['dotenv', 'shell'] },
  { family: 'framework', rules: ['rails-master-key'], name: 'RAILS_MASTER_KEY', value: (r) => r.string(HEX, 32), selfIdentifying: false, onlyIn: ['dotenv', 'shell', 'workflow', 'yaml'] },
  // Breadth: more providers' self-identifying formats, one line each.
  { family: 'gcp', rules: ['gcp-oauth-refresh-token'], name: 'GOOGLE_REFRESH_TOKEN', value: (r) => `1//0${r.string(BASE64URL, 60)}`, selfIdentifying: true },
  { family: 'alibaba', rules: ['alibaba-access-key-id'], name: 'ALIBABA_CLOUD_ACCESS_KEY_ID', value: (r) => `LTAI${r.string(ALNUM, 20)}`, selfIdentifying: true },
  { family: 'tencent', rules: ['tencent-secret-id'], name: 'TENCENTCLOUD_SECRET_ID', value: (r) => `AKID${r.string(ALNUM, 32)}`, selfIdentifying: true },
  { family: 'heroku', rules: ['heroku-api-key'], name: 'HEROKU_API_KEY', value: (r) => `HRKU-${r.string(BASE64URL, 60)}`, selfIdentifying: true },
  { family: 'gitlab', rules: ['gitlab-deploy-token'], name: 'CI_DEPLOY_PASSWORD', value: (r) => `gldt-${r.string(ALNUM, 20)}`, selfIdentifying: true },
  { family: 'nuget', rules: ['nuget-api-key'], name: 'NUGET_API_KEY', value: (r) => `oy2${r.string(LOWER_ALNUM, 43)}`, selfIdentifying: true },
  { family: 'crates', rules: ['crates-io-api-token'], name: 'CARGO_REGISTRY_TOKEN', value: (r) => `cio${r.string(ALNUM, 32)}`, selfIdentifying: true },
  { family: 'mapbox', rules: ['mapbox-secret-token'], name: 'MAPBOX_SECRET_TOKEN', value: (r) => `sk.eyJ1${r.string(BASE64URL, 60)}.${r.string(BASE64URL, 22)}`, selfIdentifying: true },
  { family: 'figma', rules: ['figma-access-token'], name: 'FIGMA_TOKEN', value: (r) => `figd_${r.string(BASE64URL, 40)}`, selfIdentifying: true },
  { family: 'notion', rules: ['notion-integration-token'], name: 'NOTION_TOKEN', value: (r) => `ntn_${r.string(DIGITS, 11)}${r.string(ALNUM, 35)}`, selfIdentifying: true },
  { family: 'postman', rules: ['postman-api-key'], name: 'POSTMAN_API_KEY', value: (r) => `PMAK-${r.string(HEX, 24)}-${r.string(HEX, 34)}`, selfIdentifying: true },
  { family: 'newrelic', rules: ['newrelic-insights-insert-key'], name: 'NEW_RELIC_INSERT_KEY', value: (r) => `NRII-${r.string(BASE64URL, 32)}`, selfIdentifying: true },
  { family: 'dynatrace', rules: ['dynatrace-api-token'], name: 'DT_API_TOKEN', value: (r) => `dt0c01.${r.string(UPPER_ALNUM, 24)}.${r.string(UPPER_ALNUM, 64)}`, selfIdentifying: true },
  { family: 'netlify', rules: ['netlify-access-token'], name: 'NETLIFY_AUTH_TOKEN', value: (r) => `nfp_${r.string(ALNUM, 36)}`, selfIdentifying: true },
  { family: 'flyio', rules: ['flyio-access-token'], name: 'FLY_API_TOKEN', value: (r) => `fo1_${r.string(BASE64URL, 43)}`, selfIdentifying: true },
  { family: 'sonar', rules: ['sonarqube-token'], name: 'SONAR_TOKEN', value: (r) => `sqp_${r.string(HEX, 40)}`, selfIdentifying: true },
  { family: 'buildkite', rules: ['buildkite-agent-token'], name: 'BUILDKITE_API_TOKEN', value: (r) => `bkua_${r.string(HEX, 40)}`, selfIdentifying: true },
  { family: 'circleci', rules: ['circleci-personal-token'], name: 'CIRCLE_TOKEN', value: (r) => `CCIPAT_${r.string(ALNUM, 22)}_${r.string(HEX, 40)}`, selfIdentifying: true },
  { family: 'hubspot', rules: ['hubspot-private-app-token'], name: 'HUBSPOT_ACCESS_TOKEN', value: (r) => `pat-na1-${r.string(HEX, 8)}-${r.string(HEX, 4)}-${r.string(HEX, 4)}-${r.string(HEX, 4)}-${r.string(HEX, 12)}`, selfIdentifying: true },
  { family: 'perplexity', rules: ['perplexity-api-key'], name: 'PERPLEXITY_API_KEY', value: (r) => `pplx-${r.string(ALNUM, 48)}`, selfIdentifying: true },
  { family: 'replicate', rules: ['replicate-api-token'], name: 'REPLICATE_API_TOKEN', value: (r) => `r8_${r.string(ALNUM, 37)}`, selfIdentifying: true },
  { family: 'pinecone', rules: ['pinecone-api-key'], name: 'PINECONE_API_KEY', value: (r) => `pcsk_${r.string(ALNUM, 6)}_${r.string(ALNUM, 65)}`, selfIdentifying: true },
  { family: 'langsmith', rules: ['langsmith-api-key'], name: 'LANGSMITH_API_KEY', value: (r) => `lsv2_pt_${r.string(HEX, 32)}_${r.string(HEX, 10)}`, selfIdentifying: true },
  { family: 'brevo', rules: ['brevo-api-key'], name: 'BREVO_API_KEY', value: (r) => `xkeysib-${r.string(HEX, 64)}-${r.string(ALNUM, 16)}`, selfIdentifying: true },
  { family: 'tailscale', rules: ['tailscale-api-key'], name: 'TS_AUTHKEY', value: (r) => `tskey-auth-${r.string(ALNUM, 12)}-${r.string(ALNUM, 30)}`, selfIdentifying: true },
  { family: 'okta', rules: ['okta-api-token', ...GENERIC], name: 'OKTA_API_TOKEN', value: (r) => `00${r.string(BASE64URL, 40)}`, selfIdentifying: false },
  { family: 'twitter', rules: ['twitter-bearer-token', ...GENERIC], name: 'TWITTER_BEARER_TOKEN', value: (r) => `${'A'.repeat(21)}${r.string(ALNUM, 30)}%2F${r.string(ALNUM, 50)}`, selfIdentifying: true },
  {
    family: 'generic',
    rules: ['authorization-header'],
    name: 'AUTHORIZATION',
    value: (r) => r.string(ALNUM, 40),
    selfIdentifying: false,
    onlyIn: ['shell', 'python'],
    render: (value, languageId) =>
      languageId === 'shell' ? [`curl -fsS -H "Authorization: Bearer ${value}" https://api.acme.net/v1/orders`] : [`HEADERS = {"Authorization": "Bearer ${value}", "Accept": "application/json"}`],
  },
  { family: 'generic', rules: GENERIC, name: 'DB_PASSWORD', value: (r) => password(r), selfIdentifying: false },
  { family: 'generic', rules: GENERIC, name: 'SMTP_PASSWORD', value: (r) => password(r), selfIdentifying: false },
  { family: 'generic', rules: [...GENERIC, 'jwt-signing-secret'], name: 'JWT_SECRET', value: (r) => r.string(BASE64, 48), selfIdentifying: false },
  { family: 'generic', rules: GENERIC, name: 'INTERNAL_API_KEY', value: (r) => r.string(ALNUM, 32), selfIdentifying: false },
  { family: 'generic', rules: GENERIC, name: 'WEBHOOK_SIGNING_SECRET', value: (r) => r.string(ALNUM + '-_', 40), selfIdentifying: false },
];
