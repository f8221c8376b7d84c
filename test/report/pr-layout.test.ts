import { readFileSync, writeFileSync } from 'node:fs';
import { marked, type Token, type Tokens } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PR_COMMENT_MARKER } from '../../src/report/github/comment.js';
import { mdText } from '../../src/report/markdown.js';
import { pullRequestEvent, runAction, ACTION_TOKEN, type ActionRun } from '../action/harness.js';
import { startGitHubServer, type GitHubFake } from '../servers/github/index.js';
import { buildPrScenario, type PrScenario } from './pr-scenario.js';

/** The event as GitHub sends it, with the PR author's login (the one person the comment may mention). */
function event(scenario: PrScenario, headSha: string) {
  const payload = pullRequestEvent({ number: 15, baseSha: scenario.baseSha, headSha }) as { pull_request: Record<string, unknown> };
  payload.pull_request.user = { login: 'dana-dev', id: 5, type: 'User' };
  return payload;
}

function tables(tokens: Token[]): Tokens.Table[] {
  return tokens.filter((t): t is Tokens.Table => t.type === 'table');
}

/** The Markdown blocks before the first table: what a reviewer reads on the first screen. */
function beforeFirstTable(tokens: Token[]): string {
  const index = tokens.findIndex((t) => t.type === 'table');
  return tokens
    .slice(0, index)
    .map((t) => t.raw)
    .join('');
}

/** `::error file=...,line=N` workflow commands in the log, as path:line. */
function workflowCommandPlaces(log: string): string[] {
  return [...log.matchAll(/^::(?:error|warning|notice) [^\n]*?file=([^,\n]+),line=(\d+)/gm)].map((m) => `${m[1]}:${m[2]}`);
}

describe('what reviewers see on a leaky pull request of about 30 secrets over two pushes', () => {
  let fake: GitHubFake;
  let scenario: PrScenario;
  let run1: ActionRun;
  let run2: ActionRun;
  let body: string;
  let tokens: Token[];
  let html: string;
  let sarif: { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };

  beforeAll(async () => {
    fake = await startGitHubServer({ token: ACTION_TOKEN });
    scenario = buildPrScenario();
    run1 = await runAction({ workspace: scenario.repo.dir, event: event(scenario, scenario.head1), apiUrl: fake.url });
    run2 = await runAction({ workspace: scenario.repo.dir, event: event(scenario, scenario.head2), apiUrl: fake.url });
    const comments = (fake.comments.get(15) ?? []).filter((c) => c.body.includes(PR_COMMENT_MARKER));
    expect(comments).toHaveLength(1);
    body = comments[0]!.body;
    tokens = marked.lexer(body, { gfm: true });
    html = marked.parse(body, { gfm: true, async: false });
    sarif = JSON.parse(readFileSync(run2.outputs['sarif-file']!, 'utf8'));
    if (process.env.KEYWARD_LAYOUT_OUT) writeFileSync(process.env.KEYWARD_LAYOUT_OUT, JSON.stringify({ comment: body, summary: run2.summary }));
  }, 120_000);
  afterAll(async () => {
    await fake?.close();
  });

  it('fails both runs and finds about 30 secrets', () => {
    expect(run1.code, run1.log).toBe(1);
    expect(run2.code, run2.log).toBe(1);
    expect(Number(run2.outputs.findings)).toBeGreaterThanOrEqual(28);
  });

  it('says the verdict with counts, then the next step addressed to the author by login, before any table', () => {
    const first = beforeFirstTable(tokens);
    expect(first).toMatch(/Keyward: ❌ fail · \d+ secrets in this pull request/);
    expect(first).toMatch(/\d+ critical · \d+ high/);
    expect(first).toContain('**3 new since the last push**');
    expect(first).toContain('1 only in history');
    expect(first).toContain('@dana-dev, next step:');
    expect(first).toContain('Deleting the line is not enough');
    // The only mention is the author's login from the event, never the commit's author name or e-mail.
    expect([...html.matchAll(/(?<![\w\u2060])@([A-Za-z0-9][\w-]*)/g)].map((m) => m[1])).toEqual(['dana-dev']);
  });

  it('keeps every table to at most five columns, one row per kind of secret', () => {
    const all = tables(tokens);
    expect(all.length).toBeGreaterThanOrEqual(1);
    for (const table of all) expect(table.header.length).toBeLessThanOrEqual(5);
    const rows = all.flatMap((t) => t.rows.map((row) => row.map((cell) => cell.text)));
    const kinds = new Set(sarif.runs[0]!.results.map((r) => r.ruleId));
    expect(rows).toHaveLength(kinds.size);
    const aws = rows.find((row) => row.some((cell) => cell.startsWith('AWS IAM user access key ID')))!;
    expect(aws.join(' ')).toContain('×4');
    expect(aws.join(' ')).toContain('1 new');
    expect(aws.join(' ')).toContain('+2 more');
  });

  it('states the values shared by every row once, above the table', () => {
    const shared = body.split('\n').find((line) => line.startsWith('All findings: '))!;
    expect(shared).toContain(`owner ${mdText('@acme/shop-team')} (CODEOWNERS)`);
    expect(shared).toContain('added by Dana Dev');
    expect(shared).toContain('liveness not checked');
    expect(body).toContain('All rows: long-lived (valid until revoked) unless marked.');
    expect(body).toMatch(/\| AWS temporary \\\(STS\\\) access key ID · _short-lived_ \|/);
    const rows = tables(tokens).flatMap((t) => t.rows.map((row) => row.map((cell) => cell.text).join(' | ')));
    for (const row of rows) expect(row).not.toMatch(/shop|Dana/);
    const confirmed = tables(tokens)[0]!;
    expect(confirmed.header.map((h) => h.text)).not.toContain('Lifetime');
    for (const row of confirmed.rows) expect(row.map((c) => c.text).join(' ')).not.toContain('until revoked');
  });

  it('lists generic guesses apart from provider-confirmed secrets', () => {
    const all = tables(tokens);
    expect(all).toHaveLength(2);
    const otherIndex = tokens.findIndex((t) => t.type === 'paragraph' && t.raw.startsWith('**Other**'));
    expect(otherIndex).toBeGreaterThan(tokens.indexOf(all[0]!));
    expect(otherIndex).toBeLessThan(tokens.indexOf(all[1]!));
    const otherRows = all[1]!.rows.map((row) => row.map((cell) => cell.text).join(' '));
    expect(otherRows.some((row) => /password|secret/i.test(row))).toBe(true);
    expect(all[0]!.rows.map((row) => row[1]!.text).join(' ')).not.toMatch(/Generic/);
  });

  it('shows each finding’s state: new since the last push, only in history, liveness and checksum', () => {
    const details = body.split('<details>').slice(1);
    const awsDetails = details.find((d) => d.includes('AWS IAM user access key ID'))!;
    expect(awsDetails).toMatch(/\/src\/notify\.ts#L3\)[^\n]*new since the last push/);
    expect(awsDetails).toMatch(/\/tmp\/debug\.env#L1\)[^\n]*only in history \(added and removed in this pull request\)/);
    expect(awsDetails).toMatch(/\/config\/production\.env#L1\)[^\n]*still in the code/);
    expect(awsDetails).not.toMatch(/\/config\/production\.env#L1\)[^\n]*new since the last push/);
    const github = details.find((d) => d.includes('GitHub personal access token'))!;
    expect(github).toContain('checksum valid');
  });

  it('gives one remediation per kind, from the rule, with its revoke page once and OIDC only where Keyward swaps', () => {
    const details = body.split('<details>').slice(1).filter((d) => d.includes('What to do:'));
    expect(details.length).toBe(tables(tokens).flatMap((t) => t.rows).length);
    for (const d of details) expect(d.match(/\*\*What to do:\*\*/g)).toHaveLength(1);
    const slack = details.find((d) => d.includes('Slack bot token'))!;
    const sendgrid = details.find((d) => d.includes('SendGrid'))!;
    for (const d of [slack, sendgrid]) expect(d).not.toMatch(/OIDC/);
    const session = details.find((d) => d.includes('aws-session-key-id'))!;
    expect(session).not.toMatch(/rotat/i);
    expect(session).not.toContain('until revoked');
    const revokeCells = tables(tokens).flatMap((t) => t.rows.map((row) => row[row.length - 1]!.text));
    expect(revokeCells.filter((c) => /^Revoke at /.test(c))).toHaveLength(0);
  });

  it('offers the false-positive path: the exact baseline line, on the base branch', () => {
    expect(body).toContain('Not a secret? How to accept a finding');
    expect(body).toContain('on the base branch');
    expect(body).toMatch(/\n[0-9a-f]{64} {2}# aws-access-key-id config\/production\.env:1\n/);
  });

  it('annotates each line once: all on the check run, none as workflow commands', () => {
    const check = fake.checkRuns.filter((r) => r.head_sha === scenario.head2);
    expect(check).toHaveLength(1);
    expect((check[0]!.output.title ?? '').length).toBeLessThanOrEqual(40);
    const onCheck = check[0]!.annotations.map((a) => `${a.path}:${a.start_line}`);
    expect(onCheck.length).toBe(Number(run2.outputs.findings));
    expect(workflowCommandPlaces(run2.log).filter((place) => onCheck.includes(place))).toEqual([]);
    for (const a of check[0]!.annotations) {
      for (const url of a.message.match(/https?:\/\/\S+/g) ?? []) expect(a.message.split(url).length - 1, a.message).toBe(1);
    }
  });

  it('writes the job summary with counts in its heading, the history warning, the same grouping, evidence collapsed', () => {
    const summary = run2.summary;
    expect(summary).toMatch(/## Keyward: ❌ fail · \d+ secrets \(\d+ critical, \d+ high/);
    expect(summary).toContain('Deleting the line is not enough');
    const summaryTables = tables(marked.lexer(summary, { gfm: true })).filter((t) => t.header.some((h) => h.text === 'Secret'));
    for (const table of summaryTables) expect(table.header.length).toBeLessThanOrEqual(5);
    expect(summaryTables.flatMap((t) => t.rows)).toHaveLength(tables(tokens).flatMap((t) => t.rows).length);
    expect(summary).toMatch(/<details><summary>Evidence: [^<]*<\/summary>\n\n### Evidence/);
  });

  it('never publishes a raw secret', () => {
    const published = [run1.log, run2.log, run1.summary, run2.summary, readFileSync(run2.outputs['sarif-file']!, 'utf8'), ...fake.server.requests.map((r) => r.body)];
    for (const secret of scenario.secrets) for (const text of published) expect(text.includes(secret)).toBe(false);
  });
});
