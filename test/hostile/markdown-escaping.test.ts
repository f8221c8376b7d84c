import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import { renderPrComment } from '../../src/report/github/comment.js';
import { htmlText, mdCode, mdCodeBlock, mdDetails, mdLink, mdRow, mdTable, mdText, plainLine } from '../../src/report/markdown.js';
import { decideVerdict } from '../../src/report/severity.js';
import { jobSummary } from '../../src/report/summary.js';
import { renderWorkflowAuditMarkdown } from '../../src/governance/workflows/render.js';
import { renderSecretsAuditMarkdown } from '../../src/governance/secrets-audit-render.js';
import { renderIdentityChangesMarkdown } from '../../src/governance/identity-changes.js';
import { HOSTILE_TEXT, inspect, renderCmark, renderMarked } from './markdown-rendering.js';

const OWN_URL = 'https://github.test/acme/app/blob/abc/x#L1';

/** Rendered text of a fragment: tags stripped, entities decoded, the word joiners Keyward adds dropped. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/\u2060/g, '')
    .trim();
}

function document(text: string): string {
  return [
    mdTable(['Where', 'Text', 'Code-free'], [[mdLink(text, OWN_URL), mdText(text), 'ok']]),
    '',
    `- ${mdCode(text)} · ${mdText(text)}`,
    '',
    mdDetails(text, `${mdText(text)}\n\n${mdCodeBlock(text, 'yaml', '  ')}`),
    '',
    'after',
  ].join('\n');
}

const renderers = [
  ['marked', renderMarked],
  ['cmark-gfm', renderCmark],
] as const;

describe('the Markdown escaping helper, rendered by marked and by cmark-gfm', () => {
  for (const [name, render] of renderers) {
    for (const text of HOSTILE_TEXT) {
      it(`${name}: ${JSON.stringify(text)} stays text: no link, mention, HTML, table break or stray fence`, (context) => {
        const html = render(document(text));
        if (html === undefined) return context.skip();
        const check = inspect(html);
        expect(check.foreignTags, html).toEqual([]);
        expect(check.links, html).toEqual([OWN_URL]);
        expect(check.images).toBe(0);
        expect(check.comments).toBe(0);
        expect(check.mentions, html).toEqual([]);
        expect(check.references, html).toEqual([]);
        expect(check.brokenRows, html).toBe(0);
        expect(check.details).toBe(1);
        expect(check.codeBlocks).toBe(1);
        expect(html.trimEnd().endsWith('<p>after</p>'), html).toBe(true);
        const cells = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => visibleText(m[1]!));
        expect(cells, html).toEqual([plainLine(text).trim(), plainLine(text).trim(), 'ok']);
      });
    }
  }

  it('renders each hostile text as exactly itself (one line), in a cell, a link and a code span', () => {
    for (const text of HOSTILE_TEXT) {
      // A table cell drops the text's leading and trailing spaces, as GFM trims every cell.
      const expected = plainLine(text).trim();
      const html = renderMarked(mdTable(['a', 'b'], [[mdText(text), mdLink(text, OWN_URL)]]));
      const cells = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => visibleText(m[1]!));
      expect(cells, text).toEqual([expected, expected]);
      const code = renderMarked(`x ${mdCode(text)}`).match(/<code>([\s\S]*?)<\/code>/)![1]!;
      expect(visibleText(code).trim(), text).toBe(expected.trim());
    }
  });

  it('catches what it looks for when text goes in unescaped (the checks are not vacuous)', () => {
    for (const [, render] of renderers) {
      const html = render(`| a | b |\n| --- | --- |\n| a|b | c |\n\nhi @octocat [x](https://evil.example) www.evil.example <img src=x> <!-- c -->\n\n\`\`\`\n`);
      if (html === undefined) continue;
      const check = inspect(html);
      expect(check.mentions).toContain('octocat');
      expect(render('fixes #12')!.includes('#12')).toBe(true);
      expect(inspect(render('fixes #12 and GH-3')!).references).toEqual(['#12', 'GH-3']);
      expect(check.links).toContain('https://evil.example');
      expect(check.links.some((l) => l.includes('www.evil.example'))).toBe(true);
      expect(check.foreignTags).toContain('img');
      expect(check.comments).toBe(1);
      // GFM drops a row's extra cells: a breakout shows as lost text, which the fidelity checks catch.
      expect(visibleText(html.match(/<td>([\s\S]*?)<\/td>/)![1]!)).not.toBe('a|b');
      expect(check.codeBlocks).toBe(1);
    }
  });

  it('escapes raw HTML text and breaks mentions in text placed inside HTML', () => {
    expect(htmlText('<img src=x> @octocat #12 & "q"')).toBe('&#60;img src=x&#62; @\u2060octocat #\u206012 &#38; &#34;q&#34;');
    expect(mdRow(['a\nb'])).toBe('| a b |');
  });
});

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'aws-access-key-id',
    title: 'AWS IAM user access key ID',
    provider: 'AWS',
    severity: 'high',
    longLived: true,
    path: 'src/a.env',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 21,
    redacted: 'AKIA…(20 chars)',
    fingerprint: 'a'.repeat(64),
    entropy: 3.5,
    verifiedFormat: false,
    remediation: 'Deactivate the key.',
    revokeUrl: 'https://console.aws.amazon.com/iam/home#/security_credentials',
    ...overrides,
  };
}

describe('every renderer puts pull-request text through the helper', () => {
  const policy = { failOn: 'high' as const, blockLongLived: true, unscanned: 'fail' as const };
  const context = { serverUrl: 'https://github.test', repository: 'acme/app', headSha: 'b'.repeat(40), runUrl: 'https://github.test/acme/app/actions/runs/1', author: 'dana-dev' };
  const findings = HOSTILE_TEXT.map((text, i) =>
    finding({
      path: `dir/${text}`,
      line: i + 1,
      fingerprint: i.toString(16).padStart(64, '0'),
      redacted: `${text.slice(0, 6)}…(20 chars)`,
      commit: { sha: 'c'.repeat(40), author: text, email: `${text}@evil.example`, date: '2026-01-01T00:00:00Z' },
      owners: [{ handle: text, source: 'codeowners' }],
      details: { issuer: text },
    }),
  );
  const notices = HOSTILE_TEXT.map((text) => ({ kind: 'too-large' as const, path: text, message: `${text} is over the cap`, unscanned: true }));
  const allowed = (href: string) => href.startsWith('https://github.test/acme/app/') || href === 'https://console.aws.amazon.com/iam/home#/security_credentials';

  const outputs = {
    comment: () => renderPrComment({ findings, verdict: decideVerdict(findings, policy, notices), policy, context, notices }),
    summary: () => jobSummary({ findings, policy, target: 'pull request #1', notices, link: (f) => `https://github.test/acme/app/blob/c/${encodeURIComponent(f.path)}#L${f.line}` }),
    'workflow audit': () =>
      renderWorkflowAuditMarkdown({
        workflows: [],
        findings: HOSTILE_TEXT.map((text, i) => ({ ruleId: 'workflow-aws-static-keys', severity: 'high', path: `.github/workflows/${text}.yml`, line: i + 1, job: text, step: text, message: `${text} feeds keys`, replacement: `${text}\n\`\`\`\n~~~\n${text}` })),
        notices: HOSTILE_TEXT.map((text, i) => ({ path: text, line: i, message: text })),
      } as never),
    'secrets audit': () =>
      renderSecretsAuditMarkdown({
        secrets: [],
        findings: HOSTILE_TEXT.map((text) => ({ kind: 'orphaned', severity: 'low', secret: text, scope: 'environment', environment: text, message: text, owner: text })),
        notices: HOSTILE_TEXT.map((text) => ({ message: text })),
      } as never),
    'identity changes': () =>
      renderIdentityChangesMarkdown(
        HOSTILE_TEXT.map((text, i) => ({ kind: 'secret-without-owner', path: text, line: i + 1, message: text, owners: [text] })) as never,
        { blobUrl: (path, line) => `https://github.test/acme/app/blob/b/${encodeURIComponent(path)}#L${line}` },
      ),
  };

  for (const [name, render] of Object.entries(outputs)) {
    it(`${name}: no foreign link, mention, HTML, table break or stray code fence`, () => {
      const markdown = render();
      for (const [engine, renderWith] of renderers) {
        const html = renderWith(markdown);
        if (html === undefined) continue;
        const check = inspect(html);
        expect(check.foreignTags, `${engine}: ${check.foreignTags.join(',')}`).toEqual([]);
        expect(check.links.filter((href) => !allowed(href)), engine).toEqual([]);
        expect(check.images, engine).toBe(0);
        expect(check.mentions.filter((m) => m !== 'dana-dev'), engine).toEqual([]);
        expect(check.references, engine).toEqual([]);
        expect(check.brokenRows, engine).toBe(0);
        // Keyward's own comment markers are the only HTML comments.
        expect(check.comments, engine).toBe((markdown.match(/<!-- keyward:/g) ?? []).length);
        const ownDetails = (markdown.match(/^<details>/gm) ?? []).length;
        expect(check.details, engine).toBe(ownDetails);
        const ownFences = (markdown.match(/^ *```+(yaml|text)$/gm) ?? []).length;
        expect(check.codeBlocks, engine).toBe(ownFences);
      }
    });
  }
});
