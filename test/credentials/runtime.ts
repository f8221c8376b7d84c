import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CredentialRuntime } from '../../src/credentials/index.js';

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
