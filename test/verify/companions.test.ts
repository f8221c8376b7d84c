import { describe, expect, it } from 'vitest';
import { companionValue } from '../../src/verify/verifiers/companions.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const A = '11111111-1111-1111-1111-111111111111';
const B = '22222222-2222-2222-2222-222222222222';

describe('companion values from the context', () => {
  it('reads JSON, YAML, .env and HCL assignments, names matched case-insensitively', () => {
    for (const context of [`{"tenantId": "${A}"}`, `tenant_id: ${A}`, `AZURE_TENANT_ID=${A}`, `tenant_id = "${A}"`, `export ARM_TENANT_ID='${A}'`]) {
      expect(companionValue(context, ['tenant_id', 'tenantid', 'azure_tenant_id', 'arm_tenant_id'], GUID, 'secret')).toBe(A);
    }
  });

  it('takes only values of the expected shape', () => {
    expect(companionValue(`tenant_id: https://evil.example/x\ntenant_id: ${A}`, ['tenant_id'], GUID, 'secret')).toBe(A);
    expect(companionValue('tenant_id: ../../etc', ['tenant_id'], GUID, 'secret')).toBeUndefined();
  });

  it('pairs a secret with the nearest value when a file holds several', () => {
    const context = `tenant_id: ${A}\nclient_secret: first-secret\n${'#\n'.repeat(50)}tenant_id: ${B}\nclient_secret: second-secret\n`;
    expect(companionValue(context, ['tenant_id'], GUID, 'first-secret')).toBe(A);
    expect(companionValue(context, ['tenant_id'], GUID, 'second-secret')).toBe(B);
  });

  it('does not take a longer name that merely ends in the name', () => {
    expect(companionValue(`old_tenant_id: ${A}`, ['tenant_id'], GUID, 'secret')).toBeUndefined();
  });
});
