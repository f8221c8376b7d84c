import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { auditWorkflowFiles } from '../../src/governance/workflows/index.js';

const PATH = '.github/workflows/org-sweep.yml';
const text = readFileSync(new URL(`../../${PATH}`, import.meta.url), 'utf8');

describe('org-sweep reusable workflow', () => {
  it('passes our own workflow audit', () => {
    const result = auditWorkflowFiles([{ path: PATH, text }]);
    expect(result.notices).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('is a reusable workflow: list → matrix scan in history mode with SARIF per repository → aggregate', () => {
    const workflow = parse(text) as {
      on: { workflow_call: { secrets: Record<string, unknown> } };
      jobs: Record<string, { needs?: string | string[]; strategy?: { matrix: { repository: string } }; steps: { uses?: string; with?: Record<string, string> }[] }>;
    };
    expect(Object.keys(workflow.on)).toEqual(['workflow_call']);
    expect(workflow.on.workflow_call.secrets).toHaveProperty('token');
    expect(Object.keys(workflow.jobs)).toEqual(['list', 'scan', 'aggregate']);
    const scan = workflow.jobs.scan;
    expect(scan?.strategy?.matrix.repository).toContain('fromJSON(needs.list.outputs.repositories)');
    const keyward = scan?.steps.find((s) => s.uses?.startsWith('keyward/keyward@'));
    expect(keyward?.with?.mode).toBe('history');
    const sarif = scan?.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(sarif?.with?.category).toContain('matrix.repository');
    expect(workflow.jobs.aggregate?.needs).toEqual(['list', 'scan']);
  });
});
