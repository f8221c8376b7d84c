/** The `permissions:` entry each kind of call needs, for naming it when GitHub says the token may not. */
export type GitHubOperation = 'comment' | 'check-run' | 'read-pull' | 'read-contents';

const PERMISSION: Record<GitHubOperation, string> = {
  comment: 'pull-requests: write',
  'check-run': 'checks: write',
  'read-pull': 'pull-requests: read',
  'read-contents': 'contents: read',
};

export function permissionFor(operation: GitHubOperation): string {
  return PERMISSION[operation];
}

interface RequestErrorLike {
  status?: number;
  message?: string;
  response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
  request?: { method?: string; url?: string };
}

/** A GitHub API failure in words: what was called, what came back and, for a permission error, what to add. */
export class GitHubApiError extends Error {
  readonly status: number | undefined;
  readonly permissionDenied: boolean;

  constructor(message: string, status: number | undefined, permissionDenied: boolean) {
    super(message);
    this.name = 'GitHubApiError';
    this.status = status;
    this.permissionDenied = permissionDenied;
  }
}

function apiMessage(error: RequestErrorLike): string {
  const data = error.response?.data;
  if (data && typeof data === 'object' && 'message' in data && typeof (data as { message: unknown }).message === 'string') return (data as { message: string }).message;
  return (error.message ?? String(error)).split('\n')[0] ?? '';
}

/**
 * Turns an Octokit error into a GitHubApiError. A 403 that is not a rate limit ("Resource not accessible by
 * integration") means the workflow token lacks a permission, so the message names the `permissions:` entry.
 */
export function explainGitHubError(error: unknown, operation: GitHubOperation, what: string): GitHubApiError {
  const e = (error ?? {}) as RequestErrorLike;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const message = apiMessage(e);
  const rateLimited = String(e.response?.headers?.['x-ratelimit-remaining'] ?? '') === '0' || /rate limit/i.test(message);
  const permissionDenied = (status === 403 && !rateLimited) || /not accessible by integration/i.test(message);
  if (permissionDenied) {
    return new GitHubApiError(`${what}: GitHub answered ${status ?? ''} "${message}". The token lacks \`${permissionFor(operation)}\`: add it under \`permissions:\` in the workflow (a pull request from a fork always gets a read-only token).`, status, true);
  }
  if (status === 404) return new GitHubApiError(`${what}: GitHub answered 404 "${message}" (wrong repository or number, or the token cannot see it).`, status, false);
  return new GitHubApiError(`${what}: ${status ? `GitHub answered ${status} "${message}"` : message}${rateLimited ? ' (rate limit; retries exhausted)' : ''}.`, status, false);
}
