import { parseArgs } from 'node:util';
import { SEVERITIES, type Severity } from '../rules/types.js';

export class UsageError extends Error {}

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface ScanArgs {
  command: 'scan';
  path: string;
  format: Format;
  output?: string;
  config?: string;
  baseline?: string;
  failOn?: Severity;
  blockLongLived?: boolean;
  diff?: { base: string; head: string };
  push?: { before?: string; after: string };
  staged: boolean;
  history: boolean;
  since?: string;
  branch?: string;
  quiet: boolean;
  color?: boolean;
}

export interface OtherArgs {
  command: 'rules' | 'audit-workflows' | 'audit-secrets' | 'inventory-init' | 'inventory-check' | 'help' | 'version';
  path: string;
  format: Format;
  output?: string;
  /** `owner/name` for the commands that read the GitHub API. */
  repo?: string;
  failOn?: Severity;
}

export type CliArgs = ScanArgs | OtherArgs;

function parseFailOn(raw: string | undefined): Severity | undefined {
  if (raw === undefined) return undefined;
  const value = raw.toLowerCase();
  if (!(SEVERITIES as readonly string[]).includes(value)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, not "${raw}"`);
  return value as Severity;
}

export const USAGE = `Usage: keyward <command> [options]

Commands:
  scan [PATH]               Scan a directory tree (default .); respects .gitignore in a git work tree
    --diff BASE...HEAD      Only lines added by the commits in the range (PR mode)
    --push BEFORE..AFTER    The commits of a push (BEFORE may be empty or all zeros for a new branch)
    --staged                Staged changes (pre-commit hook)
    --history               Every commit reachable from all refs (--since REV, --branch NAME to narrow)
    --format text|json|sarif   Output format (default text)
    --output FILE           Write the report to FILE instead of standard output
    --config FILE           Config file (default .keyward.yml or .github/keyward.yml)
    --baseline FILE         Accepted fingerprints (a previous JSON report or a list)
    --fail-on SEVERITY      critical|high|medium|low|info (default from config, else high)
    --no-block-long-lived   Do not fail on long-lived credentials below the threshold
    --quiet                 No progress line
    --no-color              Plain text even on a terminal
  audit-workflows [PATH]    Flag workflows that feed long-lived cloud keys to jobs, with OIDC replacements
  audit-secrets [PATH]      List the repository's Actions secrets through the API (GITHUB_TOKEN, --repo OWNER/NAME):
                            orphaned, missing, over-age, expired and unowned secrets (--fail-on, default high)
  inventory init [PATH]     Draft .github/nhi.yml from the workflows' secrets, and from the repository's secrets
                            listed through the API when GITHUB_TOKEN is set (--repo OWNER/NAME, default origin)
  inventory check [PATH]    Validate .github/nhi.yml: every problem with file, line and field (exit 1 on errors)
  rules                     List the built-in rules (--format json for data)

Exit status: 0 nothing at or above the threshold, 1 findings that fail the policy, 2 error.`;

export function parseCli(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        baseline: { type: 'string' },
        'fail-on': { type: 'string' },
        repo: { type: 'string' },
        'no-block-long-lived': { type: 'boolean' },
        diff: { type: 'string' },
        push: { type: 'string' },
        staged: { type: 'boolean' },
        history: { type: 'boolean' },
        since: { type: 'string' },
        branch: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        'no-color': { type: 'boolean' },
        color: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.version) return { command: 'version', path: '.', format: 'text' };
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') return { command: 'help', path: '.', format: 'text' };

  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);

  const repo = values.repo;
  if (repo !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new UsageError(`--repo takes OWNER/NAME, not "${repo}"`);
  if (command === 'audit-secrets') return { command: 'audit-secrets', path: rest[0] ?? '.', format, output: values.output, repo, failOn: parseFailOn(values['fail-on']) };
  if (command === 'rules') return { command: 'rules', path: '.', format, output: values.output };
  if (command === 'audit-workflows') return { command: 'audit-workflows', path: rest[0] ?? '.', format, output: values.output };
  if (command === 'inventory') {
    if (rest[0] === 'check') return { command: 'inventory-check', path: rest[1] ?? '.', format, output: values.output };
    if (rest[0] !== 'init') throw new UsageError('usage: keyward inventory init|check [PATH]');
    return { command: 'inventory-init', path: rest[1] ?? '.', format, output: values.output, repo };
  }
  if (command !== 'scan') throw new UsageError(`unknown command "${command}"; try keyward --help`);
  if (rest.length > 1) throw new UsageError(`scan takes one PATH, got ${rest.length}`);

  const failOn = parseFailOn(values['fail-on']);
  const modes = [values.diff !== undefined, values.push !== undefined, values.staged === true, values.history === true].filter(Boolean).length;
  if (modes > 1) throw new UsageError('choose one of --diff, --push, --staged, --history');
  if ((values.since || values.branch) && !values.history) throw new UsageError('--since and --branch go with --history');

  let diff: ScanArgs['diff'];
  if (values.diff !== undefined) {
    const match = /^(.+?)\.\.\.?(.+)$/.exec(values.diff);
    if (!match) throw new UsageError(`--diff takes BASE...HEAD, not "${values.diff}"`);
    diff = { base: match[1]!, head: match[2]! };
  }
  let push: ScanArgs['push'];
  if (values.push !== undefined) {
    const match = /^(.*?)\.\.\.?(.+)$/.exec(values.push);
    if (!match) throw new UsageError(`--push takes BEFORE..AFTER, not "${values.push}"`);
    push = { after: match[2]! };
    if (match[1] && !/^0+$/.test(match[1])) push.before = match[1];
  }
  return {
    command: 'scan',
    path: rest[0] ?? '.',
    format,
    output: values.output,
    config: values.config,
    baseline: values.baseline,
    failOn,
    blockLongLived: values['no-block-long-lived'] ? false : undefined,
    diff,
    push,
    staged: values.staged === true,
    history: values.history === true,
    since: values.since,
    branch: values.branch,
    quiet: values.quiet === true,
    color: values['no-color'] ? false : values.color ? true : undefined,
  };
}
