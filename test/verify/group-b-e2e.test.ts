import { createPublicKey, generateKeyPairSync, verify as verifySignature } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createScanner, defaultConfig, type Finding } from '../../src/engine/index.js';
import { verifyFindings } from '../../src/verify/run.js';
import type { RecordedRequest } from '../servers/http.js';
import { providerServer } from './harness.js';
import { ALNUM, DIGITS, randomFrom } from '../helpers/fake-secrets.js';

const scanner = createScanner({ config: { ...defaultConfig(), fingerprintKey: 'test-key' } });

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const EMAIL = 'deployer@acme-prod.iam.gserviceaccount.com';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
const AZURE_SECRET = `${randomFrom(ALNUM, 3)}8Q~${randomFrom(ALNUM, 34)}`;
const DO_TOKEN = `dop_v1_${'a1'.repeat(32)}`;
const BOT_TOKEN = `${randomFrom(DIGITS, 10)}:AA${randomFrom(ALNUM, 33)}`;

const files: Record<string, string> = {
  'keys/sa.json': JSON.stringify({
    type: 'service_account', project_id: 'acme-prod', private_key_id: 'a'.repeat(40), client_email: EMAIL, token_uri: 'https://attacker.example/token',
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  }, null, 2),
  'deploy/.env': `AZURE_TENANT_ID=${TENANT}\nAZURE_CLIENT_ID=${CLIENT}\nAZURE_CLIENT_SECRET=${AZURE_SECRET}\nDIGITALOCEAN_TOKEN=${DO_TOKEN}\nTELEGRAM_BOT_TOKEN=${BOT_TOKEN}\n`,
};

function signedByTheKey(req: RecordedRequest): boolean {
  const [header = '', claims = '', signature = ''] = (new URLSearchParams(req.body).get('assertion') ?? '').split('.');
  return verifySignature('sha256', Buffer.from(`${header}.${claims}`), createPublicKey(publicKey.export({ type: 'spki', format: 'pem' })), Buffer.from(signature, 'base64url'));
}

describe('group-B verifiers in the verify pipeline', () => {
  it('verifies scanned GCP, Azure, DigitalOcean and Telegram credentials through KEYWARD_VERIFY_ENDPOINTS, each at its own stand-in', async () => {
    const google = await providerServer([{ method: 'POST', path: '/token', handler: (req) => (signedByTheKey(req) ? { body: { access_token: 'ya29.x', expires_in: 3599 } } : { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' } }) }]);
    const entra = await providerServer([{ method: 'POST', path: '/:tenant/oauth2/v2.0/token', handler: (req) => (new URLSearchParams(req.body).get('client_secret') === AZURE_SECRET ? { body: { access_token: 'a.b.c', expires_in: 3599 } } : { status: 401, body: { error: 'invalid_client', error_codes: [7000215] } }) }]);
    const digitalocean = await providerServer([{ method: 'GET', path: '/v2/account', handler: (req) => (req.headers.authorization === `Bearer ${DO_TOKEN}` ? { body: { account: { email: 'sammy@example.com' } } } : { status: 401, body: {} }) }]);
    const telegram = await providerServer([{ method: 'GET', path: '/:bot/getMe', handler: (_req, params) => (params.bot === `bot${BOT_TOKEN}` ? { body: { ok: true, result: { id: 5829371046, username: 'acme_bot' } } } : { status: 401, body: { ok: false } }) }]);
    const findings: Finding[] = Object.entries(files).flatMap(([path, text]) => scanner.scanBuffer(Buffer.from(text), path).findings);
    const env = { KEYWARD_VERIFY_ENDPOINTS: JSON.stringify({ gcp: google.url, azure: entra.url, digitalocean: digitalocean.url, telegram: telegram.url }) };
    await verifyFindings(findings, { lookup: (finding) => Buffer.from(files[finding.path]!), scanner, env });

    const byRule = Object.fromEntries(findings.map((finding) => [finding.ruleId, finding.verification]));
    expect(byRule['gcp-service-account-key']).toMatchObject({ status: 'active', identity: EMAIL, verifier: 'gcp' });
    expect(byRule['azure-ad-client-secret']).toMatchObject({ status: 'active', identity: `application ${CLIENT} in tenant ${TENANT}`, verifier: 'azure' });
    expect(byRule['digitalocean-personal-access-token']).toMatchObject({ status: 'active', identity: 'sammy@example.com', verifier: 'digitalocean' });
    expect(byRule['telegram-bot-token']).toMatchObject({ status: 'active', identity: '@acme_bot (bot 5829371046)', verifier: 'telegram' });
    for (const [server, count] of [[google, 1], [entra, 1], [digitalocean, 1], [telegram, 1]] as const) expect(server.requests).toHaveLength(count);
    expect(JSON.stringify(findings)).not.toContain(AZURE_SECRET);
    expect(JSON.stringify(findings)).not.toContain(DO_TOKEN);
  });
});
