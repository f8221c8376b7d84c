import { execFileSync } from 'node:child_process';
import { marked } from 'marked';

/** Text a pull request controls, in the spellings an attacker tries to make Markdown do something. */
export const HOSTILE_TEXT = [
  '<img src=x onerror=alert(1)>',
  '<IMG SRC=x>',
  '<!-- hide the rest',
  '<details open><summary>Looks fine</summary>',
  '</details></td></tr></table>',
  '<script>alert(1)</script>',
  '<a href="https://evil.example">docs</a>',
  '@acme/admins please approve',
  '@octocat',
  'cc @@octocat and (@octocat)',
  'mallory@evil.example',
  '<mallory@evil.example>',
  '[click](https://evil.example)',
  '![pixel](https://evil.example/p.png)',
  '[ref][1] [1]: https://evil.example',
  'https://evil.example/x',
  'http://evil.example',
  'www.evil.example/login',
  '<https://evil.example>',
  'javascript:alert(1)',
  '`code` and ``double``',
  '```',
  '~~~yaml',
  '    indented code',
  'a|b',
  'a\\|b',
  'a\\\\|b',
  'trailing backslash\\',
  '| x | y |',
  'row\n| injected | row |',
  '**bold** _em_ ~~strike~~',
  '# heading',
  '> quote',
  '- [x] task',
  '&lt;img src=x&gt;',
  '&#60;img src=x&#62;',
  'fixes #1 and GH-2',
  'bidi \u202eevil\u202c text',
  'nul \u0000 and bell \u0007',
  ':warning: :shipit:',
  '$$x$$ and $x$',
];

/** The tags Keyward's own Markdown produces; anything else in the HTML came from the text. */
const OWN_TAGS = new Set(['table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'code', 'p', 'ul', 'li', 'details', 'summary', 'br', 'strong', 'em', 'h2', 'h3', 'h4', 'pre', 'sub', 'blockquote', 'hr', 'ol']);

export interface RenderCheck {
  html: string;
  /** Tags outside Keyward's own set (raw HTML that got through). */
  foreignTags: string[];
  links: string[];
  images: number;
  comments: number;
  /** `@name` in text outside code, as GitHub would make a mention of it. */
  mentions: string[];
  /** `#12` / `GH-12` in text outside code, which GitHub links to issues. */
  references: string[];
  /** Rows whose cell count differs from their table's header. */
  brokenRows: number;
  details: number;
  codeBlocks: number;
}

export function renderMarked(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false });
}

let cmarkAvailable: boolean | undefined;
/** GitHub's own renderer (cmark-gfm, Debian package), raw HTML let through as GitHub does before sanitising. */
export function renderCmark(markdown: string): string | undefined {
  if (cmarkAvailable === undefined) {
    try {
      execFileSync('cmark-gfm', ['--version'], { stdio: 'ignore' });
      cmarkAvailable = true;
    } catch {
      cmarkAvailable = false;
    }
  }
  if (!cmarkAvailable) return undefined;
  return execFileSync('cmark-gfm', ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '-e', 'tasklist'], { input: markdown, encoding: 'utf8' });
}

function textOutsideCode(html: string): string {
  return html
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<pre>[\s\S]*?<\/pre>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCharCode(parseInt(n, 16)))
    .replace(/&(lt|gt|quot|amp);/g, ' ');
}

function brokenRows(html: string): number {
  let broken = 0;
  for (const table of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
    const rows = table.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
    const cells = rows.map((row) => (row.match(/<t[hd][ >]/g) ?? []).length);
    broken += cells.filter((n) => n !== cells[0]).length;
  }
  return broken;
}

export function inspect(html: string): RenderCheck {
  const tags = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!.toLowerCase());
  return {
    html,
    foreignTags: tags.filter((t) => !OWN_TAGS.has(t)),
    links: [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((m) => m[1]!),
    images: (html.match(/<img/gi) ?? []).length,
    comments: (html.match(/<!--/g) ?? []).length,
    mentions: [...textOutsideCode(html).matchAll(/(?:^|[^\w\u2060])@([A-Za-z0-9][\w-]*)/g)].map((m) => m[1]!),
    references: [...textOutsideCode(html).matchAll(/(?:^|[^\w\u2060])(#\d+|GH-\d+)/gi)].map((m) => m[1]!),
    brokenRows: brokenRows(html),
    details: (html.match(/<details/g) ?? []).length,
    codeBlocks: (html.match(/<pre/g) ?? []).length,
  };
}
