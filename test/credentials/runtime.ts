import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import type { CredentialRuntime } from '../../src/credentials/index.js';

/**
 * @actions/core's getIDToken reads the token service from process.env: this runs it with the test runtime's own
 * ACTIONS_ID_TOKEN_REQUEST_* for the one call (tests in a file run one at a time).
 */
async function getIDTokenWith(env: NodeJS.ProcessEnv, audience: string | undefined): Promise<string> {
  const names = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'] as const;
  const saved = names.map((name) => process.env[name]);
  for (const name of names) process.env[name] = env[name];
  try {
    return await core.getIDToken(audience);
  } finally {
    names.forEach((name, i) => {
      if (saved[i] === undefined) delete process.env[name];
      else process.env[name] = saved[i];
    });
  }
}

export type Event = { kind: 'export' | 'secret' | 'output' | 'info' | 'warning' | 'debug' | 'state'; name?: string; value: string };

/** A recording runner: every call in order, for masking-before-export and no-raw-secret-in-logs assertions. */
export function recordingRuntime(env: Record<string, string>, options: { workspace?: string; tempDir?: string } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'keyward-cred-test-'));
  const events: Event[] = [];
  const state = new Map<string, string>();
  const runtime: CredentialRuntime = {
    exportVariable: (name, value) => {
      events.push({ kind: 'export', name, value });
      runtime.env[name] = value;
    },
    setSecret: (value) => events.push({ kind: 'secret', value }),
    setOutput: (name, value) => events.push({ kind: 'output', name, value }),
    info: (value) => events.push({ kind: 'info', value }),
    warning: (value) => events.push({ kind: 'warning', value }),
    debug: (value) => events.push({ kind: 'debug', value }),
    saveState: (name, value) => {
      events.push({ kind: 'state', name, value });
      state.set(name, value);
    },
    getState: (name) => state.get(name) ?? '',
    env: { ...env },
    getIDToken: (audience) => getIDTokenWith(runtime.env, audience),
    tempDir: options.tempDir ?? join(root, 'runner-temp'),
    workspace: options.workspace ?? join(root, 'workspace'),
    now: () => new Date(),
    retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 5 },
  };
  const logs = () => events.filter((e) => e.kind === 'info' || e.kind === 'warning' || e.kind === 'debug').map((e) => e.value).join('\n');
  const masked = (value: string) => events.findIndex((e) => e.kind === 'secret' && e.value === value);
  const firstUse = (value: string) => events.findIndex((e) => (e.kind === 'export' || e.kind === 'output') && e.value === value);
  const exported = (name: string) => [...events].reverse().find((e) => e.kind === 'export' && e.name === name)?.value;
  return { runtime, events, logs, masked, firstUse, exported, root };
}
