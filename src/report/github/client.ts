import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export interface GitHubLog {
  info(message: string): void;
  warning(message: string): void;
}

export interface GitHubClientOptions {
  token: string;
  /** REST root, e.g. https://api.github.com or GITHUB_API_URL on GitHub Enterprise Server. */
  baseUrl: string;
  log: GitHubLog;
  /** Retries for 5xx and rate limits. */
  retries?: number;
  /** Milliseconds a retry waits per unit of back-off (the plugins' default is 1000); tests make it tiny. */
  retryBaseMs?: number;
  /** GitHub asks integrations to space writes (1 s; 3 s for notifying ones); off only for loopback tests. */
  spaceWrites?: boolean;
  userAgent?: string;
}

/** Logs each failed attempt that will be retried; registered before the retry and throttling plugins so it sees every attempt, not only the last. */
function logRetries(octokit: { hook: Octokit['hook'] }, pluginOptions: Record<string, unknown>) {
  const options = pluginOptions as { keywardLog?: GitHubLog; keywardRetries?: number };
  octokit.hook.error('request', (error, request) => {
    const status = (error as { status?: number }).status;
    if (options.keywardLog && status !== undefined && (status >= 500 || status === 429)) options.keywardLog.warning(`GitHub API answered ${status} on ${request.method} ${request.url}; retrying with back-off (up to ${options.keywardRetries ?? 3} times).`);
    throw error;
  });
  return {};
}

const KeywardOctokit = Octokit.plugin(logRetries, retry, throttling);
export type GitHubClient = InstanceType<typeof KeywardOctokit>;

/** A limiter group that runs jobs at once, for when write spacing is switched off. */
const immediateGroup = {
  key: () => ({ schedule: (...args: unknown[]) => (typeof args[0] === 'function' ? (args[0] as () => unknown)() : (args[1] as () => unknown)()) }),
};

/** Octokit with retry (5xx, network) and throttling (primary and secondary rate limits), each retry logged. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const retries = options.retries ?? 3;
  const base = options.retryBaseMs ?? 1000;
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const again = retryCount < retries;
    options.log.warning(`GitHub API ${kind} on ${request.method} ${request.url}; ${again ? `retrying after ${retryAfter} s (attempt ${retryCount + 2} of ${retries + 1})` : 'giving up'}.`);
    return again;
  };
  const client = new KeywardOctokit({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'keyward-action',
    keywardLog: options.log,
    keywardRetries: retries,
    log: { debug: () => {}, info: () => {}, warn: (message: string) => options.log.warning(message), error: () => {} },
    retry: { retries, retryAfterBaseValue: base },
    throttle: {
      retryAfterBaseValue: base,
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
      ...(options.spaceWrites === false ? { write: immediateGroup as never, notifications: immediateGroup as never } : {}),
    },
  });
  return client;
}

/** Who the token acts as: the account whose comments Keyward may edit or delete, and no other. */
export interface TokenIdentity {
  login: string;
  /** Known for user tokens (GET /user); bot logins are matched by login and account type. */
  id?: number;
  kind: 'user' | 'bot';
}

/** The bot a GitHub App installation token writes as: `<slug>[bot]`; the workflow's GITHUB_TOKEN is the `github-actions` app. */
export function appBotLogin(appSlug = 'github-actions'): string {
  return `${appSlug}[bot]`;
}

/**
 * The token's identity. A user token (PAT, OAuth) reads its account from GET /user. An installation token (the
 * workflow's GITHUB_TOKEN, or an app's) cannot: GitHub answers 403 "Resource not accessible by integration", and GET
 * /app takes only the app's JWT; such a token writes as `<app slug>[bot]`, so the slug is taken from `appSlug`
 * (default `github-actions`). Undefined when GitHub could not be asked: then Keyward edits and deletes nothing.
 */
export async function resolveTokenIdentity(client: GitHubClient, options: { appSlug?: string } = {}): Promise<TokenIdentity | undefined> {
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return { login: data.login, id: data.id, kind: data.type === 'Bot' ? 'bot' : 'user' };
  } catch (error) {
    const status = (error as { status?: number }).status;
    const message = String((error as { response?: { data?: { message?: unknown } } }).response?.data?.message ?? '');
    if (status === 403 && /not accessible by integration/i.test(message)) return { login: appBotLogin(options.appSlug), kind: 'bot' };
    return undefined;
  }
}

/** True when the comment was written by the token's own account. */
export function writtenBy(comment: { user?: { login?: string; id?: number; type?: string } | null }, identity: TokenIdentity): boolean {
  const user = comment.user;
  if (!user?.login || user.login.toLowerCase() !== identity.login.toLowerCase()) return false;
  if (identity.id !== undefined && user.id !== identity.id) return false;
  return identity.kind === 'bot' ? user.type === 'Bot' : true;
}
