import { readFileSync } from 'node:fs';
import type { ActionInputs } from './inputs.js';

export type Plan =
  | { kind: 'diff'; base: string; head: string; describe: string; pullRequest?: PullRequestInfo }
  | { kind: 'push'; before?: string; after: string; describe: string }
  | { kind: 'history'; describe: string }
  | { kind: 'tree'; describe: string };

export interface PullRequestInfo {
  number: number;
  /** The head branch lives in another repository: the workflow token is read-only on `pull_request`. */
  fromFork: boolean;
  /** The PR author's login from the event (`pull_request.user.login`), the one person the comment addresses. */
  author?: string;
}

interface EventPayload {
  pull_request?: { number?: number; user?: { login?: unknown }; base?: { sha?: string; repo?: { full_name?: string } }; head?: { sha?: string; repo?: { full_name?: string; fork?: boolean } | null } };
  merge_group?: { base_sha?: string; head_sha?: string };
  before?: string;
  after?: string;
}

/** What to scan, from the `mode` input and the triggering event (pull request, merge queue, push, schedule). */
export function planScan(inputs: ActionInputs, env: NodeJS.ProcessEnv): Plan {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  let event: EventPayload = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as EventPayload;
    } catch (error) {
      throw new Error(`cannot read the event payload ${env.GITHUB_EVENT_PATH}: ${(error as Error).message}`);
    }
  }
  const mode = inputs.mode === 'auto' ? autoMode(eventName) : inputs.mode;
  if (mode === 'diff') {
    const base = inputs.base ?? event.pull_request?.base?.sha ?? event.merge_group?.base_sha;
    const head = inputs.head ?? event.pull_request?.head?.sha ?? event.merge_group?.head_sha ?? env.GITHUB_SHA;
    if (!base || !head) throw new Error(`mode diff needs a base and a head: set the base and head inputs, or run on pull_request or merge_group (event: ${eventName || 'unknown'})`);
    const pr = event.pull_request?.number;
    const range = `${base.slice(0, 7)}...${head.slice(0, 7)}`;
    if (!pr) return { kind: 'diff', base, head, describe: range };
    const headRepo = event.pull_request?.head?.repo?.full_name;
    const baseRepo = event.pull_request?.base?.repo?.full_name ?? env.GITHUB_REPOSITORY;
    const fromFork = event.pull_request?.head?.repo === null || (headRepo !== undefined && baseRepo !== undefined && headRepo !== baseRepo);
    const login = event.pull_request?.user?.login;
    const author = typeof login === 'string' ? login : undefined;
    return { kind: 'diff', base, head, describe: `pull request #${pr} (${range})`, pullRequest: { number: pr, fromFork, ...(author ? { author } : {}) } };
  }
  if (mode === 'push') {
    const after = inputs.head ?? event.after ?? env.GITHUB_SHA;
    if (!after) throw new Error('mode push needs the pushed commit: run on push or set the head input');
    const before = inputs.base ?? event.before;
    return { kind: 'push', before, after, describe: `push ${before && !/^0+$/.test(before) ? before.slice(0, 7) : '(new branch)'}..${after.slice(0, 7)}` };
  }
  if (mode === 'history') return { kind: 'history', describe: 'the whole history (all refs)' };
  return { kind: 'tree', describe: 'the working tree' };
}

/**
 * Whether this run will scan the working tree, told from the raw mode input and the event name alone, before the
 * inputs are read and checked (the entry point prestarts scan workers on it; a wrong guess costs only a worker).
 */
export function likelyTreeScan(env: NodeJS.ProcessEnv): boolean {
  const mode = (env.INPUT_MODE ?? '').trim().toLowerCase() || 'auto';
  return (mode === 'auto' ? autoMode(env.GITHUB_EVENT_NAME ?? '') : mode) === 'tree';
}

function autoMode(eventName: string): ActionInputs['mode'] {
  if (eventName === 'pull_request' || eventName === 'pull_request_target' || eventName === 'merge_group') return 'diff';
  if (eventName === 'push') return 'push';
  if (eventName === 'schedule' || eventName === 'workflow_dispatch') return 'history';
  return 'tree';
}
