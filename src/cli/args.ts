import { parseArgs } from 'node:util';
import { SEVERITIES, type Severity } from '../rules/types.js';
import { closest } from './suggest.js';
import { COMMAND_HELP, USAGE } from './usage.js';

export { USAGE } from './usage.js';

/** A mistake in how keyward was called: printed as one line, exit status 2. */
export class UsageError extends Error {}

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface ScanArgs {
  command: 'scan' | 'baseline-migrate';
  /** For baseline-migrate: the baseline file to rewrite. */
  file?: string;
  /** Files, directories and `-` (standard input); one repository directory for the git modes. */
  paths: string[];
  format: Format;
  output?: string;
  config?: string;
  baseline?: string;
  failOn?: Severity;
  blockLongLived?: boolean;
  /** `three-dot`: commits on head since it left base (`BASE...HEAD`); `two-dot`: the two trees compared (`BASE..HEAD`). */
  diff?: { base: string; head: string; range: 'two-dot' | 'three-dot' };
  push?: { before?: string; after: string };
  staged: boolean;
  history: boolean;
  since?: string;
  branch?: string;
  quiet: boolean;
  /** True: progress bar even off a terminal. */
  progress: boolean;
  color?: boolean;
  /** Ask each finding's provider whether the credential is live (sends it to that provider's fixed host). */
  verify: boolean;
  /** Fail only on findings verified active (implies verify). */
  failOnActive: boolean;
}

export interface OtherArgs {
  command: 'rules' | 'audit-workflows' | 'audit-secrets' | 'inventory-init' | 'inventory-check' | 'import-gitleaks' | 'help' | 'version';
  path: string;
  format: Format;
  output?: string;
  /** `owner/name` for the commands that read the GitHub API. */
  repo?: string;
  failOn?: Severity;
  /** For `help`: the command whose help to print. */
  topic?: string;
}

export type CliArgs = ScanArgs | OtherArgs;

const OPTIONS = {
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
  progress: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
  verify: { type: 'boolean' },
  'fail-on-active': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;
type OptionName = keyof typeof OPTIONS;

const ALWAYS: OptionName[] = ['help', 'version'];
/** The options each command takes; the key is the command as typed (`inventory init`). */
const COMMAND_OPTIONS: Record<string, OptionName[]> = {
  scan: ['format', 'output', 'config', 'baseline', 'fail-on', 'no-block-long-lived', 'diff', 'push', 'staged', 'history', 'since', 'branch', 'quiet', 'progress', 'no-color', 'color', 'verify', 'fail-on-active'],
  rules: ['format', 'output'],
  'audit-workflows': ['format', 'output'],
  'audit-secrets': ['format', 'output', 'repo', 'fail-on'],
  'inventory init': ['output', 'repo'],
  'inventory check': ['format', 'output'],
  'config import-gitleaks': ['output'],
  'baseline migrate': ['config', 'history', 'since', 'branch', 'quiet'],
};
const COMMAND_NAMES = ['scan', 'rules', 'audit-workflows', 'audit-secrets', 'inventory', 'config', 'baseline', 'help'];
const SUBCOMMANDS: Record<string, string[]> = { inventory: ['init', 'check'], config: ['import-gitleaks'], baseline: ['migrate'] };

const flag = (name: string) => (name.length === 1 ? `-${name}` : `--${name}`);

function unknownOption(option: string, command: string | undefined): UsageError {
  const allowed = command && COMMAND_OPTIONS[command] ? [...COMMAND_OPTIONS[command], ...ALWAYS] : (Object.keys(OPTIONS) as OptionName[]);
  const name = option.replace(/^-+/, '').split('=')[0]!;
  const hint = closest(name, allowed);
  const help = command ? `keyward ${command} --help` : 'keyward --help';
  return new UsageError(`unknown option ${option}${hint ? `; did you mean --${hint}?` : ''} (${help} lists the options)`);
}

/** The command as typed, e.g. `inventory init`, and the positionals after it. */
function splitCommand(positionals: string[]): { command?: string; rest: string[] } {
  const [first, second, ...others] = positionals;
  if (!first) return { rest: [] };
  if (!COMMAND_NAMES.includes(first)) {
    const hint = closest(first, COMMAND_NAMES);
    throw new UsageError(`unknown command "${first}"${hint ? `; did you mean \`keyward ${hint}\`?` : ''} (keyward --help lists the commands)`);
  }
  const subs = SUBCOMMANDS[first];
  if (!subs) return { command: first, rest: positionals.slice(1) };
  if (!second || !subs.includes(second)) {
    const hint = second ? closest(second, subs) : undefined;
    throw new UsageError(`usage: keyward ${first} ${subs.join('|')}${hint ? `; did you mean \`keyward ${first} ${hint}\`?` : ''}`);
  }
  return { command: `${first} ${second}`, rest: others };
}

function parseFailOn(raw: string | undefined): Severity | undefined {
  if (raw === undefined) return undefined;
  const value = raw.toLowerCase();
  if (!(SEVERITIES as readonly string[]).includes(value)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, not "${raw}"${closest(value, SEVERITIES) ? `; did you mean ${closest(value, SEVERITIES)}?` : ''}`);
  return value as Severity;
}

function parseFormat(raw: string | undefined): Format {
  const format = (raw ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${raw}"${closest(String(raw), FORMATS) ? `; did you mean ${closest(String(raw), FORMATS)}?` : ''}`);
  return format;
}

function tokenize(argv: string[]) {
  const commandGuess = splitCommandQuietly(argv);
  try {
    return parseArgs({ args: argv, allowPositionals: true, tokens: true, options: OPTIONS });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw unknownOption(/'([^']+)'/.exec(message)?.[1] ?? '?', commandGuess);
    const missing = /Option '(?:-\w, )?(--[\w-]+)/.exec(message);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && missing) throw new UsageError(`${missing[1]} needs a value (${commandGuess ? `keyward ${commandGuess} --help` : 'keyward --help'})`);
    throw new UsageError(message.split('\n')[0]!);
  }
}

/** The command named in argv, for the hints of an error found before the command is known. */
function splitCommandQuietly(argv: string[]): string | undefined {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  if (words[0] && SUBCOMMANDS[words[0]] && words[1]) return `${words[0]} ${words[1]}`;
  return words[0] && COMMAND_OPTIONS[words[0]] ? words[0] : undefined;
}

export function parseCli(argv: string[]): CliArgs {
  const { values, positionals, tokens } = tokenize(argv);
  if (values.version) return { command: 'version', path: '.', format: 'text' };
  if (positionals[0] === 'help') return { command: 'help', path: '.', format: 'text', topic: positionals.slice(1).join(' ') || undefined };
  const { command, rest } = values.help && !positionals[0] ? { command: undefined, rest: [] } : splitCommand(positionals);
  if (values.help || !command) return { command: 'help', path: '.', format: 'text', topic: command };
  const allowed = COMMAND_OPTIONS[command]!;
  for (const token of tokens) {
    if (token.kind === 'option' && !(allowed as string[]).includes(token.name) && !(ALWAYS as string[]).includes(token.name)) {
      throw new UsageError(`${flag(token.name)} is not an option of \`keyward ${command}\` (keyward ${command} --help lists its options)`);
    }
  }
  const repo = values.repo;
  if (repo !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new UsageError(`--repo takes OWNER/NAME, not "${repo}"`);
  if (command === 'scan') return parseScan(values, rest);
  if (command === 'baseline migrate') {
    const [file, ...paths] = rest;
    if (!file) throw new UsageError('usage: keyward baseline migrate FILE [PATH]');
    return { ...parseScan(values, paths), command: 'baseline-migrate', file };
  }
  if (rest.length > 1) throw new UsageError(`keyward ${command} takes one PATH, got ${rest.length} (keyward ${command} --help)`);
  const common = { path: rest[0] ?? '.', format: parseFormat(values.format), output: values.output };
  switch (command) {
    case 'audit-secrets':
      return { command, ...common, repo, failOn: parseFailOn(values['fail-on']) };
    case 'rules':
    case 'audit-workflows':
      return { command, ...common };
    case 'inventory check':
      return { command: 'inventory-check', ...common };
    case 'inventory init':
      return { command: 'inventory-init', ...common, repo };
    default:
      return { command: 'import-gitleaks', ...common };
  }
}

type Values = ReturnType<typeof tokenize>['values'];

function parseRange(raw: string, option: string, example: string): { from: string; to: string; dots: string } {
  const match = /^(.*?)(\.\.\.?)(.+)$/.exec(raw);
  if (!match) throw new UsageError(`${option} takes ${example}, not "${raw}"`);
  return { from: match[1]!, to: match[3]!, dots: match[2]! };
}

function parseScan(values: Values, paths: string[]): ScanArgs {
  const modes = [values.diff !== undefined, values.push !== undefined, values.staged === true, values.history === true].filter(Boolean).length;
  if (modes > 1) throw new UsageError('choose one of --diff, --push, --staged, --history');
  if ((values.since || values.branch) && !values.history) throw new UsageError('--since and --branch go with --history');
  if (modes > 0 && (paths.length > 1 || paths[0] === '-')) throw new UsageError('the git modes scan one repository: give at most one PATH, a directory');
  if (paths.filter((path) => path === '-').length > 1) throw new UsageError('- (standard input) can be given once');

  let diff: ScanArgs['diff'];
  if (values.diff !== undefined) {
    const range = parseRange(values.diff, '--diff', 'BASE...HEAD or BASE..HEAD');
    if (!range.from) throw new UsageError(`--diff needs a BASE before ${range.dots}, as in main${range.dots}HEAD`);
    diff = { base: range.from, head: range.to, range: range.dots === '...' ? 'three-dot' : 'two-dot' };
  }
  let push: ScanArgs['push'];
  if (values.push !== undefined) {
    const range = parseRange(values.push, '--push', 'BEFORE..AFTER');
    push = { after: range.to };
    if (range.from && !/^0+$/.test(range.from)) push.before = range.from;
  }
  return {
    command: 'scan',
    paths: paths.length > 0 ? paths : ['.'],
    format: parseFormat(values.format),
    output: values.output,
    config: values.config,
    baseline: values.baseline,
    failOn: parseFailOn(values['fail-on']),
    blockLongLived: values['no-block-long-lived'] ? false : undefined,
    diff,
    push,
    staged: values.staged === true,
    history: values.history === true,
    since: values.since,
    branch: values.branch,
    quiet: values.quiet === true,
    progress: values.progress === true,
    color: values['no-color'] ? false : values.color ? true : undefined,
    verify: values.verify === true || values['fail-on-active'] === true,
    failOnActive: values['fail-on-active'] === true,
  };
}

/** The help text for `topic` (a command as typed), or the overview. */
export function helpText(topic: string | undefined): string {
  if (topic === undefined) return USAGE;
  const help = COMMAND_HELP[topic];
  if (help) return help;
  const hint = closest(topic, Object.keys(COMMAND_HELP));
  throw new UsageError(`no help for "${topic}"${hint ? `; did you mean \`keyward help ${hint}\`?` : ''}`);
}
