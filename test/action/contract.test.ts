import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readInputs } from '../../src/action/inputs.js';
import { ALIAS_INPUTS, withAliases } from '../../src/credentials/aliases.js';
import { parseSwapInputs, type InputReader } from '../../src/credentials/index.js';
import { NODE } from './harness.js';

/** A valid value for every input, so that every branch that reads an input runs (every cloud configured). */
const SAMPLES: Record<string, string> = {
  mode: 'tree',
  'fail-on': 'high',
  'block-long-lived': 'true',
  annotations: 'true',
  comment: 'true',
  'check-run': 'auto',
  'workflow-audit': 'fail',
  'long-lived-env': 'warn',
  'output-access-tokens': 'false',
  'aws-role-arn': 'arn:aws:iam::123456789012:role/deploy',
  'aws-role-chain': 'arn:aws:iam::123456789012:role/next',
  'aws-region': 'eu-west-1',
  'aws-role-session-name': 'session',
  'aws-session-duration': '900',
  'aws-session-policy': '{}',
  'aws-sts-endpoint': 'https://sts.example.test',
  'gcp-workload-identity-provider': 'projects/1/locations/global/workloadIdentityPools/p/providers/q',
  'gcp-service-account': 'sa@project-1.iam.gserviceaccount.com',
  'gcp-token-lifetime': '600s',
  'gcp-credential-source': 'file',
  'gcp-sts-endpoint': 'https://sts.example.test',
  'gcp-iam-credentials-endpoint': 'https://iam.example.test',
  'azure-authority-host': 'https://login.example.test',
  'vault-url': 'https://vault.example.test',
};

/** Every input name the reader was asked for; the names in `unset` answer '' (the vendor aliases: set, they would clash). */
function recording(unset: readonly string[] = []): { read: InputReader; names: Set<string> } {
  const names = new Set<string>();
  return { names, read: (name) => (names.add(name), unset.includes(name) ? '' : (SAMPLES[name] ?? 'x')) };
}

function declaredInputs(path: string): string[] {
  return Object.keys((parse(readFileSync(path, 'utf8')) as { inputs: Record<string, unknown> }).inputs).sort();
}

describe('the Action contract: the inputs the code reads are exactly those action.yml declares', () => {
  it('the scanning action (action.yml): its own inputs and the one-step credential swap', () => {
    const { read, names } = recording();
    readInputs(tmpdir(), read);
    parseSwapInputs(read, {});
    expect([...names].sort()).toEqual(declaredInputs('action.yml'));
  });

  it('the credentials sub-action (credentials/action.yml): the swap, with the vendor aliases', () => {
    const { read, names } = recording(ALIAS_INPUTS);
    parseSwapInputs(withAliases(read, () => undefined), {});
    expect([...names].sort()).toEqual(declaredInputs('credentials/action.yml'));
  });

  it('both action.yml files and every workflow pass @action-validator/cli', () => {
    const result = spawnSync(NODE, ['scripts/validate-actions.mjs'], { encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});
