export { appBotLogin, createGitHubClient, resolveTokenIdentity, writtenBy, type GitHubClient, type GitHubClientOptions, type GitHubLog, type TokenIdentity } from './client.js';
export { explainGitHubError, permissionFor, GitHubApiError, type GitHubOperation } from './errors.js';
export { PR_COMMENT_MARKER, renderPrComment, renderResolvedComment, blobUrl, previousSeen, addressAuthor, type CommentContext, type PrCommentOptions } from './comment.js';
export { syncPrComment, findKeywardComments, type PullRequestRef, type CommentOutcome } from './pr-comment.js';
export { publishCheckRun, CHECK_NAME, ANNOTATIONS_PER_REQUEST, type CheckRunOptions } from './check-run.js';
