import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { auditSecrets, auditWorkflows, inventoryInit, listSecrets, loadInventorySync, renderSecretsAuditText, renderWorkflowAuditText } from '../governance/index.js';
import { cliGitHub } from './github.js';
import { severityAtLeast } from '../report/severity.js';
import { builtinRules } from '../rules/index.js';
import { ConfigError, nativeRegexUnavailableReason, regexBackend } from '../engine/index.js';
import { TOOL_VERSION } from '../report/tool.js';
import { UsageError, helpText, parseCli } from './args.js';
import { importGitleaksCommand } from './import-gitleaks.js';
import { writeErr, writeOut, writeOutput } from './output.js';
import { runScan } from './scan.js';
import { useProxyFromEnv } from '../net/proxy.js';
import { migrateBaseline } from './baseline.js';

/** Why the native RE2 addon is not in use, in a few words: it is optional, and re2js gives the same results. */
function nativeNote(): string {
  const reason = nativeRegexUnavailableReason();
  if (!reason) return '';
  if (/Cannot find module ['"]re2['"]/.test(reason)) return ': the optional native re2 is not installed';
  return `: native re2 unavailable: ${reason.split('\n')[0]!.slice(0, 160)}`;
}

async function main(argv: string[]): Promise<number> {
  const args = parseCli(argv);
  switch (args.command) {
    case 'help':
      writeOut(`${helpText(args.topic)}\n`);
      return 0;
    case 'import-gitleaks':
      return importGitleaksCommand(args.path, args.output);
    case 'version':
      writeOut(`keyward ${TOOL_VERSION} (node ${process.versions.node}, regex ${regexBackend().name}${nativeNote()})\n`);
      return 0;
    case 'rules': {
      const rows = builtinRules.map((r) => ({ id: r.id, title: r.title, provider: r.provider, severity: r.severity, longLived: r.longLived, keywords: r.keywords, revokeUrl: r.revokeUrl }));
      const text = args.format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : rows.map((r) => `${r.id.padEnd(44)} ${r.severity.padEnd(9)} ${r.longLived ? 'long-lived ' : 'short-lived'} ${r.title}`).join('\n') + `\n${rows.length} rules\n`;
      writeOutput(args.output, text);
      return 0;
    }
    case 'scan':
      return (await runScan(args)).exitCode;
    case 'baseline-migrate':
      return migrateBaseline(args.file!, args);
    case 'audit-workflows': {
      const result = await auditWorkflows(resolve(args.path));
      const text = args.format === 'json' ? JSON.stringify({ findings: result.findings, notices: result.notices }, null, 2) + '\n' : renderWorkflowAuditText(result);
      writeOutput(args.output, text);
      // Same threshold as scans: findings at high or above fail.
      return result.findings.some((f) => severityAtLeast(f.severity, 'high')) ? 1 : 0;
    }
    case 'audit-secrets': {
      const root = resolve(args.path);
      const github = cliGitHub(root, args.repo, { required: true })!;
      const result = await auditSecrets({ octokit: github.client, owner: github.owner, repo: github.repo, repoDir: root, now: new Date() });
      const text = args.format === 'json' ? JSON.stringify({ secrets: result.secrets, findings: result.findings, notices: result.notices }, null, 2) + '\n' : renderSecretsAuditText(result);
      writeOutput(args.output, text);
      const threshold = args.failOn ?? 'high';
      return result.findings.some((f) => severityAtLeast(f.severity, threshold)) ? 1 : 0;
    }
    case 'inventory-check': {
      const inventory = loadInventorySync(resolve(args.path));
      if (!inventory) throw new UsageError(`no .github/nhi.yml under ${args.path}; draft one with keyward inventory init`);
      const text =
        args.format === 'json'
          ? JSON.stringify({ file: inventory.file, entries: inventory.entries.length, problems: inventory.problems }, null, 2) + '\n'
          : inventory.problems.map((p) => `${p.file}:${p.line}: ${p.severity}: ${p.field}: ${p.message}`).concat(`${inventory.file}: ${inventory.entries.length} identities, ${inventory.problems.filter((p) => p.severity === 'error').length} error(s), ${inventory.problems.filter((p) => p.severity === 'warning').length} warning(s)`).join('\n') + '\n';
      writeOutput(args.output, text);
      return inventory.problems.some((p) => p.severity === 'error') ? 1 : 0;
    }
    case 'inventory-init': {
      const root = resolve(args.path);
      const target = args.output ?? join(root, '.github', 'nhi.yml');
      const github = cliGitHub(root, args.repo, { required: false });
      let secrets;
      if (github) {
        const listing = await listSecrets(github.client, github.owner, github.repo);
        for (const notice of listing.notices) writeErr(`keyward: ${notice.message}\n`);
        secrets = listing.secrets;
        writeErr(`keyward: ${secrets.length} secret(s) of ${github.owner}/${github.repo} listed through the API\n`);
      } else {
        writeErr('keyward: GITHUB_TOKEN is not set: drafting from the workflows only (set it to include secrets no workflow uses)\n');
      }
      const draft = await inventoryInit(root, { secrets, repo: github ? `${github.owner}/${github.repo}` : undefined });
      if (!args.output && existsSync(target)) {
        writeOut(draft);
        writeErr(`keyward: ${target} exists; printed the merged draft instead of overwriting it\n`);
        return 0;
      }
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, draft);
      writeErr(`keyward: wrote ${target}; fill in the TODO owners and expiries\n`);
      return 0;
    }
    default:
      throw new UsageError('unknown command; try keyward --help');
  }
}

function reportFailure(error: unknown): void {
  const message = error instanceof ConfigError ? `invalid config:\n${error.message}` : error instanceof Error ? error.message : String(error);
  writeErr(`keyward: ${message}\n`);
  if (process.env.KEYWARD_DEBUG && error instanceof Error) writeErr(`${error.stack}\n`);
  process.exitCode = 2;
}

useProxyFromEnv(process.env)
  .then(() => main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  }, reportFailure);
