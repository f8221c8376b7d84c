import type { Outcome, Verifier, VerifyResponse } from '../types.js';
import { identityOf, text } from './shared.js';

const API_VERSION = '2023-06-01';

function refusal(response: VerifyResponse): Outcome {
  const type = text(response.json, 'error', 'type');
  if (response.status === 401) return { status: 'inactive', reason: type ? `Anthropic: ${type}` : 'HTTP 401' };
  // permission_error: the key authenticated but may not use this resource, so it is live.
  if (response.status === 403 && type === 'permission_error') return { status: 'active', identity: identityOf(response.headers.get('anthropic-organization-id') ?? undefined) };
  return { status: 'unknown', reason: `unexpected HTTP ${response.status}${type ? ` (${type})` : ''}` };
}

/**
 * Anthropic API keys: `GET /v1/models` with `x-api-key` and `anthropic-version`; the organization id comes from the
 * `anthropic-organization-id` response header. Admin keys: `GET /v1/organizations/me`, which answers the
 * organization's name and id. A revoked or unknown key answers 401 `authentication_error`.
 */
export const anthropicVerifier: Verifier = {
  id: 'anthropic',
  rules: ['anthropic-api-key', 'anthropic-admin-key'],
  baseUrl: 'https://api.anthropic.com',
  ratePerSecond: 3,
  async verify({ ruleId, secret }, http): Promise<Outcome> {
    const admin = ruleId === 'anthropic-admin-key';
    const response = await http.request(admin ? '/v1/organizations/me' : '/v1/models', { headers: { 'x-api-key': secret, 'anthropic-version': API_VERSION } });
    if (response.status !== 200) return refusal(response);
    const organizationId = response.headers.get('anthropic-organization-id') ?? undefined;
    return { status: 'active', identity: admin ? identityOf(text(response.json, 'name'), text(response.json, 'id') ?? organizationId) : identityOf(organizationId) };
  },
};
