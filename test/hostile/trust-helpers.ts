import { PR_COMMENT_MARKER } from '../../src/report/github/comment.js';
import type { GitHubFake } from '../servers/github/index.js';
import { pullRequestEvent, type PullRequestEvent } from '../action/harness.js';

/** Lines the runner would read as a workflow command: `::name` after leading whitespace, or `##[` anywhere. */
export function commandLines(log: string): string[] {
  return log.split(/\r\n|\r|\n/).filter((line) => /^\s*::/.test(line) || line.includes('##['));
}

/**
 * The commands Keyward issues itself, through @actions/core (which escapes their properties and data); `save-state`
 * is how core saves state when the runner gives no GITHUB_STATE file, as in these tests.
 */
const OWN_COMMAND = /^::(?:error|warning|notice|group|endgroup|debug|add-mask|save-state)(?: [^:\r\n]*)?::/;

/**
 * Command lines Keyward did not issue: any other command, a line that merely starts with leading whitespace, the
 * older `##[` form, or one of Keyward's commands whose data begins with the payload marker (`\n::error::x-injected`).
 */
export function injectedCommandLines(log: string, marker = 'x-injected'): string[] {
  return commandLines(log).filter((line) => !OWN_COMMAND.test(line) || line.includes('##[') || new RegExp(`^::[\\w-]+(?: [^:]*)?::${marker}`).test(line));
}

/** A pull_request event whose PR was opened by `author`. */
export function pullRequestBy(author: string, pr: PullRequestEvent): object {
  const event = pullRequestEvent(pr) as { pull_request: Record<string, unknown> };
  return { ...event, pull_request: { ...event.pull_request, user: { login: author, type: 'User' } } };
}

export function markerComments(fake: GitHubFake, issue: number) {
  return (fake.comments.get(issue) ?? []).filter((c) => c.body.includes(PR_COMMENT_MARKER));
}

/** The log with `::add-mask::` lines removed: what a reader of the job log sees unmasked. */
export function withoutMaskCommands(log: string): string {
  return log.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');
}
