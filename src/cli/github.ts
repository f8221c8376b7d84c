import { writeErr } from './output.js';
import { execFileSync } from 'node:child_process';
import { createGitHubClient, type GitHubClient } from '../report/github/index.js';
import { UsageError } from './args.js';

export interface CliGitHub {
  client: GitHubClient;
  owner: string;
  repo: string;
}

/** `owner/name` of a GitHub remote URL (https, ssh or scp-like), or undefined for any other URL. */
export function repoFromRemote(url: string): string | undefined {
  const match = /^(?:https?:\/\/(?:[^@/]+@)?[^/]+\/|ssh:\/\/git@[^/]+\/|git@[^:]+:)([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(url.trim());
  return match ? `${match[1]}/${match[2]}` : undefined;
}

export function originRepo(dir: string): string | undefined {
  try {
    return repoFromRemote(execFileSync('git', ['remote', 'get-url', 'origin'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return undefined;
  }
}

/**
 * The API client for commands that read the repository's settings: the token from GITHUB_TOKEN or GH_TOKEN, the API
 * root from GITHUB_API_URL (GitHub Enterprise Server), the repository from --repo, GITHUB_REPOSITORY or the origin
 * remote. Undefined when there is no token and it is optional.
 */
export function cliGitHub(dir: string, repoArg: string | undefined, options: { required: boolean }): CliGitHub | undefined {
  const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
  const full = repoArg ?? process.env.GITHUB_REPOSITORY ?? originRepo(dir);
  if (!token) {
    if (options.required || repoArg) throw new UsageError('set GITHUB_TOKEN (or GH_TOKEN) to a token that can read the repository\'s Actions secrets ("Secrets: read")');
    return undefined;
  }
  if (!full) throw new UsageError('which repository? pass --repo OWNER/NAME (no GitHub origin remote was found)');
  const [owner, repo] = full.split('/') as [string, string];
  const log = { info: (m: string) => writeErr(`keyward: ${m}\n`), warning: (m: string) => writeErr(`keyward: warning: ${m}\n`) };
  const retryBaseMs = process.env.KEYWARD_GITHUB_RETRY_BASE_MS ? Number(process.env.KEYWARD_GITHUB_RETRY_BASE_MS) : undefined;
  const client = createGitHubClient({ token, baseUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com', log, retryBaseMs, spaceWrites: false });
  return { client, owner, repo };
}
