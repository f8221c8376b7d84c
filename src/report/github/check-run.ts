import type { Annotation } from '../annotations.js';
import type { GitHubClient } from './client.js';
import { explainGitHubError } from './errors.js';

/** Stable, so organisation admins can make it a required check. */
export const CHECK_NAME = 'Keyward';
/** The Checks API takes at most 50 annotations per request. */
export const ANNOTATIONS_PER_REQUEST = 50;

export interface CheckRunOptions {
  owner: string;
  repo: string;
  headSha: string;
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  /** Markdown, at most 65,535 characters. */
  summary: string;
  annotations: readonly Annotation[];
  detailsUrl?: string;
}

function toApi(annotation: Annotation) {
  return {
    path: annotation.path,
    start_line: annotation.startLine,
    end_line: annotation.endLine,
    ...(annotation.startLine === annotation.endLine && annotation.startColumn !== undefined ? { start_column: annotation.startColumn, end_column: annotation.endColumn } : {}),
    annotation_level: annotation.level,
    title: annotation.title.slice(0, 255),
    message: annotation.message.slice(0, 60_000),
  };
}

/**
 * A `Keyward` check run on the head commit carrying every annotation: created with the first 50, then PATCHed 50 at a
 * time (GitHub appends annotations across updates), completed with the conclusion on the last request.
 */
export async function publishCheckRun(client: GitHubClient, options: CheckRunOptions): Promise<{ id: number; url?: string; requests: number }> {
  const batches: ReturnType<typeof toApi>[][] = [];
  for (let i = 0; i < options.annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(options.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST).map(toApi));
  if (batches.length === 0) batches.push([]);
  const summary = options.summary.length > 65_000 ? `${options.summary.slice(0, 65_000)}\n\n…(truncated)` : options.summary;
  const output = (annotations: ReturnType<typeof toApi>[]) => ({ title: options.title, summary, ...(annotations.length ? { annotations } : {}) });
  const complete = { status: 'completed' as const, conclusion: options.conclusion, completed_at: new Date().toISOString() };
  const last = batches.length - 1;
  let id: number;
  let url: string | undefined;
  try {
    const { data } = await client.rest.checks.create({
      owner: options.owner,
      repo: options.repo,
      name: CHECK_NAME,
      head_sha: options.headSha,
      ...(options.detailsUrl ? { details_url: options.detailsUrl } : {}),
      ...(last === 0 ? complete : { status: 'in_progress' as const }),
      output: output(batches[0]!),
    });
    id = data.id;
    url = data.html_url ?? undefined;
  } catch (error) {
    throw explainGitHubError(error, 'check-run', 'creating the Keyward check run');
  }
  for (let i = 1; i <= last; i++) {
    try {
      await client.rest.checks.update({ owner: options.owner, repo: options.repo, check_run_id: id, ...(i === last ? complete : {}), output: output(batches[i]!) });
    } catch (error) {
      throw explainGitHubError(error, 'check-run', `adding annotations ${i * ANNOTATIONS_PER_REQUEST + 1}–${Math.min((i + 1) * ANNOTATIONS_PER_REQUEST, options.annotations.length)} to check run ${id}`);
    }
  }
  return { id, url, requests: batches.length };
}
