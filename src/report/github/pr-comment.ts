import { resolveTokenIdentity, writtenBy, type GitHubClient, type GitHubLog, type TokenIdentity } from './client.js';
import { PR_COMMENT_MARKER } from './comment.js';
import { explainGitHubError } from './errors.js';

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

export type CommentOutcome =
  | { action: 'created' | 'updated' | 'resolved'; id: number; url?: string }
  | { action: 'none' };

interface IssueComment {
  id: number;
  body?: string | null;
  html_url?: string;
  user?: { login?: string; id?: number; type?: string } | null;
}

/**
 * Keyward's own comments on the pull request (normally one), oldest first; pages through every comment. The marker is
 * text anyone can type, so a comment counts only when the token's own account wrote it.
 */
export async function findKeywardComments(client: GitHubClient, pr: PullRequestRef, identity: TokenIdentity): Promise<IssueComment[]> {
  try {
    const comments = await client.paginate(client.rest.issues.listComments, { owner: pr.owner, repo: pr.repo, issue_number: pr.number, per_page: 100 });
    return comments.filter((c) => c.body?.includes(PR_COMMENT_MARKER) && writtenBy(c, identity));
  } catch (error) {
    throw explainGitHubError(error, 'comment', `listing the comments of #${pr.number}`);
  }
}

/**
 * Keeps exactly one Keyward comment on the pull request. With a body: edit the existing comment (found by the marker,
 * written by the token's own account) or create it; a body function gets the existing comment's text. With
 * `resolvedBody` (the PR is clean): edit an existing comment to say so, or do nothing. Stray duplicates from concurrent
 * runs are deleted. Comments by any other account are never edited or deleted, whatever they contain; when the
 * token's identity cannot be told, nothing is edited or deleted.
 */
export async function syncPrComment(client: GitHubClient, pr: PullRequestRef, content: { body: string | ((previous: string | undefined) => string) } | { resolvedBody: string }, log: GitHubLog, options: { identity?: TokenIdentity; appSlug?: string } = {}): Promise<CommentOutcome> {
  const identity = options.identity ?? (await resolveTokenIdentity(client, { appSlug: options.appSlug }));
  if (!identity) log.warning('Could not tell which account the token writes as (GET /user failed); creating a new comment and editing or deleting none.');
  const existing = identity ? await findKeywardComments(client, pr, identity) : [];
  const [first, ...duplicates] = existing;
  for (const duplicate of duplicates) {
    try {
      await client.rest.issues.deleteComment({ owner: pr.owner, repo: pr.repo, comment_id: duplicate.id });
    } catch (error) {
      log.warning(explainGitHubError(error, 'comment', `deleting duplicate comment ${duplicate.id}`).message);
    }
  }
  // A body built from the previous comment (what it saw, for "new since the last push").
  const body = 'body' in content ? (typeof content.body === 'function' ? content.body(first?.body ?? undefined) : content.body) : content.resolvedBody;
  try {
    if (first) {
      if (first.body === body) return { action: 'body' in content ? 'updated' : 'resolved', id: first.id, url: first.html_url };
      if (!('body' in content) && first.body?.includes('Keyward: ✅ resolved')) return { action: 'resolved', id: first.id, url: first.html_url };
      const { data } = await client.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: first.id, body });
      return { action: 'body' in content ? 'updated' : 'resolved', id: data.id, url: data.html_url };
    }
    if (!('body' in content)) return { action: 'none' };
    const { data } = await client.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body });
    return { action: 'created', id: data.id, url: data.html_url };
  } catch (error) {
    throw explainGitHubError(error, 'comment', `${first ? 'updating' : 'creating'} the comment on #${pr.number}`);
  }
}
