import { describe, expect, it } from 'vitest';
import { anchors } from '../../src/engine/anchors.js';
import { keywordForms, takesAForm } from '../../src/engine/keyword-forms.js';
import { regexBackends, ScanInput } from '../../src/engine/regex.js';
import { createScanner } from '../../src/engine/scanner.js';
import { builtinRules } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/types.js';
import { ALPHABETS } from '../../src/rules/shape.js';
import { fixtureOf } from '../rules/examples.js';

const texts = (pattern: string) => anchors(pattern).flatMap((anchor) => anchor.texts);
const ruleWith = (pattern: string, keywords: string[], extra: Partial<Rule> = {}) => ({ id: 't', pattern, keywords, ...extra }) as Rule;
const takes = (pattern: string, keyword: string, text: string) => {
  const forms = keywordForms(keyword, [ruleWith(pattern, [keyword])]);
  if (!forms) throw new Error(`no forms for ${pattern}`);
  const content = Buffer.from(text);
  return takesAForm(content, content.toString('latin1').toLowerCase().indexOf(keyword), forms);
};

describe('anchors', () => {
  it('reads case-sensitive literal runs at the top level and in required groups of one branch', () => {
    expect(texts('\\b(EAA[A-Z][A-Za-z0-9]{100,300})\\b')).toEqual(['EAA']);
    expect(texts('(?i:ab)CD(?:x|y)EF')).toEqual(['ab', 'CDxEF', 'CDyEF']);
    expect(texts('(?-i)Ab\\.c')).toEqual(['Ab.c']);
    expect(anchors('x(?i)YZ')).toMatchObject([{ texts: ['x'], caseless: false }, { texts: ['YZ'], caseless: true }]);
    expect(texts('(ABC|ABC)Q')).toEqual(['ABCQ']);
  });

  it('reads caseless runs and groups of plain alternatives as several texts', () => {
    const [lob] = anchors('(?i)(?:lob)[\\w.-]{0,24}=\\s*((?:live|test)_[a-f0-9]{35})');
    expect(lob).toMatchObject({ texts: ['lob'], caseless: true });
    const value = anchors('(?i)(?:lob)[\\w.-]{0,24}=\\s*((?:live|test)_[a-f0-9]{35})').at(-1);
    expect(value).toMatchObject({ texts: ['live_', 'test_'], caseless: true });
    expect(value!.followedBy[0]!.allowed['F'.charCodeAt(0)]).toBe(1);
    expect(anchors('(?i)foo(BAR)')[0]).toMatchObject({ texts: ['fooBAR'], caseless: true });
  });

  it('knows nothing rather than guess: quantified atoms, alternatives that differ', () => {
    expect(texts('ab+c')).toEqual(['a', 'c']);
    expect(texts('(?:AB.|ABD)')).toEqual([]);
    expect(texts('(?:ABC|ABD)+')).toEqual([]);
    expect(texts('(?:ghp_)?x')).toEqual(['x']);
    expect(texts('\\QEAA\\E')).toEqual([]);
  });

  it('reads the secret words a keyed name must reach, as each alternative opens', () => {
    const [name] = anchors('(?i:(?:toggl)[\\w. \\t-]{0,16}?(?:key|token|credentials?|api[_-]?key)[\\w.-]{0,8})=');
    const [reach] = name!.followedBy;
    expect(reach).toMatchObject({ count: 0, upTo: 16 });
    expect(reach!.words?.caseless).toBe(true);
    expect(reach!.words?.texts.map(String)).toEqual(['key', 'token', 'credential', 'api']);
    expect(reach!.allowed['\t'.charCodeAt(0)]).toBe(1);
    expect(anchors('ab[0-9]{0,4}(?:x|y+)')[0]!.followedBy[0]?.words).toBeUndefined();
    expect(anchors('ab[0-9]{0,4}(?i:key)')[0]!.followedBy[0]?.words).toBeUndefined();
  });

  it('records the guard before a literal and the classes after it', () => {
    const [eaa] = anchors('\\b(EAA[A-Z][A-Za-z0-9]{100,300})\\b');
    expect(eaa!.followedBy.map((f) => f.count)).toEqual([1, 100]);
    expect(eaa!.notAfter?.['_'.charCodeAt(0)]).toBe(1);
    const [exo] = anchors('(?:^|[^A-Za-z0-9_])(EXO[a-f0-9]{24})(?:[^A-Za-z0-9_]|$)');
    expect(exo!.notAfter?.['x'.charCodeAt(0)]).toBe(1);
    expect(exo!.notAfter?.['"'.charCodeAt(0)]).toBe(0);
    expect(exo!.followedBy).toHaveLength(1);
  });
});

describe('keywordForms', () => {
  it('keeps only hits that can sit inside a match', () => {
    const facebook = '\\b(EAA[A-Z][A-Za-z0-9]{100,300})\\b';
    const value = 'EAAC' + 'aB3'.repeat(40);
    expect(takes(facebook, 'eaa', `token = "${value}"`)).toBe(true);
    expect(takes(facebook, 'eaa', `token = "${value.toLowerCase()}"`)).toBe(false);
    expect(takes(facebook, 'eaa', 'mappings: "AAAA;EAAA,CAAC,EAAE"')).toBe(false);
    expect(takes(facebook, 'eaa', `x_${value}`)).toBe(false);
    expect(takes(facebook, 'eaa', value.slice(0, 60))).toBe(false);
  });

  it('turns away a URL hit whose host part ends before any colon', () => {
    const url = String.raw`(?i)\b[a-z][a-z0-9+.-]{1,20}://[^:/\s'"@<>]{1,128}:([^@\s'"/<>]{6,256})@(?:[A-Za-z0-9._-]+\.[A-Za-z]{2,24}|localhost\b)`;
    expect(takes(url, '://', 'see https://code.jquery.com/jquery.js')).toBe(false);
    expect(takes(url, '://', 'file:///etc/passwd')).toBe(false);
    // Credentials put together at run time, so Keyward's scan of its own repository does not find them here.
    const at = '@';
    expect(takes(url, '://', `DATABASE_URL=postgres://app_user:s3cretP4ss${at}db.example.net/app`)).toBe(true);
    expect(takes(url, '://', `x = "https://ünïcode:pässwörd1${at}host.example.net"`)).toBe(true);
    expect(takes(url, '://', `https://${'a'.repeat(513)}:password1@host.example.net`)).toBe(false);
  });

  it('turns away a keyed name that no secret word follows', () => {
    // The one-line keyed form (a provider name, its secret word, the value). Built-in keyed rules also take the
    // provider on the line above the value and the bare form: see the test of toggl-api-token's forms below.
    const toggl = String.raw`(?i:(?:toggl)[\w. \t-]{0,16}?(?:key|token|secret|pat|password|passwd|pwd|auth|credentials?|access|private)[\w.-]{0,8})\s*(?::|=)\s*["']?([a-f0-9]{32})(?:[^A-Za-z0-9_+/=-]|$)`;
    expect(takes(toggl, 'toggl', '$(el).toggleClass("open", state);')).toBe(false);
    expect(takes(toggl, 'toggl', 'TOGGL_API_TOKEN=0123456789abcdef0123456789abcdef')).toBe(true);
    expect(takes(toggl, 'toggl', 'toggl track  key: 0123456789abcdef0123456789abcdef')).toBe(true);
    expect(takes(toggl, 'toggl', `toggl${'_'.repeat(17)}key: 0123456789abcdef0123456789abcdef`)).toBe(false);
    // RE2 folds the Kelvin sign to k and the long s to s: past ASCII, a caseless word is taken as there.
    expect(takes(toggl, 'toggl', 'toggl_\u212Aey=0123456789abcdef0123456789abcdef')).toBe(true);
    expect(takes(toggl, 'toggl', 'toggl_\u017Fecret=0123456789abcdef0123456789abcdef')).toBe(true);
    const kelvin = Buffer.from('toggl_\u212Aey=0123456789abcdef0123456789abcdef');
    let matched = false;
    regexBackends.default.compile(toggl).scan(new ScanInput(kelvin), 0, kelvin.length, () => (matched = true));
    expect(matched).toBe(true);
  });

  it('gives none when some rule listing the keyword may match without it in an anchor, or start lines above it', () => {
    expect(keywordForms('eaa', [ruleWith('EAA[0-9]', ['eaa']), ruleWith('(?:x|eaa)[0-9]', ['eaa'])])).toBeUndefined();
    expect(keywordForms('eaa', [ruleWith('[\\s\\S]{0,9}EAA[0-9]', ['eaa'], { multilineWindow: 512 })])).toBeUndefined();
    expect(keywordForms('eaa', [ruleWith('(?:x\\n)?EAA[0-9]', ['eaa'], { multilineWindow: 512 })])).toBeUndefined();
    expect(keywordForms('eaa', [ruleWith('[\\s\\S]{0,9}EAA[0-9]', ['eaa'])])).toHaveLength(1);
    expect(keywordForms('eaa', [ruleWith('[ \\t]{0,9}EAA[0-9][\\s\\S]*', ['eaa'], { multilineWindow: 512 })])).toHaveLength(1);
    expect(keywordForms('eaa', [ruleWith('EAA[0-9]', ['eaa']), ruleWith('x(EAA)', ['eaa'])])).toHaveLength(2);
  });

  it('reads the byte a group after a literal opens with', () => {
    const [name] = anchors('\\b(?:toggl)(?:[^A-Za-z0-9\\n][^\\n]*)?\\n');
    expect(name!.followedBy).toHaveLength(1);
    expect(name!.followedBy[0]!.allowed['e'.charCodeAt(0)]).toBe(0);
    expect(name!.followedBy[0]!.allowed['\n'.charCodeAt(0)]).toBe(1);
    expect(name!.followedBy[0]!.allowed[0xc3]).toBe(1);
    expect(anchors('ab(?:c|d?)')[0]!.followedBy).toHaveLength(0);
    expect(anchors('ab(?:c|d)?$')[0]!.followedBy).toHaveLength(0);
    // Caseless, `k` and `s` may be the Kelvin sign or the long s: a byte past ASCII may open them.
    expect(anchors('(?i)ab(?:k|x+)')[0]!.followedBy[0]!.allowed[0xe2]).toBe(1);
    expect(anchors('(?i)ab(?:q|x+)')[0]!.followedBy[0]!.allowed[0xe2]).toBe(0);
  });

  it('takes a keyed rule\'s forms from each alternative its pattern opens with, across lines too', () => {
    const rule = builtinRules.find((candidate) => candidate.id === 'toggl-api-token')!;
    const forms = keywordForms('toggl', [rule]);
    expect(forms).toBeDefined();
    const at = (text: string) => takesAForm(Buffer.from(text), text.toLowerCase().indexOf('toggl'), forms!);
    expect(at('$(el).toggleClass("open", state);')).toBe(false);
    expect(at('e.toggle(!0)')).toBe(false);
    expect(at('TOGGL_API_TOKEN=0123456789abcdef0123456789abcdef')).toBe(true);
    expect(at('[toggl]\napi_token = "0123456789abcdef0123456789abcdef"')).toBe(true);
    expect(at('toggl: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef')).toBe(true);
  });

  it('holds a hit taking a form inside every true example of every built-in rule whose keywords have forms', () => {
    const withForms = builtinRules.filter((rule) => rule.keywords.every((keyword) => keywordForms(keyword.toLowerCase(), [rule])));
    expect(withForms.length).toBeGreaterThan(100);
    for (const rule of withForms) {
      const forms = rule.keywords.map((keyword) => [keyword.toLowerCase(), keywordForms(keyword.toLowerCase(), [rule])!] as const);
      for (const example of rule.examples ? fixtureOf(rule, ALPHABETS).positives() : []) {
        const content = Buffer.from(example);
        const lower = example.toLowerCase();
        const taken = forms.some(([keyword, own]) => [...lower.matchAll(new RegExp(keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].some((hit) => takesAForm(content, hit.index, own)));
        expect(taken, `${rule.id}: a true example whose every keyword hit was turned away`).toBe(true);
      }
    }
  });

  it('lets the scanner find a token beside a source map full of its keyword', () => {
    const value = 'EAAC' + 'Zq7LmW2vXk9PbT4nHs6RcY1dJf8GuA3eKo5iNw0tQ'.repeat(3);
    const map = `{"mappings":"${'EAAA,CAAC,EAAE;'.repeat(2000)}"}\n`;
    const findings = createScanner().scanBuffer(Buffer.from(`${map}const fb = "${value}";\n`), 'app.js').findings;
    expect(findings.map((f) => f.ruleId)).toContain('facebook-access-token');
  });
});
