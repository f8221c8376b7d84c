/**
 * The one place Keyward turns text it does not control (paths, commit authors, job ids, step names, CODEOWNERS
 * entries, rule details, notice messages) into GitHub-flavoured Markdown or HTML. Every renderer (PR comment, job
 * summary, check-run text, workflow and secrets audits, identity changes, inventory) goes through these functions, so
 * hostile text renders as exactly itself: no link, autolink, mention, issue reference, raw HTML, emphasis, code fence
 * or table-cell break.
 */

/** Control characters, the Unicode line and paragraph separators, and the bidirectional overrides that reorder what a reviewer reads ("Trojan source"). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
/**
 * The ASCII punctuation that can start or shape Markdown, HTML, entities, math, autolinks (`:`, `.`, `@`) or a table
 * cell; CommonMark lets a backslash escape each. The rest (`/ , ; ? % = ^ " '`) does nothing inline and stays plain.
 */
const PUNCTUATION = /[!#$&()*+\-.:<>@[\\\]_`{|}~]/g;
/**
 * GitHub turns `@name` into a mention and `#12` / `GH-12` into issue links after rendering, in text nodes, whatever
 * the Markdown escapes said. A word joiner after the sign keeps the text readable and breaks the reference.
 */
const REFERENCE = /([@#])(?=[\p{L}\p{N}_-])/gu;
const WORD_JOINER = '\u2060';

/** One line: newlines and tabs become spaces, invisible and reordering characters become U+FFFD. */
export function plainLine(text: string): string {
  return text.replace(/\r\n?|\n|\t/g, ' ').replace(INVISIBLE, '\ufffd');
}

/**
 * Untrusted text as inline Markdown that renders as the text itself, safe inside a table cell, a list item or link
 * text. Every active punctuation character is backslash-escaped (the backslash too, so `\|` cannot undo the pipe's
 * escape), which also stops emphasis, HTML, entities and URL/e-mail autolinks; mentions and issue references are
 * broken with a word joiner.
 */
export function mdText(text: string): string {
  return plainLine(text)
    .replace(PUNCTUATION, (c) => `\\${c}`)
    .replace(/\\([@#])(?=[\p{L}\p{N}_-])/gu, `\\$1${WORD_JOINER}`)
    .replace(/\b(GH)(?=\\-\d)/gi, `$1${WORD_JOINER}`);
}

/**
 * Untrusted text as a code span, fenced with a backtick run longer than any inside it. Code spans show no links,
 * mentions or HTML. Not for table cells: there a pipe needs a backslash that code spans do not remove (use mdText).
 */
export function mdCode(text: string): string {
  const line = plainLine(text);
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') || /^ .* $/.test(line) ? ' ' : '';
  return `${fence}${pad}${line === '' ? ' ' : line}${pad}${fence}`;
}

/**
 * A code span where a table cell allows one: text with a pipe (whose escape a code span would keep, and which a
 * preceding backslash would undo) falls back to escaped text.
 */
export function mdCodeCell(text: string): string {
  return text.includes('|') ? mdText(text) : mdCode(text);
}

/** Untrusted multi-line text as a fenced code block whose fence no line inside can close. */
export function mdCodeBlock(text: string, language = '', indent = ''): string {
  const body = text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '\ufffd').trimEnd();
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${language}`, ...body.split('\n'), fence].map((line) => indent + line).join('\n');
}

/** Untrusted text inside raw HTML that Keyward writes (a `<summary>`): entities for markup, references broken. */
export function htmlText(text: string): string {
  return plainLine(text)
    .replace(REFERENCE, `$1${WORD_JOINER}`)
    .replace(/\b(GH)(?=-\d)/gi, `$1${WORD_JOINER}`)
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A URL Keyward built, made safe as a Markdown link destination: characters that could end it are percent-encoded. */
export function safeUrl(url: string): string {
  return url.replace(/[()<> \\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A link whose text is untrusted: the URL is Keyward's own (built from the server URL and encoded path segments). */
export function mdLink(text: string, url: string): string {
  return `[${mdText(text)}](${safeUrl(url)})`;
}

/** A table row from cells that are already Markdown; a cell never holds a newline. */
export function mdRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\n/g, ' ')).join(' | ')} |`;
}

export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [mdRow(header), mdRow(header.map(() => '---')), ...rows.map(mdRow)].join('\n');
}

/**
 * A collapsed section. The summary is plain text (HTML-escaped here); the body is Markdown, set off by blank lines so
 * GitHub renders it as Markdown inside the HTML block.
 */
export function mdDetails(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${htmlText(summary)}</summary>\n\n${body.trim()}\n\n</details>`;
}
