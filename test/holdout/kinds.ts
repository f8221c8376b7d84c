import { base62 } from '../../src/rules/validators/base62.js';
import { crc32 } from '../../src/rules/validators/crc32.js';
import { AN, AZ, AZD, B64, B64U, D, HEXU, Rng, az, azD, hex } from './rng.js';

/**
 * A kind of fake credential for the holdout corpus: every value is generated here from the seeded generator in the
 * provider's published shape (never copied from anywhere), with the names people store it under.
 */
export interface Kind {
  family: string;
  /** Short label for reports. */
  what: string;
  /** SCREAMING_SNAKE variable names this credential is commonly stored under; one is picked per plant. */
  names: string[];
  make: (r: Rng) => string;
  /** Recognisable without its variable name (a prefix, a checksum, a structure). */
  self: boolean;
  /** Sent as a bearer/token in an Authorization header in the wild. */
  bearer?: boolean;
}

const crcToken = (r: Rng, prefix: string) => {
  const body = r.chars(AN, 30);
  return `${prefix}${body}${base62(crc32(body), 6)}`;
};
const uuid = (r: Rng) => `${r.chars(hex, 8)}-${r.chars(hex, 4)}-4${r.chars(hex, 3)}-${r.one(['8', '9', 'a', 'b'])}${r.chars(hex, 3)}-${r.chars(hex, 12)}`;
const b64json = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
/** Passwords as people and password managers make them. */
export const humanPassword = (r: Rng): string => {
  const style = r.below(4);
  if (style === 0) return `${r.one(['Blue', 'River', 'Tiger', 'Maple', 'Falcon', 'Cobalt', 'Orchid'])}${r.one(['!', '#', '@', '$', '%', '&'])}${r.chars(D, 4)}${r.one(['Moon', 'Rock', 'Fox', 'Sky', 'Jazz'])}${r.chars(D, 2)}`;
  if (style === 1) return r.chars(AN + '!@#%^&*-_+=', r.range(16, 28));
  if (style === 2) return r.chars(AN, r.range(20, 32));
  return `${r.chars(az, 3)}${r.chars(AZ, 2)}${r.chars(D, 3)}${r.one(['!', '.', '-', '_', '@', '#'])}${r.chars(AN, r.range(6, 12))}`;
};

export const kinds: Kind[] = [
  // Cloud
  { family: 'aws', what: 'AWS access key id', names: ['AWS_ACCESS_KEY_ID', 'AWS_ACCESS_KEY', 'S3_ACCESS_KEY'], make: (r) => `AKIA${r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`, self: true },
  { family: 'aws', what: 'AWS secret access key', names: ['AWS_SECRET_ACCESS_KEY', 'AWS_SECRET_KEY', 'S3_SECRET_KEY'], make: (r) => r.chars(AN + '+/', 40), self: false },
  { family: 'gcp', what: 'Google API key', names: ['GOOGLE_API_KEY', 'FIREBASE_API_KEY', 'MAPS_KEY', 'YOUTUBE_API_KEY'], make: (r) => `AIza${r.chars(B64U, 35)}`, self: true },
  { family: 'gcp', what: 'Google OAuth client secret', names: ['GOOGLE_CLIENT_SECRET', 'GOOGLE_OAUTH_SECRET'], make: (r) => `GOCSPX-${r.chars(B64U, 28)}`, self: true },
  { family: 'gcp', what: 'Google OAuth access token', names: ['GOOGLE_ACCESS_TOKEN', 'GCP_TOKEN'], make: (r) => `ya29.a0${r.chars(B64U, 150)}`, self: true, bearer: true },
  { family: 'azure', what: 'Entra client secret', names: ['AZURE_CLIENT_SECRET', 'ARM_CLIENT_SECRET', 'AAD_CLIENT_SECRET'], make: (r) => `${r.chars(AN, 3)}${r.chars(D, 1)}Q~${r.chars(AN + '_~.-', 34)}`, self: true },
  { family: 'azure', what: 'Azure storage connection string', names: ['AZURE_STORAGE_CONNECTION_STRING', 'AzureWebJobsStorage', 'STORAGE_CONN'], make: (r) => `DefaultEndpointsProtocol=https;AccountName=st${r.chars(azD, 10)};AccountKey=${r.chars(B64, 86)}==;EndpointSuffix=core.windows.net`, self: true },
  { family: 'azure', what: 'Service Bus connection string', names: ['SERVICEBUS_CONNECTION', 'EVENTHUB_CONNECTION_STRING'], make: (r) => `Endpoint=sb://${r.chars(az, 8)}-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${r.chars(B64, 43)}=`, self: true },
  { family: 'azure', what: 'Azure SAS URL', names: ['BLOB_SAS_URL', 'AZURE_SAS_URL'], make: (r) => `https://st${r.chars(azD, 8)}.blob.core.windows.net/uploads?sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2026-12-31T23:59:59Z&st=2025-01-01T00:00:00Z&spr=https&sig=${r.chars(AN + '%', 44)}%3D`, self: true },
  { family: 'azure', what: 'Azure DevOps PAT', names: ['AZURE_DEVOPS_PAT', 'ADO_PAT', 'SYSTEM_ACCESSTOKEN'], make: (r) => `${r.chars(AN, 76)}AZDO${r.chars(AN, 4)}`, self: true, bearer: true },
  { family: 'digitalocean', what: 'DigitalOcean token', names: ['DIGITALOCEAN_ACCESS_TOKEN', 'DO_TOKEN'], make: (r) => `dop_v1_${r.chars(hex, 64)}`, self: true, bearer: true },
  { family: 'alibaba', what: 'Alibaba AccessKey id', names: ['ALIYUN_ACCESS_KEY_ID', 'ALICLOUD_ACCESS_KEY'], make: (r) => `LTAI5t${r.chars(AN, 18)}`, self: true },
  { family: 'heroku', what: 'Heroku API key', names: ['HEROKU_API_KEY'], make: (r) => `HRKU-AA${r.chars(B64U, 58)}`, self: true, bearer: true },
  { family: 'heroku', what: 'Heroku API key (uuid)', names: ['HEROKU_API_KEY', 'HEROKU_AUTH_TOKEN'], make: uuid, self: false },
  // Code hosts and registries
  { family: 'github', what: 'GitHub classic PAT', names: ['GITHUB_TOKEN', 'GH_PAT', 'GH_TOKEN', 'PERSONAL_ACCESS_TOKEN'], make: (r) => crcToken(r, 'ghp_'), self: true, bearer: true },
  { family: 'github', what: 'GitHub OAuth token', names: ['GITHUB_OAUTH_TOKEN'], make: (r) => crcToken(r, 'gho_'), self: true, bearer: true },
  { family: 'github', what: 'GitHub App user token', names: ['GITHUB_USER_TOKEN'], make: (r) => crcToken(r, 'ghu_'), self: true, bearer: true },
  { family: 'github', what: 'GitHub refresh token', names: ['GITHUB_REFRESH_TOKEN'], make: (r) => crcToken(r, 'ghr_'), self: true },
  { family: 'github', what: 'GitHub fine-grained PAT', names: ['GITHUB_PAT', 'GH_FINE_GRAINED_TOKEN'], make: (r) => `github_pat_11${r.chars(AZD, 20)}_${r.chars(AN, 59)}`, self: true, bearer: true },
  { family: 'gitlab', what: 'GitLab PAT', names: ['GITLAB_TOKEN', 'GITLAB_PRIVATE_TOKEN', 'CI_JOB_PAT'], make: (r) => (r.coin() ? `glpat-${r.chars(B64U, 20)}` : `glpat-${r.chars(B64U, 27)}.01.${r.chars(azD, 9)}`), self: true, bearer: true },
  { family: 'gitlab', what: 'GitLab pipeline trigger token', names: ['GITLAB_TRIGGER_TOKEN'], make: (r) => `glptt-${r.chars(hex, 40)}`, self: true },
  { family: 'gitlab', what: 'GitLab deploy token', names: ['GITLAB_DEPLOY_TOKEN'], make: (r) => `gldt-${r.chars(B64U, 20)}`, self: true },
  { family: 'bitbucket', what: 'Bitbucket app password', names: ['BITBUCKET_APP_PASSWORD', 'BB_APP_PASSWORD'], make: (r) => `ATBB${r.chars(AN, 28)}${r.chars(HEXU, 8)}`, self: true },
  { family: 'atlassian', what: 'Atlassian API token', names: ['JIRA_API_TOKEN', 'CONFLUENCE_TOKEN', 'ATLASSIAN_API_TOKEN'], make: (r) => `ATATT3xFfGF0${r.chars(B64U, 170)}=${r.chars(HEXU, 8)}`, self: true },
  { family: 'npm', what: 'npm token', names: ['NPM_TOKEN', 'NODE_AUTH_TOKEN', 'NPM_AUTH_TOKEN'], make: (r) => crcToken(r, 'npm_'), self: true },
  { family: 'pypi', what: 'PyPI token', names: ['PYPI_API_TOKEN', 'TWINE_PASSWORD', 'POETRY_PYPI_TOKEN_PYPI'], make: (r) => `pypi-AgEIcHlwaS5vcmcCJD${r.chars(B64U, 150)}`, self: true },
  { family: 'docker', what: 'Docker Hub PAT', names: ['DOCKERHUB_TOKEN', 'DOCKER_PASSWORD', 'REGISTRY_PASSWORD'], make: (r) => `dckr_pat_${r.chars(B64U, 27)}`, self: true },
  { family: 'rubygems', what: 'RubyGems key', names: ['GEM_HOST_API_KEY', 'RUBYGEMS_API_KEY'], make: (r) => `rubygems_${r.chars(hex, 48)}`, self: true },
  { family: 'nuget', what: 'NuGet key', names: ['NUGET_API_KEY', 'NUGET_KEY'], make: (r) => `oy2${r.chars(azD, 43)}`, self: true },
  { family: 'jfrog', what: 'JFrog API key', names: ['ARTIFACTORY_API_KEY', 'JFROG_API_KEY'], make: (r) => `AKCp8${r.chars(AN, 68)}`, self: true },
  // Messaging
  { family: 'slack', what: 'Slack bot token', names: ['SLACK_BOT_TOKEN', 'SLACK_TOKEN', 'SLACK_API_TOKEN'], make: (r) => `xoxb-${r.chars(D, 12)}-${r.chars(D, 13)}-${r.chars(AN, 24)}`, self: true, bearer: true },
  { family: 'slack', what: 'Slack user token', names: ['SLACK_USER_TOKEN'], make: (r) => `xoxp-${r.chars(D, 12)}-${r.chars(D, 12)}-${r.chars(D, 13)}-${r.chars(hex, 32)}`, self: true, bearer: true },
  { family: 'slack', what: 'Slack app token', names: ['SLACK_APP_TOKEN'], make: (r) => `xapp-1-A${r.chars(AZD, 10)}-${r.chars(D, 13)}-${r.chars(hex, 64)}`, self: true },
  { family: 'slack', what: 'Slack webhook', names: ['SLACK_WEBHOOK_URL', 'SLACK_WEBHOOK', 'ALERT_WEBHOOK'], make: (r) => `https://hooks.slack.com/services/T${r.chars(AZD, 8)}/B${r.chars(AZD, 10)}/${r.chars(AN, 24)}`, self: true },
  { family: 'discord', what: 'Discord webhook', names: ['DISCORD_WEBHOOK_URL'], make: (r) => `https://discord.com/api/webhooks/1${r.chars(D, 18)}/${r.chars(B64U, 68)}`, self: true },
  { family: 'discord', what: 'Discord bot token', names: ['DISCORD_BOT_TOKEN', 'DISCORD_TOKEN'], make: (r) => `M${r.chars(B64U, 25)}.${r.chars(B64U, 6)}.${r.chars(B64U, 38)}`, self: false },
  { family: 'telegram', what: 'Telegram bot token', names: ['TELEGRAM_BOT_TOKEN', 'TG_TOKEN', 'BOT_TOKEN'], make: (r) => `${r.range(1, 7)}${r.chars(D, 9)}:AA${r.chars(B64U, 33)}`, self: true },
  { family: 'teams', what: 'Teams webhook', names: ['TEAMS_WEBHOOK_URL'], make: (r) => `https://acme${r.chars(az, 4)}.webhook.office.com/webhookb2/${uuid(r)}@${uuid(r)}/IncomingWebhook/${r.chars(hex, 32)}/${uuid(r)}`, self: true },
  { family: 'twilio', what: 'Twilio auth token', names: ['TWILIO_AUTH_TOKEN'], make: (r) => r.chars(hex, 32), self: false },
  { family: 'sendgrid', what: 'SendGrid key', names: ['SENDGRID_API_KEY', 'SMTP_PASSWORD', 'MAIL_PASSWORD'], make: (r) => `SG.${r.chars(B64U, 22)}.${r.chars(B64U, 43)}`, self: true, bearer: true },
  { family: 'mailgun', what: 'Mailgun key', names: ['MAILGUN_API_KEY'], make: (r) => `key-${r.chars(hex, 32)}`, self: true },
  { family: 'mailgun', what: 'Mailgun private key', names: ['MAILGUN_API_KEY', 'MAILGUN_PRIVATE_KEY'], make: (r) => `${r.chars(hex, 32)}-${r.chars(hex, 8)}-${r.chars(hex, 8)}`, self: false },
  { family: 'mailchimp', what: 'Mailchimp key', names: ['MAILCHIMP_API_KEY', 'MC_API_KEY'], make: (r) => `${r.chars(hex, 32)}-us${r.range(1, 21)}`, self: true },
  { family: 'brevo', what: 'Brevo key', names: ['BREVO_API_KEY', 'SENDINBLUE_API_KEY'], make: (r) => `xkeysib-${r.chars(hex, 64)}-${r.chars(AN, 16)}`, self: true },
  { family: 'resend', what: 'Resend key', names: ['RESEND_API_KEY'], make: (r) => `re_${r.chars(AN, 8)}_${r.chars(AN, 24)}`, self: true, bearer: true },
  // Payments
  { family: 'stripe', what: 'Stripe live secret key', names: ['STRIPE_SECRET_KEY', 'STRIPE_API_KEY', 'STRIPE_KEY'], make: (r) => `sk_live_51${r.chars(AN, 97)}`, self: true, bearer: true },
  { family: 'stripe', what: 'Stripe test secret key', names: ['STRIPE_TEST_SECRET_KEY', 'STRIPE_SECRET_KEY'], make: (r) => `sk_test_51${r.chars(AN, 97)}`, self: true, bearer: true },
  { family: 'stripe', what: 'Stripe restricted key', names: ['STRIPE_RESTRICTED_KEY'], make: (r) => `rk_live_51${r.chars(AN, 97)}`, self: true, bearer: true },
  { family: 'stripe', what: 'Stripe webhook secret', names: ['STRIPE_WEBHOOK_SECRET', 'STRIPE_SIGNING_SECRET'], make: (r) => `whsec_${r.chars(AN, 32)}`, self: true },
  { family: 'square', what: 'Square token', names: ['SQUARE_ACCESS_TOKEN'], make: (r) => `EAAA${r.chars(B64U, 60)}`, self: true, bearer: true },
  { family: 'paypal', what: 'Braintree token', names: ['BRAINTREE_ACCESS_TOKEN'], make: (r) => `access_token$production$${r.chars(azD, 16)}$${r.chars(hex, 32)}`, self: true },
  { family: 'shopify', what: 'Shopify admin token', names: ['SHOPIFY_ACCESS_TOKEN', 'SHOPIFY_ADMIN_API_TOKEN'], make: (r) => `shpat_${r.chars(hex, 32)}`, self: true },
  { family: 'plaid', what: 'Plaid access token', names: ['PLAID_ACCESS_TOKEN'], make: (r) => `access-production-${uuid(r)}`, self: true },
  // AI
  { family: 'openai', what: 'OpenAI project key', names: ['OPENAI_API_KEY', 'OPENAI_KEY', 'LLM_API_KEY'], make: (r) => `sk-proj-${r.chars(B64U, 74)}T3BlbkFJ${r.chars(B64U, 74)}`, self: true, bearer: true },
  { family: 'openai', what: 'OpenAI legacy key', names: ['OPENAI_API_KEY'], make: (r) => `sk-${r.chars(AN, 20)}T3BlbkFJ${r.chars(AN, 20)}`, self: true, bearer: true },
  { family: 'anthropic', what: 'Anthropic key', names: ['ANTHROPIC_API_KEY', 'CLAUDE_API_KEY'], make: (r) => `sk-ant-api03-${r.chars(B64U, 93)}AA`, self: true },
  { family: 'huggingface', what: 'Hugging Face token', names: ['HF_TOKEN', 'HUGGINGFACE_HUB_TOKEN', 'HF_API_KEY'], make: (r) => `hf_${r.chars(AZ + az, 34)}`, self: true, bearer: true },
  { family: 'groq', what: 'Groq key', names: ['GROQ_API_KEY'], make: (r) => `gsk_${r.chars(AN, 52)}`, self: true, bearer: true },
  { family: 'replicate', what: 'Replicate token', names: ['REPLICATE_API_TOKEN'], make: (r) => `r8_${r.chars(AN, 37)}`, self: true, bearer: true },
  { family: 'cohere', what: 'Cohere key', names: ['COHERE_API_KEY', 'CO_API_KEY'], make: (r) => r.chars(AN, 40), self: false },
  { family: 'mistral', what: 'Mistral key', names: ['MISTRAL_API_KEY'], make: (r) => r.chars(AN, 32), self: false },
  // Observability
  { family: 'datadog', what: 'Datadog API key', names: ['DD_API_KEY', 'DATADOG_API_KEY'], make: (r) => r.chars(hex, 32), self: false },
  { family: 'datadog', what: 'Datadog app key', names: ['DD_APP_KEY', 'DATADOG_APP_KEY'], make: (r) => r.chars(hex, 40), self: false },
  { family: 'newrelic', what: 'New Relic user key', names: ['NEW_RELIC_API_KEY', 'NEWRELIC_API_KEY'], make: (r) => `NRAK-${r.chars(AZD, 27)}`, self: true },
  { family: 'newrelic', what: 'New Relic license key', names: ['NEW_RELIC_LICENSE_KEY'], make: (r) => `${r.chars(hex, 36)}NRAL`, self: true },
  { family: 'sentry', what: 'Sentry auth token', names: ['SENTRY_AUTH_TOKEN'], make: (r) => `sntrys_${b64json({ iat: 1700000000 + r.below(9e6), url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: `acme-${r.chars(az, 5)}` })}_${r.chars(B64, 43)}`, self: true, bearer: true },
  { family: 'grafana', what: 'Grafana SA token', names: ['GRAFANA_API_KEY', 'GRAFANA_TOKEN'], make: (r) => `glsa_${r.chars(AN, 32)}_${r.chars(hex, 8)}`, self: true, bearer: true },
  { family: 'grafana', what: 'Grafana Cloud token', names: ['GRAFANA_CLOUD_TOKEN'], make: (r) => `glc_${Buffer.from(JSON.stringify({ o: String(r.range(100000, 999999)), n: `stack-${r.range(100000, 999999)}-hl-write-logs`, k: r.chars(AN, 24), m: { r: 'prod-us-east-0' } })).toString('base64')}`, self: true },
  { family: 'pagerduty', what: 'PagerDuty key', names: ['PAGERDUTY_TOKEN', 'PAGERDUTY_API_KEY'], make: (r) => `u+${r.chars(AN + '_-', 18)}`, self: false },
  { family: 'dynatrace', what: 'Dynatrace token', names: ['DT_API_TOKEN', 'DYNATRACE_TOKEN'], make: (r) => `dt0c01.${r.chars(AZD, 24)}.${r.chars(AZD, 64)}`, self: true },
  // DevOps / SaaS
  { family: 'vault', what: 'Vault token', names: ['VAULT_TOKEN'], make: (r) => `hvs.CAESI${r.chars(B64U, 90)}`, self: true },
  { family: 'terraform', what: 'Terraform Cloud token', names: ['TFE_TOKEN', 'TF_API_TOKEN', 'TF_TOKEN_app_terraform_io'], make: (r) => `${r.chars(AN, 14)}.atlasv1.${r.chars(AN, 67)}`, self: true },
  { family: 'doppler', what: 'Doppler token', names: ['DOPPLER_TOKEN'], make: (r) => `dp.st.prd.${r.chars(AN, 43)}`, self: true },
  { family: 'pulumi', what: 'Pulumi token', names: ['PULUMI_ACCESS_TOKEN'], make: (r) => `pul-${r.chars(hex, 40)}`, self: true },
  { family: 'cloudflare', what: 'Cloudflare API token', names: ['CLOUDFLARE_API_TOKEN', 'CF_API_TOKEN'], make: (r) => r.chars(B64U, 40), self: false },
  { family: 'vercel', what: 'Vercel token', names: ['VERCEL_TOKEN'], make: (r) => r.chars(AN, 24), self: false },
  { family: 'supabase', what: 'Supabase PAT', names: ['SUPABASE_ACCESS_TOKEN'], make: (r) => `sbp_${r.chars(hex, 40)}`, self: true },
  { family: 'supabase', what: 'Supabase service role JWT', names: ['SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_KEY'], make: (r) => `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${b64json({ iss: 'supabase', ref: r.chars(az, 20), role: 'service_role', iat: 1690000000 + r.below(1e7), exp: 2005000000 + r.below(1e7) })}.${r.chars(B64U, 43)}`, self: true, bearer: true },
  { family: 'sonar', what: 'Sonar token', names: ['SONAR_TOKEN'], make: (r) => `sqp_${r.chars(hex, 40)}`, self: true },
  { family: 'linear', what: 'Linear key', names: ['LINEAR_API_KEY'], make: (r) => `lin_api_${r.chars(AN, 40)}`, self: true },
  { family: 'notion', what: 'Notion token', names: ['NOTION_TOKEN', 'NOTION_API_KEY'], make: (r) => `ntn_${r.chars(D, 11)}${r.chars(AN, 35)}`, self: true, bearer: true },
  { family: 'postman', what: 'Postman key', names: ['POSTMAN_API_KEY'], make: (r) => `PMAK-${r.chars(hex, 24)}-${r.chars(hex, 34)}`, self: true },
  { family: 'okta', what: 'Okta token', names: ['OKTA_API_TOKEN', 'OKTA_CLIENT_TOKEN'], make: (r) => `00${r.chars(B64U, 40)}`, self: false },
  { family: 'auth0', what: 'Auth0 client secret', names: ['AUTH0_CLIENT_SECRET'], make: (r) => r.chars(B64U, 64), self: false },
  { family: 'age', what: 'age key', names: ['SOPS_AGE_KEY'], make: (r) => `AGE-SECRET-KEY-1${r.chars('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)}`, self: true },
  { family: 'databricks', what: 'Databricks token', names: ['DATABRICKS_TOKEN'], make: (r) => `dapi${r.chars(hex, 32)}`, self: true, bearer: true },
  { family: 'tailscale', what: 'Tailscale auth key', names: ['TS_AUTHKEY', 'TAILSCALE_AUTHKEY'], make: (r) => `tskey-auth-k${r.chars(AN, 11)}CNTRL-${r.chars(AN, 33)}`, self: true },
  { family: 'facebook', what: 'Meta access token', names: ['FB_ACCESS_TOKEN', 'META_PAGE_TOKEN'], make: (r) => `EAAG${r.chars(AN, 180)}`, self: false, bearer: true },
  // Generic: credentials with no provider format
  { family: 'generic', what: 'database password', names: ['DB_PASSWORD', 'POSTGRES_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'DATABASE_PASSWORD', 'PGPASSWORD'], make: humanPassword, self: false },
  { family: 'generic', what: 'admin password', names: ['ADMIN_PASSWORD', 'GRAFANA_ADMIN_PASSWORD', 'KEYCLOAK_ADMIN_PASSWORD', 'RABBITMQ_DEFAULT_PASS'], make: humanPassword, self: false },
  { family: 'generic', what: 'session/JWT secret', names: ['JWT_SECRET', 'SESSION_SECRET', 'COOKIE_SECRET', 'APP_SECRET_KEY'], make: (r) => (r.coin() ? r.chars(hex, 64) : r.chars(B64, 44)), self: false },
  { family: 'generic', what: 'internal API key', names: ['INTERNAL_API_KEY', 'PARTNER_API_KEY', 'SERVICE_TOKEN', 'ACME_API_TOKEN'], make: (r) => r.chars(AN, r.range(28, 40)), self: false, bearer: true },
  { family: 'generic', what: 'webhook secret', names: ['WEBHOOK_SECRET', 'GITHUB_WEBHOOK_SECRET', 'HMAC_SECRET'], make: (r) => r.chars(AN + '_-', 36), self: false },
  { family: 'generic', what: 'OAuth client secret', names: ['OAUTH_CLIENT_SECRET', 'CLIENT_SECRET', 'KEYCLOAK_CLIENT_SECRET'], make: (r) => r.chars(AN, 32), self: false },
];
