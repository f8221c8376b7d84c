// Renders Keyward's PR comment (or job summary) Markdown as GitHub shows it, for screenshots: GFM through marked,
// inside a page styled like a pull request's comment column (about 870 px), light or dark.
// Usage: node scripts/render-comment.mjs <layout.json> <comment|summary> <light|dark> <out.html>
import { readFileSync, writeFileSync } from 'node:fs';
import { marked } from 'marked';

const [input, part = 'comment', theme = 'light', output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/render-comment.mjs <layout.json> <comment|summary> <light|dark> <out.html>');
  process.exit(2);
}
const markdown = JSON.parse(readFileSync(input, 'utf8'))[part];
// GitHub links @login mentions after rendering; do the same for the look (the word joiner Keyward adds stops it).
const html = marked.parse(markdown, { gfm: true, async: false }).replace(/(^|[\s>(])@([A-Za-z0-9][A-Za-z0-9-]*)/g, '$1<a class="mention" href="#">@$2</a>');

const colors = {
  light: { bg: '#ffffff', page: '#f6f8fa', fg: '#1f2328', muted: '#59636e', border: '#d1d9e0', code: '#eff1f3', link: '#0969da', header: '#f6f8fa', stripe: '#f6f8fa' },
  dark: { bg: '#0d1117', page: '#010409', fg: '#f0f6fc', muted: '#9198a1', border: '#3d444d', code: '#2f3742', link: '#4493f8', header: '#151b23', stripe: '#151b23' },
}[theme];

const page = `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: ${colors.page}; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: ${colors.fg}; }
::-webkit-scrollbar { display: none; }
.column { width: 870px; margin: 8px; border: 1px solid ${colors.border}; border-radius: 6px; background: ${colors.bg}; }
.head { background: ${colors.header}; border-bottom: 1px solid ${colors.border}; padding: 8px 16px; font-size: 14px; color: ${colors.muted}; border-radius: 6px 6px 0 0; }
.head b { color: ${colors.fg}; }
.markdown-body { padding: 16px; font-size: 14px; line-height: 1.5; word-wrap: break-word; }
.markdown-body h3 { font-size: 1.25em; font-weight: 600; margin: 0 0 16px; }
.markdown-body p, .markdown-body table, .markdown-body ul, .markdown-body pre, .markdown-body details { margin: 0 0 16px; }
.markdown-body a { color: ${colors.link}; text-decoration: none; }
.markdown-body a.mention { font-weight: 600; color: ${colors.fg}; }
.markdown-body code { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 85%; background: ${colors.code}; padding: .2em .4em; border-radius: 6px; }
.markdown-body pre { background: ${colors.code}; padding: 16px; border-radius: 6px; overflow: auto; font-size: 85%; }
.markdown-body pre code { background: none; padding: 0; font-size: 100%; }
.markdown-body table { border-spacing: 0; border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
.markdown-body th, .markdown-body td { padding: 6px 13px; border: 1px solid ${colors.border}; }
.markdown-body th { font-weight: 600; }
.markdown-body tr:nth-child(2n) { background: ${colors.stripe}; }
.markdown-body summary { cursor: pointer; }
.markdown-body sub { color: ${colors.muted}; }
.markdown-body ul { padding-left: 2em; }
</style></head><body><div class="column"><div class="head"><b>github-actions</b> <span>bot</span> commented</div><div class="markdown-body">${html}</div></div></body></html>`;
writeFileSync(output, page);
