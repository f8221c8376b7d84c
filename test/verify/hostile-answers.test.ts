import { describe, expect, it } from 'vitest';
import { VERIFIERS } from '../../src/verify/verifiers/index.js';
import { credential, providerServer, verifyAgainst } from './harness.js';

/** The verify-a verifiers; each one's own test covers the documented answers, this one the undocumented. */
const OWN = new Set([
  'gitlab', 'slack', 'npm', 'pypi', 'dockerhub', 'huggingface', 'openai', 'anthropic', 'stripe', 'sendgrid', 'twilio', 'mailgun', 'datadog',
  'sentry', 'linear', 'postman', 'heroku', 'netlify', 'vercel', 'cloudflare', 'xai', 'groq', 'mistral', 'deepseek', 'replicate', 'elevenlabs',
  'cohere', 'honeycomb', 'resend', 'figma', 'postmark', 'brevo', 'doppler', 'launchdarkly', 'intercom', 'supabase', 'neon', 'pinecone', 'dropbox',
  'square', 'tailscale',
]);

/** Companions every verifier may look for, so each one reaches the (hostile) provider stand-in. */
const CONTEXT = [
  `TWILIO_ACCOUNT_SID=AC${'0123456789abcdef'.repeat(2)}`,
  `twilio_api_secret = "${'Q'.repeat(32)}"`,
  'DOCKERHUB_USERNAME=dana',
  'cloudflare_email = "ops@acme.test"',
  `CLOUDFLARE_ACCOUNT_ID=${'a'.repeat(32)}`,
].join('\n');

const HOSTILE_BODIES: unknown[] = [
  'not json at all <html>',
  [],
  [{ name: 7 }],
  { user: 'x'.repeat(100_000), name: { nested: true }, username: ['a'], ok: 'true', valid: 'yes', result: null, data: 'x' },
  { auth: { accessToken: { expiration: 'not a date' } }, expires_at: 'never', scopes: 'api', team: { name: 'y'.repeat(5_000) } },
];

describe('verify-a verifiers on answers no doc describes', () => {
  const own = VERIFIERS.filter((verifier) => OWN.has(verifier.id));

  it('are all in the list', () => {
    expect(own.map((verifier) => verifier.id).sort()).toEqual([...OWN].sort());
  });

  it('settle every odd 2xx and 4xx answer without failing, with a short identity and only ISO expiry', async () => {
    for (const [index, body] of HOSTILE_BODIES.entries()) {
      for (const status of [200, 404, 418]) {
        const server = await providerServer([]);
        server.injectFault({ pathPattern: /.*/, times: Number.MAX_SAFE_INTEGER, reply: { status, body } });
        for (const verifier of own) {
          const outcome = await verifyAgainst(verifier, server, credential(verifier.rules[0] ?? '', `secret-${index}-${'A'.repeat(40)}`, CONTEXT));
          const where = `${verifier.id} on HTTP ${status} body #${index}`;
          expect(['active', 'inactive', 'unknown'], where).toContain(outcome.status);
          expect(outcome.reason ?? '', where).not.toMatch(/^verifier failed/);
          expect((outcome.identity ?? '').length, where).toBeLessThanOrEqual(200);
          if (outcome.expiresAt) expect(new Date(outcome.expiresAt).toISOString(), where).toBe(outcome.expiresAt);
          if (status !== 200) expect(outcome.status, where).not.toBe('active');
        }
      }
    }
  });
});
