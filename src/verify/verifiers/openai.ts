import type { Outcome, Verifier, VerifyResponse } from '../types.js';
import { bearer, identityOf, text } from './shared.js';

function identityFrom(response: VerifyResponse): string | undefined {
  return identityOf(response.headers.get('openai-organization') ?? undefined, response.headers.get('openai-project') ?? undefined);
}

/** OpenAI's answer when the call is refused, read from `error.code` and `error.message` as its error docs give them. */
function refusal(response: VerifyResponse): Outcome {
  const code = text(response.json, 'error', 'code') ?? '';
  const message = (text(response.json, 'error', 'message') ?? '').slice(0, 120);
  if (response.status === 403 && /insufficient permissions|missing scopes/i.test(message)) {
    // A restricted key without the models scope still authenticated: it is live.
    return { status: 'active', identity: identityFrom(response) };
  }
  if (/ip .*not authorized|not in the allowlist/i.test(message)) return { status: 'unknown', reason: 'OpenAI refused the caller address (IP allowlist), not the key' };
  if (response.status === 401) return { status: 'inactive', reason: code ? `OpenAI: ${code}` : 'HTTP 401' };
  return { status: 'unknown', reason: `unexpected HTTP ${response.status}${code ? ` (${code})` : ''}` };
}

/**
 * OpenAI project, service-account and legacy user keys: `GET /v1/models` with the key as a Bearer header; admin keys
 * only reach the administration API, so they list one project instead (`GET /v1/organization/projects?limit=1`).
 * Both are reads. The organization (and project) come from the `openai-organization` / `openai-project` headers
 * when OpenAI sends them. A revoked or unknown key answers 401 `invalid_api_key`.
 */
export const openaiVerifier: Verifier = {
  id: 'openai',
  rules: ['openai-project-key', 'openai-service-account-key', 'openai-admin-key', 'openai-user-key'],
  baseUrl: 'https://api.openai.com',
  ratePerSecond: 3,
  async verify({ ruleId, secret }, http): Promise<Outcome> {
    const path = ruleId === 'openai-admin-key' ? '/v1/organization/projects?limit=1' : '/v1/models';
    const response = await http.request(path, { headers: bearer(secret) });
    if (response.status === 200) return { status: 'active', identity: identityFrom(response) };
    return refusal(response);
  },
};
