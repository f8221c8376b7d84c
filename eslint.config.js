import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/.work/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  // Pure logic never touches the runner: only the entry points may import @actions/core. Layers import only downward
  // (fs/ at the bottom, then rules/ -> engine/ -> sources/ -> report/): the engine's config and baseline loaders read
  // files through fs/safe-read.ts, never through sources/.
  ...[
    ['src/fs/**', ['rules', 'engine', 'sources', 'report', 'credentials', 'governance', 'verify', 'net', 'action', 'cli']],
    ['src/rules/**', ['engine', 'sources', 'report', 'credentials', 'governance', 'verify', 'net', 'action', 'cli']],
    ['src/engine/**', ['sources', 'report', 'credentials', 'governance', 'verify', 'net', 'action', 'cli']],
    ['src/sources/**', ['report', 'credentials', 'governance', 'action', 'cli']],
    ['src/report/**', ['sources', 'credentials', 'governance', 'action', 'cli']],
    ['src/credentials/**', ['action', 'cli']],
    ['src/governance/**', ['action', 'cli']],
  ].map(([files, above]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@actions/core', message: 'Only src/action and src/cli talk to the runner; pass a runtime interface instead.' }],
          patterns: [{ regex: `^(\\.\\./)+(${above.join('|')})/`, message: `${files.split('/')[1]}/ must not import a layer above it.` }],
        },
      ],
    },
  })),
  {
    // Plain log lines go through one gate, so PR-controlled text in them can never start a workflow command.
    files: ['src/action/**'],
    ignores: ['src/action/log.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'core', property: 'info', message: 'Use info() from src/action/log.ts: it keeps PR-controlled text from starting a workflow command.' }],
    },
  },
);
