import type { Verifier } from './types.js';

/** A verify endpoint override that cannot be used: the message names the variable and the provider id. */
export class VerifyConfigError extends Error {}

export const ENDPOINTS_ENV = 'KEYWARD_VERIFY_ENDPOINTS';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

/** 127.0.0.0/8, ::1 and localhost: the only hosts an override may reach over plain http (tests, local emulators). */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function checkedOverride(raw: string, source: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new VerifyConfigError(`${source}: not a URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new VerifyConfigError(`${source}: must be https (plain http only to a loopback host), not ${url.protocol}//${url.host}`);
  }
  if (url.username || url.password) throw new VerifyConfigError(`${source}: must not carry a user name or password`);
  return url.toString().replace(/\/+$/, '');
}

function parseOverrides(env: NodeJS.ProcessEnv, known: ReadonlySet<string>): Map<string, string> {
  const raw = env[ENDPOINTS_ENV]?.trim();
  if (!raw) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new VerifyConfigError(`${ENDPOINTS_ENV} is not valid JSON; it takes an object from provider id to base URL, e.g. {"github":"https://ghe.example.com/api/v3"}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new VerifyConfigError(`${ENDPOINTS_ENV} must be a JSON object from provider id to base URL`);
  const overrides = new Map<string, string>();
  for (const [id, value] of Object.entries(parsed)) {
    if (!known.has(id)) throw new VerifyConfigError(`${ENDPOINTS_ENV} names "${id.slice(0, 40)}", which is no verifier's id (known: ${[...known].sort().join(', ')})`);
    if (typeof value !== 'string') throw new VerifyConfigError(`${ENDPOINTS_ENV}.${id} must be a URL string`);
    overrides.set(id, checkedOverride(value, `${ENDPOINTS_ENV}.${id}`));
  }
  return overrides;
}

/**
 * The base URL each verifier calls: its fixed provider URL, unless the environment overrides it
 * (KEYWARD_VERIFY_ENDPOINTS first, then the verifier's standard variable such as GITHUB_API_URL). Never from a
 * repository's config or the scanned content. Throws VerifyConfigError on a malformed or unusable override.
 */
export function resolveEndpoints(env: NodeJS.ProcessEnv, verifiers: readonly Verifier[]): Map<string, string> {
  const overrides = parseOverrides(env, new Set(verifiers.map((v) => v.id)));
  const endpoints = new Map<string, string>();
  for (const verifier of verifiers) {
    const standard = verifier.baseUrlEnv ? env[verifier.baseUrlEnv]?.trim() : undefined;
    const chosen = overrides.get(verifier.id) ?? (standard ? checkedOverride(standard, verifier.baseUrlEnv!) : verifier.baseUrl);
    endpoints.set(verifier.id, chosen);
  }
  return endpoints;
}
