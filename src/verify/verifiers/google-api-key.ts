import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier, VerifyResponse } from '../types.js';
import { text, valueAt } from './shared.js';

/**
 * google.rpc.ErrorInfo reasons that Google gives only after it has recognised the key: the key is live, but the
 * probe's API is off in its project or the key is restricted to other APIs, referrers, addresses or apps.
 */
const LIVE_BUT_RESTRICTED: Record<string, string> = {
  SERVICE_DISABLED: 'the Generative Language API is not enabled in its project',
  API_KEY_SERVICE_BLOCKED: 'the key is restricted to other APIs',
  API_KEY_HTTP_REFERRER_BLOCKED: 'the key is restricted to certain HTTP referrers',
  API_KEY_IP_ADDRESS_BLOCKED: 'the key is restricted to certain IP addresses',
  API_KEY_ANDROID_APP_BLOCKED: 'the key is restricted to certain Android apps',
  API_KEY_IOS_APP_BLOCKED: 'the key is restricted to certain iOS apps',
};
const DEAD: Record<string, string> = {
  API_KEY_INVALID: 'Google: API key not valid',
  API_KEY_EXPIRED: 'Google: API key expired',
};

function errorInfo(json: unknown): { reason?: string; consumer?: string } {
  const details = valueAt(json, 'error', 'details');
  const info = Array.isArray(details) ? details.find((detail) => text(detail, 'reason')) : undefined;
  return { reason: text(info, 'reason'), consumer: text(info, 'metadata', 'consumer') };
}

function settleKey(response: VerifyResponse): Outcome {
  const outcome = outcomeOfStatus(response.status);
  if (outcome.status === 'active') return { status: 'active' };
  const { reason, consumer } = errorInfo(response.json);
  const project = consumer?.match(/^projects\/([0-9]{1,20})$/)?.[1];
  if (reason && DEAD[reason]) return { status: 'inactive', reason: DEAD[reason] };
  if (reason && LIVE_BUT_RESTRICTED[reason]) return { status: 'active', identity: project && `project ${project}`, reason: `recognised by Google; ${LIVE_BUT_RESTRICTED[reason]}` };
  if (response.status === 400 && /api key not valid/i.test(text(response.json, 'error', 'message') ?? '')) return { status: 'inactive', reason: DEAD.API_KEY_INVALID };
  // A 403 without a reason that names the key says nothing about the key itself.
  return outcome.status === 'inactive' ? { status: 'unknown', reason: `HTTP ${response.status} without a key error` } : outcome;
}

/**
 * Google API keys (AIza...): Google checks the key before anything else, so one read-only call settles it. The probe
 * lists the Generative Language API's models (`GET /v1beta/models`, the key in `x-goog-api-key` as the docs show); a
 * recognised key whose project has that API off, or that is restricted elsewhere, answers with an ErrorInfo reason
 * naming its project, and is live all the same.
 */
export const googleApiKey: Verifier = {
  id: 'google-api-key',
  rules: ['gcp-api-key'],
  baseUrl: 'https://generativelanguage.googleapis.com',
  ratePerSecond: 5,
  async verify(credential, http) {
    return settleKey(await http.request('/v1beta/models?pageSize=1', { headers: { 'x-goog-api-key': credential.secret, accept: 'application/json' } }));
  },
};
