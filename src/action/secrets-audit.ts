import * as core from '@actions/core';
import { info } from './log.js';
import { auditSecrets, renderSecretsAuditMarkdown, renderSecretsAuditText, type SecretsAuditResult, type Workflow } from '../governance/index.js';
import { githubClient, type RepoContext } from './github.js';

/**
 * The secrets audit through the API, when a token that can list secrets was given (the workflow GITHUB_TOKEN cannot
 * be granted `secrets: read`). API failures are notices in the report; the audit never changes the scan's verdict.
 */
export async function runSecretsAudit(token: string | undefined, repo: RepoContext | undefined, workspace: string, workflows: Workflow[] | undefined): Promise<{ result: SecretsAuditResult; markdown: string } | undefined> {
  if (!token) return undefined;
  if (!repo) {
    info('Secrets audit skipped: GITHUB_REPOSITORY is not set.');
    return undefined;
  }
  core.setSecret(token);
  try {
    const octokit = githubClient(token, repo, process.env);
    const result = await auditSecrets({ octokit, owner: repo.owner, repo: repo.repo, repoDir: workspace, now: new Date(), workflows });
    core.startGroup(`Secrets audit: ${result.secrets.length} secret(s), ${result.findings.length} finding(s)`);
    info(renderSecretsAuditText(result).trimEnd());
    core.endGroup();
    for (const notice of result.notices) core.warning(`Secrets audit: ${notice.message}`);
    return { result, markdown: renderSecretsAuditMarkdown(result) };
  } catch (error) {
    core.warning(`Secrets audit failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
