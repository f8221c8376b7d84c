import { createRandom, BASE64, type Random } from '../corpus/prng.js';
import { secretKinds } from '../corpus/secrets.js';
import { TestRepo } from '../helpers/git.js';

/**
 * A realistic leaky pull request, built with the git CLI: about 30 secrets over two pushes. The first push adds most
 * of them, including a debug file whose key the second push deletes again (added then removed: only in history). The
 * second push adds three more. Shared by the layout test and scripts/pr-comment-screenshot.sh.
 */
export interface PrScenario {
  repo: TestRepo;
  baseSha: string;
  head1: string;
  head2: string;
  /** Every raw secret planted, for asserting none is ever published. */
  secrets: string[];
  /** The key added in the first push and deleted in the second. */
  removedKey: string;
}

function value(r: Random, name: string): string {
  const kind = secretKinds.find((k) => k.name === name);
  if (!kind) throw new Error(`no secret kind named ${name}`);
  return kind.value(r);
}

function pem(r: Random): string {
  return `-----BEGIN RSA PRIVATE KEY-----\n${Array.from({ length: 25 }, () => r.string(BASE64, 64)).join('\n')}\n-----END RSA PRIVATE KEY-----\n`;
}

const AUTHOR = { author: 'Dana Dev', email: 'dana@example.com' };

export function buildPrScenario(seed = 15): PrScenario {
  const r = createRandom(seed);
  const secrets: string[] = [];
  const v = (name: string) => {
    const secret = value(r, name);
    secrets.push(secret);
    return secret;
  };
  const env = (entries: [string, string][]) => entries.map(([name, secret]) => `${name}=${secret}`).join('\n') + '\n';
  const repo = new TestRepo();
  const baseSha = repo.commit('base', {
    'README.md': '# shop\n',
    '.github/CODEOWNERS': '* @acme/shop-team\n',
    'src/app.ts': 'export const app = true;\n',
  });
  const key = pem(r);
  secrets.push(key.split('\n')[1]!);
  const sessionKey = `ASIA${r.string('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
  secrets.push(sessionKey);
  const removedKey = v('AWS_ACCESS_KEY_ID');
  const head1 = repo.commit(
    'add deployment config',
    {
      'config/production.env': env([
        ['AWS_ACCESS_KEY_ID', v('AWS_ACCESS_KEY_ID')],
        ['DATABASE_URL', v('DATABASE_URL')],
        ['MONGO_URI', v('MONGO_URI')],
        ['REDIS_URL', v('REDIS_URL')],
        ['SENDGRID_API_KEY', v('SENDGRID_API_KEY')],
        ['SLACK_BOT_TOKEN', v('SLACK_BOT_TOKEN')],
        ['STRIPE_SECRET_KEY', v('STRIPE_SECRET_KEY')],
        ['DB_PASSWORD', v('DB_PASSWORD')],
        ['SMTP_PASSWORD', v('SMTP_PASSWORD')],
      ]),
      'config/staging.env': env([
        ['AWS_ACCESS_KEY_ID', v('AWS_ACCESS_KEY_ID')],
        ['AWS_SESSION_KEY_ID', sessionKey],
        ['GH_TOKEN', v('GH_TOKEN')],
        ['NPM_TOKEN', v('NPM_TOKEN')],
        ['INTERNAL_API_KEY', v('INTERNAL_API_KEY')],
      ]),
      'scripts/release.sh': `#!/bin/sh\nexport TWINE_PASSWORD=${v('TWINE_PASSWORD')}\nexport GITHUB_PAT=${v('GITHUB_PAT')}\nexport HF_TOKEN=${v('HF_TOKEN')}\n`,
      'services/billing/settings.py': `SECRET_KEY = '${v('SECRET_KEY')}'\nOPENAI_API_KEY = "${v('OPENAI_API_KEY')}"\n`,
      'services/billing/deploy/terraform/modules/shared/variables.auto.tfvars': `vault_token = "${v('VAULT_TOKEN')}"\ntfe_token = "${v('TFE_TOKEN')}"\n`,
      'keys/deploy_key.pem': key,
      'tools/publish.env': env([
        ['TWINE_PASSWORD', v('TWINE_PASSWORD')],
        ['GH_TOKEN', v('GH_TOKEN')],
        ['DATADOG_API_KEY', v('DATADOG_API_KEY')],
        ['WEBHOOK_SIGNING_SECRET', v('WEBHOOK_SIGNING_SECRET')],
      ]),
      'tmp/debug.env': env([['AWS_ACCESS_KEY_ID', removedKey]]),
    },
    { ...AUTHOR, date: '2026-11-20T10:00:00Z' },
  );
  const head2 = repo.commit(
    'notify on deploy; drop the debug file',
    {
      'src/notify.ts': `export const webhook = "${v('SLACK_WEBHOOK_URL')}";\nexport const anthropic = "${v('ANTHROPIC_API_KEY')}";\nexport const awsKeyId = "${v('AWS_ACCESS_KEY_ID')}";\n`,
      'tmp/debug.env': null,
    },
    { ...AUTHOR, date: '2026-11-21T10:00:00Z' },
  );
  return { repo, baseSha, head1, head2, secrets, removedKey };
}
