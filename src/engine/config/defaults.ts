import type { KeywardConfig } from './types.js';

export const DEFAULT_MAX_FILE_SIZE = 25 * 1024 * 1024;

/** Paths nobody wants scanned: dependency trees and VCS internals. */
export const DEFAULT_IGNORE_PATHS: readonly string[] = ['**/node_modules/**', '**/.git/**', '**/vendor/bundle/**', '**/.venv/**'];

export function defaultConfig(): KeywardConfig {
  return {
    rules: { disable: [], severity: {}, custom: [] },
    allowlist: { values: [], stopwords: [], fingerprints: [], paths: [], commits: [], locations: [] },
    ignorePaths: [...DEFAULT_IGNORE_PATHS],
    failOn: 'high',
    blockLongLived: true,
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
  };
}
