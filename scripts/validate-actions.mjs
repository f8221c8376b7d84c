#!/usr/bin/env node
// Validates both action.yml files and every workflow under .github/workflows with @action-validator/cli (the
// schemas GitHub's runner accepts). Its 0.6 schema stops at `using: node20`, so each action is validated as a copy
// with node20 in place of node24, and node24 itself is checked here. Exits 1 on any error.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const validator = join(root, 'node_modules/@action-validator/cli/cli.mjs');
export const ACTION_FILES = ['action.yml', 'credentials/action.yml'];

function workflowFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((path) => /\.ya?ml$/.test(path))
    .map((path) => join(dir, path));
}

function validate(path, label) {
  try {
    execFileSync(process.execPath, [validator, path], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    return [];
  } catch (error) {
    return [`${label}: ${(error.stdout || error.stderr || error.message).trim()}`];
  }
}

function validateAction(rel) {
  const text = readFileSync(join(root, rel), 'utf8');
  const problems = [];
  const using = parse(text)?.runs?.using;
  if (using !== 'node24') problems.push(`${rel}: runs.using is ${JSON.stringify(using)}, expected node24`);
  const copy = join(mkdtempSync(join(tmpdir(), 'keyward-action-yml-')), 'action.yml');
  writeFileSync(copy, text.replace(/^(\s*using:\s*)node24\s*$/m, '$1node20'));
  return [...problems, ...validate(copy, rel)];
}

const problems = [...ACTION_FILES.flatMap(validateAction), ...workflowFiles(join(root, '.github/workflows')).flatMap((path) => validate(path, relative(root, path)))];
if (problems.length > 0) {
  console.error(problems.join('\n\n'));
  process.exit(1);
}
console.log(`action-validator: ${ACTION_FILES.length} actions and the workflows under .github/workflows are valid`);
