import { SEVERITIES, type Severity } from '../rules/types.js';
import type { InputReader } from '../credentials/inputs.js';

export const MODES = ['auto', 'diff', 'push', 'history', 'tree'] as const;
export type Mode = (typeof MODES)[number];

export interface ActionInputs {
  mode: Mode;
  base?: string;
  head?: string;
  config?: string;
  failOn?: Severity;
  blockLongLived?: boolean;
  /** What unscanned content does to the verdict; unset: the config's, else fail on pull requests and warn otherwise. */
  unscanned?: 'fail' | 'warn';
  annotations: boolean;
  sarifFile: string;
  baseline?: string;
  token?: string;
  comment: boolean;
  checkRun: 'auto' | 'always' | 'never';
  /** Audit .github/workflows: fail (findings at or above fail-on fail the run), warn (report only) or off. */
  workflowAudit: 'fail' | 'warn' | 'off';
  /** Where the run's evidence JSON goes; default next to the SARIF report. */
  evidenceFile?: string;
  /** An earlier run's evidence or JSON report: what it found and this run does not is recorded as fixed. */
  previousReport?: string;
  /** A token that can list Actions secrets (the workflow token cannot); enables the secrets audit. */
  secretsAuditToken?: string;
  /** The app whose installation token `token` is, when not GITHUB_TOKEN: Keyward's comments are `<slug>[bot]`'s. */
  appSlug?: string;
  /** Verify findings with their providers: auto (on, except fork pull requests unless the base config allows), true, false. */
  verify: 'auto' | 'true' | 'false';
  /** Fail only on findings verified active. */
  failOnActive: boolean;
}

/** The runner's inputs as @actions/core's getInput reads them: INPUT_<NAME>, spaces as underscores, trimmed. */
export function inputReader(env: NodeJS.ProcessEnv): InputReader {
  return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function optionalFrom(read: InputReader): (name: string) => string | undefined {
  return (name) => {
    const value = read(name).trim();
    return value === '' ? undefined : value;
  };
}

function booleanInput(optional: (name: string) => string | undefined, name: string, fallback: boolean): boolean {
  const value = optional(name);
  if (value === undefined) return fallback;
  if (!/^(true|false)$/i.test(value)) throw new Error(`input ${name}: expected true or false, not "${value}"`);
  return value.toLowerCase() === 'true';
}

/** Reads and checks the inputs; a bad value is an error naming the input and what it accepts. */
export function readInputs(runnerTemp: string, read: InputReader): ActionInputs {
  const optional = optionalFrom(read);
  const mode = (optional('mode') ?? 'auto').toLowerCase();
  if (!(MODES as readonly string[]).includes(mode)) throw new Error(`input mode: expected one of ${MODES.join(', ')}, not "${mode}"`);
  const failOn = optional('fail-on')?.toLowerCase();
  if (failOn !== undefined && !(SEVERITIES as readonly string[]).includes(failOn)) throw new Error(`input fail-on: expected one of ${SEVERITIES.join(', ')}, not "${failOn}"`);
  const blockLongLived = optional('block-long-lived');
  if (blockLongLived !== undefined && !/^(true|false)$/i.test(blockLongLived)) throw new Error(`input block-long-lived: expected true or false, not "${blockLongLived}"`);
  const unscanned = optional('unscanned')?.toLowerCase();
  if (unscanned !== undefined && unscanned !== 'fail' && unscanned !== 'warn') throw new Error(`input unscanned: expected fail or warn, not "${unscanned}"`);
  const annotations = booleanInput(optional, 'annotations', true);
  const comment = booleanInput(optional, 'comment', true);
  const checkRun = (optional('check-run') ?? 'auto').toLowerCase();
  if (checkRun !== 'auto' && checkRun !== 'always' && checkRun !== 'never') throw new Error(`input check-run: expected auto, always or never, not "${checkRun}"`);
  const workflowAudit = (optional('workflow-audit') ?? 'fail').toLowerCase();
  if (workflowAudit !== 'fail' && workflowAudit !== 'warn' && workflowAudit !== 'off') throw new Error(`input workflow-audit: expected fail, warn or off, not "${workflowAudit}"`);
  const verify = (optional('verify') ?? 'auto').toLowerCase();
  if (verify !== 'auto' && verify !== 'true' && verify !== 'false') throw new Error(`input verify: expected auto, true or false, not "${verify}"`);
  const failOnActive = booleanInput(optional, 'fail-on-active', false);
  if (failOnActive && verify === 'false') throw new Error('input fail-on-active: needs verification; it cannot be combined with verify: false');
  return {
    verify,
    failOnActive,
    mode: mode as Mode,
    base: optional('base'),
    head: optional('head'),
    config: optional('config'),
    failOn: failOn as Severity | undefined,
    blockLongLived: blockLongLived === undefined ? undefined : blockLongLived.toLowerCase() === 'true',
    unscanned,
    annotations,
    comment,
    checkRun,
    token: optional('token'),
    sarifFile: optional('sarif-file') ?? `${runnerTemp}/keyward.sarif`,
    baseline: optional('baseline'),
    workflowAudit,
    evidenceFile: optional('evidence-file'),
    previousReport: optional('previous-report'),
    secretsAuditToken: optional('secrets-audit-token'),
    appSlug: optional('app-slug'),
  };
}
