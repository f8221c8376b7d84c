import * as core from '@actions/core';
import { SEVERITIES, type Severity } from '../rules/types.js';

export interface ActionInputs {
  mode: 'auto' | 'tree';
  config?: string;
  failOn?: Severity;
  blockLongLived?: boolean;
  annotations: boolean;
  sarifFile: string;
  baseline?: string;
}

function optional(name: string): string | undefined {
  const value = core.getInput(name).trim();
  return value === '' ? undefined : value;
}

/** Reads and checks the inputs; a bad value is an error naming the input and what it accepts. */
export function readInputs(runnerTemp: string): ActionInputs {
  const mode = optional('mode') ?? 'auto';
  if (mode !== 'auto' && mode !== 'tree') throw new Error(`input mode: "${mode}" is not supported by this version; use auto or tree`);
  const failOn = optional('fail-on')?.toLowerCase();
  if (failOn !== undefined && !(SEVERITIES as readonly string[]).includes(failOn)) throw new Error(`input fail-on: expected one of ${SEVERITIES.join(', ')}, not "${failOn}"`);
  const blockLongLived = optional('block-long-lived');
  if (blockLongLived !== undefined && !/^(true|false)$/i.test(blockLongLived)) throw new Error(`input block-long-lived: expected true or false, not "${blockLongLived}"`);
  const annotations = optional('annotations') ?? 'true';
  return {
    mode,
    config: optional('config'),
    failOn: failOn as Severity | undefined,
    blockLongLived: blockLongLived === undefined ? undefined : blockLongLived.toLowerCase() === 'true',
    annotations: annotations.toLowerCase() !== 'false',
    sarifFile: optional('sarif-file') ?? `${runnerTemp}/keyward.sarif`,
    baseline: optional('baseline'),
  };
}
