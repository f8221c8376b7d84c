import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 6:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(16);
const utils = __nccwpck_require__(59);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(595);
const utils = __nccwpck_require__(59);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 16:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(781);
const parse = __nccwpck_require__(265);
const utils = __nccwpck_require__(59);
const constants = __nccwpck_require__(595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(59);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 59:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./src/rules/stores/formats.ts
/**
 * Credential stores recognised by their bytes, whatever the file is called: what each format's header says about
 * whether it holds secrets. Pure reads of a buffer; nothing is decrypted and nothing of the content is returned.
 */
const startsWith = (content, bytes, at = 0) => content.length >= at + bytes.length && bytes.every((byte, i) => content[at + i] === byte);
/** A DER length at `at`: its value and where the contents start; undefined when malformed. Indefinite (BER) counts as 0. */
function derLength(content, at) {
    const first = content[at];
    if (first === undefined)
        return undefined;
    if (first < 0x80)
        return { length: first, next: at + 1 };
    if (first === 0x80)
        return { length: 0, next: at + 1 };
    const size = first & 0x7f;
    if (size > 4 || at + 1 + size > content.length)
        return undefined;
    let length = 0;
    for (let i = 0; i < size; i++)
        length = length * 256 + content[at + 1 + i];
    return { length, next: at + 1 + size };
}
const OID_PKCS7_DATA = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07];
/** pkcs-12 bag types 1.2.840.113549.1.12.10.1.1 (keyBag) and .2 (pkcs8ShroudedKeyBag), as DER, without the last byte. */
const OID_KEY_BAG = Buffer.from([0x06, 0x0b, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x0a, 0x01]);
/**
 * PKCS#12 (RFC 7292): SEQUENCE { INTEGER 3, ContentInfo { data | signedData } ... }. Key bags sit in plain `data` in
 * what openssl, Windows and keytool write (only certificates are encrypted as a whole), so a key bag's type is visible.
 */
function pkcs12(content) {
    if (content[0] !== 0x30)
        return undefined;
    const outer = derLength(content, 1);
    if (!outer || !startsWith(content, [0x02, 0x01, 0x03, 0x30], outer.next))
        return undefined;
    const info = derLength(content, outer.next + 4);
    if (!info || !startsWith(content, OID_PKCS7_DATA, info.next) || ![1, 2].includes(content[info.next + OID_PKCS7_DATA.length]))
        return undefined;
    for (let at = content.indexOf(OID_KEY_BAG); at !== -1; at = content.indexOf(OID_KEY_BAG, at + 1)) {
        const bag = content[at + OID_KEY_BAG.length];
        if (bag === 1 || bag === 2)
            return { holds: 'secret', reason: `a PKCS#12 keystore holding a private key (${bag === 1 ? 'keyBag' : 'shrouded keyBag'})` };
    }
    return { holds: 'unknown', reason: 'a PKCS#12 keystore whose contents are encrypted (it may hold private keys)' };
}
/** A cursor over a Java keystore's big-endian fields; throws RangeError past the end. */
class Reader {
    content;
    at;
    constructor(content, at = 0) {
        this.content = content;
        this.at = at;
    }
    u16() {
        const value = this.content.readUInt16BE(this.at);
        this.at += 2;
        return value;
    }
    u32() {
        const value = this.content.readUInt32BE(this.at);
        this.at += 4;
        return value;
    }
    skip(bytes) {
        if (this.at + bytes > this.content.length)
            throw new RangeError('past the end');
        this.at += bytes;
    }
}
/** Skips one certificate: its type name (version 2 keystores) and its DER bytes. */
function skipCertificate(reader, version) {
    if (version === 2)
        reader.skip(reader.u16());
    reader.skip(reader.u32());
}
/**
 * JKS (FEEDFEED) and JCEKS (CECECECE): a version, a count, then entries tagged 1 (private key), 2 (trusted
 * certificate) or 3 (JCEKS secret key). A keystore of trusted certificates only is a truststore: public.
 */
function javaKeystore(content) {
    const jks = startsWith(content, [0xfe, 0xed, 0xfe, 0xed]);
    if (!jks && !startsWith(content, [0xce, 0xce, 0xce, 0xce]))
        return undefined;
    const format = jks ? 'JKS' : 'JCEKS';
    const reader = new Reader(content, 4);
    try {
        const version = reader.u32();
        const count = reader.u32();
        if (version !== 1 && version !== 2)
            return { holds: 'unknown', reason: `a Java keystore (${format}) of an unknown version` };
        for (let entry = 0; entry < count; entry++) {
            const tag = reader.u32();
            if (tag === 1 || tag === 3)
                return { holds: 'secret', reason: `a Java keystore (${format}) holding a ${tag === 1 ? 'private' : 'secret'} key entry` };
            if (tag !== 2)
                return { holds: 'unknown', reason: `a Java keystore (${format}) with an entry Keyward cannot read` };
            reader.skip(reader.u16()); // alias
            reader.skip(8); // creation time
            skipCertificate(reader, version);
        }
        return { holds: 'public', reason: `a Java truststore (${format}) of ${count} trusted certificates` };
    }
    catch {
        return { holds: 'unknown', reason: `a truncated Java keystore (${format})` };
    }
}
/** KeePass: signature 9AA2D903, then B54BFB67 (KeePass 2, .kdbx) or B54BFB65 (KeePass 1, .kdb), little-endian. */
function keepass(content) {
    if (!startsWith(content, [0x03, 0xd9, 0xa2, 0x9a]))
        return undefined;
    if (startsWith(content, [0x67, 0xfb, 0x4b, 0xb5], 4) && content.length >= 12)
        return { holds: 'secret', reason: `a KeePass 2 password database (KDBX ${content.readUInt16LE(10)}.${content.readUInt16LE(8)})` };
    if (startsWith(content, [0x65, 0xfb, 0x4b, 0xb5], 4))
        return { holds: 'secret', reason: 'a KeePass 1 password database (KDB)' };
    return undefined;
}
/** OpenPGP public-key algorithm ids (RFC 4880, RFC 9580): RSA, Elgamal, DSA, ECDH, ECDSA, EdDSA, X25519, X448, Ed25519, Ed448. */
const PGP_ALGORITHMS = new Set([1, 2, 3, 16, 17, 18, 19, 22, 25, 26, 27, 28]);
/** An OpenPGP packet header at the start: its tag and where its body starts. */
function pgpPacket(content) {
    const first = content[0];
    if (first === undefined || (first & 0x80) === 0)
        return undefined;
    if (first & 0x40) {
        const octet = content[1] ?? 255;
        return { tag: first & 0x3f, body: octet < 192 ? 2 : octet < 224 ? 3 : octet === 255 ? 6 : 2 };
    }
    const lengthType = first & 0x03;
    return { tag: (first >> 2) & 0x0f, body: 1 + [1, 2, 4, 0][lengthType] };
}
/**
 * An OpenPGP secret key (packet tag 5), as `gpg --export-secret-keys` and old `secring.gpg` write it: a version
 * (3 to 6), the creation time and a known algorithm. GnuPG 2.1's own key files (`private-keys-v1.d/*.key`) are
 * S-expressions naming a (protected) private key.
 */
function gpgSecretKey(content) {
    const head = content.toString('latin1', 0, 64);
    if (/^(?:\(\d+:(?:protected-)?private-key\(|Key: \((?:protected-)?private-key\b)/.test(head)) {
        return { holds: 'secret', reason: 'a GnuPG private key file (private-keys-v1.d)' };
    }
    const packet = pgpPacket(content);
    if (!packet || packet.tag !== 5)
        return undefined;
    const version = content[packet.body];
    const algorithm = content[packet.body + (version === 3 ? 7 : 5)];
    if (version === undefined || version < 3 || version > 6 || algorithm === undefined || !PGP_ALGORITHMS.has(algorithm))
        return undefined;
    return { holds: 'secret', reason: `an OpenPGP secret key (version ${version} key packet), as gpg --export-secret-keys writes it` };
}
const OPENSSH_MAGIC = Buffer.from('openssh-key-v1\0', 'latin1');
/** The binary form inside `-----BEGIN OPENSSH PRIVATE KEY-----`, written out decoded. */
function opensshBinaryKey(content) {
    return content.subarray(0, OPENSSH_MAGIC.length).equals(OPENSSH_MAGIC) ? { holds: 'secret', reason: 'an OpenSSH private key in binary form (openssh-key-v1)' } : undefined;
}
/** Every binary store format, for the engine's notices: the first that recognises the bytes. */
const STORE_FORMATS = [pkcs12, javaKeystore, keepass, gpgSecretKey, opensshBinaryKey];
function storeVerdict(content) {
    for (const format of STORE_FORMATS) {
        const verdict = format(content);
        if (verdict)
            return verdict;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/engine/utf16.ts
/** A BOM (FF FE little-endian, FE FF big-endian) at the start, or nothing. */
function utf16Bom(content) {
    if (content.length < 2)
        return undefined;
    if (content[0] === 0xff && content[1] === 0xfe)
        return 'le';
    if (content[0] === 0xfe && content[1] === 0xff)
        return 'be';
    return undefined;
}
/**
 * The alternating-NUL shape of mostly-ASCII UTF-16: NUL in many of every other byte (`minShare` of the pairs; less is
 * asked when a BOM already says UTF-16) and almost never in the others. Odd positions mean little-endian. A patch's added lines, or text cut at a line start, may begin on the
 * odd byte of a newline; that reads as the other byte order, and the per-line decoding below handles either.
 */
function utf16Pattern(sample, minShare = 0.3) {
    const pairs = sample.length >> 1;
    if (pairs < 2)
        return undefined;
    // Per byte order: pairs whose high byte is NUL and whose low byte is a printable or whitespace character, and
    // pairs whose low byte is NUL (which UTF-16 text almost never has).
    let leText = 0;
    let beText = 0;
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i + 1 < sample.length; i += 2) {
        const even = sample[i];
        const odd = sample[i + 1];
        if (even === 0)
            evenZeros++;
        if (odd === 0)
            oddZeros++;
        if (odd === 0 && textByte(even))
            leText++;
        if (even === 0 && textByte(odd))
            beText++;
    }
    if (leText >= pairs * minShare && evenZeros <= pairs * 0.02)
        return 'le';
    if (beText >= pairs * minShare && oddZeros <= pairs * 0.02)
        return 'be';
    return undefined;
}
const textByte = (byte) => byte >= 0x20 || byte === 9 || byte === 10 || byte === 13;
/**
 * Decodes line by line, splitting where git does (at every 0x0A byte), so line numbers stay git's. In little-endian
 * text the byte after a newline's 0x0A is that newline's 0x00: a line of odd length starting with 0x00 drops it (in
 * big-endian text, one ending with 0x00 drops that). Each line decodes on its own, so a patch's gaps or a cut in the
 * middle of a file never shift the byte pairing of the lines after it.
 */
function decodeUtf16(content, order) {
    const lines = [];
    const leads = [];
    let start = 0;
    for (;;) {
        const newline = content.indexOf(10, start);
        const end = newline === -1 ? content.length : newline;
        let from = start;
        let to = end;
        let lead = 0;
        if (start === 0 && utf16Bom(content) === order) {
            from += 2;
            lead = 2;
        }
        if ((to - from) % 2 === 1) {
            if (order === 'le' && content[from] === 0) {
                from += 1;
                lead += 1;
            }
            else
                to -= 1;
        }
        lines.push(decodeUnits(content.subarray(from, to), order));
        leads.push(lead);
        if (newline === -1)
            break;
        start = newline + 1;
    }
    const text = Buffer.from(lines.join('\n'), 'utf8');
    const starts = [0];
    for (let at = text.indexOf(10); at !== -1; at = text.indexOf(10, at + 1))
        starts.push(at + 1);
    return { text, lead: Uint8Array.from(leads), starts };
}
function decodeUnits(units, order) {
    if (order === 'le')
        return units.toString('utf16le');
    const swapped = Buffer.from(units);
    swapped.swap16();
    return swapped.toString('utf16le');
}
/** A decoded line and UTF-8 column back to the original file's byte column: two bytes per UTF-16 code unit. */
function originalColumn(decoded, line, column) {
    const start = decoded.starts[line - 1] ?? 0;
    const units = decoded.text.toString('utf8', start, start + column - 1).length;
    return (decoded.lead[line - 1] ?? 0) + 2 * units + 1;
}
/**
 * A finding made on the decoded text, placed on the original bytes: lines are the same, byte columns count the file's
 * two bytes per code unit, and the UTF-16 columns are the decoded text's (the file's own code units).
 */
function mapUtf16Finding(finding, decoded) {
    return {
        ...finding,
        column: originalColumn(decoded, finding.line, finding.column),
        endColumn: originalColumn(decoded, finding.endLine, finding.endColumn),
        utf16Column: finding.utf16Column ?? finding.column,
        utf16EndColumn: finding.utf16EndColumn ?? finding.endColumn,
    };
}

;// CONCATENATED MODULE: ./src/engine/content.ts


/** How much of the start git (and Keyward's first look) reads to judge content. */
const HEAD = 8000;
/** Git's own heuristic: a NUL byte in the first 8000 bytes means binary. Keyward uses it only as a first look. */
function looksBinary(content) {
    // indexOf on a Buffer is memchr: ten times the speed of a JS loop over the same 8000 bytes.
    const head = Buffer.from(content.buffer, content.byteOffset, Math.min(content.length, HEAD));
    return head.indexOf(0) !== -1;
}
/**
 * The 1-based UTF-16 column of a byte offset, given the byte offset its line starts at: what GitHub's annotations and
 * SARIF's `utf16CodeUnits` count. The one conversion from Keyward's byte columns; equal to them on ASCII lines.
 */
function utf16Column(content, lineStart, offset) {
    let ascii = true;
    for (let i = lineStart; i < offset && ascii; i++)
        ascii = content[i] < 0x80;
    return ascii ? offset - lineStart + 1 : content.toString('utf8', lineStart, offset).length + 1;
}
function classifyContent(content, path, maxSize) {
    if (content.length > maxSize) {
        return { kind: 'too-large', notice: { kind: 'too-large', path, unscanned: true, message: `${path}: ${content.length} bytes is over the ${maxSize}-byte limit (maxFileSize); not scanned` } };
    }
    const head = content.subarray(0, HEAD - (Math.min(content.length, HEAD) % 2));
    // A BOM alone proves little (FF FE may open any bytes); with it, a few NULs in the right places make it UTF-16. UTF-16
    // without a single NUL has no ASCII character, so no secret to find: it is scanned as it is.
    const bom = utf16Bom(content);
    if (bom && utf16Pattern(head.subarray(2), 0.05) === bom)
        return utf16Text(content, bom);
    if (!looksBinary(content))
        return isLfsPointer(content) ? { kind: 'lfs-pointer' } : { kind: 'text', text: content };
    const order = utf16Pattern(head);
    if (order)
        return utf16Text(content, order);
    if (mostlyText(content))
        return { kind: 'text', text: content };
    const store = credentialStore(content, path);
    if (store) {
        return { kind: 'binary', notice: { kind: 'binary', path, unscanned: true, message: `${path}: ${/^an? /.test(store) ? store : `a binary ${store}`}, which can hold keys Keyward cannot read; not scanned (review it, or keep it out of the repository)` } };
    }
    return { kind: 'binary' };
}
function utf16Text(content, order) {
    const decoded = decodeUtf16(content, order);
    return { kind: 'text', text: decoded.text, utf16: decoded };
}
/**
 * Classifies, scans what is text with `scanText`, and maps findings on decoded UTF-16 back to the original bytes.
 * Binaries are scanned for provider keys only and come back as `skipped: 'binary'` (the sources count them in one
 * notice); binaries of credential-store types and content over the cap come back with their own `unscanned` notice.
 */
function scanClassified(content, path, maxSize, scanText) {
    const kind = classifyContent(content, path, maxSize);
    if (kind.kind === 'binary') {
        // A key in plain bytes inside binary noise (or text wrapped in it to look binary) is still a key: binaries are
        // scanned with the provider rules, whose shapes do not occur by chance; generic rules would report noise.
        return { findings: scanText(content, true), notices: kind.notice ? [kind.notice] : [], skipped: 'binary' };
    }
    if (kind.kind !== 'text')
        return { findings: [], notices: 'notice' in kind && kind.notice ? [kind.notice] : [], skipped: kind.kind };
    const findings = scanText(kind.text);
    const { utf16 } = kind;
    return { findings: utf16 ? findings.map((finding) => mapUtf16Finding(finding, utf16)) : findings, notices: [] };
}
/**
 * A Git LFS pointer is exactly: the version line, optional extension lines, `oid sha256:<64 hex>`, `size <n>`, each
 * ending in a newline, in well under 1 KB (the spec's limit for a pointer). Anything else that merely starts with the
 * version line is a file like any other, and is scanned.
 */
const LFS_SHAPE = /^version https:\/\/git-lfs\.github\.com\/spec\/v1\n(?:ext-\d-[a-z0-9.-]+ sha256:[0-9a-f]{64}\n)*oid sha256:[0-9a-f]{64}\nsize (?:0|[1-9]\d{0,18})\n$/;
const LFS_START = Buffer.from('version https://git-lfs.github.com/spec/v1\n');
function isLfsPointer(content) {
    if (content.length > 1024 || content.length < LFS_START.length)
        return false;
    if (!content.subarray(0, LFS_START.length).equals(LFS_START))
        return false;
    return LFS_SHAPE.test(content.toString('latin1'));
}
/** Bytes sampled to judge content that holds NUL: the head, and windows spread over the rest. */
function samples(content) {
    const parts = [content.subarray(0, HEAD)];
    const window = 4096;
    const rest = content.length - HEAD;
    if (rest <= 0)
        return parts;
    const count = Math.min(6, Math.ceil(rest / window));
    for (let i = 0; i < count; i++) {
        const at = HEAD + Math.floor((rest - window) * ((i + 1) / (count + 1)));
        parts.push(content.subarray(Math.max(HEAD, at), Math.max(HEAD, at) + window));
    }
    return parts;
}
/**
 * True when content that holds NUL bytes is still text: few control bytes and little that is not valid UTF-8. Binary
 * formats (compressed images, archives, executables) are full of both; a text file with a stray NUL is not.
 */
function mostlyText(content) {
    let total = 0;
    let odd = 0;
    for (const part of samples(content)) {
        total += part.length;
        odd += oddBytes(part);
    }
    return total > 0 && odd / total < 0.3;
}
/** Control bytes other than whitespace and ESC, DEL, and bytes of invalid UTF-8 sequences. */
function oddBytes(part) {
    let odd = 0;
    for (let i = 0; i < part.length; i++) {
        const byte = part[i];
        if (byte < 0x80) {
            if ((byte < 0x20 && !(byte >= 9 && byte <= 13) && byte !== 0x1b) || byte === 0x7f)
                odd++;
            continue;
        }
        const length = byte >= 0xf0 && byte <= 0xf4 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 && byte <= 0xdf ? 2 : 0;
        let valid = length > 0 && i + length <= part.length;
        for (let k = 1; valid && k < length; k++)
            valid = (part[i + k] & 0xc0) === 0x80;
        if (valid && length > 0)
            i += length - 1;
        else
            odd++;
    }
    return odd;
}
/** File types that store keys in binary form; by extension, or by the magic number of the format. */
const STORE_EXTENSIONS = {
    p12: 'PKCS#12 keystore', pfx: 'PKCS#12 keystore', jks: 'Java keystore', jceks: 'Java keystore', bks: 'Bouncy Castle keystore',
    keystore: 'keystore', kdbx: 'KeePass database', kdb: 'KeePass database', der: 'DER key or certificate', key: 'binary key file',
    pvk: 'Windows private key', snk: '.NET strong-name key', gpg: 'GnuPG keyring', pgp: 'PGP keyring', kbx: 'GnuPG keybox',
    keychain: 'macOS keychain', 'keychain-db': 'macOS keychain',
};
/** Formats the store rules do not read (src/rules/stores/formats.ts reads the others). */
const STORE_MAGIC = [
    [[0x1e, 0xf1, 0xb5, 0xb0], 0, 'Windows private key'],
    [[0x4b, 0x42, 0x58, 0x66], 8, 'GnuPG keybox'],
    [[0x6b, 0x79, 0x63, 0x68], 0, 'macOS keychain'],
];
/**
 * What kind of credential store a binary is, for the not-scanned notice: by its bytes (a truststore of certificates
 * only is none), else by its extension. Stores whose bytes show secrets are also a store rule's finding.
 */
function credentialStore(content, path) {
    const verdict = storeVerdict(content);
    if (verdict)
        return verdict.holds === 'public' ? undefined : verdict.reason;
    for (const [bytes, offset, name] of STORE_MAGIC) {
        if (bytes.every((byte, i) => content[offset + i] === byte))
            return name;
    }
    const dot = path.lastIndexOf('.');
    return dot === -1 || path.indexOf('/', dot) !== -1 ? undefined : STORE_EXTENSIONS[path.slice(dot + 1).toLowerCase()];
}
/** Programming languages by extension: where an unquoted right-hand side is an expression, not a value. */
const CODE_EXTENSIONS = new Set('js mjs cjs jsx ts mts cts tsx java kt kts scala groovy go rs c h cc cpp hpp cs swift m php rb py lua dart vue svelte'.split(' '));
/** Extensions that say the syntax is not code: config, data, markup, shell. */
const TEXT_EXTENSIONS = new Set('yaml yml json jsonc json5 env ini toml conf cfg cnf properties props xml plist md markdown rst adoc html htm sh bash zsh ksh fish ps1 psm1 bat cmd tf tfvars hcl sql csv tsv pem crt key pub gradle sbt'.split(' '));
/** Suffixes of copies and backups: `app.js.bak` is judged as `app.js`. */
const COPY_SUFFIXES = new Set('bak orig old tmp swp save backup dist sample example template tpl'.split(' '));
/** The extension that names a path's syntax, lower-cased, past backup suffixes; '' for none. */
function syntaxExtension(path) {
    const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
    const parts = name.split('.').slice(1);
    while (parts.length > 1 && COPY_SUFFIXES.has(parts.at(-1)))
        parts.pop();
    return parts.at(-1) ?? '';
}
/**
 * What a file is written in: by its extension when that names a language or a config format, else (`.txt`, none, a
 * backup, an unknown one) by what its content looks like, so JavaScript saved as `.txt` is judged as JavaScript.
 */
function fileSyntax(path, content) {
    const extension = syntaxExtension(path);
    if (CODE_EXTENSIONS.has(extension))
        return 'code';
    if (TEXT_EXTENSIONS.has(extension))
        return 'text';
    return looksLikeCode(content.toString('latin1', 0, Math.min(content.length, CODE_SAMPLE))) ? 'code' : 'text';
}
const CODE_SAMPLE = 16384;
/** An interpreter line of a programming language (shell scripts are judged as text: `export TOKEN=...` is an env line). */
const CODE_SHEBANG = /^#!\S*(?:\/|env\s+)(?:node|nodejs|deno|bun|ts-node|python[0-9.]*|ruby|perl|php|lua|groovy|kotlin)\b/;
/** Lines only code writes: statements and declarations by their keyword, and the ends of statements and blocks. */
const CODE_LINE = new RegExp([
    String.raw `^(?:export\s+)?(?:(?:async\s+)?function\b|var\s|let\s|const\s|class\s|import\s|return\b|package\s|def\s|func\s|fn\s|namespace\s|using\s|#include\b|#define\b|module\.exports\b|require\(|(?:public|private|protected|static)\s)`,
    String.raw `^from\s+\S+\s+import\s`,
    String.raw `^(?:if|for|while|switch|catch|else\s+if)\s*\(`,
    String.raw `^(?:if|elif|else|for|while|try|except|with)\b.*:$`,
    String.raw `^(?:\}|\]\)|\)\s*[;,)]|<\?php\b)`,
    String.raw `(?:;|[)=]\s*\{|=>\s*\{?|\);?,?)$`,
].join('|'));
/**
 * True when a sample of text reads as a programming language: a code interpreter line, a third of the lines being
 * statements or block ends (config lines are `key: value` and `KEY=value`), or minified code on a few long lines.
 */
function looksLikeCode(sample) {
    if (CODE_SHEBANG.test(sample))
        return true;
    // Comments (`# ...`, `// ...`) are neither; C's preprocessor lines are code.
    const lines = sample.split('\n').map((line) => line.trim()).filter((line) => line.length > 0 && !/^(?:#(?!include|define|if|endif)|\/\/)/.test(line));
    if (lines.length === 0)
        return false;
    if (lines.length <= 3 && sample.length > 2000)
        return (sample.match(/[;{}]/g)?.length ?? 0) > sample.length / 100 && /\bfunction\b|=>/.test(sample);
    const code = lines.filter((line) => CODE_LINE.test(line)).length;
    return code >= 2 && code / lines.length >= 0.3;
}
/** Maps byte offsets to 1-based line and column; built lazily, only for content that has findings. */
class LineIndex {
    content;
    starts;
    constructor(content) {
        this.content = content;
    }
    lineStarts() {
        if (!this.starts) {
            const starts = [0];
            for (let at = this.content.indexOf(10); at !== -1; at = this.content.indexOf(10, at + 1))
                starts.push(at + 1);
            this.starts = starts;
        }
        return this.starts;
    }
    /** Line, byte column and UTF-16 column of a byte offset. */
    position(offset) {
        const starts = this.lineStarts();
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (starts[mid] <= offset)
                low = mid;
            else
                high = mid - 1;
        }
        const start = starts[low];
        return { line: low + 1, column: offset - start + 1, utf16Column: utf16Column(this.content, start, offset) };
    }
    /** The bytes in [from, to) as latin1 text, clamped to the content. */
    text(from, to) {
        return this.content.toString('latin1', Math.max(0, from), Math.min(this.content.length, Math.max(from, to)));
    }
    /** The text of the line holding `offset`, cut to at most `max` bytes around it. */
    lineAround(offset, max = 4096) {
        const bounds = lineBounds(this.content, offset, offset, max);
        return this.content.toString('latin1', bounds.start, bounds.end);
    }
}
/** How far lineBounds looks for a newline byte by byte before handing the search to memchr. */
const NEAR = 256;
/**
 * The line holding [from, to), searching at most `max` bytes either way so that a 50 MB single-line file costs no more
 * per hit than a short line does. Most lines are short: the newlines are looked for byte by byte nearby first, and
 * only a long line pays for the (allocating) subarray searches. Called once per keyword hit, so it must not allocate.
 */
function lineBounds(content, from, to, max) {
    const lowest = Math.max(0, from - max);
    const highest = Math.min(content.length, to + max);
    let start = from;
    const nearStart = Math.max(lowest, from - NEAR);
    while (start > nearStart && content[start - 1] !== 10)
        start--;
    if (start === nearStart && start > lowest && content[start - 1] !== 10) {
        const before = content.subarray(lowest, start).lastIndexOf(10);
        start = before === -1 ? lowest : lowest + before + 1;
    }
    let end = to;
    const nearEnd = Math.min(highest, to + NEAR);
    while (end < nearEnd && content[end] !== 10)
        end++;
    if (end === nearEnd && end < highest) {
        const after = content.subarray(end, highest).indexOf(10);
        end = after === -1 ? highest : end + after;
    }
    return { start, end };
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(6);
var picomatch_default = /*#__PURE__*/__nccwpck_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/engine/allowlist.ts

/** Inline ignore markers: keyward's own, gitleaks' (for teams migrating) and detect-secrets' pragma. */
const INLINE_IGNORE = /keyward:allow|gitleaks:allow|pragma:\s*allowlist[ -]secret/;
function hasInlineIgnore(line) {
    return INLINE_IGNORE.test(line);
}
/** Generic (entropy) rules stay out of files made of hashes: lockfiles and checksum lists. */
const HASH_FILE_GLOBS = [
    '**/package-lock.json',
    '**/npm-shrinkwrap.json',
    '**/yarn.lock',
    '**/pnpm-lock.yaml',
    '**/bun.lock',
    '**/go.sum',
    '**/Cargo.lock',
    '**/poetry.lock',
    '**/Pipfile.lock',
    '**/uv.lock',
    '**/composer.lock',
    '**/Gemfile.lock',
    '**/packages.lock.json',
    '**/gradle.lockfile',
    '**/*.sum',
    '**/*.sha256',
    '**/*.min.js',
    '**/*.map',
    '**/*.svg',
];
/** Context around a generic value that marks it as a checksum or pinned digest rather than a credential. */
const HASH_CONTEXT = /\buses:\s*\S+@[0-9a-f]{40}\b|@sha256:[0-9a-f]{64}|\bintegrity\b|\bchecksum\b|\bsha(?:1|256|512)?sum\b|(?<!-)\bdigest\b|\bhash\b/i;
function hasHashContext(line) {
    return HASH_CONTEXT.test(line);
}
function globMatcher(globs) {
    if (globs.length === 0)
        return () => false;
    const match = picomatch_default()([...globs], { dot: true });
    return (path) => match(path);
}

;// CONCATENATED MODULE: ./src/rules/values/context.ts
/**
 * Judging a generic value by its name and its place rather than by the value: some random values under secret-looking
 * names authenticate nothing. Both the text before the value and the text after it are hostile input, read with
 * linear-time patterns anchored at the value.
 */
/** Names of anti-forgery tokens: per-session values a page or a log shows, not credentials. */
const CSRF_NAME = String.raw `(?:authenticity|csrf|xsrf)[_-]?token|csrfmiddlewaretoken|__RequestVerificationToken|_csrf`;
/** `"authenticity_token"=>"`, `csrf_token: '`, `_csrf=`: the anti-forgery name right before the value. */
const CSRF_ASSIGNED = new RegExp(String.raw `(?:${CSRF_NAME})\\?["']?\s*(?:=>|:=|=|:)\s*\\?["'\x60]?$`, 'i');
/** `<input name="authenticity_token" value="`, `<meta name="csrf-token" content="`: the same in markup. */
const CSRF_ATTRIBUTE = new RegExp(String.raw `\bname=\\?["'](?:${CSRF_NAME})\\?["'][^<>]{0,120}?\b(?:value|content)=\\?["']?$`, 'i');
/** A bare `token` name right before the value, as a webhook payload's field. */
const BARE_TOKEN = /(?:^|[^\w-])token\\?["']?\s*(?:=>|=|:)\s*\\?["']?$/i;
const TIMESTAMP_FIELD = /(?:^|[^\w-])["']?timestamp\\?["']?\s*(?:=>|=|:)/i;
const SIGNATURE_FIELD = /(?:^|[^\w-])["']?signature\\?["']?\s*(?:=>|=|:)/i;
/** The `key`/`id` query of a Google Docs, Sheets or Drive link names a document, not a credential. */
const DOCUMENT_LINK_KEY = /\b(?:docs|spreadsheets|sheets|drive)\.google\.com\/[^\s"'<>]*[?&](?:key|id)=$/i;
/**
 * The characters machine-issued tokens are written in: base64 and base64url, hex, `.` between a JWT's or a dotted
 * token's parts, `:` between an id and its secret, `~` (Azure's client secrets), `%` of URL encoding (Twitter's bearer
 * tokens, Azure SAS signatures). Brackets pass too: detectors' alphabets typed as `A-z` (which spans `[\]^_\``) take
 * them, and the labelled corpora keep such values as true examples.
 */
const TOKEN_CHARACTERS = /[A-Za-z0-9+/=_.~:%[\]-]/g;
/** The name right before a value: the last run of name characters once the operator and quotes are left out. */
const LAST_NAME = /([A-Za-z0-9_.-]+)[^A-Za-z0-9_.-]*$/;
const CREDENTIAL_WORD = /key|token|secret|auth|credential|bearer/i;
const PASSWORD_WORD = /pass|pwd/i;
/** Django's and Flask's `SECRET_KEY`, which `get_random_secret_key()` draws from `a-z0-9!@#$%^&*(-_=+)`. */
const PUNCTUATED_KEY_NAME = /^SECRET_KEY$/;
/** How many of the value's characters no token alphabet holds (`?`, `|`, `^`, `!`, `@`, `$`, `&`, `#`). */
function strayCharacters(value) {
    return value.replace(TOKEN_CHARACTERS, '').length;
}
/**
 * `=` is base64's padding: it brings the length to a multiple of 4. Base64 padded to another length (45 characters,
 * the last an `=`) is not the output of an encoder.
 */
function isBrokenBase64(secret) {
    return /^[A-Za-z0-9+/]+={1,2}$/.test(secret) && secret.length % 4 !== 0;
}
/**
 * Under a key, token or secret name, a value in a token alphabet save one to three characters (`...Yl5E?vzdv`,
 * `...3gSD-c^`), or base64 whose padding does not fit its length, is a mangled token: a typo, a paste that caught
 * markup, a test's invalid variant. A secret whose own alphabet holds punctuation uses it throughout (WordPress salts;
 * Django's SECRET_KEY, which is named for it), and the few providers whose tokens hold a `!` or a `*` have their own
 * rules. Passwords, which people type, are left alone.
 */
function isMangledToken(line, secret) {
    // A URL's own syntax holds `@`, `?`, `&` and `#`: its parts are judged by the URL rules.
    if (secret.includes('://'))
        return false;
    const strays = strayCharacters(secret);
    if (!isBrokenBase64(secret) && (strays === 0 || strays > 3 || strays * 8 > secret.length))
        return false;
    const name = LAST_NAME.exec(line)?.[1] ?? '';
    return CREDENTIAL_WORD.test(name) && !PASSWORD_WORD.test(name) && !PUNCTUATED_KEY_NAME.test(name);
}
/**
 * Why `secret`, between `before` and `after`, is not a credential, or undefined when its place says nothing:
 * - an anti-forgery (CSRF) token, which a rendered form or a request log prints for one session;
 * - the `token` of a signed webhook payload (Mailgun's `timestamp`, `token`, `signature`): a one-time nonce that the
 *   signature covers, so the sender's key is what matters and the nonce is public;
 * - the `?key=` of a document-sharing link (`spreadsheets.google.com/ccc?key=...`), which names the document;
 * - a mangled token under a key, token or secret name (isMangledToken).
 */
function notACredentialHere(before, after, secret = '') {
    const line = before.slice(before.lastIndexOf('\n') + 1).slice(-200);
    if (CSRF_ASSIGNED.test(line) || CSRF_ATTRIBUTE.test(line))
        return 'anti-forgery token';
    if (DOCUMENT_LINK_KEY.test(line))
        return 'document key in a sharing link';
    if (isMangledToken(line, secret))
        return 'mangled token';
    if (BARE_TOKEN.test(line)) {
        const around = `${before}\n${after}`;
        if (TIMESTAMP_FIELD.test(around) && SIGNATURE_FIELD.test(around))
            return 'signed webhook nonce';
    }
    return undefined;
}
/** A name whose last word is `token` (`JEKYLL_GITHUB_TOKEN=`, `"accessToken": "`) right before the value. */
const TOKEN_NAME = /(?:^|[^A-Za-z0-9])(?:[A-Za-z0-9]+[_.-])*(?:[A-Za-z0-9]*[a-z0-9])?(?:_?TOKEN|_?[Tt]oken|token)\\?["']?[ \t]*(?:=>|:=|=|:)[ \t]*\\?["']?$/;
/** Names of values that are digests or one-time values, not credentials, even when they end in `token`. */
const DIGEST_WORDS = /hash|sha|digest|checksum|commit|etag|nonce|csrf|xsrf|authenticity|integrity|revision/i;
/**
 * Whether the name before a hash-shaped value (40 hex characters) vouches that it is a credential: GitHub's classic
 * tokens and many APIs' tokens are bare hex, so under a `*_TOKEN` name hex is a token, not a checksum.
 */
function tokenNameBeforeHex(before) {
    const line = before.slice(before.lastIndexOf('\n') + 1).slice(-120);
    return TOKEN_NAME.test(line) && !DIGEST_WORDS.test(line);
}

;// CONCATENATED MODULE: ./src/rules/shape.ts
/**
 * Token shapes: one small notation for a credential's layout, from which a rule's pattern is compiled and from which
 * its tests draw true examples and near misses. `sgp_<hex:40>` is the literal `sgp_` then 40 lowercase hex digits;
 * `<b64:76>AZDO<alnum:4>` puts a fixed signature inside; `<alnum:20-40>` is a range; `<[AQgw]:1>` is a character class.
 */
/** The token alphabets the catalogue uses, as regex character-class bodies. One spelling of each, used everywhere. */
const ALPHABETS = {
    hex: 'a-f0-9',
    HEX: 'A-F0-9',
    anyhex: 'a-fA-F0-9',
    digit: '0-9',
    lower: 'a-z',
    upper: 'A-Z',
    alpha: 'A-Za-z',
    alnum: 'A-Za-z0-9',
    lowalnum: 'a-z0-9',
    upalnum: 'A-Z0-9',
    /** Alphanumerics plus `_` and `-` (URL-safe base64 without padding, most `prefix_...` tokens). */
    word: 'A-Za-z0-9_-',
    b64: 'A-Za-z0-9+/',
    b64url: 'A-Za-z0-9_-',
    /** RFC 4648 base32, upper case (AWS key ids, TOTP seeds). */
    b32: 'A-Z2-7',
    b32l: 'a-z2-7',
    /** crypt(3)'s base64 alphabet: the salts and hashes of `$apr1$`, `$6$`, `$2b$`, `$y$` password hashes. */
    crypt: 'A-Za-z0-9./',
};
/** A UUID in either case, as providers print them. */
const UUID = '<anyhex:8>-<anyhex:4>-<anyhex:4>-<anyhex:4>-<anyhex:12>';
/** A UUID in lower case, as most providers issue their UUID-shaped keys. */
const LOWER_UUID = '<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>';
/** An assignment operator as config files and code write it: `:`, `=`, Go's `:=`, Ruby's and PHP's `=>`. */
const ASSIGN_OPERATOR = '(?::|=|:=|=>)';
/** Between a name and its value: the name's closing quote, the operator, the value's opening quote (`"key": "`, `KEY=`). */
const ASSIGNMENT = String.raw `["']?\s*${ASSIGN_OPERATOR}\s*["']?`;
/** A typed declaration's `: Type =`: `apiKey: string = `, Rust's `API_KEY: &str = ` and `&'static str`. */
const TYPED_ASSIGN = String.raw `:[ \t]*&?(?:'static[ \t]+)?[A-Za-z_][\w:<>]{0,30}[ \t]*=`;
/**
 * Between a context rule's name and its value: the name's closing quote (escaped inside JSON strings, as in notebooks),
 * a subscript's `]`, then `:`, `=`, `:=`, `=>`, `, "value":` (Postman's key/value pairs), `,` (a second argument), `>` (an XML element), ` value=` (an XML
 * attribute pair) or a typed declaration (`: String =`, `: &str =`, Go's `apiKey string =`); then the value's opening quote.
 */
const CONTEXT_SEPARATOR = String.raw `(?:\\?["'])?\]?\s*(?:${ASSIGN_OPERATOR}|,[ \t]*"value"[ \t]*:|,|>|value=|${TYPED_ASSIGN}|string[ \t]*=)\s*(?:\\?["'${'`'}])?`;
/** A JSON Web Token (header, claims, signature), for providers whose API keys are JWTs. */
const JWT = 'eyJ<b64url:10-500>.eyJ<b64url:10-1000>.<b64url:16-500>';
const PIECE = /<([A-Za-z0-9]+|\[[^\]]+\]):(\d+)(?:-(\d+))?>/g;
/** The pieces of a shape, in order. Throws on an unknown alphabet so a typo fails at load, not silently. */
function parseShape(shape) {
    const pieces = [];
    let last = 0;
    for (const m of shape.matchAll(PIECE)) {
        if (m.index > last)
            pieces.push({ literal: shape.slice(last, m.index) });
        const name = m[1];
        const charClass = name.startsWith('[') ? name.slice(1, -1) : ALPHABETS[name];
        if (charClass === undefined)
            throw new Error(`unknown alphabet ${name} in shape ${shape}`);
        const min = Number(m[2]);
        pieces.push({ charClass, min, max: m[3] === undefined ? min : Number(m[3]) });
        last = m.index + m[0].length;
    }
    if (last < shape.length)
        pieces.push({ literal: shape.slice(last) });
    return pieces;
}
function escapeRegex(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** The shape as an RE2 pattern body, without groups or guards. */
function shapeRegex(shape) {
    return parseShape(shape)
        .map((piece) => {
        if ('literal' in piece)
            return escapeRegex(piece.literal);
        const count = piece.min === piece.max ? `{${piece.min}}` : `{${piece.min},${piece.max}}`;
        return `[${piece.charClass}]${count}`;
    })
        .join('');
}
/** The non-alphanumeric characters a class or literal admits (`+/` for base64, `_-` for word). */
function symbolsOf(piece) {
    const body = 'literal' in piece ? piece.literal : piece.charClass.replace(/[A-Za-z0-9]-[A-Za-z0-9]/g, '');
    return [...new Set(body.replace(/[A-Za-z0-9]/g, ''))].join('');
}
/** A class body matching alphanumerics and the given symbols, escaped for use inside `[...]`. */
function tokenClass(symbols) {
    return 'A-Za-z0-9' + symbols.replace(/[\]\\^-]/g, '\\$&');
}
/**
 * The shape as a whole token: not preceded or followed by another character the token's own alphabet holds, so a
 * longer run of the same alphabet (a hash, a base64 blob) never yields a match cut out of its middle.
 */
function tokenPattern(shape) {
    const pieces = parseShape(shape);
    const first = pieces[0];
    // A prefix literal needs only a word boundary before it (`=ghp_`, `"sgp_`); one opening with a symbol, none.
    const head = 'literal' in first ? (/^\w/.test(first.literal) ? '(?:^|[^A-Za-z0-9_])' : '') : `(?:^|[^${tokenClass(symbolsOf(first))}])`;
    const last = pieces.at(-1);
    // A token that ends in a literal (`...@`, `==`) ends there, whatever follows.
    const tail = 'literal' in last ? '' : `(?:[^${tokenClass(symbolsOf(last))}]|$)`;
    return `${head}(${shapeRegex(shape)})${tail}`;
}
/** Every character a class body admits: `a-f0-9` -> `abcdef0123456789`, `A-Za-z0-9\\-_` -> letters, digits, `-_`. */
function classChars(body) {
    let out = '';
    for (let i = 0; i < body.length; i++) {
        let c = body[i];
        if (c === '\\')
            c = body[++i];
        else if (body[i + 1] === '-' && i + 2 < body.length) {
            for (let code = c.charCodeAt(0); code <= body.charCodeAt(i + 2); code++)
                out += String.fromCharCode(code);
            i += 2;
            continue;
        }
        out += c;
    }
    return [...new Set(out)].join('');
}
/**
 * How much a value of the shape says by its look alone: the bits of its shortest random draw, and whether every random
 * piece is hex (commit ids, digests and UUIDs share that look with secrets).
 */
function shapeStrength(shape) {
    const random = parseShape(shape).filter((piece) => 'min' in piece);
    const chars = random.map((piece) => classChars(piece.charClass));
    return {
        bits: random.reduce((sum, piece, i) => sum + piece.min * Math.log2(Math.max(chars[i].length, 1)), 0),
        hexOnly: chars.every((set) => /^[0-9a-fA-F]+$/.test(set)),
    };
}
/** The longest text the shape matches. */
function shapeMaxLength(shape) {
    return parseShape(shape).reduce((sum, piece) => sum + ('literal' in piece ? piece.literal.length : piece.max), 0);
}
/** The literals inside a shape, lowercased: the prefilter keywords when a rule names none. */
function shapeLiterals(shape) {
    return parseShape(shape)
        .filter((piece) => 'literal' in piece)
        .map((piece) => piece.literal.toLowerCase());
}
function pieceText(piece, length) {
    if ('literal' in piece)
        return piece.literal;
    return `<[${piece.charClass}]:${length ?? piece.min}${length === undefined && piece.max !== piece.min ? `-${piece.max}` : ''}>`;
}
/** The shape with its longest random piece one character short of its minimum: a near miss every token rule must skip. */
function shortenedShape(shape) {
    const pieces = parseShape(shape);
    let longest = -1;
    pieces.forEach((piece, index) => {
        if ('min' in piece && (longest < 0 || piece.min > pieces[longest].min))
            longest = index;
    });
    return pieces.map((piece, index) => pieceText(piece, index === longest ? piece.min - 1 : undefined)).join('');
}
/** The shape with its literals' letter case swapped (`sgp_` -> `SGP_`), or undefined when no literal has letters. */
function caseSwappedShape(shape) {
    const pieces = parseShape(shape);
    const swap = (text) => [...text].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
    if (!pieces.some((piece) => 'literal' in piece && /[A-Za-z]/.test(piece.literal)))
        return undefined;
    return pieces.map((piece) => ('literal' in piece ? swap(piece.literal) : pieceText(piece))).join('');
}
/** The shape filled with `x` where every random piece admits it (`sgp_xxxx...`), as documentation writes a token. */
function placeholderShape(shape) {
    const pieces = parseShape(shape);
    const random = pieces.filter((piece) => 'min' in piece);
    if (!random.every((piece) => new RegExp(`[${piece.charClass}]`).test('x')) || !random.some((piece) => piece.min >= 5))
        return undefined;
    return pieces.map((piece) => ('literal' in piece ? piece.literal : 'x'.repeat(piece.min))).join('');
}
/** `LOWER_UUID` as an RE2 pattern body, for hand-written patterns. */
const LOWER_UUID_REGEX = shapeRegex(LOWER_UUID);

;// CONCATENATED MODULE: ./src/rules/values/placeholders.ts
/**
 * Value judgments shared by the rules (validators) and the engine: whether a matched value is a placeholder or a
 * reference to a secret kept elsewhere. The bottom of the layering: it imports nothing from the engine.
 */
/** Placeholders and documentation examples: a value containing one of these is not a real secret. */
const EXAMPLE_WORD = /example/i;
const PLACEHOLDER_PATTERNS = [
    EXAMPLE_WORD,
    /x{5,}/i,
    /\*{3,}/,
    /\.{3,}|…/,
    // An angle-bracket placeholder is the whole value or a name inside one (`<password>`, `https://<user>:<TOKEN>@`), never
    // punctuation inside random text (a WordPress salt's `<q+!qK>`).
    /^<[^<>]{1,80}>$/,
    /<[A-Za-z_][\w.:-]{0,79}>/,
    /\$\{[^}]*\}/,
    /\{\{[^}]*\}\}/,
    // A single-brace template (`{password}`, `{ApiKey}`) and an HTML-escaped one (`&lt;password&gt;`).
    /^\{[A-Za-z_][\w.-]{0,60}\}$/,
    /&lt;[^&\s]{1,80}&gt;/,
    /^%[A-Za-z_][A-Za-z0-9_]*%$/,
    // Symfony's environment processors: `%env(NPM_TOKEN)%`, `%env(resolve:DATABASE_URL)%`.
    /^%env\([\w:.-]+\)%$/,
    /%\([A-Za-z_][\w.]*\)[sdr]/,
    /^\$[A-Za-z_(]/,
    // A value that begins with an interpolation (`${p.trim()}`, Ruby's `#{...}`, ERB's `<%= %>`) is computed, not written.
    /^(?:\$\{|#\{|<%)/,
    /^\[[^\]]*\]$/,
    // The word itself as the value, as documentation writes it: `redis://:password@host`, `user:secret@`.
    /^(?:my|your|the|some|db|user|admin)?[_-]?(?:password|passwd|pass|pwd|secret|token|apikey|api_key)$/i,
    // `fake` typed into a value (`fakeiq999fake...`): a random draw holds it about once in 10^7 positions. Capitalised
    // `Fake`/`FAKE` are left out: planted true secrets in public scanner benchmarks carry them as markers.
    /fake/,
    /changeme|change_me|change-me|placeholder|redacted|dummy|notreal|not_real|your[_-]?(?:[a-z0-9]+[_-]){0,3}(?:api[_-]?)?(?:key|token|secret|password)|insert[_-]?(?:your|key|token)|replace[_-]?me|sample|foobar|lorem|abcdefgh|abc123|0123456|1234567|qwerty/i,
];
/** Generic values that are references to a secret store or the environment, not the secret itself. */
const REFERENCE_PATTERNS = [
    /^(?:secrets|env|vars|inputs|steps|needs|github)\./i,
    /process\.env/i,
    /os\.(?:environ|getenv)/i,
    /^(?:ENV|System\.getenv|getenv|config|settings|Settings|options)[.([]/,
    /^(?:vault|ref\+|sm|ssm|awssm|gcpsm|azkv|op|keyvault):/i,
    /^arn:aws:(?:secretsmanager|ssm):/,
    /@Microsoft\.KeyVault\(/,
    /^(?:true|false|null|none|nil|undefined|string|number|bool|boolean|required|optional|secret|password|token)$/i,
    // Encrypted in place (SOPS, Ansible Vault): safe to commit by design.
    /^ENC\[(?:AES256_GCM|PKCS7|GPG|KMS),/,
    /^\$ANSIBLE_VAULT;/,
];
/** Long values (key blocks) legitimately hold runs like `AAAAAA`; only unmistakable markers count there. */
const LONG_VALUE_PLACEHOLDERS = [/example/i, /x{8,}/i, /\.{3}|…/, /<[A-Za-z_][\w.:-]{0,79}>/, /\$\{[^}]*\}/, /\{\{[^}]*\}\}/];
/** A run of one character (`000000`, `aaaaaaaa`): filler, as in `sk_live_000000000000`. */
const RUN = /(.)\1{5,}/;
const RUNS = /(.)\1{3,}/g;
/**
 * Whether a value with a run is filler, or random text that happens to hold one: Firefox's NSS blobs
 * (`MDoEEPgAAAAAAAAAAAAAAAAAAAEwFAYI...`) carry a zeroed key id inside 60 random base64 characters. Filler leaves
 * little around the run; random text leaves a long, varied remainder.
 */
function isFillerRun(value) {
    if (!RUN.test(value))
        return false;
    const rest = value.replace(RUNS, '');
    return rest.length < 32 || new Set(rest).size < 20;
}
/**
 * Example credentials printed in specifications and their libraries' docstrings: RFC 6749/6750 (OAuth 2.0), RFC 5849
 * (OAuth 1.0), jwt.io's and PyJWT's sample tokens. They authenticate nothing, yet appear verbatim in vendored code.
 */
const PUBLISHED_EXAMPLES = [
    '2YotnFZFEjr1zCsicMWpAA',
    'tGzv3JOkF0XG5Qx2TlKWIA',
    'SplxlOBeZQQYbYS6WxSbIA',
    'czZCaGRSa3F0MzpnWDFmQmF0M2JW',
    'mF_9.B5f-4.1JqM',
    'h480djs93hd8',
    'ad180jjd733klru7',
    'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    '4twFt5NiznN84AWoo1d7KO1T_yoc0Z6XOpOVswacPZg',
];
/** The class a character counts in: digits with digits, letters with letters whatever their case. */
function counted(char) {
    const code = char.toLowerCase().charCodeAt(0);
    if ((code >= 48 && code <= 57) || (code >= 97 && code <= 122))
        return code;
    return undefined;
}
/** Whether `a` and `b` are neighbours in the same class, counting up (`step` 1) or down (-1). */
function follows(a, b, step) {
    const from = counted(a);
    const to = counted(b);
    return from !== undefined && to !== undefined && to - from === step && (from <= 57) === (to <= 57);
}
/** The stretches where every character follows the one `gap` places before it, counting by `step`: their lengths. */
function countedRuns(value, gap, step) {
    const runs = [];
    let run = gap;
    for (let i = gap; i <= value.length; i++) {
        if (i < value.length && follows(value[i - gap], value[i], step))
            run++;
        else {
            if (run > gap)
                runs.push(run);
            run = gap;
        }
    }
    return runs;
}
function longestCount(value, gap, step) {
    return Math.max(0, ...countedRuns(value, gap, step));
}
/**
 * A value someone counted out rather than drew: a run counting up or down (`1234567`, `87654321`, `zyxwvut`), two
 * interleaved counts (`a1b2c3d4`, `1a2B3c4D`, `9x8y7w`), three counted runs of four (`ABCD1234EFGH`), or three runs of
 * one character back to back (`AAAABBBBCCCC`). A random draw from 62 characters holds seven counted in a row about
 * once in 10^10 positions, and a run of four about once in 200,000, so real secrets hold none of these.
 */
function isCountedOut(value) {
    if (longestCount(value, 1, 1) >= 7 || longestCount(value, 1, -1) >= 7)
        return true;
    if (longestCount(value, 2, 1) >= 8 || longestCount(value, 2, -1) >= 8)
        return true;
    const fours = [...countedRuns(value, 1, 1), ...countedRuns(value, 1, -1)].filter((run) => run >= 4).length;
    return fours >= 3 || /(.)\1{3,}(?!\1)(.)\2{3,}(?!\2)(.)\3{3,}/.test(value);
}
function isPlaceholder(value) {
    if (PUBLISHED_EXAMPLES.some((example) => value.includes(example)))
        return true;
    if (value.length > 200)
        return LONG_VALUE_PLACEHOLDERS.some((pattern) => pattern.test(value));
    return isFillerRun(value) || isCountedOut(value) || PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(value));
}
/**
 * A placeholder in a value that a tool's own credential store holds (FileZilla's `<Pass>`, Robo 3T's `userPassword`):
 * templates and stand-ins still count, but a word such as `example` inside it proves nothing, since the tool saved
 * whatever the user typed.
 */
function isStorePlaceholder(value) {
    if (PUBLISHED_EXAMPLES.some((example) => value.includes(example)))
        return true;
    return isFillerRun(value) || PLACEHOLDER_PATTERNS.some((pattern) => pattern !== EXAMPLE_WORD && pattern.test(value));
}
function isReference(value) {
    return REFERENCE_PATTERNS.some((pattern) => pattern.test(value));
}

;// CONCATENATED MODULE: ./src/rules/values/generic.ts
/**
 * Judging a generic value (entropy, character classes, shapes of hashes, identifiers and paths): shared by the rules'
 * validators and the engine, so it sits below both.
 */


/** Shannon entropy in bits per character. */
function shannonEntropy(value) {
    if (value.length === 0)
        return 0;
    const counts = new Map();
    for (const char of value)
        counts.set(char, (counts.get(char) ?? 0) + 1);
    let entropy = 0;
    for (const count of counts.values()) {
        const p = count / value.length;
        entropy -= p * Math.log2(p);
    }
    return entropy;
}
function charClasses(value) {
    const lower = /[a-z]/.test(value);
    const upper = /[A-Z]/.test(value);
    const digit = /[0-9]/.test(value);
    const symbol = /[^A-Za-z0-9]/.test(value);
    return { lower, upper, digit, symbol, count: Number(lower) + Number(upper) + Number(digit) + Number(symbol) };
}
const HASH_SHAPED = /^(?:[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{96}|[a-f0-9]{128}|[A-F0-9]{32}|[A-F0-9]{40}|[A-F0-9]{64})$/;
const UUID_VALUE = new RegExp(`^${shapeRegex(UUID)}$`);
const SRI = /^(?:sha1|sha256|sha384|sha512)[-:]/i;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z_$.]*$/;
const PATH_OR_URL = /^(?:\.{0,2}\/|[a-z][a-z0-9+.-]*:\/\/[^@\s]*$|[A-Za-z]:\\)/i;
/** `prod/payments/api-key`: a relative path or secret-store name of lowercase words; base64 segments mix cases. */
const WORD_PATH = /^\.?[a-z0-9]+(?:[-_.][a-z0-9]+)*(?:\/\.?[a-z0-9]+(?:[-_.][a-z0-9]+)*)+\/?$/;
/** Alternations of words, as in a regular expression's source: `password|passwd|api[_-]?key`. */
const ALTERNATION = /^[\w[\]?-]+(?:\|[\w[\]?-]+){2,}$/;
/** `https://publickey@host/...` (a Sentry DSN, a git remote with a user name): a user and no password. */
const URL_USER_ONLY = /^[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+@[^\s@]*$/i;
const CRYPT_HASH = /^\$(?:1|2[abxy]?|5|6|y|7|apr1|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha\d+)?)\$/;
const ALGORITHM = /^(?:argon2(?:id|i|d)?|bcrypt(?:_sha256)?|scrypt|pbkdf2(?:_sha(?:1|256|512))?|sha-?(?:1|224|256|384|512)|md5|[hre]s(?:256|384|512)|aes-?(?:128|192|256)(?:-?(?:gcm|cbc|ctr))?|chacha20(?:-poly1305)?)$/i;
/** Public keys, Stripe's publishable keys and Lob's (`live_pub_`, made to be published in JavaScript). */
const PUBLIC_KEY = /^(?:(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com) AAAA|pk_(?:live|test)_|(?:live|test)_pub_)/;
/** A Salesforce connected app's consumer key (`3MVG9...`): the OAuth client id, sent in every authorization URL. */
const CLIENT_ID = /^3MVG9[A-Za-z0-9._]{60,100}$/;
const AWS_ID = /^(?:AKIA|ASIA|ABIA|ACCA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA|APKA)[A-Za-z0-9]{16}$/;
const WORD_LIST = /^[A-Za-z]+(?:[:._-][A-Za-z]+)*(?:,[A-Za-z]+(?:[:._-][A-Za-z]+)*)+$/;
const HEADER_LIKE = /^(?:[A-Z]+|[A-Z][a-z]+)(?:[-_](?:[A-Z]+|[A-Z][a-z]+))+$/;
const BASE64_TEXT = /^[A-Za-z0-9+/]{8,}={0,2}$/;
/**
 * Code, not a value: a member chain with a call, an index or `::` (`PaymentGateway.tokenize(user.card)`,
 * `params[:company].smtp_password,`, `BCrypt::Password.create(password)`, `key_generator.generate_key(`), as
 * Markdown guides and changelogs show it. Each step starts with its own character, so matching stays linear.
 */
const CODE_CHAIN = /^[A-Za-z_$][\w$]*(?:(?:\.|::)[A-Za-z_$][\w$]*|\([\w$:.,'" ]*\)|\[[\w$:'"]*\])*\(?[,;]?$/;
/** A file name passed beside a credential's name (`KnAM4a_development.yml.enc`): where it is kept, not the value. */
const FILE_NAME = /^[\w-]+(?:\.[\w-]+)*\.(?:ya?ml|json|toml|ini|conf|cfg|xml|txt|enc|rb|py|js|ts|md)$/i;
/** A setting of words, as a cookie attribute (`SameSite=Lax`) or an option (`mode=strict`). */
const WORD_SETTING = /^[A-Za-z]+=[A-Za-z]+$/;
/** A command-line option name (`--http-password`): the flag that takes a password, not the password. */
const CLI_FLAG = /^--?[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** A JWT's opening (`eyJ`, a base64url JSON header) with a character no base64 holds (`^`, `$`, `&`): a mangled sample. */
const BROKEN_JWT = /^eyJ[A-Za-z0-9_=.+/-]*[^A-Za-z0-9_=.+/-]/;
/** A host name (`4f2a9c.invoiceocean.com`): lower-case labels and a top-level domain of letters. */
const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,12}$/;
/** A query string of settings, `st=2025-03-04T07:24:52Z&sp=r&sr=c`: two or more `name=value` pairs. */
const QUERY_PAIRS = /^[\w.-]+=[^&=\s]*(?:&[\w.-]+=[^&=\s]*)+$/;
/** A Rails route target, `active_storage/disk#update`: controller path and action. */
const ROUTE_TARGET = /^[a-z][a-z0-9_]*(?:\/[a-z][a-z0-9_]*)+#[a-z_][a-z0-9_]*$/;
/** Query parameters none of which is random (an Azure SAS token's dates and flags without its `sig`). */
function isQueryOfSettings(value) {
    return QUERY_PAIRS.test(value) && !value.split('&').some((pair) => rejectGenericValue(pair.slice(pair.indexOf('=') + 1), 3.5) === undefined);
}
/** The text inside standard base64 (length a multiple of 4) when it decodes to printable ASCII; random bytes never do. */
function decodeBase64Text(value) {
    if (value.length < 12 || value.length % 4 !== 0 || !BASE64_TEXT.test(value))
        return undefined;
    const decoded = Buffer.from(value, 'base64').toString('latin1');
    if (decoded.length < 6 || !/^[\x20-\x7e]+$/.test(decoded))
        return undefined;
    return decoded;
}
/** A URL or connection string with a random-looking piece: a webhook's token, a signature (host names do not count). */
function hasSecretPart(text) {
    if (!/[:/;=]/.test(text))
        return false;
    return text.split(/[/?&=;:@,]/).some((part) => part.length >= 20 && !part.includes('.') && rejectGenericValue(part, 3.5) === undefined);
}
/** `scheme://user:password@host`, or an empty user as Redis writes it (`redis://:password@host`). */
function hasUrlPassword(value) {
    return /^[a-z][a-z0-9+.-]*:\/\/[^:/\s@]*:[^@\s/]{6,}@[A-Za-z0-9.-]/i.test(value);
}
/**
 * Judges a value assigned to a secret-looking name (the generic rules). Entropy alone flags hashes, UUIDs and long
 * identifiers; this uses the charset, the length and the shape to keep only values that look like credentials.
 * Returns the reason a value is rejected, or undefined when it looks like a secret.
 */
function rejectGenericValue(value, minEntropy) {
    if (value.length < 8)
        return 'too short';
    // Base64 that decodes to text (a Kubernetes Secret's `data:`, a wrapped setting) is judged by what it says.
    const decoded = decodeBase64Text(value);
    if (decoded !== undefined) {
        if (isPlaceholder(decoded) || isReference(decoded))
            return 'encoded placeholder';
        if (PUBLIC_KEY.test(decoded) || CRYPT_HASH.test(decoded))
            return 'encoded public key or hash';
        const inner = rejectGenericValue(decoded, minEntropy);
        if (inner && !hasUrlPassword(decoded) && !hasSecretPart(decoded))
            return `encoded ${inner}`;
        return undefined;
    }
    // Password hashes (crypt(3), htpasswd, argon2), algorithm names, public keys and Stripe's publishable keys.
    if (CRYPT_HASH.test(value))
        return 'password hash';
    if (ALGORITHM.test(value))
        return 'algorithm name';
    if (PUBLIC_KEY.test(value))
        return 'public key';
    // An access key ID (or a user, role or group ID) names a key; it is not the key. Valid IDs have their own rule.
    if (AWS_ID.test(value))
        return 'key id';
    if (CLIENT_ID.test(value))
        return 'client id';
    // A provider's prefix on a value without that provider's format (or failing its checksum) is judged by the engine
    // against the rules' own patterns and validators (src/engine/provider-prefixes.ts).
    // Scope and permission lists (`repo,read:org,workflow`) and header names (`XSRF-TOKEN`, `X-Api-Key`).
    if (WORD_LIST.test(value) || HEADER_LIKE.test(value))
        return 'identifier-like';
    if (ALTERNATION.test(value) || /\(\?(?:[:!=]|<[=!]|i\))/.test(value))
        return 'regular expression';
    if (/\s/.test(value))
        return 'contains whitespace';
    if (HASH_SHAPED.test(value))
        return 'hash-shaped';
    if (UUID_VALUE.test(value))
        return 'uuid';
    if (SRI.test(value))
        return 'integrity digest';
    if (URL_USER_ONLY.test(value))
        return 'URL without password';
    if (CODE_CHAIN.test(value) && /[([]|::/.test(value))
        return 'code expression';
    if (ROUTE_TARGET.test(value))
        return 'route';
    if (BROKEN_JWT.test(value))
        return 'malformed token';
    if (isQueryOfSettings(value))
        return 'query string';
    if (CLI_FLAG.test(value))
        return 'command-line flag';
    if (FILE_NAME.test(value))
        return 'file name';
    if (WORD_SETTING.test(value))
        return 'identifier-like';
    if (PATH_OR_URL.test(value) || WORD_PATH.test(value) || /^urn:[a-z0-9][a-z0-9-]{0,31}:/i.test(value))
        return 'path or URL';
    const classes = charClasses(value);
    const entropy = shannonEntropy(value);
    // Words joined by dashes or underscores (`use-credentials`, `refresh_token_rotation`) and `?Sentinel` constants are
    // names and modes, not credentials (also behind a `!` or `?` sentinel mark, `!real_csrf_token`, or a leading `_`,
    // `_aj_ruby2_keywords`); generated values carry digits or mixed case.
    if (/^[!?_]?[a-z]+[0-9]*(?:[-_][a-z]+[0-9]*)+$/.test(value) || /^\?[A-Za-z]+$/.test(value))
        return 'identifier-like';
    if (IDENTIFIER.test(value)) {
        // Letters only: identifiers (`passwordResetToken`, `XMLHttpRequest`, `my.config.key`) split into whole words;
        // generated values break into one- and two-letter fragments.
        const words = value.split(/[._$]+|(?=[A-Z][a-z])/).filter(Boolean);
        if (words.every((word) => /^(?:[A-Z]?[a-z]{2,}|[A-Z]{2,})$/.test(word)))
            return 'identifier-like';
    }
    // Class and constant names with a version digit (`OAuth2RefreshTokenGranter`, `Sha256Digest`): whole words.
    if (/^[A-Za-z][A-Za-z0-9]*$/.test(value)) {
        const words = value.split(/(?=[A-Z][a-z])/);
        // A version digit sits inside the name (`OAuth2Refresh`), not at its end, where people put a password's digits.
        const last = words[words.length - 1];
        if (/^[A-Z]?[a-z]{2,}$/.test(last) && words.every((word) => /^(?:[A-Z]?[a-z]{2,}|[A-Z]+)[0-9]{0,3}$/.test(word)) && words.filter((word) => /[a-z]{3}/.test(word)).length >= 2)
            return 'identifier-like';
    }
    if (HOST_NAME.test(value))
        return 'host name';
    if (/^[0-9]+$/.test(value) && value.length < 16)
        return 'short number';
    // Each character class missing makes a random-looking value less likely to be a generated secret.
    const required = minEntropy + (classes.count <= 1 ? 0.7 : classes.count === 2 ? 0.2 : 0);
    if (entropy < required)
        return 'low entropy';
    return undefined;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/engine/redact.ts

/**
 * A short prefix and the length: enough to recognise the token type (`AKIA`, `ghp_`) and find it again, never enough
 * to use it. At most a fifth of the value and at most four characters are shown.
 */
function redact(secret) {
    const shown = Math.min(4, Math.floor(secret.length / 5));
    return `${secret.slice(0, shown)}…(${secret.length} chars)`;
}
/** The key used when no repository and no KEYWARD_FINGERPRINT_KEY is known: public, so such prints are not keyed. */
const UNKEYED_FINGERPRINT_KEY = 'keyward:unkeyed';
/**
 * Stable across files, commits and runs of one repository: HMAC-SHA256 of the rule id and the secret's bytes under
 * the repository's fingerprint key (see fingerprintKey). Without the key, a published fingerprint cannot be checked
 * against a word list; with a secret key (KEYWARD_FINGERPRINT_KEY) not even by someone who knows the repository.
 */
function fingerprint(ruleId, secret, key = UNKEYED_FINGERPRINT_KEY) {
    return (0,external_node_crypto_namespaceObject.createHmac)('sha256', key).update(ruleId).update('\0').update(secret).digest('hex');
}
/** The unkeyed fingerprint of Keyward before 2.0, sha256 of `ruleId \0 secret`: recognised in baselines, never written. */
function legacyFingerprint(ruleId, secret) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(ruleId).update('\0').update(secret).digest('hex');
}
/**
 * The fingerprint key, first found of: KEYWARD_FINGERPRINT_KEY (a secret of your choosing: the only choice that keeps
 * fingerprints unguessable by someone who knows the repository), then the repository's full name, lower-cased
 * (`KEYWARD_REPOSITORY`, the Action's `GITHUB_REPOSITORY`, or what the CLI reads from the origin remote). The full name
 * rather than the numeric repository id because the CLI on a laptop knows it offline, so baselines it writes match
 * the Action's; renaming the repository changes every fingerprint (`keyward baseline migrate` rewrites a baseline).
 */
function fingerprintKey(env, repositoryFallback) {
    const secret = env.KEYWARD_FINGERPRINT_KEY;
    if (secret)
        return { key: `secret:${secret}`, source: 'KEYWARD_FINGERPRINT_KEY', keyed: true };
    const repository = env.KEYWARD_REPOSITORY || env.GITHUB_REPOSITORY || repositoryFallback;
    if (repository)
        return { key: `repository:${repository.toLowerCase()}`, source: `repository ${repository.toLowerCase()}`, keyed: true };
    return { key: UNKEYED_FINGERPRINT_KEY, source: 'no repository known (set KEYWARD_REPOSITORY or KEYWARD_FINGERPRINT_KEY)', keyed: false };
}

;// CONCATENATED MODULE: ./src/engine/judge.ts





const DEFAULT_GENERIC_ENTROPY = 3.0;
/** How much text either side of a generic value its place is judged by (the fields beside a webhook's token). */
const PLACE_RADIUS = 240;
/** Reads the candidate's secret once: its text and entropy. */
function weigh(candidate, content) {
    const secretBytes = content.subarray(candidate.secretStart, candidate.secretEnd);
    const secret = secretBytes.toString('utf8');
    return { candidate, secret, secretBytes, entropy: shannonEntropy(secret) };
}
function printOf(judged, key) {
    judged.print ??= fingerprint(judged.candidate.prepared.rule.id, judged.secretBytes, key);
    return judged.print;
}
/** Which entry of `accepted` matches: the keyed print, else the old unkeyed one (baselines written before 2.0). */
function acceptedBy(accepted, judged, key) {
    if (accepted.size === 0)
        return undefined;
    if (accepted.has(printOf(judged, key)))
        return 'keyed';
    judged.legacyPrint ??= legacyFingerprint(judged.candidate.prepared.rule.id, judged.secretBytes);
    return accepted.has(judged.legacyPrint) ? 'legacy' : undefined;
}
/** Why this candidate is not reported, or undefined when it is a finding. Cheapest checks first. */
function rejection(judged, lines, acceptance) {
    const { candidate, secret, entropy } = judged;
    const { rule, generic } = candidate.prepared;
    if (rule.entropy !== undefined && entropy < rule.entropy)
        return 'low-entropy';
    if (!rule.storeValue && isPlaceholder(secret))
        return 'placeholder';
    if (generic) {
        if (isReference(secret))
            return 'reference';
        const reason = rejectGenericValue(secret, rule.entropy ?? DEFAULT_GENERIC_ENTROPY);
        if (reason && !(reason === 'hash-shaped' && secret.length === 40 && tokenNameBeforeHex(lines.text(candidate.secretStart - PLACE_RADIUS, candidate.secretStart))))
            return 'generic-value';
        if (acceptance.isMalformedProviderToken?.(secret))
            return 'generic-value';
        if (hasHashContext(lines.lineAround(candidate.secretStart)))
            return 'hash-context';
        if (notACredentialHere(lines.text(candidate.secretStart - PLACE_RADIUS, candidate.secretStart), lines.text(candidate.secretEnd, candidate.secretEnd + PLACE_RADIUS), secret))
            return 'place';
    }
    if (rule.validate && !rule.validate(secret))
        return 'validator';
    if (rule.validateInMatch && !rule.validateInMatch(secret, lines.text(candidate.start, candidate.secretStart), lines.text(candidate.secretEnd, candidate.end ?? candidate.secretEnd)))
        return 'validator';
    if (hasInlineIgnore(lines.lineAround(candidate.start)) || hasInlineIgnore(lines.lineAround(candidate.secretEnd - 1))) {
        if (!acceptance.reportInlineSuppressed)
            return 'inline-ignore';
        judged.suppressed = true;
    }
    if (acceptance.valueAllowed(secret) || candidate.prepared.allowsValue?.(secret))
        return 'allowlisted-value';
    if (acceptedBy(acceptance.allowedFingerprints, judged, acceptance.fingerprintKey))
        return 'allowlisted-fingerprint';
    return undefined;
}
/** The finding for a candidate that passed `rejection`. */
function buildFinding(judged, lines, path, acceptance) {
    const { candidate, secret, entropy } = judged;
    const { rule } = candidate.prepared;
    const print = printOf(judged, acceptance.fingerprintKey);
    const facts = rule.inspect?.(secret);
    const begin = lines.position(candidate.secretStart);
    const finish = lines.position(candidate.secretEnd);
    const finding = {
        ruleId: rule.id,
        title: rule.title,
        provider: rule.provider,
        severity: rule.severity,
        longLived: facts?.longLived ?? rule.longLived,
        path,
        line: begin.line,
        column: begin.column,
        endLine: finish.line,
        endColumn: finish.column,
        redacted: redact(secret),
        fingerprint: print,
        entropy: Math.round(entropy * 100) / 100,
        verifiedFormat: rule.validate !== undefined,
        remediation: rule.remediation,
    };
    if (begin.utf16Column !== begin.column || finish.utf16Column !== finish.column) {
        finding.utf16Column = begin.utf16Column;
        finding.utf16EndColumn = finish.utf16Column;
    }
    if (rule.revokeUrl)
        finding.revokeUrl = rule.revokeUrl;
    if (facts?.expiresAt)
        finding.expiresAt = facts.expiresAt.toISOString();
    if (facts?.issuedAt)
        finding.issuedAt = facts.issuedAt.toISOString();
    if (facts?.details)
        finding.details = facts.details;
    const inBaseline = acceptedBy(acceptance.baseline, judged, acceptance.fingerprintKey);
    if (inBaseline)
        finding.baseline = true;
    if (inBaseline === 'legacy')
        finding.migratedFrom = judged.legacyPrint;
    if (judged.suppressed)
        finding.suppression = { by: 'inline', accepted: false, reason: 'suppressed inline' };
    return finding;
}
/**
 * The finding for a whole file that a rule judged a credential store (`reason` says what it is). The fingerprint covers
 * the whole file; the redacted form and the details carry the file's size and the reason, never a byte of it.
 * Undefined when the allowlist accepts the file's fingerprint.
 */
function buildFileFinding(rule, content, path, reason, acceptance) {
    const judged = { candidate: { prepared: { rule }, start: 0, secretStart: 0, secretEnd: content.length }, secret: '', secretBytes: content, entropy: 0 };
    if (acceptedBy(acceptance.allowedFingerprints, judged, acceptance.fingerprintKey))
        return undefined;
    const finding = {
        ruleId: rule.id,
        title: rule.title,
        provider: rule.provider,
        severity: rule.severity,
        longLived: rule.longLived,
        path,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        redacted: `(whole file, ${content.length} bytes)`,
        fingerprint: printOf(judged, acceptance.fingerprintKey),
        entropy: 0,
        verifiedFormat: true,
        remediation: rule.remediation,
        details: { store: reason },
    };
    if (rule.revokeUrl)
        finding.revokeUrl = rule.revokeUrl;
    const inBaseline = acceptedBy(acceptance.baseline, judged, acceptance.fingerprintKey);
    if (inBaseline)
        finding.baseline = true;
    if (inBaseline === 'legacy')
        finding.migratedFrom = judged.legacyPrint;
    return finding;
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./node_modules/re2js/build/index.js
/*!
* re2js
* RE2JS is the JavaScript port of RE2, a regular expression engine that provides linear time matching
*
* @version v2.10.0
* @author Oleksii Vasyliev
* @homepage https://github.com/le0pard/re2js#readme
* @repository [object Object]
* @license MIT
*/
// src/RE2Flags.js
var RE2Flags = class RE2Flags {
	static FOLD_CASE = 1;
	static LITERAL = 2;
	static CLASS_NL = 4;
	static DOT_NL = 8;
	static ONE_LINE = 16;
	static NON_GREEDY = 32;
	static PERL_X = 64;
	static UNICODE_GROUPS = 128;
	static WAS_DOLLAR = 256;
	static LOOKBEHIND = 512;
	static MATCH_NL = RE2Flags.CLASS_NL | RE2Flags.DOT_NL;
	static PERL = RE2Flags.CLASS_NL | RE2Flags.ONE_LINE | RE2Flags.PERL_X | RE2Flags.UNICODE_GROUPS;
	static POSIX = 0;
	static UNANCHORED = 0;
	static ANCHOR_START = 1;
	static ANCHOR_BOTH = 2;
};
// src/PublicFlags.js
/**
* Public flags for RE2JS and RE2Set compilation.
*/
const PublicFlags = {
	CASE_INSENSITIVE: 1,
	DOTALL: 2,
	MULTILINE: 4,
	DISABLE_UNICODE_GROUPS: 8,
	LONGEST_MATCH: 16,
	LOOKBEHINDS: 512
};
// src/Codepoint.js
/**
* Various constants and helper for unicode codepoints.
*/
const ASCII_SIZE = 128;
const ASCII_TO_UPPER = new Int32Array(ASCII_SIZE);
const ASCII_TO_LOWER = new Int32Array(ASCII_SIZE);
const MAX_BMP = 65535;
for (let i = 0; i < ASCII_SIZE; i++) {
	if (i >= 97 && i <= 122) ASCII_TO_UPPER[i] = i - 32;
	else ASCII_TO_UPPER[i] = i;
	if (i >= 65 && i <= 90) ASCII_TO_LOWER[i] = i + 32;
	else ASCII_TO_LOWER[i] = i;
}
var Codepoint = class {
	static CODES = Object.freeze({
		"\x07": 7,
		"\b": 8,
		"	": 9,
		"\n": 10,
		"\v": 11,
		"\f": 12,
		"\r": 13,
		" ": 32,
		"\"": 34,
		$: 36,
		"&": 38,
		"'": 39,
		"(": 40,
		")": 41,
		"*": 42,
		"+": 43,
		"-": 45,
		".": 46,
		0: 48,
		1: 49,
		2: 50,
		3: 51,
		4: 52,
		5: 53,
		6: 54,
		7: 55,
		8: 56,
		9: 57,
		":": 58,
		"<": 60,
		">": 62,
		"?": 63,
		A: 65,
		B: 66,
		C: 67,
		F: 70,
		P: 80,
		Q: 81,
		U: 85,
		Z: 90,
		"[": 91,
		"\\": 92,
		"]": 93,
		"^": 94,
		_: 95,
		"`": 96,
		a: 97,
		b: 98,
		f: 102,
		i: 105,
		m: 109,
		n: 110,
		r: 114,
		s: 115,
		t: 116,
		v: 118,
		x: 120,
		z: 122,
		"{": 123,
		"|": 124,
		"}": 125
	});
	static toUpperCase(codepoint) {
		if (codepoint < ASCII_SIZE) return ASCII_TO_UPPER[codepoint];
		const s = String.fromCodePoint(codepoint).toUpperCase();
		const expectedLen = s.codePointAt(0) > MAX_BMP ? 2 : 1;
		if (s.length > expectedLen) return codepoint;
		const sOrigin = String.fromCodePoint(s.codePointAt(0)).toLowerCase();
		const originExpectedLen = sOrigin.codePointAt(0) > MAX_BMP ? 2 : 1;
		if (sOrigin.length > originExpectedLen || sOrigin.codePointAt(0) !== codepoint) return codepoint;
		return s.codePointAt(0);
	}
	static toLowerCase(codepoint) {
		if (codepoint < ASCII_SIZE) return ASCII_TO_LOWER[codepoint];
		const s = String.fromCodePoint(codepoint).toLowerCase();
		const expectedLen = s.codePointAt(0) > MAX_BMP ? 2 : 1;
		if (s.length > expectedLen) return codepoint;
		const sOrigin = String.fromCodePoint(s.codePointAt(0)).toUpperCase();
		const originExpectedLen = sOrigin.codePointAt(0) > MAX_BMP ? 2 : 1;
		if (sOrigin.length > originExpectedLen || sOrigin.codePointAt(0) !== codepoint) return codepoint;
		return s.codePointAt(0);
	}
};
// src/UnicodeRangeTable.js
var UnicodeRangeTable = class {
	/**
	* @param {Uint32Array | number[]} data
	* @param {boolean} isStride1
	*/
	constructor(data, isStride1 = false) {
		this.data = data;
		this.isStride1 = isStride1;
		this.SIZE = isStride1 ? 2 : 3;
	}
	getLo(index) {
		return this.data[index * this.SIZE];
	}
	getHi(index) {
		return this.data[index * this.SIZE + 1];
	}
	getStride(index) {
		return this.isStride1 ? 1 : this.data[index * this.SIZE + 2];
	}
	get length() {
		return this.data.length / this.SIZE;
	}
};
// src/UnicodeTables.js
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-";
const B64_MAP = /* @__PURE__ */ new Uint8Array(256);
for (let i = 0; i < 64; i++) B64_MAP[B64.charCodeAt(i)] = i;
const decodeVLQ = (str) => {
	const res = [];
	let value = 0;
	let shift = 0;
	for (let i = 0; i < str.length; i++) {
		const digit = B64_MAP[str.charCodeAt(i)];
		value |= (digit & 31) << shift;
		if ((digit & 32) === 0) {
			res.push(value);
			value = 0;
			shift = 0;
		} else shift += 5;
	}
	return res;
};
const decodeRanges = (str, isStride1) => {
	const res = decodeVLQ(str);
	const numRanges = isStride1 ? res.length / 2 : res.length / 3;
	const out = new Uint32Array(numRanges * 3);
	let current = 0;
	let resIdx = 0;
	for (let i = 0; i < numRanges; i++) {
		current += res[resIdx++];
		out[i * 3] = current;
		current += res[resIdx++];
		out[i * 3 + 1] = current;
		out[i * 3 + 2] = isStride1 ? 1 : res[resIdx++];
	}
	return out;
};
const decodeOrbit = (str) => {
	const res = decodeVLQ(str);
	const map = /* @__PURE__ */ new Map();
	let currentKey = 0;
	for (let i = 0; i < res.length; i += 2) {
		currentKey += res[i];
		const zz = res[i + 1];
		const delta = zz >>> 1 ^ -(zz & 1);
		map.set(currentKey, currentKey + delta);
	}
	return map;
};
var LazyMap = class {
	constructor(initializer) {
		this.initializer = initializer;
		this.cache = /* @__PURE__ */ new Map();
	}
	has(key) {
		return Object.hasOwn(this.initializer, key);
	}
	get(key) {
		if (this.cache.has(key)) return this.cache.get(key);
		const val = this.has(key) ? this.initializer[key]() : null;
		this.cache.set(key, val);
		return val;
	}
};
var UnicodeTables = class {
	static _CASE_ORBIT = null;
	static get CASE_ORBIT() {
		if (!this._CASE_ORBIT) this._CASE_ORBIT = decodeOrbit("rCgCIgCY+rQI4QiCuuBLgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCCgCBgCBgCBgCBgCBgCBgCB+7OB-BB-BB-BB-BB-BBskQB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BC-BB-BB-BB-BB-BB-BB-BByHBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBDCBBBCBBBCBBCCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBCCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBxHBCBBBCBBBCBBB3SBmMBkNBCBBBCBBB8MBCBBB6MB6MBCBBC+EB0MB2MBCBBB6MB+MBiGBmNBiNBCBBBmKBikzCBmNBqNBkIBsNBCBBBCBBBCBBB0NBCBBB0NDCBBB0NBCBBByNByNBCBBBCBBB2NBCBBDCBBCwDFCBCBDBCBCBDBCBCBDBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBB9EBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBCCBCBDBCBBBhGBvDBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBjICCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBH2iVBCBBBlKBwiVB+jVB+jVBCBBBlMBqEBuEBCBBBCBBBCBBBCBBBCBBB+hVB4hVB8hVBjNB7MC5MB5MCzMC1MB+0yCE5MB20yCC9MBu2yCBwyyCBo0yCChNBlNBo0yCBu-UBi0yCDlNC6-UBpNDrNIu+UDzNCm0yCBzNE0yyCBzNBpEBxNBxNBtEG1NLqxyCBkxyCnFoFrBCBBBCBBDCBBEkIBkIBkICoHHsCCqCBqCBqCCgEC+DB+DBmkOBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCC+BBgCBgCBgCBgCBgCBgCBgCBgCBrCBpCBpCBpCBmjOB-BB8BB-BB-BBgEB-BB-BByBBqgOBsDB-BBtwBB-BB-BB-BBsBBgDBCB-BB-BB-BBeB-BB-BB61OB-BB-BB-DB9DB9DBQB7DBmCE9CBrDBPBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBrFB-EBOBnHB3FB-FCCBBBNBCBBCjIBjIBjIBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCB-BB-BB8kMB-BB6kMB-BB-BB-BB-BB-BB-BB-BB-BB-BBokMB-BB-BBkkMBkkMB-BB-BB-BB-BB-BB-BB-BB4jMB-BB-BB-BB-BB-BB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EBCBBBCBoiMBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBJCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBeBCBBBCBBBCBBBCBBBCBBBCBBBCBBBdBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBCgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDL-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-C64CgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOCgmOGgmODg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FDg8FBg8FBg8FhVg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBQBQBQBQBQBQDPBPBPBPBPBPjkC7mMB5mMBnmMBjmMBCBlmMB3lMBpiMBk8kCBCBBG-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FD-7FB-7FB-7F6FoglCEsuHRwjlCyDCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCB0DBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBG1DD97OCCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQDPBPBPBPBPBPDQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQDPBPBPBPBPBPEQCQCQCQCPCPCPCPBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPB0EB0EBsFBsFBsFBsFBoGBoGBgIBgIBgHBgHB8HB8HDQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQCSFPBPBzEBzEBRCxnOFSFrFBrFBrFBrFBREQBQClkOFPBPBnGBnGFQBQCljOCODPBPB-GB-GBNHSF-HB-HB7HB7HBRqJ53OE9tQBrmQH4Bc3BSgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBfBfBfBfBfBfBfBfBfBfBfBfBfBfBfBfECBByZ0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzB34BgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CBCBBBt-UBruHBt+UB1iVBviVBCBBBCBBBCBBB3hVB5-UB9hVB7hVCCBBCCBBI9jVB9jVBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBICBBBCBBECBBN-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOC-lOG-lOzoeCBBBCBBBCBBBCBBBCBBBCBl8kCBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBTCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBnECBBBCBBBCBBBCBBBCBBBCBBBCBBDCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBKCBBBCBBBnglCBCBBBCBBBCBBBCBBBCBBECBBBvyyCDCBBBCBBBgDCCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBn0yCB90yCB10yCBh0yCBn0yCCjxyCBzyyCBpxyCBg6BBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBB-CBl0yCBvjlCBCBBBCBBBt2yCBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBhkzCZCBB9a-5Bd-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCm6TCBB7gBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCH-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BmlBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvChDwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCFvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvC1DuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCCuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCCuCBuCBuCBuCBuCBuCBuCCuCBuCCtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCCtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCCtCBtCBtCBtCBtCBtCBtCCtCBtCk2BgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEO-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-D+CgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCL-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-B74CgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BhrVgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BhB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BD1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BtxekCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjC");
		return this._CASE_ORBIT;
	}
	static _Print = null;
	static get Print() {
		if (!this._Print) this._Print = new UnicodeRangeTable(decodeRanges("hB9CBjBLBCpWBDFBFGBCCCBSBCsMBClBBDxBBDCBC2BBJaBFFBSVBC-FBCvBBD6BBDkDBP6BBDwBBDOBCbBDCCBJBGfBIqCBCgFBCHBDBBDVBCGBCEEBCBDIBDBBDDBJFFBCCBDBDYBDCBCFBFBBDVBCGBCBBCBBCBBDCCBDBFBBDCBEIIBCBCIIBPBLCBCIBCCBCVBCGBCBBCEBDJBCCBCCBDQQBCBDLBIGBCCBCHBDBBDVBCGBCBBCEBDIBDBBDCBICBFBBCEBDRBLBBCFBECBCDBEBBCCCBEEBEEBBBELBFEBECBCDBDHHPUBGMBCCBCWBCPBDIBCCBCDBIBBCCBCBBDDBDJBIVBCCBCWBCJBCEBDIBCCBCDBIBBGCBCDBDJBCCBNMBCCBCyBBCCBCFBFPBDZBCCBCRBEXBCIBCDDBFBEFFBEBCCCBGBHJBDCBN5BBFcBmBBBCCCBDBCXBCCCBVBDEBCCCBFBCJBDDBhBnCBCjBBFmBBCjBBCOBCMBmBlGBCGGD4LBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBDfBEZBH1CBDFBD-TBCbBE4CBIVBKXBKTBNMBCCBCBBN9CBDJBHJBHNBCKBH4CBIqBBGlCBLeBCLBFLBFEEBoBBDEBMrBBFZBHKBE9BBDgCBCcBDKBHJBHNBDtBBDLBVsCBClFBJ7BBEOBE9BBGqBBDKBJqBBG1QBDFBDlBBDFBDHBCGCBdBD0BBCOBCNBDFBCSBDCBCIBSXBJuBBSBBDaBCMBEhBBPgBBQrEBF5UBXKBWz4BBD9LBGsBBCGGD3BBIBBPXBKGBCGBCGBCGBCGBCGBCGBCGBC9DBjBZBC4CBN1GBbPBC+BBC1CBDmDBGqBBC9CBC1CBKvBBCszcBE2BBK7KBV3FBJ8GBV7BBEJBH3BBJlCBJLBHzDBMdBEtCBCKBFgBBC2BBKNBDJBDmDBZbBLFBDFBDFBKGBCGBC7BBF9DBDJBHj9KBNWBFwBBloItLBDpDBnBGBNEBGZBCEBCCCBCCBCCBoUBhBpBBHyBBCSBCDBFEBCmEBF9FBEFBDFBDFBDCBEGBCGBOBBDLBCZBCSBCBBCOBDNBjB6DBGCBFsBBE3CBCMBEwBwBBsBBjEcBEwBBQbBFjBBKdBGqBBGdBCkBBFNBrB9EBDJBHjBBFjBBFnBBJzBBMLBCOBCGBCBBCKBCOBCGBCBBEzBBN2JBKVBLHBZFBCpBBCIBmCFBDCCBqBBCBBEDDBVBCnCBJIBxBSBCBBGgBBEaBGaBnB3BBFTBDxBBCBBGHBCCBCcBDCBFJBIIBI-BBhBmBBFLBK1BBEcBDaBGZBIDBNGBxCoCB4ByBBOyBBItBBJJBHlBBEcBJBBxGeBCpBBCCBDBBRFBJIBiBtBBJpBBXZBnBbBVWBKtCBFjBBK9BBCEBOYBIJBH0BBCRBJmBBK-CBCTBMRBCuBB-BGBCCCBCBCOBCKBH6BBGJBHDBCHBDBBDVBCGBCBBCEBCJBDBBDCBDHHGGBDGBEEBMJBCDDClBBCJBCDDCDBCJBCBBJBBe7CBCEBfnCBJJBnF1BBDlBBjBkCBMJBHMBU5BBHJBHTBdaBDOBFWB6F7BBlDyCBNHBDDDBGBCBBCdBCBBDLBKJBnCHBDtBBDKBcnCBJyCBOoCBIJB3CHB5ChBBPJBHIBCsBBCNBLcBEfBDVBCNBqCGBCBBCrBBECCBCCBHBJJBHFBCBBCkBBCBBCFBIJBHrBBFJB3HYBIQBCoBBEcB2CQQBwBBO6cBnDuDBCEBMjGBtyCiDBOvhBBRVBL68DBGmSB61G5BBn2B4RBIeBCJBFwCBCJBHdBDFBLlCBLJBCGBCUBGSBxN5BBnG6CBGYBDYBtBqCBF4BBIQBhCEBMGBK1mHBqBfBiDyDB+vIDBCGBCBBCiJBQeeBBBDPPBCBJrMBloCqDBGMBEIBIJBDDBh7D8HBEzNBHWBQQBQtBBDWBKzDB9B1HBLmBBDpCBJvDBWlCB7DTBNTBN2CBKYBoE0CBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDjJBD9VBQEBCOBxiBeBHFB2GGBCQBDGBCBBCEBG9BBiBxDxDBrBBENBDJBFBBhKeBS5BBGxOxOBoBB3GqBBFhGhGBdBCVBJBBhHGBCDBCBBCOBCkGBDPBqBrCBFJBFBByYjCBtC8BBjGDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQB1BBBvIrBBFjDBNOBDOBCOBCkBBLtFB5BcBOrBBFIBIBBPFB7E4eBEQBEMBE5GBHLBFQQBKBF3BBJJBHnBBJdBDLBFBBPIBoB3KBJNBDMBEKBE4BBCFFBOBDLBFJBIyEBCmDBmgB-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIBnkzVvHB", false));
		return this._Print;
	}
	static CATEGORIES = new LazyMap({
		C: () => new UnicodeRangeTable(decodeRanges("AfBgDgBBOrWrWBHHBCBICCVuMuMnBBBzBBBE4B4BBGBcDBHQBXhGhGxBBB8BBBmDNB8BBByBBBQddBCCMEBhBGBsCiFiFJBBDBBXIICCBFBBKBBDBBFHBCDBDGGBaaBEEHDBDBBXIIDGDBCCGDBDBBECBCGBFCCBFBSJBEKKEXXIDDGBBLIEBCCBNBFBBNGBIEEJBBDBBXIIDGGBKKBDDBEEBFBEDBDGGBTTBIBDHHBBBEFFBBBDCCDCBDCBECBNDBGCBEFFBCCBEBCNBWEBOEEYRRBKKEFFBFBDEEDBBFBBLGBXEEYLLGBBKEEFGBDEBEFFBLLELBOEE0BEEHDBRBBbEETCBZKKCBBICBCDBHCCJFBLBBELB7BDBekBBDCCGZZCYYBGGCIILBBFfBpClBlBBCBoBlBlBQOOBjBBnGCCBDBCBB6LFFBIICFFBqBqBFBBiBFFBIICFFBQQ6BFFBkCkCBhBhBBBBbFB3CBBHBB+UCB6CGBXIBZIBVLBOEEDLB-CBBLFBLFBPMMBEB6CGBsBEBnCJBgBNNBCBNDBCCBrBBBGKBtBDBbFBMCB-BBBiCeeBMMBEBLFBPBBvBBBNTBuCnFnFBGB9BCBQCB-BEBsBBBMHBsBEB3QBBHBBnBBBHBBJGCgBBB2BQQPBBHUUBEEKMMBDBbEByBPBDBBcOOBBBjBNBiBOBtEDB7UVBMUB14BBB-LEBuBCCBDBCBB5BGBDNBZIBI4BI-DhBBb6C6CBKB3GZBxC3C3CBoDoDBDBsB-C-C3CIBxBuzcuzcBBB4BIB9KTB5FHB+GTB9BCBLFB5BHBnCHBNFB1DKBfCBvCMMBCBiB4B4BBHBPBBLBBoDXBdJBHBBHBBHIBIII9BDB-DBBLFBl9KLBYDByBjoIBvLBBrDlBBILBGEBbGGCGDrUfBrBFB0BUUFDBGoEoEBCB-FCBHBBHBBHBBECBIIIBLBDBBNbbUDDQBBPhBB8DEBEDBuBCB5COOBBBCuBBvBhEBeCByBOBdDBlBIBfEBsBEBfmBmBBCBPpBB-EBBLFBlBDBlBDBpBHB1BKBNQQIDDMQQIDDBBB1BLB4JIBXJBJXBHrBrBKkCBHBBCtBtBDCBCBBYpCpCBGBKvBBUDDBDBiBCBcEBclBB5BDBVBBzBDDBDBJEEeBBEDBLGBKGBhCfBoBDBNIB3BCBeBBcEBbGBFLBIvCBqC2BB0BMB0BGBvBHBLFBnBCBeHBDvGBgBrBrBEBBDPBHHBKgBBvBHBrBVBblBBdTBYIBvCDBlBIB-BGGBLBaGBLFB2BTTBGBoBIBhDVVBJBTwBwBB8BBICCFQQMFB8BEBLFBFJJBDDBXXIDDGLLBDDBEEBCCBEBCEBIBBICBGKBLCCBCCnBLLCBBCFFLDDBGBDcB9CGGBcBpCHBLlFB3BBBnBhBBmCKBLFBOSB7BFBLFBVbBcBBQDBY4FB9BjDB0CLBJBBCBBJDDfDDBNNBHBLlCBJBBvBBBMaBpCHB0CMBqCGBL1CBJ3CBjBNBLFBKuBuBPJBeCBhBBBXPPBnCBIDDtBCBCDDKHBLFBHDDmBDDHGBLFBtBDBL1HBaGBSqBqBBBBe0CBCOBzBMB8clDBwDGGBJBlGryCBkDMBxhBPBXJB88DEBoS41GB7Bl2BB6RGBgBLLBCByCLLBEBfBBHJBnCJBLIIWEBUvNB7BlGB8CEBaBBarBBsCDB6BGBS-BBGKBIIB3mHoBBhBgDB0D8vIBFIIDkJkJBNBCcBEBBCNBFHBtMjoCBsDEBOCBKGBLBBF-6DB+HCB1NFBYOBSOBvBBBYIB1D7BB3HJBoBBBrCHBxDUBnC5DBVLBVLB4CIBamEB2CoCoCDBBCBBDBBFNNCIIiCFFBJJIddFGGCCBI1K1KBlJlJB-V-VBNBGQQBuiBBgBFBH0GBISSBIIDGGBDB-BgBBCvDBuBCBPBBLDBD-JBgBQB7BEBCvOBrB1GBsBDBC-FBgBXXBGBD-GBIFFDQQmGBBRoBBtCDBLDBDwYBlCrCB+BhGBFccDCCBCCLFFCCCBEBCDBCECEDDCBBCICDCCBFFIKFCLLSEBEGGSzBBDtIBtBDBlDLBQBBQQQmBJBvF3BBeMBtBDBKGBDNBH5EB6eCBSCBOCB7GFBNDBCOBNDB5BHBLFBpBHBfBBNDBDNBKmBB5KHBPBBOCBMCB6BCCBCBRBBNDBLGB0EoDoDBjgBBh3pBfB-oEBBv0FBBypHOBvThtCB-QhvBBs6EEBrpIlkzVBxHvw-FB", false)),
		Cc: () => new UnicodeRangeTable(decodeRanges("AfgDgB", true)),
		Cf: () => new UnicodeRangeTable(decodeRanges("tFzqBzqBBEBXhGhGyBhMhMBxCxCs5D9-B9-BBDBbEByBEBCJBw03B6H6HBBBimEQQj7IPBhjiBDBwmFHBn0rYffB+CB", false)),
		Cn: () => new UnicodeRangeTable(decodeRanges("4bBBHDBICCVuMuMnBBBzBBBE4B4BBGBcDBHKBvI9B9BBmDmDBMB8BBByBBBQddBCCMEBjBEBuHJJBDDBXXICCBBBFBBKBBDBBFHBCDBDGGBaaBEEHDBDBBXIIDGDBCCGDBDBBECBCGBFCCBFBSJBEKKEXXIDDGBBLIEBCCBNBFBBNGBIEEJBBDBBXIIDGGBKKBDDBEEBFBEDBDGGBTTBIBDHHBBBEFFBBBDCCDCBDCBECBNDBGCBEFFBCCBEBCNBWEBOEEYRRBKKEFFBFBDEEDBBFBBLGBXEEYLLGBBKEEFGBDEBEFFBLLELBOEE0BEEHDBRBBbEETCBZKKCBBICBCDBHCCJFBLBBELB7BDBekBBDCCGZZCYYBGGCIILBBFfBpClBlBBCBoBlBlBQOOBjBBnGCCBDBCBB6LFFBIICFFBqBqBFBBiBFFBIICFFBQQ6BFFBkCkCBhBhBBBBbFB3CBBHBB+UCB6CGBXIBZIBVLBOEEDLB-CBBLFBLFBbFB6CGBsBEBnCJBgBNNBCBNDBCCBrBBBGKBtBDBbFBMCB-BBBiCeeBMMBEBLFBPBBvBBBNTBuCnFnFBGB9BCBQCB-BEBsBBBMHBsBEB3QBBHBBnBBBHBBJGCgBBB2BQQPBBHUUBEEKmDmDNBBcOOBBBjBNBiBOBtEDB7UVBMUB14BBB-LEBuBCCBDBCBB5BGBDNBZIBI4BI-DhBBb6C6CBKB3GZBxC3C3CBoDoDBDBsB-C-C3CIBxBuzcuzcBBB4BIB9KTB5FHB+GTB9BCBLFB5BHBnCHBNFB1DKBfCBvCMMBCBiB4B4BBHBPBBLBBoDXBdJBHBBHBBHIBIII9BDB-DBBLFBl9KLBYDByBDBvzIBBrDlBBILBGEBbGGCGDrUfBrBFB0BUUFDBGoEoEBCC-FCBHBBHBBHBBECBIIIBIBGBBNbbUDDQBBPhBB8DEBEDBuBCB5COOBBBCuBBvBhEBeCByBOBdDBlBIBfEBsBEBfmBmBBCBPpBB-EBBLFBlBDBlBDBpBHB1BKBNQQIDDMQQIDDBBB1BLB4JIBXJBJXBHrBrBKkCBHBBCtBtBDCBCBBYpCpCBGBKvBBUDDBDBiBCBcEBclBB5BDBVBBzBDDBDBJEEeBBEDBLGBKGBhCfBoBDBNIB3BCBeBBcEBbGBFLBIvCBqC2BB0BMB0BGBvBHBLFBnBCBeHBDvGBgBrBrBEBBDPBHHBKgBBvBHBrBVBblBBdTBYIBvCDBlBIBlCJBCBBaGBLFB2BTTBGBoBIBhDVVBJBTwBwBB8BBICCFQQMFB8BEBLFBFJJBDDBXXIDDGLLBDDBEEBCCBEBCEBIBBICBGKBLCCBCCnBLLCBBCFFLDDBGBDcB9CGGBcBpCHBLlFB3BBBnBhBBmCKBLFBOSB7BFBLFBVbBcBBQDBY4FB9BjDB0CLBJBBCBBJDDfDDBNNBHBLlCBJBBvBBBMaBpCHB0CMBqCGBL1CBJ3CBjBNBLFBKuBuBPJBeCBhBBBXPPBnCBIDDtBCBCDDKHBLFBHDDmBDDHGBLFBtBDBL1HBaGBSqBqBBBBe0CBCOBzBMB8clDBwDGGBJBlGryCBkDMB3iBJB88DEBoS41GB7Bl2BB6RGBgBLLBCByCLLBEBfBBHJBnCJBLIIWEBUvNB7BlGB8CEBaBBarBBsCDB6BGBS-BBGKBIIB3mHoBBhBgDB0D8vIBFIIDkJkJBNBCcBEBBCNBFHBtMjoCBsDEBOCBKGBLBBJ76DB+HCB1NFBYOBSOBvBBBYIB1D7BB3HJBoBBBjGUBnC5DBVLBVLB4CIBamEB2CoCoCDBBCBBDBBFNNCIIiCFFBJJIddFGGCCBI1K1KBlJlJB-V-VBNBGQQBuiBBgBFBH0GBISSBIIDGGBDB-BgBBCvDBuBCBPBBLDBD-JBgBQB7BEBCvOBrB1GBsBDBC-FBgBXXBGBD-GBIFFDQQmGBBRoBBtCDBLDBDwYBlCrCB+BhGBFccDCCBCCLFFCCCBEBCDBCECEDDCBBCICDCCBFFIKFCLLSEBEGGSzBBDtIBtBDBlDLBQBBQQQmBJBvF3BBeMBtBDBKGBDNBH5EB6eCBSCBOCB7GFBNDBCOBNDB5BHBLFBpBHBfBBNDBDNBKmBB5KHBPBBOCBMCB6BCCBCBRBBNDBLGB0EoDoDBjgBBh3pBfB-oEBBv0FBBypHOBvThtCB-QhvBBs6EEBrpIm8yVBCdBhD-DBxHvw-BB---BBB---BBB", false)),
		Co: () => new UnicodeRangeTable(decodeRanges("gg4B-nGh4hc9--BD9--B", true)),
		Cs: () => new UnicodeRangeTable(decodeRanges("gg2B--B", true)),
		L: () => new UnicodeRangeTable(decodeRanges("hCZBHZBwBLLFGGBVBCeBCpOBFLBPEBICCiEEBCBBDDBCHHCCBCCCBSBCyCBCqEBJlFBClBBDHHBnBBoCaBFDBuBqBBkBBBCiDBCQQBIIBLLBBBDRRCdBe4CBMZZBfBKBBFGGBUBFKKEYYBXBIKBGXBCGBRpBB7B1BBETTIJBQPBFHBDBBDVBCGBCEEBCBERROBBCCBPBBLJJBEBFBBDVBCGBCBBCBBCBBgBDBCUUBBBRIBCCBCVBCGBCBBCEBETTQBBYMMBGBDBBDVBCGBCBBCEBEffBCCBBBQSSCFBECBCDBEBBCCCBEEBEEBBBELBX1B1BBGBCCBCWBCPBEbbBBBCBBDBBfFFBGBCCBCWBCJBCEBEffBBBCBBQBBSIBCCBCoBBDRRGCBJCBZFBGRBEXBCIBCDDBFB7BvBBCBBNGB7BBBCCCBDBCXBCCCBIBCBBKDDBDBCWWBCBhBgCgCBGBCjBBcEB0DqBBVRRBEBFDBEEEBIIBBBFMBNSSBkBBCGGDqBBCsKBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBmBPBR1CBDFBErTBDQBCZBGqCBHHBIRBOSBPRBPMBCCBQzBBkBFFkC4CBIEBDhBBCGGBkCBLeByBdBDEBMrBBFZB3BWBK0BBzC+C+CBtBBSHB3BdBOBBLrBBbjBBqBCBLjBBDKBGqBBDCBqBDBCFBCBBEGGB+FBhC1IBDFBDlBBDFBDHBCGCBdBD0BBCGBCEEBBBCGBEDBDFBFMBGCBCGB1DOORMBmDFFDJBCEEBDBHGCBCBCKBDDBGEBF1B1BB8zC8zCBjHBHDBEBBNlBBCGGD3BBIRRBVBKGBCGBCGBCGBCGBCGBCGBCGBxC2O2OBrBrBBDBGBBF1CBHCBC5CBCDBGqBBC9CBSfBxBPBhQ-tGBhCs0VBkCtBBDsIBEPBLBBVuBBReBDlCByBIBDmDBDxCBVQBCCBCDBCWBezBBPxBB-BFBECCBMMBaBLWBacBIuBBdRRBDBCJBLEBCoBBYCBCHBVWBEEEBwBBCEEBDDBDBDCCZCBDKBICBNFBDFBDFBKGBCGBCqBBCNBHyDBej9KBNWBFwBBloItLBDpDBnBGBNEBGCCBIBCMBCEBCCCBCCBCCBqDBiBqLBT-BBD1BBpBLB1DEBCmEBlBZBHZBM4CBEFBDFBDFBDCBkBLBCZBCSBCBBCOBDNBjB6DBmMcBEwBBwBfBOTBCHBHlBBLdBDjBBFHBxB9EBTjBBFjBBFnBBJzBBNKBCOBCGBCBBCKBCOBCGBCBBEzBBN2JBKVBLHBZFBCpBBCIBmCFBDCCBqBBCBBEDDBVBLWBKeBiCSBCBBLVBLZBHZBnB3BBHBBhCQQBCBCCBCcBrBcBEcBkBHBCbBc1BBLVBLSBORBvDoCB4ByBBOyBBOjBBnBbBKWB7HpBBHBBRFB5BcBLJJBUBrBRBvBUBcWBN0BB6BBBDOOBrBBhBYBbjBBeDDJiBBENNBuBBPDBWCCkBRBCYBUBBgCGBCCCBCBCOBCJBIuBBnBHBDBBDVBCGBCBBCEBETTNEBfJBCDDClBBCaaCtBtBBzBBTDBVCBfvBBVBBC5F5FBtBBqBDBlBvBBV8B8BBpBBOoCoCBZBmBGB6FrBB1D-BBgBHBDDDBGBCBBCXBQCC-CHBDmBBRCCdLLBmBBIWWMtBBUTTBnCBoGgBBgBIBCkBBSyByBBcBxDGBCBBClBBWaaBEBCBBCfBPYYBqBBlISBQCCBLBChBB9DwCwCB4cBnHjGBtyCgDBQvhBBSFBa68DBGmSB61GdBj3B4RBIeBSuCBSdBTvBBRDBgBUBGSBxNsBB0G-BBhBYBDYBtBqCBGjCjCBLBhCBBCPPBNNB0mHBqBfBiDyDB+vIDBCGBCBBCiJBQeeBBBDPPBCBJrMBloCqDBGMBEIBIJBn7F0CBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDYBCYBCeBCYBCeBCYBCeBCYBCeBCYBCHB15BeBHFBmI9BBzEsBBLGBRiKiKBcBTrBBlPbBlHdBDwGwGBdBCCBCBBCGBDEBKBBhHGBCDBCBBCOBCkGB8BjCBI1lB1lBBCBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQBlqE-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIB", false)),
		LC: () => new UnicodeRangeTable(decodeRanges("hCZBHZB7BLLBVBCeBCiGBCDBFvGBDZBhGDBDBBECBCHHCCBCCCBSBCyCBCqEBJlFBClBBKoBB44ClBBCGGDqBBDCBhV1CBDFBjkCKBGqBBDCBhCrBBgCMBChBBmD1IBDFBDlBBDFBDHBCGCBdBD0BBCGBCEEBBBCGBEDBDFBFMBGCBCGBmIFFDJBCEEBDBHGCBCBCFBFDDBCBGEBF1B1BB8zC8zCB6DBDmDBHDBEBBNlBBCGGzoetBBTbBnEtCBCWBEDBCsCBZBBE2Z2ZBpBBGIBIvCBh6TGBNEBqgBZBHZBmlBvCBhDjBBFjBB1DKBCOBCGBCBBCKBCOBCGBCBBk2ByBBOyBB+CVBLVB74C-BBhrV-BBhBYBDYBtpZ0CBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDYBCYBCeBCYBCeBCYBCeBCYBCeBCYBCHB15BJBCTBHFB2uCjCB", false)),
		Ll: () => new UnicodeRangeTable(decodeRanges("hDZB7BqBqBBWBCHBC2BCBQCBuBCDECBBBDCCDEEBFFDEEBBBDDDCCCDCCBCCDEECDDBDDBBBHGDCOCBSCBDDCEEC4BCBFBDDDBCCFICBjCBDZBiGCCEEEBBBTccBhBBCBBECBCWCBDBCGDB0B0BBuBBCgBCK0BCDMCBgDCxBoBBo6CqBBDCB5XFBjkCIBC2D2DBqBBgCMBChBBnD0ECBHBCgDCBHBJFBLHBJHBJFBLHBJHBJNBDHBJHBJHBJEBCBBHEEBBBCBBJDBDBBJHBLCBCBBzIEEBEEcKFDBBJDBF2B2Bs1CvBBCEEBGCFCCBCCBEBGiDCBIICFFNlBBCGG0oesBCUaCoEMCBBBC+BCBGBCCCDICFCCDCCBBBCSCGGGCMCFCCDOCbEE2ZqBBGIBIvCBh6TGBNEBqhBZBumBnBBpEjBB8EKBCOBCGBCBBk4ByBB+DVB75CfBhsVfB8BYBnqZZBbGBCRBbZBbDBCCCBFBCKBbZBbZBbZBbZBbZBbZBbZBbZBbbBdYBCFBbYBCFBbYBCFBbYBCFBbYBCFBC15B15BBIBCTBHFB4vChBB", false)),
		Lm: () => new UnicodeRangeTable(decodeRanges("wVRBFLBPEBICCmEGG-OnHnHlFBBuIBBFgBgBKEEhFoFoF1mBgEgE2R72B72BsDkTkTxOFBvF+BBOjBjBBjBByVOORMBg-CBByHgGgG2OsBsBBDBGiDiDB+C+CBBB34bjnBjnBBEBvIzDzDdBB6DIBxCYYpDDBEBB2OXXqEtDtDWBBoDDBKngVngVuBBBh-BFBCpBBCIB0sBhBhB2K04D04DnrTDB9PCBpBBBnRMBhCBBCPPB9-P9-PBCBCGBCBByhM9BBqGGBud0Q0QsSAB", false)),
		Lo: () => new UnicodeRangeTable(decodeRanges("qFQQhIFFBCBxGBB7ZaBFDBuBfBCJBkBBBCiDBCZZBLLBBBDRRCdBe4CBMZZBfBWVBrBYBIKBGXBCGBRoBB8B1BBETTIJBROBFHBDBBDVBCGBCEEBCBERROBBCCBPBBLJJBEBFBBDVBCGBCBBCBBCBBgBDBCUUBBBRIBCCBCVBCGBCBBCEBETTQBBYMMBGBDBBDVBCGBCBBCEBEffBCCBBBQSSCFBECBCDBEBBCCCBEEBEEBBBELBX1B1BBGBCCBCWBCPBEbbBBBCBBDBBfFFBGBCCBCWBCJBCEBEffBBBCBBQBBSIBCCBCoBBDRRGCBJCBZFBGRBEXBCIBCDDBFB7BvBBCBBNFB8BBBCCCBDBCXBCCCBIBCBBKDDBDBYDBhBgCgCBGBCjBBcEB0DqBBVRRBEBFDBEEEBIIBBBFMBNyDyDBnKBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBmBPByDrTBDQBCZBGqCBHHBIRBOSBPRBPMBCCBQzBBpBkCkCBhBBC0BBIEBDhBBCGGBkCBLeByBdBDEBMrBBFZB3BWBK0BBxFuBBSHB3BdBOBBLrBBbjBBqBCBLdByDDBCFBCBBE7hB7hBBCB4-C3BBZWBKGBCGBCGBCGBCGBCGBCGBCGBoR2B2BF1CBJCCB4CBFGGBpBBC9CBSfBxBPBhQ-tGBhC0wUBC2jBBkCnBBJrIBFPBLBBjCyByBBkCBqFoDoDEGBCCBCDBCWBezBBPxBB-BFBECCBMMBaBLWBacBIuBBuBEBDIBLEBCoBBYCBCHBVPBCFBEEEBwBBCEEBDDBDBDCCZBBEKBIPPBEBDFBDFBKGBCGByEiBBej9KBNWBFwBBloItLBDpDBkCCCBIBCMBCEBCCCBCCBCCBqDBiBqLBT-BBD1BBpBLB1DEBCmEBqDJBCsBBDeBEFBDFBDFBDCBkBLBCZBCSBCBBCOBDNBjB6DBmMcBEwBBwBfBOTBCHBHlBBLdBDjBBFHBhEtCBjDnBBJzBB9CzBBN2JBKVBLHB5EFBDCCBqBBCBBEDDBVBLWBKeBiCSBCBBLVBLZBHZBnB3BBHBBhCQQBCBCCBCcBrBcBEcBkBHBCbBc1BBLVBLSBORBvDoCB4FjBBnBDBCxJxJBoBBHBBRCBCBB5BcBLJJBUBrBRBvBUBcWBN0BB6BBBDOOBrBBhBYBbjBBeDDJiBBENNBuBBPDBWCCkBRBCYBUBBgCGBCCCBCBCOBCJBIuBBnBHBDBBDVBCGBCBBCEBETTNEBfJBCDDClBBCaaCtBtBBzBBTDBVCBfvBBVBBC5F5FBtBBqBDBlBvBBV8B8BBpBBOoCoCBZBmBGB6FrBB0GHBDDDBGBCBBCXBQCC-CHBDmBBRCCdLLBmBBIWWMtBBUTTBnCBoGgBBgBIBCkBBSyByBBcBxDGBCBBClBBWaaBEBCBBCfBPYYBnBBCBBlISBQCCBLBChBB9DwCwCB4cBnHjGBtyCgDBQvhBBSFBa68DBGmSB61GdBj3B4RBIeBSuCBSdBTvBB0BUBGSB0NnBB2MqCBGwFwFB0mHBqBfBiDyDBuwIiJBQeeBBBDPPBCBJrMBloCqDBGMBEIBIJBxzI2P2PBrBBiBiKiKBcBTrBBlPaBmHdBDwGwGBdBCCBCBBCGBDEBKiHiHBFBCDBCBBCOBCkGB8pBDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQBlqE-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIB", false)),
		Lt: () => new UnicodeRangeTable(decodeRanges("lOGDnB2sH2sHBGBJHBJHBNQQwBAB", false)),
		Lu: () => new UnicodeRangeTable(decodeRanges("hCZBmDWBCGBiB2BCDOCDuBCBECEBBCCCBCCBBBDDBCBBCCBEBBCBBCECBCCDCCBCCBBBCCCBEEIJDCMCDQCDDDCCBC4BCIBBCBBDCCBCBCGCiJCCEJJHCCBBBCCCBCCBPBCIBkBDDBBBEWCGDDCBBDyBBxBgBCK2BCBMCD+CCDlBBq6ClBBCGGzW1CB0kCHHBpBBDCBhK0ECKgDCKHBJFBLHBJHBJFBMGCJHBpCDBNDBNDBNEBMDBnIFFECBDCBDEEBDBHGCBCBDDBLBBG+B+B9zCvBBxBCCBBBDGCBCBCDDJCBCgDCJCCFuqeuqeCqBCUaCoEMCE8BCLECBICFCCDCCEUCBDBCEBCOCBCBCCCBQCZs5Vs5VBYBmmBnBBpEjBB9EKBCOBCGBCBBr3ByBB+EVB75CfBhsVfBhCYBoqZZBbZBbZBbCCBGDBDDBCBCHBbZBbBBCDBDHBCGBcBBCDBCEBCEEBFBcZBbZBbZBbZBbZBbZBfYBiBYBiBYBiBYBiBYBiB2pE2pEBgBB", false)),
		M: () => new UnicodeRangeTable(decodeRanges("gYvDB0IGBoIsBBCCCBCCBCCpCKBxBUBRmDmDBFBDFBDBBCDBkBffBZB8CKB7BIBKZZBCBCIBCCBCEBsBCB8BIBrBXBCgBB3BCBCRBCGBLBBeCB5BCCBFBDBBDCBKLLBbbDCB5BCCBDBFBBDCBEffBEEMCB5BCCBGBCCBCCBVBBXFBCCB5BCCBFBDBBDCBICBLBBf8B8BBDBECBCDBKpBpBBDB4BCCBFBCCBCDBIBBMBBeCB5BCCBFBCCBCDBIBBMBBQNNBCB4BBBCGBCCBCDBKLLBeeBBBnCFFBEBCCCBGBTBB+BDDBFBNHBjDDDBHBMGBqCBBcECFBByBTBCBBGKBCjBBKlDlDBSBYDBFCBCCBDGBEDBOLBCLLBCBgWCBzdDBdCBeBBfBBhCfBKuBuBBBBC2D2DBjBjB3DLBFLB8GEB6BJBCcBDxBxBBsBBDLBVEBwBQBnBIBNCBfMB5BNBxBTB5ECBCUBFHHDCBnG-BBxWgBB--CCBuEhDhDBeBrRFBqDBB1udDBCJBhBBBxCBBxIEEFYYBDBF0C0CBzBzBBQBbRBOnBnBBGBaMBtBDBwBNBlBkCkCBMBNJJBuBuBBBBzBCCBBBDBBGBBCqBqBBDBGBBtHHBCBBx5TiXiXBOBRPBuejHjH2EEBn0BCBCBBGDBpBCBFmFmFB+R+RBCBiCEB+JBBuCFBnCKByBDB7DCB2BOBqBDDBLLBCBuBKBI+B+BBBBlBNBRBBtBNNBBBxBNBJDBCBB9CLBHDD+ELBWDB4BBBCGBDBBDCBKLLBDDBFBEEBkCIBCDDCDBCEBCPPBzCzCBQBYyCyCBSBsHGBDIBcBBzCQBrDMBmDOBhIOB2HFBCBBDDBCCCBuEuEBFBDGBEddBIBpBGBCDBJKKBJBvBPBnGHBoGHBCHBzCVBCNB7DFBECCBCCBFBCjCjCBDBCBBCEB8KDBKBBCxBxBBFBEEBYmnFmnFHOBpmLRBhuCEB8BGB5gBCCB1BBIDByCMMBslTslTBizEizEBsBBDWB-QEBEFBJHBDGBfDB1ECB89B2BBFxBBJPPXEBCOBxqBGBCQBDGBCBBCEBlDhFhFBFB4L+B+BBCB9PDB-HBB0HDDIBBG7O7OBFBuDGB29lYvHB", false)),
		Mc: () => new UnicodeRangeTable(decodeRanges("joC4B4BDCBJDBCBBzBBB7BCBHBBDBBLsBsB7BCBjC7B7BBBBJCCB2B2BB7B7BCHHBDDBLLnDBBCBBECBCCBLqBqBBBB+BDB+BBB7BCCBDBDBBCBBKBBdPPB7B7BBBBGCBCCBLrBrBBsCsCBBBHHBTBBrKBBgCsFsFBFFHDDBaaBLLBBBDGBWBBDFBDLLBBB5zBffiEIIBGBCBB7KDBDCBFBBCFBhHBB7BCCKCCBJJBEByExBxBGCCBDBCBB+BffFBBD9B9BDCBCEEBxBxBBGBJBBsFWW35EBB0-dBBD5C5CBzBzBBOBvEBBwBxBxBBFFBDDBBBvDBBDBBZuBuBCuDuDDBBGuHuHBCCBCCBCC0gZCCgEuBuBBBBFBB0DZZB8B8BxBCBKBBO+C+CBBBEBBCrFrFBBBgBBB7BBBCDBDBBDCBKLLB1C1CBBBIDDCDBCBBCmDmDBBBJBBErDrDBBBHCCBCBDuHuHBBBHDBDyDyDBBBJBBCuDuDCBBHoDoDCBBFmImIBBBK4H4HBEBCBBFDDCvEvEBBBJDBF1C1CeBB-BqGqGECCoGPPrDIID2G2GBDBFBBC-K-KBNNxBBBJBBCpvQpvQBBBlxD2BBpDBB0rYBBHFB", false)),
		Me: () => new UnicodeRangeTable(decodeRanges("okBBB1xF-wB-wBBCBCCBsshBCB", false)),
		Mn: () => new UnicodeRangeTable(decodeRanges("gYvDB0IEBqIsBBCCCBCCBCCpCKBxBUBRmDmDBFBDFBDBBCDBkBffBZB8CKB7BIBKZZBCBCIBCCBCEBsBCB8BIBrBXBCfB4BCCFHBFEEBFBLBBe7B7BFDBJVVBbbDBB6BFFBFFBDDBBBEffBEEMBB6BFFBDBCBBFVVBXXBEBC7B7BDCCBCBJIIBMMBff+BNNzBEE4BCCBBBGCBCDBIBBMBBe7B7BDHHGBBVBBdBB6BBBFDBJVVBeepCIIBBBC7C7CDGBNHBjDDDBHBMGBqCBBcEC4BNBCEBCBBGKBCjBBKnDnDBCBCFBCBBDBBaBBFCBRDBODDBHHQgWgWBBBzdCBeBBfBBfBBhCBBCGBJDDBJBKuBuBBBBC2D2DBjBjB3DCBFBBKHHBBB8GBBD7B7BCGBCCCDHBHJBDxBxBBMBCeBDLBVDBxBCCBDBCGGpBIBNBBhBDBDBBCCB5BCCBEECCB7BHBDBB5ECBCMBCGBFHHEBBnG-BBxWMBFEEBKB--CCBuEhDhDBeBrRDBsDBB1udFFBIBhBBBxCBBxIEEFaaBGG4EBBbRBOnBnBBGBaKBvBCBxBDDBCBDBBoBkCkCBEBDBBDBBNJJwB0B0BCCBDBBGBBCrBrBBJJvHDDFx5Tx5TiXPBRPBuejHjH2EEBn0BCBCBBGDBpBCBFmFmFB+R+RBCBiCEB+JBBuCFBnCKByBDB8D3B3BBNBqBDDBLLBBByBDBDBBI+B+BBBBlBEBCHB-BNNB1B1BBHBLDBDgDgDBBBDCCBHHD+E+EEHBWBB6BBBEmBmBBFBEEBnCFBOECPBB2CHBDCBCYY1CFBCFFBCCBvHvHBCBHBBCBBcBB2CHBDCCBrDrDCDDBEBCmDmDCDDBCBCEBkIIBCBBhIBBCFFxEDBDBBFhBhBBIBpBFBDDBJKKBEBDCBvBMBCBBnGCCBBBCqGqGBFBCFBCzCzCBUBDGBCBBCBB7DFBECCBCCBFBCpCpCBEEC8K8KBMMB1B1BBDBGCCYmnFmnFHOBpmLLBECBhuCEB8BGB5gBgCgCBCByC5lT5lTBizEizEBsBBDWBhRCBSHBDGBfDB1ECB89B2BBFxBBJPPXEBCOBxqBGBCQBDGBCBBCEBlDhFhFBFB4L+B+BBCB9PDB-HBB0HDDIBBG7O7OBFBuDGB29lYvHB", false)),
		N: () => new UnicodeRangeTable(decodeRanges("wBJB5DBBGDDBBBitBJBnEJBnGJB9MJB3DJBFFBtDJB3DJB3DJBDFBvDMB0DJBJGBoDJBpDGBISBuDJBhDJB3DJBnCTBtIJBnCJBwWTBybCBwHJBHJBXJBtJJBhEKBmFJBHJB3FJB3CJBnEJBHJB3gBEEBEBHJBnGyBBDEB3W7BBvCVB3TdBqrBqYqYaIBPCB4KDBrEJBfHBCOBhBJBoBOBh7cJB9FJBhKFB7EJBnBJBnGJBXJB3CJB3MJB34UJBuPsBBN4BBSBB2KaBlBDBeJJnEEBrGJBvdHBaGBoBIBsCEBXFBhFBBDPBDtBBhCIB1BBBfCBsCEBpDHBZHBqBGBrKFBxBJBHJB3IeB-EJBrBDBxDGBnEdBhEJB9BJBxEJBITB8HJB3KJB3DJB3LJBnDJBHTBtCLBlNSB+CJB3UJB3CcBkHJBnCJB3BJBnLJBnDUBshBuDBimPJBnpCJB3CJBnEJBCGBvQJBnIWB+KCB6nXJBnuBTBNTBtDYB2iBxBBhqCJBnNJB3PJB4HJBtWIBhEJB4Y6BBCCBCDBtCsBBCOBjeMBk3CJB", false)),
		Nd: () => new UnicodeRangeTable(decodeRanges("wBJnxBJnEJnGJ9MJ3DJ3DJ3DJ3DJ3DJ3DJ3DJ3DJ3DJhDJ3DJnCJ3IJnCJn6BJnBJtJJhEJnFJHJ3FJ3CJnEJHJnuiBJnVJnBJnGJXJ3CJ3MJ34UJnsBJnkCJHJ9YJhEJ9BJxEJ3IJ3KJ3DJ3LJnDJHTtCJnNJnDJ3UJ3CJ3HJnCJ3BJnLJ3uQJnpCJ3CJnEJ3QJ37XJ12CxBhqCJnNJ3PJ4HJ2aJ30EJ", true)),
		Nl: () => new UnicodeRangeTable(decodeRanges("u3FCBwzCiBBDDB-zDaaBHBPCBs1dJBxyW0BBtOJJnEEBrhIuDBm8SCB", false)),
		No: () => new UnicodeRangeTable(decodeRanges("yFBBGDDBBB2pCFB5LFB5DCBmEGB6GGBSIByNJB2hBTB0jBJBhP20B20BEFBHJBnGPBqB3W3WB6BBvCVB3TdBqrB1kB1kBBCBrEJBfHBCOBhBJBoBOBxrdFBymWsBBiCDBSBB2KaBlBDB1pBHBaGBoBIBsCEBXFBhFBBDPBDtBBhCIB1BBBfCBsCEBpDHBZHBqBGBrKFBhLeB-EJBrBDBxDGBnETB8LTBmqBBBvNIBobSB0aUBn8SGB-YWBqhZTBNTBtDYBvqFIBid6BBCCBCDBtCsBBCOBjeMB", false)),
		P: () => new UnicodeRangeTable(decodeRanges("hBCBCFBCDBLBBEBBbCBCccCkBkBGEELBBEEE-VJJzOFBqBBB0BCCDDDtBBBVBBCBBOCCBBBrCDBnDsBsBBMBqHCB3BOBgBmImIBLLtE5D5D6DnMnMNwLwL7CLLBpFpFBNBCmBmBBCBoCrCrCBDBFBBwDFBsFlTlTBHB4EuTuTtBBBvCCBoCBB+ECBCCBmBKB6JBB5GBBhEGBCFBhFBBLGBdCB9DDB8BEB-BBBhCHBM9Z9ZBWBJTBCMBCLBfBBPBB6TDBeBB+hBNBwCBBgBJB0MVBgCDBhBBB8XDBCBBxDwEwEBtBBCfBDLBkNCBFJBDLBRNNjD7C7CjgdBBuICBkDLL0DFB9LDB3CBBpBCBCyByBBwBwBiDMBRBB9DDB-DBBRBB6HzqUzqUBxGxGBIBXiBBCNBCFFCBB2ECBCFBCDBLBBEBBbCBCccCCCBFB7MCB9UxBxB-MoXoXoGgBgBxIIBnBxDxDBFBjCGB6CDByO-J-JjBlElEBDBtBDB+FGBuDBBCDB-DDBxBBBwCDBFOOCCB5CFBsDrJrJBCCBzDzDBDBLBBCpDpD7HWBqDCBdMBtCjEjEBBB9HpIpIBBB8E9C9CBGB0CCBCEB+CJB4GgDgDBDBrBBBmUBBrCMBwFxjBxjBBDB97CBB8zOBBmEiCiCBDBJpRpRBBBoJDBoK9lT9lTovHEB07C-a-aBAB", false)),
		Pc: () => new UnicodeRangeTable(decodeRanges("-Cg-Hg-HBUU-u3BBBZCBwHAB", false)),
		Pd: () => new UnicodeRangeTable(decodeRanges("tB9qB9qB0BiyDiyDmgBqgCqgCBEBiwDDDgBBBFdd-NUUwDxszBxszBBmBmBLqFqFhzD-J-J", false)),
		Pe: () => new UnicodeRangeTable(decodeRanges("pB0B0BgB+1D+1DC-6B-6BqtC4B4BQ7T7TCff-hBMCxChBhBCGC1MUChCCCiBmhBmhBCECtBGCtNICEGCDBB-ozB6G6GeOCESSCCCrF0B0BgBGD", false)),
		Pf: () => new UnicodeRangeTable(decodeRanges("7F+6H+6HEddpuDCCFDDQEE", false)),
		Pi: () => new UnicodeRangeTable(decodeRanges("rFt7Ht7HDBBDaapuDCCFDDQEE", false)),
		Po: () => new UnicodeRangeTable(decodeRanges("hBCBCCBDECBLLBEEBcclCGGPBBI-V-VJzOzOBEBqB3B3BDDDtBBBVBBCBBOCCBBBrCDBnDsBsBBMBqHCB3BOBgBmImIBLLtE5D5D6DnMnMNwLwL7CLLBpFpFBNBCxDxDrCEBFBBwDFBsFlTlTBHBmY9D9DBBBoCBB+ECBCCBmBFBCDB6JBB5GBBhEGBCFBhFBBLGBdCB9DDB8BEB-BBBhCHBMjajaBJJBGBJIBDDBDCBEKBCCCBIB7kDDBCBBxDwEwEBFFBBBDDDBHBCBBCDDBLLBDBCJBDDBCCCBLBDCBtNCB6B+F+FjgdBBuICBkDLL0DFB9LDB3CBBpBCBCyByBBwBwBiDMBRBB9DDB-DBBRBB6HlxUlxUBFBDXXVBBDDBECBCDBICBHCCB2E2EBBBCCBDECBLLBEEBcclBDDB7M7MBBB9UxBxB-MoXoXoGgBgBxIIBnBxDxDBFBjCGB6CDB0ZlElEBDBtBDB+FGBuDBBCDB-DDBxBBBwCDBFOOCCB5CFBsDrJrJBCCBzDzDBDBLBBCpDpD7HWBqDCBdMBtCjEjEBBB9HpIpIBBB8E9C9CBGB0CCBCEB+CJB4GgDgDBDBrBBBmUBBrCMBwFxjBxjBBDB97CBB8zOBBmEiCiCBDBJpRpRBBBoJDBoK9lT9lTovHEB07C-a-aBAB", false)),
		Ps: () => new UnicodeRangeTable(decodeRanges("oBzBzBgB-1D-1DC-6B-6B-rCEEnB4B4BQ7T7TCff-hBMCxChBhBCGC1MUChCCCiBmhBmhBCECaTTCECtNICEGCDipzBipzB4GeeCMCESSCCCrFzBzBgBEEDAB", false)),
		S: () => new UnicodeRangeTable(decodeRanges("kBHHRCBgBCCcCCkBEBCBBDCCBCBDEEfgBgBrODBNNBGGBCCCBPB2DPPBxDxDsErIrIBBB3DCBDDDBvGvGLUUB4H4HIBBpEqLqLBHHB2H2H-DjEjEBGBlEwGwGqBmGmGiGCBQCCBBBDFBVECmEHBCFBCBBGDBmGBBxXJB0WuLuLlL+E+EBgBBiLJBKIBhiBCCBBBMCBOCBOCBOBBmCOOoBCBOCBUhBB-BBBCDBCBBLCCBBBGFBCECFMMBFFBDBGDBC7B7BBFFB2LBFcBD+HBXKByCtCBXnTBtBwBBDeBLyMBX+BBFfBD1LBDpEBmHFBmLBBvBZBC4CBN1GBbPBFOOBNNWBBHBB8CBB0HBBFJBhBlBBKRRBdBMdBJQQBeBLmBBQ-JBhuG-BBx0V2BB6RWBKBBoDBB+EDBLDB+RCBiHPPB+9T+9TpEgBBuLPBhCBB3BHBtBDBjDCCBBBD7E7EHRRBBBgBCCcCCiEGBCGBOBB6JIB6BQBDCBCMBEwBwBBrBB7zBBBwSmWmWBiKiKBGBnjC2kC2kCBbBr6SDBG3qU3qUk7DvHBLCBEzNBHWBQQBgDzDB9B1HBLmBBD7BBGCBXBBIdBF8BBWhCBE7F7FB1CBrbaagBaagBaagBaagBaa9B-PB4BDBzBHBCNBCBBp2BwNwNttCEE+DiOiOBvIvIBqBBFjDBNOBDOBCOBCkBBYgFB5BcBOrBBFIBIBBPFB7E4eBEQBEMBE5GBHLBFQQBKBF3BBJJBHnBBJdBDLBFBBPIBoB3KBJNBDMBEKBE4BBCFFBOBDLBFJBIyEBC7CBLAB", false)),
		Sc: () => new UnicodeRangeTable(decodeRanges("kB+D+DBCBqnB8D8DzPBBzPBBI2H2HoImSmS8sClmClmCBgBB37hBkuVkuVtD7E7E8GBBEBB3-HDB-4wBxtCxtC", false)),
		Sk: () => new UnicodeRangeTable(decodeRanges("+CCCoCHHFEEqQDBNNBGGBCCCBPB2DPPBjoBjoB15FCCBBBMCBOCBOCBOBB9kEBBkzdWBKBBoDBBxePPBniUniUBPB8bCCjF4g9B4g9BBDB", false)),
		Sm: () => new UnicodeRangeTable(decodeRanges("rBRRBBB+BCCuBFFmBgBgB-XwQwQBBB8xGOOoBCBOCBsEoBoBBDBHlClCBDBGBBFGDIgBgBBDDCgBgBBqIBhBBB7CffBXBpBFB2OKK3BHBwDxKxKBDBDeBLPBhIiEBX+BBFfBDhIBxBUBDFB9+zB5Z5ZCCBlFRRBBB+BCCkEHHBCBitDBBhrwBx+Bx+BagBgBagBgBagBgBagBgBat5Ft5FB-uC-uCBHB", false)),
		So: () => new UnicodeRangeTable(decodeRanges("mFDDFCCyerIrIBgEgEBvGvGLUUB4H4HkQ2L2LjEFBClElEwGqBqBoMCBQCCBBBDFBVECmEHBCFBCBBGDBmGBBxXJB0WzWzW+EhBBiLJBKIBksBBBCDBCBBLCCBHHBEBCECFMMBPPCBBC7B7BBKKBDBDDBCBBCBBCGBCeBDBBCCCBdBtIHBFTBDGBDwCBCdBanBBHnCBXKByCtCBX2FBCIBC1BBJuDBC3HBtBrBBhC-HBhQvBBWBBHmBBDpEBmHFBmLBBvBZBC4CBN1GBbPBFOOBNNWBBHBBxKBBFJBhBlBBKRRBdBMdBJQQBeBLmBBQ-JBhuG-BBx0V2BBibDBLBBC+R+RBBBqqUPBuLPBhCBB3BHBuBCBlPEEFBBOBB6JIB6BQBDCBCMBEwBwBBrBB7zBBBwSpgBpgBBGBnjC2kC2kCBGBFQBr6SDBG3qU3qUk7DvHBLCBEzNBHWBQPBhDzDB9B1HBLmBBD7BBGCBXBBIdBF8BBWhCBE7F7FB1CBqlB-PB4BDBzBHBCNBCBBp2B96C96CiEyWyWBqBBFjDBNOBDOBCOBCkBBYgFB5BcBOrBBFIBIBBPFB7E6HBG4WBEQBEMBE5GBHLBFQQBKBF3BBJJBHnBBJdBDLBFBB-B3KBJNBDMBEKBE4BBCFFBOBDLBFJBIyEBC7CBLAB", false)),
		Z: () => new UnicodeRangeTable(decodeRanges("gBgEgEgvFgsCgsCBJBeBBGwBwBh9DAB", false)),
		Zl: () => new UnicodeRangeTable(decodeRanges("ohIA", true)),
		Zp: () => new UnicodeRangeTable(decodeRanges("phIA", true)),
		Zs: () => new UnicodeRangeTable(decodeRanges("gBgEgEgvFgsCgsCBJBlBwBwBh9DAB", false)),
		ASCII_Hex_Digit: () => new UnicodeRangeTable(decodeRanges("wBJIFbF", true)),
		Alphabetic: () => new UnicodeRangeTable(decodeRanges("hCZBHZBwBLLFGGBVBCeBCpOBFLBPEBICC3CeeBQBCBBDDBCHHCCBCCCBSBCyCBCqEBJlFBClBBDHHBnBBoBNBCCCBCCBCCJaBFDBeKBG3BBCGBPlDBCHBFHBFCBLCBDRRBuBBOkDBZgBBKBBFGGBWBDSBUYBIKBGXBCGBIJJBoBBLLBEGBHrCBCPBCCBFOBOSBCHBDBBDVBCGBCEEBCBEHBDBBDBBCJJFBBCEBNBBLFFBBBCFBFBBDVBCGBCBBCBBCBBFEBFBBDBBFIIBCBCSSBEBMCBCIBCCBCVBCGBCBBCEBEIBCCBCBBEQQBCBWDBFCBCHBDBBDVBCGBCBBCEBEHBDBBDBBKBBFBBCEBORRBCCBEBECBCDBEBBCCCBEEBEEBBBELBFEBECBCCBEHHpBMBCCBCWBCPBEHBCCBCCBJBBCCBCBBDDBdDBCHBCCBCWBCJBCEBEHBCCBCCBJBBGCBCDBOCBNMBCCBCoBBDHBCCBCCBCGGBCBIEBXFBCCBCRBEXBCIBCDDBFBJFBCCCBGBTBBO5BBGGBH0B0BBECBDBCXBCCCBRBCCBDEBCHHPDBhBgCgCBGBCjBBFSBFPBCjBBkC2BBCDDBDBR-BBLDBDlBBCGGDqBBCsKBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBmBPBR1CBDFBErTBDQBCZBGqCBEKBITBMUBNTBNMBCCBCBBNzBBDSBPFFkC4CBIqBBGlCBLeBCLBFIBYdBDEBMrBBFZB3BbBF+BBDTBzBYYBMMBBByBzBBCOBCHB0BpBBDDBLrBBCKBP2BBXCBLjBBDKBGqBBDCBqBDBCFBCBBEGGB+FBUhBBM1IBDFBDlBBDFBDHBCGCBdBD0BBCGBCEEBBBCGBEDBDFBFMBGCBCGB1DOORMBmDFFDJBCEEBDBHGCBCBCKBDDBGEBFSSBnBBuZzBB34BkHBHDBEBBNlBBCGGD3BBIRRBVBKGBCGBCGBCGBCGBCGBCGBCGBCfBwB2O2OBBBaIBIEBDEBF1CBHCBC5CBCDBGqBBC9CBSfBxBPBhQ-tGBhCs0VBkCtBBDsIBEPBLBBVuBBGHBEwDBoBIBDmDBDxCBVUBCgBBZzBBNjCBCtBtBBEBECCBBBLgBBGiBBOcBEyBBCLBQRRBOBLEBC2BBKNBTWBEkCBCCCZCBDPBDDBMFBDFBDFBKGBCGBCqBBCNBH6DBWj9KBNWBFwBBloItLBDpDBnBGBNEBGLBCMBCEBCCCBCCBCCBqDBiBqLBT-BBD1BBpBLB1DEBCmEBlBZBHZBM4CBEFBDFBDFBDCBkBLBCZBCSBCBBCOBDNBjB6DBmC0BBsIcBEwBBwBfBOdBGqBBGdBDjBBFHBCEBrB9EBTjBBFjBBFnBBJzBBNKBCOBCGBCBBCKBCOBCGBCBBEzBBN2JBKVBLHBZFBCpBBCIBmCFBDCCBqBBCBBEDDBVBLWBKeBiCSBCBBLVBLZBHZBnB3BBHBBhCDBCBBGHBCCBCcBrBcBEcBkBHBCbBc1BBLVBLSBORBvDoCB4ByBBOyBBOnBBjBbBEGGBVB7HpBBCBBEBBRFBzBCBEcBLJJBUBrBRBvBUBcWBKlCBsBEBL4BBKOOBXBYyBBSDBJiBBEKKB+BBCDBKBBLCCkBRBChBBDHHBCB-BGBCCCBCBCOBCJBI4BBYDBCHBDBBDVBCGBCBBCEBEHBDBBDBBEHHGGBdJBCDDClBBCJBCDDCDBCBBECCtBhCBCCBCDBVCBfhCBDBBC5F5FB0BBDGBaFBjB+BBCEE8B1BBDoCoCBZBDNBWGB6F4BBoD-BBgBHBDDDBGBCBBCdBCBBDBBDDB+CHBDtBBDFBCCCBccBxBBDJBSnCBGTTBnCBoDHB5CgBBgBIBCsBBCGBCyByBBcBDVBCNBqCGBCBBCrBBECCBCCBBBCDDBZZBEBCBBCkBBCBBCDBCYYBqBBlIWBKQBCoBBECBwDwCwCB4cBnDuDBSjGBtyCgDBQvhBBSFBa68DBGmSB61GuBBy2B4RBIeBSuCBSdBTvBBRDBgBUBGSBxNsBB0G-BBhBYBDYBtBqCBF4BBIQBhCBBCNNBFBK1mHBqBfBiDyDB+vIDBCGBCBBCiJBQeeBBBDPPBCBJrMBloCqDBGMBEIBIJBFi7Fi7FBzCBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDYBCYBCeBCYBCeBCYBCeBCYBCeBCYBCHB15BeBHFB2GGBCQBDGBCBBCEBG9BBiBxDxDBrBBLGBRiKiKBcBTrBBlPbBlHdBDwGwGBdBCVBJBBhHGBCDBCBBCOBCkGB8BjCBEEE1lBDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQB1TZBHZBHZB3zD-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIB", false)),
		Dash: () => new UnicodeRangeTable(decodeRanges("tB9qB9qB0BiyDiyDmgBqgCqgCBEB+BoBoBQnMnMlgDDDgBBBFdd-NUUwDxszBxszBBmBmBLqFqFhzD-J-J", false)),
		Emoji: () => new UnicodeRangeTable(decodeRanges("jBHHGJBwDFFu8HNN5GXX7CFBQBBwLBBNnFnFaKBFCBoGoHoHBLLK7B7BBCBCEBKGDBDDFDDCBBDIEBJJBBBGCCGLBMBBDCCBCCTDDBTTBEBCCCBEEBGGDBBFBBMBBGBBDGGBECBVVBGGBEBCDBDFFDDDBEBCDDCCCHEEHLLBQQDFFCFFBBBCMMBxBxBBBBKeP1LBBwOCBUBB0BFF7mBNN6SCCrrvDrGrGhFBBNBBPDDBIBsCZBCBBYVVDIBWBBvFhBBDvDBDBBCCBDyCBDCBCmIBC+BBMFBCXBIBBDHBNDDBCBDFFBOOBDDJBBKGGBBBNCBJCBDCCFHHEHHB0CBxBlCBGHBDDBEJBECCBEEDJBkHLBF8I8IBtBBCJBC4FBxDMBEKBE4BBCFFBOBDLBFJB", false)),
		Emoji_Component: () => new UnicodeRangeTable(decodeRanges("jBHHGJB0+H2G2Gsp3B3+8B3+8BBYB8PEBxtBDBtzhY-CB", false)),
		Emoji_Modifier: () => new UnicodeRangeTable(decodeRanges("7-8DE", true)),
		Emoji_Modifier_Base: () => new UnicodeRangeTable(decodeRanges("9wJ8G8GRDB4jzD9B9BBBBDDDBBB2DBBDKBWSBEFFBBBCCBICCZqGqGBFFWFFBvFvFBBBEEB0CRRBBBKMMgSDDJHBHKKBIBDCB5B+B+BBCCBCCSCBCMBmHCBrBIB", false)),
		Emoji_Presentation: () => new UnicodeRangeTable(decodeRanges("64IBBuGDBEDDqQBBWBBzBLBsBUUOJJBSSBGGBJJGWWIBBCFFDIIFBBdkBkBCFFBBBC+B+BBBBZPP8aBB0BFFvlxDrGrG-FDDBIBsCZBCZZVDDBDBCCBWBBvFgBBNIBClCBCVBNqBBFEBNQBEEEBlCBCCCB5FBD+BBODBCXBTbbBOO3C0CBxBlCBHEEBBBDDBEDBMBBIIBkHLBF8I8IBtBBCJBC4FBxDMBEKBE4BBCFFBOBDLBFJB", false)),
		Extended_Pictographic: () => new UnicodeRangeTable(decodeRanges("pFFFu8HNN5GXX7CFBQBBwLBBNnFnFaKBFCBoGoHoHBLLK7B7BBCBCEBKGDBDDFDDCBBDIEBJJBBBGCCGLBMBBDCCBCCTDDBTTBEBCCCBEEBGGDBBFBBMBBGBBDGGBECBVVBGGBEBCDBDFFDDDBEBCDDCCCHEEHLLBQQDFFCFFBBBCMMBxBxBBBBKeP1LBBwOCBUBB0BFF7mBNN6SCCrrvDoBoBBCBlDLBQBBQPPBmBmBBIBxDBBNBBPDDBIBU3BBcOBLVVDIBCDBKWBH7FBDvDBDBBCCBDyCBDCBCDBG9HBC+BBMFBCXBIBBDHBNDDBCBDFFBOOBDDJBBKGGBBBNCBJCBDCCFHHEHHB0CBxBlCBGHBDQBECCBEBDMB7GlBBNDB5BHBLFBpBHBfBBNDBDNBKmBBNuBBCJBC4FB5CHBPxEBhI9fB", false)),
		Hex_Digit: () => new UnicodeRangeTable(decodeRanges("wBJIFbFq1-BJIFbF", true)),
		Lowercase: () => new UnicodeRangeTable(decodeRanges("hDZBwBLLFlBlBBWBCHBC2BCBQCBuBCDECBBBDCCDEEBFFDEEBBBDDDCCCDCCBCCDEECDDBDDBBBHGDCOCBSCBDDCEEC4BCBFBDDDBCCFICBjCBDiBBIBBfEBhDsBsBCEEDDBTccBhBBCBBECBCWCBDBCGDB0B0BBuBBCgBCK0BCDMCBgDCxBoBBo6CqBBCDB5XFBjkCIBC2D2DB+FBiC0ECBHBCgDCBHBJFBLHBJHBJFBLHBJHBJNBDHBJHBJHBJEBCBBHEEBBBCBBJDBDBBJHBLCBCBB6DOORMBuDEEBEEcKFDBBJDBFiBiBBOBFsasaBYBn6BvBBCEEBGCFCCBCCBGBEiDCBIICFFNlBBCGG0oesBCUaCBBBmEMCBBBC8BCBIBCCCDICFCCDCCBBBCSCGGGCMCFCCDOCWDBCCCBBB2ZqBBCNBHvCBh6TGBNEBqhBZBumBnBBpEjBB8EKBCOBCGBCBBkODDBBBCpBBCIBmoByBB+DVB75CfBhsVfB8BYBnqZZBbGBCRBbZBbDBCCCBFBCKBbZBbZBbZBbZBbZBbZBbZBbZBbbBdYBCFBbYBCFBbYBCFBbYBCFBbYBCFBC15B15BBIBCTBHFBmI9BB1lChBB", false)),
		Math: () => new UnicodeRangeTable(decodeRanges("rBRRBBBgBeeCuBuBFmBmBgB5W5WBBBDbbBDDBBBwQCBuwGccBBBMEEOPPBCBWEBMEBiCMBFEEBFFBDBTFFDJBCDDBEBHEEBDDBCCBBBCFBENBClClCBWBCFBCBBFBBFfBCHHBPPBqIBJDBVBB7CffBZBCZZMGB+NBBNJBFFBFBBDBBEEBPCCDFBMHBGBB6BCCeDBKCBxK-BBhI-PBxBUBDFB9+zB4Z4ZBEBCjFjFRCBeCCeCCkEHHBCBitDBBhrwBwoBwoBBzCBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDjJBDxBBhwFDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQB1BBB-uCIB", false)),
		Quotation_Mark: () => new UnicodeRangeTable(decodeRanges("iBFFkEQQ96HHBaBBowDqOqOBCBOCBixzBDB+FFF7CBB", false)),
		Terminal_Punctuation: () => new UnicodeRangeTable(decodeRanges("hBLLCMMBEE-ZJJiQ6B6BpCPPCCB1FsBsBBJBCsHsHB3B3BBEBCHBgBmImIB1nB1nBBtFtFFFB4JBB2YHBmY9D9DBBBoCBB+ECBEoBoBBCBDBB7JBBjLDBjFBBLBBCCBeCB8FEB-BBBldYYBKKBBBwlDCBzJOOFLLCBBEBBtNBB8ndBBuICBkHEB-LBB3CBBgD4E4EBBB0ECBgERRB6H6HnxUDDB6B6BBBBCDBqFLLCMMBEEiCDD7hBxBxBnkBoGoG3JBB5EFBlCFB6CDB5dEBtBDB+FGBxDDBgECBiEBBHRRB5C5CBDBtDrJrJB2D2DBBBNBBnLDBEOBqDBB6HCBmQCC8HBB4CBBFBB-MCBuBmUmUBrCrCBspBspBBDB6vRBBmEiCiCBBBLqRqRBoJoJBnwTnwTovHDB", false)),
		Uppercase: () => new UnicodeRangeTable(decodeRanges("hCZBmDWBCGBiB2BCDOCDuBCBECEBBCCCBCCBBBDDBCBBCCBEBBCBBCECBCCDCCBCCBBBCCCBEEIJDCMCDQCDDDCCBC4BCIBBCBBDCCBCBCGCiJCCEJJHCCBBBCCCBCCBPBCIBkBDDBBBEWCGDDCBBDyBBxBgBCK2BCBMCD+CCDlBBq6ClBBCGGzW1CB0kCHHBpBBDCBhK0ECKgDCKHBJFBLHBJHBJFBMGCJHBpCDBNDBNDBNEBMDBnIFFECBDCBDEEBDBHGCBCBDDBLBBGbbBOBUzZzZBYBx5BvBBxBCCBBBDGCBCBCDDJCBCgDCJCCFuqeuqeCqBCUaCoEMCE8BCLECBICFCCDCCEUCBDBCEBCOCBCBCCCBQCZs5Vs5VBYBmmBnBBpEjBB9EKBCOBCGBCBBr3ByBB+EVB75CfBhsVfBhCYBoqZZBbZBbZBbCCBGDBDDBCBCHBbZBbBBCDBDHBCGBcBBCDBCEBCEEBFBcZBbZBbZBbZBbZBbZBfYBiBYBiBYBiBYBiBYBiB2pE2pEBgBBvgCZBHZBHZB", false)),
		White_Space: () => new UnicodeRangeTable(decodeRanges("JEBTlDlDbgvFgvFgsCKBeBBGwBwBh9DAB", false))
	});
	static SCRIPTS = new LazyMap({
		Adlam: () => new UnicodeRangeTable(decodeRanges("go6DrCFJFB", true)),
		Ahom: () => new UnicodeRangeTable(decodeRanges("g4lCaDOFW", true)),
		Anatolian_Hieroglyphs: () => new UnicodeRangeTable(decodeRanges("ggxCmS", true)),
		Arabic: () => new UnicodeRangeTable(decodeRanges("gwBEBCFBCNBCCBCfBCJBMZBCrDBChBBxCvBBxHhBBGqCBCcBxy8BtPBDvEBhBPBxDEBCmEBk7DeBkCFBJIBiBFBh43BDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQB1BBB", false)),
		Armenian: () => new UnicodeRangeTable(decodeRanges("xpBlBDxBDCks9BE", true)),
		Avestan: () => new UnicodeRangeTable(decodeRanges("g4iC1BEG", true)),
		Balinese: () => new UnicodeRangeTable(decodeRanges("g4GsCCxB", true)),
		Bamum: () => new UnicodeRangeTable(decodeRanges("g1pB3CpowB4R", true)),
		Bassa_Vah: () => new UnicodeRangeTable(decodeRanges("w26CdDF", true)),
		Batak: () => new UnicodeRangeTable(decodeRanges("g+GzBJD", true)),
		Bengali: () => new UnicodeRangeTable(decodeRanges("gsCDBCHBDBBDVBCGBCEEBCBDIBDBBDDBJFFBCCBDBDYB", false)),
		Beria_Erfe: () => new UnicodeRangeTable(decodeRanges("g17CYDY", true)),
		Bhaiksuki: () => new UnicodeRangeTable(decodeRanges("ggnCICsBCNLc", true)),
		Bopomofo: () => new UnicodeRangeTable(decodeRanges("qXB6wLqBxDf", true)),
		Brahmi: () => new UnicodeRangeTable(decodeRanges("ggkCtCFjBKA", true)),
		Braille: () => new UnicodeRangeTable(decodeRanges("ggK-H", true)),
		Buginese: () => new UnicodeRangeTable(decodeRanges("gwGbDB", true)),
		Buhid: () => new UnicodeRangeTable(decodeRanges("g6FT", true)),
		Canadian_Aboriginal: () => new UnicodeRangeTable(decodeRanges("ggF-TxRlC7tgCP", true)),
		Carian: () => new UnicodeRangeTable(decodeRanges("g1gCwB", true)),
		Caucasian_Albanian: () => new UnicodeRangeTable(decodeRanges("wphCzBMA", true)),
		Chakma: () => new UnicodeRangeTable(decodeRanges("gokC0BCR", true)),
		Cham: () => new UnicodeRangeTable(decodeRanges("gwqB2BKNDJDD", true)),
		Cherokee: () => new UnicodeRangeTable(decodeRanges("g9E1CDFz7lBvC", true)),
		Chorasmian: () => new UnicodeRangeTable(decodeRanges("w9jCb", true)),
		Common: () => new UnicodeRangeTable(decodeRanges("AgCBbFBbuBBCOBCEBYgBgBiOmBBGEBDTB1DKKHCC+THHPEEhB9E9ElQiEiEB6mB6mB2MDBjJwvBwvBBBBoCBBsGBBCumBumBOIIBCBCFBCCBDmYmYBKBD2CBCKBEKBCOBShBB-BlBBCCBDFBCaBCQBqBCBF5UBXKBW-cBhIzTBDpEBhQ9CBzMUBCCCBXBQHBFDB8CBBE7C7CB0E0EBOBhBlBBKxBxBB+BBgBwCBwB5C5CBmFBhuG-BBhoWhBBnDCBmFJB1HhFhFsMPPBzuUzuUBxGxGBIBXiBBCSBCDB0ECCBeBbFBbKBLuBuBBhChCBFBCGBLEBjICBFsBBEIBxCMB0BsBBlHaBltuBDB96D8HBEzNBHWBQQBgDzDB9B1HBLmBBD9BBEQBJBBIdBF8BB2GTBNTBN2CBKYBoE0CBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDjJBDxBByjFjCBtC8BBjWrBBFjDBNOBDOBCOBCkBBLtFB5BZBCBBOrBBFIBIBBPFB7E4eBEQBEMBE5GBHLBFQQBKBF3BBJJBHnBBJdBDLBFBBPIBoB3KBJNBDMBEKBE4BBCFFBOBDLBFJBIyEBCmDBnghYffB+CB", false)),
		Coptic: () => new UnicodeRangeTable(decodeRanges("ifNxkKzDGG", true)),
		Cuneiform: () => new UnicodeRangeTable(decodeRanges("ggoC5cnDuDCEMjG", true)),
		Cypriot: () => new UnicodeRangeTable(decodeRanges("ggiCFBDCCBqBBCBBEDD", false)),
		Cypro_Minoan: () => new UnicodeRangeTable(decodeRanges("w8rCiD", true)),
		Cyrillic: () => new UnicodeRangeTable(decodeRanges("ggBkEBDoFBx6FKBhFtCtCojEfBhie-CBv8VBBhw4B9BBiBAB", false)),
		Deseret: () => new UnicodeRangeTable(decodeRanges("gghCvC", true)),
		Devanagari: () => new UnicodeRangeTable(decodeRanges("goCwCFODZh7nBfhwcJ", true)),
		Dives_Akuru: () => new UnicodeRangeTable(decodeRanges("gomCGBDDDBGBCBBCdBCBBDLBKJB", false)),
		Dogra: () => new UnicodeRangeTable(decodeRanges("ggmC7B", true)),
		Duployan: () => new UnicodeRangeTable(decodeRanges("ggvDqDGMEIIJDD", true)),
		Egyptian_Hieroglyphs: () => new UnicodeRangeTable(decodeRanges("ggsC1iBL68D", true)),
		Elbasan: () => new UnicodeRangeTable(decodeRanges("gohCnB", true)),
		Elymaic: () => new UnicodeRangeTable(decodeRanges("g-jCW", true)),
		Ethiopic: () => new UnicodeRangeTable(decodeRanges("gwEoCBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBDfBEZBnvGWBKGBCGBCGBCGBCGBCGBCGBCGBjpfFBDFBDFBKGBCGBylvCGBCDBCBBCOB", false)),
		Garay: () => new UnicodeRangeTable(decodeRanges("gqjClBEcJB", true)),
		Georgian: () => new UnicodeRangeTable(decodeRanges("glElBBCGGDqBBCDBx8CqBBDCBhiElBBCGG", false)),
		Glagolitic: () => new UnicodeRangeTable(decodeRanges("ggL-Ch9sDGCQDGCBCE", true)),
		Gothic: () => new UnicodeRangeTable(decodeRanges("w5gCa", true)),
		Grantha: () => new UnicodeRangeTable(decodeRanges("g4kCDBCHBDBBDVBCGBCBBCEBDIBDBBDCBDHHGGBDGBEEB", false)),
		Greek: () => new UnicodeRangeTable(decodeRanges("wbDBCCBDDBCFFCCCBBBCCCBSBC+BBPPBnpGEBzBEBFEB1ChKhKBUBDFBDlBBDFBDHBCGCBdBD0BBCOBCNBDFBCSBDCBCIBoJ-xiB-xiB7uVuCBSgj0Bgj0BBkCB", false)),
		Gujarati: () => new UnicodeRangeTable(decodeRanges("h0CCBCIBCCBCVBCGBCBBCEBDJBCCBCCBDQQBCBDLBIGB", false)),
		Gunjala_Gondi: () => new UnicodeRangeTable(decodeRanges("grnCFCBCkBCBCFIJ", true)),
		Gurmukhi: () => new UnicodeRangeTable(decodeRanges("hwCCBCFBFBBDVBCGBCBBCBBCBBDCCBDBFBBDCBEIIBCBCIIBPB", false)),
		Gurung_Khema: () => new UnicodeRangeTable(decodeRanges("go4C5B", true)),
		Han: () => new UnicodeRangeTable(decodeRanges("g0LZBC4CBN1GBwBCCaIBPDBle-tGBhC-vUBhoWtLBDpDBpodBBNGBqgkB-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIB", false)),
		Hangul: () => new UnicodeRangeTable(decodeRanges("goE-HvxHBiI9CyDeiCei3dckUj9KNWFwBl9JeEFDFDFDC", true)),
		Hanifi_Rohingya: () => new UnicodeRangeTable(decodeRanges("gojCnBJJ", true)),
		Hanunoo: () => new UnicodeRangeTable(decodeRanges("g5FU", true)),
		Hatran: () => new UnicodeRangeTable(decodeRanges("gniCSCBGE", true)),
		Hebrew: () => new UnicodeRangeTable(decodeRanges("xsB2BBJaBFFBpp9BZBCEBCCCBCCBCCBIB", false)),
		Hiragana: () => new UnicodeRangeTable(decodeRanges("hiM1CBHCBi7-C+IBTeeBBBulQAB", false)),
		Imperial_Aramaic: () => new UnicodeRangeTable(decodeRanges("giiCVCI", true)),
		Inherited: () => new UnicodeRangeTable(decodeRanges("gYvDB2IBBlOKBbhXhXBCB8qEtBBDLBlPCBCMBCGBFHHEBBnG-BBtQBBjGgBB65DDBsDBBmrzBPBRNBwejHjH7iEl+uBl+uBBsBBDWBhRCBSHBDGBfDBz6rYvHB", false)),
		Inscriptional_Pahlavi: () => new UnicodeRangeTable(decodeRanges("g7iCSGH", true)),
		Inscriptional_Parthian: () => new UnicodeRangeTable(decodeRanges("g6iCVDH", true)),
		Javanese: () => new UnicodeRangeTable(decodeRanges("gsqBtCDJFB", true)),
		Kaithi: () => new UnicodeRangeTable(decodeRanges("gkkCiCLA", true)),
		Kannada: () => new UnicodeRangeTable(decodeRanges("gkDMCCCWCJCEDICCCDIBGCCDDJCC", true)),
		Katakana: () => new UnicodeRangeTable(decodeRanges("hlM5CBDCBxHPBxGuBBC3CBvgzBJBCsBBzisBDBCGBCBBCgJgJBBBzBPPBCB", false)),
		Kawi: () => new UnicodeRangeTable(decodeRanges("g4nCQCoBEc", true)),
		Kayah_Li: () => new UnicodeRangeTable(decodeRanges("goqBtBCA", true)),
		Kharoshthi: () => new UnicodeRangeTable(decodeRanges("gwiCDCBGHCCCcDCFJII", true)),
		Khitan_Small_Script: () => new UnicodeRangeTable(decodeRanges("k-7C84G84GB0OBqBAB", false)),
		Khmer: () => new UnicodeRangeTable(decodeRanges("g8F9CDJHJnPf", true)),
		Khojki: () => new UnicodeRangeTable(decodeRanges("gwkCRCuB", true)),
		Khudawadi: () => new UnicodeRangeTable(decodeRanges("w1kC6BGJ", true)),
		Kirat_Rai: () => new UnicodeRangeTable(decodeRanges("gq7C5B", true)),
		Lao: () => new UnicodeRangeTable(decodeRanges("h0DBBCCCBDBCXBCCCBVBDEBCCCBFBCJBDDB", false)),
		Latin: () => new UnicodeRangeTable(decodeRanges("hCZBHZBwBQQGWBCeBCgOBoBEB8wGlBBHwBBGDBGMBClCBiC-HByLOORMBuEBBHccSoBB42CfBj1elDBExCBVOBxZqBBCIBCDB38TGB7gBZBHZBmhCFBCpBBCIBm61BeBHFB", false)),
		Lepcha: () => new UnicodeRangeTable(decodeRanges("ggH3BEOEC", true)),
		Limbu: () => new UnicodeRangeTable(decodeRanges("goGeBCLBFLBFEEBKB", false)),
		Linear_A: () => new UnicodeRangeTable(decodeRanges("gwhC2JKVLH", true)),
		Linear_B: () => new UnicodeRangeTable(decodeRanges("gggCLCZCSCBCODNjB6D", true)),
		Lisu: () => new UnicodeRangeTable(decodeRanges("wmpBvBx1eA", true)),
		Lycian: () => new UnicodeRangeTable(decodeRanges("g0gCc", true)),
		Lydian: () => new UnicodeRangeTable(decodeRanges("gpiCZGA", true)),
		Mahajani: () => new UnicodeRangeTable(decodeRanges("wqkCmB", true)),
		Makasar: () => new UnicodeRangeTable(decodeRanges("g3nCY", true)),
		Malayalam: () => new UnicodeRangeTable(decodeRanges("goDMCCCyBCCCFFPDZ", true)),
		Mandaic: () => new UnicodeRangeTable(decodeRanges("giCbDA", true)),
		Manichaean: () => new UnicodeRangeTable(decodeRanges("g2iCmBFL", true)),
		Marchen: () => new UnicodeRangeTable(decodeRanges("wjnCfDVCN", true)),
		Masaram_Gondi: () => new UnicodeRangeTable(decodeRanges("gonCGBCBBCrBBECCBCCBHBJJB", false)),
		Medefaidrin: () => new UnicodeRangeTable(decodeRanges("gy7C6C", true)),
		Meetei_Mayek: () => new UnicodeRangeTable(decodeRanges("g3qBWqGtBDJ", true)),
		Mende_Kikakui: () => new UnicodeRangeTable(decodeRanges("gg6DkGDP", true)),
		Meroitic_Cursive: () => new UnicodeRangeTable(decodeRanges("gtiCXFTDtB", true)),
		Meroitic_Hieroglyphs: () => new UnicodeRangeTable(decodeRanges("gsiCf", true)),
		Miao: () => new UnicodeRangeTable(decodeRanges("g47CqCF4BIQ", true)),
		Modi: () => new UnicodeRangeTable(decodeRanges("gwlCkCMJ", true)),
		Mongolian: () => new UnicodeRangeTable(decodeRanges("ggGBBDCCBSBH4CBIqBB2t-BMB", false)),
		Mro: () => new UnicodeRangeTable(decodeRanges("gy6CeCJFB", true)),
		Multani: () => new UnicodeRangeTable(decodeRanges("g0kCGBCCCBCBCOBCKB", false)),
		Myanmar: () => new UnicodeRangeTable(decodeRanges("ggE-EhqmBeiDfxibT", true)),
		Nabataean: () => new UnicodeRangeTable(decodeRanges("gkiCeJI", true)),
		Nag_Mundari: () => new UnicodeRangeTable(decodeRanges("wm5DpB", true)),
		Nandinagari: () => new UnicodeRangeTable(decodeRanges("gtmCHDtBDK", true)),
		New_Tai_Lue: () => new UnicodeRangeTable(decodeRanges("gsGrBFZHKEB", true)),
		Newa: () => new UnicodeRangeTable(decodeRanges("gglC7CCE", true)),
		Nko: () => new UnicodeRangeTable(decodeRanges("g+B6BDC", true)),
		Nushu: () => new UnicodeRangeTable(decodeRanges("h-7CvsQvsQBqMB", false)),
		Nyiakeng_Puachue_Hmong: () => new UnicodeRangeTable(decodeRanges("go4DsBENDJFB", true)),
		Ogham: () => new UnicodeRangeTable(decodeRanges("g0Fc", true)),
		Ol_Chiki: () => new UnicodeRangeTable(decodeRanges("wiHvB", true)),
		Ol_Onal: () => new UnicodeRangeTable(decodeRanges("wu5DqBFA", true)),
		Old_Hungarian: () => new UnicodeRangeTable(decodeRanges("gkjCyBOyBIF", true)),
		Old_Italic: () => new UnicodeRangeTable(decodeRanges("g4gCjBKC", true)),
		Old_North_Arabian: () => new UnicodeRangeTable(decodeRanges("g0iCf", true)),
		Old_Permic: () => new UnicodeRangeTable(decodeRanges("w6gCqB", true)),
		Old_Persian: () => new UnicodeRangeTable(decodeRanges("g9gCjBFN", true)),
		Old_Sogdian: () => new UnicodeRangeTable(decodeRanges("g4jCnB", true)),
		Old_South_Arabian: () => new UnicodeRangeTable(decodeRanges("gziCf", true)),
		Old_Turkic: () => new UnicodeRangeTable(decodeRanges("ggjCoC", true)),
		Old_Uyghur: () => new UnicodeRangeTable(decodeRanges("w7jCZ", true)),
		Oriya: () => new UnicodeRangeTable(decodeRanges("h4CCCHDBDVCGCBCEDIDBDCICFBCEDR", true)),
		Osage: () => new UnicodeRangeTable(decodeRanges("wlhCjBFjB", true)),
		Osmanya: () => new UnicodeRangeTable(decodeRanges("gkhCdDJ", true)),
		Pahawh_Hmong: () => new UnicodeRangeTable(decodeRanges("g46ClCLJCGCUGS", true)),
		Palmyrene: () => new UnicodeRangeTable(decodeRanges("gjiCf", true)),
		Pau_Cin_Hau: () => new UnicodeRangeTable(decodeRanges("g2mC4B", true)),
		Phags_Pa: () => new UnicodeRangeTable(decodeRanges("giqB3B", true)),
		Phoenician: () => new UnicodeRangeTable(decodeRanges("goiCbEA", true)),
		Psalter_Pahlavi: () => new UnicodeRangeTable(decodeRanges("g8iCRIDNG", true)),
		Rejang: () => new UnicodeRangeTable(decodeRanges("wpqBjBMA", true)),
		Runic: () => new UnicodeRangeTable(decodeRanges("g1FqCEK", true)),
		Samaritan: () => new UnicodeRangeTable(decodeRanges("ggCtBDO", true)),
		Saurashtra: () => new UnicodeRangeTable(decodeRanges("gkqBlCJL", true)),
		Sharada: () => new UnicodeRangeTable(decodeRanges("gskC-ChsCH", true)),
		Shavian: () => new UnicodeRangeTable(decodeRanges("wihCvB", true)),
		Siddham: () => new UnicodeRangeTable(decodeRanges("gslC1BDlB", true)),
		Sidetic: () => new UnicodeRangeTable(decodeRanges("gqiCZ", true)),
		SignWriting: () => new UnicodeRangeTable(decodeRanges("gg2DrUQECO", true)),
		Sinhala: () => new UnicodeRangeTable(decodeRanges("hsDCBCRBEXBCIBCDDBFBEFFBEBCCCBGBHJBDCBt-gCTB", false)),
		Sogdian: () => new UnicodeRangeTable(decodeRanges("w5jCpB", true)),
		Sora_Sompeng: () => new UnicodeRangeTable(decodeRanges("wmkCYIJ", true)),
		Soyombo: () => new UnicodeRangeTable(decodeRanges("wymCyC", true)),
		Sundanese: () => new UnicodeRangeTable(decodeRanges("g8G-BhIH", true)),
		Sunuwar: () => new UnicodeRangeTable(decodeRanges("g+mChBPJ", true)),
		Syloti_Nagri: () => new UnicodeRangeTable(decodeRanges("ggqBsB", true)),
		Syriac: () => new UnicodeRangeTable(decodeRanges("g4BNC7BDCxIK", true)),
		Tagalog: () => new UnicodeRangeTable(decodeRanges("g4FVKA", true)),
		Tagbanwa: () => new UnicodeRangeTable(decodeRanges("g7FMCCCB", true)),
		Tai_Le: () => new UnicodeRangeTable(decodeRanges("wqGdDE", true)),
		Tai_Tham: () => new UnicodeRangeTable(decodeRanges("gxG+BCcDKHJHN", true)),
		Tai_Viet: () => new UnicodeRangeTable(decodeRanges("g0qBiCZE", true)),
		Tai_Yo: () => new UnicodeRangeTable(decodeRanges("g25DeCVJB", true)),
		Takri: () => new UnicodeRangeTable(decodeRanges("g0lC5BHJ", true)),
		Tamil: () => new UnicodeRangeTable(decodeRanges("i8CBBCFBECBCDBEBBCCCBEEBEEBBBELBFEBECBCDBDHHPUBm+kCxBBOAB", false)),
		Tangsa: () => new UnicodeRangeTable(decodeRanges("wz6CuCCJ", true)),
		Tangut: () => new UnicodeRangeTable(decodeRanges("g-7CgBgBB+3GBhQeBiDyDB", false)),
		Telugu: () => new UnicodeRangeTable(decodeRanges("ggDMCCCWCPDICCCDIBCCCBDDDJII", true)),
		Thaana: () => new UnicodeRangeTable(decodeRanges("g8BxB", true)),
		Thai: () => new UnicodeRangeTable(decodeRanges("hwD5BGb", true)),
		Tibetan: () => new UnicodeRangeTable(decodeRanges("g4DnCCjBFmBCjBCOCGFB", true)),
		Tifinagh: () => new UnicodeRangeTable(decodeRanges("wpL3BIBPA", true)),
		Tirhuta: () => new UnicodeRangeTable(decodeRanges("gklCnCJJ", true)),
		Todhri: () => new UnicodeRangeTable(decodeRanges("guhCzB", true)),
		Tolong_Siki: () => new UnicodeRangeTable(decodeRanges("wtnCrBFJ", true)),
		Toto: () => new UnicodeRangeTable(decodeRanges("w04De", true)),
		Tulu_Tigalari: () => new UnicodeRangeTable(decodeRanges("g8kCJBCDDClBBCJBCDDCDBCJBCBBJBB", false)),
		Ugaritic: () => new UnicodeRangeTable(decodeRanges("g8gCdCA", true)),
		Unknown: () => new UnicodeRangeTable(decodeRanges("4bBBHDBICCVuMuMnBBBzBBBE4B4BBGBcDBHKBvI9B9BBmDmDBMB8BBByBBBQddBCCMEBjBEBuHJJBDDBXXICCBBBFBBKBBDBBFHBCDBDGGBaaBEEHDBDBBXIIDGDBCCGDBDBBECBCGBFCCBFBSJBEKKEXXIDDGBBLIEBCCBNBFBBNGBIEEJBBDBBXIIDGGBKKBDDBEEBFBEDBDGGBTTBIBDHHBBBEFFBBBDCCDCBDCBECBNDBGCBEFFBCCBEBCNBWEBOEEYRRBKKEFFBFBDEEDBBFBBLGBXEEYLLGBBKEEFGBDEBEFFBLLELBOEE0BEEHDBRBBbEETCBZKKCBBICBCDBHCCJFBLBBELB7BDBekBBDCCGZZCYYBGGCIILBBFfBpClBlBBCBoBlBlBQOOBjBBnGCCBDBCBB6LFFBIICFFBqBqBFBBiBFFBIICFFBQQ6BFFBkCkCBhBhBBBBbFB3CBBHBB+UCB6CGBXIBZIBVLBOEEDLB-CBBLFBLFBbFB6CGBsBEBnCJBgBNNBCBNDBCCBrBBBGKBtBDBbFBMCB-BBBiCeeBMMBEBLFBPBBvBBBNTBuCnFnFBGB9BCBQCB-BEBsBBBMHBsBEB3QBBHBBnBBBHBBJGCgBBB2BQQPBBHUUBEEKmDmDNBBcOOBBBjBNBiBOBtEDB7UVBMUB14BBB-LEBuBCCBDBCBB5BGBDNBZIBI4BI-DhBBb6C6CBKB3GZBxC3C3CBoDoDBDBsB-C-C3CIBxBuzcuzcBBB4BIB9KTB5FHB+GTB9BCBLFB5BHBnCHBNFB1DKBfCBvCMMBCBiB4B4BBHBPBBLBBoDXBdJBHBBHBBHIBIII9BDB-DBBLFBl9KLBYDByBjoIBvLBBrDlBBILBGEBbGGCGDrUfBrBFB0BUUFDBGoEoEBCC-FCBHBBHBBHBBECBIIIBIBGBBNbbUDDQBBPhBB8DEBEDBuBCB5COOBBBCuBBvBhEBeCByBOBdDBlBIBfEBsBEBfmBmBBCBPpBB-EBBLFBlBDBlBDBpBHB1BKBNQQIDDMQQIDDBBB1BLB4JIBXJBJXBHrBrBKkCBHBBCtBtBDCBCBBYpCpCBGBKvBBUDDBDBiBCBcEBclBB5BDBVBBzBDDBDBJEEeBBEDBLGBKGBhCfBoBDBNIB3BCBeBBcEBbGBFLBIvCBqC2BB0BMB0BGBvBHBLFBnBCBeHBDvGBgBrBrBEBBDPBHHBKgBBvBHBrBVBblBBdTBYIBvCDBlBIBlCJBCBBaGBLFB2BTTBGBoBIBhDVVBJBTwBwBB8BBICCFQQMFB8BEBLFBFJJBDDBXXIDDGLLBDDBEEBCCBEBCEBIBBICBGKBLCCBCCnBLLCBBCFFLDDBGBDcB9CGGBcBpCHBLlFB3BBBnBhBBmCKBLFBOSB7BFBLFBVbBcBBQDBY4FB9BjDB0CLBJBBCBBJDDfDDBNNBHBLlCBJBBvBBBMaBpCHB0CMBqCGBL1CBJ3CBjBNBLFBKuBuBPJBeCBhBBBXPPBnCBIDDtBCBCDDKHBLFBHDDmBDDHGBLFBtBDBL1HBaGBSqBqBBBBe0CBCOBzBMB8clDBwDGGBJBlGryCBkDMB3iBJB88DEBoS41GB7Bl2BB6RGBgBLLBCByCLLBEBfBBHJBnCJBLIIWEBUvNB7BlGB8CEBaBBarBBsCDB6BGBS-BBGKBIIB3mHoBBhBgDB0D8vIBFIIDkJkJBNBCcBEBBCNBFHBtMjoCBsDEBOCBKGBLBBJ76DB+HCB1NFBYOBSOBvBBBYIB1D7BB3HJBoBBBjGUBnC5DBVLBVLB4CIBamEB2CoCoCDBBCBBDBBFNNCIIiCFFBJJIddFGGCCBI1K1KBlJlJB-V-VBNBGQQBuiBBgBFBH0GBISSBIIDGGBDB-BgBBCvDBuBCBPBBLDBD-JBgBQB7BEBCvOBrB1GBsBDBC-FBgBXXBGBD-GBIFFDQQmGBBRoBBtCDBLDBDwYBlCrCB+BhGBFccDCCBCCLFFCCCBEBCDBCECEDDCBBCICDCCBFFIKFCLLSEBEGGSzBBDtIBtBDBlDLBQBBQQQmBJBvF3BBeMBtBDBKGBDNBH5EB6eCBSCBOCB7GFBNDBCOBNDB5BHBLFBpBHBfBBNDBDNBKmBB5KHBPBBOCBMCB6BCCBCBRBBNDBLGB0EoDoDBjgBBh3pBfB-oEBBv0FBBypHOBvThtCB-QhvBBs6EEBrpIm8yVBCdBhD-DBxHvw-FB", false)),
		Vai: () => new UnicodeRangeTable(decodeRanges("gopBrJ", true)),
		Vithkuqi: () => new UnicodeRangeTable(decodeRanges("wrhCKCOCGCBCKCOCGCB", true)),
		Wancho: () => new UnicodeRangeTable(decodeRanges("g24D5BGA", true)),
		Warang_Citi: () => new UnicodeRangeTable(decodeRanges("glmCyCNA", true)),
		Yezidi: () => new UnicodeRangeTable(decodeRanges("g0jCpBCCDB", true)),
		Yi: () => new UnicodeRangeTable(decodeRanges("ggoBskBE2B", true)),
		Zanabazar_Square: () => new UnicodeRangeTable(decodeRanges("gwmCnC", true))
	});
	static FOLD_CATEGORIES = new LazyMap({
		L: () => new UnicodeRangeTable(decodeRanges("laA", true)),
		LC: () => new UnicodeRangeTable(decodeRanges("laA", true)),
		Ll: () => new UnicodeRangeTable(decodeRanges("hCZBmDWBCGBiBuBCEECDOCDuBCBECEBBCCCBCCBBBDDBCBBCCBEBBCBBCECBCCDCCBCCBBBCCCBEEIBBCBBCBBCOCDQCDBBCCCBBBC4BCIBBCBBDCCBCBCGC3HrBrBCEEJHHCCBCCCBCCBPBCIBkBJJCUCGDDCBBDyBBxBgBCK2BCBMCD+CCDlBBq6ClBBCGGzW1CB0kCHHBpBBDCBhK0ECKgDCKHBJFBLHBJHBJFBMGCJHBZHBJHBJHBJEBMEBMDBNEBMEBqJEEBHHxC9zC9zCBuBBxBCCBBBDGCBCBCDDJCBCgDCJCCFuqeuqeCqBCUaCoEMCE8BCLECBICFCCDCCEUCBDBCEBCOCBCBCCCBQCZs5Vs5VBYBmmBnBBpEjBB9EKBCOBCGBCBBr3ByBB+EVB75CfBhsVfBhCYBoyehBB", false)),
		Lt: () => new UnicodeRangeTable(decodeRanges("kOCCBCCBCClBCCtsHHBJHBJHBMQQwBAB", false)),
		Lu: () => new UnicodeRangeTable(decodeRanges("hDZB7BqBqBBWBCHBCuBCEECDOCDsBCDECBBBDCCDEEGDDECBDDDCCCDFFDEECDDECCGBBCBBCBBCOCBSCDBBCEECkBCEQCJDDBCCFICBEBCBBCCCBEEBCCBCBCEBDCCBDDIDDCBBEFBGLLBnFnFsBCCEEEBBBvBDBCdBCBBECBCWCBDBCGD1BvBBCgBCK0BCDMCBgDCyBlBBq6CqBBDCB5XFBjkCIBCvHvHERRzD0ECGGGC8CCBHBJFBLHBJHBJFBMGCJHBJNBzBBBNSSBPPBEEpL2B2Bs1CvBBCEEBGCHDDLiDCJCCFNNBkBBCGG0oesBCUaCoEMCE8BCLCCDICFFFCBBDSCMOCFCCDOCb9a9advCBi8UZBumBnBBpEjBB8EKBCOBCGBCBBk4ByBB+DVB75CfBhsVfB8BYBvyehBB", false)),
		M: () => new UnicodeRangeTable(decodeRanges("5cgBgBlgHAB", false)),
		Mn: () => new UnicodeRangeTable(decodeRanges("5cgBgBlgHAB", false)),
		Emoji: () => new UnicodeRangeTable(decodeRanges("8mJA", true)),
		Extended_Pictographic: () => new UnicodeRangeTable(decodeRanges("8mJA", true)),
		Lowercase: () => new UnicodeRangeTable(decodeRanges("hCZBmDWBCGBiBuBCEECDOCDuBCBECEBBCCCBCCBBBDDBCBBCCBEBBCBBCECBCCDCCBCCBBBCCCBEEIBBCBBCBBCOCDQCDBBCCCBBBC4BCIBBCBBDCCBCBCGCiJCCEJJHCCBBBCCCBCCBPBCIBkBJJCUCGDDCBBDyBBxBgBCK2BCBMCD+CCDlBBq6ClBBCGGzW1CB0kCHHBpBBDCBhK0ECKgDCKHBJFBLHBJHBJFBMGCJHBZHBJHBJHBJEBMEBMDBNEBMEBqJEEBHHuBPBUzZzZBYBx5BvBBxBCCBBBDGCBCBCDDJCBCgDCJCCFuqeuqeCqBCUaCoEMCE8BCLECBICFCCDCCEUCBDBCEBCOCBCBCCCBQCZs5Vs5VBYBmmBnBBpEjBB9EKBCOBCGBCBBr3ByBB+EVB75CfBhsVfBhCYBoyehBB", false)),
		Math: () => new UnicodeRangeTable(decodeRanges("ycGDCHHFMMDDDCHHFAB", false)),
		Uppercase: () => new UnicodeRangeTable(decodeRanges("hDZB7BqBqBBWBCHBCuBCEECDOCDsBCDECBBBDCCDEEGDDECBDDDCCCDFFDEECDDECCGBBCBBCBBCOCBSCDBBCEECkBCEQCJDDBCCFICBEBCBBCCCBEEBCCBCBCEBDCCBDDIDDCBBEFBGLLBnFnFsBCCEEEBBBvBDBCdBCBBECBCWCBDBCGD1BvBBCgBCK0BCDMCBgDCyBlBBq6CqBBDCB5XFBjkCIBCvHvHERRzD0ECGGGC8CCBHBJFBLHBJHBJFBMGCJHBJNBzBBBNSSBPPBEEpLiBiBBOBFsasaBYBn6BvBBCEEBGCHDDLiDCJCCFNNBkBBCGG0oesBCUaCoEMCE8BCLCCDICFFFCBBDSCMOCFCCDOCb9a9advCBi8UZBumBnBBpEjBB8EKBCOBCGBCBBk4ByBB+DVB75CfBhsVfB8BYBvyehBB", false))
	});
	static FOLD_SCRIPT = new LazyMap({
		Common: () => new UnicodeRangeTable(decodeRanges("8cgBgB", false)),
		Greek: () => new UnicodeRangeTable(decodeRanges("1FwUwU", false)),
		Inherited: () => new UnicodeRangeTable(decodeRanges("5cgBgBlgHAB", false))
	});
};
// src/Unicode.js
/**
* Utilities for dealing with Unicode better than JS does.
*/
var Unicode = class Unicode {
	static MAX_RUNE = 1114111;
	static RUNE_ERROR = 65533;
	static isUnsearchable(r) {
		return r === Unicode.RUNE_ERROR || r >= Unicode.MIN_HIGH_SURROGATE && r <= Unicode.MAX_LOW_SURROGATE;
	}
	static MAX_ASCII = 127;
	static MAX_LATIN1 = 255;
	static MAX_BMP = 65535;
	static MIN_FOLD = 65;
	static MAX_FOLD = 125251;
	static MIN_HIGH_SURROGATE = 55296;
	static MAX_HIGH_SURROGATE = 56319;
	static MIN_LOW_SURROGATE = 56320;
	static MAX_LOW_SURROGATE = 57343;
	static MIN_SUPPLEMENTARY_CODE_POINT = 65536;
	static is32(ranges, r) {
		let lo = 0;
		let hi = ranges.length;
		while (lo < hi) {
			const m = lo + Math.floor((hi - lo) / 2);
			const rlo = ranges.getLo(m);
			const rhi = ranges.getHi(m);
			if (rlo <= r && r <= rhi) {
				const stride = ranges.getStride(m);
				return (r - rlo) % stride === 0;
			}
			if (r < rlo) hi = m;
			else lo = m + 1;
		}
		return false;
	}
	static is(ranges, r) {
		if (r <= Unicode.MAX_LATIN1) {
			for (let i = 0; i < ranges.length; i++) {
				if (r > ranges.getHi(i)) continue;
				const rlo = ranges.getLo(i);
				if (r < rlo) return false;
				const stride = ranges.getStride(i);
				return (r - rlo) % stride === 0;
			}
			return false;
		}
		return ranges.length > 0 && r >= ranges.getLo(0) && Unicode.is32(ranges, r);
	}
	static isPrint(r) {
		if (r <= Unicode.MAX_LATIN1) return r >= 32 && r < Unicode.MAX_ASCII || r >= 161 && r !== 173;
		return Unicode.is(UnicodeTables.Print, r);
	}
	static simpleFold(r) {
		if (UnicodeTables.CASE_ORBIT.has(r)) return UnicodeTables.CASE_ORBIT.get(r);
		if (r <= Unicode.MAX_ASCII) {
			const l = Codepoint.toLowerCase(r);
			return l !== r ? l : Codepoint.toUpperCase(r);
		}
		return r;
	}
	static equalsIgnoreCase(r1, r2) {
		if (r1 === r2) return true;
		if (r1 < 0 || r2 < 0) return false;
		if (r1 <= Unicode.MAX_ASCII && r2 <= Unicode.MAX_ASCII) {
			if (65 <= r1 && r1 <= 90) r1 |= 32;
			if (65 <= r2 && r2 <= 90) r2 |= 32;
			return r1 === r2;
		}
		for (let r = Unicode.simpleFold(r1); r !== r1; r = Unicode.simpleFold(r)) if (r === r2) return true;
		return false;
	}
};
// src/exceptions.js
var RE2JSException = class extends Error {
	/** @param {string} message */
	constructor(message) {
		super(message);
		this.name = "RE2JSException";
	}
};
/**
* An exception thrown by the parser if the pattern was invalid.
*/
var RE2JSSyntaxException = class extends RE2JSException {
	/**
	* @param {string} error
	* @param {string|null} [input=null]
	*/
	constructor(error, input = null) {
		let message = `error parsing regexp: ${error}`;
		if (input) message += `: \`${input}\``;
		super(message);
		this.name = "RE2JSSyntaxException";
		this.message = message;
		/** @type {string} */
		this.error = error;
		/** @type {string|null} */
		this.input = input;
	}
	/**
	* Retrieves the description of the error.
	* @returns {string}
	*/
	getDescription() {
		return this.error;
	}
	/**
	* Retrieves the erroneous regular-expression pattern.
	* @returns {string|null}
	*/
	getPattern() {
		return this.input;
	}
};
/**
* An exception thrown by the compiler
*/
var RE2JSCompileException = class extends RE2JSException {
	/** @param {string} message */
	constructor(message) {
		super(message);
		this.name = "RE2JSCompileException";
	}
};
/**
* An exception thrown by using groups
*/
var RE2JSGroupException = class extends RE2JSException {
	/** @param {string} message */
	constructor(message) {
		super(message);
		this.name = "RE2JSGroupException";
	}
};
/**
* An exception thrown by flags
*/
var RE2JSFlagsException = class extends RE2JSException {
	/** @param {string} message */
	constructor(message) {
		super(message);
		this.name = "RE2JSFlagsException";
	}
};
/**
* An exception thrown for internal engine errors, such as corrupted bytecodes.
*/
var RE2JSInternalException = class extends RE2JSException {
	/** @param {string} message */
	constructor(message) {
		super(message);
		this.name = "RE2JSInternalException";
	}
};
// src/Utils.js
/**
* Size of the precomputed single-byte lookup table.
* Covers standard ASCII and Latin-1 characters for fast-path execution.
*/
const FAST_PATH_TABLE_SIZE = 256;
/**
* Precomputed lookup table for Word Boundary (\b, \B) assertions.
* * By precomputing the boolean results for standard ASCII word ranges
* ('a'-'z', 'A'-'Z', '0'-'9', '_'), we completely eliminate 4 logical
* branches from the NFA's hot execution loop. This prevents costly
* CPU branch mispredictions when scanning large strings.
*/
const WORD_RUNE_TABLE = new Uint8Array(FAST_PATH_TABLE_SIZE);
for (let i = 0; i < FAST_PATH_TABLE_SIZE; i++) WORD_RUNE_TABLE[i] = 97 <= i && i <= 122 || 65 <= i && i <= 90 || 48 <= i && i <= 57 || i === 95 ? 1 : 0;
let cachedNativeEncoder = null;
let cachedNativeDecoder = null;
/**
* Various constants and helper utilities.
*/
var Utils = class Utils {
	static METACHARACTERS = "\\.+*?()|[]{}^$";
	static EMPTY_BEGIN_LINE = 1;
	static EMPTY_END_LINE = 2;
	static EMPTY_BEGIN_TEXT = 4;
	static EMPTY_END_TEXT = 8;
	static EMPTY_WORD_BOUNDARY = 16;
	static EMPTY_NO_WORD_BOUNDARY = 32;
	static EMPTY_ALL = -1;
	static emptyInts() {
		return [];
	}
	static isString(value) {
		return typeof value === "string" || Object.prototype.toString.call(value) === "[object String]";
	}
	static typeName(value) {
		if (value === null || typeof value !== "object" && typeof value !== "function") return value === null ? "null" : typeof value;
		return Object.prototype.toString.call(value).slice(8, -1);
	}
	static checkPattern(pattern) {
		if (!Utils.isString(pattern)) throw new TypeError(`The pattern must be a string, not ${Utils.typeName(pattern)} (RE2JS.translateRegExp() converts a RegExp)`);
	}
	static checkInput(input) {
		if (!Utils.isString(input) && !Utils.isByteArray(input)) throw new TypeError(`The input must be a string or a byte array (Uint8Array or number[]), not ${Utils.typeName(input)}`);
	}
	static checkFlags(flags) {
		const known = PublicFlags.MULTILINE | PublicFlags.DOTALL | PublicFlags.CASE_INSENSITIVE | PublicFlags.DISABLE_UNICODE_GROUPS | PublicFlags.LONGEST_MATCH | PublicFlags.LOOKBEHINDS;
		if (!Number.isInteger(flags) || (flags & ~known) !== 0) throw new RE2JSFlagsException("Flags should only be a combination of MULTILINE, DOTALL, CASE_INSENSITIVE, DISABLE_UNICODE_GROUPS, LONGEST_MATCH, LOOKBEHINDS");
	}
	static isByteArray(input) {
		return Array.isArray(input) || Object.prototype.toString.call(input) === "[object Uint8Array]";
	}
	static isalnum(c) {
		return Codepoint.CODES["0"] <= c && c <= Codepoint.CODES["9"] || Codepoint.CODES["a"] <= c && c <= Codepoint.CODES["z"] || Codepoint.CODES["A"] <= c && c <= Codepoint.CODES["Z"];
	}
	static unhex(c) {
		if (Codepoint.CODES["0"] <= c && c <= Codepoint.CODES["9"]) return c - Codepoint.CODES["0"];
		if (Codepoint.CODES["a"] <= c && c <= Codepoint.CODES["f"]) return c - Codepoint.CODES["a"] + 10;
		if (Codepoint.CODES["A"] <= c && c <= Codepoint.CODES["F"]) return c - Codepoint.CODES["A"] + 10;
		return -1;
	}
	static escapeRune(rune) {
		let out = "";
		if (Unicode.isPrint(rune)) {
			if (Utils.METACHARACTERS.indexOf(String.fromCodePoint(rune)) >= 0) out += "\\";
			out += String.fromCodePoint(rune);
		} else switch (rune) {
			case Codepoint.CODES["\""]:
				out += "\\\"";
				break;
			case Codepoint.CODES["\\"]:
				out += "\\\\";
				break;
			case Codepoint.CODES["	"]:
				out += "\\t";
				break;
			case Codepoint.CODES["\n"]:
				out += "\\n";
				break;
			case Codepoint.CODES["\r"]:
				out += "\\r";
				break;
			case Codepoint.CODES["\b"]:
				out += "\\b";
				break;
			case Codepoint.CODES["\f"]:
				out += "\\f";
				break;
			default: {
				let s = rune.toString(16);
				if (rune < 256) {
					out += "\\x";
					if (s.length === 1) out += "0";
					out += s;
				} else out += `\\x{${s}}`;
				break;
			}
		}
		return out;
	}
	static stringToRunes(str) {
		const string = String(str);
		const runes = [];
		let i = 0;
		while (i < string.length) {
			const cp = string.codePointAt(i);
			runes.push(cp);
			i += cp > Unicode.MAX_BMP ? 2 : 1;
		}
		return new Int32Array(runes);
	}
	static runeToString(r) {
		return String.fromCodePoint(r);
	}
	static isWordRune(r) {
		return r < FAST_PATH_TABLE_SIZE ? WORD_RUNE_TABLE[r] === 1 : false;
	}
	static emptyOpContext(r1, r2) {
		let op = 0;
		if (r1 < 0) op |= Utils.EMPTY_BEGIN_TEXT | Utils.EMPTY_BEGIN_LINE;
		if (r1 === 10) op |= Utils.EMPTY_BEGIN_LINE;
		if (r2 < 0) op |= Utils.EMPTY_END_TEXT | Utils.EMPTY_END_LINE;
		if (r2 === 10) op |= Utils.EMPTY_END_LINE;
		if (Utils.isWordRune(r1) !== Utils.isWordRune(r2)) op |= Utils.EMPTY_WORD_BOUNDARY;
		else op |= Utils.EMPTY_NO_WORD_BOUNDARY;
		return op;
	}
	/**
	* Returns a string that quotes all regular expression metacharacters inside the argument text;
	* the returned string is a regular expression matching the literal text. For example,
	* {@code quoteMeta("[foo]").equals("\\[foo\\]")}.
	* @param {string} str
	* @returns {string}
	*/
	static quoteMeta(str) {
		return str.split("").map((s) => {
			if (Utils.METACHARACTERS.indexOf(s) >= 0) return `\\${s}`;
			return s;
		}).join("");
	}
	static charCount(codePoint) {
		return codePoint > Unicode.MAX_BMP ? 2 : 1;
	}
	/**
	* High-speed conversion from TypedArrays to standard JS Arrays.
	* Bypasses the expensive Symbol.iterator overhead of Array.from()
	*/
	static toArray(typedArray) {
		const len = typedArray.length;
		const res = new Array(len);
		for (let i = 0; i < len; i++) res[i] = typedArray[i];
		return res;
	}
	static stringToUtf8ByteArray(str) {
		if (globalThis.TextEncoder) {
			if (!cachedNativeEncoder) cachedNativeEncoder = new TextEncoder();
			return cachedNativeEncoder.encode(str);
		} else {
			let out = [], p = 0;
			for (let i = 0; i < str.length; i++) {
				let c = str.charCodeAt(i);
				if (c < 128) out[p++] = c;
				else if (c < 2048) {
					out[p++] = c >> 6 | 192;
					out[p++] = c & 63 | 128;
				} else if ((c & 64512) === Unicode.MIN_HIGH_SURROGATE && i + 1 < str.length && (str.charCodeAt(i + 1) & 64512) === Unicode.MIN_LOW_SURROGATE) {
					c = Unicode.MIN_SUPPLEMENTARY_CODE_POINT + ((c & 1023) << 10) + (str.charCodeAt(++i) & 1023);
					out[p++] = c >> 18 | 240;
					out[p++] = c >> 12 & 63 | 128;
					out[p++] = c >> 6 & 63 | 128;
					out[p++] = c & 63 | 128;
				} else {
					out[p++] = c >> 12 | 224;
					out[p++] = c >> 6 & 63 | 128;
					out[p++] = c & 63 | 128;
				}
			}
			return out;
		}
	}
	static utf8ByteArrayToString(bytes) {
		if (globalThis.TextDecoder) {
			if (!cachedNativeDecoder) cachedNativeDecoder = new TextDecoder("utf-8");
			const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
			return cachedNativeDecoder.decode(view);
		} else {
			let out = [], pos = 0, c = 0;
			while (pos < bytes.length) {
				let c1 = bytes[pos++];
				if (c1 < 128) out[c++] = String.fromCharCode(c1);
				else if (c1 > 191 && c1 < 224) {
					let c2 = bytes[pos++];
					out[c++] = String.fromCharCode((c1 & 31) << 6 | c2 & 63);
				} else if (c1 > 239 && c1 < 365) {
					let c2 = bytes[pos++];
					let c3 = bytes[pos++];
					let c4 = bytes[pos++];
					let u = ((c1 & 7) << 18 | (c2 & 63) << 12 | (c3 & 63) << 6 | c4 & 63) - Unicode.MIN_SUPPLEMENTARY_CODE_POINT;
					out[c++] = String.fromCharCode(Unicode.MIN_HIGH_SURROGATE + (u >> 10));
					out[c++] = String.fromCharCode(Unicode.MIN_LOW_SURROGATE + (u & 1023));
				} else {
					let c2 = bytes[pos++];
					let c3 = bytes[pos++];
					out[c++] = String.fromCharCode((c1 & 15) << 12 | (c2 & 63) << 6 | c3 & 63);
				}
			}
			return out.join("");
		}
	}
};
// src/helpers.js
const createEnum = (values = [], initNum = 0) => {
	const enumObject = Object.create(null);
	for (let i = 0; i < values.length; i++) {
		const val = values[i];
		const keyVal = initNum + i;
		enumObject[val] = keyVal;
		enumObject[keyVal] = val;
	}
	return Object.freeze(enumObject);
};
// src/MatcherInput.js
/**
* Abstract the representations of input text supplied to Matcher.
*/
var MatcherInputBase = class MatcherInputBase {
	static Encoding = createEnum(["UTF_16", "UTF_8"]);
	getEncoding() {
		throw Error("not implemented");
	}
	/** @returns {string} */
	asCharSequence() {
		throw Error("not implemented");
	}
	/** @returns {Uint8Array|number[]|null} */
	asBytes() {
		throw Error("not implemented");
	}
	/** @returns {number} */
	length() {
		throw Error("not implemented");
	}
	/**
	*
	* @returns {boolean}
	*/
	isUTF8Encoding() {
		return this.getEncoding() === MatcherInputBase.Encoding.UTF_8;
	}
	/**
	*
	* @returns {boolean}
	*/
	isUTF16Encoding() {
		return this.getEncoding() === MatcherInputBase.Encoding.UTF_16;
	}
};
var Utf8MatcherInput = class extends MatcherInputBase {
	/** @param {Uint8Array|number[]|null} bytes */
	constructor(bytes = null) {
		super();
		this.bytes = bytes;
	}
	getEncoding() {
		return MatcherInputBase.Encoding.UTF_8;
	}
	/**
	*
	* @returns {string}
	*/
	asCharSequence() {
		return Utils.utf8ByteArrayToString(this.bytes);
	}
	/**
	*
	* @returns {Uint8Array|number[]|null}
	*/
	asBytes() {
		return this.bytes;
	}
	/**
	*
	* @returns {number}
	*/
	length() {
		return this.bytes.length;
	}
};
var Utf16MatcherInput = class extends MatcherInputBase {
	/** @param {string|null} charSequence */
	constructor(charSequence = null) {
		super();
		this.charSequence = charSequence;
	}
	getEncoding() {
		return MatcherInputBase.Encoding.UTF_16;
	}
	/**
	*
	* @returns {string}
	*/
	asCharSequence() {
		return this.charSequence;
	}
	/**
	*
	* @returns {number[]}
	*/
	asBytes() {
		return Utils.stringToUtf8ByteArray(this.charSequence.toString());
	}
	/**
	*
	* @returns {number}
	*/
	length() {
		return this.charSequence.length;
	}
};
var MatcherInput = class {
	/**
	* Return the MatcherInput for UTF_16 encoding.
	* @returns {Utf16MatcherInput}
	*/
	static utf16(charSequence) {
		Utils.checkInput(charSequence);
		return new Utf16MatcherInput(charSequence);
	}
	/**
	* Return the MatcherInput for UTF_8 encoding.
	* @returns {Utf8MatcherInput}
	*/
	static utf8(input) {
		if (Utils.isByteArray(input)) return new Utf8MatcherInput(input);
		return new Utf8MatcherInput(Utils.stringToUtf8ByteArray(input));
	}
};
// src/MachineInput.js
/**
* MachineInput abstracts different representations of the input text supplied to the Machine. It
* provides one-character lookahead.
*/
var MachineInputBase = class {
	static EOF() {
		return -8;
	}
	constructor() {
		this.start = 0;
		this.end = 0;
	}
	canCheckPrefix() {
		return true;
	}
	endPos() {
		return this.end - this.start;
	}
	hasString() {
		return false;
	}
	hasAnyString() {
		return false;
	}
	prefixLength() {
		return 0;
	}
};
var MachineUTF8Input = class MachineUTF8Input extends MachineInputBase {
	static RUNE_ERROR_STEP = Unicode.RUNE_ERROR << 3 | 1;
	constructor(bytes, start = 0, end = bytes.length) {
		super();
		this.bytes = bytes;
		this.start = start;
		this.end = end;
	}
	hasString(prefilter, pos) {
		const target = prefilter.bytes;
		if (target.length === 0) return true;
		const idx = this.indexOf(this.bytes, target, this.start + pos);
		return idx !== -1 && idx <= this.end - target.length;
	}
	hasAnyString(prefilter, pos) {
		return prefilter.automaton8().searchUTF8(this.bytes, this.start + pos, this.end);
	}
	step(pos) {
		pos += this.start;
		if (pos >= this.end) return MachineInputBase.EOF();
		const c = this.bytes[pos] & 255;
		if (c < 128) return c << 3 | 1;
		let size;
		let rune;
		let lo = 128;
		let hi = 191;
		if (c >= 194 && c <= 223) {
			size = 2;
			rune = c & 31;
		} else if (c >= 224 && c <= 239) {
			size = 3;
			rune = c & 15;
			if (c === 224) lo = 160;
			else if (c === 237) hi = 159;
		} else if (c >= 240 && c <= 244) {
			size = 4;
			rune = c & 7;
			if (c === 240) lo = 144;
			else if (c === 244) hi = 143;
		} else return MachineUTF8Input.RUNE_ERROR_STEP;
		if (pos + size > this.end) return MachineUTF8Input.RUNE_ERROR_STEP;
		const c1 = this.bytes[pos + 1] & 255;
		if (c1 < lo || c1 > hi) return MachineUTF8Input.RUNE_ERROR_STEP;
		rune = rune << 6 | c1 & 63;
		if (size > 2) {
			const c2 = this.bytes[pos + 2] & 255;
			if ((c2 & 192) !== 128) return MachineUTF8Input.RUNE_ERROR_STEP;
			rune = rune << 6 | c2 & 63;
			if (size > 3) {
				const c3 = this.bytes[pos + 3] & 255;
				if ((c3 & 192) !== 128) return MachineUTF8Input.RUNE_ERROR_STEP;
				rune = rune << 6 | c3 & 63;
			}
		}
		return rune << 3 | size;
	}
	index(re2, pos) {
		pos += this.start;
		const i = this.indexOf(this.bytes, re2.prefixUTF8, pos);
		return i < 0 ? i : i - pos;
	}
	context(pos) {
		pos += this.start;
		let r1 = -1;
		if (pos > this.start && pos <= this.end) {
			let start = pos - 1;
			r1 = this.bytes[start--];
			if (r1 >= 128) {
				let lim = pos - 4;
				if (lim < this.start) lim = this.start;
				while (start >= lim && (this.bytes[start] & 192) === 128) start--;
				if (start < this.start) start = this.start;
				const r = this.step(start - this.start);
				r1 = start + (r & 7) === pos ? r >> 3 : Unicode.RUNE_ERROR;
			}
		}
		const r2 = pos < this.end ? this.step(pos - this.start) >> 3 : -1;
		return Utils.emptyOpContext(r1, r2);
	}
	indexOf(source, target, fromIndex = 0) {
		let targetLength = target.length;
		if (targetLength === 0) return fromIndex <= this.end ? fromIndex : -1;
		const firstByte = target[0];
		let limit = this.end - targetLength;
		const hasNativeIndexOf = typeof source.indexOf === "function";
		let i = fromIndex;
		while (i <= limit) {
			if (hasNativeIndexOf) {
				i = source.indexOf(firstByte, i);
				if (i === -1 || i > limit) return -1;
			} else {
				while (i <= limit && source[i] !== firstByte) i++;
				if (i > limit) return -1;
			}
			let match = true;
			for (let j = 1; j < targetLength; j++) if (source[i + j] !== target[j]) {
				match = false;
				break;
			}
			if (match) return i;
			i++;
		}
		return -1;
	}
	prefixLength(re2) {
		return re2.prefixUTF8.length;
	}
};
var MachineUTF16Input = class extends MachineInputBase {
	constructor(charSequence, start = 0, end = charSequence.length) {
		super();
		this.charSequence = charSequence;
		this.start = start;
		this.end = end;
	}
	hasString(prefilter, pos) {
		const idx = this.charSequence.indexOf(prefilter.str, this.start + pos);
		return idx !== -1 && idx <= this.end - prefilter.str.length;
	}
	hasAnyString(prefilter, pos) {
		return prefilter.automaton16().searchUTF16(this.charSequence, this.start + pos, this.end);
	}
	step(pos) {
		pos += this.start;
		if (pos >= this.end) return MachineInputBase.EOF();
		const c1 = this.charSequence.charCodeAt(pos);
		if (c1 < Unicode.MIN_HIGH_SURROGATE || c1 > Unicode.MAX_HIGH_SURROGATE || pos + 1 >= this.end) return c1 << 3 | 1;
		const c2 = this.charSequence.charCodeAt(pos + 1);
		if (c2 >= Unicode.MIN_LOW_SURROGATE && c2 <= Unicode.MAX_LOW_SURROGATE) return (c1 - Unicode.MIN_HIGH_SURROGATE) * 1024 + (c2 - Unicode.MIN_LOW_SURROGATE) + Unicode.MIN_SUPPLEMENTARY_CODE_POINT << 3 | 2;
		return c1 << 3 | 1;
	}
	index(re2, pos) {
		pos += this.start;
		const i = this.charSequence.indexOf(re2.prefix, pos);
		if (i < 0 || i > this.end - re2.prefix.length) return -1;
		return i - pos;
	}
	context(pos) {
		pos += this.start;
		const r1 = pos > this.start && pos <= this.end ? this.charSequence.charCodeAt(pos - 1) : -1;
		const r2 = pos < this.end ? this.charSequence.charCodeAt(pos) : -1;
		return Utils.emptyOpContext(r1, r2);
	}
	prefixLength(re2) {
		return re2.prefix.length;
	}
};
var MachineInput = class {
	static fromUTF8(bytes, start = 0, end = bytes.length) {
		return new MachineUTF8Input(bytes, start, end);
	}
	static fromUTF16(charSequence, start = 0, end = void 0) {
		Utils.checkInput(charSequence);
		return new MachineUTF16Input(charSequence, start, end ?? charSequence.length);
	}
};
// src/Matcher.js
/**
* A stateful iterator that interprets a regex {@code RE2JS} on a specific input.
*
* Conceptually, a Matcher consists of four parts:
* <ol>
* <li>A compiled regular expression {@code RE2JS}, set at construction and fixed for the lifetime
* of the matcher.</li>
*
* <li>The remainder of the input string, set at construction or {@link #reset()} and advanced by
* each match operation such as {@link #find}, {@link #matches} or {@link #lookingAt}.</li>
*
* <li>The current match information, accessible via {@link #start}, {@link #end}, and
* {@link #group}, and updated by each match operation.</li>
*
* <li>The append position, used and advanced by {@link #appendReplacement} and {@link #appendTail}
* if performing a search and replace from the input to an external {@code StringBuffer}.
*
* </ol>
*
*
* @author rsc@google.com (Russ Cox)
*/
var Matcher = class Matcher {
	/**
	* V8 and WebKit have historical hard limits on the number of arguments
	* that can be passed to a function. We cap replacer arguments to prevent
	* Call Stack Overflow (DoS) vulnerabilities on massive ASTs.
	*/
	static MAX_REPLACER_ARGS = 65535;
	/**
	* Quotes '\' and '$' in {@code s}, so that the returned string could be used in
	* {@link #appendReplacement} as a literal replacement of {@code s}.
	*
	* @param {string} str the string to be quoted
	* @param {boolean} [javaMode=false] whether the replacement will be used in javaMode
	* @returns {string} the quoted string
	*/
	static quoteReplacement(str, javaMode = false) {
		if (javaMode) {
			if (str.indexOf("\\") < 0 && str.indexOf("$") < 0) return str;
			return str.split("").map((s) => {
				const c = s.codePointAt(0);
				if (c === Codepoint.CODES["\\"] || c === Codepoint.CODES["$"]) return `\\${s}`;
				return s;
			}).join("");
		}
		if (str.indexOf("$") < 0) return str;
		return str.split("").map((s) => {
			if (s.codePointAt(0) === Codepoint.CODES["$"]) return "$$";
			return s;
		}).join("");
	}
	/**
	*
	* @param {import('./index.js').RE2JS} pattern
	* @param {string|number[]|Uint8Array|MatcherInputBase} input
	*/
	constructor(pattern, input) {
		if (pattern === null) throw new Error("pattern is null");
		/**
		* The pattern being matched.
		* @type {import('./index.js').RE2JS}
		*/
		this.patternInput = pattern;
		const re2 = this.patternInput.re2();
		/** @type {number} */
		this.patternGroupCount = re2.numberOfCapturingGroups();
		/** @type {number[]} */
		this.groups = [];
		/** @type {Record<string, number>} */
		this.namedGroups = re2.namedGroups;
		/** @type {boolean} */
		this.hasNamedGroups = Object.keys(this.namedGroups).length > 0;
		/** @type {number} */
		this.numberOfInstructions = re2.numberOfInstructions();
		/** @type {import('./Machine.js').LookbehindState|null} */
		this.lookbehindState = null;
		if (input instanceof MatcherInputBase) this.resetMatcherInput(input);
		else if (Utils.isByteArray(input)) this.resetMatcherInput(MatcherInput.utf8(input));
		else this.resetMatcherInput(MatcherInput.utf16(input));
	}
	/**
	* Returns the {@code RE2JS} associated with this {@code Matcher}.
	* @returns {import('./index.js').RE2JS}
	*/
	pattern() {
		return this.patternInput;
	}
	/**
	* Resets the {@code Matcher}, rewinding input and discarding any match information.
	*
	* @returns {Matcher} the {@code Matcher} itself, for chained method calls
	*/
	reset() {
		/** @type {number} */
		this.matcherInputLength = this.matcherInput.length();
		/** @type {number} */
		this.appendPos = 0;
		this.hasMatch = false;
		this.hasGroups = false;
		this.anchorFlag = 0;
		return this;
	}
	/**
	* Resets the {@code Matcher} and changes the input.
	* @param {string|number[]|Uint8Array|MatcherInputBase} input
	* @returns {Matcher} the {@code Matcher} itself, for chained method calls
	*/
	resetMatcherInput(input) {
		if (input === null) throw new Error("input is null");
		if (!(input instanceof MatcherInputBase)) {
			if (Utils.isByteArray(input)) input = MatcherInput.utf8(input);
			else input = MatcherInput.utf16(input);
		}
		this.matcherInput = input;
		if (this.lookbehindState !== null) this.lookbehindState.reset();
		else this.lookbehindState = this.patternInput.re2().createLookbehindState();
		this.reset();
		return this;
	}
	/**
	* Returns the start of the named group of the most recent match, or -1 if the group was not
	* matched.
	* @param {string|number} [group=0]
	* @returns {number}
	*/
	start(group = 0) {
		if (typeof group === "string") {
			const groupInt = this.namedGroups[group];
			if (!Number.isFinite(groupInt)) throw new RE2JSGroupException(`group '${group}' not found`);
			group = groupInt;
		}
		this.loadGroup(group);
		return this.groups[2 * group];
	}
	/**
	* Returns the end of the named group of the most recent match, or -1 if the group was not
	* matched.
	* @param {string|number} [group=0]
	* @returns {number}
	*/
	end(group = 0) {
		if (typeof group === "string") {
			const groupInt = this.namedGroups[group];
			if (!Number.isFinite(groupInt)) throw new RE2JSGroupException(`group '${group}' not found`);
			group = groupInt;
		}
		this.loadGroup(group);
		return this.groups[2 * group + 1];
	}
	/**
	* Returns the program size of this pattern.
	*
	* <p>
	* Similar to the C++ implementation, the program size is a very approximate measure of a regexp's
	* "cost". Larger numbers are more expensive than smaller numbers.
	* </p>
	*
	* @returns {number} the program size of this pattern
	*/
	programSize() {
		return this.numberOfInstructions;
	}
	/**
	* Returns the named group of the most recent match, or {@code null} if the group was not matched.
	* @param {string|number} [group=0]
	* @returns {string|null}
	*/
	group(group = 0) {
		if (typeof group === "string") {
			const groupInt = this.namedGroups[group];
			if (!Number.isFinite(groupInt)) throw new RE2JSGroupException(`group '${group}' not found`);
			group = groupInt;
		}
		const start = this.start(group);
		const end = this.end(group);
		if (start < 0 && end < 0) return null;
		return this.substring(start, end);
	}
	/**
	* Returns a dictionary map of all named capturing groups and their matched values.
	* If a group was not matched, its value will be `null`.
	* @returns {Record<string, string|null>}
	*/
	getNamedGroups() {
		if (!this.hasMatch) throw new RE2JSGroupException("perhaps no match attempted");
		const result = Object.create(null);
		for (const name of Object.keys(this.namedGroups)) result[name] = this.group(name);
		return result;
	}
	/**
	* Returns the number of subgroups in this pattern.
	*
	* @returns {number} the number of subgroups; the overall match (group 0) does not count
	*/
	groupCount() {
		return this.patternGroupCount;
	}
	/**
	* Helper: finds subgroup information if needed for group.
	* @param {number} group
	* @private
	*/
	loadGroup(group) {
		if (!Number.isInteger(group) || group < 0 || group > this.patternGroupCount) throw new RE2JSGroupException(`Group index out of bounds: ${group}`);
		if (!this.hasMatch) throw new RE2JSGroupException("perhaps no match attempted");
		if (group === 0 || this.hasGroups) return;
		const end = this.matcherInputLength;
		const res = this.patternInput.re2().matchMachineInput(this.matcherInput, this.groups[0], end, this.anchorFlag, 1 + this.patternGroupCount, this.lookbehindState);
		if (!res[0]) throw new RE2JSGroupException("inconsistency in matching group data");
		this.groups = res[1];
		this.hasGroups = true;
	}
	/**
	* Matches the entire input against the pattern (anchored start and end). If there is a match,
	* {@code matches} sets the match state to describe it.
	*
	* @returns {boolean} true if the entire input matches the pattern
	*/
	matches() {
		return this.genMatch(0, RE2Flags.ANCHOR_BOTH);
	}
	/**
	* Matches the beginning of input against the pattern (anchored start). If there is a match,
	* {@code lookingAt} sets the match state to describe it.
	*
	* @returns {boolean} true if the beginning of the input matches the pattern
	*/
	lookingAt() {
		return this.genMatch(0, RE2Flags.ANCHOR_START);
	}
	/**
	* Matches the input against the pattern (unanchored), starting at a specified position. If there
	* is a match, {@code find} sets the match state to describe it.
	*
	* @param {number|null} [start=null] the input position where the search begins
	* @returns {boolean} if it finds a match
	* @throws IndexOutOfBoundsException if start is not a valid input position
	*/
	find(start = null) {
		if (start !== null) {
			if (!Number.isInteger(start) || start < 0 || start > this.matcherInputLength) throw new RE2JSGroupException(`start index out of bounds: ${start}`);
			this.reset();
			return this.genMatch(start, 0);
		}
		start = 0;
		if (this.hasMatch) {
			start = this.groups[1];
			if (this.groups[0] === this.groups[1]) {
				const r = (this.matcherInput.isUTF16Encoding() ? MachineInput.fromUTF16(this.matcherInput.asCharSequence(), 0, this.matcherInputLength) : MachineInput.fromUTF8(this.matcherInput.asBytes(), 0, this.matcherInputLength)).step(start);
				if (r < 0) start++;
				else start += r & 7;
			}
		}
		return this.genMatch(start, RE2Flags.UNANCHORED);
	}
	/**
	* Helper: does match starting at start, with RE2 anchor flag.
	* @param {number} startByte
	* @param {number} anchor
	* @returns {boolean}
	* @private
	*/
	genMatch(startByte, anchor) {
		const res = this.patternInput.re2().matchMachineInput(this.matcherInput, startByte, this.matcherInputLength, anchor, 1, this.lookbehindState);
		if (!res[0]) {
			this.hasMatch = false;
			return false;
		}
		this.groups = res[1];
		this.hasMatch = true;
		this.hasGroups = this.patternGroupCount === 0;
		this.anchorFlag = anchor;
		return true;
	}
	/**
	* Helper: return substring for [start, end).
	* @param {number} start
	* @param {number} end
	* @returns {string}
	*/
	substring(start, end) {
		if (this.matcherInput.isUTF8Encoding()) return Utils.utf8ByteArrayToString(this.matcherInput.asBytes().slice(start, end));
		return this.matcherInput.asCharSequence().substring(start, end).toString();
	}
	/**
	* Helper for Pattern: return input length.
	* @returns {number}
	*/
	inputLength() {
		return this.matcherInputLength;
	}
	/**
	* Appends to result two strings: the text from the append position up to the beginning of the
	* most recent match, and then the replacement with submatch groups substituted for references to
	* them. It advances the append position to where the most recent match ended.
	*
	* By default the replacement is expanded as by String.prototype.replace (see
	* appendReplacementInternalJs). In Java mode it follows re2j / java.util.regex: $n takes as
	* many digits as still form a valid group number, ${name} is a named group, and a backslash
	* escapes the next character (so "\\$" in a JS string literal inserts a literal $).
	*
	* @param {string} replacement the replacement string
	* @param {boolean} [javaMode=false] activate java mode (different behaviour for capture groups and special characters)
	* @returns {string}
	* @throws IllegalStateException if there was no most recent match
	* @throws IndexOutOfBoundsException in Java mode, if replacement refers to an invalid group
	* @private
	*/
	appendReplacement(replacement, javaMode = false) {
		let res = "";
		const s = this.start();
		const e = this.end();
		if (this.appendPos < s) res += this.substring(this.appendPos, s);
		this.appendPos = e;
		res += javaMode ? this.appendReplacementInternalJava(replacement) : this.appendReplacementInternalJs(replacement);
		return res;
	}
	/**
	* @param {string} replacement - the replacement string
	* @returns {string}
	* @private
	*/
	appendReplacementInternalJava(replacement) {
		let res = "";
		let last = 0;
		const m = replacement.length;
		let i = 0;
		while (i < m) {
			const cCode = replacement.codePointAt(i);
			if (cCode === Codepoint.CODES["\\"]) {
				if (last < i) res += replacement.substring(last, i);
				i++;
				if (i >= m) throw new RE2JSGroupException("character to be escaped is missing");
				last = i;
				i++;
				continue;
			}
			if (cCode === Codepoint.CODES["$"]) {
				if (last < i) res += replacement.substring(last, i);
				if (i + 1 >= m) throw new RE2JSGroupException("Illegal group reference: group index is missing");
				const nextCode = replacement.codePointAt(i + 1);
				if (Codepoint.CODES["0"] <= nextCode && nextCode <= Codepoint.CODES["9"]) {
					let n = nextCode - Codepoint.CODES["0"];
					let j = i + 2;
					for (; j < m; j++) {
						const digit = replacement.codePointAt(j);
						if (digit < Codepoint.CODES["0"] || digit > Codepoint.CODES["9"] || n * 10 + digit - Codepoint.CODES["0"] > this.patternGroupCount) break;
						n = n * 10 + digit - Codepoint.CODES["0"];
					}
					if (n > this.patternGroupCount) throw new RE2JSGroupException(`n > number of groups: ${n}`);
					const group = this.group(n);
					if (group !== null) res += group;
					i = j;
					last = i;
				} else if (nextCode === Codepoint.CODES["{"]) {
					let j = i + 2;
					while (j < m && replacement.codePointAt(j) !== Codepoint.CODES["}"]) j++;
					if (j >= m) throw new RE2JSGroupException("named capture group is missing trailing '}'");
					const groupName = replacement.substring(i + 2, j);
					const groupVal = this.group(groupName);
					if (groupVal !== null) res += groupVal;
					i = j + 1;
					last = i;
				} else throw new RE2JSGroupException("Illegal group reference");
				continue;
			}
			i++;
		}
		if (last < m) res += replacement.substring(last, m);
		return res;
	}
	/**
	* Expands |replacement| for the current match by the rules of String.prototype.replace
	* (ECMAScript GetSubstitution): $$ is "$", $& the match, $` the text before it, $' the text
	* after it, $n and $nn a group (two digits only when they form a valid group number, so with
	* one group "$10" is group 1 then "0"; an unmatched group is empty), and $<name> a named group
	* (empty when no such group), only when the pattern has named groups. Anything else, such as
	* "$0" or "$<" without a closing ">", is kept as is.
	* @param {string} replacement - the replacement string
	* @returns {string}
	* @private
	*/
	appendReplacementInternalJs(replacement) {
		const isDigit = (c) => c >= 48 && c <= 57;
		const groupCount = this.patternGroupCount;
		let res = "";
		let i = 0;
		while (i < replacement.length) {
			const dollar = replacement.indexOf("$", i);
			if (dollar < 0) break;
			res += replacement.substring(i, dollar);
			i = dollar;
			const c = replacement.charCodeAt(i + 1);
			if (c === Codepoint.CODES["$"]) {
				res += "$";
				i += 2;
			} else if (c === Codepoint.CODES["&"]) {
				res += this.group(0);
				i += 2;
			} else if (c === Codepoint.CODES["`"]) {
				res += this.substring(0, this.start(0));
				i += 2;
			} else if (c === Codepoint.CODES["'"]) {
				res += this.substring(this.end(0), this.matcherInputLength);
				i += 2;
			} else if (isDigit(c)) {
				let digits = 1;
				let index = c - 48;
				const c2 = replacement.charCodeAt(i + 2);
				if (isDigit(c2) && index * 10 + c2 - 48 <= groupCount) {
					digits = 2;
					index = index * 10 + c2 - 48;
				}
				if (index >= 1 && index <= groupCount) {
					const group = this.group(index);
					if (group !== null) res += group;
				} else res += replacement.substring(i, i + 1 + digits);
				i += 1 + digits;
			} else if (c === Codepoint.CODES["<"] && this.hasNamedGroups) {
				const gt = replacement.indexOf(">", i + 2);
				if (gt < 0) {
					res += "$<";
					i += 2;
				} else {
					const name = replacement.substring(i + 2, gt);
					if (Object.hasOwn(this.namedGroups, name)) {
						const group = this.group(name);
						if (group !== null) res += group;
					}
					i = gt + 1;
				}
			} else {
				res += "$";
				i += 1;
			}
		}
		return res + replacement.substring(i);
	}
	/**
	* Return the substring of the input from the append position to the end of the
	* input.
	* @returns {string}
	*/
	appendTail() {
		return this.substring(this.appendPos, this.matcherInputLength);
	}
	/**
	* Returns the input with all matches replaced by {@code replacement}, interpreted as for
	* {@code appendReplacement}.
	*
	* @param {string|((...args: any[]) => string)} replacement - the replacement string or a replacer function
	* @param {boolean} [javaMode=false] - activate java mode (different behaviour for capture groups and special characters)
	* @returns {string} the input string with the matches replaced
	* @throws IndexOutOfBoundsException if replacement refers to an invalid group and javaMode is true
	*/
	replaceAll(replacement, javaMode = false) {
		return this.replace(replacement, true, javaMode);
	}
	/**
	* Returns the input with the first match replaced by {@code replacement}, interpreted as for
	* {@code appendReplacement}.
	*
	* @param {string|((...args: any[]) => string)} replacement - the replacement string or a replacer function
	* @param {boolean} [javaMode=false] - activate java mode (different behaviour for capture groups and special characters)
	* @returns {string} the input string with the first match replaced
	* @throws IndexOutOfBoundsException if replacement refers to an invalid group and javaMode is true
	*/
	replaceFirst(replacement, javaMode = false) {
		return this.replace(replacement, false, javaMode);
	}
	/**
	* Helper: replaceAll/replaceFirst hybrid.
	* @param {string|((...args: any[]) => string)} replacement - the replacement string or a replacer function
	* @param {boolean} [all=true] - replace all matches
	* @param {boolean} [javaMode=false] - activate java mode (different behaviour for capture groups and special characters)
	* @returns {string}
	* @private
	*/
	replace(replacement, all = true, javaMode = false) {
		let res = "";
		this.reset();
		const isFunc = typeof replacement === "function";
		let originalInput = null;
		if (isFunc) {
			if (this.groupCount() >= Matcher.MAX_REPLACER_ARGS) throw new RE2JSGroupException("Too many capture groups to safely invoke replacer function");
			originalInput = this.matcherInput.isUTF8Encoding() ? this.matcherInput.asBytes() : this.matcherInput.asCharSequence();
		}
		while (this.find()) {
			res += isFunc ? this.appendReplacementFunc(replacement, originalInput) : this.appendReplacement(replacement, javaMode);
			if (!all) break;
		}
		res += this.appendTail();
		return res;
	}
	/**
	* Evaluates a replacer function for the current match and appends the result,
	* along with any un-matched preceding text, advancing the append position.
	* @param {Function} replacer - the replacer function
	* @param {string|Uint8Array|number[]} originalInput - the cached original input reference
	* @returns {string} the evaluated string to append
	* @private
	*/
	appendReplacementFunc(replacer, originalInput) {
		let res = "";
		const s = this.start();
		const e = this.end();
		if (this.appendPos < s) res += this.substring(this.appendPos, s);
		this.appendPos = e;
		/** @type {unknown[]} */
		const args = this.matchArray();
		args.push(s, originalInput);
		if (this.hasNamedGroups) args.push(this.namedGroupsObject());
		res += String(replacer(...args));
		return res;
	}
	/**
	* The match and its groups, as the elements of a JS RegExpExecArray: undefined for a group that
	* did not take part in the match. Used by exec(), matchAll() and replacer functions.
	* @returns {Array<string|undefined>}
	* @private
	*/
	matchArray() {
		const result = [this.group(0)];
		for (let i = 1; i <= this.patternGroupCount; i++) {
			const group = this.group(i);
			result.push(group === null ? void 0 : group);
		}
		return result;
	}
	/**
	* The named groups, as the groups property of a JS RegExpExecArray: an object without a
	* prototype mapping each name to its group (undefined when it did not take part in the match),
	* or undefined when the pattern has no named groups.
	* @returns {Record<string, string|undefined>|undefined}
	* @private
	*/
	namedGroupsObject() {
		if (!this.hasNamedGroups) return;
		const result = this.getNamedGroups();
		for (const name in result) if (result[name] === null) result[name] = void 0;
		return result;
	}
};
// src/Inst.js
/**
* A single instruction in the regular expression virtual machine.
*
* @see http://swtch.com/~rsc/regexp/regexp2.html
*/
var Inst = class Inst {
	static ALT = 1;
	static ALT_MATCH = 2;
	static CAPTURE = 3;
	static EMPTY_WIDTH = 4;
	static FAIL = 5;
	static MATCH = 6;
	static NOP = 7;
	static RUNE = 8;
	static RUNE1 = 9;
	static RUNE_ANY = 10;
	static RUNE_ANY_NOT_NL = 11;
	static LB_WRITE = 12;
	static LB_CHECK = 13;
	static isRuneOp(op) {
		return Inst.RUNE <= op && op <= Inst.RUNE_ANY_NOT_NL;
	}
	static escapeRunes(runes) {
		let out = "\"";
		for (let rune of runes) out += Utils.escapeRune(rune);
		out += "\"";
		return out;
	}
	constructor(op) {
		this.op = op;
		this.out = 0;
		this.arg = 0;
		/** @type {Int32Array} */
		this.runes = /* @__PURE__ */ new Int32Array(0);
		/** @type {Uint32Array | number[] | null} */
		this.next = null;
	}
	matchRune(r) {
		if (this.runes.length === 1) {
			const r0 = this.runes[0];
			if ((this.arg & RE2Flags.FOLD_CASE) !== 0) return Unicode.equalsIgnoreCase(r0, r);
			return r === r0;
		}
		const len = this.runes.length;
		if (len === 0) return false;
		if (len === 2 || len === 4 || len === 6 || len === 8) {
			for (let j = 0; j < len; j += 2) {
				if (r < this.runes[j]) return false;
				if (r <= this.runes[j + 1]) return true;
			}
			return false;
		}
		let base = 0;
		let n = len >> 1;
		while (n > 1) {
			const half = n >> 1;
			base += this.runes[base + half << 1] <= r ? half : 0;
			n -= half;
		}
		base += this.runes[base << 1] <= r ? 1 : 0;
		const m = base - 1;
		return m >= 0 && r <= this.runes[m << 1 | 1];
	}
	matchRunePos(r) {
		if (this.runes.length === 1) {
			const r0 = this.runes[0];
			if ((this.arg & RE2Flags.FOLD_CASE) !== 0) return Unicode.equalsIgnoreCase(r0, r) ? 0 : -1;
			return r === r0 ? 0 : -1;
		}
		const len = this.runes.length;
		if (len === 0) return -1;
		if (len === 2 || len === 4 || len === 6 || len === 8) {
			for (let j = 0; j < len; j += 2) {
				if (r < this.runes[j]) return -1;
				if (r <= this.runes[j + 1]) return Math.floor(j / 2);
			}
			return -1;
		}
		let base = 0;
		let n = len >> 1;
		while (n > 1) {
			const half = n >> 1;
			base += this.runes[base + half << 1] <= r ? half : 0;
			n -= half;
		}
		base += this.runes[base << 1] <= r ? 1 : 0;
		const m = base - 1;
		return m >= 0 && r <= this.runes[m << 1 | 1] ? m : -1;
	}
	/**
	*
	* @returns {string}
	*/
	toString() {
		switch (this.op) {
			case Inst.ALT: return `alt -> ${this.out}, ${this.arg}`;
			case Inst.ALT_MATCH: return `altmatch -> ${this.out}, ${this.arg}`;
			case Inst.CAPTURE: return `cap ${this.arg} -> ${this.out}`;
			case Inst.EMPTY_WIDTH: return `empty ${this.arg} -> ${this.out}`;
			case Inst.MATCH: return `match${this.arg !== 0 ? ` ${this.arg}` : ""}`;
			case Inst.FAIL: return "fail";
			case Inst.NOP: return `nop -> ${this.out}`;
			case Inst.LB_WRITE: return `lbwrite ${this.arg} -> ${this.out}`;
			case Inst.LB_CHECK: return `lbcheck ${this.arg} -> ${this.out}`;
			case Inst.RUNE:
				if (this.runes === null) return "rune <null>";
				return [
					"rune ",
					Inst.escapeRunes(this.runes),
					(this.arg & RE2Flags.FOLD_CASE) !== 0 ? "/i" : "",
					" -> ",
					this.out
				].join("");
			case Inst.RUNE1: return `rune1 ${Inst.escapeRunes(this.runes)} -> ${this.out}`;
			case Inst.RUNE_ANY: return `any -> ${this.out}`;
			case Inst.RUNE_ANY_NOT_NL: return `anynotnl -> ${this.out}`;
			default: throw new Error("unhandled case in Inst.toString");
		}
	}
};
// src/Machine.js
var Queue = class Queue {
	constructor(numInst) {
		this.sparse = new Int32Array(numInst);
		this.densePcs = new Int32Array(numInst);
		this.denseCaps = null;
		this.size = 0;
		this.ncap = 0;
		this.mainThreads = 0;
	}
	static INITIAL_THREADS = 32;
	init(ncap) {
		this.ncap = ncap;
		const needed = Math.min(this.densePcs.length, Queue.INITIAL_THREADS) * ncap;
		if (!this.denseCaps || this.denseCaps.length < needed) this.denseCaps = new Int32Array(needed);
	}
	growCaps(needed) {
		const limit = this.densePcs.length * this.ncap;
		const grown = new Int32Array(Math.min(limit, Math.max(needed, 2 * this.denseCaps.length)));
		grown.set(this.denseCaps);
		this.denseCaps = grown;
	}
	contains(pc) {
		const j = this.sparse[pc];
		return j < this.size && this.densePcs[j] === pc;
	}
	isEmpty() {
		return this.size === 0;
	}
	add(pc) {
		const j = this.size++;
		this.sparse[pc] = j;
		this.densePcs[j] = pc;
		return j;
	}
	clear() {
		this.size = 0;
		this.mainThreads = 0;
	}
	toString() {
		let out = "{";
		for (let i = 0; i < this.size; i++) {
			if (i !== 0) out += ", ";
			out += this.densePcs[i];
		}
		out += "}";
		return out;
	}
};
var LookbehindState = class {
	constructor(prog) {
		this.pos = -1;
		this.pcs = new Int32Array(prog.numInst());
		this.size = 0;
		this.lbTable = new Int32Array(prog.numLb + 1);
	}
	reset() {
		this.pos = -1;
		this.size = 0;
	}
};
var Machine = class Machine {
	static fromRE2(re2) {
		const m = new Machine();
		m.prog = re2.prog;
		m.re2 = re2;
		m.q0 = new Queue(m.prog.numInst());
		m.q1 = new Queue(m.prog.numInst());
		m.addStack = new Int32Array(2 * (m.prog.numInst() + 1));
		m.matched = false;
		m.matchcap = new Int32Array(m.prog.numCap < 2 ? 2 : m.prog.numCap);
		m.ncap = 0;
		return m;
	}
	constructor() {
		this.prog = null;
		this.re2 = null;
		this.q0 = null;
		this.q1 = null;
		this.addStack = null;
		this.matched = false;
		this.matchcap = null;
		this.ncap = 0;
		this.lbTable = null;
	}
	init(ncap) {
		this.ncap = ncap;
		if (ncap > this.matchcap.length) this.matchcap = new Int32Array(ncap).fill(-1);
		else this.matchcap.fill(-1);
		this.q0.init(ncap);
		this.q1.init(ncap);
		if (this.prog.numLb > 0) {
			if (!this.lbTable || this.lbTable.length < this.prog.numLb + 1) this.lbTable = new Int32Array(this.prog.numLb + 1);
			this.lbTable.fill(-1);
		}
	}
	submatches() {
		if (this.ncap === 0) return Utils.emptyInts();
		return Utils.toArray(this.matchcap.subarray(0, this.ncap));
	}
	match(input, pos, anchor, lbState = null) {
		const startCond = this.re2.cond;
		if (startCond === Utils.EMPTY_ALL) return false;
		if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return false;
		this.matched = false;
		this.matchcap.fill(-1);
		const hasLookbehinds = this.prog.numLb > 0;
		const matchStartPos = pos;
		let currentPos = pos;
		let resumeLookbehinds = false;
		if (hasLookbehinds) {
			if (lbState !== null && lbState.pos >= 0 && lbState.pos <= pos) {
				currentPos = lbState.pos;
				resumeLookbehinds = true;
			} else currentPos = 0;
		}
		let saveLookbehinds = hasLookbehinds && lbState !== null;
		let runq = this.q0;
		let nextq = this.q1;
		let r = input.step(currentPos);
		let rune = r >> 3;
		let width = r & 7;
		let rune1 = -1;
		let width1 = 0;
		if (r !== MachineInputBase.EOF()) {
			r = input.step(currentPos + width);
			rune1 = r >> 3;
			width1 = r & 7;
		}
		let flag;
		if (currentPos === 0) flag = Utils.emptyOpContext(-1, rune);
		else flag = input.context(currentPos);
		if (hasLookbehinds) {
			if (resumeLookbehinds) this.restoreLookbehinds(lbState, runq, flag);
			else this.spawnLookbehinds(runq, currentPos, flag);
		}
		while (true) {
			if (runq.mainThreads === 0) {
				if ((startCond & Utils.EMPTY_BEGIN_TEXT) !== 0 && currentPos !== 0) break;
				if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && currentPos !== 0) break;
				if (this.matched) break;
				if (this.prog.numLb === 0 && runq.isEmpty() && !(this.re2.prefix.length === 0) && rune1 !== this.re2.prefixRune && input.canCheckPrefix()) {
					const advance = input.index(this.re2, currentPos);
					if (advance < 0) break;
					currentPos += advance;
					r = input.step(currentPos);
					rune = r >> 3;
					width = r & 7;
					r = input.step(currentPos + width);
					rune1 = r >> 3;
					width1 = r & 7;
					flag = input.context(currentPos);
				}
			}
			if (currentPos >= matchStartPos) {
				if (saveLookbehinds) {
					this.saveLookbehinds(lbState, runq, currentPos);
					saveLookbehinds = false;
				}
				if (!this.matched && (currentPos === 0 || anchor === RE2Flags.UNANCHORED)) {
					if (this.ncap > 0) this.matchcap[0] = currentPos;
					this.add(runq, this.prog.start, currentPos, this.matchcap, 0, flag);
				}
			}
			const nextPos = currentPos + width;
			flag = input.context(nextPos);
			this.step(runq, nextq, currentPos, nextPos, rune, flag, anchor, currentPos === input.endPos());
			if (width === 0) break;
			if (this.ncap === 0 && this.matched) break;
			currentPos += width;
			rune = rune1;
			width = width1;
			if (rune !== -1) {
				r = input.step(currentPos + width);
				rune1 = r >> 3;
				width1 = r & 7;
			}
			const tmpq = runq;
			runq = nextq;
			nextq = tmpq;
		}
		runq.clear();
		nextq.clear();
		return this.matched;
	}
	matchSet(input, pos, anchor) {
		const startCond = this.re2.cond;
		if (startCond === Utils.EMPTY_ALL) return [];
		if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return [];
		let currentPos = this.prog.numLb > 0 ? 0 : pos;
		let matchStartPos = pos;
		let runq = this.q0;
		let nextq = this.q1;
		let r = input.step(currentPos);
		let rune = r >> 3;
		let width = r & 7;
		let rune1 = -1;
		let width1 = 0;
		if (r !== MachineInputBase.EOF()) {
			r = input.step(currentPos + width);
			rune1 = r >> 3;
			width1 = r & 7;
		}
		let flag = currentPos === 0 ? Utils.emptyOpContext(-1, rune) : input.context(currentPos);
		const matches = /* @__PURE__ */ new Set();
		if (this.prog.numLb > 0) this.spawnLookbehinds(runq, currentPos, flag);
		while (true) {
			if (runq.mainThreads === 0) {
				if ((startCond & Utils.EMPTY_BEGIN_TEXT) !== 0 && currentPos !== 0) break;
				if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && currentPos !== 0) break;
			}
			if (currentPos === 0 || anchor === RE2Flags.UNANCHORED) {
				if (currentPos >= matchStartPos) this.add(runq, this.prog.start, currentPos, this.matchcap, 0, flag);
			}
			const nextPos = currentPos + width;
			flag = input.context(nextPos);
			for (let j = 0; j < runq.size; j++) {
				const pc = runq.densePcs[j];
				const i = this.prog.inst[pc];
				const capOffset = j * this.ncap;
				let add = false;
				switch (i.op) {
					case Inst.MATCH:
						if (anchor === RE2Flags.ANCHOR_BOTH && currentPos !== input.endPos()) break;
						matches.add(i.arg);
						break;
					case Inst.RUNE:
						add = i.matchRune(rune);
						break;
					case Inst.RUNE1:
						add = rune === i.runes[0];
						break;
					case Inst.RUNE_ANY:
						add = true;
						break;
					case Inst.RUNE_ANY_NOT_NL:
						add = rune !== 10;
						break;
					default: continue;
				}
				if (add) this.add(nextq, i.out, nextPos, runq.denseCaps, capOffset, flag);
			}
			runq.clear();
			if (width === 0) break;
			currentPos += width;
			rune = rune1;
			width = width1;
			if (rune !== -1) {
				r = input.step(currentPos + width);
				rune1 = r >> 3;
				width1 = r & 7;
			}
			const tmpq = runq;
			runq = nextq;
			nextq = tmpq;
		}
		nextq.clear();
		return Array.from(matches).sort((a, b) => a - b);
	}
	step(runq, nextq, pos, nextPos, c, nextCond, anchor, atEnd) {
		const longest = this.re2.longest;
		for (let j = 0; j < runq.size; j++) {
			const pc = runq.densePcs[j];
			const capOffset = j * this.ncap;
			if (longest && this.matched && this.ncap > 0 && this.matchcap[0] < runq.denseCaps[capOffset]) continue;
			const i = this.prog.inst[pc];
			let add = false;
			switch (i.op) {
				case Inst.MATCH:
					if (anchor === RE2Flags.ANCHOR_BOTH && !atEnd) break;
					if (this.ncap > 0 && (!longest || !this.matched || this.matchcap[1] < pos)) {
						runq.denseCaps[capOffset + 1] = pos;
						for (let k = 0; k < this.ncap; k++) this.matchcap[k] = runq.denseCaps[capOffset + k];
					}
					if (!longest) runq.size = 0;
					this.matched = true;
					break;
				case Inst.RUNE:
					add = i.matchRune(c);
					break;
				case Inst.RUNE1:
					add = c === i.runes[0];
					break;
				case Inst.RUNE_ANY:
					add = true;
					break;
				case Inst.RUNE_ANY_NOT_NL:
					add = c !== 10;
					break;
				default: continue;
			}
			if (add) this.add(nextq, i.out, nextPos, runq.denseCaps, capOffset, nextCond);
		}
		runq.clear();
	}
	spawnLookbehinds(q, pos, flag) {
		for (let i = 0; i < this.prog.lbStarts.length; i++) this.add(q, this.prog.lbStarts[i], pos, this.matchcap, 0, flag);
	}
	restoreLookbehinds(lbState, q, flag) {
		this.lbTable.set(lbState.lbTable);
		for (let j = 0; j < lbState.size; j++) this.add(q, lbState.pcs[j], lbState.pos, this.matchcap, 0, flag);
	}
	saveLookbehinds(lbState, q, pos) {
		let size = 0;
		for (let j = 0; j < q.size; j++) {
			const pc = q.densePcs[j];
			if (this.prog.lbInst[pc] === 1 && Inst.isRuneOp(this.prog.inst[pc].op)) lbState.pcs[size++] = pc;
		}
		lbState.size = size;
		lbState.pos = pos;
		lbState.lbTable.set(this.lbTable);
	}
	add(q, pc, pos, capArray, capOffset, cond) {
		const stk = this.addStack;
		let nstk = 0;
		for (;;) {
			while (pc !== 0 && !q.contains(pc)) {
				const d = q.add(pc);
				const inst = this.prog.inst[pc];
				switch (inst.op) {
					case Inst.FAIL:
						pc = 0;
						break;
					case Inst.ALT:
					case Inst.ALT_MATCH:
						stk[nstk++] = inst.arg;
						stk[nstk++] = 0;
						pc = inst.out;
						break;
					case Inst.EMPTY_WIDTH:
						pc = (inst.arg & ~cond) === 0 ? inst.out : 0;
						break;
					case Inst.NOP:
						pc = inst.out;
						break;
					case Inst.CAPTURE:
						if (inst.arg < this.ncap) {
							stk[nstk++] = -inst.arg - 1;
							stk[nstk++] = capArray[capOffset + inst.arg];
							capArray[capOffset + inst.arg] = pos;
						}
						pc = inst.out;
						break;
					case Inst.LB_WRITE:
						this.lbTable[Math.abs(inst.arg)] = pos;
						pc = inst.out;
						break;
					case Inst.LB_CHECK:
						if (inst.arg > 0) pc = this.lbTable[inst.arg] === pos ? inst.out : 0;
						else pc = this.lbTable[-inst.arg] !== pos ? inst.out : 0;
						break;
					case Inst.MATCH:
					case Inst.RUNE:
					case Inst.RUNE1:
					case Inst.RUNE_ANY:
					case Inst.RUNE_ANY_NOT_NL:
						if (this.prog.lbInst[pc] === 0) q.mainThreads++;
						if (this.ncap > 0) {
							const destOffset = d * this.ncap;
							if (destOffset + this.ncap > q.denseCaps.length) q.growCaps(destOffset + this.ncap);
							for (let c = 0; c < this.ncap; c++) q.denseCaps[destOffset + c] = capArray[capOffset + c];
						}
						pc = 0;
						break;
					default: throw new RE2JSInternalException("unhandled");
				}
			}
			if (nstk === 0) return;
			nstk -= 2;
			const entry = stk[nstk];
			if (entry < 0) {
				capArray[capOffset - entry - 1] = stk[nstk + 1];
				pc = 0;
			} else pc = entry;
		}
	}
};
// src/DFA.js
const hashState = (pcs, flag, ids) => {
	let h = -2128831035;
	for (let i = 0; i < pcs.length; i++) {
		h ^= pcs[i];
		h = Math.imul(h, 16777619);
	}
	h ^= flag;
	h = Math.imul(h, 16777619);
	for (let i = 0; i < ids.length; i++) {
		h ^= ids[i];
		h = Math.imul(h, 16777619);
	}
	return h;
};
const arraysEqual = (a, b) => {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
};
const isState = (state, pcs, flag, ids) => state.flag === flag && arraysEqual(state.nfaStates, pcs) && arraysEqual(state.matchIDs, ids);
const NO_IDS = [];
const END_TEXT = -1;
var DFAState = class {
	constructor(nfaStates, flag, matchIDs) {
		this.nfaStates = nfaStates;
		this.flag = flag;
		this.isMatch = (flag & DFA.FLAG_MATCH) !== 0;
		this.matchIDs = matchIDs;
		this.next = null;
		this.nextAnchored = null;
	}
};
var DFA = class DFA {
	static FLAG_EMPTY_MASK = 255;
	static FLAG_MATCH = 256;
	static FLAG_LAST_WORD = 512;
	static FLAG_NEED_SHIFT = 16;
	static STATE_OVERHEAD = 150;
	static ARRAY_OVERHEAD = 40;
	static ELEMENT_SIZE = 8;
	static TABLE_OVERHEAD = 48;
	static PROGRESS_PER_STATE = 10;
	constructor(prog, maxMem = 8388608) {
		this.prog = prog;
		this.maxMem = maxMem;
		this.stateCache = /* @__PURE__ */ new Map();
		this.stateCount = 0;
		this.startStates = /* @__PURE__ */ new Map();
		this.failed = false;
		for (let pc = 0; pc < prog.numInst(); pc++) {
			const op = prog.getInst(pc).op;
			if (op === Inst.LB_WRITE || op === Inst.LB_CHECK) {
				this.failed = true;
				break;
			}
		}
		this.computeRuneClasses();
		this.stateBudget = maxMem;
		this.memBudget = maxMem;
	}
	computeRuneClasses() {
		const bounds = /* @__PURE__ */ new Set();
		const addRange = (lo, hi) => {
			bounds.add(lo);
			bounds.add(hi + 1);
		};
		for (let pc = 0; pc < this.prog.numInst(); pc++) {
			const inst = this.prog.getInst(pc);
			switch (inst.op) {
				case Inst.RUNE:
				case Inst.RUNE1:
					if (inst.runes.length === 1) {
						addRange(inst.runes[0], inst.runes[0]);
						if ((inst.arg & RE2Flags.FOLD_CASE) !== 0) for (let f = Unicode.simpleFold(inst.runes[0]); f !== inst.runes[0]; f = Unicode.simpleFold(f)) addRange(f, f);
					} else for (let j = 0; j < inst.runes.length; j += 2) addRange(inst.runes[j], inst.runes[j + 1]);
					break;
				case Inst.RUNE_ANY_NOT_NL:
					addRange(10, 10);
					break;
				case Inst.EMPTY_WIDTH:
					if ((inst.arg & (Utils.EMPTY_BEGIN_LINE | Utils.EMPTY_END_LINE)) !== 0) addRange(10, 10);
					if ((inst.arg & (Utils.EMPTY_WORD_BOUNDARY | Utils.EMPTY_NO_WORD_BOUNDARY)) !== 0) {
						addRange(48, 57);
						addRange(65, 90);
						addRange(95, 95);
						addRange(97, 122);
					}
			}
		}
		bounds.delete(0);
		this.classBounds = Int32Array.from(bounds).sort();
		this.numClasses = this.classBounds.length + 1;
		const latin1Class = new Int32Array(Unicode.MAX_LATIN1 + 1);
		for (let r = 0; r <= Unicode.MAX_LATIN1; r++) latin1Class[r] = this.searchClass(r);
		this.latin1Class = latin1Class;
	}
	runeClass(r) {
		if (r <= Unicode.MAX_LATIN1) return this.latin1Class[r];
		return this.searchClass(r);
	}
	searchClass(r) {
		const bounds = this.classBounds;
		let lo = 0;
		let hi = bounds.length;
		while (lo < hi) {
			const mid = lo + hi >> 1;
			if (bounds[mid] <= r) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
	closure(pcs, flag) {
		const closure = /* @__PURE__ */ new Set();
		const stack = Array.from(pcs);
		let needflags = 0;
		while (stack.length > 0) {
			const pc = stack.pop();
			if (pc === 0 || closure.has(pc)) continue;
			closure.add(pc);
			const inst = this.prog.getInst(pc);
			switch (inst.op) {
				case Inst.ALT:
				case Inst.ALT_MATCH:
					stack.push(inst.out);
					stack.push(inst.arg);
					break;
				case Inst.NOP:
				case Inst.CAPTURE:
					stack.push(inst.out);
					break;
				case Inst.EMPTY_WIDTH:
					needflags |= inst.arg;
					if ((inst.arg & ~flag) === 0) stack.push(inst.out);
			}
		}
		return {
			pcs: Array.from(closure).sort((a, b) => a - b),
			needflags
		};
	}
	getState(pcs, flag, ids) {
		const hash = hashState(pcs, flag, ids);
		const cached = this.stateCache.get(hash);
		if (cached instanceof DFAState) {
			if (isState(cached, pcs, flag, ids)) return cached;
		} else if (cached !== void 0) {
			for (let i = 0; i < cached.length; i++) if (isState(cached[i], pcs, flag, ids)) return cached[i];
		}
		const cost = DFA.stateCost(pcs, ids);
		if (this.memBudget < cost) return null;
		this.memBudget -= cost;
		const state = new DFAState(pcs, flag, ids);
		if (cached === void 0) this.stateCache.set(hash, state);
		else if (cached instanceof DFAState) this.stateCache.set(hash, [cached, state]);
		else cached.push(state);
		this.stateCount++;
		return state;
	}
	static stateCost(pcs, ids) {
		const idsCost = ids.length === 0 ? 0 : DFA.ARRAY_OVERHEAD + DFA.ELEMENT_SIZE * ids.length;
		return DFA.STATE_OVERHEAD + DFA.ELEMENT_SIZE * pcs.length + idsCost;
	}
	*cachedStates() {
		for (const cached of this.stateCache.values()) if (cached instanceof DFAState) yield cached;
		else yield* cached;
	}
	makeState(pcs, flag, ids) {
		const closure = this.closure(pcs, flag & DFA.FLAG_EMPTY_MASK);
		let stateFlag = flag;
		if (closure.needflags === 0) stateFlag &= DFA.FLAG_MATCH;
		stateFlag |= closure.needflags << DFA.FLAG_NEED_SHIFT;
		return this.getState(closure.pcs, stateFlag, ids);
	}
	allocTable(state, anchor) {
		const size = this.numClasses + 1;
		const cost = DFA.TABLE_OVERHEAD + DFA.ELEMENT_SIZE * size;
		if (this.memBudget < cost) return null;
		this.memBudget -= cost;
		const table = new Array(size).fill(null);
		if (anchor === RE2Flags.UNANCHORED) state.next = table;
		else state.nextAnchored = table;
		return table;
	}
	clearCache() {
		this.stateCache.clear();
		this.stateCount = 0;
		this.startStates.clear();
		this.memBudget = this.stateBudget;
	}
	resetCache(current) {
		this.clearCache();
		return this.getState(current.nfaStates, current.flag, current.matchIDs);
	}
	step(state, cls, rune, anchor) {
		let table = anchor === RE2Flags.UNANCHORED ? state.next : state.nextAnchored;
		if (table !== null) {
			const cached = table[cls];
			if (cached !== null) return cached;
		} else {
			table = this.allocTable(state, anchor);
			if (table === null) return null;
		}
		const needflag = state.flag >>> DFA.FLAG_NEED_SHIFT;
		const oldbeforeflag = state.flag & DFA.FLAG_EMPTY_MASK;
		let beforeflag = oldbeforeflag;
		let afterflag = 0;
		if (rune === 10) {
			beforeflag |= Utils.EMPTY_END_LINE;
			afterflag |= Utils.EMPTY_BEGIN_LINE;
		}
		if (rune === END_TEXT) beforeflag |= Utils.EMPTY_END_LINE | Utils.EMPTY_END_TEXT;
		const islastword = (state.flag & DFA.FLAG_LAST_WORD) !== 0;
		const isword = rune !== END_TEXT && Utils.isWordRune(rune);
		beforeflag |= isword === islastword ? Utils.EMPTY_NO_WORD_BOUNDARY : Utils.EMPTY_WORD_BOUNDARY;
		let pcs = state.nfaStates;
		if ((beforeflag & ~oldbeforeflag & needflag) !== 0) pcs = this.closure(pcs, beforeflag).pcs;
		const nextPCs = [];
		let ismatch = false;
		let ids = NO_IDS;
		for (let i = 0; i < pcs.length; i++) {
			const inst = this.prog.getInst(pcs[i]);
			if (inst.op === Inst.MATCH) {
				if (!ismatch) {
					ismatch = true;
					ids = [];
				}
				ids.push(inst.arg);
			} else if (rune !== END_TEXT && Inst.isRuneOp(inst.op) && inst.matchRune(rune)) nextPCs.push(inst.out);
		}
		if (ids.length > 1) ids.sort((a, b) => a - b);
		if (anchor === RE2Flags.UNANCHORED && rune !== END_TEXT) nextPCs.push(this.prog.start);
		let flag = afterflag;
		if (ismatch) flag |= DFA.FLAG_MATCH;
		if (isword) flag |= DFA.FLAG_LAST_WORD;
		const nextState = this.makeState(nextPCs, flag, ids);
		if (nextState === null) return null;
		table[cls] = nextState;
		return nextState;
	}
	start(input, pos) {
		const context = input.context(pos);
		let flags;
		if ((context & Utils.EMPTY_BEGIN_TEXT) !== 0) flags = Utils.EMPTY_BEGIN_TEXT | Utils.EMPTY_BEGIN_LINE;
		else if ((context & Utils.EMPTY_BEGIN_LINE) !== 0) flags = Utils.EMPTY_BEGIN_LINE;
		else {
			const r = input.step(pos);
			const nextIsWord = r >= 0 && Utils.isWordRune(r >> 3);
			flags = (context & Utils.EMPTY_WORD_BOUNDARY) !== 0 !== nextIsWord ? DFA.FLAG_LAST_WORD : 0;
		}
		let state = this.startStates.get(flags);
		if (state === void 0) {
			state = this.makeState([this.prog.start], flags, NO_IDS);
			if (state === null) {
				this.clearCache();
				state = this.makeState([this.prog.start], flags, NO_IDS);
				if (state === null) return null;
			}
			this.startStates.set(flags, state);
		}
		return state;
	}
	stepOrReset(state, cls, rune, anchor, pos, search) {
		let next = this.step(state, cls, rune, anchor);
		if (next !== null) return next;
		if (search.resetPos >= 0 && pos - search.resetPos < DFA.PROGRESS_PER_STATE * this.stateCount) return null;
		search.resetPos = pos;
		const restored = this.resetCache(state);
		if (restored === null) return null;
		next = this.step(restored, cls, rune, anchor);
		return next;
	}
	run(input, pos, anchor, state, onMatch) {
		const endPos = input.endPos();
		const latin1Class = this.latin1Class;
		const unanchored = anchor === RE2Flags.UNANCHORED;
		const search = { resetPos: -1 };
		let i = pos;
		while (i < endPos) {
			const r = input.step(i);
			const rune = r >> 3;
			const width = r & 7;
			if (width === 0) break;
			const cls = rune <= Unicode.MAX_LATIN1 ? latin1Class[rune] : this.runeClass(rune);
			let next = unanchored && state.next !== null ? state.next[cls] : null;
			if (next === null) {
				next = this.stepOrReset(state, cls, rune, anchor, i, search);
				if (next === null) return null;
			}
			state = next;
			if (state.isMatch && onMatch(state, false)) return true;
			if (!unanchored && state.nfaStates.length === 0) return false;
			i += width;
		}
		state = this.stepOrReset(state, this.numClasses, END_TEXT, anchor, i, search);
		if (state === null) return null;
		return state.isMatch && onMatch(state, true);
	}
	match(input, pos, anchor) {
		if (this.failed) return null;
		if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return false;
		const startState = this.start(input, pos);
		if (startState === null) return null;
		return this.run(input, pos, anchor, startState, (state, atEnd) => anchor !== RE2Flags.ANCHOR_BOTH || atEnd);
	}
	matchSet(input, pos, anchor) {
		if (this.failed) return null;
		if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return [];
		const startState = this.start(input, pos);
		if (startState === null) return null;
		const matches = /* @__PURE__ */ new Set();
		const collect = (state, atEnd) => {
			if (anchor !== RE2Flags.ANCHOR_BOTH || atEnd) for (let k = 0; k < state.matchIDs.length; k++) matches.add(state.matchIDs[k]);
			return false;
		};
		if (this.run(input, pos, anchor, startState, collect) === null) return null;
		return Array.from(matches).sort((a, b) => a - b);
	}
};
// src/Backtracker.js
const VISITED_BITS = 32;
const MAX_BACKTRACK_PROG = 500;
const INITIAL_JOB_CAPACITY = 256;
const MAX_BACKTRACK_VECTOR = 262144;
var BitState = class {
	constructor() {
		this.end = 0;
		this.cap = /* @__PURE__ */ new Int32Array(0);
		this.matchcap = /* @__PURE__ */ new Int32Array(0);
		this.ncap = 0;
		this.jobPc = new Int32Array(INITIAL_JOB_CAPACITY);
		this.jobArg = new Uint8Array(INITIAL_JOB_CAPACITY);
		this.jobPos = new Int32Array(INITIAL_JOB_CAPACITY);
		this.jobLen = 0;
		this.visited = /* @__PURE__ */ new Uint32Array(0);
	}
	reset(prog, end, ncap) {
		this.end = end;
		this.jobLen = 0;
		this.ncap = ncap;
		const visitedSize = prog.numInst() * (end + 1) + VISITED_BITS - 1 >>> 5;
		if (this.visited.length < visitedSize) this.visited = new Uint32Array(visitedSize);
		else this.visited.fill(0, 0, visitedSize);
		if (this.cap.length < ncap) this.cap = new Int32Array(ncap).fill(-1);
		else this.cap.fill(-1, 0, ncap);
		if (this.matchcap.length < ncap) this.matchcap = new Int32Array(ncap).fill(-1);
		else this.matchcap.fill(-1, 0, ncap);
	}
	shouldVisit(pc, pos) {
		const n = pc * (this.end + 1) + pos;
		const idx = n >>> 5;
		const mask = 1 << (n & 31);
		if ((this.visited[idx] & mask) !== 0) return false;
		this.visited[idx] |= mask;
		return true;
	}
	push(re2, pc, pos, arg) {
		if (re2.prog.getInst(pc).op !== Inst.FAIL && (arg || this.shouldVisit(pc, pos))) {
			if (this.jobLen >= this.jobPc.length) {
				const newSize = this.jobPc.length * 2;
				const newPc = new Int32Array(newSize);
				newPc.set(this.jobPc);
				this.jobPc = newPc;
				const newArg = new Uint8Array(newSize);
				newArg.set(this.jobArg);
				this.jobArg = newArg;
				const newPos = new Int32Array(newSize);
				newPos.set(this.jobPos);
				this.jobPos = newPos;
			}
			this.jobPc[this.jobLen] = pc;
			this.jobArg[this.jobLen] = arg ? 1 : 0;
			this.jobPos[this.jobLen] = pos;
			this.jobLen++;
		}
	}
	tryBacktrack(re2, input, pc, pos, anchor) {
		const longest = re2.longest;
		this.push(re2, pc, pos, false);
		while (this.jobLen > 0) {
			this.jobLen--;
			let currentPc = this.jobPc[this.jobLen];
			let arg = this.jobArg[this.jobLen] === 1;
			let currentPos = this.jobPos[this.jobLen];
			let skipShouldVisit = true;
			while (true) {
				if (!skipShouldVisit) {
					if (!this.shouldVisit(currentPc, currentPos)) break;
				}
				skipShouldVisit = false;
				const inst = re2.prog.getInst(currentPc);
				switch (inst.op) {
					case Inst.FAIL: break;
					case Inst.ALT: if (arg) {
						arg = false;
						currentPc = inst.arg;
						continue;
					} else {
						this.push(re2, currentPc, currentPos, true);
						currentPc = inst.out;
						continue;
					}
					case Inst.ALT_MATCH: {
						const outInst = re2.prog.getInst(inst.out);
						if (Inst.isRuneOp(outInst.op)) {
							this.push(re2, inst.arg, currentPos, false);
							currentPc = inst.arg;
							currentPos = this.end;
							continue;
						}
						this.push(re2, inst.out, this.end, false);
						currentPc = inst.out;
						continue;
					}
					case Inst.RUNE: {
						const r = input.step(currentPos);
						if (r === MachineInputBase.EOF()) break;
						if (!inst.matchRune(r >> 3)) break;
						currentPos += r & 7;
						currentPc = inst.out;
						continue;
					}
					case Inst.RUNE1: {
						const r = input.step(currentPos);
						if (r === MachineInputBase.EOF()) break;
						if (r >> 3 !== inst.runes[0]) break;
						currentPos += r & 7;
						currentPc = inst.out;
						continue;
					}
					case Inst.RUNE_ANY_NOT_NL: {
						const r = input.step(currentPos);
						if (r === MachineInputBase.EOF()) break;
						if (r >> 3 === 10) break;
						currentPos += r & 7;
						currentPc = inst.out;
						continue;
					}
					case Inst.RUNE_ANY: {
						const r = input.step(currentPos);
						if (r === MachineInputBase.EOF()) break;
						currentPos += r & 7;
						currentPc = inst.out;
						continue;
					}
					case Inst.CAPTURE: if (arg) {
						this.cap[inst.arg] = currentPos;
						break;
					} else {
						if (inst.arg < this.ncap) {
							this.push(re2, currentPc, this.cap[inst.arg], true);
							this.cap[inst.arg] = currentPos;
						}
						currentPc = inst.out;
						continue;
					}
					case Inst.EMPTY_WIDTH: {
						const flag = input.context(currentPos);
						if ((inst.arg & ~flag) !== 0) break;
						currentPc = inst.out;
						continue;
					}
					case Inst.NOP:
						currentPc = inst.out;
						continue;
					case Inst.MATCH: {
						if (anchor === RE2Flags.ANCHOR_BOTH && currentPos !== this.end) break;
						if (this.ncap === 0) return true;
						if (this.ncap > 1) this.cap[1] = currentPos;
						const old = this.matchcap[1];
						if (old === -1 || longest && currentPos > 0 && currentPos > old) this.matchcap.set(this.cap);
						if (!longest) return true;
						if (currentPos === this.end) return true;
						break;
					}
					case Inst.LB_WRITE:
					case Inst.LB_CHECK: throw new RE2JSInternalException("Backtracker cannot evaluate Lookbehind instructions");
					default: throw new RE2JSInternalException("bad inst");
				}
				break;
			}
		}
		return longest && this.matchcap.length > 1 && this.matchcap[1] >= 0;
	}
};
const bitStatePool = [];
var Backtracker = class Backtracker {
	static shouldBacktrack(prog) {
		return prog.numInst() <= MAX_BACKTRACK_PROG;
	}
	static maxBitStateLen(prog) {
		if (!Backtracker.shouldBacktrack(prog)) return 0;
		return Math.floor(MAX_BACKTRACK_VECTOR / prog.numInst());
	}
	static execute(re2, input, pos, anchor, ncap) {
		const startCond = re2.cond;
		if (startCond === Utils.EMPTY_ALL) return null;
		if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return null;
		if ((startCond & Utils.EMPTY_BEGIN_TEXT) !== 0 && pos !== 0) return null;
		const b = bitStatePool.length > 0 ? bitStatePool.pop() : new BitState();
		const end = input.endPos();
		b.reset(re2.prog, end, ncap);
		let matched = false;
		if ((startCond & Utils.EMPTY_BEGIN_TEXT) !== 0 || anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) {
			if (b.ncap > 0) b.cap[0] = pos;
			if (b.tryBacktrack(re2, input, re2.prog.start, pos, anchor)) matched = true;
		} else {
			let width = -1;
			for (; pos <= end && width !== 0; pos += width) {
				if (re2.prefix.length > 0) {
					const advance = input.index(re2, pos);
					if (advance < 0) break;
					pos += advance;
				}
				if (b.ncap > 0) b.cap[0] = pos;
				if (b.tryBacktrack(re2, input, re2.prog.start, pos, anchor)) {
					matched = true;
					break;
				}
				const r = input.step(pos);
				width = r === MachineInputBase.EOF() ? 0 : r & 7;
			}
		}
		if (!matched) {
			bitStatePool.push(b);
			return null;
		}
		const result = ncap === 0 ? [] : Utils.toArray(b.matchcap.subarray(0, ncap));
		bitStatePool.push(b);
		return result;
	}
};
// src/OnePass.js
var QueueOnePass = class {
	constructor(size) {
		this.sparse = new Uint32Array(size);
		this.dense = new Uint32Array(size);
		this.size = 0;
		this.nextIndex = 0;
	}
	empty() {
		return this.nextIndex >= this.size;
	}
	next() {
		return this.dense[this.nextIndex++];
	}
	clear() {
		this.size = 0;
		this.nextIndex = 0;
	}
	contains(u) {
		return u < this.sparse.length && this.sparse[u] < this.size && this.dense[this.sparse[u]] === u;
	}
	insert(u) {
		if (!this.contains(u)) this.insertNew(u);
	}
	insertNew(u) {
		if (u >= this.sparse.length) return;
		this.sparse[u] = this.size;
		this.dense[this.size] = u;
		this.size++;
	}
};
const mergeRuneSets = (leftRunes, rightRunes, leftPC, rightPC) => {
	const leftLen = leftRunes.length;
	const rightLen = rightRunes.length;
	let lx = 0, rx = 0;
	const merged = [];
	const next = [];
	let ok = true;
	let ix = -1;
	const extend = (isLeft) => {
		const newArray = isLeft ? leftRunes : rightRunes;
		const low = isLeft ? lx : rx;
		const pc = isLeft ? leftPC : rightPC;
		if (ix > 0 && newArray[low] <= merged[ix]) return false;
		merged.push(newArray[low], newArray[low + 1]);
		if (isLeft) lx += 2;
		else rx += 2;
		ix += 2;
		next.push(pc);
		return true;
	};
	while (lx < leftLen || rx < rightLen) {
		if (rx >= rightLen) ok = extend(true);
		else if (lx >= leftLen) ok = extend(false);
		else if (rightRunes[rx] < leftRunes[lx]) ok = extend(false);
		else ok = extend(true);
		if (!ok) return null;
	}
	return {
		merged,
		next
	};
};
var OnePassProg = class {
	constructor(prog) {
		this.start = prog.start;
		this.numCap = prog.numCap;
		this.inst = new Array(prog.inst.length);
		for (let i = 0; i < prog.inst.length; i++) {
			const orig = prog.inst[i];
			const inst = new Inst(orig.op);
			inst.out = orig.out;
			inst.arg = orig.arg;
			inst.runes = orig.runes ? new Int32Array(orig.runes) : /* @__PURE__ */ new Int32Array(0);
			inst.next = null;
			this.inst[i] = inst;
		}
	}
};
const onePassCopy = (prog) => {
	const p = new OnePassProg(prog);
	for (let pc = 0; pc < p.inst.length; pc++) {
		const inst = p.inst[pc];
		if (inst.op !== Inst.ALT && inst.op !== Inst.ALT_MATCH) continue;
		let pAOther = "out";
		let pAAlt = "arg";
		let instAlt = p.inst[inst[pAAlt]];
		if (instAlt.op !== Inst.ALT && instAlt.op !== Inst.ALT_MATCH) {
			pAOther = "arg";
			pAAlt = "out";
			instAlt = p.inst[inst[pAAlt]];
			if (instAlt.op !== Inst.ALT && instAlt.op !== Inst.ALT_MATCH) continue;
		}
		const instOther = p.inst[inst[pAOther]];
		if (instOther.op === Inst.ALT || instOther.op === Inst.ALT_MATCH) continue;
		let pBAlt = "out";
		let pBOther = "arg";
		let patch = false;
		if (instAlt.out === pc) patch = true;
		else if (instAlt.arg === pc) {
			patch = true;
			pBAlt = "arg";
			pBOther = "out";
		}
		if (patch) instAlt[pBAlt] = inst[pAOther];
		if (inst[pAOther] === instAlt[pBAlt]) inst[pAAlt] = instAlt[pBOther];
	}
	return p;
};
const makeOnePass = (p) => {
	if (p.inst.length >= 1e3) return null;
	const instQueue = new QueueOnePass(p.inst.length);
	const visitQueue = new QueueOnePass(p.inst.length);
	const onePassRunes = new Array(p.inst.length);
	const m = new Array(p.inst.length).fill(false);
	const check = (pc) => {
		let ok = true;
		const inst = p.inst[pc];
		if (visitQueue.contains(pc)) return true;
		visitQueue.insert(pc);
		switch (inst.op) {
			case Inst.ALT:
			case Inst.ALT_MATCH: {
				ok = check(inst.out) && check(inst.arg);
				let matchOut = m[inst.out];
				let matchArg = m[inst.arg];
				if (matchOut && matchArg) return false;
				if (matchArg) {
					const tempOut = inst.out;
					inst.out = inst.arg;
					inst.arg = tempOut;
					const tempMatch = matchOut;
					matchOut = matchArg;
					matchArg = tempMatch;
				}
				if (matchOut) {
					m[pc] = true;
					inst.op = Inst.ALT_MATCH;
				}
				const leftRunes = onePassRunes[inst.out] || [];
				const rightRunes = onePassRunes[inst.arg] || [];
				const mergeRes = mergeRuneSets(leftRunes, rightRunes, inst.out, inst.arg);
				if (!mergeRes) return false;
				onePassRunes[pc] = new Int32Array(mergeRes.merged);
				inst.next = new Uint32Array(mergeRes.next);
				break;
			}
			case Inst.CAPTURE:
			case Inst.EMPTY_WIDTH:
			case Inst.NOP:
				ok = check(inst.out);
				m[pc] = m[inst.out];
				onePassRunes[pc] = onePassRunes[inst.out] ? new Int32Array(onePassRunes[inst.out]) : /* @__PURE__ */ new Int32Array(0);
				inst.next = new Uint32Array(Math.floor(onePassRunes[pc].length / 2) + 1).fill(inst.out);
				break;
			case Inst.MATCH:
			case Inst.FAIL:
				m[pc] = inst.op === Inst.MATCH;
				break;
			case Inst.RUNE: {
				m[pc] = false;
				if (inst.next && inst.next.length > 0) break;
				instQueue.insert(inst.out);
				if (!inst.runes || inst.runes.length === 0) {
					onePassRunes[pc] = /* @__PURE__ */ new Int32Array(0);
					inst.next = new Uint32Array([inst.out]);
					break;
				}
				let runes = [];
				if (inst.runes.length === 1 && (inst.arg & RE2Flags.FOLD_CASE) !== 0) {
					const r0 = inst.runes[0];
					runes.push(r0, r0);
					for (let r1 = Unicode.simpleFold(r0); r1 !== r0; r1 = Unicode.simpleFold(r1)) runes.push(r1, r1);
					runes.sort((a, b) => a - b);
				} else for (let j = 0; j < inst.runes.length; j++) runes.push(inst.runes[j]);
				onePassRunes[pc] = new Int32Array(runes);
				inst.next = new Uint32Array(Math.floor(runes.length / 2) + 1).fill(inst.out);
				inst.op = Inst.RUNE;
				break;
			}
			case Inst.RUNE1: {
				m[pc] = false;
				if (inst.next && inst.next.length > 0) break;
				instQueue.insert(inst.out);
				let runes = [];
				if ((inst.arg & RE2Flags.FOLD_CASE) !== 0) {
					const r0 = inst.runes[0];
					runes.push(r0, r0);
					for (let r1 = Unicode.simpleFold(r0); r1 !== r0; r1 = Unicode.simpleFold(r1)) runes.push(r1, r1);
					runes.sort((a, b) => a - b);
				} else runes.push(inst.runes[0], inst.runes[0]);
				onePassRunes[pc] = new Int32Array(runes);
				inst.next = new Uint32Array(Math.floor(runes.length / 2) + 1).fill(inst.out);
				inst.op = Inst.RUNE;
				break;
			}
			case Inst.RUNE_ANY:
				m[pc] = false;
				if (inst.next && inst.next.length > 0) break;
				instQueue.insert(inst.out);
				onePassRunes[pc] = new Int32Array([0, Unicode.MAX_RUNE]);
				inst.next = new Uint32Array([inst.out]);
				break;
			case Inst.RUNE_ANY_NOT_NL:
				m[pc] = false;
				if (inst.next && inst.next.length > 0) break;
				instQueue.insert(inst.out);
				onePassRunes[pc] = new Int32Array([
					0,
					9,
					11,
					Unicode.MAX_RUNE
				]);
				inst.next = new Uint32Array(Math.floor(onePassRunes[pc].length / 2) + 1).fill(inst.out);
		}
		return ok;
	};
	instQueue.clear();
	instQueue.insert(p.start);
	while (!instQueue.empty()) {
		visitQueue.clear();
		if (!check(instQueue.next())) return null;
	}
	for (let i = 0; i < p.inst.length; i++) if (onePassRunes[i]) p.inst[i].runes = onePassRunes[i];
	return p;
};
const cleanupOnePass = (p, original) => {
	for (let ix = 0; ix < original.inst.length; ix++) {
		const instOriginal = original.inst[ix];
		switch (instOriginal.op) {
			case Inst.ALT:
			case Inst.ALT_MATCH:
			case Inst.RUNE: break;
			case Inst.CAPTURE:
			case Inst.EMPTY_WIDTH:
			case Inst.NOP:
			case Inst.MATCH:
			case Inst.FAIL:
				p.inst[ix].next = null;
				break;
			case Inst.RUNE1:
			case Inst.RUNE_ANY:
			case Inst.RUNE_ANY_NOT_NL:
				p.inst[ix].next = null;
				p.inst[ix].op = instOriginal.op;
				p.inst[ix].runes = instOriginal.runes ? new Int32Array(instOriginal.runes) : /* @__PURE__ */ new Int32Array(0);
		}
	}
};
var OnePass = class OnePass {
	static compile(prog) {
		if (prog.start === 0) return null;
		if (prog.numLb > 0) return null;
		const startInst = prog.inst[prog.start];
		if (startInst.op !== Inst.EMPTY_WIDTH || (startInst.arg & Utils.EMPTY_BEGIN_TEXT) === 0) return null;
		let hasAlt = false;
		for (let i = 0; i < prog.inst.length; i++) if (prog.inst[i].op === Inst.ALT || prog.inst[i].op === Inst.ALT_MATCH) {
			hasAlt = true;
			break;
		}
		for (let i = 0; i < prog.inst.length; i++) {
			const inst = prog.inst[i];
			const opOut = prog.inst[inst.out].op;
			switch (inst.op) {
				case Inst.ALT:
				case Inst.ALT_MATCH:
					if (opOut === Inst.MATCH || prog.inst[inst.arg].op === Inst.MATCH) return null;
					break;
				case Inst.EMPTY_WIDTH:
					if (opOut === Inst.MATCH) {
						if ((inst.arg & Utils.EMPTY_END_TEXT) === Utils.EMPTY_END_TEXT) continue;
						return null;
					}
					break;
				default: if (opOut === Inst.MATCH && hasAlt) return null;
			}
		}
		let p = onePassCopy(prog);
		p = makeOnePass(p);
		if (p !== null) cleanupOnePass(p, prog);
		return p;
	}
	static next(inst, r) {
		const nextIdx = inst.matchRunePos(r);
		if (nextIdx >= 0) return inst.next[nextIdx];
		if (inst.op === Inst.ALT_MATCH) return inst.out;
		return 0;
	}
	static execute(re2, input, pos, anchor, ncap) {
		const onepass = re2.onepass;
		if (!onepass) return null;
		const matchcap = new Int32Array(ncap).fill(-1);
		let matched = false;
		let r = input.step(pos);
		let rune = r >> 3;
		let width = r & 7;
		let r1 = MachineInputBase.EOF();
		let rune1 = -1;
		let width1 = 0;
		if (r !== MachineInputBase.EOF()) {
			r1 = input.step(pos + width);
			if (r1 !== MachineInputBase.EOF()) {
				rune1 = r1 >> 3;
				width1 = r1 & 7;
			}
		}
		let flag = pos === 0 ? Utils.emptyOpContext(-1, rune) : input.context(pos);
		let pc = onepass.start;
		let inst;
		while (true) {
			inst = onepass.inst[pc];
			pc = inst.out;
			switch (inst.op) {
				case Inst.MATCH:
					if (anchor === RE2Flags.ANCHOR_BOTH && pos !== input.endPos()) return null;
					matched = true;
					if (matchcap.length > 0) {
						matchcap[0] = 0;
						matchcap[1] = pos;
					}
					return ncap === 0 ? [] : Utils.toArray(matchcap);
				case Inst.RUNE:
					if (!inst.matchRune(rune)) return null;
					break;
				case Inst.RUNE1:
					if (rune !== inst.runes[0]) return null;
					break;
				case Inst.RUNE_ANY: break;
				case Inst.RUNE_ANY_NOT_NL:
					if (rune === 10) return null;
					break;
				case Inst.ALT:
				case Inst.ALT_MATCH:
					pc = OnePass.next(inst, rune);
					continue;
				case Inst.FAIL: return null;
				case Inst.NOP: continue;
				case Inst.EMPTY_WIDTH:
					if ((inst.arg & ~flag) !== 0) return null;
					continue;
				case Inst.CAPTURE:
					if (inst.arg < matchcap.length) matchcap[inst.arg] = pos;
					continue;
				default: throw new RE2JSInternalException("bad inst");
			}
			if (width === 0) break;
			flag = Utils.emptyOpContext(rune, rune1);
			pos += width;
			rune = rune1;
			width = width1;
			if (rune !== -1) {
				r1 = input.step(pos + width);
				if (r1 !== MachineInputBase.EOF()) {
					rune1 = r1 >> 3;
					width1 = r1 & 7;
				} else {
					rune1 = -1;
					width1 = 0;
				}
			}
		}
		if (!matched) return null;
		return ncap === 0 ? [] : Utils.toArray(matchcap);
	}
};
// src/Regexp.js
/**
* Regular expression abstract syntax tree. Produced by parser, used by compiler. NB, this
* corresponds to {@code syntax.regexp} in the Go implementation; Go's {@code regexp} is called
* {@code RE2} in Java.
*/
var Regexp = class Regexp {
	static Op = createEnum([
		"NO_MATCH",
		"EMPTY_MATCH",
		"LITERAL",
		"CHAR_CLASS",
		"ANY_CHAR_NOT_NL",
		"ANY_CHAR",
		"BEGIN_LINE",
		"END_LINE",
		"BEGIN_TEXT",
		"END_TEXT",
		"WORD_BOUNDARY",
		"NO_WORD_BOUNDARY",
		"CAPTURE",
		"STAR",
		"PLUS",
		"QUEST",
		"REPEAT",
		"CONCAT",
		"ALTERNATE",
		"PLB",
		"NLB",
		"LEFT_PAREN",
		"VERTICAL_BAR"
	]);
	static isPseudoOp(op) {
		return op >= Regexp.Op.LEFT_PAREN;
	}
	static emptySubs() {
		return [];
	}
	static quoteIfHyphen(rune) {
		if (rune === Codepoint.CODES["-"]) return "\\";
		return "";
	}
	static fromRegexp(re) {
		const regex = new Regexp(re.op);
		regex.flags = re.flags;
		regex.subs = re.subs;
		regex.runes = re.runes;
		regex.cap = re.cap;
		regex.min = re.min;
		regex.max = re.max;
		regex.name = re.name;
		regex.namedGroups = re.namedGroups;
		regex.lb = re.lb;
		return regex;
	}
	constructor(op) {
		this.op = op;
		this.flags = 0;
		this.subs = Regexp.emptySubs();
		this.runes = /* @__PURE__ */ new Int32Array(0);
		this.min = 0;
		this.max = 0;
		this.cap = 0;
		this.name = null;
		this.namedGroups = Object.create(null);
		this.lb = 0;
	}
	reinit() {
		this.flags = 0;
		this.subs = Regexp.emptySubs();
		this.runes = /* @__PURE__ */ new Int32Array(0);
		this.cap = 0;
		this.min = 0;
		this.max = 0;
		this.name = null;
		this.namedGroups = Object.create(null);
		this.lb = 0;
	}
	toString() {
		return this.appendTo();
	}
	appendTo() {
		let out = "";
		switch (this.op) {
			case Regexp.Op.NO_MATCH:
				out += "[^\\x00-\\x{10FFFF}]";
				break;
			case Regexp.Op.EMPTY_MATCH:
				out += "(?:)";
				break;
			case Regexp.Op.STAR:
			case Regexp.Op.PLUS:
			case Regexp.Op.QUEST:
			case Regexp.Op.REPEAT: {
				const sub = this.subs[0];
				if (sub.op > Regexp.Op.CAPTURE || sub.op === Regexp.Op.LITERAL && sub.runes.length > 1) out += `(?:${sub.appendTo()})`;
				else out += sub.appendTo();
				switch (this.op) {
					case Regexp.Op.STAR:
						out += "*";
						break;
					case Regexp.Op.PLUS:
						out += "+";
						break;
					case Regexp.Op.QUEST:
						out += "?";
						break;
					case Regexp.Op.REPEAT:
						out += `{${this.min}`;
						if (this.min !== this.max) {
							out += ",";
							if (this.max >= 0) out += this.max;
						}
						out += "}";
				}
				if ((this.flags & RE2Flags.NON_GREEDY) !== 0) out += "?";
				break;
			}
			case Regexp.Op.CONCAT:
				for (let sub of this.subs) if (sub.op === Regexp.Op.ALTERNATE) out += `(?:${sub.appendTo()})`;
				else out += sub.appendTo();
				break;
			case Regexp.Op.ALTERNATE: {
				let sep = "";
				for (let sub of this.subs) {
					out += sep;
					sep = "|";
					out += sub.appendTo();
				}
				break;
			}
			case Regexp.Op.LITERAL:
				if ((this.flags & RE2Flags.FOLD_CASE) !== 0) out += "(?i:";
				for (let rune of this.runes) out += Utils.escapeRune(rune);
				if ((this.flags & RE2Flags.FOLD_CASE) !== 0) out += ")";
				break;
			case Regexp.Op.ANY_CHAR_NOT_NL:
				out += "(?-s:.)";
				break;
			case Regexp.Op.ANY_CHAR:
				out += "(?s:.)";
				break;
			case Regexp.Op.PLB:
				out += `(?<=${this.subs[0].appendTo()})`;
				break;
			case Regexp.Op.NLB:
				out += `(?<!${this.subs[0].appendTo()})`;
				break;
			case Regexp.Op.CAPTURE:
				if (this.name === null || this.name.length === 0) out += "(";
				else out += `(?P<${this.name}>`;
				if (this.subs[0].op !== Regexp.Op.EMPTY_MATCH) out += this.subs[0].appendTo();
				out += ")";
				break;
			case Regexp.Op.BEGIN_TEXT:
				out += "\\A";
				break;
			case Regexp.Op.END_TEXT:
				if ((this.flags & RE2Flags.WAS_DOLLAR) !== 0) out += "(?-m:$)";
				else out += "\\z";
				break;
			case Regexp.Op.BEGIN_LINE:
				out += "^";
				break;
			case Regexp.Op.END_LINE:
				out += "$";
				break;
			case Regexp.Op.WORD_BOUNDARY:
				out += "\\b";
				break;
			case Regexp.Op.NO_WORD_BOUNDARY:
				out += "\\B";
				break;
			case Regexp.Op.CHAR_CLASS:
				if (this.runes.length % 2 !== 0) {
					out += "[invalid char class]";
					break;
				}
				out += "[";
				if (this.runes.length === 0) out += "^\\x00-\\x{10FFFF}";
				else if (this.runes[0] === 0 && this.runes[this.runes.length - 1] === Unicode.MAX_RUNE) {
					out += "^";
					for (let i = 1; i < this.runes.length - 1; i += 2) {
						const lo = this.runes[i] + 1;
						const hi = this.runes[i + 1] - 1;
						out += Regexp.quoteIfHyphen(lo);
						out += Utils.escapeRune(lo);
						if (lo !== hi) {
							out += "-";
							out += Regexp.quoteIfHyphen(hi);
							out += Utils.escapeRune(hi);
						}
					}
				} else for (let i = 0; i < this.runes.length; i += 2) {
					const lo = this.runes[i];
					const hi = this.runes[i + 1];
					out += Regexp.quoteIfHyphen(lo);
					out += Utils.escapeRune(lo);
					if (lo !== hi) {
						out += "-";
						out += Regexp.quoteIfHyphen(hi);
						out += Utils.escapeRune(hi);
					}
				}
				out += "]";
				break;
			default: out += this.op;
		}
		return out;
	}
	maxCap() {
		let m = 0;
		if (this.op === Regexp.Op.CAPTURE) m = this.cap;
		if (this.subs !== null) for (let sub of this.subs) {
			const n = sub.maxCap();
			if (m < n) m = n;
		}
		return m;
	}
	equals(that) {
		if (!(that !== null && that instanceof Regexp)) return false;
		if (this.op !== that.op) return false;
		switch (this.op) {
			case Regexp.Op.END_TEXT:
				if ((this.flags & RE2Flags.WAS_DOLLAR) !== (that.flags & RE2Flags.WAS_DOLLAR)) return false;
				break;
			case Regexp.Op.LITERAL:
			case Regexp.Op.CHAR_CLASS:
				if ((this.flags & RE2Flags.FOLD_CASE) !== (that.flags & RE2Flags.FOLD_CASE)) return false;
				if (this.runes === null && that.runes === null) break;
				if (this.runes === null || that.runes === null) return false;
				if (this.runes.length !== that.runes.length) return false;
				for (let i = 0; i < this.runes.length; i++) if (this.runes[i] !== that.runes[i]) return false;
				break;
			case Regexp.Op.ALTERNATE:
			case Regexp.Op.CONCAT:
				if (this.subs.length !== that.subs.length) return false;
				for (let i = 0; i < this.subs.length; ++i) if (!this.subs[i].equals(that.subs[i])) return false;
				break;
			case Regexp.Op.STAR:
			case Regexp.Op.PLUS:
			case Regexp.Op.QUEST:
				if ((this.flags & RE2Flags.NON_GREEDY) !== (that.flags & RE2Flags.NON_GREEDY) || !this.subs[0].equals(that.subs[0])) return false;
				break;
			case Regexp.Op.REPEAT:
				if ((this.flags & RE2Flags.NON_GREEDY) !== (that.flags & RE2Flags.NON_GREEDY) || this.min !== that.min || this.max !== that.max || !this.subs[0].equals(that.subs[0])) return false;
				break;
			case Regexp.Op.CAPTURE:
				if (this.cap !== that.cap || (this.name === null ? that.name !== null : this.name !== that.name) || !this.subs[0].equals(that.subs[0])) return false;
				break;
			case Regexp.Op.PLB:
			case Regexp.Op.NLB: if (this.lb !== that.lb || !this.subs[0].equals(that.subs[0])) return false;
		}
		return true;
	}
};
// src/RegexpWalker.js
/**
* Walks a Regexp tree without recursion, visiting nodes in the same order a recursive walk
* would (RE2: re2/walker-inl.h, "Helper class for traversing Regexps without recursion").
*
* The handler sees a node without subexpressions once, through `leaf(re)`, which returns its
* result. Any other node is seen up to three times:
* - `enter(re)` before its children. It returns the state kept for `re` while its children are
*   visited; a state whose `result` is already set skips the children.
* - `child(re, state, result, i)` after child `i` produced `result`. Setting `state.result`
*   stops visiting the remaining children.
* - `leave(re, state)` after the last child; it returns the result for `re`.
*
* Counted repetitions expand into one nesting level per copy, so the simplified tree can be
* thousands of levels deep; recursion over it would overflow the JS stack, which has no fixed
* relation to the parser's nesting limit. This walk keeps its frames on the heap instead.
*/
var RegexpWalker = class {
	static walk(root, handler) {
		const stack = [];
		let re = root;
		let result;
		for (;;) {
			if (re.subs.length === 0) result = handler.leaf(re);
			else {
				const state = handler.enter(re);
				if (state.result === void 0) {
					stack.push({
						re,
						state,
						i: 0
					});
					re = re.subs[0];
					continue;
				}
				result = state.result;
			}
			for (;;) {
				if (stack.length === 0) return result;
				const frame = stack[stack.length - 1];
				handler.child(frame.re, frame.state, result, frame.i);
				frame.i++;
				if (frame.state.result === void 0 && frame.i < frame.re.subs.length) {
					re = frame.re.subs[frame.i];
					break;
				}
				stack.pop();
				result = frame.state.result !== void 0 ? frame.state.result : handler.leave(frame.re, frame.state);
			}
		}
	}
};
// src/Prefilter.js
var AhoCorasick = class {
	constructor(words, alphabetSize) {
		const edges = /* @__PURE__ */ new Map();
		const parent = [0];
		const unit = [0];
		const depth = [0];
		const terminal = [0];
		for (const word of words) {
			let node = 0;
			for (let i = 0; i < word.length; i++) {
				const key = node * alphabetSize + word[i];
				let child = edges.get(key);
				if (child === void 0) {
					child = parent.length;
					edges.set(key, child);
					parent.push(node);
					unit.push(word[i]);
					depth.push(depth[node] + 1);
					terminal.push(0);
				}
				node = child;
			}
			terminal[node] = 1;
		}
		const numNodes = parent.length;
		const children = new Int32Array(numNodes - 1);
		for (let c = 1; c < numNodes; c++) children[c - 1] = c;
		children.sort((a, b) => parent[a] - parent[b] || unit[a] - unit[b]);
		const childStart = new Int32Array(numNodes + 1);
		for (let c = 1; c < numNodes; c++) childStart[parent[c] + 1]++;
		for (let n = 0; n < numNodes; n++) childStart[n + 1] += childStart[n];
		const childUnit = new Int32Array(numNodes - 1);
		for (let k = 0; k < children.length; k++) childUnit[k] = unit[children[k]];
		this.childStart = childStart;
		this.childUnit = childUnit;
		this.childNode = children;
		const byDepth = new Int32Array(numNodes);
		for (let n = 0; n < numNodes; n++) byDepth[n] = n;
		byDepth.sort((a, b) => depth[a] - depth[b]);
		const fail = new Int32Array(numNodes);
		const match = Uint8Array.from(terminal);
		for (let k = 1; k < numNodes; k++) {
			const c = byDepth[k];
			const p = parent[c];
			if (p !== 0) {
				let f = fail[p];
				let next = this.next(f, unit[c]);
				while (next < 0 && f !== 0) {
					f = fail[f];
					next = this.next(f, unit[c]);
				}
				fail[c] = next >= 0 ? next : 0;
			}
			match[c] |= match[fail[c]];
		}
		this.fail = fail;
		this.match = match;
	}
	next(node, u) {
		let lo = this.childStart[node];
		let hi = this.childStart[node + 1];
		const units = this.childUnit;
		while (lo < hi) {
			const mid = lo + hi >> 1;
			const m = units[mid];
			if (m === u) return this.childNode[mid];
			if (m < u) lo = mid + 1;
			else hi = mid;
		}
		return -1;
	}
	advance(node, u) {
		for (;;) {
			const next = this.next(node, u);
			if (next >= 0) return next;
			if (node === 0) return 0;
			node = this.fail[node];
		}
	}
	searchUTF16(charSeq, start, end) {
		let node = 0;
		for (let i = start; i < end; i++) {
			node = this.advance(node, charSeq.charCodeAt(i));
			if (this.match[node] === 1) return true;
		}
		return false;
	}
	searchUTF8(bytes, start, end) {
		let node = 0;
		for (let i = start; i < end; i++) {
			node = this.advance(node, bytes[i]);
			if (this.match[node] === 1) return true;
		}
		return false;
	}
};
var Prefilter = class Prefilter {
	static Type = {
		NONE: 0,
		EXACT: 1,
		AND: 2,
		OR: 3
	};
	static MAX_SCANS = 32;
	static MAX_AC_UNITS = 1 << 18;
	constructor(type) {
		this.type = type;
		this.subs = [];
		this.str = "";
		this.bytes = null;
		this.cost = type === Prefilter.Type.EXACT ? 1 : 0;
		this.allExact = false;
		this.ac16 = null;
		this.ac8 = null;
	}
	automaton16() {
		if (this.ac16 === null) {
			const words = this.subs.map((s) => {
				const arr = new Array(s.str.length);
				for (let i = 0; i < s.str.length; i++) arr[i] = s.str.charCodeAt(i);
				return arr;
			});
			this.ac16 = new AhoCorasick(words, 65536);
		}
		return this.ac16;
	}
	automaton8() {
		if (this.ac8 === null) this.ac8 = new AhoCorasick(this.subs.map((s) => s.bytes), 256);
		return this.ac8;
	}
	eval(input, pos) {
		switch (this.type) {
			case Prefilter.Type.NONE: return true;
			case Prefilter.Type.EXACT: return input.hasString(this, pos);
			case Prefilter.Type.AND:
				for (let i = 0; i < this.subs.length; i++) if (!this.subs[i].eval(input, pos)) return false;
				return true;
			case Prefilter.Type.OR:
				if (this.allExact) return input.hasAnyString(this, pos);
				for (let i = 0; i < this.subs.length; i++) if (this.subs[i].eval(input, pos)) return true;
				return false;
			default: return true;
		}
	}
};
var PrefilterTree = class PrefilterTree {
	static build(re) {
		if (!re) return new Prefilter(Prefilter.Type.NONE);
		return RegexpWalker.walk(re, PrefilterTree.WALKER);
	}
	static WALKER = {
		leaf: (re) => PrefilterTree.leaf(re),
		enter: (re) => PrefilterTree.enter(re),
		child: (re, state, result) => PrefilterTree.child(re, state, result),
		leave: (re, state) => PrefilterTree.leave(re, state)
	};
	static leaf(re) {
		if (re.op !== Regexp.Op.LITERAL) return new Prefilter(Prefilter.Type.NONE);
		if (re.runes.length === 0 || (re.flags & RE2Flags.FOLD_CASE) !== 0) return new Prefilter(Prefilter.Type.NONE);
		let str = "";
		for (let i = 0; i < re.runes.length; i++) {
			if (Unicode.isUnsearchable(re.runes[i])) return new Prefilter(Prefilter.Type.NONE);
			str += String.fromCodePoint(re.runes[i]);
		}
		const pf = new Prefilter(Prefilter.Type.EXACT);
		pf.str = str;
		pf.bytes = Utils.stringToUtf8ByteArray(pf.str);
		return pf;
	}
	static enter(re) {
		switch (re.op) {
			case Regexp.Op.CAPTURE:
			case Regexp.Op.PLUS: return { sub: null };
			case Regexp.Op.REPEAT:
				if (re.min >= 1) return { sub: null };
				return { result: new Prefilter(Prefilter.Type.NONE) };
			case Regexp.Op.CONCAT: return {
				pf: new Prefilter(Prefilter.Type.AND),
				subs: []
			};
			case Regexp.Op.ALTERNATE: return {
				pf: new Prefilter(Prefilter.Type.OR),
				subs: []
			};
			default: return { result: new Prefilter(Prefilter.Type.NONE) };
		}
	}
	static child(re, state, s) {
		if (state.subs === void 0) {
			state.sub = s;
			return;
		}
		if (state.pf.type === Prefilter.Type.AND) {
			if (s.type === Prefilter.Type.NONE) return;
			if (s.type === Prefilter.Type.AND) {
				for (let j = 0; j < s.subs.length; j++) state.subs.push(s.subs[j]);
				return;
			}
			state.subs.push(s);
			return;
		}
		if (s.type === Prefilter.Type.NONE) {
			state.result = new Prefilter(Prefilter.Type.NONE);
			return;
		}
		if (s.type === Prefilter.Type.OR) {
			for (let j = 0; j < s.subs.length; j++) state.subs.push(s.subs[j]);
			return;
		}
		state.subs.push(s);
	}
	static leave(re, state) {
		if (state.subs === void 0) return state.sub;
		const pf = state.pf;
		const seen = /* @__PURE__ */ new Set();
		const subs = [];
		for (const sub of state.subs) {
			if (sub.type === Prefilter.Type.EXACT) {
				if (seen.has(sub.str)) continue;
				seen.add(sub.str);
			}
			subs.push(sub);
		}
		if (pf.type === Prefilter.Type.AND) {
			const kept = [];
			let cost = 0;
			for (const sub of subs) {
				if (cost + sub.cost > Prefilter.MAX_SCANS) continue;
				kept.push(sub);
				cost += sub.cost;
			}
			if (kept.length === 0) return new Prefilter(Prefilter.Type.NONE);
			if (kept.length === 1) return kept[0];
			pf.subs = kept;
			pf.cost = cost;
			return pf;
		}
		if (subs.length === 0) return new Prefilter(Prefilter.Type.NONE);
		if (subs.length === 1) return subs[0];
		pf.subs = subs;
		let allExact = true;
		let cost = 0;
		let units = 0;
		for (const sub of subs) {
			if (sub.type !== Prefilter.Type.EXACT) allExact = false;
			else units += sub.bytes.length;
			cost += sub.cost;
		}
		if (allExact) {
			if (units > Prefilter.MAX_AC_UNITS) return new Prefilter(Prefilter.Type.NONE);
			pf.allExact = true;
			pf.cost = 1;
			return pf;
		}
		if (cost > Prefilter.MAX_SCANS) return new Prefilter(Prefilter.Type.NONE);
		pf.cost = cost;
		return pf;
	}
};
// src/Prog.js
/**
* A list of instruction pointers waiting to be patched.
* Tracks both `head` and `tail` to allow O(1) appending during compilation.
* * Values are encoded integers, not standard memory pointers:
* - Program instruction index: `l >> 1`
* - Patch `.out` field if: `(l & 1) === 0`
* - Patch `.arg` field if: `(l & 1) === 1`
* - `0` denotes an empty list.
* * @see https://swtch.com/~rsc/regexp/regexp1.html
*/
var PatchList = class {
	/**
	* @param {number} head - Encoded pointer to the start of the patch list.
	* @param {number} tail - Encoded pointer to the end of the patch list.
	*/
	constructor(head = 0, tail = 0) {
		this.head = head;
		this.tail = tail;
	}
};
/**
* A Prog is a compiled regular expression program.
*/
var Prog = class {
	constructor() {
		this.inst = [];
		this.start = 0;
		this.numCap = 2;
		this.lbStarts = [];
		this.numLb = 0;
		this.lbInst = null;
	}
	getInst(pc) {
		return this.inst[pc];
	}
	numInst() {
		return this.inst.length;
	}
	addInst(op) {
		this.inst.push(new Inst(op));
	}
	markLookbehindInsts() {
		const lbInst = new Uint8Array(this.inst.length);
		const pending = this.lbStarts.slice();
		while (pending.length > 0) {
			const pc = pending.pop();
			if (pc === 0 || lbInst[pc] === 1) continue;
			lbInst[pc] = 1;
			const i = this.inst[pc];
			switch (i.op) {
				case Inst.ALT:
				case Inst.ALT_MATCH:
					pending.push(i.out, i.arg);
					break;
				case Inst.MATCH:
				case Inst.FAIL: break;
				default: pending.push(i.out);
			}
		}
		this.lbInst = lbInst;
	}
	skipNop(pc) {
		let i = this.inst[pc];
		while (i.op === Inst.NOP || i.op === Inst.CAPTURE) {
			i = this.inst[pc];
			pc = i.out;
		}
		return i;
	}
	/** @returns {[boolean, string]} */
	prefix() {
		let prefix = "";
		let i = this.skipNop(this.start);
		if (!Inst.isRuneOp(i.op) || i.runes.length !== 1) return [i.op === Inst.MATCH, prefix];
		while (Inst.isRuneOp(i.op) && i.runes.length === 1 && (i.arg & RE2Flags.FOLD_CASE) === 0 && !Unicode.isUnsearchable(i.runes[0])) {
			prefix += String.fromCodePoint(i.runes[0]);
			i = this.skipNop(i.out);
		}
		return [i.op === Inst.MATCH, prefix];
	}
	startCond() {
		let flag = 0;
		let pc = this.start;
		loop: for (;;) {
			const i = this.inst[pc];
			switch (i.op) {
				case Inst.EMPTY_WIDTH:
					flag |= i.arg;
					break;
				case Inst.FAIL: return -1;
				case Inst.CAPTURE:
				case Inst.NOP: break;
				default: break loop;
			}
			pc = i.out;
		}
		return flag;
	}
	patch(l, val) {
		let head = l.head;
		while (head !== 0) {
			const i = this.inst[head >> 1];
			if ((head & 1) === 0) {
				head = i.out;
				i.out = val;
			} else {
				head = i.arg;
				i.arg = val;
			}
		}
	}
	append(l1, l2) {
		if (l1.head === 0) return l2;
		if (l2.head === 0) return l1;
		const i = this.inst[l1.tail >> 1];
		if ((l1.tail & 1) === 0) i.out = l2.head;
		else i.arg = l2.head;
		return new PatchList(l1.head, l2.tail);
	}
	/**
	*
	* @returns {string}
	*/
	toString() {
		let out = "";
		for (let pc = 0; pc < this.inst.length; pc++) {
			const len = out.length;
			out += pc;
			if (pc === this.start) out += "*";
			out += "        ".substring(out.length - len);
			out += this.inst[pc];
			out += "\n";
		}
		return out;
	}
};
// src/Compiler.js
const ANY_RUNE_NOT_NL = new Int32Array([
	0,
	Codepoint.CODES["\n"] - 1,
	Codepoint.CODES["\n"] + 1,
	Unicode.MAX_RUNE
]);
const ANY_RUNE = new Int32Array([0, Unicode.MAX_RUNE]);
/**
* A fragment of a compiled regular expression program.
*
* @see http://swtch.com/~rsc/regexp/regexp1.html
* @class
*/
var Frag = class {
	constructor(i = 0, out = new PatchList(), nullable = false) {
		this.i = i;
		this.out = out;
		this.nullable = nullable;
	}
};
/**
* Compiler from {@code Regexp} (RE2 abstract syntax) to {@code RE2} (compiled regular expression).
*
* The only entry point is {@link #compileRegexp}.
*/
var Compiler = class Compiler {
	static compileRegexp(re) {
		const c = new Compiler();
		const f = c.compile(re);
		c.prog.patch(f.out, c.newInst(Inst.MATCH).i);
		c.prog.start = f.i;
		c.prog.markLookbehindInsts();
		return c.prog;
	}
	static compileSet(regexps) {
		const c = new Compiler();
		if (regexps.length === 0) {
			c.prog.start = c.newInst(Inst.FAIL).i;
			c.prog.markLookbehindInsts();
			return c.prog;
		}
		let starts = [];
		for (let i = 0; i < regexps.length; i++) {
			c.lbOffset = c.prog.numLb;
			const f = c.compile(regexps[i]);
			const m = c.newInst(Inst.MATCH);
			c.prog.getInst(m.i).arg = i;
			c.prog.patch(f.out, m.i);
			starts.push(f.i);
		}
		let start = starts[0];
		for (let i = 1; i < starts.length; i++) {
			const f = c.newInst(Inst.ALT);
			const inst = c.prog.getInst(f.i);
			inst.out = start;
			inst.arg = starts[i];
			start = f.i;
		}
		c.prog.start = start;
		c.prog.markLookbehindInsts();
		return c.prog;
	}
	constructor() {
		this.prog = new Prog();
		this.newInst(Inst.FAIL);
		this.lbOffset = 0;
		this.runeCache = /* @__PURE__ */ new Map();
		this.walker = {
			leaf: (re) => this.leaf(re),
			enter: (re) => this.enter(re),
			child: (re, state, result) => this.child(re, state, result),
			leave: (re, state) => this.leave(re, state)
		};
	}
	newInst(op) {
		this.prog.addInst(op);
		return new Frag(this.prog.numInst() - 1, new PatchList(), true);
	}
	nop() {
		const f = this.newInst(Inst.NOP);
		f.out = new PatchList(f.i << 1, f.i << 1);
		return f;
	}
	fail() {
		return new Frag();
	}
	cap(arg) {
		const f = this.newInst(Inst.CAPTURE);
		f.out = new PatchList(f.i << 1, f.i << 1);
		this.prog.getInst(f.i).arg = arg;
		if (this.prog.numCap < arg + 1) this.prog.numCap = arg + 1;
		return f;
	}
	cat(f1, f2) {
		if (f1.i === 0 || f2.i === 0) {
			this.prog.patch(f1.out, 0);
			this.prog.patch(f2.out, 0);
			return this.fail();
		}
		this.prog.patch(f1.out, f2.i);
		return new Frag(f1.i, f2.out, f1.nullable && f2.nullable);
	}
	alt(f1, f2) {
		if (f1.i === 0) return f2;
		if (f2.i === 0) return f1;
		const f = this.newInst(Inst.ALT);
		const i = this.prog.getInst(f.i);
		i.out = f1.i;
		i.arg = f2.i;
		f.out = this.prog.append(f1.out, f2.out);
		f.nullable = f1.nullable || f2.nullable;
		return f;
	}
	loop(f1, nongreedy) {
		const f = this.newInst(Inst.ALT);
		const i = this.prog.getInst(f.i);
		if (nongreedy) {
			i.arg = f1.i;
			f.out = new PatchList(f.i << 1, f.i << 1);
		} else {
			i.out = f1.i;
			f.out = new PatchList(f.i << 1 | 1, f.i << 1 | 1);
		}
		this.prog.patch(f1.out, f.i);
		return f;
	}
	quest(f1, nongreedy) {
		if (f1.i === 0) return this.nop();
		const f = this.newInst(Inst.ALT);
		const i = this.prog.getInst(f.i);
		if (nongreedy) {
			i.arg = f1.i;
			f.out = new PatchList(f.i << 1, f.i << 1);
		} else {
			i.out = f1.i;
			f.out = new PatchList(f.i << 1 | 1, f.i << 1 | 1);
		}
		f.out = this.prog.append(f.out, f1.out);
		return f;
	}
	star(f1, nongreedy) {
		if (f1.i === 0) return this.nop();
		if (f1.nullable) return this.quest(this.plus(f1, nongreedy), nongreedy);
		return this.loop(f1, nongreedy);
	}
	plus(f1, nongreedy) {
		if (f1.i === 0) return this.fail();
		return new Frag(f1.i, this.loop(f1, nongreedy).out, f1.nullable);
	}
	empty(op) {
		const f = this.newInst(Inst.EMPTY_WIDTH);
		this.prog.getInst(f.i).arg = op;
		f.out = new PatchList(f.i << 1, f.i << 1);
		return f;
	}
	rune(runes, flags) {
		const f = this.newInst(Inst.RUNE);
		f.nullable = false;
		const i = this.prog.getInst(f.i);
		i.runes = runes;
		flags &= RE2Flags.FOLD_CASE;
		if (runes.length !== 1 || Unicode.simpleFold(runes[0]) === runes[0]) flags &= ~RE2Flags.FOLD_CASE;
		i.arg = flags;
		f.out = new PatchList(f.i << 1, f.i << 1);
		if ((flags & RE2Flags.FOLD_CASE) === 0 && runes.length === 1 || runes.length === 2 && runes[0] === runes[1]) i.op = Inst.RUNE1;
		else if (runes.length === 2 && runes[0] === 0 && runes[1] === Unicode.MAX_RUNE) i.op = Inst.RUNE_ANY;
		else if (runes.length === 4 && runes[0] === 0 && runes[1] === Codepoint.CODES["\n"] - 1 && runes[2] === Codepoint.CODES["\n"] + 1 && runes[3] === Unicode.MAX_RUNE) i.op = Inst.RUNE_ANY_NOT_NL;
		return f;
	}
	lookBehind(a, parsedLb) {
		const lb = Math.sign(parsedLb) * (Math.abs(parsedLb) + this.lbOffset);
		const id = this.newInst(Inst.LB_WRITE);
		this.prog.getInst(id.i).arg = lb;
		const any = this.rune(ANY_RUNE, 0);
		const dotStar = this.star(any, true);
		const lbAutomaton = this.cat(dotStar, a);
		this.prog.patch(lbAutomaton.out, id.i);
		const checkId = this.newInst(Inst.LB_CHECK);
		this.prog.getInst(checkId.i).arg = lb;
		this.prog.lbStarts.push(lbAutomaton.i);
		if (Math.abs(lb) > this.prog.numLb) this.prog.numLb = Math.abs(lb);
		checkId.out = new PatchList(checkId.i << 1, checkId.i << 1);
		return checkId;
	}
	compile(re) {
		return RegexpWalker.walk(re, this.walker);
	}
	leaf(re) {
		switch (re.op) {
			case Regexp.Op.NO_MATCH: return this.fail();
			case Regexp.Op.EMPTY_MATCH: return this.nop();
			case Regexp.Op.LITERAL: {
				if (re.runes.length === 0) return this.nop();
				let f = null;
				for (let r of re.runes) {
					let singleRune = this.runeCache.get(r);
					if (singleRune === void 0) {
						singleRune = new Int32Array([r]);
						this.runeCache.set(r, singleRune);
					}
					const f1 = this.rune(singleRune, re.flags);
					f = f === null ? f1 : this.cat(f, f1);
				}
				return f;
			}
			case Regexp.Op.CHAR_CLASS: return this.rune(re.runes, re.flags);
			case Regexp.Op.ANY_CHAR_NOT_NL: return this.rune(ANY_RUNE_NOT_NL, 0);
			case Regexp.Op.ANY_CHAR: return this.rune(ANY_RUNE, 0);
			case Regexp.Op.BEGIN_LINE: return this.empty(Utils.EMPTY_BEGIN_LINE);
			case Regexp.Op.END_LINE: return this.empty(Utils.EMPTY_END_LINE);
			case Regexp.Op.BEGIN_TEXT: return this.empty(Utils.EMPTY_BEGIN_TEXT);
			case Regexp.Op.END_TEXT: return this.empty(Utils.EMPTY_END_TEXT);
			case Regexp.Op.WORD_BOUNDARY: return this.empty(Utils.EMPTY_WORD_BOUNDARY);
			case Regexp.Op.NO_WORD_BOUNDARY: return this.empty(Utils.EMPTY_NO_WORD_BOUNDARY);
			case Regexp.Op.CONCAT:
			case Regexp.Op.ALTERNATE: return this.nop();
			default: throw new RE2JSCompileException("regexp: unhandled case in compile");
		}
	}
	enter(re) {
		switch (re.op) {
			case Regexp.Op.PLB:
			case Regexp.Op.NLB:
			case Regexp.Op.STAR:
			case Regexp.Op.PLUS:
			case Regexp.Op.QUEST: return { sub: null };
			case Regexp.Op.CAPTURE: return {
				bra: this.cap(re.cap << 1),
				sub: null
			};
			case Regexp.Op.CONCAT:
			case Regexp.Op.ALTERNATE: return { f: null };
			default: throw new RE2JSCompileException("regexp: unhandled case in compile");
		}
	}
	child(re, state, f1) {
		if (re.op === Regexp.Op.CONCAT) state.f = state.f === null ? f1 : this.cat(state.f, f1);
		else if (re.op === Regexp.Op.ALTERNATE) state.f = state.f === null ? f1 : this.alt(state.f, f1);
		else state.sub = f1;
	}
	leave(re, state) {
		switch (re.op) {
			case Regexp.Op.PLB:
			case Regexp.Op.NLB: return this.lookBehind(state.sub, re.lb);
			case Regexp.Op.CAPTURE: {
				const ket = this.cap(re.cap << 1 | 1);
				return this.cat(this.cat(state.bra, state.sub), ket);
			}
			case Regexp.Op.STAR: return this.star(state.sub, (re.flags & RE2Flags.NON_GREEDY) !== 0);
			case Regexp.Op.PLUS: return this.plus(state.sub, (re.flags & RE2Flags.NON_GREEDY) !== 0);
			case Regexp.Op.QUEST: return this.quest(state.sub, (re.flags & RE2Flags.NON_GREEDY) !== 0);
			case Regexp.Op.CONCAT:
			case Regexp.Op.ALTERNATE: return state.f;
			default: throw new RE2JSCompileException("regexp: unhandled case in compile");
		}
	}
};
// src/Simplify.js
var Simplify = class Simplify {
	static simplify(re) {
		if (re === null) return null;
		return RegexpWalker.walk(re, Simplify.WALKER);
	}
	static WALKER = {
		leaf: (re) => Simplify.leaf(re),
		enter: (re) => Simplify.enter(re),
		child: (re, state, result, i) => Simplify.child(re, state, result, i),
		leave: (re, state) => Simplify.leave(re, state)
	};
	static leaf(re) {
		if (re.op === Regexp.Op.CHAR_CLASS) {
			if (re.runes === null) return re;
			if (re.runes.length === 0) return new Regexp(Regexp.Op.NO_MATCH);
			if (re.runes.length === 2 && re.runes[0] === 0 && re.runes[1] === Unicode.MAX_RUNE) return new Regexp(Regexp.Op.ANY_CHAR);
			if (re.runes.length === 4 && re.runes[0] === 0 && re.runes[1] === Codepoint.CODES["\n"] - 1 && re.runes[2] === Codepoint.CODES["\n"] + 1 && re.runes[3] === Unicode.MAX_RUNE) return new Regexp(Regexp.Op.ANY_CHAR_NOT_NL);
		}
		return re;
	}
	static enter(re) {
		switch (re.op) {
			case Regexp.Op.PLB:
			case Regexp.Op.NLB:
			case Regexp.Op.CAPTURE:
			case Regexp.Op.STAR:
			case Regexp.Op.PLUS:
			case Regexp.Op.QUEST: return { sub: null };
			case Regexp.Op.CONCAT:
			case Regexp.Op.ALTERNATE: return {
				subs: [],
				changed: false
			};
			case Regexp.Op.REPEAT:
				if (re.min === 0 && re.max === 0) return { result: new Regexp(Regexp.Op.EMPTY_MATCH) };
				return { sub: null };
			default: return { result: re };
		}
	}
	static child(re, state, nsub, i) {
		if (state.subs === void 0) {
			state.sub = nsub;
			return;
		}
		if (nsub !== re.subs[i]) state.changed = true;
		if (re.op === Regexp.Op.CONCAT) {
			if (nsub.op === Regexp.Op.NO_MATCH) {
				state.result = new Regexp(Regexp.Op.NO_MATCH);
				return;
			}
			if (nsub.op === Regexp.Op.EMPTY_MATCH) {
				state.changed = true;
				return;
			}
			if (nsub.op === Regexp.Op.CONCAT) {
				state.changed = true;
				for (let j = 0; j < nsub.subs.length; j++) state.subs.push(nsub.subs[j]);
				return;
			}
		} else {
			if (nsub.op === Regexp.Op.NO_MATCH) {
				state.changed = true;
				return;
			}
			if (nsub.op === Regexp.Op.ALTERNATE) {
				state.changed = true;
				for (let j = 0; j < nsub.subs.length; j++) state.subs.push(nsub.subs[j]);
				return;
			}
		}
		state.subs.push(nsub);
	}
	static leave(re, state) {
		switch (re.op) {
			case Regexp.Op.PLB:
			case Regexp.Op.NLB:
			case Regexp.Op.CAPTURE: {
				const sub = state.sub;
				if (sub !== re.subs[0]) {
					const nre = Regexp.fromRegexp(re);
					nre.runes = /* @__PURE__ */ new Int32Array(0);
					nre.subs = [sub];
					return nre;
				}
				return re;
			}
			case Regexp.Op.CONCAT:
			case Regexp.Op.ALTERNATE:
				if (state.changed) {
					const newSubs = state.subs;
					if (newSubs.length === 0) return new Regexp(re.op === Regexp.Op.CONCAT ? Regexp.Op.EMPTY_MATCH : Regexp.Op.NO_MATCH);
					if (newSubs.length === 1) return newSubs[0];
					const nre = Regexp.fromRegexp(re);
					nre.runes = /* @__PURE__ */ new Int32Array(0);
					nre.subs = newSubs;
					return nre;
				}
				return re;
			case Regexp.Op.STAR:
			case Regexp.Op.PLUS:
			case Regexp.Op.QUEST: return Simplify.simplify1(re.op, re.flags, state.sub, re);
			case Regexp.Op.REPEAT: return Simplify.simplifyRepeat(re, state.sub);
			default: return re;
		}
	}
	static simplifyRepeat(re, sub) {
		if (re.max === -1) {
			if (re.min === 0) return Simplify.simplify1(Regexp.Op.STAR, re.flags, sub, null);
			if (re.min === 1) return Simplify.simplify1(Regexp.Op.PLUS, re.flags, sub, null);
			const subs = [];
			for (let i = 0; i < re.min - 1; i++) subs.push(sub);
			subs.push(Simplify.simplify1(Regexp.Op.PLUS, re.flags, sub, null));
			return Simplify.concat(subs);
		}
		if (re.min === 1 && re.max === 1) return sub;
		let prefixSubs = null;
		if (re.min > 0) {
			prefixSubs = [];
			for (let i = 0; i < re.min; i++) prefixSubs.push(sub);
		}
		if (re.max > re.min) {
			let suffix = Simplify.simplify1(Regexp.Op.QUEST, re.flags, sub, null);
			for (let i = re.min + 1; i < re.max; i++) suffix = Simplify.simplify1(Regexp.Op.QUEST, re.flags, Simplify.concat([sub, suffix]), null);
			if (prefixSubs === null) return suffix;
			prefixSubs.push(suffix);
		}
		if (prefixSubs !== null) return Simplify.concat(prefixSubs);
		return new Regexp(Regexp.Op.NO_MATCH);
	}
	static concat(subs) {
		const newSubs = [];
		for (let i = 0; i < subs.length; i++) {
			const sub = subs[i];
			if (sub.op === Regexp.Op.NO_MATCH) return new Regexp(Regexp.Op.NO_MATCH);
			if (sub.op === Regexp.Op.EMPTY_MATCH) continue;
			if (sub.op === Regexp.Op.CONCAT) {
				for (let j = 0; j < sub.subs.length; j++) newSubs.push(sub.subs[j]);
				continue;
			}
			newSubs.push(sub);
		}
		if (newSubs.length === 0) return new Regexp(Regexp.Op.EMPTY_MATCH);
		if (newSubs.length === 1) return newSubs[0];
		const nre = new Regexp(Regexp.Op.CONCAT);
		nre.subs = newSubs;
		return nre;
	}
	static simplify1(op, flags, sub, re) {
		if (sub.op === Regexp.Op.EMPTY_MATCH) return sub;
		if (sub.op === Regexp.Op.NO_MATCH) {
			if (op === Regexp.Op.PLUS) return sub;
			return new Regexp(Regexp.Op.EMPTY_MATCH);
		}
		if (op === sub.op && (flags & RE2Flags.NON_GREEDY) === (sub.flags & RE2Flags.NON_GREEDY)) return sub;
		if (re !== null && re.op === op && (re.flags & RE2Flags.NON_GREEDY) === (flags & RE2Flags.NON_GREEDY) && sub === re.subs[0]) return re;
		const nre = new Regexp(op);
		nre.flags = flags;
		nre.subs = [sub];
		return nre;
	}
};
// src/CharGroup.js
var CharGroup = class {
	constructor(sign, cls) {
		this.sign = sign;
		this.cls = cls;
	}
};
const code1 = [48, 57];
const code2 = [
	9,
	10,
	12,
	13,
	32,
	32
];
const code3 = [
	48,
	57,
	65,
	90,
	95,
	95,
	97,
	122
];
const PERL_GROUPS = /* @__PURE__ */ new Map([
	["\\d", new CharGroup(1, code1)],
	["\\D", new CharGroup(-1, code1)],
	["\\s", new CharGroup(1, code2)],
	["\\S", new CharGroup(-1, code2)],
	["\\w", new CharGroup(1, code3)],
	["\\W", new CharGroup(-1, code3)]
]);
const code4 = [
	48,
	57,
	65,
	90,
	97,
	122
];
const code5 = [
	65,
	90,
	97,
	122
];
const code6 = [0, 127];
const code7 = [
	9,
	9,
	32,
	32
];
const code8 = [
	0,
	31,
	127,
	127
];
const code9 = [48, 57];
const code10 = [33, 126];
const code11 = [97, 122];
const code12 = [32, 126];
const code13 = [
	33,
	47,
	58,
	64,
	91,
	96,
	123,
	126
];
const code14 = [
	9,
	13,
	32,
	32
];
const code15 = [65, 90];
const code16 = [
	48,
	57,
	65,
	90,
	95,
	95,
	97,
	122
];
const code17 = [
	48,
	57,
	65,
	70,
	97,
	102
];
const POSIX_GROUPS = /* @__PURE__ */ new Map([
	["[:alnum:]", new CharGroup(1, code4)],
	["[:^alnum:]", new CharGroup(-1, code4)],
	["[:alpha:]", new CharGroup(1, code5)],
	["[:^alpha:]", new CharGroup(-1, code5)],
	["[:ascii:]", new CharGroup(1, code6)],
	["[:^ascii:]", new CharGroup(-1, code6)],
	["[:blank:]", new CharGroup(1, code7)],
	["[:^blank:]", new CharGroup(-1, code7)],
	["[:cntrl:]", new CharGroup(1, code8)],
	["[:^cntrl:]", new CharGroup(-1, code8)],
	["[:digit:]", new CharGroup(1, code9)],
	["[:^digit:]", new CharGroup(-1, code9)],
	["[:graph:]", new CharGroup(1, code10)],
	["[:^graph:]", new CharGroup(-1, code10)],
	["[:lower:]", new CharGroup(1, code11)],
	["[:^lower:]", new CharGroup(-1, code11)],
	["[:print:]", new CharGroup(1, code12)],
	["[:^print:]", new CharGroup(-1, code12)],
	["[:punct:]", new CharGroup(1, code13)],
	["[:^punct:]", new CharGroup(-1, code13)],
	["[:space:]", new CharGroup(1, code14)],
	["[:^space:]", new CharGroup(-1, code14)],
	["[:upper:]", new CharGroup(1, code15)],
	["[:^upper:]", new CharGroup(-1, code15)],
	["[:word:]", new CharGroup(1, code16)],
	["[:^word:]", new CharGroup(-1, code16)],
	["[:xdigit:]", new CharGroup(1, code17)],
	["[:^xdigit:]", new CharGroup(-1, code17)]
]);
// src/CharClass.js
/**
* A "builder"-style helper class for manipulating character classes represented as an array of
* pairs of runes [lo, hi], each denoting an inclusive interval.
*
* All methods mutate the internal state and return {@code this}, allowing operations to be chained.
*/
var CharClass = class CharClass {
	static charClassToString(r, len) {
		let result = "[";
		for (let i = 0; i < len; i += 2) {
			if (i > 0) result += " ";
			const lo = r[i];
			const hi = r[i + 1];
			if (lo === hi) result += `0x${lo.toString(16)}`;
			else result += `0x${lo.toString(16)}-0x${hi.toString(16)}`;
		}
		result += "]";
		return result;
	}
	static sortRanges(array, len) {
		const n = len >> 1;
		const order = new Array(n);
		for (let i = 0; i < n; i++) order[i] = i;
		order.sort((a, b) => array[2 * a] - array[2 * b] || array[2 * b + 1] - array[2 * a + 1]);
		const sorted = array.slice(0, len);
		for (let i = 0; i < n; i++) {
			array[2 * i] = sorted[2 * order[i]];
			array[2 * i + 1] = sorted[2 * order[i] + 1];
		}
	}
	/**
	* @param {number[]|Int32Array} [r]
	*/
	constructor(r = Utils.emptyInts()) {
		/** @type {number[]|Int32Array} */
		this.r = r;
		this.len = r.length;
	}
	toArray() {
		if (this.r instanceof Int32Array) return this.len === this.r.length ? this.r : this.r.subarray(0, this.len);
		return new Int32Array(this.len === this.r.length ? this.r : this.r.slice(0, this.len));
	}
	toGrowableArray() {
		if (Array.isArray(this.r)) {
			this.r.length = this.len;
			return this.r;
		}
		return Array.from(this.r.subarray(0, this.len));
	}
	cleanClass() {
		if (this.len < 4) return this;
		CharClass.sortRanges(this.r, this.len);
		let w = 2;
		for (let i = 2; i < this.len; i += 2) {
			const lo = this.r[i];
			const hi = this.r[i + 1];
			if (lo <= this.r[w - 1] + 1) {
				if (hi > this.r[w - 1]) this.r[w - 1] = hi;
				continue;
			}
			this.r[w] = lo;
			this.r[w + 1] = hi;
			w += 2;
		}
		this.len = w;
		return this;
	}
	appendLiteral(x, flags) {
		return (flags & RE2Flags.FOLD_CASE) !== 0 ? this.appendFoldedRange(x, x) : this.appendRange(x, x);
	}
	appendRange(lo, hi) {
		if (this.len > 0) {
			for (let i = 2; i <= 4; i += 2) if (this.len >= i) {
				const rlo = this.r[this.len - i];
				const rhi = this.r[this.len - i + 1];
				if (lo <= rhi + 1 && rlo <= hi + 1) {
					if (lo < rlo) this.r[this.len - i] = lo;
					if (hi > rhi) this.r[this.len - i + 1] = hi;
					return this;
				}
			}
		}
		this.r[this.len++] = lo;
		this.r[this.len++] = hi;
		return this;
	}
	appendFoldedRange(lo, hi) {
		if (lo <= Unicode.MIN_FOLD && hi >= Unicode.MAX_FOLD) return this.appendRange(lo, hi);
		if (hi < Unicode.MIN_FOLD || lo > Unicode.MAX_FOLD) return this.appendRange(lo, hi);
		if (lo < Unicode.MIN_FOLD) {
			this.appendRange(lo, Unicode.MIN_FOLD - 1);
			lo = Unicode.MIN_FOLD;
		}
		if (hi > Unicode.MAX_FOLD) {
			this.appendRange(Unicode.MAX_FOLD + 1, hi);
			hi = Unicode.MAX_FOLD;
		}
		for (let c = lo; c <= hi; c++) {
			this.appendRange(c, c);
			for (let f = Unicode.simpleFold(c); f !== c; f = Unicode.simpleFold(f)) this.appendRange(f, f);
		}
		return this;
	}
	appendClass(x) {
		for (let i = 0; i < x.length; i += 2) this.appendRange(x[i], x[i + 1]);
		return this;
	}
	appendFoldedClass(x) {
		for (let i = 0; i < x.length; i += 2) this.appendFoldedRange(x[i], x[i + 1]);
		return this;
	}
	appendNegatedClass(x) {
		let nextLo = 0;
		for (let i = 0; i < x.length; i += 2) {
			const lo = x[i];
			const hi = x[i + 1];
			if (nextLo <= lo - 1) this.appendRange(nextLo, lo - 1);
			nextLo = hi + 1;
		}
		if (nextLo <= Unicode.MAX_RUNE) this.appendRange(nextLo, Unicode.MAX_RUNE);
		return this;
	}
	appendTable(table) {
		for (let i = 0; i < table.length; ++i) {
			const lo = table.getLo(i);
			const hi = table.getHi(i);
			const stride = table.getStride(i);
			if (stride === 1) {
				this.appendRange(lo, hi);
				continue;
			}
			for (let c = lo; c <= hi; c += stride) this.appendRange(c, c);
		}
		return this;
	}
	appendNegatedTable(table) {
		let nextLo = 0;
		for (let i = 0; i < table.length; ++i) {
			const lo = table.getLo(i);
			const hi = table.getHi(i);
			const stride = table.getStride(i);
			if (stride === 1) {
				if (nextLo <= lo - 1) this.appendRange(nextLo, lo - 1);
				nextLo = hi + 1;
				continue;
			}
			for (let c = lo; c <= hi; c += stride) {
				if (nextLo <= c - 1) this.appendRange(nextLo, c - 1);
				nextLo = c + 1;
			}
		}
		if (nextLo <= Unicode.MAX_RUNE) this.appendRange(nextLo, Unicode.MAX_RUNE);
		return this;
	}
	appendTableWithSign(table, sign) {
		return sign < 0 ? this.appendNegatedTable(table) : this.appendTable(table);
	}
	negateClass() {
		let nextLo = 0;
		let w = 0;
		for (let i = 0; i < this.len; i += 2) {
			const lo = this.r[i];
			const hi = this.r[i + 1];
			if (nextLo <= lo - 1) {
				this.r[w] = nextLo;
				this.r[w + 1] = lo - 1;
				w += 2;
			}
			nextLo = hi + 1;
		}
		this.len = w;
		if (nextLo <= Unicode.MAX_RUNE) {
			this.r[this.len++] = nextLo;
			this.r[this.len++] = Unicode.MAX_RUNE;
		}
		return this;
	}
	appendClassWithSign(x, sign) {
		return sign < 0 ? this.appendNegatedClass(x) : this.appendClass(x);
	}
	appendGroup(g, foldCase) {
		let cls = g.cls;
		if (foldCase) cls = new CharClass().appendFoldedClass(cls).cleanClass().toArray();
		return this.appendClassWithSign(cls, g.sign);
	}
	toString() {
		return CharClass.charClassToString(this.r, this.len);
	}
};
// src/Parser.js
var StringIterator = class {
	constructor(str) {
		this.str = str;
		this.position = 0;
	}
	pos() {
		return this.position;
	}
	rewindTo(pos) {
		this.position = pos;
	}
	more() {
		return this.position < this.str.length;
	}
	peek() {
		return this.str.codePointAt(this.position);
	}
	skip(n) {
		this.position += n;
	}
	skipString(s) {
		this.position += s.length;
	}
	pop() {
		const r = this.str.codePointAt(this.position);
		this.position += Utils.charCount(r);
		return r;
	}
	lookingAt(s) {
		return this.str.startsWith(s, this.position);
	}
	rest() {
		return this.str.substring(this.position);
	}
	from(beforePos) {
		return this.str.substring(beforePos, this.position);
	}
	toString() {
		return this.rest();
	}
};
/**
* A parser of regular expression patterns.
*
* The only public entry point is {@link #parse(String pattern, int flags)}.
*/
var Parser = class Parser {
	static ERR_INTERNAL_ERROR = "regexp/syntax: internal error";
	static ERR_INVALID_CHAR_RANGE = "invalid character class range";
	static ERR_INVALID_ESCAPE = "invalid escape sequence";
	static ERR_INVALID_NAMED_CAPTURE = "invalid named capture";
	static ERR_INVALID_PERL_OP = "invalid or unsupported Perl syntax";
	static ERR_INVALID_REPEAT_OP = "invalid nested repetition operator";
	static ERR_INVALID_REPEAT_SIZE = "invalid repeat count";
	static ERR_MISSING_BRACKET = "missing closing ]";
	static ERR_MISSING_PAREN = "missing closing )";
	static ERR_MISSING_REPEAT_ARGUMENT = "missing argument to repetition operator";
	static ERR_TRAILING_BACKSLASH = "trailing backslash at end of expression";
	static ERR_DUPLICATE_NAMED_CAPTURE = "duplicate capture group name";
	static ERR_UNEXPECTED_PAREN = "unexpected )";
	static ERR_NESTING_DEPTH = "expression nests too deeply";
	static ERR_LARGE = "expression too large";
	static ERR_INVALID_CAPTURE_IN_LOOKBEHIND = "invalid capture in lookbehind";
	static MAX_HEIGHT = 1e3;
	static MAX_SIZE = 1398101;
	static MAX_RUNES = 33554432;
	static ANY_TABLE = new UnicodeRangeTable(new Uint32Array([
		0,
		Unicode.MAX_RUNE,
		1
	]));
	static ASCII_TABLE = new UnicodeRangeTable(new Uint32Array([
		0,
		127,
		1
	]));
	static ASCII_FOLD_TABLE = new UnicodeRangeTable(new Uint32Array([
		0,
		127,
		1,
		383,
		383,
		1,
		8490,
		8490,
		1
	]));
	static unicodeTable(name) {
		if (name === "Any") return {
			tab: Parser.ANY_TABLE,
			fold: Parser.ANY_TABLE,
			sign: 1
		};
		if (name === "Ascii") return {
			tab: Parser.ASCII_TABLE,
			fold: Parser.ASCII_FOLD_TABLE,
			sign: 1
		};
		if (name === "Assigned") return {
			tab: UnicodeTables.CATEGORIES.get("Cn"),
			fold: UnicodeTables.CATEGORIES.get("Cn"),
			sign: -1
		};
		if (name === "Lc") return {
			tab: UnicodeTables.CATEGORIES.get("LC"),
			fold: UnicodeTables.FOLD_CATEGORIES.get("LC"),
			sign: 1
		};
		if (UnicodeTables.CATEGORIES.has(name)) return {
			tab: UnicodeTables.CATEGORIES.get(name),
			fold: UnicodeTables.FOLD_CATEGORIES.get(name),
			sign: 1
		};
		if (UnicodeTables.SCRIPTS.has(name)) return {
			tab: UnicodeTables.SCRIPTS.get(name),
			fold: UnicodeTables.FOLD_SCRIPT.get(name),
			sign: 1
		};
		return null;
	}
	static minFoldRune(r) {
		if (r < Unicode.MIN_FOLD || r > Unicode.MAX_FOLD) return r;
		let min = r;
		const r0 = r;
		for (r = Unicode.simpleFold(r); r !== r0; r = Unicode.simpleFold(r)) if (min > r) min = r;
		return min;
	}
	static leadingRegexp(re) {
		if (re.op === Regexp.Op.EMPTY_MATCH) return null;
		if (re.op === Regexp.Op.CONCAT && re.subs.length > 0) {
			const sub = re.subs[0];
			if (sub.op === Regexp.Op.EMPTY_MATCH) return null;
			return sub;
		}
		return re;
	}
	static literalRegexp(s, flags) {
		const re = new Regexp(Regexp.Op.LITERAL);
		re.flags = flags;
		re.runes = Utils.stringToRunes(s);
		return re;
	}
	/**
	* Parse regular expression pattern {@code pattern} with mode flags {@code flags}.
	* @param {string} pattern
	* @param {number} flags
	*/
	static parse(pattern, flags) {
		return new Parser(pattern, flags).parseInternal();
	}
	static parseRepeat(t) {
		const start = t.pos();
		if (!t.more() || !t.lookingAt("{")) return -1;
		t.skip(1);
		const min = Parser.parseInt(t);
		if (min === -1) return -1;
		if (!t.more()) return -1;
		let max;
		if (!t.lookingAt(",")) max = min;
		else {
			t.skip(1);
			if (!t.more()) return -1;
			if (t.lookingAt("}")) max = -1;
			else if ((max = Parser.parseInt(t)) === -1) return -1;
		}
		if (!t.more() || !t.lookingAt("}")) return -1;
		t.skip(1);
		if (min < 0 || min > 1e3 || max === -2 || max > 1e3 || max >= 0 && min > max) throw new RE2JSSyntaxException(Parser.ERR_INVALID_REPEAT_SIZE, t.from(start));
		return min << 16 | max & Unicode.MAX_BMP;
	}
	static isValidCaptureName(name) {
		if (name.length === 0) return false;
		for (let i = 0; i < name.length; i++) {
			const c = name.codePointAt(i);
			if (c !== Codepoint.CODES["_"] && !Utils.isalnum(c)) return false;
		}
		return true;
	}
	static parseInt(t) {
		const start = t.pos();
		while (t.more() && t.peek() >= Codepoint.CODES["0"] && t.peek() <= Codepoint.CODES["9"]) t.skip(1);
		const n = t.from(start);
		if (n.length === 0 || n.length > 1 && n.codePointAt(0) === Codepoint.CODES["0"]) return -1;
		if (n.length > 8) return -2;
		return parseInt(n, 10);
	}
	static isCharClass(re) {
		return re.op === Regexp.Op.LITERAL && re.runes.length === 1 || re.op === Regexp.Op.CHAR_CLASS || re.op === Regexp.Op.ANY_CHAR_NOT_NL || re.op === Regexp.Op.ANY_CHAR;
	}
	static matchRune(re, r) {
		switch (re.op) {
			case Regexp.Op.LITERAL: return re.runes.length === 1 && re.runes[0] === r;
			case Regexp.Op.CHAR_CLASS:
				for (let i = 0; i < re.runes.length; i += 2) if (re.runes[i] <= r && r <= re.runes[i + 1]) return true;
				return false;
			case Regexp.Op.ANY_CHAR_NOT_NL: return r !== Codepoint.CODES["\n"];
			case Regexp.Op.ANY_CHAR: return true;
		}
		return false;
	}
	static mergeCharClass(dst, src) {
		switch (dst.op) {
			case Regexp.Op.ANY_CHAR: break;
			case Regexp.Op.ANY_CHAR_NOT_NL:
				if (Parser.matchRune(src, Codepoint.CODES["\n"])) dst.op = Regexp.Op.ANY_CHAR;
				break;
			case Regexp.Op.CHAR_CLASS: {
				const cc = new CharClass(Array.isArray(dst.runes) ? dst.runes : Array.from(dst.runes));
				if (src.op === Regexp.Op.LITERAL) cc.appendLiteral(src.runes[0], src.flags);
				else cc.appendClass(src.runes);
				dst.runes = cc.toGrowableArray();
				break;
			}
			case Regexp.Op.LITERAL:
				if (src.runes[0] === dst.runes[0] && src.flags === dst.flags) break;
				dst.op = Regexp.Op.CHAR_CLASS;
				dst.runes = new CharClass().appendLiteral(dst.runes[0], dst.flags).appendLiteral(src.runes[0], src.flags).toGrowableArray();
		}
	}
	static parseEscape(t) {
		const startPos = t.pos();
		t.skip(1);
		if (!t.more()) throw new RE2JSSyntaxException(Parser.ERR_TRAILING_BACKSLASH);
		let c = t.pop();
		bigswitch: switch (c) {
			case Codepoint.CODES["1"]:
			case Codepoint.CODES["2"]:
			case Codepoint.CODES["3"]:
			case Codepoint.CODES["4"]:
			case Codepoint.CODES["5"]:
			case Codepoint.CODES["6"]:
			case Codepoint.CODES["7"]: if (!t.more() || t.peek() < Codepoint.CODES["0"] || t.peek() > Codepoint.CODES["7"]) break;
			case Codepoint.CODES["0"]: {
				let r = c - Codepoint.CODES["0"];
				for (let i = 1; i < 3; i++) {
					if (!t.more() || t.peek() < Codepoint.CODES["0"] || t.peek() > Codepoint.CODES["7"]) break;
					r = r * 8 + t.peek() - Codepoint.CODES["0"];
					t.skip(1);
				}
				return r;
			}
			case Codepoint.CODES["x"]: {
				if (!t.more()) break;
				c = t.pop();
				if (c === Codepoint.CODES["{"]) {
					let nhex = 0;
					let r = 0;
					while (true) {
						if (!t.more()) break bigswitch;
						c = t.pop();
						if (c === Codepoint.CODES["}"]) break;
						const v = Utils.unhex(c);
						if (v < 0) break bigswitch;
						r = r * 16 + v;
						if (r > Unicode.MAX_RUNE) break bigswitch;
						nhex++;
					}
					if (nhex === 0) break bigswitch;
					return r;
				}
				const x = Utils.unhex(c);
				if (!t.more()) break;
				c = t.pop();
				const y = Utils.unhex(c);
				if (x < 0 || y < 0) break;
				return x * 16 + y;
			}
			case Codepoint.CODES["a"]: return Codepoint.CODES["\x07"];
			case Codepoint.CODES["f"]: return Codepoint.CODES["\f"];
			case Codepoint.CODES["n"]: return Codepoint.CODES["\n"];
			case Codepoint.CODES["r"]: return Codepoint.CODES["\r"];
			case Codepoint.CODES["t"]: return Codepoint.CODES["	"];
			case Codepoint.CODES["v"]: return Codepoint.CODES["\v"];
			default: if (c <= Unicode.MAX_ASCII && !Utils.isalnum(c)) return c;
		}
		throw new RE2JSSyntaxException(Parser.ERR_INVALID_ESCAPE, t.from(startPos));
	}
	static parseClassChar(t, wholeClassPos) {
		if (!t.more()) throw new RE2JSSyntaxException(Parser.ERR_MISSING_BRACKET, t.from(wholeClassPos));
		if (t.lookingAt("\\")) return Parser.parseEscape(t);
		return t.pop();
	}
	static hasCapture(re) {
		if (re === null) return false;
		if (re.op === Regexp.Op.CAPTURE) return true;
		if (re.subs) {
			for (let sub of re.subs) if (Parser.hasCapture(sub)) return true;
		}
		return false;
	}
	constructor(wholeRegexp, flags = 0) {
		this.wholeRegexp = wholeRegexp;
		this.flags = flags;
		this.numCap = 0;
		this.namedGroups = Object.create(null);
		this.stack = [];
		this.free = null;
		this.numRegexp = 0;
		this.numRunes = 0;
		this.repeats = 0;
		this.height = null;
		this.size = null;
		this.nlb = 0;
	}
	newRegexp(op) {
		let re = this.free;
		if (re !== null && re.subs !== null && re.subs.length > 0) {
			this.free = re.subs[0];
			re.reinit();
			re.op = op;
		} else {
			re = new Regexp(op);
			this.numRegexp += 1;
		}
		return re;
	}
	reuse(re) {
		if (this.height !== null && this.height.has(re)) this.height.delete(re);
		if (re.subs !== null && re.subs.length > 0) re.subs[0] = this.free;
		this.free = re;
	}
	checkLimits(re) {
		if (this.numRunes > Parser.MAX_RUNES) throw new RE2JSSyntaxException(Parser.ERR_LARGE);
		this.checkSize(re);
		this.checkHeight(re);
	}
	checkSize(re) {
		if (this.size === null) {
			if (this.repeats === 0) this.repeats = 1;
			if (re.op === Regexp.Op.REPEAT) {
				let n = re.max;
				if (n === -1) n = re.min;
				if (n <= 0) n = 1;
				if (n > Math.floor(Parser.MAX_SIZE / this.repeats)) this.repeats = Parser.MAX_SIZE;
				else this.repeats *= n;
			}
			if (this.numRegexp < Math.floor(Parser.MAX_SIZE / this.repeats)) return;
			this.size = /* @__PURE__ */ new Map();
			for (let reEx of this.stack) this.checkSize(reEx);
		}
		if (this.calcSize(re, true) > Parser.MAX_SIZE) throw new RE2JSSyntaxException(Parser.ERR_LARGE);
	}
	calcSize(re, force = false) {
		if (!force && this.size !== null) {
			if (this.size.has(re)) return this.size.get(re);
		}
		let size = 0;
		switch (re.op) {
			case Regexp.Op.LITERAL:
				size = re.runes.length;
				break;
			case Regexp.Op.PLB:
			case Regexp.Op.NLB:
			case Regexp.Op.CAPTURE:
			case Regexp.Op.STAR:
				size = 2 + this.calcSize(re.subs[0]);
				break;
			case Regexp.Op.PLUS:
			case Regexp.Op.QUEST:
				size = 1 + this.calcSize(re.subs[0]);
				break;
			case Regexp.Op.CONCAT:
				for (let sub of re.subs) size = size + this.calcSize(sub);
				break;
			case Regexp.Op.ALTERNATE:
				for (let sub of re.subs) size = size + this.calcSize(sub);
				if (re.subs.length > 1) size = size + re.subs.length - 1;
				break;
			case Regexp.Op.REPEAT: {
				let sub = this.calcSize(re.subs[0]);
				if (re.max === -1) {
					if (re.min === 0) size = 2 + sub;
					else size = 1 + re.min * sub;
					break;
				}
				size = re.max * sub + (re.max - re.min);
				break;
			}
		}
		size = Math.max(1, size);
		if (this.size === null) this.size = /* @__PURE__ */ new Map();
		this.size.set(re, size);
		return size;
	}
	checkHeight(re) {
		if (this.numRegexp < Parser.MAX_HEIGHT) return;
		if (this.height === null) {
			this.height = /* @__PURE__ */ new Map();
			for (let reEx of this.stack) this.checkHeight(reEx);
		}
		if (this.calcHeight(re, true) > Parser.MAX_HEIGHT) throw new RE2JSSyntaxException(Parser.ERR_NESTING_DEPTH);
	}
	calcHeight(re, force = false) {
		if (!force && this.height !== null) {
			if (this.height.has(re)) return this.height.get(re);
		}
		let h = 1;
		for (let sub of re.subs) {
			const hsub = this.calcHeight(sub);
			if (h < 1 + hsub) h = 1 + hsub;
		}
		if (this.height === null) this.height = /* @__PURE__ */ new Map();
		this.height.set(re, h);
		return h;
	}
	pop() {
		return this.stack.pop();
	}
	popToPseudo() {
		const n = this.stack.length;
		let i = n;
		while (i > 0 && !Regexp.isPseudoOp(this.stack[i - 1].op)) i--;
		return this.stack.splice(i, n - i);
	}
	push(re) {
		this.numRunes += re.runes.length;
		if (re.op === Regexp.Op.CHAR_CLASS && re.runes.length === 2 && re.runes[0] === re.runes[1]) {
			if (this.maybeConcat(re.runes[0], this.flags & ~RE2Flags.FOLD_CASE)) return null;
			re.op = Regexp.Op.LITERAL;
			re.runes = [re.runes[0]];
			re.flags = this.flags & ~RE2Flags.FOLD_CASE;
		} else if (re.op === Regexp.Op.CHAR_CLASS && re.runes.length === 4 && re.runes[0] === re.runes[1] && re.runes[2] === re.runes[3] && Unicode.simpleFold(re.runes[0]) === re.runes[2] && Unicode.simpleFold(re.runes[2]) === re.runes[0] || re.op === Regexp.Op.CHAR_CLASS && re.runes.length === 2 && re.runes[0] + 1 === re.runes[1] && Unicode.simpleFold(re.runes[0]) === re.runes[1] && Unicode.simpleFold(re.runes[1]) === re.runes[0]) {
			if (this.maybeConcat(re.runes[0], this.flags | RE2Flags.FOLD_CASE)) return null;
			re.op = Regexp.Op.LITERAL;
			re.runes = [re.runes[0]];
			re.flags = this.flags | RE2Flags.FOLD_CASE;
		} else this.maybeConcat(-1, 0);
		this.stack.push(re);
		this.checkLimits(re);
		return re;
	}
	maybeConcat(r, flags) {
		const n = this.stack.length;
		if (n < 2) return false;
		const re1 = this.stack[n - 1];
		const re2 = this.stack[n - 2];
		if (re1.op !== Regexp.Op.LITERAL || re2.op !== Regexp.Op.LITERAL || (re1.flags & RE2Flags.FOLD_CASE) !== (re2.flags & RE2Flags.FOLD_CASE)) return false;
		if (!Array.isArray(re2.runes)) re2.runes = Array.from(re2.runes);
		for (let i = 0; i < re1.runes.length; i++) re2.runes.push(re1.runes[i]);
		if (r >= 0) {
			re1.runes = [r];
			re1.flags = flags;
			return true;
		}
		this.pop();
		this.reuse(re1);
		return false;
	}
	newLiteral(r, flags) {
		const re = this.newRegexp(Regexp.Op.LITERAL);
		re.flags = flags;
		if ((flags & RE2Flags.FOLD_CASE) !== 0) r = Parser.minFoldRune(r);
		re.runes = [r];
		return re;
	}
	literal(r) {
		this.push(this.newLiteral(r, this.flags));
	}
	op(op) {
		const re = this.newRegexp(op);
		re.flags = this.flags;
		return this.push(re);
	}
	repeat(op, min, max, beforePos, t, lastRepeatPos) {
		let flags = this.flags;
		if ((flags & RE2Flags.PERL_X) !== 0) {
			if (t.more() && t.lookingAt("?")) {
				t.skip(1);
				flags ^= RE2Flags.NON_GREEDY;
			}
			if (lastRepeatPos !== -1) throw new RE2JSSyntaxException(Parser.ERR_INVALID_REPEAT_OP, t.from(lastRepeatPos));
		}
		const n = this.stack.length;
		if (n === 0) throw new RE2JSSyntaxException(Parser.ERR_MISSING_REPEAT_ARGUMENT, t.from(beforePos));
		const sub = this.stack[n - 1];
		if (Regexp.isPseudoOp(sub.op)) throw new RE2JSSyntaxException(Parser.ERR_MISSING_REPEAT_ARGUMENT, t.from(beforePos));
		const re = this.newRegexp(op);
		re.min = min;
		re.max = max;
		re.flags = flags;
		re.subs = [sub];
		this.stack[n - 1] = re;
		this.checkLimits(re);
		if (op === Regexp.Op.REPEAT && (min >= 2 || max >= 2) && !this.repeatIsValid(re, 1e3)) throw new RE2JSSyntaxException(Parser.ERR_INVALID_REPEAT_SIZE, t.from(beforePos));
	}
	repeatIsValid(re, n) {
		if (re.op === Regexp.Op.REPEAT) {
			let m = re.max;
			if (m === 0) return true;
			if (m < 0) m = re.min;
			if (m > n) return false;
			if (m > 0) n = Math.trunc(n / m);
		}
		for (let sub of re.subs) if (!this.repeatIsValid(sub, n)) return false;
		return true;
	}
	concat() {
		this.maybeConcat(-1, 0);
		const subs = this.popToPseudo();
		if (subs.length === 0) return this.push(this.newRegexp(Regexp.Op.EMPTY_MATCH));
		return this.push(this.collapse(subs, Regexp.Op.CONCAT));
	}
	alternate() {
		const subs = this.popToPseudo();
		if (subs.length > 0) this.cleanAlt(subs[subs.length - 1]);
		if (subs.length === 0) return this.push(this.newRegexp(Regexp.Op.NO_MATCH));
		return this.push(this.collapse(subs, Regexp.Op.ALTERNATE));
	}
	cleanAlt(re) {
		if (re.op === Regexp.Op.CHAR_CLASS) {
			re.runes = new CharClass(Array.from(re.runes)).cleanClass().toArray();
			if (re.runes.length === 2 && re.runes[0] === 0 && re.runes[1] === Unicode.MAX_RUNE) {
				re.runes = /* @__PURE__ */ new Int32Array(0);
				re.op = Regexp.Op.ANY_CHAR;
			} else if (re.runes.length === 4 && re.runes[0] === 0 && re.runes[1] === Codepoint.CODES["\n"] - 1 && re.runes[2] === Codepoint.CODES["\n"] + 1 && re.runes[3] === Unicode.MAX_RUNE) {
				re.runes = /* @__PURE__ */ new Int32Array(0);
				re.op = Regexp.Op.ANY_CHAR_NOT_NL;
			}
		}
	}
	collapse(subs, op) {
		if (subs.length === 1) return subs[0];
		let len = 0;
		for (let sub of subs) len += sub.op === op ? sub.subs.length : 1;
		let newsubs = new Array(len).fill(null);
		let i = 0;
		for (let sub of subs) if (sub.op === op) {
			for (let j = 0; j < sub.subs.length; j++) newsubs[i++] = sub.subs[j];
			this.reuse(sub);
		} else newsubs[i++] = sub;
		let re = this.newRegexp(op);
		re.subs = newsubs;
		if (op === Regexp.Op.ALTERNATE) {
			re.subs = this.factor(re.subs);
			if (re.subs.length === 1) {
				const old = re;
				re = re.subs[0];
				this.reuse(old);
			}
		}
		return re;
	}
	factor(array) {
		if (array.length < 2) return array;
		let s = 0;
		let lensub = array.length;
		let lenout = 0;
		let str = null;
		let strlen = 0;
		let strflags = 0;
		let start = 0;
		for (let i = 0; i <= lensub; i++) {
			let istr = null;
			let istrlen = 0;
			let iflags = 0;
			if (i < lensub) {
				let re = array[s + i];
				if (re.op === Regexp.Op.CONCAT && re.subs.length > 0) re = re.subs[0];
				if (re.op === Regexp.Op.LITERAL) {
					istr = re.runes;
					istrlen = re.runes.length;
					iflags = re.flags & RE2Flags.FOLD_CASE;
				}
				if (iflags === strflags) {
					let same = 0;
					while (same < strlen && same < istrlen && str[same] === istr[same]) same++;
					if (same > 0) {
						strlen = same;
						continue;
					}
				}
			}
			if (i === start) {} else if (i === start + 1) array[lenout++] = array[s + start];
			else {
				const prefix = this.newRegexp(Regexp.Op.LITERAL);
				prefix.flags = strflags;
				prefix.runes = str.slice(0, strlen);
				for (let j = start; j < i; j++) {
					array[s + j] = this.removeLeadingString(array[s + j], strlen);
					this.checkLimits(array[s + j]);
				}
				const suffix = this.collapse(array.slice(s + start, s + i), Regexp.Op.ALTERNATE);
				const re = this.newRegexp(Regexp.Op.CONCAT);
				re.subs = [prefix, suffix];
				array[lenout++] = re;
			}
			start = i;
			str = istr;
			strlen = istrlen;
			strflags = iflags;
		}
		lensub = lenout;
		s = 0;
		start = 0;
		lenout = 0;
		let first = null;
		for (let i = 0; i <= lensub; i++) {
			let ifirst = null;
			if (i < lensub) {
				ifirst = Parser.leadingRegexp(array[s + i]);
				if (first !== null && first.equals(ifirst) && (Parser.isCharClass(first) || first.op === Regexp.Op.REPEAT && first.min === first.max && Parser.isCharClass(first.subs[0]))) continue;
			}
			if (i === start) {} else if (i === start + 1) array[lenout++] = array[s + start];
			else {
				const prefix = first;
				for (let j = start; j < i; j++) {
					const reuse = j !== start;
					array[s + j] = this.removeLeadingRegexp(array[s + j], reuse);
					this.checkLimits(array[s + j]);
				}
				const suffix = this.collapse(array.slice(s + start, s + i), Regexp.Op.ALTERNATE);
				const re = this.newRegexp(Regexp.Op.CONCAT);
				re.subs = [prefix, suffix];
				array[lenout++] = re;
			}
			start = i;
			first = ifirst;
		}
		lensub = lenout;
		s = 0;
		start = 0;
		lenout = 0;
		for (let i = 0; i <= lensub; i++) {
			if (i < lensub && Parser.isCharClass(array[s + i])) continue;
			if (i === start) {} else if (i === start + 1) array[lenout++] = array[s + start];
			else {
				let max = start;
				for (let j = start + 1; j < i; j++) {
					const subMax = array[s + max];
					const subJ = array[s + j];
					if (subMax.op < subJ.op || subMax.op === subJ.op && (subMax.runes !== null ? subMax.runes.length : 0) < (subJ.runes !== null ? subJ.runes.length : 0)) max = j;
				}
				const tmp = array[s + start];
				array[s + start] = array[s + max];
				array[s + max] = tmp;
				for (let j = start + 1; j < i; j++) {
					Parser.mergeCharClass(array[s + start], array[s + j]);
					this.reuse(array[s + j]);
				}
				this.cleanAlt(array[s + start]);
				array[lenout++] = array[s + start];
			}
			if (i < lensub) array[lenout++] = array[s + i];
			start = i + 1;
		}
		lensub = lenout;
		s = 0;
		start = 0;
		lenout = 0;
		for (let i = 0; i < lensub; ++i) {
			if (i + 1 < lensub && array[s + i].op === Regexp.Op.EMPTY_MATCH && array[s + i + 1].op === Regexp.Op.EMPTY_MATCH) continue;
			array[lenout++] = array[s + i];
		}
		lensub = lenout;
		s = 0;
		return array.slice(s, lensub);
	}
	removeLeadingString(re, n) {
		if (re.op === Regexp.Op.CONCAT && re.subs.length > 0) {
			const sub = this.removeLeadingString(re.subs[0], n);
			re.subs[0] = sub;
			if (sub.op === Regexp.Op.EMPTY_MATCH) {
				this.reuse(sub);
				switch (re.subs.length) {
					case 0:
					case 1:
						re.op = Regexp.Op.EMPTY_MATCH;
						re.subs = Regexp.emptySubs();
						break;
					case 2: {
						const old = re;
						re = re.subs[1];
						this.reuse(old);
						break;
					}
					default: re.subs = re.subs.slice(1, re.subs.length);
				}
			}
			return re;
		}
		if (re.op === Regexp.Op.LITERAL) {
			re.runes = re.runes.slice(n, re.runes.length);
			if (re.runes.length === 0) re.op = Regexp.Op.EMPTY_MATCH;
		}
		return re;
	}
	removeLeadingRegexp(re, reuse) {
		if (re.op === Regexp.Op.CONCAT && re.subs.length > 0) {
			if (reuse) this.reuse(re.subs[0]);
			re.subs = re.subs.slice(1, re.subs.length);
			switch (re.subs.length) {
				case 0:
					re.op = Regexp.Op.EMPTY_MATCH;
					re.subs = Regexp.emptySubs();
					break;
				case 1: {
					const old = re;
					re = re.subs[0];
					this.reuse(old);
					break;
				}
			}
			return re;
		}
		if (reuse) this.reuse(re);
		return this.newRegexp(Regexp.Op.EMPTY_MATCH);
	}
	parseInternal() {
		if ((this.flags & RE2Flags.LITERAL) !== 0) return Parser.literalRegexp(this.wholeRegexp, this.flags);
		let lastRepeatPos = -1;
		let min = -1;
		let max = -1;
		const t = new StringIterator(this.wholeRegexp);
		while (t.more()) {
			let repeatPos = -1;
			bigswitch: switch (t.peek()) {
				case Codepoint.CODES["("]:
					if ((this.flags & RE2Flags.LOOKBEHIND) !== 0) {
						if (t.lookingAt("(?<=")) {
							this.parsePosLookBehind();
							t.skip(4);
							break;
						}
						if (t.lookingAt("(?<!")) {
							this.parseNegLookBehind();
							t.skip(4);
							break;
						}
					}
					if ((this.flags & RE2Flags.PERL_X) !== 0 && t.lookingAt("(?")) {
						this.parsePerlFlags(t);
						break;
					}
					this.op(Regexp.Op.LEFT_PAREN).cap = ++this.numCap;
					t.skip(1);
					break;
				case Codepoint.CODES["|"]:
					this.parseVerticalBar();
					t.skip(1);
					break;
				case Codepoint.CODES[")"]:
					this.parseRightParen();
					t.skip(1);
					break;
				case Codepoint.CODES["^"]:
					if ((this.flags & RE2Flags.ONE_LINE) !== 0) this.op(Regexp.Op.BEGIN_TEXT);
					else this.op(Regexp.Op.BEGIN_LINE);
					t.skip(1);
					break;
				case Codepoint.CODES["$"]:
					if ((this.flags & RE2Flags.ONE_LINE) !== 0) this.op(Regexp.Op.END_TEXT).flags |= RE2Flags.WAS_DOLLAR;
					else this.op(Regexp.Op.END_LINE);
					t.skip(1);
					break;
				case Codepoint.CODES["."]:
					if ((this.flags & RE2Flags.DOT_NL) !== 0) this.op(Regexp.Op.ANY_CHAR);
					else this.op(Regexp.Op.ANY_CHAR_NOT_NL);
					t.skip(1);
					break;
				case Codepoint.CODES["["]:
					this.parseClass(t);
					break;
				case Codepoint.CODES["*"]:
				case Codepoint.CODES["+"]:
				case Codepoint.CODES["?"]: {
					repeatPos = t.pos();
					let op = null;
					switch (t.pop()) {
						case Codepoint.CODES["*"]:
							op = Regexp.Op.STAR;
							break;
						case Codepoint.CODES["+"]:
							op = Regexp.Op.PLUS;
							break;
						case Codepoint.CODES["?"]: op = Regexp.Op.QUEST;
					}
					this.repeat(op, min, max, repeatPos, t, lastRepeatPos);
					break;
				}
				case Codepoint.CODES["{"]: {
					const before = t.pos();
					const minMax = Parser.parseRepeat(t);
					if (minMax < 0) {
						t.rewindTo(before);
						this.literal(t.pop());
						break;
					}
					repeatPos = before;
					min = minMax >> 16;
					max = (minMax & Unicode.MAX_BMP) << 16 >> 16;
					this.repeat(Regexp.Op.REPEAT, min, max, repeatPos, t, lastRepeatPos);
					break;
				}
				case Codepoint.CODES["\\"]: {
					const savedPos = t.pos();
					t.skip(1);
					if ((this.flags & RE2Flags.PERL_X) !== 0 && t.more()) switch (t.pop()) {
						case Codepoint.CODES["A"]:
							this.op(Regexp.Op.BEGIN_TEXT);
							break bigswitch;
						case Codepoint.CODES["b"]:
							this.op(Regexp.Op.WORD_BOUNDARY);
							break bigswitch;
						case Codepoint.CODES["B"]:
							this.op(Regexp.Op.NO_WORD_BOUNDARY);
							break bigswitch;
						case Codepoint.CODES["C"]: throw new RE2JSSyntaxException(Parser.ERR_INVALID_ESCAPE, "\\C");
						case Codepoint.CODES["Q"]: {
							let lit = t.rest();
							const i = lit.indexOf("\\E");
							if (i >= 0) {
								lit = lit.substring(0, i);
								t.skipString(lit);
								t.skipString("\\E");
							} else t.skipString(lit);
							let j = 0;
							while (j < lit.length) {
								const codepoint = lit.codePointAt(j);
								this.literal(codepoint);
								j += Utils.charCount(codepoint);
							}
							break bigswitch;
						}
						case Codepoint.CODES["z"]:
							this.op(Regexp.Op.END_TEXT);
							break bigswitch;
						default: t.rewindTo(savedPos);
					}
					else t.rewindTo(savedPos);
					const re = this.newRegexp(Regexp.Op.CHAR_CLASS);
					re.flags = this.flags;
					if (t.lookingAt("\\p") || t.lookingAt("\\P")) {
						const cc = new CharClass();
						if (this.parseUnicodeClass(t, cc)) {
							re.runes = cc.toArray();
							this.push(re);
							break bigswitch;
						}
					}
					const cc = new CharClass();
					if (this.parsePerlClassEscape(t, cc)) {
						re.runes = cc.toArray();
						this.push(re);
						break bigswitch;
					}
					t.rewindTo(savedPos);
					this.reuse(re);
					this.literal(Parser.parseEscape(t));
					break;
				}
				default: this.literal(t.pop());
			}
			lastRepeatPos = repeatPos;
		}
		this.concat();
		if (this.swapVerticalBar()) this.pop();
		this.alternate();
		if (this.stack.length !== 1) throw new RE2JSSyntaxException(Parser.ERR_MISSING_PAREN, this.wholeRegexp);
		this.stack[0].namedGroups = this.namedGroups;
		return this.stack[0];
	}
	parsePerlFlags(t) {
		const startPos = t.pos();
		const s = t.rest();
		if (s.startsWith("(?P<") || s.startsWith("(?<")) {
			const begin = s.charAt(2) === "P" ? 4 : 3;
			const end = s.indexOf(">");
			if (end < 0) throw new RE2JSSyntaxException(Parser.ERR_INVALID_NAMED_CAPTURE, s);
			const name = s.substring(begin, end);
			t.skipString(name);
			t.skip(begin + 1);
			if (!Parser.isValidCaptureName(name)) throw new RE2JSSyntaxException(Parser.ERR_INVALID_NAMED_CAPTURE, s.substring(0, end + 1));
			const re = this.op(Regexp.Op.LEFT_PAREN);
			re.cap = ++this.numCap;
			if (this.namedGroups[name]) throw new RE2JSSyntaxException(Parser.ERR_DUPLICATE_NAMED_CAPTURE, name);
			this.namedGroups[name] = this.numCap;
			re.name = name;
			return;
		}
		t.skip(2);
		let flags = this.flags;
		let sign = 1;
		let sawFlag = false;
		loop: while (t.more()) {
			const c = t.pop();
			switch (c) {
				case Codepoint.CODES["i"]:
					flags |= RE2Flags.FOLD_CASE;
					sawFlag = true;
					break;
				case Codepoint.CODES["m"]:
					flags &= ~RE2Flags.ONE_LINE;
					sawFlag = true;
					break;
				case Codepoint.CODES["s"]:
					flags |= RE2Flags.DOT_NL;
					sawFlag = true;
					break;
				case Codepoint.CODES["U"]:
					flags |= RE2Flags.NON_GREEDY;
					sawFlag = true;
					break;
				case Codepoint.CODES["-"]:
					if (sign < 0) break loop;
					sign = -1;
					flags = ~flags;
					sawFlag = false;
					break;
				case Codepoint.CODES[":"]:
				case Codepoint.CODES[")"]:
					if (sign < 0) {
						if (!sawFlag) break loop;
						flags = ~flags;
					}
					if (c === Codepoint.CODES[":"]) this.op(Regexp.Op.LEFT_PAREN);
					this.flags = flags;
					return;
				default: break loop;
			}
		}
		throw new RE2JSSyntaxException(Parser.ERR_INVALID_PERL_OP, t.from(startPos));
	}
	parsePosLookBehind() {
		const re = this.newRegexp(Regexp.Op.LEFT_PAREN);
		re.flags = this.flags;
		re.lb = ++this.nlb;
		return this.push(re);
	}
	parseNegLookBehind() {
		const re = this.newRegexp(Regexp.Op.LEFT_PAREN);
		re.flags = this.flags;
		re.lb = -++this.nlb;
		return this.push(re);
	}
	parseVerticalBar() {
		this.concat();
		if (!this.swapVerticalBar()) this.op(Regexp.Op.VERTICAL_BAR);
	}
	swapVerticalBar() {
		const n = this.stack.length;
		if (n >= 3 && this.stack[n - 2].op === Regexp.Op.VERTICAL_BAR && Parser.isCharClass(this.stack[n - 1]) && Parser.isCharClass(this.stack[n - 3])) {
			let re1 = this.stack[n - 1];
			let re3 = this.stack[n - 3];
			if (re1.op > re3.op) {
				const tmp = re3;
				re3 = re1;
				re1 = tmp;
				this.stack[n - 3] = re3;
			}
			Parser.mergeCharClass(re3, re1);
			this.reuse(re1);
			this.pop();
			return true;
		}
		if (n >= 2) {
			const re1 = this.stack[n - 1];
			const re2 = this.stack[n - 2];
			if (re2.op === Regexp.Op.VERTICAL_BAR) {
				if (n >= 3) this.cleanAlt(this.stack[n - 3]);
				this.stack[n - 2] = re1;
				this.stack[n - 1] = re2;
				return true;
			}
		}
		return false;
	}
	parseRightParen() {
		this.concat();
		if (this.swapVerticalBar()) this.pop();
		this.alternate();
		if (this.stack.length < 2) throw new RE2JSSyntaxException(Parser.ERR_UNEXPECTED_PAREN, this.wholeRegexp);
		const re1 = this.pop();
		const re2 = this.pop();
		if (re2.op !== Regexp.Op.LEFT_PAREN) throw new RE2JSSyntaxException(Parser.ERR_UNEXPECTED_PAREN, this.wholeRegexp);
		this.flags = re2.flags;
		if (re2.lb !== 0) {
			if (Parser.hasCapture(re1)) throw new RE2JSSyntaxException(Parser.ERR_INVALID_CAPTURE_IN_LOOKBEHIND, this.wholeRegexp);
			if (re2.lb > 0) re2.op = Regexp.Op.PLB;
			else re2.op = Regexp.Op.NLB;
			re2.subs = [re1];
			this.push(re2);
			return;
		}
		if (re2.cap === 0) this.push(re1);
		else {
			re2.op = Regexp.Op.CAPTURE;
			re2.subs = [re1];
			this.push(re2);
		}
	}
	parsePerlClassEscape(t, cc) {
		const beforePos = t.pos();
		if ((this.flags & RE2Flags.PERL_X) === 0 || !t.more() || t.pop() !== Codepoint.CODES["\\"] || !t.more()) return false;
		t.pop();
		const p = t.from(beforePos);
		const g = PERL_GROUPS.has(p) ? PERL_GROUPS.get(p) : null;
		if (g === null) return false;
		cc.appendGroup(g, (this.flags & RE2Flags.FOLD_CASE) !== 0);
		return true;
	}
	parseNamedClass(t, cc) {
		const cls = t.rest();
		const i = cls.indexOf(":]");
		if (i < 0) return false;
		const name = cls.substring(0, i + 2);
		t.skipString(name);
		const g = POSIX_GROUPS.has(name) ? POSIX_GROUPS.get(name) : null;
		if (g === null) throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, name);
		cc.appendGroup(g, (this.flags & RE2Flags.FOLD_CASE) !== 0);
		return true;
	}
	parseUnicodeClass(t, cc) {
		const startPos = t.pos();
		if ((this.flags & RE2Flags.UNICODE_GROUPS) === 0 || !t.lookingAt("\\p") && !t.lookingAt("\\P")) return false;
		t.skip(1);
		let sign = 1;
		let c = t.pop();
		if (c === Codepoint.CODES["P"]) sign = -1;
		if (!t.more()) {
			t.rewindTo(startPos);
			throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.rest());
		}
		c = t.pop();
		let name;
		if (c !== Codepoint.CODES["{"]) name = Utils.runeToString(c);
		else {
			const rest = t.rest();
			const end = rest.indexOf("}");
			if (end < 0) {
				t.rewindTo(startPos);
				throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.rest());
			}
			name = rest.substring(0, end);
			t.skipString(name);
			t.skip(1);
		}
		if (!(name.length === 0) && name.codePointAt(0) === Codepoint.CODES["^"]) {
			sign = 0 - sign;
			name = name.substring(1);
		}
		const pair = Parser.unicodeTable(name);
		if (pair === null) throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.from(startPos));
		if (pair.sign < 0) sign = 0 - sign;
		const tab = pair.tab;
		const fold = pair.fold;
		if ((this.flags & RE2Flags.FOLD_CASE) === 0 || fold === null) cc.appendTableWithSign(tab, sign);
		else {
			const tmp = new CharClass().appendTable(tab).appendTable(fold).cleanClass().toArray();
			cc.appendClassWithSign(Array.from(tmp), sign);
		}
		return true;
	}
	parseClass(t) {
		const startPos = t.pos();
		t.skip(1);
		const re = this.newRegexp(Regexp.Op.CHAR_CLASS);
		re.flags = this.flags;
		const cc = new CharClass();
		let sign = 1;
		if (t.more() && t.lookingAt("^")) {
			sign = -1;
			t.skip(1);
			if ((this.flags & RE2Flags.CLASS_NL) === 0) cc.appendRange(Codepoint.CODES["\n"], Codepoint.CODES["\n"]);
		}
		let first = true;
		while (!t.more() || t.peek() !== Codepoint.CODES["]"] || first) {
			if (t.more() && t.lookingAt("-") && (this.flags & RE2Flags.PERL_X) === 0 && !first) {
				const s = t.rest();
				if (s === "-" || !s.startsWith("-]")) {
					t.rewindTo(startPos);
					throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.rest());
				}
			}
			first = false;
			const beforePos = t.pos();
			if (t.lookingAt("[:")) {
				if (this.parseNamedClass(t, cc)) continue;
				t.rewindTo(beforePos);
			}
			if (this.parseUnicodeClass(t, cc)) continue;
			if (this.parsePerlClassEscape(t, cc)) continue;
			t.rewindTo(beforePos);
			const lo = Parser.parseClassChar(t, startPos);
			let hi = lo;
			if (t.more() && t.lookingAt("-")) {
				t.skip(1);
				if (t.more() && t.lookingAt("]")) t.skip(-1);
				else {
					hi = Parser.parseClassChar(t, startPos);
					if (hi < lo) throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.from(beforePos));
				}
			}
			if ((this.flags & RE2Flags.FOLD_CASE) === 0) cc.appendRange(lo, hi);
			else cc.appendFoldedRange(lo, hi);
		}
		t.skip(1);
		cc.cleanClass();
		if (sign < 0) cc.negateClass();
		re.runes = cc.toArray();
		this.push(re);
	}
};
// src/RE2.js
/**
* An RE2 class instance is a compiled representation of an RE2 regular expression, independent of
* the public Java-like Pattern/Matcher API.
*
* This class also contains various implementation helpers for RE2 regular expressions.
*
* Use the {@link #quoteMeta(String)} utility function to quote all regular expression
* metacharacters in an arbitrary string.
*
*/
var RE2 = class RE2 {
	static initTest(expr) {
		const re2 = RE2.compile(expr);
		const res = new RE2(re2.expr, re2.prog, re2.numSubexp, re2.longest);
		res.cond = re2.cond;
		res.prefix = re2.prefix;
		res.prefixUTF8 = re2.prefixUTF8;
		res.prefixComplete = re2.prefixComplete;
		res.prefixRune = re2.prefixRune;
		res.prefilter = re2.prefilter;
		res.namedGroups = re2.namedGroups;
		return res;
	}
	/**
	* Parses a regular expression and returns, if successful, an {@code RE2} instance that can be
	* used to match against text.
	*
	* When matching against text, the regexp returns a match that begins as early as possible in the
	* input (leftmost), and among those it chooses the one that a backtracking search would have
	* found first. This so-called leftmost-first matching is the same semantics that Perl, Python,
	* and other implementations use, although this package implements it without the expense of
	* backtracking. For POSIX leftmost-longest matching, see {@link #compilePOSIX}.
	*/
	static compile(expr) {
		return RE2.compileImpl(expr, RE2Flags.PERL, false);
	}
	/**
	* {@code compilePOSIX} is like {@link #compile} but restricts the regular expression to POSIX ERE
	* (egrep) syntax and changes the match semantics to leftmost-longest.
	*
	* That is, when matching against text, the regexp returns a match that begins as early as
	* possible in the input (leftmost), and among those it chooses a match that is as long as
	* possible. This so-called leftmost-longest matching is the same semantics that early regular
	* expression implementations used and that POSIX specifies.
	*
	* However, there can be multiple leftmost-longest matches, with different submatch choices, and
	* here this package diverges from POSIX. Among the possible leftmost-longest matches, this
	* package chooses the one that a backtracking search would have found first, while POSIX
	* specifies that the match be chosen to maximize the length of the first subexpression, then the
	* second, and so on from left to right. The POSIX rule is computationally prohibitive and not
	* even well-defined. See http://swtch.com/~rsc/regexp/regexp2.html#posix
	*/
	static compilePOSIX(expr) {
		return RE2.compileImpl(expr, RE2Flags.POSIX, true);
	}
	static compileImpl(expr, mode, longest) {
		let re = Parser.parse(expr, mode);
		const maxCap = re.maxCap();
		const namedGroups = re.namedGroups;
		re = Simplify.simplify(re);
		const prefilter = PrefilterTree.build(re);
		const prog = Compiler.compileRegexp(re);
		const re2 = new RE2(expr, prog, maxCap, longest);
		re2.prefilter = prefilter.type === Prefilter.Type.NONE ? null : prefilter;
		const [prefixCompl, prefixStr] = prog.prefix();
		re2.prefixComplete = prefixCompl;
		re2.prefix = prefixStr;
		re2.prefixUTF8 = Utils.stringToUtf8ByteArray(re2.prefix);
		if (re2.prefix.length > 0) re2.prefixRune = re2.prefix.codePointAt(0);
		re2.namedGroups = namedGroups;
		return re2;
	}
	/**
	* Returns true iff textual regular expression {@code pattern} matches string {@code s}.
	*
	* More complicated queries need to use {@link #compile} and the full {@code RE2} interface.
	*/
	static match(pattern, s) {
		return RE2.compile(pattern).match(s);
	}
	constructor(expr, prog, numSubexp = 0, longest = 0) {
		this.expr = expr;
		this.prog = prog;
		this.numSubexp = numSubexp;
		this.longest = longest;
		this.cond = prog.startCond();
		this.prefix = null;
		this.prefixUTF8 = null;
		this.prefixComplete = false;
		this.prefixRune = 0;
		/** @type {Record<string, number>} */
		this.namedGroups = Object.create(null);
		this.machinePool = [];
		this.lazyDFA = null;
		this.onepass = OnePass.compile(this.prog);
		this.prefilter = null;
	}
	get dfa() {
		if (this.lazyDFA === null) this.lazyDFA = new DFA(this.prog);
		return this.lazyDFA;
	}
	matchPrefixComplete(input, pos, anchor, ncap) {
		if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return null;
		let matchStart = -1;
		let matchEnd = -1;
		const pLen = input.prefixLength(this);
		if (anchor === RE2Flags.UNANCHORED) {
			const idx = input.index(this, pos);
			if (idx < 0) return null;
			matchStart = pos + idx;
			matchEnd = matchStart + pLen;
		} else if (anchor === RE2Flags.ANCHOR_BOTH) {
			if (input.endPos() !== pLen) return null;
			if (input.index(this, 0) !== 0) return null;
			matchStart = 0;
			matchEnd = pLen;
		} else if (anchor === RE2Flags.ANCHOR_START) {
			if (input.index(this, 0) !== 0) return null;
			matchStart = 0;
			matchEnd = pLen;
		}
		if (matchStart < 0) return null;
		if (ncap > 0) {
			const matchcap = new Int32Array(ncap).fill(-1);
			matchcap[0] = matchStart;
			matchcap[1] = matchEnd;
			return Array.from(matchcap);
		}
		return [];
	}
	createLookbehindState() {
		return this.prog.numLb > 0 ? new LookbehindState(this.prog) : null;
	}
	executeEngine(input, pos, anchor, ncap, lbState = null) {
		if (this.prefixComplete && (ncap === 0 || this.numSubexp === 0)) return this.matchPrefixComplete(input, pos, anchor, ncap);
		if (this.prefilter !== null && anchor === RE2Flags.UNANCHORED) {
			if (!this.prefilter.eval(input, pos)) return null;
		}
		if (this.onepass !== null) return OnePass.execute(this, input, pos, anchor, ncap);
		if (ncap > 0) {
			if (this.prog.numLb === 0 && input.endPos() <= Backtracker.maxBitStateLen(this.prog)) return Backtracker.execute(this, input, pos, anchor, ncap);
			return this.doExecuteNFA(input, pos, anchor, ncap, lbState);
		}
		if (this.prog.numLb === 0) {
			const dfaResult = this.dfa.match(input, pos, anchor);
			if (dfaResult !== null) return dfaResult ? [] : null;
			if (input.endPos() <= Backtracker.maxBitStateLen(this.prog)) return Backtracker.execute(this, input, pos, anchor, ncap);
		}
		return this.doExecuteNFA(input, pos, anchor, ncap, lbState);
	}
	/**
	* Returns the number of parenthesized subexpressions in this regular expression.
	*/
	numberOfCapturingGroups() {
		return this.numSubexp;
	}
	/**
	* Returns the number of instructions in this compiled regular expression program.
	*/
	numberOfInstructions() {
		return this.prog.numInst();
	}
	get() {
		return this.machinePool.length > 0 ? this.machinePool.pop() : null;
	}
	reset() {
		this.machinePool.length = 0;
	}
	put(m) {
		this.machinePool.push(m);
	}
	toString() {
		return this.expr;
	}
	doExecuteNFA(input, pos, anchor, ncap, lbState = null) {
		let m = this.get();
		if (!m) m = Machine.fromRE2(this);
		m.init(ncap);
		const cap = m.match(input, pos, anchor, lbState) ? m.submatches() : null;
		this.put(m);
		return cap;
	}
	match(s) {
		return this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, 0) !== null;
	}
	/**
	* Matches the regular expression against input starting at position start and ending at position
	* end, with the given anchoring. Records the submatch boundaries in group, which is [start, end)
	* pairs of byte offsets. The number of boundaries needed is inferred from the size of the group
	* array. It is most efficient not to ask for submatch boundaries.
	*
	* @param input the input byte array
	* @param start the beginning position in the input
	* @param end the end position in the input
	* @param anchor the anchoring flag (UNANCHORED, ANCHOR_START, ANCHOR_BOTH)
	* @param group the array to fill with submatch positions
	* @param ngroup the number of array pairs to fill in
	* @param lbState optional state carried between successive matches over the same input (see
	*   createLookbehindState); omit it to evaluate lookbehinds from the beginning of the input
	* @returns true if a match was found
	*/
	matchWithGroup(input, start, end, anchor, ngroup, lbState = null) {
		if (!(input instanceof MatcherInputBase)) {
			if (Utils.isByteArray(input)) input = MatcherInput.utf8(input);
			else input = MatcherInput.utf16(input);
		}
		return this.matchMachineInput(input, start, end, anchor, ngroup, lbState);
	}
	matchMachineInput(input, start, end, anchor, ngroup, lbState = null) {
		if (start > end) return [false, null];
		const machineInput = input.isUTF16Encoding() ? MachineInput.fromUTF16(input.asCharSequence(), 0, end) : MachineInput.fromUTF8(input.asBytes(), 0, end);
		const groupMatch = this.executeEngine(machineInput, start, anchor, 2 * ngroup, lbState);
		if (groupMatch === null) return [false, null];
		return [true, groupMatch];
	}
	/**
	* Returns true iff this regexp matches the UTF-8 byte array {@code b}.
	*/
	matchUTF8(b) {
		return this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, 0) !== null;
	}
	/**
	* Returns a copy of {@code src} in which all matches for this regexp have been replaced by
	* {@code repl}. No support is provided for expressions (e.g. {@code \1} or {@code $1}) in the
	* replacement string.
	*/
	replaceAll(src, repl) {
		return this.replaceAllFunc(src, () => repl, 2 * src.length + 1);
	}
	/**
	* Returns a copy of {@code src} in which only the first match for this regexp has been replaced
	* by {@code repl}. No support is provided for expressions (e.g. {@code \1} or {@code $1}) in the
	* replacement string.
	*/
	replaceFirst(src, repl) {
		return this.replaceAllFunc(src, () => repl, 1);
	}
	/**
	* Returns a copy of {@code src} in which at most {@code maxReplaces} matches for this regexp have
	* been replaced by the return value of of function {@code repl} (whose first argument is the
	* matched string). No support is provided for expressions (e.g. {@code \1} or {@code $1}) in the
	* replacement string.
	*/
	replaceAllFunc(src, replFunc, maxReplaces) {
		let lastMatchEnd = 0;
		let searchPos = 0;
		let out = "";
		const input = MachineInput.fromUTF16(src);
		const lbState = this.createLookbehindState();
		let numReplaces = 0;
		while (searchPos <= src.length) {
			const a = this.executeEngine(input, searchPos, RE2Flags.UNANCHORED, 2, lbState);
			if (a === null || a.length === 0) break;
			out += src.substring(lastMatchEnd, a[0]);
			if (a[1] > lastMatchEnd || a[0] === 0) {
				out += replFunc(src.substring(a[0], a[1]));
				numReplaces++;
			}
			lastMatchEnd = a[1];
			const width = input.step(searchPos) & 7;
			if (searchPos + width > a[1]) searchPos += width;
			else if (searchPos + 1 > a[1]) searchPos++;
			else searchPos = a[1];
			if (numReplaces >= maxReplaces) break;
		}
		out += src.substring(lastMatchEnd);
		return out;
	}
	pad(a) {
		if (a === null) return null;
		let n = (1 + this.numSubexp) * 2;
		if (a.length < n) {
			let a2 = new Array(n).fill(-1);
			for (let i = 0; i < a.length; i++) a2[i] = a[i];
			a = a2;
		}
		return a;
	}
	allMatches(input, n, deliverFun = (v) => v) {
		let result = [];
		const end = input.endPos();
		if (n < 0) n = end + 1;
		let pos = 0;
		let i = 0;
		let prevMatchEnd = -1;
		const lbState = this.createLookbehindState();
		while (i < n && pos <= end) {
			const matches = this.executeEngine(input, pos, RE2Flags.UNANCHORED, this.prog.numCap, lbState);
			if (matches === null || matches.length === 0) break;
			let accept = true;
			if (matches[1] === pos) {
				if (matches[0] === prevMatchEnd) accept = false;
				const r = input.step(pos);
				if (r < 0) pos = end + 1;
				else pos += r & 7;
			} else pos = matches[1];
			prevMatchEnd = matches[1];
			if (accept) {
				result.push(deliverFun(this.pad(matches)));
				i++;
			}
		}
		return result;
	}
	/**
	* Returns an array holding the text of the leftmost match in {@code b} of this regular
	* expression.
	*
	* A return value of null indicates no match.
	*/
	findUTF8(b) {
		const a = this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, 2);
		if (a === null) return null;
		return b.slice(a[0], a[1]);
	}
	/**
	* Returns a two-element array of integers defining the location of the leftmost match in
	* {@code b} of this regular expression. The match itself is at {@code b[loc[0]...loc[1]]}.
	*
	* A return value of null indicates no match.
	*/
	findUTF8Index(b) {
		const a = this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, 2);
		if (a === null) return null;
		return a.slice(0, 2);
	}
	/**
	* Returns a string holding the text of the leftmost match in {@code s} of this regular
	* expression.
	*
	* If there is no match, the return value is an empty string, but it will also be empty if the
	* regular expression successfully matches an empty string. Use {@link #findIndex} or
	* {@link #findSubmatch} if it is necessary to distinguish these cases.
	*/
	find(s) {
		const a = this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, 2);
		if (a === null) return "";
		return s.substring(a[0], a[1]);
	}
	/**
	* Returns a two-element array of integers defining the location of the leftmost match in
	* {@code s} of this regular expression. The match itself is at
	* {@code s.substring(loc[0], loc[1])}.
	*
	* A return value of null indicates no match.
	*/
	findIndex(s) {
		return this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, 2);
	}
	/**
	* Returns an array of arrays the text of the leftmost match of the regular expression in
	* {@code b} and the matches, if any, of its subexpressions, as defined by the <a
	* href='#submatch'>Submatch</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findUTF8Submatch(b) {
		const a = this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, this.prog.numCap);
		if (a === null) return null;
		const ret = new Array(1 + this.numSubexp).fill(null);
		for (let i = 0; i < ret.length; i++) if (2 * i < a.length && a[2 * i] >= 0) ret[i] = b.slice(a[2 * i], a[2 * i + 1]);
		return ret;
	}
	/**
	* Returns an array holding the index pairs identifying the leftmost match of this regular
	* expression in {@code b} and the matches, if any, of its subexpressions, as defined by the the
	* <a href='#submatch'>Submatch</a> and <a href='#index'>Index</a> descriptions above.
	*
	* A return value of null indicates no match.
	*/
	findUTF8SubmatchIndex(b) {
		return this.pad(this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, this.prog.numCap));
	}
	/**
	* Returns an array of strings holding the text of the leftmost match of the regular expression in
	* {@code s} and the matches, if any, of its subexpressions, as defined by the <a
	* href='#submatch'>Submatch</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findSubmatch(s) {
		const a = this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, this.prog.numCap);
		if (a === null) return null;
		const ret = new Array(1 + this.numSubexp).fill(null);
		for (let i = 0; i < ret.length; i++) if (2 * i < a.length && a[2 * i] >= 0) ret[i] = s.substring(a[2 * i], a[2 * i + 1]);
		return ret;
	}
	/**
	* Returns an array holding the index pairs identifying the leftmost match of this regular
	* expression in {@code s} and the matches, if any, of its subexpressions, as defined by the <a
	* href='#submatch'>Submatch</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findSubmatchIndex(s) {
		return this.pad(this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, this.prog.numCap));
	}
	/**
	* {@code findAllUTF8()} is the <a href='#all'>All</a> version of {@link #findUTF8}; it returns a
	* list of up to {@code n} successive matches of the expression, as defined by the <a
	* href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*
	* TODO(adonovan): think about defining a byte slice view class, like a read-only Go slice backed
	* by |b|.
	*/
	findAllUTF8(b, n) {
		const result = this.allMatches(MachineInput.fromUTF8(b), n, (match) => b.slice(match[0], match[1]));
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAllUTF8Index} is the <a href='#all'>All</a> version of {@link #findUTF8Index}; it
	* returns a list of up to {@code n} successive matches of the expression, as defined by the <a
	* href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findAllUTF8Index(b, n) {
		const result = this.allMatches(MachineInput.fromUTF8(b), n, (match) => match.slice(0, 2));
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAll} is the <a href='#all'>All</a> version of {@link #find}; it returns a list of up
	* to {@code n} successive matches of the expression, as defined by the <a href='#all'>All</a>
	* description above.
	*
	* A return value of null indicates no match.
	*/
	findAll(s, n) {
		const result = this.allMatches(MachineInput.fromUTF16(s), n, (match) => s.substring(match[0], match[1]));
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAllIndex} is the <a href='#all'>All</a> version of {@link #findIndex}; it returns a
	* list of up to {@code n} successive matches of the expression, as defined by the <a
	* href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findAllIndex(s, n) {
		const result = this.allMatches(MachineInput.fromUTF16(s), n, (match) => match.slice(0, 2));
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAllUTF8Submatch} is the <a href='#all'>All</a> version of {@link #findUTF8Submatch};
	* it returns a list of up to {@code n} successive matches of the expression, as defined by the <a
	* href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findAllUTF8Submatch(b, n) {
		const result = this.allMatches(MachineInput.fromUTF8(b), n, (match) => {
			let slice = new Array(match.length / 2 | 0).fill(null);
			for (let j = 0; j < slice.length; j++) if (match[2 * j] >= 0) slice[j] = b.slice(match[2 * j], match[2 * j + 1]);
			return slice;
		});
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAllUTF8SubmatchIndex} is the <a href='#all'>All</a> version of
	* {@link #findUTF8SubmatchIndex}; it returns a list of up to {@code n} successive matches of the
	* expression, as defined by the <a href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findAllUTF8SubmatchIndex(b, n) {
		const result = this.allMatches(MachineInput.fromUTF8(b), n);
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAllSubmatch} is the <a href='#all'>All</a> version of {@link #findSubmatch}; it
	* returns a list of up to {@code n} successive matches of the expression, as defined by the <a
	* href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findAllSubmatch(s, n) {
		const result = this.allMatches(MachineInput.fromUTF16(s), n, (match) => {
			let slice = new Array(match.length / 2 | 0).fill(null);
			for (let j = 0; j < slice.length; j++) if (match[2 * j] >= 0) slice[j] = s.substring(match[2 * j], match[2 * j + 1]);
			return slice;
		});
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAllSubmatchIndex} is the <a href='#all'>All</a> version of
	* {@link #findSubmatchIndex}; it returns a list of up to {@code n} successive matches of the
	* expression, as defined by the <a href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findAllSubmatchIndex(s, n) {
		const result = this.allMatches(MachineInput.fromUTF16(s), n);
		if (result.length === 0) return null;
		return result;
	}
};
// src/Set.js
var RE2Set = class RE2Set {
	/** @type {number} */
	static UNANCHORED = RE2Flags.UNANCHORED;
	/** @type {number} */
	static ANCHOR_START = RE2Flags.ANCHOR_START;
	/** @type {number} */
	static ANCHOR_BOTH = RE2Flags.ANCHOR_BOTH;
	/**
	* Constructs a new RE2Set with the specified anchor mode and flags.
	* @param {number} [anchor=RE2Set.UNANCHORED] - The anchoring mode (e.g., RE2Set.UNANCHORED).
	* @param {number} [flags=0] - The public flags to apply to all patterns in the set.
	* @param {number} [maxMem=8388608] - The maximum memory in bytes to use for the DFA (default 8MB).
	*/
	constructor(anchor = RE2Set.UNANCHORED, flags = 0, maxMem = 8388608) {
		if (![
			RE2Set.UNANCHORED,
			RE2Set.ANCHOR_START,
			RE2Set.ANCHOR_BOTH
		].includes(anchor)) throw new RE2JSFlagsException("The anchor should be RE2Set.UNANCHORED, RE2Set.ANCHOR_START or RE2Set.ANCHOR_BOTH");
		Utils.checkFlags(flags);
		this.anchor = anchor;
		this.jsFlags = flags;
		this.maxMem = maxMem;
		let re2Flags = RE2Flags.PERL;
		if ((flags & PublicFlags.DISABLE_UNICODE_GROUPS) !== 0) re2Flags &= ~RE2Flags.UNICODE_GROUPS;
		if ((flags & PublicFlags.LOOKBEHINDS) !== 0) re2Flags |= RE2Flags.LOOKBEHIND;
		this.re2Flags = re2Flags;
		this.regexps = [];
		this.prog = null;
		this.dfa = null;
		this.dummyRe2 = null;
	}
	/**
	* Adds a new regular expression pattern to the set.
	* Patterns cannot be added after the set has been compiled.
	* @param {string} pattern - The regular expression pattern to add.
	* @returns {number} The integer index assigned to the added pattern.
	* @throws {RE2JSCompileException} If patterns are added after compilation.
	*/
	add(pattern) {
		if (this.prog) throw new RE2JSCompileException("Cannot add patterns after compile");
		Utils.checkPattern(pattern);
		let fregex = pattern;
		if ((this.jsFlags & PublicFlags.CASE_INSENSITIVE) !== 0) fregex = `(?i)${fregex}`;
		if ((this.jsFlags & PublicFlags.DOTALL) !== 0) fregex = `(?s)${fregex}`;
		if ((this.jsFlags & PublicFlags.MULTILINE) !== 0) fregex = `(?m)${fregex}`;
		const re = Parser.parse(fregex, this.re2Flags);
		this.regexps.push(Simplify.simplify(re));
		return this.regexps.length - 1;
	}
	/**
	* Compiles the added patterns into a single state machine.
	* This is automatically called on the first match if not called explicitly.
	* @returns {void}
	*/
	compile() {
		if (this.prog) return;
		const prog = Compiler.compileSet(this.regexps);
		if (prog.numInst() > Parser.MAX_SIZE) throw new RE2JSCompileException(`${Parser.ERR_LARGE}: the set compiles to ${prog.numInst()} instructions, more than ${Parser.MAX_SIZE}`);
		this.prog = prog;
		this.dfa = new DFA(this.prog, this.maxMem);
		this.dummyRe2 = {
			prog: this.prog,
			cond: this.prog.startCond(),
			prefix: "",
			prefixRune: 0,
			longest: false
		};
	}
	/**
	* Matches the input against the compiled set of regular expressions.
	* @param {string|number[]|Uint8Array} input - The input string or UTF-8 byte array to match against.
	* @returns {number[]} An array of indices representing the patterns that successfully matched the input.
	*/
	match(input) {
		if (!this.prog) this.compile();
		const machineInput = Utils.isByteArray(input) ? MachineInput.fromUTF8(input) : MachineInput.fromUTF16(input);
		let internalAnchor = RE2Flags.UNANCHORED;
		if (this.anchor === RE2Set.ANCHOR_START) internalAnchor = RE2Flags.ANCHOR_START;
		else if (this.anchor === RE2Set.ANCHOR_BOTH) internalAnchor = RE2Flags.ANCHOR_BOTH;
		const dfaResult = this.dfa.matchSet(machineInput, 0, internalAnchor);
		if (dfaResult !== null) return dfaResult;
		const machine = Machine.fromRE2(this.dummyRe2);
		machine.init(0);
		return machine.matchSet(machineInput, 0, internalAnchor);
	}
};
// src/TranslateRegExpString.js
/**
* Transform JS regex string to RE2 regex string
*/
var TranslateRegExpString = class TranslateRegExpString {
	static isHexadecimal(ch) {
		return "0" <= ch && ch <= "9" || "A" <= ch && ch <= "F" || "a" <= ch && ch <= "f";
	}
	static translate(data) {
		let prefixFlags = "";
		if (Object.prototype.toString.call(data) === "[object RegExp]") {
			if (data.ignoreCase) prefixFlags += "i";
			if (data.multiline) prefixFlags += "m";
			if (data.dotAll) prefixFlags += "s";
			data = data.source;
		}
		if (typeof data !== "string") return data;
		let result = "";
		let changed = false;
		let size = data.length;
		if (size === 0) {
			result = "(?:)";
			changed = true;
		}
		let inCharClass = false;
		let i = 0;
		while (i < size) {
			let ch = data[i];
			if (ch === "\\") {
				if (i + 1 < size) {
					ch = data[i + 1];
					switch (ch) {
						case "\\":
							result += "\\\\";
							i += 2;
							continue;
						case "c":
							if (i + 2 < size) {
								let code = data[i + 2].charCodeAt(0);
								if (code >= 65 && code <= 90 || code >= 97 && code <= 122) {
									let val = code % 32;
									result += "\\x";
									result += (val >> 4).toString(16).toUpperCase();
									result += (val & 15).toString(16).toUpperCase();
									i += 3;
									changed = true;
									continue;
								}
							}
							result += "c";
							i += 2;
							changed = true;
							continue;
						case "u":
							if (i + 2 < size) {
								if (data[i + 2] === "{") {
									let j = i + 3;
									let hasHex = false;
									let closed = false;
									while (j < size) {
										const hexChar = data[j];
										if (hexChar === "}") {
											closed = true;
											break;
										}
										if (!TranslateRegExpString.isHexadecimal(hexChar)) break;
										hasHex = true;
										j++;
									}
									if (closed && hasHex) {
										result += "\\x";
										i += 2;
										changed = true;
										continue;
									}
								} else if (i + 5 < size) {
									let isHex4 = true;
									for (let j = 0; j < 4; j++) if (!TranslateRegExpString.isHexadecimal(data[i + 2 + j])) {
										isHex4 = false;
										break;
									}
									if (isHex4) {
										result += "\\x{" + data.substring(i + 2, i + 6) + "}";
										i += 6;
										changed = true;
										continue;
									}
								}
							}
							result += "u";
							i += 2;
							changed = true;
							continue;
						case "x": {
							let isValidHex = false;
							if (i + 2 < size && data[i + 2] === "{") {
								let j = i + 3;
								let hasHex = false;
								let closed = false;
								while (j < size) {
									const hexChar = data[j];
									if (hexChar === "}") {
										closed = true;
										break;
									}
									if (!TranslateRegExpString.isHexadecimal(hexChar)) break;
									hasHex = true;
									j++;
								}
								if (closed && hasHex) isValidHex = true;
							} else if (i + 3 < size && TranslateRegExpString.isHexadecimal(data[i + 2]) && TranslateRegExpString.isHexadecimal(data[i + 3])) isValidHex = true;
							if (isValidHex) {
								result += "\\x";
								i += 2;
							} else {
								result += "x";
								i += 2;
								changed = true;
							}
							continue;
						}
						case "n":
						case "r":
						case "t":
						case "a":
						case "f":
						case "v":
						case "d":
						case "D":
						case "s":
						case "S":
						case "w":
						case "W":
						case "b":
						case "B":
						case "p":
						case "P":
						case "A":
						case "z":
						case "Q":
						case "E":
						case "0":
						case "1":
						case "2":
						case "3":
						case "4":
						case "5":
						case "6":
						case "7":
							result += "\\" + ch;
							i += 2;
							continue;
						default: {
							let cp = data.codePointAt(i + 1);
							if (cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122) {
								let symSize = Utils.charCount(cp);
								result += data.substring(i + 1, i + 1 + symSize);
								i += symSize + 1;
								changed = true;
							} else {
								result += "\\";
								let symSize = Utils.charCount(cp);
								result += data.substring(i + 1, i + 1 + symSize);
								i += symSize + 1;
							}
							continue;
						}
					}
				}
			} else if (ch === "/") {
				result += "\\/";
				i += 1;
				changed = true;
				continue;
			} else if (ch === "[") {
				if (!inCharClass && data[i + 1] === "]") {
					result += "[^\\x00-\\x{10FFFF}]";
					i += 2;
					changed = true;
					continue;
				}
				if (!inCharClass && data[i + 1] === "^" && data[i + 2] === "]") {
					result += "[\\x00-\\x{10FFFF}]";
					i += 3;
					changed = true;
					continue;
				}
				inCharClass = true;
			} else if (ch === "]") inCharClass = false;
			else if (!inCharClass && ch === "(" && i + 2 < size && data[i + 1] === "?" && data[i + 2] === "<") {
				if (i + 3 < size && !"=!>)".includes(data[i + 3])) {
					result += "(?P<";
					i += 3;
					changed = true;
					continue;
				}
			}
			let cp = data.codePointAt(i);
			let symSize = Utils.charCount(cp);
			result += data.substring(i, i + symSize);
			i += symSize;
		}
		const finalResult = changed ? result : data;
		if (prefixFlags.length > 0) return `(?${prefixFlags})${finalResult}`;
		return finalResult;
	}
};
// src/index.js
const execResult = (m, input) => {
	const result = m.matchArray();
	result.index = m.start(0);
	result.input = input;
	result.groups = m.namedGroupsObject();
	return result;
};
/**
* A compiled representation of an RE2 regular expression
*
* The matching functions take {@code String} arguments instead of the more general Java
* {@code CharSequence} since the latter doesn't provide UTF-16 decoding.
*
*
* @author rsc@google.com (Russ Cox)
* @class
*/
var RE2JS = class RE2JS {
	/**
	* Flag: case insensitive matching.
	*/
	static CASE_INSENSITIVE = PublicFlags.CASE_INSENSITIVE;
	/**
	* Flag: dot ({@code .}) matches all characters, including newline.
	*/
	static DOTALL = PublicFlags.DOTALL;
	/**
	* Flag: multiline matching: {@code ^} and {@code $} match at beginning and end of line, not just
	* beginning and end of input.
	*/
	static MULTILINE = PublicFlags.MULTILINE;
	/**
	* Flag: Unicode groups (e.g. {@code \p\ Greek\} ) will be syntax errors.
	*/
	static DISABLE_UNICODE_GROUPS = PublicFlags.DISABLE_UNICODE_GROUPS;
	/**
	* Flag: matches longest possible string.
	*/
	static LONGEST_MATCH = PublicFlags.LONGEST_MATCH;
	/**
	* Flag: enable linear-time captureless lookbehinds.
	*/
	static LOOKBEHINDS = PublicFlags.LOOKBEHINDS;
	/**
	* Returns a literal pattern string for the specified string.
	*
	* This method produces a string that can be used to create a <code>RE2JS</code> that would
	* match the string <code>s</code> as if it were a literal pattern.
	*
	* Metacharacters or escape sequences in the input sequence will be given no special meaning.
	*
	* @param {string} str The string to be literalized
	* @returns {string} A literal string replacement
	*/
	static quote(str) {
		return Utils.quoteMeta(str);
	}
	/**
	* Quotes '\' and '$' in {@code str}, so that the returned string could be used in
	* replacement methods as a literal replacement of {@code str}.
	*
	* This is a convenience delegation to {@link Matcher.quoteReplacement}.
	*
	* @param {string} str the string to be quoted
	* @param {boolean} [javaMode=false] whether the replacement will be used in javaMode
	* @returns {string} the quoted string
	*/
	static quoteReplacement(str, javaMode = false) {
		return Matcher.quoteReplacement(str, javaMode);
	}
	/**
	* Translates a given regular expression string to ensure compatibility with RE2JS.
	*
	* This function preprocesses the input regex string by applying necessary transformations,
	* such as escaping special characters (e.g., `/`), converting named capture groups to
	* RE2JS-compatible syntax, and handling Unicode sequences properly. It ensures that the
	* resulting regex is safe and properly formatted before compilation.
	*
	* @param {string|RegExp} expr - The regular expression string to be translated.
	* @returns {string} - The transformed regular expression string, ready for compilation.
	*/
	static translateRegExp(expr) {
		return TranslateRegExpString.translate(expr);
	}
	/**
	* Helper: create new RE2JS with given regex and flags. Flregex is the regex with flags applied.
	* @param {string} regex
	* @param {number} [flags=0]
	* @returns {RE2JS}
	*/
	static compile(regex, flags = 0) {
		Utils.checkPattern(regex);
		Utils.checkFlags(flags);
		let fregex = regex;
		if ((flags & RE2JS.CASE_INSENSITIVE) !== 0) fregex = `(?i)${fregex}`;
		if ((flags & RE2JS.DOTALL) !== 0) fregex = `(?s)${fregex}`;
		if ((flags & RE2JS.MULTILINE) !== 0) fregex = `(?m)${fregex}`;
		let re2Flags = RE2Flags.PERL;
		if ((flags & RE2JS.DISABLE_UNICODE_GROUPS) !== 0) re2Flags &= ~RE2Flags.UNICODE_GROUPS;
		if ((flags & RE2JS.LOOKBEHINDS) !== 0) re2Flags |= RE2Flags.LOOKBEHIND;
		const p = new RE2JS(regex, flags);
		p.re2Input = RE2.compileImpl(fregex, re2Flags, (flags & RE2JS.LONGEST_MATCH) !== 0);
		return p;
	}
	/**
	* Matches a string against a regular expression.
	*
	* @param {string} regex the regular expression
	* @param {string|number[]|Uint8Array} input the input
	* @returns {boolean} true if the regular expression matches the entire input
	* @throws RE2JSSyntaxException if the regular expression is malformed
	*/
	static matches(regex, input) {
		return RE2JS.compile(regex).testExact(input);
	}
	/**
	* This is visible for testing.
	* @private
	*/
	static initTest(pattern, flags, re2) {
		if (pattern == null) throw new Error("pattern is null");
		if (re2 == null) throw new Error("re2 is null");
		const p = new RE2JS(pattern, flags);
		p.re2Input = re2;
		return p;
	}
	/**
	*
	* @param {string} pattern
	* @param {number} flags
	*/
	constructor(pattern, flags) {
		this.patternInput = pattern;
		this.flagsInput = flags;
		/** @type {import('./RE2.js').RE2} */
		this.re2Input = null;
	}
	/**
	* Releases memory used by internal caches associated with this pattern. Does not change the
	* observable behaviour. Useful for tests that detect memory leaks via allocation tracking.
	*/
	reset() {
		this.re2Input.reset();
	}
	/**
	* Returns the flags used in the constructor.
	* @returns {number}
	*/
	flags() {
		return this.flagsInput;
	}
	/**
	* Returns the pattern used in the constructor.
	* @returns {string}
	*/
	pattern() {
		return this.patternInput;
	}
	re2() {
		return this.re2Input;
	}
	/**
	* Matches a string against a regular expression.
	*
	* @param {string|number[]|Uint8Array} input the input
	* @returns {boolean} true if the regular expression matches the entire input
	*/
	matches(input) {
		return this.testExact(input);
	}
	/**
	* Creates a new {@code Matcher} matching the pattern against the input.
	*
	* @param {string|number[]|Uint8Array|MatcherInputBase} input the input string
	* @returns {Matcher}
	*/
	matcher(input) {
		if (Utils.isByteArray(input)) input = MatcherInput.utf8(input);
		return new Matcher(this, input);
	}
	/**
	* Tests whether the regular expression matches any part of the input string.
	* Performance Note: This method is highly optimized. Because it only returns
	* a boolean and does not extract capture groups, it bypasses the `Matcher` overhead
	* and guarantees execution on the high-speed DFA engine whenever possible.
	*
	* @param {string|number[]|Uint8Array} input - The input string or UTF-8 byte array to test against.
	* @returns {boolean} `true` if the pattern is found anywhere in the input, `false` otherwise.
	*/
	test(input) {
		if (Utils.isByteArray(input)) return this.re2Input.matchUTF8(input);
		return this.re2Input.match(input);
	}
	/**
	* Tests whether the regular expression matches the ENTIRE input string.
	* * **Performance Note:** This operates identically to `.matches()`, but is significantly
	* faster because it does not request capture group data. By requesting 0 capture groups,
	* it securely routes execution through the DFA fast-path.
	*
	* @param {string|number[]|Uint8Array} input - The input string or UTF-8 byte array to test against.
	* @returns {boolean} `true` if the exact input string fully matches the pattern, `false` otherwise.
	*/
	testExact(input) {
		const machineInput = Utils.isByteArray(input) ? MachineInput.fromUTF8(input) : MachineInput.fromUTF16(input);
		return this.re2Input.executeEngine(machineInput, 0, RE2Flags.ANCHOR_BOTH, 0) !== null;
	}
	/**
	* Executes a search for a match in a specified string.
	* Returns a result array, or null if no match is found.
	* The returned array perfectly mirrors standard JavaScript `RegExpExecArray`,
	* including `.index`, `.input`, and `.groups` properties.
	*
	* @param {string|number[]|Uint8Array} input the input string or byte array
	* @returns {Array|null} the match array with index, input, and groups properties, or null
	*/
	exec(input) {
		const m = this.matcher(input);
		return m.find() ? execResult(m, input) : null;
	}
	/**
	* Splits input around instances of the regular expression. It returns an array giving the strings
	* that occur before, between, and after instances of the regular expression.
	*
	* If {@code limit <= 0}, there is no limit on the size of the returned array. If
	* {@code limit == 0}, empty strings that would occur at the end of the array are omitted. If
	* {@code limit > 0}, at most limit strings are returned. The final string contains the remainder
	* of the input, possibly including additional matches of the pattern.
	*
	* @param {string} input the input string to be split
	* @param {number} [limit=0] the limit
	* @returns {string[]} the split strings
	*/
	split(input, limit = 0) {
		const m = this.matcher(input);
		const result = [];
		let emptiesSkipped = 0;
		let last = 0;
		while (m.find()) {
			if (last === 0 && m.end() === 0) {
				last = m.end();
				continue;
			}
			if (limit > 0 && result.length === limit - 1) break;
			if (last === m.start()) {
				if (limit === 0) {
					emptiesSkipped += 1;
					last = m.end();
					continue;
				}
			} else while (emptiesSkipped > 0) {
				result.push("");
				emptiesSkipped -= 1;
			}
			result.push(m.substring(last, m.start()));
			last = m.end();
		}
		if (limit === 0 && last !== m.inputLength()) {
			while (emptiesSkipped > 0) {
				result.push("");
				emptiesSkipped -= 1;
			}
			result.push(m.substring(last, m.inputLength()));
		}
		if (limit !== 0 || result.length === 0 && !(last === m.inputLength() && last > 0)) result.push(m.substring(last, m.inputLength()));
		return result;
	}
	/**
	* Returns an iterator of all results matching a string against the regular expression,
	* including capturing groups.
	*
	* @param {string|number[]|Uint8Array} input the input string or byte array
	* @returns {IterableIterator<RegExpMatchArray>}
	*/
	*matchAll(input) {
		const m = this.matcher(input);
		while (m.find()) yield execResult(m, input);
	}
	/**
	*
	* @returns {string}
	*/
	toString() {
		return this.patternInput;
	}
	/**
	* Returns the program size of this pattern.
	*
	* <p>
	* Similar to the C++ implementation, the program size is a very approximate measure of a regexp's
	* "cost". Larger numbers are more expensive than smaller numbers.
	* </p>
	*
	* @returns {number} the program size of this pattern
	*/
	programSize() {
		return this.re2Input.numberOfInstructions();
	}
	/**
	* Returns the number of capturing groups in this matcher's pattern. Group zero denotes the entire
	* pattern and is excluded from this count.
	*
	* @returns {number} the number of capturing groups in this pattern
	*/
	groupCount() {
		return this.re2Input.numberOfCapturingGroups();
	}
	/**
	* Return a map of the capturing groups in this matcher's pattern, where key is the name and value
	* is the index of the group in the pattern.
	* @returns {Record<string, number>}
	*/
	namedGroups() {
		return this.re2Input.namedGroups;
	}
	/**
	*
	* @param {*} other
	* @returns {boolean}
	*/
	equals(other) {
		if (this === other) return true;
		if (other === null || this.constructor !== other.constructor) return false;
		return this.flagsInput === other.flagsInput && this.patternInput === other.patternInput;
	}
};
/**
* Creates an RE2JS regex directly from a template literal.
* @overload
* @param {TemplateStringsArray} stringsOrFlags - The raw string segments of the template literal.
* @param {...any} values - The interpolated values.
* @returns {RE2JS}
*/
/**
* Creates a template literal tag function with specific RE2JS flags.
* @overload
* @param {number} stringsOrFlags - The RE2JS flags to apply (e.g., RE2JS.CASE_INSENSITIVE).
* @returns {(strings: TemplateStringsArray, ...tagValues: any[]) => RE2JS}
*/
/**
* Implementation signature
* @param {TemplateStringsArray | number} stringsOrFlags
* @param {...any} values
* @returns {RE2JS | ((strings: TemplateStringsArray, ...tagValues: any[]) => RE2JS)}
*/
function re(stringsOrFlags, ...values) {
	if (Array.isArray(stringsOrFlags) && "raw" in stringsOrFlags) {
		const pattern = String.raw(stringsOrFlags, ...values);
		return RE2JS.compile(pattern);
	}
	const flags = typeof stringsOrFlags === "number" ? stringsOrFlags : 0;
	return (strings, ...tagValues) => {
		const pattern = String.raw(strings, ...tagValues);
		return RE2JS.compile(pattern, flags);
	};
}


;// CONCATENATED MODULE: ./src/engine/re2-wasm.ts



/** The slice of the WebAssembly global this module uses (the project's lib setting has no DOM types). */
const WebAssembly = globalThis.WebAssembly;
/** Matches fetched per call: four int32 each. A window rarely has more, and the engine stops a rule at 256. */
const BATCH = 64;
/** Where re2.wasm would be, from the bundle (dist/index.js, dist/cli/, dist/worker/) or the sources (src/engine/). */
function wasmCandidates(from = import.meta.url) {
    const here = (0,external_node_path_namespaceObject.dirname)((0,external_node_url_namespaceObject.fileURLToPath)(from));
    return [(0,external_node_path_namespaceObject.join)(here, 'native'), (0,external_node_path_namespaceObject.join)(here, '..', 'native'), (0,external_node_path_namespaceObject.join)(here, '..', '..', 'dist', 'native')].map((dir) => (0,external_node_path_namespaceObject.join)(dir, 'wasm', 're2.wasm'));
}
/**
 * Imports of a standalone emscripten module: an empty environment, a clock, memory growth; any other call (logging on
 * a fatal error, exit) throws, which stops the scan with an error instead of the process.
 */
function importsFor(module, memory) {
    const known = {
        emscripten_notify_memory_growth: () => undefined,
        environ_sizes_get: (count, size) => {
            new DataView(memory()).setUint32(count, 0, true);
            new DataView(memory()).setUint32(size, 0, true);
            return 0;
        },
        environ_get: () => 0,
        clock_time_get: (...args) => {
            new DataView(memory()).setBigUint64(args[2], process.hrtime.bigint(), true);
            return 0;
        },
    };
    const imports = {};
    for (const { module: space, name, kind } of WebAssembly.Module.imports(module)) {
        if (kind !== 'function')
            throw new Error(`re2.wasm imports a ${kind} (${space}.${name})`);
        (imports[space] ??= {})[name] =
            known[name] ??
                (() => {
                    throw new Error(`re2.wasm called ${space}.${name}`);
                });
    }
    return imports;
}
class Re2Wasm {
    exports;
    loaded;
    text = 0;
    capacity = 0;
    out;
    freed = new FinalizationRegistry((pattern) => this.exports.keyward_free_pattern(pattern));
    constructor(exports) {
        this.exports = exports;
        exports._initialize?.();
        this.out = this.alloc(BATCH * 16 + 4);
    }
    alloc(size) {
        // Pointers come back as signed int32: past 2 GB of memory they read negative unless made unsigned.
        const pointer = this.exports.keyward_alloc(size) >>> 0;
        if (pointer === 0)
            throw new Error(`re2.wasm could not allocate ${size} bytes`);
        return pointer;
    }
    /** A fresh view: growing memory detaches the previous one. */
    bytes() {
        return new Uint8Array(this.exports.memory.buffer);
    }
    compile(pattern) {
        const source = Buffer.from(pattern, 'utf8');
        const at = this.alloc(source.length + 1);
        this.bytes().set(source, at);
        const compiled = this.exports.keyward_compile(at, source.length);
        this.exports.keyward_free(at);
        const error = this.exports.keyward_error(compiled) >>> 0;
        if (error !== 0) {
            const bytes = this.bytes();
            const message = Buffer.from(bytes.buffer, error, bytes.indexOf(0, error) - error).toString('utf8');
            if (compiled !== 0)
                this.exports.keyward_free_pattern(compiled);
            throw new SyntaxError(`invalid regular expression: ${message}`);
        }
        const handle = { scan: (input, from, to, onMatch) => this.scan(compiled, input, from, to, onMatch) };
        this.freed.register(handle, compiled);
        return handle;
    }
    /** Copies the input's bytes into wasm memory unless they are the ones already there. */
    load(input) {
        if (this.loaded === input)
            return;
        const length = input.buffer.length;
        if (length > this.capacity) {
            if (this.text !== 0)
                this.exports.keyward_free(this.text);
            this.text = 0;
            this.capacity = 0;
            const size = Math.max(length, 1 << 16);
            this.text = this.alloc(size);
            this.capacity = size;
        }
        this.bytes().set(input.buffer, this.text);
        this.loaded = input;
    }
    scan(pattern, input, from, to, onMatch) {
        for (let start = 0; start >= 0;) {
            // Reloaded before each batch: a callback may have scanned another input in between.
            this.load(input);
            const found = this.exports.keyward_scan(pattern, this.text + from, to - from, start, this.out, BATCH, this.out + BATCH * 16);
            const results = new Int32Array(this.exports.memory.buffer, this.out, BATCH * 4 + 1).slice();
            start = results[BATCH * 4];
            for (let i = 0; i < found; i++) {
                const [matchStart, matchEnd, groupStart, groupEnd] = results.subarray(4 * i, 4 * i + 4);
                const grouped = groupStart >= 0;
                const match = { start: from + matchStart, end: from + matchEnd, secretStart: from + (grouped ? groupStart : matchStart), secretEnd: from + (grouped ? groupEnd : matchEnd) };
                if (onMatch(match) === false)
                    return;
            }
        }
    }
}
/** The WebAssembly RE2 backend from the first re2.wasm found; throws when there is none or it does not instantiate. */
function loadWasmBackend() {
    const file = wasmCandidates().find((candidate) => (0,external_node_fs_namespaceObject.existsSync)(candidate));
    if (!file)
        throw new Error('no re2.wasm in dist/native/wasm');
    const module = new WebAssembly.Module((0,external_node_fs_namespaceObject.readFileSync)(file));
    const started = {};
    const instance = new WebAssembly.Instance(module, importsFor(module, () => started.exports.memory.buffer));
    started.exports = instance.exports;
    const engine = new Re2Wasm(started.exports);
    return { backend: { name: 're2-wasm', compile: (pattern) => engine.compile(pattern) }, source: file.split(/[\\/]/).slice(-3).join('/') };
}

;// CONCATENATED MODULE: ./src/engine/regex.ts






/**
 * The content being scanned, with latin1 views of it for the pure-JS backend (latin1 keeps one char per byte, so
 * string offsets are byte offsets). Windows are decoded one by one: a file usually has a few windows, and decoding a
 * whole 3 MB file for two of them was a third of the re2js backend's time. Once the windows asked for add up to half
 * the file, the whole file is decoded once and windows are cut from it.
 */
class ScanInput {
    buffer;
    text;
    decoded = 0;
    constructor(buffer) {
        this.buffer = buffer;
    }
    latin1() {
        this.text ??= this.buffer.toString('latin1');
        return this.text;
    }
    /** The latin1 text of bytes [from, to). */
    latin1Window(from, to) {
        if (this.text === undefined) {
            this.decoded += to - from;
            if (this.decoded <= this.buffer.length >>> 1)
                return this.buffer.toString('latin1', from, to);
        }
        return this.latin1().substring(from, to);
    }
}
function nativeBackend(RE2) {
    return {
        name: 'native-re2',
        compile(pattern) {
            const regex = new RE2(pattern, 'gd');
            return {
                scan(input, from, to, onMatch) {
                    const window = input.buffer.subarray(from, to);
                    regex.lastIndex = 0;
                    for (let match = regex.exec(window); match !== null; match = regex.exec(window)) {
                        const whole = match.indices?.[0] ?? [match.index, match.index + match[0].length];
                        if (whole[1] === whole[0]) {
                            regex.lastIndex = whole[1] + 1;
                            if (regex.lastIndex > window.length)
                                break;
                            continue;
                        }
                        const secret = match.indices?.[1] ?? whole;
                        if (onMatch({ start: from + whole[0], end: from + whole[1], secretStart: from + secret[0], secretEnd: from + secret[1] }) === false)
                            break;
                    }
                },
            };
        },
    };
}
const portableBackend = {
    name: 're2js',
    compile(pattern) {
        const regex = RE2JS.compile(pattern);
        const hasGroup = regex.groupCount() > 0;
        return {
            scan(input, from, to, onMatch) {
                const window = input.latin1Window(from, to);
                // test() runs re2js's DFA, many times faster than the capturing matcher: most windows hold no match at all.
                if (!regex.test(window))
                    return;
                const matcher = regex.matcher(window);
                let position = 0;
                while (matcher.find(position)) {
                    const start = matcher.start();
                    const end = matcher.end();
                    position = end === start ? end + 1 : end;
                    if (end === start) {
                        if (position > to - from)
                            break;
                        continue;
                    }
                    const groupStart = hasGroup ? matcher.start(1) : -1;
                    const secretStart = groupStart >= 0 ? groupStart : start;
                    const secretEnd = groupStart >= 0 ? matcher.end(1) : end;
                    if (onMatch({ start: from + start, end: from + end, secretStart: from + secretStart, secretEnd: from + secretEnd }) === false)
                        break;
                    if (position > to - from)
                        break;
                }
            },
        };
    },
};
let selected;
let nativeLoadError;
let nativeSource;
let wasmLoadError;
/**
 * Where a prebuilt addon for this platform, architecture and Node ABI would be: dist/native/<target>/re2.node, found
 * from the bundle (dist/index.js, dist/cli/, dist/worker/) or from the sources (src/engine/, the tests).
 */
function prebuiltCandidates(from = import.meta.url) {
    const target = `${process.platform}-${process.arch}-node${process.versions.modules}`;
    const here = (0,external_node_path_namespaceObject.dirname)((0,external_node_url_namespaceObject.fileURLToPath)(from));
    return [(0,external_node_path_namespaceObject.join)(here, 'native'), (0,external_node_path_namespaceObject.join)(here, '..', 'native'), (0,external_node_path_namespaceObject.join)(here, '..', '..', 'dist', 'native')].map((dir) => (0,external_node_path_namespaceObject.join)(dir, target, 're2.node'));
}
/**
 * Loads RE2's addon: a prebuilt one shipped in dist/native for this Node ABI (the Action's node24 on Linux), else the
 * re2 package built by `npm ci` for the Node that installed it. Only a file named for this ABI is tried, so a
 * mismatched addon is never loaded into the process.
 */
function loadNative() {
    const require = (0,external_node_module_namespaceObject.createRequire)(import.meta.url);
    for (const file of prebuiltCandidates()) {
        if ((0,external_node_fs_namespaceObject.existsSync)(file))
            return { RE2: require(file), source: file.split(/[\\/]/).slice(-3).join('/') };
    }
    return { RE2: require('re2'), source: 'the re2 package' };
}
const briefly = (error) => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 240);
/**
 * The native RE2 addon when it loads, else RE2 as WebAssembly (dist/native/wasm/re2.wasm: macOS, Windows), else re2js:
 * the same RE2 syntax and linear-time guarantee in pure JavaScript. `KEYWARD_REGEX=re2-wasm` skips the addon,
 * `KEYWARD_REGEX=re2js` forces the last.
 */
function regexBackend() {
    if (selected)
        return selected;
    const wanted = process.env.KEYWARD_REGEX;
    if (wanted !== 're2js' && wanted !== 're2-wasm') {
        try {
            const loaded = loadNative();
            nativeSource = loaded.source;
            return (selected = nativeBackend(loaded.RE2));
        }
        catch (error) {
            nativeLoadError = briefly(error);
        }
    }
    else
        nativeLoadError = `KEYWARD_REGEX=${wanted}`;
    if (wanted !== 're2js') {
        try {
            const loaded = loadWasmBackend();
            nativeSource = loaded.source;
            return (selected = loaded.backend);
        }
        catch (error) {
            wasmLoadError = briefly(error);
        }
    }
    selected = portableBackend;
    return selected;
}
/** Why the native backend is not in use, for diagnostics. */
function nativeRegexUnavailableReason() {
    regexBackend();
    return nativeLoadError;
}
/** One line saying which regex engine runs and where it came from, for the Action's log and `keyward --version`. */
function regexEngineDescription() {
    const backend = regexBackend();
    if (backend.name === 'native-re2')
        return `native-re2 (${nativeSource})`;
    if (backend.name === 're2-wasm')
        return `re2-wasm (${nativeSource}; native re2 unavailable: ${nativeLoadError})`;
    return `re2js (native re2 unavailable: ${nativeLoadError}${wasmLoadError ? `; re2-wasm unavailable: ${wasmLoadError}` : ''})`;
}
const regexBackends = {
    portable: portableBackend,
    /** What regexBackend() picks: native when it loads, else re2-wasm, else re2js (KEYWARD_REGEX can skip either). */
    get default() {
        return regexBackend();
    },
    native() {
        try {
            return nativeBackend(loadNative().RE2);
        }
        catch {
            return undefined;
        }
    },
    /** RE2 as WebAssembly, when dist/native/wasm/re2.wasm is there. */
    wasm() {
        try {
            return loadWasmBackend().backend;
        }
        catch {
            return undefined;
        }
    },
};


;// CONCATENATED MODULE: ./src/engine/byte-classes.ts
/**
 * The byte sets of simple regex classes (`[A-Za-z0-9_-]`, `\d`, `\w`), as 256-entry tables: what the anchor walk (see
 * anchors.ts) knows a class matches. Only ASCII is read; anything else makes the reader give up.
 */
const DIGITS = [[48, 57]];
/** RE2's `\s`: tab, newline, form feed, carriage return, space. */
const SPACES = [[9, 10], [12, 13], [32, 32]];
const WORD_RANGES = [[48, 57], [65, 90], [97, 122], [95, 95]];
/** RE2's escapes of single control bytes. */
const CONTROL_ESCAPES = { t: 9, n: 10, v: 11, f: 12, r: 13 };
/** The set with both ASCII cases of every letter in it. */
function folded(set) {
    const both = set.slice();
    for (let c = 65; c <= 90; c++)
        both[c] = both[c + 32] = set[c] | set[c + 32];
    return both;
}
/** The bytes a class body lists (`A-Za-z0-9_\-`), or undefined for what it cannot read (`\p`, `[:alpha:]`, non-ASCII). */
function byteSet(body) {
    const set = new Uint8Array(256);
    for (let i = 0; i < body.length; i++) {
        let c = body[i];
        if (c === '\\') {
            const next = body[++i] ?? '';
            if (next === 'd' || next === 'w' || next === 's') {
                for (const [from, to] of next === 'd' ? DIGITS : next === 'w' ? WORD_RANGES : SPACES)
                    fill(set, from, to);
                continue;
            }
            const control = CONTROL_ESCAPES[next];
            if (control !== undefined) {
                set[control] = 1;
                continue;
            }
            if (next === '' || /[A-Za-z0-9]/.test(next))
                return undefined;
            c = next;
        }
        else if (c === '[')
            return undefined;
        const code = c.charCodeAt(0);
        if (code > 0x7e)
            return undefined;
        const rangeEnd = body[i + 1] === '-' && i + 2 < body.length && body[i + 2] !== '\\' ? body.charCodeAt(i + 2) : -1;
        if (rangeEnd > 0x7e)
            return undefined;
        if (rangeEnd >= 0) {
            fill(set, code, rangeEnd);
            i += 2;
        }
        else
            set[code] = 1;
    }
    return set;
}
/** `\w`: the bytes of a word. */
const WORD = byteSet('A-Za-z0-9_');
function fill(set, from, to) {
    for (let c = from; c <= to; c++)
        set[c] = 1;
}
/** ASCII lower case of every byte. */
const LOWER = Uint8Array.from({ length: 256 }, (_, c) => (c >= 65 && c <= 90 ? c + 32 : c));

;// CONCATENATED MODULE: ./src/engine/required-bytes.ts
/**
 * What bytes every match of a pattern must contain, found conservatively so that a window lacking them can be skipped
 * without running the regex. Only ASCII punctuation counts: letters and digits are left out, so case-insensitive
 * flags never matter. An empty answer only means nothing is known.
 */
/** Index just past the character class opening at `at`, or -1 when unbalanced. */
function skipClass(pattern, at) {
    const n = pattern.length;
    let j = at + 1;
    if (pattern[j] === '^')
        j++;
    if (pattern[j] === ']')
        j++;
    while (j < n && pattern[j] !== ']') {
        if (pattern[j] === '\\')
            j += 2;
        else if (pattern[j] === '[' && pattern[j + 1] === ':') {
            const close = pattern.indexOf(':]', j + 2);
            if (close === -1)
                return -1;
            j = close + 2;
        }
        else
            j++;
    }
    return j < n ? j + 1 : -1;
}
/** Index just past the group opening at `at`, or -1 when unbalanced (or holding a \Q quote). */
function skipGroup(pattern, at) {
    let depth = 0;
    let j = at;
    while (j < pattern.length) {
        const c = pattern[j];
        if (c === '\\') {
            if (pattern[j + 1] === 'Q')
                return -1;
            j += 2;
        }
        else if (c === '[') {
            j = skipClass(pattern, j);
            if (j === -1)
                return -1;
        }
        else {
            if (c === '(')
                depth++;
            else if (c === ')' && --depth === 0)
                return j + 1;
            j++;
        }
    }
    return -1;
}
/** The pattern's top-level alternatives (one when it has no top-level `|`), or undefined when it is unbalanced. */
function alternatives(pattern) {
    const parts = [];
    let from = 0;
    let i = 0;
    while (i < pattern.length) {
        const c = pattern[i];
        if (c === '\\') {
            if (pattern[i + 1] === 'Q')
                return undefined;
            i += 2;
        }
        else if (c === '[' || c === '(') {
            i = c === '[' ? skipClass(pattern, i) : skipGroup(pattern, i);
            if (i === -1)
                return undefined;
        }
        else {
            if (c === '|') {
                parts.push(pattern.slice(from, i));
                from = i + 1;
            }
            i++;
        }
    }
    parts.push(pattern.slice(from));
    return parts;
}
/**
 * Sets of ASCII punctuation bytes such that every match of `pattern` holds at least one byte of each set. A set of one
 * is a byte every match holds; a larger one comes from an alternation whose every branch requires some byte
 * (`(?::|=|=>)` gives {`:`, `=`}). Only required atoms count (outside classes, not optional).
 */
function requiredByteSets(pattern) {
    const branches = alternatives(pattern);
    if (branches === undefined)
        return [];
    if (branches.length > 1) {
        const union = new Set();
        for (const branch of branches) {
            const sets = requiredByteSets(branch);
            if (sets.length === 0)
                return [];
            for (const byte of sets.reduce((a, b) => (b.length < a.length ? b : a)))
                union.add(byte);
        }
        return [[...union]];
    }
    return sequenceSets(pattern);
}
/** requiredByteSets of a pattern with no top-level alternation: its required atoms in sequence. */
function sequenceSets(pattern) {
    const sets = new Map();
    const add = (set) => sets.set([...set].sort((a, b) => a - b).join(','), set);
    let i = 0;
    while (i < pattern.length) {
        const atom = readAtom(pattern, i);
        if (atom === undefined)
            return [];
        i = atom.end;
        if (atom.skip)
            continue;
        const quantified = readQuantifier(pattern, i);
        if (quantified === undefined)
            return [];
        i = quantified.end;
        if (quantified.optional)
            continue;
        if (atom.literal >= 0)
            add([atom.literal]);
        for (const set of atom.inner)
            add(set);
    }
    return [...sets.values()];
}
/** The atom starting at `i`; undefined when nothing can be learnt from the pattern (unbalanced, a quote, a stray `{`). */
function readAtom(pattern, i) {
    const c = pattern[i];
    if (c === '^' || c === '$')
        return { end: i + 1, literal: -1, inner: [], skip: true };
    if (c === '\\')
        return readEscape(pattern, i);
    if (c === '[') {
        const end = skipClass(pattern, i);
        return end === -1 ? undefined : { end, literal: -1, inner: [] };
    }
    if (c === '(') {
        const end = skipGroup(pattern, i);
        if (end === -1)
            return undefined;
        const group = pattern.slice(i, end);
        // Inline flags such as (?i) match nothing and take no quantifier.
        if (/^\(\?[a-zA-Z-]*\)$/.test(group))
            return { end, literal: -1, inner: [], skip: true };
        const body = /^\((?:\?[a-zA-Z-]*:|\?P?<[A-Za-z_][A-Za-z0-9_]*>)?/.exec(group)[0];
        // Lookarounds and other (?x...) forms that are not groups teach nothing.
        const isGroup = body === '(' || !group.startsWith('(?') || body.length > 1;
        return { end, literal: -1, inner: isGroup ? requiredByteSets(group.slice(body.length, -1)) : [] };
    }
    if (c === ')' || c === '*' || c === '+' || c === '?' || c === '{' || c === '|')
        return undefined;
    const code = c.charCodeAt(0);
    return { end: i + 1, literal: code < 0x80 && !/[A-Za-z0-9]/.test(c) && c !== '.' ? code : -1, inner: [] };
}
function readEscape(pattern, i) {
    const next = pattern[i + 1];
    if (next === undefined || next === 'Q')
        return undefined;
    if (!/[A-Za-z0-9]/.test(next))
        return { end: i + 2, literal: next.charCodeAt(0), inner: [] };
    // A class or assertion (\d, \s, \b, \pL, \p{Greek}, \x41, \x{263a}): not a punctuation literal.
    let end = i + 2;
    if ((next === 'p' || next === 'P' || next === 'x') && pattern[end] === '{') {
        const close = pattern.indexOf('}', end);
        if (close === -1)
            return undefined;
        end = close + 1;
    }
    else if (next === 'x')
        end += 2;
    return { end, literal: -1, inner: [] };
}
/** The quantifier at `i`, if any: whether the atom may occur zero times. Undefined for a `{` RE2 reads as a literal. */
function readQuantifier(pattern, i) {
    const q = pattern[i];
    let optional = false;
    let end = i;
    if (q === '*' || q === '?') {
        optional = true;
        end++;
    }
    else if (q === '+')
        end++;
    else if (q === '{') {
        const close = pattern.indexOf('}', i);
        const body = close === -1 ? '' : pattern.slice(i + 1, close);
        if (!/^\d+(,\d*)?$/.test(body))
            return undefined;
        optional = Number(body.split(',')[0]) === 0;
        end = close + 1;
    }
    if (end > i && pattern[end] === '?')
        end++;
    return { end, optional };
}
/** Bytes every match of `pattern` contains: the sets of one of requiredByteSets. */
function requiredBytes(pattern) {
    return requiredByteSets(pattern)
        .filter((set) => set.length === 1)
        .map((set) => set[0]);
}

;// CONCATENATED MODULE: ./src/engine/anchor-atoms.ts
/**
 * Readers of single regex atoms for the anchor walk (anchors.ts): plain characters, groups of plain alternatives,
 * quantifiers, inline flags, boundary guards and simple classes. Each returns undefined for what it cannot read.
 */


/** The texts of a group of plain alternatives (`(?:live|test)`), or undefined. Flags or captures make it no such group. */
function plainChoices(atom) {
    const body = /^\((?:\?:)?([^()]*)\)$/.exec(atom)?.[1];
    if (body === undefined)
        return undefined;
    const texts = body.split('|');
    return texts.every((choice) => choice.length > 0 && /^[\x20-\x7e]+$/.test(choice) && !/[\\.[\]^$*+?{}()|]/.test(choice)) ? texts : undefined;
}
/**
 * The literal each alternative of a group opens with, read up to its first atom that is not one plain character taken
 * once (`(?:key|credentials?|api[_-]?key)` gives `key`, `credential`, `api`); undefined when some alternative opens
 * otherwise, or the group sets flags.
 */
function leadingTexts(atom) {
    const head = /^\((?:\?:)?/.exec(atom)[0];
    if (!atom.startsWith('(') || atom.startsWith('(?') !== (head.length === 3))
        return undefined;
    const branches = alternatives(atom.slice(head.length, -1));
    const texts = [];
    for (const branch of branches ?? []) {
        let text = '';
        for (let i = 0; i < branch.length;) {
            const read = readAtom(branch, i);
            const plain = read && !read.skip ? plainCharacter(branch.slice(i, read.end)) : undefined;
            if (plain === undefined || readQuantifier(branch, read.end)?.end !== read.end)
                break;
            text += plain;
            i = read.end;
        }
        if (text === '')
            return undefined;
        texts.push(text);
    }
    return branches ? texts : undefined;
}
/** What a zero-width or one-byte guard says about the byte before the next atom: `\b`, or `(?:^|[^...])`. */
function boundaryOf(text, caseless) {
    if (text === '\\b')
        return WORD;
    const guard = /^\(\?:\^\|\[\^([^\]]*)\]\)$/.exec(text) ?? /^\(\?:\[\^([^\]]*)\]\|\^\)$/.exec(text);
    const set = guard ? byteSet(guard[1]) : undefined;
    return set && caseless ? folded(set) : set;
}
function repeats(quantifier) {
    if (quantifier === '')
        return { min: 1, max: 1, fixed: true };
    if (quantifier.startsWith('+'))
        return { min: 1, max: Infinity, fixed: false };
    if (quantifier.startsWith('*'))
        return { min: 0, max: Infinity, fixed: false };
    if (quantifier.startsWith('?'))
        return { min: 0, max: 1, fixed: false };
    const [low, high] = quantifier.replace(/[{}?]/g, '').split(',');
    const max = high === undefined ? Number(low) : high === '' ? Infinity : Number(high);
    return { min: Number(low), max, fixed: high === undefined };
}
/** The flags an inline `(?i)` / `(?-i)` leaves: true when caseless, undefined when it says nothing of `i`. */
function flagsAfter(text, caseless) {
    const flags = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?[:)]/.exec(text);
    if (!flags)
        return undefined;
    if (flags[2]?.includes('i'))
        return false;
    if (flags[1]?.includes('i'))
        return true;
    return caseless;
}
/** The character an atom stands for when it is one plain character (`E`, `\.`), else undefined. */
function plainCharacter(atom) {
    const c = atom.length === 1 ? atom : atom.length === 2 && atom[0] === '\\' && !/[A-Za-z0-9]/.test(atom[1]) ? atom[1] : undefined;
    if (c === undefined || c.charCodeAt(0) > 0x7e || c.charCodeAt(0) < 0x20)
        return undefined;
    return atom.length === 1 && '.[(^$|'.includes(c) ? undefined : c;
}
/** The bytes a one-character atom matches (`[A-Za-z0-9_-]`, `\d`, `\w`), for a class of ASCII only; else undefined. */
function classBytes(atom, caseless) {
    if (atom === '\\d')
        return byteSet('0-9');
    if (atom === '\\w')
        return WORD;
    if (!atom.startsWith('[') || skipClass(atom, 0) !== atom.length)
        return undefined;
    const negated = atom.startsWith('[^');
    const listed = byteSet(atom.slice(negated ? 2 : 1, -1));
    const set = listed && caseless ? folded(listed) : listed;
    return set && negated ? set.map((inside) => 1 - inside) : set;
}

;// CONCATENATED MODULE: ./src/engine/anchors.ts
/**
 * Case-sensitive literals every match of a pattern holds, with what must stand right before and after them: enough to
 * tell, from a few bytes around a keyword hit, that no match can hold that hit (see keyword-forms.ts). Conservative:
 * whatever the walk cannot read makes it learn less, never more.
 */



/** Bytes checked after an anchor at most: enough to turn away a hit, cheap when the hit is real. */
const MAX_FOLLOW_BYTES = 128;
/** Texts one anchor may stand for (`(?:live|test)_` gives two). */
const MAX_TEXTS = 16;
/**
 * The anchors of `pattern`: literal runs outside classes, not quantified, at the top level or in a required group of
 * one branch (`\b(EAA[A-Z]...)` gives `EAA`); a group of plain alternatives makes a run of several texts
 * (`(?:live|test)_` gives `live_` and `test_`). A top-level alternation keeps only anchors every branch holds alike.
 * Empty when nothing is known.
 */
function anchors_anchors(pattern, caseless = false, notAfter) {
    const branches = alternatives(pattern);
    if (branches === undefined)
        return [];
    if (branches.length === 1)
        return sequenceAnchors(pattern, caseless, notAfter);
    const each = branches.map((branch) => sequenceAnchors(branch, caseless, notAfter).map((anchor) => ({ anchor, key: anchorKey(anchor) })));
    return each[0].filter(({ key }) => each.every((found) => found.some((other) => other.key === key))).map(({ anchor }) => anchor);
}
function anchorKey(anchor) {
    return JSON.stringify([anchor.texts, anchor.caseless, anchor.notAfter && [...anchor.notAfter], anchor.followedBy.map(followingKey)]);
}
/** Everything a following run says, so that two anchors alike in key are alike in what they require. */
function followingKey(f) {
    return [[...f.allowed], f.count, f.upTo, f.then, f.words && [f.words.caseless, ...f.words.texts.map((text) => text.toString('latin1'))]];
}
function sequenceAnchors(pattern, caseless, notAfter) {
    const walk = { found: [], run: [], runCaseless: caseless, boundary: notAfter };
    let i = 0;
    while (i < pattern.length) {
        const atom = readAtom(pattern, i);
        if (atom === undefined)
            return [];
        const text = pattern.slice(i, atom.end);
        i = atom.end;
        if (atom.skip) {
            caseless = flagsAfter(text, caseless) ?? caseless;
            closeRun(walk);
            walk.following = undefined;
            walk.boundary = undefined;
            continue;
        }
        const quantifier = readQuantifier(pattern, i);
        if (quantifier === undefined)
            return [];
        const count = repeats(pattern.slice(i, quantifier.end));
        endRun(walk, text, count, caseless);
        i = quantifier.end;
        readStep(walk, text, count, caseless);
    }
    closeRun(walk);
    return walk.found;
}
/** Takes one atom (`text`, repeated at least `count` times, exactly when `count.fixed`) into the walk. */
function readStep(walk, text, count, caseless) {
    const plain = plainCharacter(text);
    const choices = plain === undefined ? plainChoices(text) : [plain];
    if (walk.run.length > 0 && walk.runCaseless !== caseless)
        closeRun(walk);
    if (choices && count.min === 1 && count.fixed && (walk.run.length || 1) * choices.length <= MAX_TEXTS) {
        extendRun(walk, choices, caseless);
        return;
    }
    closeRun(walk);
    const allowed = classBytes(text, caseless);
    if (walk.following && allowed && (count.min > 0 || count.max <= MAX_FOLLOW_BYTES))
        follow(walk, allowed, count);
    else
        walk.following = undefined;
    const before = walk.boundary;
    walk.boundary = boundaryOf(text, caseless);
    if (text.startsWith('(') && count.min === 1 && count.fixed)
        walk.found.push(...groupAnchors(text, caseless, before));
}
/** A non-word boundary guard carries over to a literal starting with a symbol only when it came from a class. */
function precedingGuard(boundary) {
    return boundary && boundary !== WORD ? boundary : undefined;
}
function follow(walk, allowed, count) {
    const following = walk.following;
    const take = Math.min(count.min, MAX_FOLLOW_BYTES - following.bytes);
    following.bytes += take;
    if (!count.fixed && take === count.min && count.max <= MAX_FOLLOW_BYTES) {
        // A character of a negated class may take up to four bytes of UTF-8.
        const entry = { allowed, count: take, upTo: allowed[0x80] ? 4 * count.max : count.max };
        following.anchor.followedBy.push(entry);
        following.awaiting = entry;
        return;
    }
    if (take > 0)
        following.anchor.followedBy.push({ allowed, count: take });
    if (!count.fixed || following.bytes >= MAX_FOLLOW_BYTES)
        walk.following = undefined;
}
/**
 * Ends a run awaiting what comes after it: a plain symbol outside the run's class, or a group of alternatives that each
 * open with a literal (`(?:key|token|credentials?)` gives `key`, `token`, `credential`). Anything else drops the bound.
 */
function endRun(walk, text, count, caseless) {
    const awaiting = walk.following?.awaiting;
    if (!awaiting)
        return;
    walk.following = undefined;
    const once = count.min === 1 && count.fixed;
    const code = plainCharacter(text)?.charCodeAt(0);
    const words = once && code === undefined ? leadingTexts(text) : undefined;
    if (code !== undefined && once && awaiting.allowed[code] !== 1 && WORD[code] !== 1)
        awaiting.then = code;
    else if (words && words.length <= MAX_TEXTS)
        awaiting.words = { caseless, texts: words.map((word) => Buffer.from(caseless ? word.toLowerCase() : word, 'latin1')) };
    else
        delete awaiting.upTo;
}
function extendRun(walk, choices, caseless) {
    if (walk.run.length === 0) {
        const wordStart = choices.every((choice) => WORD[choice.charCodeAt(0)] === 1);
        const symbolStart = choices.every((choice) => WORD[choice.charCodeAt(0)] !== 1);
        walk.runNotAfter = wordStart ? walk.boundary : symbolStart ? precedingGuard(walk.boundary) : undefined;
        walk.runCaseless = caseless;
        walk.run = [...new Set(choices)];
    }
    else
        walk.run = [...new Set(walk.run.flatMap((head) => choices.map((choice) => head + choice)))];
    walk.boundary = undefined;
}
function closeRun(walk) {
    if (walk.run.length === 0)
        return;
    const anchor = { texts: walk.run, caseless: walk.runCaseless, notAfter: walk.runNotAfter && (walk.runCaseless ? folded(walk.runNotAfter) : walk.runNotAfter), followedBy: [] };
    walk.found.push(anchor);
    walk.following = { anchor, bytes: 0 };
    walk.run = [];
    walk.runNotAfter = undefined;
}
/** The anchors of a required group, read with the group's own flags (`(?i:...)` makes it caseless). */
function groupAnchors(group, caseless, notAfter) {
    const head = /^\((?:\?[a-zA-Z]*(?:-[a-zA-Z]*)?:|\?P?<[A-Za-z_][A-Za-z0-9_]*>)?/.exec(group)[0];
    if (group.startsWith('(?') && head.length <= 2)
        return [];
    return anchors_anchors(group.slice(head.length, -1), flagsAfter(head, caseless) ?? caseless, notAfter);
}

;// CONCATENATED MODULE: ./src/engine/window-checks.ts



/** Literals checked per window at most: the longest, as those are the likeliest to be missing. */
const MAX_LITERALS = 2;
function windowNeeds(rule) {
    return { bytes: rarestFirst(requiredByteSets(rule.pattern)), literals: neededLiterals(rule) };
}
/**
 * The anchors of the pattern a keyword hit does not already prove. Caseless texts holding `k` or `s` are left out:
 * RE2 folds those to the Kelvin sign and the long s, which an ASCII search would not see.
 */
function neededLiterals(rule) {
    const keywords = rule.keywords.map((keyword) => keyword.toLowerCase());
    const shortest = (texts) => Math.min(...texts.map((text) => text.length));
    return anchors_anchors(rule.pattern)
        .filter(({ texts, caseless }) => shortest(texts) >= 2 && !(caseless && texts.some((text) => /[ks]/i.test(text))))
        .filter(({ texts, caseless }) => !(caseless && keywords.every((keyword) => texts.some((text) => keyword.includes(text.toLowerCase())))))
        .sort((a, b) => shortest(b.texts) - shortest(a.texts))
        .slice(0, MAX_LITERALS)
        .map(({ texts, caseless }) => ({ caseless, texts: texts.map((text) => (caseless ? text.toLowerCase() : text)).map((string) => ({ string, bytes: Buffer.from(string, 'latin1') })) }));
}
/** True when content[from, to) holds everything the rule needs: a match may lie inside. Plain loops: it runs per window. */
function mayMatchIn(content, from, to, needs) {
    for (const set of needs.bytes) {
        let held = false;
        for (let i = 0; i < set.length && !held; i++)
            held = holds(content, from, to, set[i]);
        if (!held)
            return false;
    }
    for (const { texts, caseless } of needs.literals) {
        let held = false;
        for (let i = 0; i < texts.length && !held; i++)
            held = holdsText(content, from, to, texts[i], caseless);
        if (!held)
            return false;
    }
    return true;
}
/** Punctuation in rough order of how common it is in source text; bytes not listed count as rarer than all of these. */
const COMMON_BYTES = ' "\'.,:;=-_/()[]{}<>*+\n';
const commonness = (byte) => COMMON_BYTES.indexOf(String.fromCharCode(byte));
/** Required-byte sets in the order they are checked: the likeliest to be missing (small sets of rare bytes) first. */
function rarestFirst(sets) {
    const rank = (set) => set.length * 100 + Math.min(...set.map(commonness));
    return sets.map((set) => set.sort((a, b) => commonness(a) - commonness(b))).sort((a, b) => rank(a) - rank(b));
}
/** Windows up to this long are searched by a loop here: a native call costs more than a short loop. */
const SHORT = 512;
/** True when content[from, to) contains `byte`. */
function holds(content, from, to, byte) {
    if (to - from > SHORT)
        return content.subarray(from, to).indexOf(byte) !== -1;
    let at = from;
    while (at < to && content[at] !== byte)
        at++;
    return at < to;
}
/**
 * True when content[from, to) contains the text (in any ASCII case when `caseless`). Long windows are searched
 * natively: caseless, in a lower-cased latin1 copy, which V8 makes several times faster than a loop over the bytes.
 */
function holdsText(content, from, to, { bytes, string }, caseless) {
    if (to - from > SHORT)
        return caseless ? content.toString('latin1', from, to).toLowerCase().includes(string) : content.subarray(from, to).indexOf(bytes) !== -1;
    return caseless ? holdsCaseless(content, from, to, bytes) : holdsExactly(content, from, to, bytes);
}
function holdsExactly(content, from, to, text) {
    const first = text[0];
    for (let at = from, last = to - text.length; at <= last; at++) {
        if (content[at] !== first)
            continue;
        let i = 1;
        while (i < text.length && content[at + i] === text[i])
            i++;
        if (i === text.length)
            return true;
    }
    return false;
}
function holdsCaseless(content, from, to, text) {
    const first = text[0];
    for (let at = from, last = to - text.length; at <= last; at++) {
        if (LOWER[content[at]] !== first)
            continue;
        let i = 1;
        while (i < text.length && LOWER[content[at + i]] === text[i])
            i++;
        if (i === text.length)
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/engine/prefilter-walk-wasm.ts
// Generated by scripts/build-prefilter-wasm.mjs from src/engine/prefilter-walk.c: do not edit.
// The sums are in scripts/prefilter-wasm.json.
/** The prefilter walk as a WebAssembly module, base64. */
const prefilterWalkWasm = 'AGFzbQEAAAABEAJgAAF/YAd/f39/f39/AX8CDwEDZW52Bm1lbW9yeQIAAgMEAwAAAQYPAn8BQYCIBAt/AEGAiAQLBy4ECmNsYXNzZXNfYXQAAAhkZWx0' +
    'YV9hdAABBHdhbGsAAgtfX2hlYXBfYmFzZQMBCokWAwYAQYCACAsGAEGAgggL+BUBKn8jAEGwAWsiByQAIAEgAmsgBm0hCyAGQQBKBEBBACADayENIAtB' +
    'AXQhDiACIQkgBiEKA0AgB0GAAWogCGogCTYCACAHIAhqIAw2AgAgB0HgAGogCGogCSANakEAIAgbIg82AgAgB0FAayAIaiAJIA9rNgIAIAkgC2ohCSAM' +
    'IA5qIQwgCEEEaiEIIApBAWsiCg0ACwsgB0GAAWogBkECdGogATYCACALIAIgAyACIANIG2ohDwJAAkACQAJAAkAgBkECaw4HAgMBAwMDAAMLIAcoAmAh' +
    'DAJAIA9BAEwEQEGAggghCUGAggghCkGAggghC0GAggghDkGAggghDUGAggghA0GAggghAUGAggghEQwBCyAAIAcoAnwiG2ohHCAAIAcoAngiHWohEyAA' +
    'IAcoAnQiHmohHyAAIAcoAnAiIGohISAAIAcoAmwiImohIyAAIAcoAmgiJGohJSAAIAcoAmQiJmohJyAAIAxqIShBACEIQYCCCCERIAcoAlwhKSAHKAJY' +
    'ISogBygCVCErIAcoAlAhLCAHKAJMIS0gBygCSCEuIAcoAkQhLyAHKAJAITAgBygCHCEUIAcoAhghEiAHKAIUIRUgBygCECEWIAcoAgwhFyAHKAIIIRgg' +
    'BygCBCEZIAcoAgAhGkGAggghAUGAggghA0GAggghDUGAggghDkGAggghC0GAggghCkGAggghCQNAAkAgASAIIBxqLQAALQCAgAhyKAIAIgEgDSAIIBNq' +
    'LQAALQCAgAhyKAIAIg0gCyAIIB9qLQAALQCAgAhyKAIAIgsgCSAIICFqLQAALQCAgAhyKAIAIgkgCiAIICNqLQAALQCAgAhyKAIAIgogDiAIICVqLQAA' +
    'LQCAgAhyKAIAIg4gAyAIICdqLQAALQCAgAhyKAIAIgMgESAIIChqLQAALQCAgAhyKAIAIhFycnJycnJyIARIDQACQCAEIBFKDQAgCCAwSA0AIAUgGkEC' +
    'dGoiECARNgIAIBBBBGogCCAMajYCACAaQQJqIRoLAkAgAyAESA0AIAggL0gNACAFIBlBAnRqIhAgAzYCACAQQQRqIAggJmo2AgAgGUECaiEZCwJAIAQg' +
    'DkoNACAIIC5IDQAgBSAYQQJ0aiIQIA42AgAgEEEEaiAIICRqNgIAIBhBAmohGAsCQCAEIApKDQAgCCAtSA0AIAUgF0ECdGoiECAKNgIAIBBBBGogCCAi' +
    'ajYCACAXQQJqIRcLAkAgBCAJSg0AIAggLEgNACAFIBZBAnRqIhAgCTYCACAQQQRqIAggIGo2AgAgFkECaiEWCwJAIAQgC0oNACAIICtIDQAgBSAVQQJ0' +
    'aiIQIAs2AgAgEEEEaiAIIB5qNgIAIBVBAmohFQsCQCAEIA1KDQAgCCAqSA0AIAUgEkECdGoiECANNgIAIBBBBGogCCAdajYCACASQQJqIRILIAEgBEgN' +
    'ACAIIClIDQAgBSAUQQJ0aiIQIAE2AgAgEEEEaiAIIBtqNgIAIBRBAmohFAsgDyAIQQFqIghHDQALIAcgFDYCHCAHIBI2AhggByAVNgIUIAcgFjYCECAH' +
    'IBc2AgwgByAYNgIIIAcgGTYCBCAHIBo2AgALIAcgATYCPCAHIA02AjggByALNgI0IAcgCTYCMCAHIAo2AiwgByAONgIoIAcgAzYCJCAHIBE2AiAMAwsg' +
    'BygCYCEMAkAgD0EATARAQYCCCCEJQYCCCCEKQYCCCCELQYCCCCEODAELIAAgDGohFCAAIAcoAmQiEmohFSAAIAcoAmgiFmohFyAAIAcoAmwiGGohGUEA' +
    'IQhBgIIIIQ4gBygCTCEaIAcoAkghGyAHKAJEIRwgBygCQCEdIAcoAgwhASAHKAIIIQMgBygCBCENIAcoAgAhEUGAggghC0GAggghCkGAggghCQNAAkAg' +
    'CyAIIBlqLQAALQCAgAhyKAIAIgsgCSAIIBdqLQAALQCAgAhyKAIAIgkgCiAIIBVqLQAALQCAgAhyKAIAIgogDiAIIBRqLQAALQCAgAhyKAIAIg5ycnIg' +
    'BEgNAAJAIAQgDkoNACAIIB1IDQAgBSARQQJ0aiITIA42AgAgE0EEaiAIIAxqNgIAIBFBAmohEQsCQCAEIApKDQAgCCAcSA0AIAUgDUECdGoiEyAKNgIA' +
    'IBNBBGogCCASajYCACANQQJqIQ0LAkAgBCAJSg0AIAggG0gNACAFIANBAnRqIhMgCTYCACATQQRqIAggFmo2AgAgA0ECaiEDCyAEIAtKDQAgCCAaSA0A' +
    'IAUgAUECdGoiEyALNgIAIBNBBGogCCAYajYCACABQQJqIQELIA8gCEEBaiIIRw0ACyAHIAE2AgwgByADNgIIIAcgDTYCBCAHIBE2AgALIAcgCzYCLCAH' +
    'IAk2AiggByAKNgIkIAcgDjYCIAwCCyAHKAJgIQwCQCAPQQBMBEBBgIIIIQlBgIIIIQoMAQsgACAMaiEBIAAgBygCZCILaiEOQQAhCEGAggghCiAHKAJE' +
    'IREgBygCQCEUIAcoAgQhDSAHKAIAIQNBgIIIIQkDQAJAIAkgCCAOai0AAC0AgIAIcigCACIJIAogASAIai0AAC0AgIAIcigCACIKciAESA0AAkAgBCAK' +
    'Sg0AIAggFEgNACAFIANBAnRqIhIgCjYCACASQQRqIAggDGo2AgAgA0ECaiEDCyAEIAlKDQAgCCARSA0AIAUgDUECdGoiEiAJNgIAIBJBBGogCCALajYC' +
    'ACANQQJqIQ0LIA8gCEEBaiIIRw0ACyAHIA02AgQgByADNgIACyAHIAk2AiQgByAKNgIgDAELIAcoAmAhDAJAIA9BAEwEQEGAggghCQwBCyAAIAxqIQFB' +
    'ACEIQYCCCCEJIAcoAkAhAyAHKAIAIQsDQAJAIAkgASAIai0AAC0AgIAIcigCACIJIARIDQAgAyAISg0AIAUgC0ECdGoiCiAJNgIAIApBBGogCCAMajYC' +
    'ACALQQJqIQsLIA8gCEEBaiIIRw0ACyAHIAs2AgALIAcgCTYCIAsCQCAGQQBKBEBBACEJA0AgByAJQQJ0IgNqIgsoAgAhCiAMIA9qIgggCUEBaiIBQQJ0' +
    'IgwgB0GAAWpqKAIAIg1IBEAgB0GAAWogA2ohDiAHQSBqIANqKAIAIQkDQAJAIAkgACAIai0AAC0AgIAIcigCACIJIARIDQAgCCAOKAIASA0AIAUgCkEC' +
    'dGoiAyAJNgIAIANBBGogCDYCACAKQQJqIQoLIAhBAWoiCCANSA0ACwsgCyAKNgIAIAEgBkYEQCAHKAIAIQkgBkECSA0DIAUgAkEDdGshCiACQQF0IgtB' +
    'AWshDkEBIQ0DQAJAIA1BAnQiACAHQYABamooAgAiAyACa0EBdCIIIAAgB2ooAgAiAU4NACABIA5qIANBAXQiA2sgASALaiADa0EDcSIABEAgBSAJQQJ0' +
    'aiEEIAogA0ECdGohDANAIAQgDCgCADYCACAEQQRqIQQgDEEEaiEMIAhBAWohCCAJQQFqIQkgAEEBayIADQALC0EDSQ0AIAlBAnQhDCAIQQJ0IQ8gBSEE' +
    'A0AgBCAMaiIAIAQgD2oiAygCADYCACAAQQRqIANBBGooAgA2AgAgAEEIaiADQQhqKAIANgIAIABBDGogA0EMaigCADYCACAEQRBqIQQgCUEEaiEJIAhB' +
    'BGoiCCABSA0ACwsgDUEBaiINIAZHDQALDAMFIAdB4ABqIAxqKAIAIQwgASEJDAELAAsACyAHKAIAIQkLIAdBsAFqJAAgCQs=';

;// CONCATENATED MODULE: ./src/engine/prefilter-wasm.ts

const PAGE = 1 << 16;
/** The module's stack and its fixed table addresses are in the first 128 KiB (see prefilter-walk.c). */
const MODULE_PAGES = 2;
/** A lane is worth its warm-up from this many bytes of its own. */
const LANE_BYTES = 64;
const defaultSizes = { initialBytes: 1 << 16, chunkBytes: 1 << 18, lanes: 4 };
let compiled;
function wasmApi() {
    return globalThis.WebAssembly;
}
/** Whether this runtime can run the WebAssembly walk. */
function prefilter_wasm_wasmWalkAvailable() {
    return wasmApi() !== undefined;
}
/**
 * The prefilter's DFA walk in WebAssembly (src/engine/prefilter-walk.c), over a copy of the table in its own memory.
 * Each buffer is copied once into that memory and walked there in up to `lanes` lanes; a buffer above `chunkBytes` is
 * walked chunk by chunk, each chunk after the first starting `warm` bytes early so its states are exact (the same
 * overlap rule as the lanes). Records come out as (accepting state, byte index) pairs in order of byte index.
 */
class WasmWalk {
    warm;
    memory;
    exports;
    /** Where the chunk buffer starts in wasm memory; the hit records follow it. */
    bufferAt;
    sizes;
    capacity = 0;
    bytes;
    /** The last chunk's records, a view into wasm memory (valid until the next walk). */
    hits;
    /** The first accepting state in the module's numbering: a record's state minus this, shifted right by 2 more bits
     * than the JS table's states, is the accepting state's index. */
    first;
    constructor(delta, classOf, first, warm, sizes = {}) {
        this.warm = warm;
        this.sizes = { ...defaultSizes, ...sizes };
        const api = wasmApi();
        if (!api)
            throw new Error('WebAssembly is not available');
        compiled ??= new api.Module(Buffer.from(prefilterWalkWasm, 'base64'));
        // The module asks for its stack's pages; the tables and buffers above them are added by `reserve`.
        this.memory = new api.Memory({ initial: MODULE_PAGES });
        this.exports = new api.Instance(compiled, { env: { memory: this.memory } }).exports;
        const classesAt = this.exports.classes_at();
        const deltaAt = this.exports.delta_at();
        if (this.exports.__heap_base.value > classesAt)
            throw new Error('the walk module lays its stack over its tables');
        this.bufferAt = align(deltaAt + delta.byteLength);
        this.reserve(this.sizes.initialBytes);
        const classes = new Uint8Array(this.memory.buffer, classesAt, 256);
        classes.set(classOf);
        if (classes.some((column) => column >= 64))
            throw new Error('the wasm walk takes at most 64 byte classes');
        for (let byte = 0; byte < 256; byte++)
            classes[byte] <<= 2;
        // A state becomes its row's address, so a step needs no arithmetic beyond the OR (see prefilter-walk.c).
        const table = new Int32Array(this.memory.buffer, deltaAt, delta.length);
        for (let i = 0; i < delta.length; i++)
            table[i] = deltaAt + 4 * delta[i];
        this.first = deltaAt + 4 * first;
    }
    /** The largest chunk walked at once; `lead` bytes of overlap come on top for every chunk but the first. */
    get chunkBytes() {
        return Math.max(this.sizes.chunkBytes, this.warm);
    }
    /**
     * Walks `buffer[start - lead, end)`, where lead is 0 for the first chunk and `warm` after it; records hits in
     * [start, end) into `hits` and returns how many numbers it wrote. A record's index is relative to `start - lead`.
     */
    walkChunk(buffer, start, end) {
        const lead = start === 0 ? 0 : this.warm;
        const n = end - start + lead;
        if (n > this.capacity)
            this.reserve(n);
        this.bytes.set(start === 0 && end === buffer.length ? buffer : buffer.subarray(start - lead, end));
        return this.exports.walk(this.bufferAt, n, lead, this.warm, this.first, this.hits.byteOffset, this.lanesFor(n - lead));
    }
    lanesFor(bytes) {
        let lanes = this.sizes.lanes;
        while (lanes > 1 && (bytes < lanes * LANE_BYTES || bytes / lanes < this.warm))
            lanes >>= 1;
        return lanes;
    }
    /** Room for `n` bytes and their worst-case records (two ints per byte); growing memory renews every view. */
    reserve(n) {
        const capacity = align(Math.max(n, Math.min(2 * this.capacity, this.chunkBytes + this.warm)));
        const needed = this.bufferAt + capacity + 8 * capacity;
        const have = this.memory.buffer.byteLength;
        if (needed > have)
            this.memory.grow(Math.ceil((needed - have) / PAGE));
        this.capacity = capacity;
        this.bytes = new Uint8Array(this.memory.buffer, this.bufferAt, capacity);
        this.hits = new Int32Array(this.memory.buffer, this.bufferAt + capacity, 2 * capacity);
    }
}
function align(offset) {
    return (offset + 15) & ~15;
}

;// CONCATENATED MODULE: ./src/engine/prefilter.ts

/** Below this many bytes a buffer is scanned in one lane: the lanes' warm-up and hit lists are not worth it. */
const LANES_FROM = 2048;
/**
 * Aho-Corasick over bytes, compiled to a full DFA with ASCII case folding baked into the transitions, so the scan is
 * one table lookup per byte. Hand-written because the npm implementations work on JS strings (a UTF-16 copy of every
 * file) and run an order of magnitude slower than this loop over Buffers.
 *
 * States are numbered so that every state where a keyword ends comes last: "is this a hit?" is a comparison with
 * `firstAccepting`, not a second table load per byte. The table holds each next state already multiplied by the row
 * width, so a step is `delta[state | classOf[byte]]` with no shift.
 *
 * One DFA walk is a chain of dependent loads (each step needs the state the previous one produced), so a core mostly
 * waits on it. Larger buffers are cut in four quarters walked together, four independent chains in one loop: each
 * quarter after the first starts `maxKeywordLength` bytes early from the root and reports nothing before its own
 * start, which makes its state exact from there on; its hits are held back and reported after the previous quarter's,
 * so hits still come in order of end position. The table is an Int32Array: V8 keeps its loads in integer registers,
 * where Uint32Array loads can fall off the fast path.
 *
 * Where WebAssembly exists (every Node Keyward supports) the walk runs in WebAssembly instead, the same table walked
 * by src/engine/prefilter-walk.c (see WasmWalk), 1.1-1.5x faster; the JS walk is the fallback, and
 * `KEYWARD_PREFILTER=js` selects it. Both give the same hits in the same order.
 */
class KeywordPrefilter {
    /** Next state times the row width, indexed by state times the row width plus byte class. */
    delta;
    /** Byte -> equivalence class: bytes that occur in no keyword share class 0, case-folded letters share one. */
    classOf;
    classBits;
    /** The first accepting state, times the row width. */
    firstAccepting;
    /** Keyword indexes ending in each accepting state (own and through suffix links), indexed by state - firstAccepting. */
    outputs;
    keywordLengths;
    maxLength;
    /** The last walk's (state, byte index) records, reused from scan to scan. */
    records = { hits: new Int32Array(1 << 12), laned: false };
    walk;
    wasm;
    /** Which walk `scan` runs. */
    walkKind;
    static cache = new Map();
    /**
     * The prefilter for these keywords (in this order), built once per thread and shared by the scanners of that thread
     * (the CLI builds two on its main thread). Its `scan` must not be re-entered from `onHit`.
     */
    static shared(keywords) {
        const key = keywords.join('\0');
        let prefilter = KeywordPrefilter.cache.get(key);
        if (!prefilter) {
            prefilter = new KeywordPrefilter(keywords);
            if (KeywordPrefilter.cache.size >= 8)
                KeywordPrefilter.cache.clear();
            KeywordPrefilter.cache.set(key, prefilter);
        }
        return prefilter;
    }
    constructor(keywords, options = {}) {
        // The trie, over lower-cased keyword bytes.
        const goto = [new Map()];
        const own = [[]];
        const lengths = [];
        const used = new Uint8Array(256);
        keywords.forEach((keyword, index) => {
            const bytes = Buffer.from(keyword.toLowerCase(), 'utf8');
            if (bytes.length === 0)
                throw new Error('empty keyword');
            lengths.push(bytes.length);
            let state = 0;
            for (const byte of bytes) {
                used[byte] = 1;
                let next = goto[state].get(byte);
                if (next === undefined) {
                    next = goto.length;
                    goto.push(new Map());
                    own.push([]);
                    goto[state].set(byte, next);
                }
                state = next;
            }
            own[state].push(index);
        });
        this.keywordLengths = lengths;
        this.maxLength = Math.max(0, ...lengths);
        const count = goto.length;
        // Byte classes shrink the table from 256 columns to a power of two just above the number of distinct keyword
        // bytes (about 50), so ~2,000 states fit in a core's L2 cache instead of spilling to L3. The automaton is built
        // over classes directly: a quarter of the work of building it over bytes, which every worker pays at startup.
        const classOf = new Uint8Array(256);
        const classOfKeywordByte = new Uint8Array(256);
        let classes = 1;
        for (let byte = 0; byte < 256; byte++) {
            if (!used[byte])
                continue;
            classOfKeywordByte[byte] = classes++;
        }
        for (let byte = 0; byte < 256; byte++)
            classOf[byte] = classOfKeywordByte[foldByte(byte)];
        const classBits = Math.max(1, Math.ceil(Math.log2(classes)));
        if (classBits > 8)
            throw new Error('too many distinct keyword bytes');
        const width = 1 << classBits;
        // Failure links and outputs on the trie, breadth-first so a state's failure target is complete before it.
        const fail = new Int32Array(count);
        const outputs = own.map((list) => [...list]);
        const breadthFirst = [...goto[0].values()];
        for (let head = 0; head < breadthFirst.length; head++) {
            const state = breadthFirst[head];
            outputs[state].push(...outputs[fail[state]]);
            for (const [byte, next] of goto[state]) {
                let back = fail[state];
                while (back !== 0 && !goto[back].has(byte))
                    back = fail[back];
                fail[next] = goto[back].get(byte) ?? 0;
                breadthFirst.push(next);
            }
        }
        // Number non-accepting states first (root stays 0), accepting states last, then fill the table in that numbering:
        // each row starts as a copy of its failure target's row (complete, being earlier breadth-first), then takes its
        // own trie edges. Row copies are native; a loop over every state and class would run cold at every worker start.
        const accepting = (state) => outputs[state].length > 0;
        const order = [0, ...breadthFirst.filter((state) => !accepting(state)), ...breadthFirst.filter(accepting)];
        const firstAccepting = count - breadthFirst.filter(accepting).length;
        const renamed = new Int32Array(count);
        order.forEach((state, index) => {
            renamed[state] = index * width;
        });
        const delta = new Int32Array(count * width);
        for (const [byte, next] of goto[0])
            delta[classOfKeywordByte[byte]] = renamed[next];
        for (const state of breadthFirst) {
            const row = renamed[state];
            const failRow = renamed[fail[state]];
            delta.copyWithin(row, failRow, failRow + width);
            for (const [byte, next] of goto[state])
                delta[row + classOfKeywordByte[byte]] = renamed[next];
        }
        this.delta = delta;
        this.classOf = classOf;
        this.classBits = classBits;
        this.firstAccepting = firstAccepting * width;
        this.outputs = order.slice(firstAccepting).map((oldState) => [...new Set(outputs[oldState])]);
        // The JS walk: prime V8's type feedback on every path of the walk, hits in every lane and every loop included. Otherwise the
        // walk is optimized while some branches have never run (a lane's first hit, the tails), and the optimized loop
        // bails out to the interpreter at that branch in every buffer until V8 gets round to optimizing it again: in a
        // one-pass scan that doubled the prefilter's time. Costs a few microseconds.
        this.walk = makeWalk(delta, classOf, this.firstAccepting, this.maxLength);
        this.wasm = (options.walk ?? defaultWalk()) === 'wasm' ? this.wasmWalk(options) : undefined;
        this.walkKind = this.wasm ? 'wasm' : 'js';
        if (!this.wasm) {
            const sample = Buffer.alloc(Math.max(LANES_FROM, 8 * this.maxLength) + 3, Buffer.from(keywords[0].toLowerCase(), 'utf8'));
            this.walk(sample, this.records);
            this.walk(sample.subarray(0, 64), this.records);
        }
    }
    /** The wasm walk over this table; when it fails to start, the JS walk runs instead, unless `wasm` was asked for. */
    wasmWalk(options) {
        try {
            return new WasmWalk(this.delta, this.classOf, this.firstAccepting, this.maxLength, options.wasmSizes);
        }
        catch (error) {
            if (options.walk === 'wasm')
                throw error;
            wasmStartFailure = error instanceof Error ? error.message : String(error);
            return undefined;
        }
    }
    /** Calls `onHit(keywordIndex, endExclusive)` for every occurrence, in order of end position. */
    scan(buffer, onHit) {
        if (this.wasm)
            this.scanWasm(this.wasm, buffer, onHit);
        else
            this.scanJs(buffer, onHit);
    }
    scanJs(buffer, onHit) {
        // The walk only records (state, position) pairs; callbacks run afterwards. A call inside the hot loop would be to a
        // new closure on every scan (V8 throws the optimized loop away when the target changes), and any call there makes
        // the lanes' state spill around it.
        const count = this.walk(buffer, this.records);
        const hits = this.records.hits;
        const outputs = this.outputs;
        const first = this.firstAccepting;
        const bits = this.classBits;
        // Records from the four lanes interleave; each lane covers its own quarter in increasing order, so emitting the
        // quarters one after the other gives end order.
        const n = buffer.length;
        const q = n >>> 2;
        const bounds = count > 0 && this.records.laned ? [0, q, 2 * q, 3 * q, n] : [0, n];
        for (let lane = 0; lane + 1 < bounds.length; lane++) {
            const low = bounds[lane];
            const high = bounds[lane + 1];
            for (let h = 0; h < count; h += 2) {
                const at = hits[h + 1];
                if (at < low || at >= high)
                    continue;
                for (const keyword of outputs[(hits[h] - first) >>> bits])
                    onHit(keyword, at + 1);
            }
        }
    }
    /** The wasm walk's records come chunk by chunk, each in order of end position. */
    scanWasm(wasm, buffer, onHit) {
        const outputs = this.outputs;
        const first = wasm.first;
        const bits = this.classBits + 2;
        for (let start = 0; start < buffer.length; start += wasm.chunkBytes) {
            const count = wasm.walkChunk(buffer, start, Math.min(buffer.length, start + wasm.chunkBytes));
            const hits = wasm.hits;
            // Record indexes count from the chunk's first walked byte, `maxLength` before `start` after the first chunk.
            const base = start === 0 ? 1 : start - this.maxLength + 1;
            for (let h = 0; h < count; h += 2) {
                for (const keyword of outputs[(hits[h] - first) >>> bits])
                    onHit(keyword, base + hits[h + 1]);
            }
        }
    }
}
/** Why the last wasm walk this thread tried to start fell back to the JS walk. */
let wasmStartFailure;
/**
 * Which prefilter walk this thread's scanners run, and why when it is the JS one: `wasm`, `js (KEYWARD_PREFILTER=js)`,
 * `js (WebAssembly unavailable)` or `js (the wasm walk did not start: ...)`. For the logs and reports, next to the
 * regex engine.
 */
function prefilterWalkDescription() {
    if (process.env.KEYWARD_PREFILTER === 'js')
        return 'js (KEYWARD_PREFILTER=js)';
    if (!wasmWalkAvailable())
        return 'js (WebAssembly unavailable)';
    if (wasmStartFailure === undefined)
        new KeywordPrefilter(['key']);
    return wasmStartFailure === undefined ? 'wasm' : `js (the wasm walk did not start: ${wasmStartFailure})`;
}
function defaultWalk() {
    return process.env.KEYWARD_PREFILTER !== 'js' && prefilter_wasm_wasmWalkAvailable() ? 'wasm' : 'js';
}
/** Room for `needed` more hit records after the first `used`. */
function room(out, used, needed) {
    if (out.hits.length < used + needed) {
        const grown = new Int32Array(Math.max(used + needed, out.hits.length * 2));
        grown.set(out.hits.subarray(0, used));
        out.hits = grown;
    }
    return out.hits;
}
/**
 * The walk over one automaton's tables. Records (accepting state, byte index) pairs in `out.hits` and returns how many
 * numbers it wrote; sets `out.laned` when it walked four lanes. The records live in a typed array whose room is
 * checked with one compare per step: a JS array `push` in the loop (a call) made the lanes' state spill to the stack.
 */
function makeWalk(delta, classOf, first, warm) {
    return (buffer, out) => {
        const n = buffer.length;
        let k = 0;
        if (n < LANES_FROM || n < 8 * warm) {
            out.laned = false;
            const hits = room(out, 0, 2 * n);
            let state = 0;
            for (let i = 0; i < n; i++) {
                state = delta[state | classOf[buffer[i]]];
                if (state >= first) {
                    hits[k] = state;
                    hits[k + 1] = i;
                    k += 2;
                }
            }
            return k;
        }
        out.laned = true;
        // Quarters [0, q), [q, 2q), [2q, 3q), [3q, n); lanes b, c, d start `warm` bytes before theirs.
        const q = n >>> 2;
        const b0 = q - warm;
        const c0 = 2 * q - warm;
        const d0 = 3 * q - warm;
        let a = 0;
        let b = 0;
        let c = 0;
        let d = 0;
        let t = 0;
        let hits = room(out, 0, 2 * warm);
        for (; t < warm; t++) {
            a = delta[a | classOf[buffer[t]]];
            b = delta[b | classOf[buffer[b0 + t]]];
            c = delta[c | classOf[buffer[c0 + t]]];
            d = delta[d | classOf[buffer[d0 + t]]];
            if (a >= first) {
                hits[k] = a;
                hits[k + 1] = t;
                k += 2;
            }
        }
        // The records' room is checked only against `limit` (a compare, no call, per step); when it runs short the loop
        // stops, the records grow, and it carries on where it was.
        for (;;) {
            const limit = hits.length - 8;
            for (; t < q; t++) {
                a = delta[a | classOf[buffer[t]]];
                b = delta[b | classOf[buffer[b0 + t]]];
                c = delta[c | classOf[buffer[c0 + t]]];
                d = delta[d | classOf[buffer[d0 + t]]];
                if (a >= first) {
                    hits[k] = a;
                    hits[k + 1] = t;
                    k += 2;
                }
                if (b >= first) {
                    hits[k] = b;
                    hits[k + 1] = b0 + t;
                    k += 2;
                }
                if (c >= first) {
                    hits[k] = c;
                    hits[k + 1] = c0 + t;
                    k += 2;
                }
                if (d >= first) {
                    hits[k] = d;
                    hits[k + 1] = d0 + t;
                    k += 2;
                }
                if (k > limit) {
                    t++;
                    break;
                }
            }
            if (t >= q)
                break;
            hits = room(out, k, hits.length);
        }
        // Lanes b and c have `warm` bytes left to reach the next quarter; lane d runs to the end.
        hits = room(out, k, 2 * (n - d0 - q + 2 * warm));
        for (let i = b0 + q; i < 2 * q; i++) {
            b = delta[b | classOf[buffer[i]]];
            if (b >= first) {
                hits[k] = b;
                hits[k + 1] = i;
                k += 2;
            }
        }
        for (let i = c0 + q; i < 3 * q; i++) {
            c = delta[c | classOf[buffer[i]]];
            if (c >= first) {
                hits[k] = c;
                hits[k + 1] = i;
                k += 2;
            }
        }
        for (let i = d0 + q; i < n; i++) {
            d = delta[d | classOf[buffer[i]]];
            if (d >= first) {
                hits[k] = d;
                hits[k + 1] = i;
                k += 2;
            }
        }
        return k;
    };
}
function foldByte(byte) {
    return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}

;// CONCATENATED MODULE: ./src/engine/keyword-forms.ts


/**
 * The forms a hit of `keyword` must take when every rule listing it holds it inside one of its anchors (`EAA` followed
 * by an upper-case letter and 100 letters or digits, for the Facebook rule's `eaa`); undefined when some rule takes it
 * in any form. A hit of no form cannot be part of a match, and the hit inside a match opens that match's window.
 * Only anchors whose every text holds one of the rule's keywords count: a match then holds a hit that takes a form.
 * Multi-line rules are left out: their window starts at the hit's line, and a match may start lines before its anchor.
 */
function keywordForms(keyword, rules) {
    if (!/^[\x20-\x7e]+$/.test(keyword))
        return undefined;
    const forms = new Map();
    for (const rule of rules) {
        if (rule.multilineWindow)
            return undefined;
        const keywords = rule.keywords.map((k) => k.toLowerCase());
        const keying = anchorsOf(rule).filter((anchor) => anchor.texts.every((text) => keywords.some((k) => text.toLowerCase().includes(k))));
        const own = keying.flatMap((anchor) => formsIn(anchor, keyword));
        if (own.length === 0)
            return undefined;
        for (const form of own)
            forms.set(formKey(form), form);
    }
    return [...forms.values()];
}
function formKey(form) {
    return JSON.stringify([form.bytes.toString('latin1'), form.caseless, form.at, form.notAfter && [...form.notAfter], form.followedBy.map(followingKey)]);
}
const anchorsByPattern = new Map();
/** A rule's anchors, read once per pattern (a rule lists up to a dozen keywords). */
function anchorsOf(rule) {
    let found = anchorsByPattern.get(rule.pattern);
    if (!found)
        anchorsByPattern.set(rule.pattern, (found = anchors_anchors(rule.pattern)));
    return found;
}
/** The places of `keyword` (up to ASCII case) inside an anchor's texts. */
function formsIn(anchor, keyword) {
    const found = [];
    for (const text of anchor.texts) {
        if (!/^[\x20-\x7e]*$/.test(text))
            continue;
        const folded = text.toLowerCase();
        const bytes = Buffer.from(anchor.caseless ? folded : text, 'latin1');
        for (let at = folded.indexOf(keyword); at !== -1; at = folded.indexOf(keyword, at + 1)) {
            found.push({ bytes, caseless: anchor.caseless, at, notAfter: anchor.notAfter, followedBy: anchor.followedBy });
        }
    }
    return found;
}
/** True when the hit starting at `hitStart` takes one of the forms. */
function takesAForm(content, hitStart, forms) {
    for (const form of forms)
        if (takesForm(content, hitStart - form.at, form))
            return true;
    return false;
}
function takesForm(content, start, form) {
    const { bytes, notAfter } = form;
    if (start < 0 || start + bytes.length > content.length)
        return false;
    if (form.caseless) {
        for (let i = 0; i < bytes.length; i++)
            if (LOWER[content[start + i]] !== bytes[i])
                return false;
    }
    else
        for (let i = 0; i < bytes.length; i++)
            if (content[start + i] !== bytes[i])
                return false;
    if (notAfter && start > 0 && notAfter[content[start - 1]] === 1)
        return false;
    let at = start + bytes.length;
    for (const following of form.followedBy) {
        const { allowed, count, upTo, then } = following;
        if (then !== undefined)
            return endsWith(content, at, allowed, count, upTo, then);
        if (following.words)
            return reachesWord(content, at, following);
        const end = at + count;
        if (end > content.length)
            return false;
        for (; at < end; at++)
            if (allowed[content[at]] !== 1)
                return false;
    }
    return true;
}
/** True when content from `at` runs `count` to `upTo` bytes in `allowed`, then holds `then`. */
function endsWith(content, at, allowed, count, upTo, then) {
    const limit = Math.min(content.length, at + upTo);
    let end = at;
    while (end < limit && allowed[content[end]] === 1)
        end++;
    return end - at >= count && content[end] === then;
}
/**
 * True when content from `at` runs `count` to `upTo` bytes in `allowed`, then holds one of the words. Caseless, a byte
 * past ASCII counts as a match: RE2 folds `k` to the Kelvin sign and `s` to the long s, which no ASCII table holds.
 */
function reachesWord(content, at, { allowed, count, upTo, words }) {
    const { texts, caseless } = words;
    const limit = Math.min(content.length, at + upTo);
    for (let end = at;; end++) {
        if (end - at >= count)
            for (const text of texts)
                if (opensWith(content, end, text, caseless))
                    return true;
        if (end >= limit)
            return false;
        const byte = content[end];
        if (caseless && byte >= 0x80)
            return true;
        if (allowed[byte] !== 1)
            return false;
    }
}
/**
 * True when `text` stands at `at`: caseless, in any ASCII case, and true as well once a byte past ASCII is reached
 * before any mismatch (it may be a folded `k` or `s`, see reachesWord).
 */
function opensWith(content, at, text, caseless) {
    for (let i = 0; i < text.length; i++) {
        const byte = content[at + i];
        if (byte === undefined)
            return false;
        if (!caseless) {
            if (byte !== text[i])
                return false;
        }
        else if (byte >= 0x80)
            return true;
        else if (LOWER[byte] !== text[i])
            return false;
    }
    return true;
}

;// CONCATENATED MODULE: ./src/engine/windows.ts



/** How far a regex window reaches from a keyword hit on a long line; longer secrets need a multiline window. */
const WINDOW_REACH = 4096;
function buildKeywordIndex(prepared) {
    const keywordIndex = new Map();
    const rulesByKeyword = [];
    for (const entry of prepared) {
        for (const keyword of new Set(entry.rule.keywords.map((k) => k.toLowerCase()))) {
            let index = keywordIndex.get(keyword);
            if (index === undefined) {
                index = keywordIndex.size;
                keywordIndex.set(keyword, index);
                rulesByKeyword.push([]);
            }
            rulesByKeyword[index].push(entry);
        }
    }
    const keywords = [...keywordIndex.keys()];
    const forms = [];
    const formsOf = (index) => {
        let known = forms[index];
        if (known === undefined)
            forms[index] = known = keywordForms(keywords[index], rulesByKeyword[index].map((entry) => entry.rule)) ?? null;
        return known ?? undefined;
    };
    return { prefilter: KeywordPrefilter.shared(keywords), ruleCount: prepared.length, rulesByKeyword, formsOf };
}
/**
 * The windows each rule's pattern must run over: the line around every keyword hit (cut to WINDOW_REACH either way),
 * stretched for multi-line rules, merged where they touch. Rules that skip the path, or the file's syntax (judged only
 * when such a rule has a hit), get none.
 *
 * Work per hit is bounded: a hit that changes no window of its keyword's rules is dropped after two compares (see
 * `Settled`), so a line flooded with one keyword costs a line search per WINDOW_REACH bytes, not per hit.
 */
function collectWindows(index, content, path, syntax) {
    // Each rule's state by its `order`, and the rules with windows in the order they got their first: an array is
    // cheaper than a Map at every hit.
    const byRule = new Array(index.ruleCount);
    const collected = [];
    const lengths = index.prefilter.keywordLengths;
    const settled = [];
    index.prefilter.scan(content, (keyword, hitEnd) => {
        const hitStart = hitEnd - lengths[keyword];
        const known = settled[keyword];
        if (known && hitStart >= known.from && hitEnd <= known.until)
            return;
        const forms = index.formsOf(keyword);
        if (forms && !takesAForm(content, hitStart, forms))
            return;
        // The hit's line, found once for all the keyword's rules that need it.
        let bounds;
        const rules = index.rulesByKeyword[keyword];
        for (const entry of rules) {
            let state = byRule[entry.order];
            if (state === 'skipped')
                continue;
            const last = state?.windows[state.windows.length - 1];
            if (last && hitStart >= last.start && hitEnd <= last.end) {
                stretchForHit(last, entry.rule.multilineWindow, hitStart, hitEnd, content.length);
                continue;
            }
            if (!state) {
                if (entry.skipPath(path) || entry.rule.skipSyntax?.includes(syntax())) {
                    byRule[entry.order] = 'skipped';
                    continue;
                }
                state = { prepared: entry, windows: [] };
                byRule[entry.order] = state;
                collected.push(state);
            }
            bounds ??= lineBounds(content, hitStart, hitEnd, WINDOW_REACH);
            addWindow(state.windows, bounds, entry.rule.multilineWindow, content.length);
        }
        settled[keyword] = settle(rules, byRule, lengths[keyword]);
    });
    return collected;
}
function settle(rules, byRule, length) {
    let from = 0;
    let until = Infinity;
    for (const entry of rules) {
        const state = byRule[entry.order];
        if (state === 'skipped')
            continue;
        const last = state?.windows[state.windows.length - 1];
        if (!last)
            return { from: Infinity, until: -1 };
        from = Math.max(from, last.start);
        const multiline = entry.rule.multilineWindow;
        // A multi-line rule's window needs stretching once a hit's own stretch would pass its end (see stretchForHit).
        until = Math.min(until, multiline ? last.end - Math.max(multiline - length, WINDOW_REACH) : last.end);
    }
    return { from, until };
}
/**
 * A hit inside the current window adds nothing, except for multi-line rules: a match starting at this hit may run
 * past the window opened by an earlier one, so the window is stretched from here, by at least as much as the hit's own
 * line would stretch it (that line ends within WINDOW_REACH), and by twice as much as needed so that the next hits
 * settle without a stretch each.
 */
function stretchForHit(last, multiline, hitStart, hitEnd, size) {
    if (!multiline)
        return;
    const needed = Math.max(hitStart + multiline, hitEnd + WINDOW_REACH);
    if (needed > last.end)
        last.end = Math.min(size, Math.max(needed, hitStart + 2 * Math.max(multiline, WINDOW_REACH)));
}
/** Adds the window for a hit on the line `bounds`, merging it into the previous window when they touch. */
function addWindow(windows, bounds, multiline, size) {
    const end = multiline ? Math.max(bounds.end, Math.min(size, bounds.start + multiline)) : bounds.end;
    const last = windows[windows.length - 1];
    if (last && bounds.start <= last.end)
        last.end = Math.max(last.end, end);
    else
        windows.push({ start: bounds.start, end });
}

;// CONCATENATED MODULE: ./src/engine/match.ts




/**
 * How many matches one rule may produce in one window (a line, or a line's 8 KB cut) before the rest of that window
 * is left unchecked for that rule and reported as not scanned. Each match costs microseconds (the native exec builds a
 * result object, then the candidate is judged), so a line flooded with a keyword cost seconds per megabyte; no real
 * line holds this many secrets of one kind.
 */
const MAX_MATCHES_PER_WINDOW = 256;
/**
 * The regex work one file may spend on long windows (merged spans of keyword hits on long lines, over LONG_WINDOW
 * bytes), in bytes run through patterns across all its rules: the larger of a base and a multiple of the file's size.
 * A line flooded with one keyword is one window the length of the line for every rule of that keyword, each a pass
 * over the whole line (re2js runs some at a few MB/s); minified code and data lines stay far below the bound, and
 * windows of ordinary lines never draw on it. Windows left once it is spent are reported as not scanned.
 */
const REGEX_BUDGET_BASE = 1 << 20;
const REGEX_BUDGET_PER_BYTE = 1;
/** Windows up to this long are lines (or a line's cut around one hit, see WINDOW_REACH) and cost no budget. */
const LONG_WINDOW = 4 * WINDOW_REACH;
/** Runs each rule's pattern over its windows; a window that lacks something every match holds is skipped. */
function matchWindows(backend, content, windows, crowded) {
    const input = new ScanInput(content);
    const candidates = [];
    const lineOf = (offset) => new LineIndex(content).position(offset).line;
    let budget = Math.max(REGEX_BUDGET_BASE, REGEX_BUDGET_PER_BYTE * content.length);
    for (const { prepared, windows: list } of windows) {
        prepared.needs ??= windowNeeds(prepared.rule);
        for (const window of list) {
            if (!mayMatchIn(content, window.start, window.end, prepared.needs))
                continue;
            const long = window.end - window.start > LONG_WINDOW;
            if (long && window.end - window.start > budget) {
                crowded.push({ rule: prepared.rule, why: 'budget', line: lineOf(window.start) });
                continue;
            }
            // Compiled only once a window could hold a match: many rules' windows never pass the check above.
            prepared.compiled ??= backend.compile(prepared.rule.pattern);
            let matches = 0;
            let stoppedAt = window.end;
            prepared.compiled.scan(input, window.start, window.end, (match) => {
                if (match.secretEnd > match.secretStart)
                    candidates.push({ prepared, start: match.start, end: match.end, secretStart: match.secretStart, secretEnd: match.secretEnd });
                if (++matches < MAX_MATCHES_PER_WINDOW)
                    return true;
                stoppedAt = match.end;
                if (match.end < window.end)
                    crowded.push({ rule: prepared.rule, why: 'matches', line: lineOf(match.end) });
                return false;
            });
            if (long)
                budget -= stoppedAt - window.start;
        }
    }
    return candidates;
}
/** One notice per way windows were cut short in a file: content left unchecked, so it counts as not scanned. */
function crowdedNotices(path, crowded) {
    const notices = [];
    for (const why of ['matches', 'budget']) {
        const cut = crowded.filter((c) => c.why === why);
        if (cut.length === 0)
            continue;
        const first = cut.reduce((a, b) => (b.line < a.line ? b : a));
        const rules = [...new Set(cut.map((c) => c.rule.id))];
        const which = rules.length === 1 ? 'that rule' : 'those rules';
        const message = why === 'matches'
            ? `${path}: line ${first.line} holds over ${MAX_MATCHES_PER_WINDOW} matches of ${rules.join(', ')}; the rest of such lines was not checked for ${which}`
            : `${path}: from line ${first.line}, keyword-dense content was not checked for ${rules.join(', ')}: the file's bound on regex work over long lines (${REGEX_BUDGET_PER_BYTE}x its size, at least ${REGEX_BUDGET_BASE >> 20} MB) was spent`;
        notices.push({ kind: 'other', path, unscanned: true, message });
    }
    return notices;
}

;// CONCATENATED MODULE: ./src/rules/keyed.ts
/**
 * The templates of provider-keyed rules: how a line (or a small block of lines) names the provider and hands over its
 * credential, compiled into one RE2 pattern per rule, and the examples every keyed rule's test draws from them.
 */

/**
 * Words that make a name a credential's name, after the provider's: `TWITCH_CLIENT_SECRET`, `tavily_api_key`,
 * `clockify ACCESS`, `karma PRIVATE` (the provider's name before them is the context).
 */
const SECRET_WORD = '(?:key|token|secret|pat|password|passwd|pwd|auth|credentials?|access|private)';
const QUOTE = String.raw `\\?["'${'`'}]`;
/**
 * A dash or two set apart by spaces (`token - '...'`, `token -- ...`), or a table cell's bar (`auth token |...`). A
 * dash glued to a name is part of the name (`dd-trace-...`) unless a secret word comes before it; one glued to the
 * value is a flag (`-p...`) or the value's own first character.
 */
const DASH_OR_BAR = String.raw `(?:[ \t]+--?[ \t]+|[ \t]*\|[ \t]*)(?:${QUOTE})?`;
/**
 * Between a name and its value on one line: the context separator, or only spaces, as notes, logs and shell history
 * write a credential (`apitemplate SECRET: ...`, `bannerbear KEY ...`), a dash (`cliengo-secret-<uuid>`), or a dash or
 * bar set apart by spaces. A quoted value may open with a space (`token = ' ... '`).
 */
const SAME_LINE_SEPARATOR = String.raw `(?:${CONTEXT_SEPARATOR}|[ \t]+(?:${QUOTE})?|-|${DASH_OR_BAR})[ \t]?`;
/**
 * After a secret word: its name's own tail (`_key`, `-id`) and a separator on the line, a dot glued to it
 * (`fooPRIVATE.<value>`), or the end of the line, the word last (`foo private access key:`), with the value alone
 * below it. A tail before the line's end makes it a token's name (`test-token-6`), not the credential's label.
 */
const AFTER_SECRET_WORD = String.raw `(?:[\w.-]{0,8}(?:${SAME_LINE_SEPARATOR}|\.)|[ \t]*:?[ \t]*\r?\n[ \t]*(?:${QUOTE})?)`;
/** From the provider's name to the secret word: a name's own characters, or words apart (`lemlist token`, `clarifai access key`). */
const NAME_TO_WORD = String.raw `[\w. \t-]{0,16}?`;
/**
 * A credential's name on a line under the one that named the provider: `API_KEY`, `Key`, `secret_id`, `apiKey`,
 * `auth token`. Narrower than SECRET_WORD (`path`, `access_log`, `private` say nothing without the provider beside them).
 */
const LATER_NAME = String.raw `(?:[a-z]{1,12}[ _.-]?)?(?:key|token|secret|password|passwd|pwd|credentials?)(?:[_.-]?[a-z]{1,8})?`;
/**
 * Between a name and its value when the name alone may not say enough: an operator, a dash or a bar, never a bare space
 * (prose reads `the key is`). Context rules and a block's later line use it.
 */
const OPERATOR_SEPARATOR = String.raw `(?:${CONTEXT_SEPARATOR}|${DASH_OR_BAR})[ \t]?`;
/**
 * How far a block reaches from the start of the line naming the provider: that line and the next (`[INFO] Sending
 * request to the <provider> API` then `[DEBUG] Using Key=...`; `<provider> config:` then `secret_id = ...`), room for
 * two lines of text around the longest value. Further down, a value is as likely another provider's.
 */
function keyedBlockWindow(shape) {
    return 256 + shapeMaxLength(shape);
}
/** The provider's name as a word of the line above, then the value line's own credential name. */
function blockName(names) {
    return String.raw `\b(?:${names})(?:[^A-Za-z0-9\n][^\n]*)?\n(?:[^\n]*[^A-Za-z0-9\n])?${LATER_NAME}`;
}
/**
 * True when a value of the shape is distinctive enough to count under the provider's name alone (`<provider> '<value>'`,
 * `<provider> = <value>`, `<provider>-<value>`): 128 bits or more, and 64 hex digits or more when it is hex, since commit
 * ids, digests and UUIDs look the same whoever they belong to.
 */
function standsAlone(shape) {
    const { bits, hexOnly } = shapeStrength(shape);
    return bits >= 128 && (!hexOnly || bits >= 256);
}
/** Where a keyed value ends: not inside a longer run of token characters. */
const VALUE_END = '(?:[^A-Za-z0-9_+/=-]|$)';
/**
 * The pattern of a keyed rule: the provider's name and a secret word on the value's own line (or the names alone when
 * they are whole credential names, `bare`), or the provider named on an earlier line of a small block.
 */
function keyedPattern(names, shape, bare) {
    const alternatives = names.map(escapeRegex).join('|');
    const sameLine = bare ? String.raw `(?:${alternatives})[\w.-]{0,8}${SAME_LINE_SEPARATOR}` : `(?:${alternatives})${NAME_TO_WORD}${SECRET_WORD}${AFTER_SECRET_WORD}`;
    const forms = bare ? [sameLine] : [sameLine, `${blockName(alternatives)}${OPERATOR_SEPARATOR}`];
    if (!bare && standsAlone(shape))
        forms.push(String.raw `\b(?:${alternatives})${SAME_LINE_SEPARATOR}`);
    const named = forms.length === 1 ? sameLine : `(?:${forms.join('|')})`;
    return `(?i:${named})(${shapeRegex(shape)})${VALUE_END}`;
}
/** True examples and near misses of every keyed rule, in the shape notation: one per form the template accepts. */
function keyedExamples(names, shape, bare) {
    const provider = names[0];
    const name = bare ? provider : `${provider.replace(/[^a-z0-9]+/g, '_')}_api_key`;
    const word = bare ? provider : `${provider} token`;
    const positives = [
        `${name.toUpperCase()}=${shape}`,
        `  ${name}: "${shape}"`,
        `{ "${name}": "${shape}" }`,
        `${word} - '${shape}'`,
        `${word} -- ${shape}`,
        `${word} = ' ${shape} '`,
        `| ${word} | ${shape} |`,
    ];
    const negatives = [
        `SOME_UNRELATED_ID=${shape}`,
        `${name.toUpperCase()}=\${${name.toUpperCase()}}`,
        `  ${name}: "<${name}>"`,
        `${name.toUpperCase()}=${shortenedShape(shape)}`,
        `${word} - '${shortenedShape(shape)}'`,
    ];
    if (bare)
        return { positives, negatives };
    positives.push(`const ${provider}Key string = "${shape}"`, `${provider}PRIVATE.${shape}`, `${provider} private access key\n${shape}`, `[INFO] Sending request to the ${provider} API\n[DEBUG] Using API_KEY=${shape}`, `${provider} config:\n  secret_id = "${shape}"`);
    negatives.push(`${provider}_user_id = "${shape}"`, `[INFO] Sending request to the ${provider} API\n[DEBUG] Using user_id=${shape}`, `[INFO] Sending request to the ${provider} API\n[DEBUG] the key ${shape}`, 
    // The block is the naming line and the next; further down a value may be anyone's.
    `${provider} config:\n  region = "eu"\n  secret = "${shape}"`, `https://api.${provider}.com/v1/${shape}`);
    const alone = [`${provider} '${shape}'`, `${provider} = ${shape}`, `${provider}-${shape}`];
    if (standsAlone(shape))
        positives.push(...alone);
    else
        negatives.push(...alone);
    return { positives, negatives };
}

;// CONCATENATED MODULE: ./src/rules/build.ts



/** A rule with the catalogue's defaults: specific kind, a remediation line built from the revoke page. */
function rule(input) {
    return {
        ...input,
        kind: input.kind ?? 'specific',
        remediation: input.remediation ??
            `Revoke it in ${input.provider}${input.revokeUrl ? ` (${input.revokeUrl})` : ''}, then remove it from the code and its history${input.longLived ? '; prefer short-lived credentials' : ''}.`,
    };
}
/**
 * For credentials with no fixed prefix: the value counts only right after a name that says whose it is, as in
 * `DATADOG_API_KEY=...`, `"pagerduty_token": "..."` or `mailgun.key: ...`.
 */
function contextRule(input) {
    const names = input.names.map(escapeRegex).join('|');
    return rule({
        id: input.id,
        title: input.title,
        provider: input.provider,
        severity: input.severity,
        keywords: input.keywords ?? input.names,
        pattern: `(?i)(?:${names})[\\w.-]{0,24}(?:[ \\t]+${SECRET_WORD}[\\w.-]{0,8})?${OPERATOR_SEPARATOR}(${input.value})(?:[^A-Za-z0-9_+/=-]|$)`,
        longLived: input.longLived,
        revokeUrl: input.revokeUrl,
        entropy: input.entropy ?? 3,
        remediation: input.remediation,
        examples: input.examples,
    });
}
function mergeExamples(derived, extra) {
    return { positives: [...derived.positives, ...(extra?.positives ?? [])], negatives: [...derived.negatives, ...(extra?.negatives ?? [])], path: extra?.path };
}
/** Near misses every shape yields: one character short, literals in the wrong case, glued to a longer run, `x` filler. */
function shapeNearMisses(shape, wrap) {
    const misses = [wrap(shortenedShape(shape))];
    const swapped = caseSwappedShape(shape);
    if (swapped)
        misses.push(wrap(swapped));
    const placeholder = placeholderShape(shape);
    if (placeholder)
        misses.push(wrap(placeholder));
    return misses;
}
/**
 * A credential with a distinctive documented layout (a prefix, a signature, a fixed length): matched anywhere as a
 * whole token. Its examples come from the same shape, so the rule and its tests cannot drift apart.
 */
function token(input) {
    const literals = shapeLiterals(input.shape);
    const keywords = input.keywords ?? [literals.reduce((a, b) => (b.length > a.length ? b : a), '')];
    if (keywords.some((k) => k.length < 2))
        throw new Error(`${input.id}: a token shape needs a literal of 2+ characters or keywords`);
    const first = parseShape(input.shape)[0];
    const derived = {
        positives: [`const token = "${input.shape}";`, `  api_token: ${input.shape}`, `export TOKEN=${input.shape}`],
        negatives: shapeNearMisses(input.shape, (value) => `const token = "${value}";`),
    };
    if ('literal' in first && /^[A-Za-z0-9]/.test(first.literal))
        derived.negatives.push(`const token = "Z${input.shape}";`);
    return rule({
        id: input.id,
        title: input.title,
        provider: input.provider,
        severity: input.severity,
        keywords,
        pattern: tokenPattern(input.shape),
        entropy: input.entropy,
        validate: input.validate,
        longLived: input.longLived,
        revokeUrl: input.revokeUrl,
        remediation: input.remediation,
        examples: mergeExamples(derived, input.examples),
    });
}
/** Every spelling of a compound name as code, env and properties files write it: `secret_access_key`, `secret.access.key`, ... */
function separated(words) {
    let spellings = [words[0]];
    for (const word of words.slice(1))
        spellings = spellings.flatMap((head) => ['', '_', '-', '.'].map((sep) => head + sep + word));
    return spellings;
}
/**
 * The random part of a value whose shape starts with a literal prefix (`chpt_<hex:14-16>`): the prefix's `_` must not
 * make a mostly-digit draw look like a multi-word name.
 */
function withoutLiteralPrefix(value, shape) {
    const prefix = shape.split('<')[0] ?? '';
    return prefix && value.toLowerCase().startsWith(prefix.toLowerCase()) ? value.slice(prefix.length) : value;
}
/** What a name-keyed value must not be: another name (`hasura_admin_secret` in a list of names) or a pattern. */
function isNotAValue(value) {
    const reason = rejectGenericValue(value, 0);
    if (reason === 'regular expression' || reason === 'contains whitespace')
        return true;
    // Names of several words; one long lowercase run is as likely a random draw as a word.
    return reason === 'identifier-like' && /[_.-]|[a-z][A-Z]/.test(value);
}
/**
 * A credential with no distinctive prefix: the value counts only under a name holding both the provider and a secret
 * word (`DEPENDENCY_TRACK_API_KEY=...`, `"twitchClientSecret": "..."`), never under `twitch_user_id`.
 */
function keyed(input) {
    const bare = input.bare === true;
    return rule({
        id: input.id,
        title: input.title,
        provider: input.provider,
        severity: input.severity,
        keywords: input.names,
        pattern: keyedPattern(input.names, input.shape, bare),
        ...(bare ? {} : { multilineWindow: keyedBlockWindow(input.shape) }),
        entropy: input.entropy ?? 3,
        validate: (value) => !isNotAValue(withoutLiteralPrefix(value, input.shape)) && (input.validate?.(value) ?? true),
        longLived: input.longLived,
        revokeUrl: input.revokeUrl,
        remediation: input.remediation,
        examples: mergeExamples(keyedExamples(input.names, input.shape, bare), input.examples),
    });
}
/** A long-lived, high-severity token rule in one line: the catalogue's common case. */
function prefixed(id, title, provider, shape, revokeUrl, extra = {}) {
    return token({ id, title, provider, severity: 'high', shape, longLived: true, revokeUrl, ...extra });
}
/** A long-lived, high-severity keyed rule in one line: the value under a name holding the provider and a secret word. */
function named(id, title, provider, names, shape, revokeUrl, extra = {}) {
    return keyed({ id, title, provider, severity: 'high', names, shape, longLived: true, revokeUrl, ...extra });
}

;// CONCATENATED MODULE: ./src/rules/catalogue/ai.ts


const OPENAI_KEYS = 'https://platform.openai.com/api-keys';
const aiRules = [
    rule({ id: 'openai-project-key', title: 'OpenAI project API key', provider: 'OpenAI', severity: 'critical', keywords: ['sk-proj-'], pattern: '\\b(sk-proj-[A-Za-z0-9_-]{20,250}T3BlbkFJ[A-Za-z0-9_-]{20,250})(?:[^A-Za-z0-9_-]|$)', longLived: true, revokeUrl: OPENAI_KEYS, examples: { positives: ['OPENAI_API_KEY=sk-proj-<word:74>T3BlbkFJ<word:74>'], negatives: ['OPENAI_API_KEY=sk-proj-<word:100>', 'OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'] } }),
    rule({ id: 'openai-service-account-key', title: 'OpenAI service account key', provider: 'OpenAI', severity: 'critical', keywords: ['sk-svcacct-'], pattern: '\\b(sk-svcacct-[A-Za-z0-9_-]{20,250}T3BlbkFJ[A-Za-z0-9_-]{20,250})(?:[^A-Za-z0-9_-]|$)', longLived: true, revokeUrl: OPENAI_KEYS, examples: { positives: ['OPENAI_API_KEY=sk-svcacct-<word:74>T3BlbkFJ<word:74>'], negatives: ['OPENAI_API_KEY=sk-svcacct-<word:100>'] } }),
    rule({ id: 'openai-admin-key', title: 'OpenAI admin key', provider: 'OpenAI', severity: 'critical', keywords: ['sk-admin-'], pattern: '\\b(sk-admin-[A-Za-z0-9_-]{20,250}T3BlbkFJ[A-Za-z0-9_-]{20,250})(?:[^A-Za-z0-9_-]|$)', longLived: true, revokeUrl: 'https://platform.openai.com/settings/organization/admin-keys', examples: { positives: ['OPENAI_ADMIN_KEY=sk-admin-<word:74>T3BlbkFJ<word:74>'], negatives: ['OPENAI_ADMIN_KEY=sk-admin-<word:100>'] } }),
    rule({ id: 'openai-user-key', title: 'OpenAI API key (legacy user key)', provider: 'OpenAI', severity: 'critical', keywords: ['t3blbkfj'], pattern: '\\b(sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})\\b', longLived: true, revokeUrl: OPENAI_KEYS, examples: { positives: ['OPENAI_API_KEY=sk-<alnum:20>T3BlbkFJ<alnum:20>'], negatives: ['OPENAI_API_KEY=sk-<alnum:20>T3BlbkFX<alnum:20>'] } }),
    rule({ id: 'anthropic-api-key', title: 'Anthropic API key', provider: 'Anthropic', severity: 'critical', keywords: ['sk-ant-api03-'], pattern: '\\b(sk-ant-api03-[A-Za-z0-9_-]{93}AA)(?:[^A-Za-z0-9_-]|$)', longLived: true, revokeUrl: 'https://console.anthropic.com/settings/keys', examples: { positives: ['ANTHROPIC_API_KEY=sk-ant-api03-<word:93>AA'], negatives: ['ANTHROPIC_API_KEY=sk-ant-api03-<word:40>AA', 'ANTHROPIC_API_KEY=sk-ant-api03-<word:93>BB'] } }),
    rule({ id: 'anthropic-admin-key', title: 'Anthropic admin API key', provider: 'Anthropic', severity: 'critical', keywords: ['sk-ant-admin01-'], pattern: '\\b(sk-ant-admin01-[A-Za-z0-9_-]{93}AA)(?:[^A-Za-z0-9_-]|$)', longLived: true, revokeUrl: 'https://console.anthropic.com/settings/admin-keys', examples: { positives: ['ANTHROPIC_ADMIN_KEY=sk-ant-admin01-<word:93>AA'], negatives: ['ANTHROPIC_ADMIN_KEY=sk-ant-admin01-<word:40>AA'] } }),
    rule({ id: 'huggingface-access-token', title: 'Hugging Face access token', provider: 'Hugging Face', severity: 'high', keywords: ['hf_'], pattern: '\\b(hf_[A-Za-z]{34})\\b', entropy: 3.5, longLived: true, revokeUrl: 'https://huggingface.co/settings/tokens', examples: { positives: ['HF_TOKEN=hf_<alpha:34>'], negatives: ['HF_TOKEN=hf_<alpha:20>'] } }),
    rule({ id: 'huggingface-org-token', title: 'Hugging Face organization API token', provider: 'Hugging Face', severity: 'high', keywords: ['api_org_'], pattern: '\\b(api_org_[A-Za-z]{34})\\b', entropy: 3.5, longLived: true, revokeUrl: 'https://huggingface.co/settings/tokens', examples: { positives: ['const orgToken = "api_org_<alpha:34>";'], negatives: ['const orgToken = "api_org_<alpha:20>";'] } }),
    rule({ id: 'replicate-api-token', title: 'Replicate API token', provider: 'Replicate', severity: 'high', keywords: ['r8_'], pattern: '\\b(r8_[A-Za-z0-9]{37})\\b', longLived: true, revokeUrl: 'https://replicate.com/account/api-tokens', examples: { positives: ['const token = "r8_<alnum:37>";', '  token: "r8_<alnum:37>"', 'export API_TOKEN=r8_<alnum:37>'], negatives: ['const token = "r8_<alnum:6>";', 'const token = "R8_<alnum:37>";', 'const token = "r8_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'groq-api-key', title: 'Groq API key', provider: 'Groq', severity: 'high', keywords: ['gsk_'], pattern: '\\b(gsk_[A-Za-z0-9]{52})\\b', longLived: true, revokeUrl: 'https://console.groq.com/keys', examples: { positives: ['const groqKey = "gsk_<alnum:52>";', '  groqKey: "gsk_<alnum:52>"', 'export API_TOKEN=gsk_<alnum:52>'], negatives: ['const groqKey = "gsk_<alnum:6>";', 'const groqKey = "GSK_<alnum:52>";', 'const groqKey = "gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'perplexity-api-key', title: 'Perplexity API key', provider: 'Perplexity', severity: 'high', keywords: ['pplx-'], pattern: '\\b(pplx-[A-Za-z0-9]{48})\\b', longLived: true, revokeUrl: 'https://www.perplexity.ai/settings/api', examples: { positives: ['const pplxKey = "pplx-<alnum:48>";', '  pplxKey: "pplx-<alnum:48>"', 'export API_TOKEN=pplx-<alnum:48>'], negatives: ['const pplxKey = "pplx-<alnum:6>";', 'const pplxKey = "PPLX-<alnum:48>";', 'const pplxKey = "pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'xai-api-key', title: 'xAI API key', provider: 'xAI', severity: 'high', keywords: ['xai-'], pattern: '\\b(xai-[A-Za-z0-9]{80})\\b', longLived: true, revokeUrl: 'https://console.x.ai/', examples: { positives: ['const xaiKey = "xai-<alnum:80>";', '  xaiKey: "xai-<alnum:80>"', 'export API_TOKEN=xai-<alnum:80>'], negatives: ['const xaiKey = "xai-<alnum:6>";', 'const xaiKey = "XAI-<alnum:80>";', 'const xaiKey = "xai-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'pinecone-api-key', title: 'Pinecone API key', provider: 'Pinecone', severity: 'high', keywords: ['pcsk_'], pattern: '\\b(pcsk_[A-Za-z0-9]{5,6}_[A-Za-z0-9]{63})\\b', longLived: true, revokeUrl: 'https://docs.pinecone.io/guides/projects/manage-api-keys', examples: { positives: ['PINECONE_API_KEY=pcsk_<alnum:6>_<alnum:63>', 'PINECONE_API_KEY=pcsk_<alnum:5>_<alnum:63>'], negatives: ['PINECONE_API_KEY=pcsk_<alnum:6><alnum:30>', 'PINECONE_API_KEY=pcsk_<alnum:6>_<alnum:68>', 'PINECONE_API_KEY=pcsk__<alnum:63>'] } }),
    // Keys made before the pcsk_ form are bare UUIDs; only the name says they are Pinecone's.
    named('pinecone-api-key-legacy', 'Pinecone API key (legacy UUID form)', 'Pinecone', ['pinecone'], UUID, 'https://app.pinecone.io/organizations/-/projects/-/keys'),
    rule({ id: 'langsmith-api-key', title: 'LangSmith API key', provider: 'LangChain', severity: 'high', keywords: ['lsv2_'], pattern: String.raw `\b(lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})\b`, longLived: true, revokeUrl: 'https://smith.langchain.com/settings', examples: { positives: ['LANGSMITH_API_KEY=lsv2_pt_<hex:32>_<hex:10>'], negatives: ['LANGSMITH_API_KEY=lsv2_xx_<hex:32>_<hex:10>'] } }),
    contextRule({ id: 'cohere-api-key', title: 'Cohere API key', provider: 'Cohere', severity: 'high', names: ['cohere', 'co_api_key'], value: '[A-Za-z0-9]{40}', longLived: true, revokeUrl: 'https://dashboard.cohere.com/api-keys', entropy: 3.5, examples: { positives: ['COHERE_API_KEY=<alnum:40>', '  cohere_api_key: "<alnum:40>"', '{ "COHERE_API_KEY": "<alnum:40>" }'], negatives: ['SOME_UNRELATED_ID=<alnum:40>', 'COHERE_API_KEY=${COHERE_API_KEY}', '  cohere_api_key: "<cohere_api_key>"', 'COHERE_API_KEY is read from the environment'] } }),
    contextRule({ id: 'mistral-api-key', title: 'Mistral AI API key', provider: 'Mistral', severity: 'high', names: ['mistral'], value: '[A-Za-z0-9]{32}', longLived: true, revokeUrl: 'https://console.mistral.ai/api-keys/', entropy: 3.5, examples: { positives: ['MISTRAL_API_KEY=<alnum:32>', '  mistral_api_key: "<alnum:32>"', '{ "MISTRAL_API_KEY": "<alnum:32>" }'], negatives: ['SOME_UNRELATED_ID=<alnum:32>', 'MISTRAL_API_KEY=${MISTRAL_API_KEY}', '  mistral_api_key: "<mistral_api_key>"', 'MISTRAL_API_KEY is read from the environment'] } }),
    contextRule({ id: 'deepseek-api-key', title: 'DeepSeek API key', provider: 'DeepSeek', severity: 'high', names: ['deepseek'], value: 'sk-[a-f0-9]{32}', longLived: true, revokeUrl: 'https://platform.deepseek.com/api_keys', examples: { positives: ['DEEPSEEK_API_KEY=sk-<hex:32>', '  deepseek_api_key: "sk-<hex:32>"', '{ "DEEPSEEK_API_KEY": "sk-<hex:32>" }'], negatives: ['SOME_UNRELATED_ID=sk-<hex:32>', 'DEEPSEEK_API_KEY=${DEEPSEEK_API_KEY}', '  deepseek_api_key: "<deepseek_api_key>"', 'DEEPSEEK_API_KEY is read from the environment'] } }),
    rule({ id: 'assemblyai-api-key', title: 'AssemblyAI API key', provider: 'AssemblyAI', severity: 'medium', keywords: ['assemblyai'], pattern: String.raw `(?i)assemblyai[\w.-]{0,24}${ASSIGNMENT}([a-f0-9]{32})\b`, longLived: true, revokeUrl: 'https://www.assemblyai.com/app/account', examples: { positives: ['ASSEMBLYAI_API_KEY=<hex:32>', '  assemblyai_api_key: "<hex:32>"', '{ "ASSEMBLYAI_API_KEY": "<hex:32>" }'], negatives: ['SOME_UNRELATED_ID=<hex:32>', 'ASSEMBLYAI_API_KEY=${ASSEMBLYAI_API_KEY}', '  assemblyai_api_key: "<assemblyai_api_key>"', 'ASSEMBLYAI_API_KEY is read from the environment'] } }),
    rule({ id: 'elevenlabs-api-key', title: 'ElevenLabs API key', provider: 'ElevenLabs', severity: 'medium', keywords: ['elevenlabs', 'xi_api_key', 'xi-api-key'], pattern: String.raw `(?i)(?:elevenlabs|xi[_-]api[_-]key)[\w.-]{0,24}${ASSIGNMENT}(sk_[a-f0-9]{48})\b`, longLived: true, revokeUrl: 'https://elevenlabs.io/app/settings/api-keys', examples: { positives: ['ELEVENLABS_API_KEY=sk_<hex:48>', '  elevenlabs_api_key: "sk_<hex:48>"', '{ "ELEVENLABS_API_KEY": "sk_<hex:48>" }'], negatives: ['SOME_UNRELATED_ID=sk_<hex:48>', 'ELEVENLABS_API_KEY=${ELEVENLABS_API_KEY}', '  elevenlabs_api_key: "<elevenlabs_api_key>"', 'ELEVENLABS_API_KEY is read from the environment'] } }),
    // Keys made before the sk_ form are 32 hex characters, sent as the xi-api-key header.
    named('elevenlabs-api-key-legacy', 'ElevenLabs API key (legacy 32-hex form)', 'ElevenLabs', ['elevenlabs_api_key', 'eleven_labs_api_key', 'elevenlabs-api-key', 'elevenlabsapikey', 'xi_api_key', 'xi-api-key'], '<hex:32>', 'https://elevenlabs.io/app/settings/api-keys', { severity: 'medium', bare: true }),
    // Long tail: prefixes from each provider's key pages; the rest by name.
    prefixed('tavily-api-key', 'Tavily API key', 'Tavily', 'tvly-<word:32-48>', 'https://app.tavily.com/home'),
    prefixed('openrouter-api-key', 'OpenRouter API key', 'OpenRouter', 'sk-or-v1-<hex:64>', 'https://openrouter.ai/settings/keys'),
    prefixed('nvidia-api-key', 'NVIDIA NGC / build.nvidia.com API key', 'NVIDIA', 'nvapi-<word:64>', 'https://org.ngc.nvidia.com/setup/api-keys'),
    prefixed('langfuse-secret-key', 'Langfuse secret key', 'Langfuse', `sk-lf-${UUID}`, 'https://cloud.langfuse.com/'),
    prefixed('firecrawl-api-key', 'Firecrawl API key', 'Firecrawl', 'fc-<hex:32>', 'https://www.firecrawl.dev/app/api-keys'),
    prefixed('anyscale-api-key', 'Anyscale API key', 'Anyscale', 'esecret_<lowalnum:26>', 'https://console.anyscale.com/'),
    prefixed('cerebras-api-key', 'Cerebras API key', 'Cerebras', 'csk-<lowalnum:48>', 'https://cloud.cerebras.ai/'),
    prefixed('jina-api-key', 'Jina AI API key', 'Jina AI', 'jina_<alnum:60>', 'https://jina.ai/api-dashboard'),
    prefixed('fireworks-api-key', 'Fireworks AI API key', 'Fireworks AI', 'fw_<alnum:24>', 'https://fireworks.ai/account/api-keys'),
    prefixed('friendli-token', 'Friendli personal access token', 'FriendliAI', 'flp_<alnum:40-60>', 'https://suite.friendli.ai/'),
    prefixed('runpod-api-key', 'RunPod API key', 'RunPod', 'rpa_<upalnum:40-48>', 'https://www.runpod.io/console/user/settings'),
    prefixed('voyage-api-key', 'Voyage AI API key', 'Voyage AI', 'pa-<word:43>', 'https://dash.voyageai.com/api-keys'),
    // Braintrust keys are sk- and 48 alphanumerics, the same shape as other providers' keys: only its name says whose.
    named('braintrust-api-key', 'Braintrust API key', 'Braintrust', ['braintrust'], 'sk-<alnum:48>', 'https://www.braintrust.dev/docs/reference/authentication'),
    named('together-api-key', 'Together AI API key', 'Together AI', ['together_', 'togetherai', 'together-ai'], '<hex:64>', 'https://api.together.ai/settings/api-keys'),
    named('wandb-api-key', 'Weights & Biases API key', 'Weights & Biases', ['wandb'], '<hex:40>', 'https://wandb.ai/authorize'),
    named('clarifai-api-key', 'Clarifai personal access token', 'Clarifai', ['clarifai'], '<hex:32>', 'https://clarifai.com/settings/security'),
    named('deepgram-api-key', 'Deepgram API key', 'Deepgram', ['deepgram'], '<hex:40>', 'https://developers.deepgram.com/docs/create-additional-api-keys'),
    named('stability-api-key', 'Stability AI API key', 'Stability AI', ['stability', 'stabilityai'], 'sk-<alnum:48>', 'https://platform.stability.ai/account/keys'),
    named('exa-api-key', 'Exa API key', 'Exa', ['exa_', 'exa-'], UUID, 'https://dashboard.exa.ai/api-keys'),
    named('serpapi-api-key', 'SerpApi API key', 'SerpApi', ['serpapi', 'serp_api'], '<hex:64>', 'https://serpapi.com/manage-api-key'),
    named('weaviate-api-key', 'Weaviate API key', 'Weaviate', ['weaviate'], '<alnum:32-48>', 'https://console.weaviate.cloud/'),
    named('qdrant-api-key', 'Qdrant Cloud API key', 'Qdrant', ['qdrant'], '<word:32-120>', 'https://cloud.qdrant.io/'),
    named('ai21-api-key', 'AI21 Labs API key', 'AI21 Labs', ['ai21'], '<alnum:32>', 'https://studio.ai21.com/account/api-key'),
    named('portkey-api-key', 'Portkey API key', 'Portkey', ['portkey'], '<b64:32>', 'https://app.portkey.ai/'),
    named('deepinfra-api-key', 'DeepInfra API key', 'DeepInfra', ['deepinfra'], '<alnum:32>', 'https://deepinfra.com/dash/api_keys'),
    named('baseten-api-key', 'Baseten API key', 'Baseten', ['baseten'], '<alnum:8>.<alnum:32>', 'https://app.baseten.co/settings/api_keys'),
    named('modal-token-secret', 'Modal token secret', 'Modal', ['modal_'], 'as-<alnum:22>', 'https://modal.com/settings/tokens'),
    named('leonardo-api-key', 'Leonardo.Ai API key', 'Leonardo.Ai', ['leonardo'], UUID, 'https://app.leonardo.ai/settings'),
    named('midjourney-api-key', 'Midjourney proxy API key', 'Midjourney', ['midjourney'], '<alnum:32-64>', 'https://www.midjourney.com/account'),
    named('gladia-api-key', 'Gladia API key', 'Gladia', ['gladia'], UUID, 'https://app.gladia.io/'),
    named('rev-ai-token', 'Rev AI access token', 'Rev AI', ['revai', 'rev_ai'], '<word:40-90>', 'https://www.rev.ai/access_token'),
    named('speechmatics-api-key', 'Speechmatics API key', 'Speechmatics', ['speechmatics'], '<alnum:32>', 'https://portal.speechmatics.com/'),
    named('hume-api-key', 'Hume AI API key', 'Hume AI', ['hume_', 'humeai'], '<alnum:48>', 'https://platform.hume.ai/settings/keys'),
    named('lmnt-api-key', 'LMNT API key', 'LMNT', ['lmnt'], '<hex:32>', 'https://app.lmnt.com/account'),
    named('writer-api-key', 'Writer API key', 'Writer', ['writer_api', 'writerai'], '<word:32-64>', 'https://app.writer.com/'),
    named('reka-api-key', 'Reka API key', 'Reka', ['reka_', 'rekaai'], '<hex:64>', 'https://platform.reka.ai/apikeys'),
    named('novita-api-key', 'Novita AI API key', 'Novita AI', ['novita'], 'sk_<word:40-48>', 'https://novita.ai/settings/key-management'),
    named('octoai-token', 'OctoAI API token', 'OctoAI', ['octoai', 'octo_ai'], '<word:100-400>', 'https://octoai.cloud/settings'),
    named('aleph-alpha-token', 'Aleph Alpha API token', 'Aleph Alpha', separated(['aleph', 'alpha']), '<word:100-400>', 'https://app.aleph-alpha.com/profile'),
    named('nlp-cloud-api-key', 'NLP Cloud API key', 'NLP Cloud', separated(['nlp', 'cloud']), '<hex:40>', 'https://nlpcloud.com/home/token'),
    named('sambanova-api-key', 'SambaNova Cloud API key', 'SambaNova', ['sambanova'], UUID, 'https://cloud.sambanova.ai/apis'),
    named('kluster-api-key', 'Kluster.ai API key', 'Kluster.ai', ['kluster'], UUID, 'https://platform.kluster.ai/apikeys'),
    named('lepton-api-token', 'Lepton AI API token', 'Lepton AI', ['lepton'], '<alnum:32>', 'https://dashboard.lepton.ai/'),
    named('unstructured-api-key', 'Unstructured API key', 'Unstructured', ['unstructured'], '<alnum:30-40>', 'https://platform.unstructured.io/'),
    named('llamacloud-api-key', 'LlamaCloud API key', 'LlamaIndex', ['llama_cloud', 'llamacloud', 'llamaparse', 'llama_parse'], 'llx-<alnum:48>', 'https://cloud.llamaindex.ai/api-key'),
    named('browserbase-api-key', 'Browserbase API key', 'Browserbase', ['browserbase'], 'bb_live_<word:27>', 'https://www.browserbase.com/settings'),
    named('e2b-api-key', 'E2B API key', 'E2B', ['e2b'], 'e2b_<hex:40>', 'https://e2b.dev/dashboard'),
    named('zhipu-api-key', 'Zhipu AI (GLM) API key', 'Zhipu AI', ['zhipu', 'bigmodel', 'glm_api'], '<hex:32>.<alnum:16>', 'https://open.bigmodel.cn/usercenter/apikeys'),
    named('moonshot-api-key', 'Moonshot AI (Kimi) API key', 'Moonshot AI', ['moonshot', 'kimi_'], 'sk-<alnum:48>', 'https://platform.moonshot.cn/console/api-keys'),
    named('dashscope-api-key', 'Alibaba DashScope (Qwen) API key', 'Alibaba Cloud', ['dashscope', 'qwen'], 'sk-<hex:32>', 'https://dashscope.console.aliyun.com/apiKey'),
    named('baidu-qianfan-api-key', 'Baidu Qianfan API key', 'Baidu', ['qianfan', 'ernie_'], '<alnum:24-32>', 'https://console.bce.baidu.com/qianfan/'),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/business-apps.ts


/** CRM, marketing, e-mail, sales, support and small-business services: keys whose only mark is the provider's name. */
const businessAppRules = [
    named('madkudu-api-key', 'MadKudu API key', 'MadKudu', ['madkudu'], '<hex:32>', 'https://app.madkudu.com/'),
    named('magnetic-api-key', 'Magnetic API token', 'Magnetic', ['magnetic'], UUID, 'https://app.magnetichq.com/'),
    named('mailmodo-api-key', 'Mailmodo API key', 'Mailmodo', ['mailmodo'], '<upalnum:7>-<upalnum:7>-<upalnum:7>-<upalnum:7>', 'https://manage.mailmodo.com/app/settings/apikey'),
    named('mailsac-api-key', 'Mailsac API key', 'Mailsac', ['mailsac'], 'k_<alnum:36-48>', 'https://mailsac.com/api-keys'),
    named('metabase-session-token', 'Metabase session or API token', 'Metabase', ['metabase'], UUID, 'https://www.metabase.com/docs/latest/people-and-groups/api-keys'),
    named('metrilo-api-key', 'Metrilo API key', 'Metrilo', ['metrilo'], '<lowalnum:16>', 'https://app.metrilo.com/'),
    named('mite-api-key', 'mite time-tracking API key', 'mite', ['mite_api', 'mite.api', 'mite-api', 'mite_key', 'mite_token'], '<lowalnum:16>', 'https://mite.de/en/api/', { bare: true }),
    named('monday-api-token', 'monday.com API token', 'monday.com', ['monday'], JWT, 'https://monday.com/developers/apps'),
    named('moosend-api-key', 'Moosend API key', 'Moosend', ['moosend'], UUID, 'https://identity.moosend.com/'),
    named('myintervals-api-key', 'Intervals (myintervals) API token', 'Intervals', ['myintervals'], '<lowalnum:11>', 'https://www.myintervals.com/', { entropy: 2.8 }),
    named('netsuite-token', 'NetSuite consumer or token key/secret', 'Oracle NetSuite', ['netsuite'], '<alnum:64>', 'https://system.netsuite.com/app/setup/accesstokens.nl', { severity: 'critical' }),
    named('nimble-api-key', 'Nimble CRM API key', 'Nimble', ['nimble'], '<alnum:30>', 'https://app.nimble.com/'),
    named('nozbe-api-token', 'Nozbe Teams API token', 'Nozbe', ['nozbe'], '<alnum:16>_<word:64>', 'https://app.nozbe.com/'),
    named('onepagecrm-api-key', 'OnePageCRM API key', 'OnePageCRM', ['onepagecrm', 'onepage_crm'], '<[A-Za-z0-9=]:44>', 'https://app.onepagecrm.com/app/api'),
    named('paperform-api-key', 'Paperform API key', 'Paperform', ['paperform'], '<[A-Za-z0-9._-]:850-1000>', 'https://paperform.co/account/developer'),
    named('paydirt-api-key', 'Paydirt API key', 'Paydirt', ['paydirt'], '<lowalnum:32>', 'https://paydirtapp.com/'),
    named('pepipost-api-key', 'Netcore (Pepipost) API key', 'Netcore', ['pepipost', 'netcore'], '<alnum:32>', 'https://app.pepipost.com/app/settings/integration'),
    named('planview-leankit-token', 'Planview LeanKit API token', 'Planview', ['leankit', 'planview'], '<hex:128>', 'https://success.planview.com/Planview_AgilePlace/'),
    named('podio-api-key', 'Podio API key', 'Podio', ['podio'], '<lowalnum:32>', 'https://podio.com/settings/api'),
    named('postbacks-api-key', 'Postbacks API key', 'Postbacks', ['postbacks'], UUID, 'https://postbacks.io/'),
    named('prodpad-api-key', 'ProdPad API key', 'ProdPad', ['prodpad'], '<hex:64>', 'https://app.prodpad.com/me/apikeys'),
    named('prospect-crm-api-key', 'Prospect CRM API key', 'Prospect CRM', ['prospectcrm', 'prospect_crm', 'prospect'], '<hex:32>', 'https://www.prospect365.com/'),
    named('reallysimplesystems-api-key', 'Really Simple Systems CRM API key', 'Really Simple Systems', ['reallysimplesystems', 'really_simple_systems'], 'ey<[A-Za-z0-9._-]:153>.ey<[A-Za-z0-9._-]:916-1000>', 'https://www.reallysimplesystems.com/'),
    named('refiner-api-key', 'Refiner API key', 'Refiner', ['refiner'], UUID, 'https://app.refiner.io/'),
    named('rentman-api-token', 'Rentman API token', 'Rentman', ['rentman'], 'ey<alnum:34>.ey<[A-Za-z0-9._-]:250-300>', 'https://support.rentman.io/hc/en-us/articles/360013767839'),
    named('repairshopr-api-key', 'RepairShopr API key', 'RepairShopr', ['repairshopr'], '<[A-Za-z0-9-]:51>', 'https://admin.repairshopr.com/'),
    named('revampcrm-api-key', 'Revamp CRM API key', 'Revamp CRM', ['revamp'], '<alnum:40>', 'https://app.revampcrm.com/'),
    named('ringcentral-client-secret', 'RingCentral client secret', 'RingCentral', ['ringcentral'], '<word:22>', 'https://developers.ringcentral.com/my-account.html'),
    named('rockset-api-key', 'Rockset API key', 'Rockset', ['rockset'], '<alnum:64>', 'https://console.rockset.com/apikeys'),
    named('route4me-api-key', 'Route4Me API key', 'Route4Me', ['route4me'], '<upalnum:32>', 'https://route4me.com/'),
    named('rownd-app-secret', 'Rownd app secret', 'Rownd', ['rownd'], '<lowalnum:48>', 'https://app.rownd.io/'),
    named('runrunit-app-key', 'Runrun.it app key', 'Runrun.it', ['runrunit', 'runrun_it'], '<hex:32>', 'https://runrun.it/'),
    named('salescookie-api-key', 'Sales Cookie API key', 'Sales Cookie', ['salescookie'], '<alnum:32>', 'https://salescookie.com/'),
    named('salesmate-api-key', 'Salesmate access key', 'Salesmate', ['salesmate'], UUID, 'https://www.salesmate.io/'),
    named('sendbird-organization-api-key', 'Sendbird organization API key', 'Sendbird', ['sendbird_org', 'sendbirdorganization', 'sendbird-org'], '<hex:24>', 'https://dashboard.sendbird.com/settings/organization'),
    named('sherpadesk-api-key', 'SherpaDesk API key', 'SherpaDesk', ['sherpadesk'], '<lowalnum:32>', 'https://app.sherpadesk.com/'),
    named('signalwire-api-token', 'SignalWire API token', 'SignalWire', ['signalwire'], '<alnum:50>', 'https://signalwire.com/'),
    named('signupgenius-api-key', 'SignUpGenius API key', 'SignUpGenius', ['signupgenius'], '<alnum:32>', 'https://www.signupgenius.com/'),
    named('simvoly-api-key', 'Simvoly API key', 'Simvoly', ['simvoly'], '<lowalnum:33>', 'https://simvoly.com/'),
    named('siteleaf-api-key', 'Siteleaf API key or secret', 'Siteleaf', ['siteleaf'], '<lowalnum:32>', 'https://manage.siteleaf.com/account'),
    named('smooch-api-secret', 'Sunshine Conversations (Smooch) API secret', 'Zendesk Sunshine', ['smooch'], '<word:86>', 'https://app.smooch.io/'),
    named('smooch-api-key-id', 'Sunshine Conversations (Smooch) API key id', 'Zendesk Sunshine', ['smooch'], 'act_<lowalnum:24>', 'https://app.smooch.io/', { severity: 'low' }),
    named('stitch-api-token', 'Stitch data pipeline API token', 'Stitch', ['stitchdata', 'stitch_data'], '<[a-z0-9_]:35>', 'https://app.stitchdata.com/account/tokens'),
    named('storychief-api-key', 'StoryChief API key', 'StoryChief', ['storychief'], '<[A-Za-z0-9_.-]:940-1000>', 'https://app.storychief.io/'),
    named('stytch-secret', 'Stytch project secret', 'Stytch', ['stytch'], '<word:47>=', 'https://stytch.com/dashboard/api-keys', { severity: 'critical' }),
    named('sugester-api-key', 'Sugester API key', 'Sugester', ['sugester'], '<alnum:32>', 'https://sugester.com/'),
    named('supernotes-api-key', 'Supernotes API key', 'Supernotes', ['supernotes'], '<word:43>', 'https://supernotes.app/'),
    named('surveyanyplace-api-key', 'Survey Anyplace API key', 'Survey Anyplace', ['surveyanyplace'], '<alnum:32>', 'https://surveyanyplace.com/'),
    named('swell-secret-key', 'Swell secret key', 'Swell', ['swell'], '<alnum:32>', 'https://swell.store/'),
    named('swiftype-api-key', 'Swiftype API key', 'Elastic Swiftype', ['swiftype'], '<alnum:6>_<alnum:6>-<alnum:6>', 'https://app.swiftype.com/settings/account'),
    named('tallyfy-api-token', 'Tallyfy API token', 'Tallyfy', ['tallyfy'], '<alnum:36>.<alnum:250-300>.<word:650-700>', 'https://go.tallyfy.com/'),
    named('teamgate-api-key', 'Teamgate API key or token', 'Teamgate', ['teamgate'], '<alnum:40-80>', 'https://www.teamgate.com/'),
    // Teamwork's CRM, Desk and Spaces tokens share one form.
    prefixed('teamwork-api-token', 'Teamwork (CRM, Desk, Spaces) API token', 'Teamwork', 'tkn.v1_<alnum:68-76>=', 'https://www.teamwork.com/', { keywords: ['tkn.v1_'] }),
    named('tefter-api-key', 'Tefter API key', 'Tefter', ['tefter'], '<alnum:20>', 'https://tefter.io/'),
    named('thinkific-api-key', 'Thinkific API key', 'Thinkific', ['thinkific'], '<hex:32>', 'https://www.thinkific.com/'),
    named('thousandeyes-api-token', 'ThousandEyes API token', 'ThousandEyes', ['thousandeyes'], '<alnum:32>', 'https://app.thousandeyes.com/account-settings/users-roles/profile'),
    named('tickettailor-api-key', 'Ticket Tailor API key', 'Ticket Tailor', ['tickettailor', 'ticket_tailor'], 'sk_<digit:4>_<digit:6>_<hex:32>', 'https://app.tickettailor.com/box-office/api'),
    named('toggl-api-token', 'Toggl Track API token', 'Toggl', ['toggl'], '<lowalnum:32>', 'https://track.toggl.com/profile'),
    named('tokeet-api-key', 'Tokeet API key', 'Tokeet', ['tokeet'], UUID, 'https://app.tokeet.com/'),
    named('tyntec-api-key', 'tyntec API key', 'tyntec', ['tyntec'], '<alnum:32>', 'https://my.tyntec.com/api-settings'),
    named('typetalk-token', 'Typetalk client secret or token', 'Typetalk', ['typetalk'], '<alnum:64>', 'https://typetalk.com/my/develop/applications'),
    named('vbout-api-key', 'VBOUT API key', 'VBOUT', ['vbout'], '<digit:25>', 'https://app.vbout.com/Settings', { entropy: 2.5 }),
    named('versioneye-api-key', 'VersionEye API key', 'VersionEye', ['versioneye'], '<[A-Za-z0-9-]:40>', 'https://www.versioneye.com/'),
    named('viewneo-api-token', 'viewneo API token', 'viewneo', ['viewneo'], '<alnum:120-300>.<alnum:150-300>.<word:600-800>', 'https://viewneo.com/'),
    named('vouchery-api-key', 'Vouchery API key', 'Vouchery', ['vouchery'], '<[a-z0-9-]:36>', 'https://vouchery.io/'),
    named('websitepulse-api-key', 'WebSitePulse API key', 'WebSitePulse', ['websitepulse'], '<hex:32>', 'https://www.websitepulse.com/'),
    named('wepay-access-token', 'WePay access token', 'WePay', ['wepay'], '<word:62>', 'https://www.wepay.com/'),
    named('zenkit-api-key', 'Zenkit API key', 'Zenkit', ['zenkit'], '<lowalnum:8>-<alnum:32>', 'https://zenkit.com/'),
    named('zeplin-access-token', 'Zeplin personal access token', 'Zeplin', ['zeplin'], '<[A-Za-z0-9.-]:350-400>', 'https://app.zeplin.io/profile/developer'),
    named('magicbell-api-secret', 'MagicBell API secret', 'MagicBell', ['magicbell'], '<[A-Za-z0-9-]:40>', 'https://app.magicbell.com/'),
    named('mailjet-sms-token', 'Mailjet SMS API token', 'Mailjet', ['mailjet_sms', 'mailjetsms', 'mailjet-sms'], '<alnum:32>', 'https://app.mailjet.com/sms'),
    named('mavenlink-api-token', 'Mavenlink (Kantata) API token', 'Kantata', ['mavenlink', 'kantata'], '<lowalnum:64>', 'https://app.mavenlink.com/'),
    named('meistertask-api-token', 'MeisterTask personal access token', 'Meister', ['meistertask'], '<alnum:43>', 'https://www.meistertask.com/app/settings'),
    named('mindmeister-api-token', 'MindMeister personal access token', 'Meister', ['mindmeister'], '<alnum:43>', 'https://www.mindmeister.com/'),
    named('mixmax-api-token', 'Mixmax API token', 'Mixmax', ['mixmax'], '<word:36>', 'https://app.mixmax.com/dashboard/settings/integrations'),
    named('moonclerk-api-key', 'MoonClerk API key', 'MoonClerk', ['moonclerk'], '<lowalnum:32>', 'https://app.moonclerk.com/settings/api-keys'),
    named('nicereply-api-key', 'Nicereply API key', 'Nicereply', ['nicereply'], '<hex:40>', 'https://app.nicereply.com/'),
    named('noticeable-api-key', 'Noticeable API key', 'Noticeable', ['noticeable'], '<alnum:20>', 'https://dashboard.noticeable.io/'),
    named('onfleet-api-key', 'Onfleet API key', 'Onfleet', ['onfleet'], '<lowalnum:32>', 'https://onfleet.com/dashboard#/manage'),
    named('overloop-api-key', 'Overloop API key', 'Overloop', ['overloop'], '<word:50>', 'https://app.overloop.com/'),
    named('paymo-api-key', 'Paymo API key', 'Paymo', ['paymoapp', 'paymo_'], '<alnum:44>', 'https://app.paymoapp.com/'),
    named('planyo-api-key', 'Planyo API key', 'Planyo', ['planyo'], '<lowalnum:62>', 'https://www.planyo.com/'),
    named('pollsapi-api-key', 'PollsAPI key', 'PollsAPI', ['pollsapi'], '<upalnum:28>', 'https://pollsapi.com/'),
    named('postageapp-api-key', 'PostageApp API key', 'PostageApp', ['postageapp'], '<alnum:32>', 'https://secure.postageapp.com/'),
    named('powrbot-api-key', 'Powrbot API key', 'Powrbot', ['powrbot'], '<alnum:40>', 'https://powrbot.com/'),
    named('qualaroo-api-key', 'Qualaroo API key', 'Qualaroo', ['qualaroo'], '<[A-Za-z0-9=]:64>', 'https://app.qualaroo.com/'),
    named('reachmail-api-token', 'ReachMail API token', 'ReachMail', ['reachmail'], '<word:64>', 'https://services.reachmail.net/'),
    named('replyio-api-key', 'Reply.io API key', 'Reply.io', ['replyio', 'reply_io'], '<alnum:24>', 'https://run.reply.io/Dashboard/Material#/settings/apikey'),
    named('salesflare-api-key', 'Salesflare API key', 'Salesflare', ['salesflare'], '<word:45>', 'https://app.salesflare.com/#/settings/apikeys'),
    named('satismeter-write-key', 'SatisMeter write key or token', 'SatisMeter', ['satismeter'], '<alnum:32>', 'https://app.satismeter.com/'),
    named('shipday-api-key', 'Shipday API key', 'Shipday', ['shipday'], '<[A-Za-z0-9.]:11><alnum:20>', 'https://dispatch.shipday.com/'),
    named('shotstack-api-key', 'Shotstack API key', 'Shotstack', ['shotstack'], '<alnum:40>', 'https://dashboard.shotstack.io/'),
    named('signaturit-access-token', 'Signaturit access token', 'Signaturit', ['signaturit'], '<alnum:86>', 'https://app.signaturit.com/'),
    named('simplesat-api-key', 'Simplesat API key', 'Simplesat', ['simplesat'], '<lowalnum:40>', 'https://app.simplesat.io/'),
    named('snipcart-api-key', 'Snipcart secret API key', 'Snipcart', ['snipcart'], '<word:75>', 'https://app.snipcart.com/dashboard/account/credentials'),
    named('statuspal-api-key', 'Statuspal API key', 'Statuspal', ['statuspal'], '<alnum:32>', 'https://statuspal.io/'),
    named('storecove-api-key', 'Storecove API key', 'Storecove', ['storecove'], '<word:43>', 'https://app.storecove.com/'),
    named('stormboard-api-key', 'Stormboard API key', 'Stormboard', ['stormboard'], '<hex:40>', 'https://stormboard.com/'),
    named('streak-api-key', 'Streak CRM API key', 'Streak', ['streak'], '<anyhex:32>', 'https://www.streak.com/'),
    named('surveybot-api-key', 'Surveybot API key', 'Surveybot', ['surveybot'], '<[A-Za-z0-9-]:80>', 'https://surveybot.io/'),
    named('surveysparrow-access-token', 'SurveySparrow access token', 'SurveySparrow', ['surveysparrow'], '<word:88>', 'https://app.surveysparrow.com/'),
    named('survicate-api-key', 'Survicate API key', 'Survicate', ['survicate'], '<lowalnum:32>', 'https://panel.survicate.com/'),
    named('taxjar-api-token', 'TaxJar API token', 'TaxJar', ['taxjar'], '<lowalnum:32>', 'https://app.taxjar.com/account#api-access'),
    named('teletype-api-key', 'Teletype API key', 'Teletype', ['teletype'], '<[A-Za-z0-9-]:64>', 'https://teletype.app/'),
    named('timecamp-api-token', 'TimeCamp API token', 'TimeCamp', ['timecamp'], '<lowalnum:26>', 'https://app.timecamp.com/app#/settings/users/me'),
    named('tmetric-api-token', 'TMetric API token', 'TMetric', ['tmetric'], '<upalnum:64>', 'https://app.tmetric.com/#/profile'),
    named('upwave-api-token', 'Upwave API token', 'Upwave', ['upwave'], '<lowalnum:32>', 'https://www.upwave.io/'),
    named('userflow-api-key', 'Userflow API key', 'Userflow', ['userflow'], '<[a-z0-9_]:29>', 'https://getuserflow.com/app/settings/api'),
    named('voodoosms-api-key', 'VoodooSMS API key', 'VoodooSMS', ['voodoosms'], '<alnum:46>', 'https://www.voodoosms.com/portal/'),
    named('vyte-api-key', 'Vyte API key', 'Vyte', ['vyte'], '<lowalnum:50>', 'https://www.vyte.in/'),
    named('wistia-api-token', 'Wistia API token', 'Wistia', ['wistia'], '<lowalnum:64>', 'https://wistia.com/support/developers/data-api'),
    named('worksnaps-api-token', 'Worksnaps API token', 'Worksnaps', ['worksnaps'], '<alnum:40>', 'https://www.worksnaps.com/'),
    named('workstack-api-key', 'Workstack API key', 'Workstack', ['workstack'], '<alnum:60>', 'https://workstack.io/'),
    named('yousign-api-key', 'Yousign API key', 'Yousign', ['yousign'], '<lowalnum:32>', 'https://yousign.app/'),
    named('zonka-feedback-api-key', 'Zonka Feedback API key', 'Zonka Feedback', ['zonka'], '<alnum:36>', 'https://app.zonkafeedback.com/'),
    named('qase-api-token', 'Qase API token', 'Qase', ['qase'], '<alnum:40>', 'https://app.qase.io/user/api/token'),
    named('parseur-api-key', 'Parseur API key', 'Parseur', ['parseur'], '<hex:40>', 'https://app.parseur.com/account'),
    named('parsehub-api-key', 'ParseHub API key', 'ParseHub', ['parsehub'], '<alnum:12>', 'https://www.parsehub.com/account', { entropy: 2.8 }),
    named('partnerstack-api-key', 'PartnerStack API key', 'PartnerStack', ['partnerstack'], '<alnum:64>', 'https://dash.partnerstack.com/'),
    named('mesibo-app-token', 'mesibo app token', 'mesibo', ['mesibo'], '<alnum:64>', 'https://console.mesibo.com/'),
    named('purestake-api-key', 'PureStake API key', 'PureStake', ['purestake'], '<alnum:40>', 'https://developer.purestake.io/'),
    named('protocolsio-access-token', 'protocols.io access token', 'protocols.io', ['protocolsio', 'protocols_io', 'protocols.io'], '<lowalnum:64>', 'https://www.protocols.io/developers'),
    named('scrutinizer-ci-token', 'Scrutinizer CI access token', 'Scrutinizer', ['scrutinizer'], '<lowalnum:64>', 'https://scrutinizer-ci.com/profile/applications'),
    named('sslmate-api-key', 'SSLMate API key', 'SSLMate', ['sslmate'], '<alnum:36>', 'https://sslmate.com/account/api_credentials'),
    named('statuscake-api-key', 'StatusCake API key', 'StatusCake', ['statuscake'], '<alnum:20>', 'https://app.statuscake.com/User.php'),
    named('pipedream-api-key', 'Pipedream API key', 'Pipedream', ['pipedream'], '<lowalnum:32>', 'https://pipedream.com/settings/user'),
    named('youtube-api-key', 'YouTube Data API key', 'Google', ['youtube'], '<word:39>', 'https://console.cloud.google.com/apis/credentials'),
    named('pastebin-api-key', 'Pastebin developer API key', 'Pastebin', ['pastebin'], '<word:32>', 'https://pastebin.com/doc_api'),
    named('paymongo-secret-key', 'PayMongo secret key', 'PayMongo', ['paymongo'], '<word:32>', 'https://dashboard.paymongo.com/developers'),
    named('solarwinds-observability-token', 'SolarWinds Observability API token', 'SolarWinds', ['solarwinds'], '<word:71>', 'https://my.na-01.cloud.solarwinds.com/'),
    named('tatum-api-key', 'Tatum API key', 'Tatum', ['tatum'], '<[a-z0-9-]:36>', 'https://dashboard.tatum.io/'),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/azure.ts

/**
 * Microsoft's identifiable keys (Microsoft Security Utilities, the layouts Purview's classifiers and GitHub's secret
 * scanning use): a service signature at a fixed offset inside base64 of a fixed length. 64-byte keys are 76 characters,
 * the 4-character signature, 5 more and a padding-aware last character; 32-byte keys are 33, signature, 5, last, `=`.
 */
const KEY64 = (signature) => `<b64:76>${signature}<b64:5><[AQgw]:1>==`;
const KEY32 = (signature) => `<b64:33>${signature}<b64:5><[AEIMQUYcgkosw048]:1>=`;
const PORTAL = 'https://portal.azure.com/';
const ROTATE = 'Regenerate the key in the Azure portal (the resource\'s Keys / Access keys blade), then move the app to Microsoft Entra ID or a managed identity.';
const azureRules = [
    // Microsoft: the current Azure DevOps PAT is 84 characters, AZDO at positions 77-80 (52 of them random).
    token({ id: 'azure-devops-pat', title: 'Azure DevOps personal access token', provider: 'Azure DevOps', severity: 'high', shape: '<alnum:76>AZDO<alnum:4>', longLived: true, revokeUrl: 'https://dev.azure.com/_usersSettings/tokens' }),
    token({ id: 'azure-storage-identifiable-key', title: 'Azure Storage account key (identifiable)', provider: 'Azure Storage', severity: 'critical', shape: KEY64('+ASt'), keywords: ['+ast'], longLived: true, revokeUrl: 'https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage', remediation: ROTATE }),
    token({ id: 'azure-cosmosdb-key', title: 'Azure Cosmos DB account key', provider: 'Azure Cosmos DB', severity: 'critical', shape: KEY64('ACDb'), longLived: true, revokeUrl: 'https://learn.microsoft.com/azure/cosmos-db/how-to-rotate-keys', remediation: ROTATE }),
    token({ id: 'azure-batch-key', title: 'Azure Batch account key', provider: 'Azure Batch', severity: 'high', shape: KEY64('+ABa'), keywords: ['+aba'], longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
    token({ id: 'azure-apim-key', title: 'Azure API Management key', provider: 'Azure API Management', severity: 'high', shape: KEY64('APIM'), longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
    // The password of API Management's configuration Git repository: `git&`, its expiry (yyyyMMddHHmm), `&` and a
    // 64-byte signature in base64.
    token({ id: 'azure-apim-git-password', title: 'Azure API Management Git repository password', provider: 'Azure API Management', severity: 'high', shape: 'git&<digit:12>&<b64:85><[AQgw]:1>==', keywords: ['git&'], longLived: false, revokeUrl: PORTAL, remediation: 'Regenerate the API Management access keys (Deployment and infrastructure > Repository), which invalidates Git passwords made from them.' }),
    token({ id: 'azure-ml-classic-key', title: 'Azure Machine Learning (classic) web service key', provider: 'Azure Machine Learning', severity: 'high', shape: KEY64('+AMC'), keywords: ['+amc'], longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
    token({ id: 'azure-service-bus-key', title: 'Azure Service Bus shared access key (identifiable)', provider: 'Azure Service Bus', severity: 'high', shape: KEY32('+ASb'), keywords: ['+asb'], longLived: true, revokeUrl: 'https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas', remediation: ROTATE }),
    token({ id: 'azure-event-hubs-key', title: 'Azure Event Hubs shared access key (identifiable)', provider: 'Azure Event Hubs', severity: 'high', shape: KEY32('+AEh'), keywords: ['+aeh'], longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
    token({ id: 'azure-relay-key', title: 'Azure Relay shared access key (identifiable)', provider: 'Azure Relay', severity: 'high', shape: KEY32('+ARm'), keywords: ['+arm'], longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
    token({ id: 'azure-iot-key', title: 'Azure IoT Hub / Device Provisioning shared access key', provider: 'Azure IoT', severity: 'high', shape: KEY32('AIoT'), longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
    token({ id: 'azure-cache-redis-key', title: 'Azure Cache for Redis access key', provider: 'Azure Cache for Redis', severity: 'high', shape: '<alnum:33>AzCa<[A-P]:1><alnum:5>=', longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
    token({ id: 'azure-function-key', title: 'Azure Functions key', provider: 'Azure Functions', severity: 'high', shape: '<b64url:44>AzFu<b64url:5><[AQgw]:1>==', longLived: true, revokeUrl: 'https://learn.microsoft.com/azure/azure-functions/function-keys-how-to', remediation: ROTATE }),
    token({ id: 'azure-search-key', title: 'Azure AI Search admin or query key', provider: 'Azure AI Search', severity: 'high', shape: '<alnum:42>AzSe<[A-D]:1><alnum:5>', longLived: true, revokeUrl: 'https://learn.microsoft.com/azure/search/search-security-api-keys', remediation: ROTATE }),
    token({ id: 'azure-container-registry-key', title: 'Azure Container Registry access key', provider: 'Azure Container Registry', severity: 'high', shape: '<b64:42>+ACR<[A-D]:1><b64:5>', keywords: ['+acr'], longLived: true, revokeUrl: 'https://learn.microsoft.com/azure/container-registry/container-registry-authentication', remediation: ROTATE }),
    // Microsoft's common annotated security key (Azure AI services, Azure OpenAI): 52 random, the JQQJ9 marker, a kind.
    token({ id: 'azure-cognitive-services-key', title: 'Azure AI services / OpenAI key (annotated)', provider: 'Azure AI services', severity: 'high', shape: '<alnum:52>JQQJ9<[9DH]:1><alnum:1><[A-L]:1><alnum:16><alpha:1><alnum:7>', keywords: ['jqqj9'], longLived: true, revokeUrl: 'https://learn.microsoft.com/azure/ai-services/rotate-keys', remediation: ROTATE }),
    // App Configuration's connection string: the store's endpoint, the access key's id, then its 32-byte secret.
    rule({
        id: 'azure-app-configuration-connection-string',
        title: 'Azure App Configuration connection string (access key secret)',
        provider: 'Azure App Configuration',
        severity: 'high',
        keywords: ['.azconfig.io'],
        pattern: String.raw `(?i)\.azconfig\.io/?;Id=[A-Za-z0-9:+/=-]{4,64};Secret=([A-Za-z0-9+/]{43}=)`,
        entropy: 3.5,
        longLived: true,
        revokeUrl: 'https://learn.microsoft.com/azure/azure-app-configuration/howto-disable-access-key-authentication',
        remediation: 'Regenerate the access key (App Configuration > Settings > Access settings), then move the app to Microsoft Entra ID or a managed identity.',
        examples: {
            positives: ['APP_CONFIG="Endpoint=https://demo-settings.azconfig.io;Id=<alnum:4>-<alnum:2>-<alnum:2>:<b64:20>;Secret=<b64:43>="', 'conn = "https://demo.azconfig.io;Id=<alnum:4>-l0-s0:<b64:20>;Secret=<b64:43>="'],
            negatives: ['APP_CONFIG="Endpoint=https://demo-settings.azconfig.io;Id=<alnum:4>-<alnum:2>-<alnum:2>:<b64:20>;Secret=<b64:20>="', 'APP_CONFIG="Endpoint=https://demo-settings.azconfig.io;Id=<alnum:4>-<alnum:2>-<alnum:2>:<b64:20>;Secret=${APP_CONFIG_SECRET}"'],
        },
    }),
    // Microsoft Entra ID refresh tokens are opaque, but keep one layout: a version digit, `.A` and the client's part, then
    // `.Ag` and the encrypted body (hundreds of characters), as MSAL and the Azure CLI cache them.
    rule({
        id: 'azure-entra-refresh-token',
        title: 'Microsoft Entra ID (Azure AD) refresh token',
        provider: 'Microsoft Entra ID',
        severity: 'high',
        keywords: ['0.a', '1.a'],
        pattern: String.raw `(?:^|[^A-Za-z0-9_.-])([01]\.A[A-Za-z0-9_-]{50,300}(?:\.[0-9])?\.Ag[A-Za-z0-9_-]{250,1000})`,
        entropy: 4,
        longLived: true,
        revokeUrl: 'https://learn.microsoft.com/graph/api/user-revokesigninsessions',
        remediation: "Revoke the user's refresh tokens (Entra admin center > Users > Revoke sessions, or Graph revokeSignInSessions), then remove it from the code and its history.",
        examples: {
            positives: ['"refresh_token": "0.A<word:60>.AgABAAEAAAD<word:400>"', 'AAD_REFRESH_TOKEN=1.A<word:54>.AgABAwEAAAD<word:600>'],
            negatives: ['"refresh_token": "0.A<word:60>.AgABAAEAAAD<word:40>"', '"refresh_token": "2.A<word:60>.AgABAAEAAAD<word:400>"', 'version = "0.A<word:60>"'],
        },
    }),
    // Azure OpenAI keys are 32 hex characters (OpenAI's own keys start with sk-): only a name saying whose counts.
    named('azure-openai-api-key', 'Azure OpenAI API key', 'Azure OpenAI', ['azure_openai', 'azureopenai', 'azure-openai', 'azure.openai', 'openai'], '<hex:32>', 'https://learn.microsoft.com/azure/ai-services/rotate-keys', { remediation: ROTATE }),
    // API Management subscription keys (primary and secondary) are 32 hex characters, sent as Ocp-Apim-Subscription-Key.
    named('azure-apim-subscription-key', 'Azure API Management subscription key', 'Azure API Management', ['ocp-apim-subscription-key', 'ocp_apim_subscription_key', 'apim_subscription_key', 'apim-subscription-key', 'apimsubscriptionkey', 'api_management_subscription_key', 'apimanagementsubscriptionkey'], '<anyhex:32>', 'https://learn.microsoft.com/azure/api-management/api-management-subscriptions', { bare: true, remediation: 'Regenerate the subscription key in the API Management instance (APIs > Subscriptions), then remove it from the code and its history.' }),
];

;// CONCATENATED MODULE: ./src/rules/validators/pem.ts
/**
 * The body between BEGIN and END lines must be base64 (line breaks, literal `\n` escapes and RFC 1421 headers such as
 * `Proc-Type:` allowed) long enough to hold a key. Rejects `...`, prose and truncated examples.
 */
function hasKeyBody(block) {
    const inner = block.replace(/-----(?:BEGIN|END)[^-]*-----/g, '');
    if (isBase64Body(inner))
        return true;
    const joined = joinedLiterals(inner);
    return joined !== undefined && isBase64Body(joined);
}
/** What joins string literals in code: `+` (JS, Java, C#, Go), `.` (PHP), `&` (VB), adjacency (Python, C), line ends. */
const JOIN = /^(?:\s|[+.&,\\@]|Environment\.NewLine|System\.lineSeparator\(\)|vbCrLf|vbNewLine|PHP_EOL|os\.EOL)*$/;
/**
 * A key split across string concatenation (`"-----BEGIN ...\n" + "MIIE..." + ...`): the block begins and ends inside
 * a literal, so splitting it at the quote leaves literals at even places and the code between them at odd places. The
 * literals joined, when everything between them only joins strings; undefined otherwise.
 */
function joinedLiterals(inner) {
    const quote = /["'`]/.exec(inner)?.[0];
    if (quote === undefined)
        return undefined;
    const pieces = inner.split(quote);
    if (pieces.length < 3 || pieces.length % 2 === 0)
        return undefined;
    const literals = pieces.filter((_, index) => index % 2 === 0);
    const joins = pieces.filter((_, index) => index % 2 === 1);
    return joins.every((join) => JOIN.test(join)) ? literals.join('\n') : undefined;
}
function isBase64Body(inner) {
    const body = inner
        .replace(/\\n|\\r/g, '\n')
        .split(/\r?\n/)
        // RFC 1421/4880 armor: header lines (`Proc-Type: ...`) and the `=XXXX` CRC line are not body.
        .filter((line) => !/^[A-Za-z-]+:\s/.test(line.trim()) && !/^=[A-Za-z0-9+/]{4}$/.test(line.trim()))
        .join('')
        .replace(/\s+/g, '');
    return body.length >= 64 && /^[A-Za-z0-9+/]+={0,2}$/.test(body);
}
/** PuTTY private lines: base64 only. */
function isBase64Block(value) {
    const body = value.replace(/\s+/g, '');
    return body.length >= 40 && /^[A-Za-z0-9+/]+={0,2}$/.test(body);
}
/** `"auth": "base64(user:password)"` in docker config.json. */
function isBasicAuthPair(value, options = {}) {
    try {
        const decoded = Buffer.from(value, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        // A registry's `_json_key` password is a whole service-account key, newlines included.
        const printable = (char) => char.charCodeAt(0) >= 0x20 || (options.multilinePassword === true && /[\t\n\r]/.test(char));
        return colon > 0 && colon < decoded.length - 1 && [...decoded].every(printable);
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/rules/validators/public-keys.ts

/**
 * Keys their vendors publish for local emulators, the same on every machine: Azurite's and the Azure Storage
 * emulator's `devstoreaccount1` key and the Azure Cosmos DB emulator's key (Microsoft's docs print both). Kept as
 * SHA-256 digests so the scanner's own source carries no key-shaped text.
 */
const PUBLIC_EMULATOR_KEYS = new Set([
    '0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059',
    'aa6547439583c3a275d4542a0df6c1ad6a863971be9f2a2220f027cc02aef615',
]);
/** True when the value is not a published emulator key, so it can be someone's real key. */
function isNotPublicEmulatorKey(value) {
    return !PUBLIC_EMULATOR_KEYS.has((0,external_node_crypto_namespaceObject.createHash)('sha256').update(value).digest('hex'));
}

;// CONCATENATED MODULE: ./src/rules/catalogue/cloud.ts




const AWS_IAM = 'https://console.aws.amazon.com/iam/home#/security_credentials';
const OIDC_HINT = 'then switch the workflow to OIDC (Keyward aws-role-arn) instead of a stored key';
const cloudRules = [
    rule({
        id: 'aws-access-key-id',
        title: 'AWS IAM user access key ID',
        provider: 'AWS',
        severity: 'high',
        keywords: ['akia', 'abia', 'acca'],
        pattern: String.raw `\b((?:AKIA|ABIA|ACCA)[A-Z2-7]{16})\b`,
        longLived: true,
        revokeUrl: AWS_IAM,
        remediation: `Deactivate and delete the access key in IAM, ${OIDC_HINT}.`,
        examples: { positives: ['AWS_ACCESS_KEY_ID=AKIA<b32:16>', '[default]\naws_access_key_id = AKIA<b32:16>', '{ "AccessKeyId": "AKIA<b32:16>" }'], negatives: ['AWS_ACCESS_KEY_ID=AKIA<b32:15>', 'AWS_ACCESS_KEY_ID=akia<b32:16>', 'AWS_ACCESS_KEY_ID=AKIA<b32:9>EXAMPLE', 'AWS_ACCESS_KEY_ID=AKIA<b32:16>Q'] },
    }),
    rule({
        id: 'aws-session-key-id',
        title: 'AWS temporary (STS) access key ID',
        provider: 'AWS',
        severity: 'medium',
        keywords: ['asia'],
        pattern: String.raw `\b(ASIA[A-Z2-7]{16})\b`,
        longLived: false,
        revokeUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html',
        remediation: 'Revoke the role session (IAM > Roles > Revoke active sessions); it also expires on its own.',
        examples: { positives: ['AWS_ACCESS_KEY_ID=ASIA<b32:16>'], negatives: ['AWS_ACCESS_KEY_ID=ASIA<b32:12>'] },
    }),
    rule({
        id: 'aws-secret-access-key',
        title: 'AWS secret access key',
        provider: 'AWS',
        severity: 'critical',
        keywords: [...separated(['secret', 'access', 'key']), ...separated(['aws', 'secret'])],
        pattern: String.raw `(?i)(?:secret[_.-]?access[_.-]?key|aws[_.-]?secret(?:[_.-]?key)?)${ASSIGNMENT}([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)`,
        entropy: 4,
        longLived: true,
        revokeUrl: AWS_IAM,
        remediation: `Deactivate and delete the access key in IAM, ${OIDC_HINT}.`,
        examples: { positives: ['aws_secret_access_key=<b64:40>', 'aws.secret.access.key=<b64:40>', '[default]\naws_secret_access_key = <b64:40>', '  AWS_SECRET_ACCESS_KEY: "<b64:40>"', '{ "SecretAccessKey": "<b64:40>" }'], negatives: ['aws_secret_access_key=<b64:30>', 'const blob = "<b64:40>";', 'aws_secret_access_key=${AWS_SECRET_ACCESS_KEY}', 'aws_secret_access_key=<b64:28>EXAMPLEKEY12'] },
    }),
    rule({
        id: 'aws-session-token',
        title: 'AWS session token',
        provider: 'AWS',
        severity: 'medium',
        keywords: [...separated(['session', 'token']), ...separated(['security', 'token'])],
        pattern: String.raw `(?i)(?:aws[_.-]?)?(?:session|security)[_.-]?token${ASSIGNMENT}([A-Za-z0-9/+=]{100,1000})`,
        longLived: false,
        revokeUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html',
        remediation: 'Revoke the role session in IAM; session tokens expire on their own.',
        examples: { positives: ['aws_session_token=<b64:300>', 'aws.session.token = IQoJb3JpZ2luX2Vj<b64:300>'], negatives: ['aws_session_token=<b64:60>'] },
    }),
    rule({
        id: 'aws-mws-auth-token',
        title: 'Amazon MWS auth token',
        provider: 'AWS',
        severity: 'high',
        keywords: ['amzn.mws.'],
        pattern: String.raw `\b(amzn\.mws\.${LOWER_UUID_REGEX})\b`,
        longLived: true,
        revokeUrl: 'https://sellercentral.amazon.com/apps/manage',
        examples: { positives: [`const mws = "amzn.mws.${LOWER_UUID}";`], negatives: ['const mws = "amzn.mws.<hex:20>";'] },
    }),
    rule({
        id: 'gcp-service-account-key',
        title: 'Google Cloud service account key (JSON)',
        provider: 'Google Cloud',
        severity: 'critical',
        keywords: ['service_account'],
        pattern: String.raw `(?s)"type"\s*:\s*"service_account".*?"private_key"\s*:\s*"(-----BEGIN PRIVATE KEY-----[A-Za-z0-9+/=\\\s]{64,}?-----END PRIVATE KEY-----)`,
        multilineWindow: 12288,
        validate: hasKeyBody,
        longLived: true,
        revokeUrl: 'https://console.cloud.google.com/iam-admin/serviceaccounts',
        remediation: 'Delete the key under IAM > Service accounts > Keys, then use Workload Identity Federation (Keyward gcp-workload-identity-provider).',
        examples: { positives: ['{\n  "type": "service_account",\n  "project_id": "demo-project",\n  "private_key_id": "<hex:40>",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n<b64:64>\\n<b64:64>\\n<b64:64>\\n<b64:64>\\n<b64:64>\\n<b64:64>\\n<b64:64>\\n<b64:64>\\n<b64:64>\\n<b64:64>\\n<b64:64>\\n<b64:64>\\n<b64:64>\\n<b64:64>\\n<b64:64>\\n<b64:64>\\n<b64:64>\\n<b64:64>\\n<b64:64>\\n<b64:64>\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "ci@demo-project.iam.gserviceaccount.com"\n}'], negatives: ['{\n  "type": "service_account",\n  "project_id": "demo-project",\n  "client_email": "ci@demo-project.iam.gserviceaccount.com"\n}', '{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"\n}'] },
    }),
    rule({
        id: 'gcp-api-key',
        title: 'Google API key',
        provider: 'Google Cloud',
        severity: 'high',
        keywords: ['aiza'],
        pattern: String.raw `\b(AIza[0-9A-Za-z_-]{35})(?:[^0-9A-Za-z_-]|$)`,
        longLived: true,
        revokeUrl: 'https://console.cloud.google.com/apis/credentials',
        remediation: 'Delete or regenerate the key under APIs & Services > Credentials, and restrict the replacement.',
        examples: { positives: ['const apiKey = "AIza<word:35>";', '  apiKey: "AIza<word:35>"', 'export API_TOKEN=AIza<word:35>'], negatives: ['const apiKey = "AIza<word:6>";', 'const apiKey = "aiZA<word:35>";', 'const apiKey = "AIzaxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'gcp-oauth-client-secret',
        title: 'Google OAuth client secret',
        provider: 'Google Cloud',
        severity: 'high',
        keywords: ['gocspx-'],
        pattern: String.raw `\b(GOCSPX-[0-9A-Za-z_-]{28})(?:[^0-9A-Za-z_-]|$)`,
        longLived: true,
        revokeUrl: 'https://console.cloud.google.com/apis/credentials',
        examples: { positives: ['const clientSecret = "GOCSPX-<word:28>";', '  clientSecret: "GOCSPX-<word:28>"', 'export API_TOKEN=GOCSPX-<word:28>'], negatives: ['const clientSecret = "GOCSPX-<word:6>";', 'const clientSecret = "gocspx-<word:28>";', 'const clientSecret = "GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'gcp-oauth-access-token',
        title: 'Google OAuth access token',
        provider: 'Google Cloud',
        severity: 'medium',
        keywords: ['ya29.'],
        pattern: String.raw `\b(ya29\.[0-9A-Za-z_-]{30,500})`,
        longLived: false,
        revokeUrl: 'https://myaccount.google.com/permissions',
        remediation: 'Revoke it at https://oauth2.googleapis.com/revoke or in the account permissions; it expires within an hour.',
        examples: { positives: ['const accessToken = "ya29.<word:120>";'], negatives: ['const accessToken = "ya29.<alnum:10>";'] },
    }),
    rule({
        id: 'gcp-oauth-refresh-token',
        title: 'Google OAuth refresh token',
        provider: 'Google Cloud',
        severity: 'high',
        keywords: ['1//0'],
        pattern: String.raw `\b(1//0[0-9A-Za-z_-]{40,300})`,
        entropy: 4,
        longLived: true,
        revokeUrl: 'https://myaccount.google.com/permissions',
        examples: { positives: ['const refreshToken = "1//0<word:100>";'], negatives: ['const refreshToken = "1//0<alnum:20>";'] },
    }),
    rule({
        id: 'azure-ad-client-secret',
        title: 'Microsoft Entra ID (Azure AD) client secret',
        provider: 'Azure',
        severity: 'critical',
        keywords: ['q~'],
        pattern: '(?:^|[^A-Za-z0-9~._-])([A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})(?:[^A-Za-z0-9~._-]|$)',
        entropy: 3.5,
        longLived: true,
        revokeUrl: 'https://portal.azure.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
        remediation: 'Delete the secret under App registrations > Certificates & secrets, then use federated credentials (Keyward azure-client-id).',
        examples: { positives: ['AZURE_CLIENT_SECRET=<alnum:3>8Q~<word:34>'], negatives: ['AZURE_CLIENT_SECRET=<alnum:3>8Q-<word:34>'] },
    }),
    // The 64-byte account key: in a connection string (`AccountKey=`) or under its own name (`azurestorageaccountkey:`,
    // `-AzureDefaultAccountKey=`, `-storagekey ...`).
    named('azure-storage-account-key', 'Azure storage account key', 'Azure', [...separated(['account', 'key']), ...separated(['storage', 'key']), ...separated(['storage', 'account', 'key']), ...separated(['storage', 'access', 'key'])], '<b64:86>==', 'https://portal.azure.com/#browse/Microsoft.Storage%2FStorageAccounts', {
        bare: true,
        severity: 'critical',
        validate: isNotPublicEmulatorKey,
        remediation: 'Rotate the key under Storage account > Access keys; prefer Entra ID auth or short-lived SAS.',
        examples: {
            positives: ['DefaultEndpointsProtocol=https;AccountName=demo;AccountKey=<b64:86>==;EndpointSuffix=core.windows.net', '  azurestorageaccountkey: <b64:86>==', 'upload.exe -storagename demo -storagekey <b64:86>=='],
            negatives: ['DefaultEndpointsProtocol=https;AccountName=demo;AccountKey=<b64:40>;EndpointSuffix=core.windows.net', 'AccountKey=<b64:86>'],
        },
    }),
    rule({
        id: 'azure-shared-access-key',
        title: 'Azure Service Bus / Event Hubs shared access key',
        provider: 'Azure',
        severity: 'high',
        keywords: ['sharedaccesskey='],
        pattern: '(?i)SharedAccessKey=([A-Za-z0-9+/]{43}=)',
        longLived: true,
        revokeUrl: 'https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas',
        remediation: 'Regenerate the key under Shared access policies; prefer Entra ID auth.',
        examples: { positives: ['Endpoint=sb://demo.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=<b64:43>='], negatives: ['Endpoint=sb://demo.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=<b64:20>'] },
    }),
    rule({
        id: 'azure-sas-token',
        title: 'Azure shared access signature (SAS) URL',
        provider: 'Azure',
        severity: 'medium',
        keywords: ['sig='],
        pattern: String.raw `(?i)\bsv=\d{4}-\d{2}-\d{2}[^\s"'<>]{0,400}?[?&]sig=([A-Za-z0-9%+/]{40,120}(?:%3D|=){0,2})`,
        longLived: true,
        revokeUrl: 'https://learn.microsoft.com/azure/storage/common/storage-sas-overview',
        remediation: 'Revoke by rotating the signing account key or deleting the stored access policy; issue short-lived user-delegation SAS instead.',
        examples: { positives: ['url = "https://demo.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&sig=<alnum:52>%3D"'], negatives: ['url = "https://demo.blob.core.windows.net/c?sig=<alnum:52>"'] },
    }),
    contextRule({
        id: 'azure-devops-pat-legacy',
        title: 'Azure DevOps personal access token (legacy format)',
        provider: 'Azure DevOps',
        severity: 'high',
        names: ['azure_devops', 'azuredevops', 'ado_pat', 'ado_token', 'vsts'],
        value: '[a-z2-7]{52}',
        longLived: true,
        revokeUrl: 'https://dev.azure.com/_usersSettings/tokens',
        examples: { positives: ['AZURE_DEVOPS_PAT=<b32l:52>', '  azure_devops_pat: "<b32l:52>"', '{ "AZURE_DEVOPS_PAT": "<b32l:52>" }'], negatives: ['SOME_UNRELATED_ID=<b32l:52>', 'AZURE_DEVOPS_PAT=${AZURE_DEVOPS_PAT}', '  azure_devops_pat: "<azure_devops_pat>"', 'AZURE_DEVOPS_PAT is read from the environment'] },
    }),
    rule({
        id: 'alibaba-access-key-id',
        title: 'Alibaba Cloud AccessKey ID',
        provider: 'Alibaba Cloud',
        severity: 'high',
        keywords: ['ltai'],
        pattern: String.raw `\b(LTAI[A-Za-z0-9]{12,20})\b`,
        entropy: 3,
        longLived: true,
        revokeUrl: 'https://ram.console.aliyun.com/manage/ak',
        examples: { positives: ['ALIBABA_ACCESS_KEY_ID=LTAI<alnum:20>'], negatives: ['ALIBABA_ACCESS_KEY_ID=LTAI<alnum:6>'] },
    }),
    rule({
        id: 'tencent-secret-id',
        title: 'Tencent Cloud SecretId',
        provider: 'Tencent Cloud',
        severity: 'high',
        keywords: ['akid'],
        pattern: String.raw `\b(AKID[A-Za-z0-9]{32})\b`,
        longLived: true,
        revokeUrl: 'https://console.cloud.tencent.com/cam/capi',
        examples: { positives: ['const secretId = "AKID<alnum:32>";', '  secretId: "AKID<alnum:32>"', 'export API_TOKEN=AKID<alnum:32>'], negatives: ['const secretId = "AKID<alnum:6>";', 'const secretId = "akid<alnum:32>";', 'const secretId = "AKIDxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    contextRule({
        id: 'ibm-cloud-api-key',
        title: 'IBM Cloud API key',
        provider: 'IBM Cloud',
        severity: 'high',
        names: ['ibm', 'ibmcloud'],
        value: '[A-Za-z0-9_-]{44}',
        longLived: true,
        revokeUrl: 'https://cloud.ibm.com/iam/apikeys',
        entropy: 3.5,
        examples: { positives: ['IBMCLOUD_API_KEY=<word:44>', '  ibmcloud_api_key: "<word:44>"', '{ "IBMCLOUD_API_KEY": "<word:44>" }'], negatives: ['SOME_UNRELATED_ID=<word:44>', 'IBMCLOUD_API_KEY=${IBMCLOUD_API_KEY}', '  ibmcloud_api_key: "<ibmcloud_api_key>"', 'IBMCLOUD_API_KEY is read from the environment'] },
    }),
    rule({
        id: 'yandex-cloud-api-key',
        title: 'Yandex Cloud API key',
        provider: 'Yandex Cloud',
        severity: 'high',
        keywords: ['aqvn'],
        pattern: String.raw `\b(AQVN[A-Za-z0-9_-]{35,38})(?:[^A-Za-z0-9_-]|$)`,
        longLived: true,
        revokeUrl: 'https://console.cloud.yandex.com/iam',
        examples: { positives: ['const apiKey = "AQVN<word:36>";', '  apiKey: "AQVN<word:36>"', 'export API_TOKEN=AQVN<word:36>'], negatives: ['const apiKey = "AQVN<word:6>";', 'const apiKey = "aqvn<word:36>";', 'const apiKey = "AQVNxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'yandex-cloud-iam-token',
        title: 'Yandex Cloud IAM token',
        provider: 'Yandex Cloud',
        severity: 'medium',
        keywords: ['t1.'],
        pattern: String.raw `\b(t1\.[A-Z0-9a-z_-]+={0,2}\.[A-Z0-9a-z_-]{86}={0,2})`,
        longLived: false,
        revokeUrl: 'https://console.cloud.yandex.com/iam',
        examples: { positives: ['const iam = "t1.<alnum:40>.<word:86>";'], negatives: ['const iam = "t1.<alnum:40>.<word:30>";'] },
    }),
    contextRule({
        id: 'oracle-cloud-auth-token',
        title: 'Oracle Cloud (OCI) auth token',
        provider: 'Oracle Cloud',
        severity: 'high',
        names: ['oci_auth_token', 'oci_token', 'oracle_auth_token'],
        value: String.raw `[A-Za-z0-9()<>{}:;._+\[\]#-]{20}`,
        longLived: true,
        revokeUrl: 'https://cloud.oracle.com/identity/domains/my-profile/auth-tokens',
        // Examples draw from alphabets whose template text is shorter than the token: this value's class admits `<`, `[` and `:`,
        // so a 20-character template such as `<[A-Za-z0-9#]:20>` would itself be a match in this file.
        examples: { positives: ['OCI_AUTH_TOKEN=<alnum:20>', '  oci_auth_token: "<word:20>"', '{ "OCI_AUTH_TOKEN": "<alnum:20>" }'], negatives: ['SOME_UNRELATED_ID=<alnum:20>', 'OCI_AUTH_TOKEN=${OCI_AUTH_TOKEN}', '  oci_auth_token: "<oci_auth_token>"', 'OCI_AUTH_TOKEN is read from the environment'] },
    }),
    rule({
        id: 'digitalocean-personal-access-token',
        title: 'DigitalOcean personal access token',
        provider: 'DigitalOcean',
        severity: 'high',
        keywords: ['dop_v1_'],
        pattern: String.raw `\b(dop_v1_[a-f0-9]{64})\b`,
        longLived: true,
        revokeUrl: 'https://cloud.digitalocean.com/account/api/tokens',
        examples: { positives: ['const token = "dop_v1_<hex:64>";', '  token: "dop_v1_<hex:64>"', 'export API_TOKEN=dop_v1_<hex:64>'], negatives: ['const token = "dop_v1_<hex:6>";', 'const token = "DOP_V1_<hex:64>";', 'const token = "dop_v1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'digitalocean-oauth-token',
        title: 'DigitalOcean OAuth access token',
        provider: 'DigitalOcean',
        severity: 'medium',
        keywords: ['doo_v1_'],
        pattern: String.raw `\b(doo_v1_[a-f0-9]{64})\b`,
        longLived: false,
        revokeUrl: 'https://cloud.digitalocean.com/account/api/tokens',
        examples: { positives: ['const token = "doo_v1_<hex:64>";', '  token: "doo_v1_<hex:64>"', 'export API_TOKEN=doo_v1_<hex:64>'], negatives: ['const token = "doo_v1_<hex:6>";', 'const token = "DOO_V1_<hex:64>";', 'const token = "doo_v1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'digitalocean-refresh-token',
        title: 'DigitalOcean OAuth refresh token',
        provider: 'DigitalOcean',
        severity: 'high',
        keywords: ['dor_v1_'],
        pattern: String.raw `\b(dor_v1_[a-f0-9]{64})\b`,
        longLived: true,
        revokeUrl: 'https://cloud.digitalocean.com/account/api/tokens',
        examples: { positives: ['const token = "dor_v1_<hex:64>";', '  token: "dor_v1_<hex:64>"', 'export API_TOKEN=dor_v1_<hex:64>'], negatives: ['const token = "dor_v1_<hex:6>";', 'const token = "DOR_V1_<hex:64>";', 'const token = "dor_v1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'heroku-api-key',
        title: 'Heroku API key',
        provider: 'Heroku',
        severity: 'high',
        keywords: ['hrku-'],
        // HRKU- + 60 (HRKU-AA + 58 as issued) for keys made since the prefix arrived; keys from before read HRKU-<uuid>.
        pattern: String.raw `\b(HRKU-(?:[A-Za-z0-9_-]{60}|${LOWER_UUID_REGEX}))(?:[^A-Za-z0-9_-]|$)`,
        longLived: true,
        revokeUrl: 'https://dashboard.heroku.com/account/applications',
        examples: { positives: ['const token = "HRKU-AA<word:58>";', '  token: "HRKU-AA<word:58>"', 'export API_TOKEN=HRKU-AA<word:58>', `HEROKU_API_KEY=HRKU-${LOWER_UUID}`], negatives: ['const token = "HRKU-<word:6>";', 'const token = "hrku-AA<word:58>";', 'HEROKU_API_KEY=HRKU-<hex:8>-<hex:4>-<hex:4>-<hex:4>', 'const token = "HRKU-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    contextRule({
        id: 'heroku-api-key-legacy',
        title: 'Heroku API key (UUID format)',
        provider: 'Heroku',
        severity: 'high',
        names: ['heroku'],
        value: LOWER_UUID_REGEX,
        longLived: true,
        revokeUrl: 'https://dashboard.heroku.com/account',
        examples: { positives: [`HEROKU_API_KEY=${LOWER_UUID}`, `  heroku_api_key: "${LOWER_UUID}"`, `{ "HEROKU_API_KEY": "${LOWER_UUID}" }`], negatives: [`SOME_UNRELATED_ID=${LOWER_UUID}`, 'HEROKU_API_KEY=${HEROKU_API_KEY}', '  heroku_api_key: "<heroku_api_key>"', 'HEROKU_API_KEY is read from the environment'] },
    }),
    rule({
        id: 'linode-token',
        title: 'Linode/Akamai personal access token',
        provider: 'Linode',
        severity: 'high',
        keywords: ['linode'],
        pattern: String.raw `(?i)linode[\w.-]{0,24}${ASSIGNMENT}([a-f0-9]{64})\b`,
        longLived: true,
        revokeUrl: 'https://cloud.linode.com/profile/tokens',
        examples: { positives: ['LINODE_TOKEN=<hex:64>', '  linode_token: "<hex:64>"', '{ "LINODE_TOKEN": "<hex:64>" }'], negatives: ['SOME_UNRELATED_ID=<hex:64>', 'LINODE_TOKEN=${LINODE_TOKEN}', '  linode_token: "<linode_token>"', 'LINODE_TOKEN is read from the environment'] },
    }),
    rule({
        id: 'scaleway-secret-key',
        title: 'Scaleway secret key',
        provider: 'Scaleway',
        severity: 'high',
        keywords: ['scw'],
        pattern: String.raw `(?i)scw[\w.-]{0,24}secret[\w.-]{0,8}${ASSIGNMENT}(${LOWER_UUID_REGEX})`,
        longLived: true,
        revokeUrl: 'https://console.scaleway.com/iam/api-keys',
        examples: { positives: [`SCW_SECRET_KEY=${LOWER_UUID}`, `  scw_secret_key: "${LOWER_UUID}"`, `{ "SCW_SECRET_KEY": "${LOWER_UUID}" }`], negatives: [`SOME_UNRELATED_ID=${LOWER_UUID}`, 'SCW_SECRET_KEY=${SCW_SECRET_KEY}', '  scw_secret_key: "<scw_secret_key>"', 'SCW_SECRET_KEY is read from the environment'] },
    }),
];

;// CONCATENATED MODULE: ./src/rules/values/passwords.ts


/** Words people put where a password goes in samples and templates: not a credential. */
const STAND_INS = /^(?:pass(?:word|wd|phrase)?|pwd|secret|test(?:ing)?|example|sample|none|null|nil|undefined|empty|default|required|optional|string|hidden|masked|unset|todo|tbd|fixme|n\/a|-+|x+|\*+|\?+|\.+|0+)$/i;
/**
 * Code, not a literal: calls, member access, comparisons and assignments (`a.type==`), interpolation (a pair of
 * backticks), markup, escapes, paths and URLs. A lone backtick is one of a password's characters.
 */
const CODE = /[(){}[\]<>\\=]|`[^`]*`|&(?:[a-z]+|#\d+);|^[$%@#&:!~^|/.]|:\/\/|^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$|^(?:true|false|yes|no|on|off)$/i;
/** A command-line flag (`password: "--password"` in a table of tool options), not its value. */
const FLAG = /^--[a-z][a-z0-9-]*$/;
/** A version (`1.0.0`, `^2.3`, `v4.1.2-beta`): a package named `parse-passwd` in a manifest, not a password. */
const VERSION = /^[~^v]?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/;
/**
 * Lowercase words that a password field holds when it describes the password rather than being one: schema types,
 * modes of a tool's password option, validation results.
 */
const DESCRIBING_WORDS = /^(?:varchar|integer|boolean|object|secret|secrets|hidden|masked|required|optional|disabled|enabled|invalid|incorrect|mismatch|missing|prompt|prompted|random|generated|generate|encrypted|plaintext|keyring|keychain|vault|environment|stdin|inherit|inherited|ignore|ignored|unknown|unchanged|redacted|protected|sensitive|anonymous|current|confirm|confirmation|verify|forgot|forgotten|username|email|input|field|value|label|placeholder|blank|notset|unused|manual|interactive|external|internal|cleartext|unencrypted|hashed|salted|digest|nopass|nopassword|passwordless|changeit)$/;
/** The word `password` in other languages, as translation files hold it (`"password": "wachtwoord"`). */
const TRANSLATIONS = /^(?:passwort|kennwort|wachtwoord|contrase(?:n|\u00f1)a|contrasenya|senha|parola|has(?:l|\u0142)o|heslo|salasana|l(?:o|\u00f6)senord|adgangskode|passord|jelsz(?:o|\u00f3)|(?:s|\u015f)ifre|mot[ -]?de[ -]?passe)$/i;
/** A stand-in made of words a template or a test writes for a password it does not mean (`cachepass`, `testpassword`). */
const STAND_IN_WORDS = /^(?:pass(?:word|wd)?|pwd|secret|bad|wrong|invalid|cache|test|user|db|admin|root|guest|dev|demo|app|my|your|some|foo|bar|baz|dummy|fake|sample|local|default|postgres|mysql|redis|mongo|rabbit|change|me|not|real|sekrit)+$/i;
/** An e-mail address or a `name@` stub: what anonymous FTP takes as its password by convention (RFC 1635), not a secret. */
const ANONYMOUS_LOGIN = /^[A-Za-z]+@$|^[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}$/;
/** Words of messages and labels: a lowercase phrase holding one (`is required`, `does not match`) is prose, not a passphrase. */
const PROSE_WORDS = new Set('a an the is are was were be been not no too can cannot must should will does do did has have enter your my this that it you if when set use see here please required invalid missing incorrect wrong new old current confirm reset forgot change password passwords passphrase characters match blank empty short long none null field value login user type show hide of to for and or with in on at by from'.split(' '));
/** The words of a name (`POSTGRES_PASSWORD`, `redisPass`, `mail.pass`), lowercased. */
function nameWords(name) {
    return name.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean).map((word) => word.toLowerCase());
}
/** The value is its own name, or a word of it: `POSTGRES_PASSWORD=postgres`, as containers' defaults write them. */
function repeatsTheName(value, name) {
    if (name === undefined)
        return false;
    const plain = value.toLowerCase();
    const bare = (text) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
    return bare(name) === bare(value) || nameWords(name).includes(plain);
}
/** A lowercase word (`whiteduke`, `goodspec`): a person's password when nothing says it describes one or stands in. */
function isChosenWord(value) {
    return /^[a-z]{6,32}$/.test(value) && !DESCRIBING_WORDS.test(value) && !TRANSLATIONS.test(value) && !STAND_IN_WORDS.test(value) && !isPlaceholder(value);
}
/** Two to four lowercase words (`open sesame`): a passphrase, unless a word of messages and labels makes it prose. */
function isPassphrase(value) {
    if (value.length > 40 || !/^[a-z0-9]{2,}(?: [a-z0-9]{2,}){1,3}$/.test(value) || isPlaceholder(value) || TRANSLATIONS.test(value))
        return false;
    const words = value.split(' ');
    return !words.some((word) => PROSE_WORDS.has(word)) && !words.every((word) => STAND_IN_WORDS.test(word));
}
/** Three characters mixing a symbol and letters or digits (`!12`): a short password in a config file, not a mark such as `n/a`. */
function isTinyPassword(value) {
    return /^[A-Za-z0-9!@^+?][A-Za-z0-9!@#%^&*+?]{2}$/.test(value) && /[0-9]/.test(value) && /[!@#%^&*+?]/.test(value);
}
/**
 * A literal under a password's name that a person chose (`admin123`, `RedisPass1!`, `super$ecret`): weak, so the
 * entropy-based generic rules pass over it, yet it is a hardcoded credential. Placeholders, stand-in words, references,
 * code, e-mail addresses, the value repeating its name (`name`, when given) and values the generic judgment names
 * (hashes, identifiers, paths) are not passwords. Letters alone and phrases count only with `words` (a config file's
 * value, a constant): in code they are far more often labels, messages and test fixtures (`password: "please"`).
 */
function isHumanPassword(value, options = {}) {
    if (/\s/.test(value))
        return options.words === true && isPassphrase(value);
    if (value.length < 4 || value.length > 64)
        return false;
    if (STAND_INS.test(value) || CODE.test(value) || FLAG.test(value) || VERSION.test(value) || isPlaceholder(value) || isReference(value))
        return false;
    if (ANONYMOUS_LOGIN.test(value) || repeatsTheName(value, options.name))
        return false;
    // Letters alone: a lowercase word may be a person's password; capitalised words are labels (`Password`, `Wachtwoord`).
    if (/^[A-Za-z]+$/.test(value))
        return options.words === true && isChosenWord(value);
    if (/^[0-9]+$/.test(value) && value.length < 6)
        return false;
    // A `$` between letters (`super$ecret`) is one of the password's characters, not an identifier's.
    const judged = value.replace(/(?<=[A-Za-z0-9])\$(?=[A-Za-z0-9])/g, '!');
    // Long random values are the generic rules' to report; a person's password is short or low in entropy.
    const reason = rejectGenericValue(judged, 3);
    if (judged.length >= 14 && reason === undefined)
        return false;
    // Hashes, identifiers and the like are what the generic judgment names; `low entropy` and `too short` are a person's.
    return reason === undefined || reason === 'low entropy' || reason === 'too short' || reason === 'short number';
}
/** A lowercase word or passphrase under a password's name (`whiteduke`, `open sesame`) that does not repeat the name. */
function isPasswordWord(value, options = {}) {
    if (/[^a-z0-9 ]/.test(value) || (!/ /.test(value) && /[0-9]/.test(value)))
        return false;
    return isHumanPassword(value, { ...options, words: true });
}
/** Interpolation and references in a literal: `$var`, `${VAR}`, `%VAR%`, `{{ var }}`, `#{expr}`. */
const INTERPOLATED = /^\$|\$\{|\{\{|#\{|^%[\w.]+%$/;
/**
 * A literal in a position that holds nothing but a password: a credential store's password field, Gradle's
 * `credentials { password "..." }`, a `*_PASSWORD` constant, a `login()` call's second argument. Words and names count
 * there too (`mongopass`, `hardcoded_maven`), since nothing else goes in that place; placeholders, stand-in words,
 * references, interpolation, the field's own name (`name`, when given) and empty values stay out. `store` marks a value
 * a tool saved itself, where a word such as `example` in it is no placeholder.
 */
function isPasswordInPlace(value, options = {}) {
    if (value.length < 3 || value.length > 200 || /\s/.test(value))
        return false;
    if (STAND_INS.test(value) || FLAG.test(value) || INTERPOLATED.test(value) || isReference(value))
        return false;
    if (options.store ? isStorePlaceholder(value) : isPlaceholder(value))
        return false;
    const bare = (text) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
    return options.name === undefined || bare(options.name) !== bare(value);
}
/** Hosts that only a developer's machine, a CI job or documentation reaches: loopback, reserved names (RFC 2606, 6761). */
const LOCAL_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[?::1\]?|(?:[\w-]+\.)*(?:localhost|local|test|invalid|example)|(?:[\w-]+\.)*example\.(?:com|net|org))$/i;
function decoded(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/**
 * A URL's password that stands in for one (`postgres://postgres:postgres@localhost`, `cacheuser:cachepass@localhost`):
 * the user name repeated as the password, or stand-in words on a local or reserved host. `before` is the URL up to the
 * password (`scheme://user:`), `after` its `@host`. A real-looking password counts wherever it points, localhost too.
 */
function isStandInUrlPassword(password, before, after) {
    const user = decoded(before.slice(before.lastIndexOf('://') + 3).replace(/:$/, ''));
    const host = after.replace(/^@/, '').replace(/[:/?#].*$/s, '');
    const plain = decoded(password);
    if (user !== '' && plain.toLowerCase() === user.toLowerCase())
        return true;
    return LOCAL_HOST.test(host) && STAND_IN_WORDS.test(plain);
}
/** A URL whose user is itself an encoded path or URL (`openid.aol.com%2Fname:...@host`, an escaping test): not a login. */
function hasEncodedPathUser(before) {
    return /%2F/i.test(before.slice(before.lastIndexOf('://') + 3));
}

;// CONCATENATED MODULE: ./src/rules/catalogue/code-credentials.ts



/** A literal in a credential's position: what a person chose, or a random value; never a placeholder or code. */
const isCredentialLiteral = (value) => isHumanPassword(value) || rejectGenericValue(value, 3) === undefined;
/** A quoted literal where only a password goes (a login() call's password argument, Gradle's `password "..."`): words count too. */
const isQuotedPassword = (value) => isPasswordInPlace(value) || isCredentialLiteral(value);
/** A PEM header as base64 that runs straight into the body (padded to whole 3-byte groups, so no `=` inside). */
const b64Header = (header) => Buffer.from(header.padEnd(Math.ceil(header.length / 3) * 3, 'M')).toString('base64');
const GRADLE_REMEDIATION = 'Change the repository password, then read it from gradle.properties outside the repository or from the environment.';
const REMEDIATION = 'Change the credential where it is used, then pass it from a secret store or the environment instead of the code.';
const argumentRule = (id, title, keywords, pattern, positives, negatives, validate = isQuotedPassword) => rule({ id, title, provider: 'Generic', severity: 'high', keywords, pattern, validate, longLived: false, remediation: REMEDIATION, examples: { positives, negatives } });
/** Credentials in the syntax of one tool or language: call arguments, build files, key files. */
const codeCredentialRules = [
    rule({
        id: 'wireguard-private-key',
        title: 'WireGuard private or preshared key',
        provider: 'WireGuard',
        severity: 'critical',
        keywords: ['privatekey', 'presharedkey'],
        pattern: String.raw `(?m)^[ \t]*(?:PrivateKey|PresharedKey)[ \t]*=[ \t]*([A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)`,
        entropy: 4,
        longLived: true,
        remediation: 'Generate a new key pair (wg genkey), replace the peer\'s public key everywhere, then keep the .conf out of the repository.',
        examples: {
            positives: ['[Interface]\nPrivateKey = <b64:42>A=\nAddress = 10.0.0.2/32', '[Peer]\nPresharedKey = <b64:42>Q='],
            negatives: ['PrivateKey = <b64:30>=', 'PublicKey = <b64:42>A=', 'PrivateKey = <wg-private-key>'],
        },
    }),
    rule({
        id: 'base64-pem-private-key',
        title: 'Private key PEM encoded in base64',
        provider: 'Private key',
        severity: 'critical',
        keywords: ['ls0tls1crudjti'],
        pattern: String.raw `(?:^|[^A-Za-z0-9+/])(LS0tLS1CRUdJTi[A-Za-z0-9+/]{100,1000})`,
        validate: (value) => /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/.test(Buffer.from(value.slice(0, 100), 'base64').toString('latin1')),
        longLived: true,
        remediation: 'Revoke the key (replace the certificate or key pair it belongs to), then keep it in a secret store; base64 is not encryption.',
        examples: {
            positives: [`TLS_KEY=${b64Header('-----BEGIN RSA PRIVATE KEY-----\n')}<b64:400>`, `  client-key-data: ${b64Header('-----BEGIN EC PRIVATE KEY-----\n')}<b64:200>`],
            negatives: [`  client-certificate-data: ${b64Header('-----BEGIN CERTIFICATE-----\n')}<b64:400>`, `TLS_KEY=${b64Header('-----BEGIN RSA PRIVATE KEY-----\n')}<b64:20>`],
        },
    }),
    rule({
        id: 'authorization-bearer-hex',
        title: 'Bearer token of 40 hex digits in an Authorization header',
        provider: 'Generic',
        severity: 'high',
        keywords: ['bearer'],
        // A hash-shaped value is a secret in this position: many APIs issue 40-hex tokens.
        pattern: String.raw `(?i)authorization["']?[ \t]*[:=,][ \t]*["']?bearer[ \t]+([a-f0-9]{40})(?:[^A-Za-z0-9]|$)`,
        entropy: 3,
        longLived: false,
        remediation: REMEDIATION,
        examples: {
            positives: ['curl -H "Authorization: Bearer <hex:40>" https://api.example.net/v1', "headers = {'Authorization': 'Bearer <hex:40>'}"],
            negatives: ['curl -H "Authorization: Bearer <hex:30>" https://api.example.net', 'commit <hex:40>', 'Authorization: Bearer $TOKEN'],
        },
    }),
    rule({
        id: 'android-buildconfig-secret',
        title: 'Secret compiled into an Android BuildConfig field',
        provider: 'Android',
        severity: 'high',
        keywords: ['buildconfigfield'],
        // Gradle's `buildConfigField 'String', 'API_KEY', '"..."'` (and the Kotlin DSL's call form): the value is a Java
        // string literal inside a Groovy one, and ships inside the app. The field's name says it is a credential, so a hex
        // value here is a key, not a digest.
        pattern: String.raw `(?i)buildConfigField[ \t]*\(?[ \t]*["']String["'][ \t]*,[ \t]*["'][A-Z0-9_]{0,40}(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD)S?["'][ \t]*,[ \t]*(?:'"|"\\")([A-Za-z0-9._~+/=:-]{12,256})(?:"'|\\"")`,
        entropy: 3,
        validate: (value) => /[0-9]/.test(value) && /[A-Za-z]/.test(value),
        longLived: true,
        remediation: 'Revoke the key at its provider; an APK carries its BuildConfig in clear, so keep secrets on a server and give the app short-lived tokens.',
        examples: {
            path: 'app/build.gradle',
            positives: ["buildConfigField 'String', 'MAPS_API_KEY', '\"<hex:32>\"'", 'buildConfigField("String", "PAYMENTS_SECRET", "\\"<alnum:14><digit:2><alnum:14>\\"")'],
            negatives: ["buildConfigField 'String', 'API_BASE_URL', '\"<alnum:14><digit:2><alnum:14>\"'", "buildConfigField 'String', 'MAPS_API_KEY', '\"' + mapsKey + '\"'", "buildConfigField 'String', 'API_KEY', '\"<lower:24>\"'"],
        },
    }),
    rule({
        id: 'maven-settings-password',
        title: 'Maven settings.xml server password',
        provider: 'Maven',
        severity: 'high',
        keywords: ['<server>'],
        pattern: String.raw `(?s)<server>.{0,400}?<password>([^<\s]{4,200})</password>`,
        multilineWindow: 1024,
        validate: (value) => isQuotedPassword(value) && !/^\{.*\}$/.test(value),
        longLived: true,
        remediation: 'Change the repository password or token, then use ${env.VAR} in settings.xml or the CI\'s server credentials.',
        examples: {
            positives: ['<servers>\n  <server>\n    <id>releases</id>\n    <username>deploy</username>\n    <password>Deploy<digit:4>!</password>\n  </server>\n</servers>'],
            negatives: ['<server>\n  <id>releases</id>\n  <password>${env.MAVEN_PASSWORD}</password>\n</server>', '<server><id>r</id><password>{<b64:40>=}</password></server>'],
        },
    }),
    rule({
        id: 'gradle-credentials-password',
        title: 'Gradle repository credentials password',
        provider: 'Gradle',
        severity: 'high',
        keywords: ['credentials'],
        pattern: String.raw `(?s)credentials[ \t]*(?:\([^)]{0,80}\))?[ \t]*\{[^}]{0,300}?password[ \t]*(?:=[ \t]*)?["']([^"'\s$]{4,200})["']`,
        multilineWindow: 1024,
        validate: isQuotedPassword,
        longLived: true,
        remediation: GRADLE_REMEDIATION,
        examples: {
            positives: ['repositories {\n  maven {\n    url "https://repo.example.net"\n    credentials {\n      username = "ci"\n      password = "Gradle<digit:4>pw"\n    }\n  }\n}', 'credentials {\n    username "root"\n    password "<lower:5>_<lower:5>"\n}'],
            negatives: ['credentials {\n  username = "ci"\n  password = findProperty("repoPassword")\n}', 'credentials {\n  password = "$repoPassword"\n}', 'credentials {\n  username "root"\n  password ""\n}', 'credentials {\n  password "password"\n}'],
        },
    }),
    rule({
        id: 'gradle-authentication-password',
        title: 'Gradle/Maven upload authentication(password: ...) literal',
        provider: 'Gradle',
        severity: 'high',
        keywords: ['authentication'],
        pattern: String.raw `\bauthentication[ \t]*\([^)\n]{0,160}?\bpassword[ \t]*:[ \t]*["']([^"'\s$]{3,200})["']`,
        validate: isQuotedPassword,
        longLived: true,
        remediation: GRADLE_REMEDIATION,
        examples: {
            path: 'build.gradle',
            positives: ['repository(url: "https://repo.example.net/snapshots/") {\n  authentication(userName: "root", password: "<lower:9>_<lower:6>")\n}'],
            negatives: ['authentication(userName: "root", password: mvnPassword)', 'authentication(userName: "root", password: "")', 'authentication(userName: "root", password: "${repoPassword}")'],
        },
    }),
    rule({
        id: 'php-define-password',
        title: 'Password as a PHP define() constant',
        provider: 'Generic',
        severity: 'high',
        keywords: ['define'],
        // `define('DB_PASSWORD', <literal>)`, `define("smtp_pass", <literal>, true)`: a name ending in a password word (and
        // digits), so `PASSWORD_MIN_LENGTH` and `COMPASS_DIR` stay out.
        pattern: String.raw `(?i)\bdefine[ \t]*\([ \t]*["'](?:[A-Za-z0-9_]{0,40}(?:password|passwd|pwd)|(?:[A-Za-z0-9]{0,40}_)?pass)[0-9]{0,4}["'][ \t]*,[ \t]*["']([^"'\s\\]{3,200})["']`,
        // Random values are generic-argument-secret's; this rule is for the words and weak passwords it passes over.
        validateInMatch: (value, before) => isPasswordInPlace(value, { name: /["']([^"']+)["']/.exec(before)?.[1] }) && rejectGenericValue(value, 3) !== undefined,
        longLived: false,
        remediation: REMEDIATION,
        examples: {
            path: 'wp-config.php',
            positives: ["define( 'DB_PASSWORD', '<lower:5>' );", 'define("static_password04", "<lower:5><digit:2>", true);', "define('SMTP_PASS', 'Smtp<digit:3>');"],
            negatives: ["define( 'DB_PASSWORD', '' );", 'define("variable_password", "{placeholder}");', 'define("dynamic_password", load_password());', "define('PASSWORD_MIN_LENGTH', '12345678');", "define('COMPASS_DIR', '<lower:8>');", "define('DB_PASSWORD', 'password');", "define('DB_PASSWORD', getenv('DB_PASSWORD'));"],
        },
    }),
    rule({
        id: 'terraform-variable-default-secret',
        title: 'Secret as a Terraform variable default',
        provider: 'Terraform',
        severity: 'high',
        keywords: ['variable'],
        pattern: String.raw `(?is)variable[ \t]+"[^"\n]{0,60}(?:password|passwd|secret|token|api_key|apikey|private_key|access_key)[^"\n]{0,30}"[ \t]*\{[^}]{0,400}?default[ \t]*=[ \t]*"([^"\s$]{6,200})"`,
        multilineWindow: 1024,
        validate: isCredentialLiteral,
        longLived: true,
        remediation: 'Change the credential, drop the default and pass the value from a secret store (TF_VAR_ in CI, or a data source).',
        examples: {
            positives: ['variable "db_password" {\n  type      = string\n  sensitive = true\n  default   = "Prod<digit:4>pass"\n}', 'variable "api_token" {\n  default = "<alnum:32>"\n}'],
            negatives: ['variable "db_password" {\n  type = string\n}', 'variable "region" {\n  default = "eu-west-1"\n}', 'variable "db_password" {\n  default = ""\n}'],
        },
    }),
    argumentRule('network-credential-argument', '.NET NetworkCredential or DirectoryEntry password argument', ['networkcredential', 'directoryentry'], String.raw `new[ \t]+(?:System\.Net\.)?(?:NetworkCredential[ \t]*\([ \t]*"[^"\n]{1,80}"|DirectoryEntry[ \t]*\([ \t]*"[^"\n]{1,200}"[ \t]*,[ \t]*"[^"\n]{1,80}")[ \t]*,[ \t]*"([^"\s]{4,128})"`, ['var cred = new NetworkCredential("svc_backup", "Backup<digit:4>!");', 'var entry = new DirectoryEntry("LDAP://dc01", "CORP\\\\svc", "Ldap<digit:3>pw");'], ['var cred = new NetworkCredential("svc_backup", password);', 'var cred = new NetworkCredential(user, pass);']),
    argumentRule('mysql-connect-password-argument', 'Password as a database connect() argument', ['mysql_connect', 'mysqli_connect', 'mysqli(', 'pg_connect', 'mssql_connect'], String.raw `(?:mysqli?_connect|new[ \t]+mysqli|mssql_connect)[ \t]*\([ \t]*["'][^"'\n]{1,120}["'][ \t]*,[ \t]*["'][^"'\n]{1,80}["'][ \t]*,[ \t]*["']([^"'\s]{4,128})["']`, ["$link = mysql_connect('localhost', 'root', 'root<digit:3>');", '$db = new mysqli("127.0.0.1", "app", "Mysql<digit:4>!", "shop");'], ["$link = mysql_connect('localhost', 'root', $password);", "$link = mysql_connect('localhost', 'root', '');"]),
    argumentRule('login-call-password-argument', 'Password as a login() call argument', ['login('], String.raw `\.login[ \t]*\([ \t]*["'][^"'\n]{1,80}["'][ \t]*,[ \t]*["']([^"'\s]{4,128})["']`, ["ftp.login('deploy', 'Ftp<digit:4>pw')", 'client.login("admin", "Admin<digit:3>!")', "conn.login('user@corp.net', '<lower:10>', function (err, res) {"], ["ftp.login('deploy', password)", "client.login('admin', 'password')", "client.login('admin', '')", "client.login('admin', '${ADMIN_PASSWORD}')"]),
    argumentRule('powershell-password-argument', 'Password on a PowerShell or PsExec command line', ['-password', 'psexec'], String.raw `(?i)(?:(?:connect-viserver|new-pssession|invoke-command|connect-azaccount|net[ \t]+use)[^\r\n]{0,200}?[ \t]-password[ \t]+|psexec(?:64)?(?:\.exe)?[^\r\n]{0,200}?[ \t]-p[ \t]+)["']?([^"'\s]{4,128})`, ['Connect-VIServer -Server vc01 -User admin -Password "Vmware<digit:3>!"', 'psexec \\\\\\\\host01 -u CORP\\\\admin -p Admin<digit:4>x cmd.exe', 'psexec \\\\\\\\host01 -u admin -p <lower:7> cmd'], ['Connect-VIServer -Server vc01 -User admin -Password $cred.Password', 'psexec \\\\\\\\host01 -u admin -p $env:PSEXEC_PW cmd', 'psexec \\\\\\\\host01 -u admin -p %PSEXEC_PW% cmd', 'psexec \\\\\\\\host01 -u admin -p PASSWORD cmd']),
];

;// CONCATENATED MODULE: ./src/rules/validators/base62.ts
/** The digit order GitHub and npm use for their token checksums: digits, then upper case, then lower case. */
const BASE62_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** An unsigned 32-bit value in base62, left-padded with `0` to `width`. */
function base62(value, width) {
    let out = '';
    let rest = value >>> 0;
    do {
        out = BASE62_DIGITS[rest % 62] + out;
        rest = Math.floor(rest / 62);
    } while (rest > 0);
    return out.padStart(width, '0');
}

;// CONCATENATED MODULE: ./src/rules/validators/crc32.ts
/** CRC-32 (IEEE 802.3, as in zlib and PNG). Our own table so it works on every Node 20 (zlib.crc32 came in 20.15). */
const TABLE = (() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        table[n] = c >>> 0;
    }
    return table;
})();
function crc32(input) {
    const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
    let crc = 0xffffffff;
    for (const byte of bytes)
        crc = TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}

;// CONCATENATED MODULE: ./src/rules/validators/checksum.ts



/**
 * GitHub (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`) and npm (`npm_`) tokens end in six base62 characters: the CRC32 of
 * the random part before them. A random string passes by chance once in 62^6, so this removes lookalikes.
 */
function hasBase62Crc32(token) {
    const body = token.slice(token.indexOf('_') + 1);
    if (body.length <= 6)
        return false;
    const random = body.slice(0, -6);
    return base62(crc32(random), 6) === body.slice(-6);
}

;// CONCATENATED MODULE: ./src/rules/catalogue/code-hosts.ts




const GITHUB_TOKENS = 'https://github.com/settings/tokens';
/** A token in GitHub's checksummed layout, as the examples write it: the prefix, 30 base62, their CRC32 in 6 base62. */
const checksummed = (prefix, transform = 'crc32') => `${prefix}{{${transform}:<alnum:30>:${transform}}}`;
function githubToken(id, prefix, title, longLived, revokeUrl, remediation) {
    const upper = prefix.toUpperCase();
    return rule({
        id,
        title,
        provider: 'GitHub',
        severity: longLived ? 'critical' : 'high',
        keywords: [prefix],
        pattern: String.raw `\b(${prefix}[A-Za-z0-9]{36})\b`,
        validate: hasBase62Crc32,
        longLived,
        revokeUrl,
        remediation,
        examples: {
            positives: [`GH_TOKEN=${checksummed(prefix)}`, `const token = "${checksummed(prefix)}";`, `git clone https://${checksummed(prefix)}@github.com/acme/tools.git`, `{ "token": "${checksummed(prefix)}" }`],
            negatives: [`GH_TOKEN=${checksummed(prefix, 'bad-crc32')}`, `GH_TOKEN=${checksummed(upper)}`, `GH_TOKEN=${prefix}<alnum:35>`, `GH_TOKEN=${prefix}<alnum:36>`, `GH_TOKEN=${prefix}${'x'.repeat(36)}`],
        },
    });
}
const codeHostRules = [
    githubToken('github-personal-access-token', 'ghp_', 'GitHub personal access token (classic)', true, GITHUB_TOKENS, 'Delete the token at github.com/settings/tokens; in Actions use GITHUB_TOKEN or a GitHub App installation token instead.'),
    githubToken('github-oauth-token', 'gho_', 'GitHub OAuth access token', true, 'https://github.com/settings/applications'),
    githubToken('github-user-to-server-token', 'ghu_', 'GitHub App user access token', false, 'https://github.com/settings/apps/authorizations'),
    githubToken('github-server-to-server-token', 'ghs_', 'GitHub App installation token (or GITHUB_TOKEN)', false, 'https://docs.github.com/en/rest/apps/installations#revoke-an-installation-access-token', 'Revoke with DELETE /installation/token; installation tokens expire after an hour.'),
    githubToken('github-refresh-token', 'ghr_', 'GitHub App refresh token', true, 'https://github.com/settings/apps/authorizations'),
    // GitHub App refresh tokens as GitHub's docs print them are longer: ghr_ and 76 characters, with no checksum to check.
    rule({
        id: 'github-refresh-token-long',
        title: 'GitHub App refresh token (76-character form)',
        provider: 'GitHub',
        severity: 'critical',
        keywords: ['ghr_'],
        pattern: String.raw `\b(ghr_[A-Za-z0-9]{76})\b`,
        entropy: 4,
        longLived: true,
        revokeUrl: 'https://github.com/settings/apps/authorizations',
        examples: { positives: ['"refresh_token": "ghr_<alnum:76>"', 'GH_REFRESH_TOKEN=ghr_<alnum:76>'], negatives: ['"refresh_token": "ghr_<alnum:60>"', '"refresh_token": "ghr_<alnum:80>"', '"refresh_token": "GHR_<alnum:76>"'] },
    }),
    rule({
        id: 'github-fine-grained-pat',
        title: 'GitHub fine-grained personal access token',
        provider: 'GitHub',
        severity: 'critical',
        keywords: ['github_pat_'],
        pattern: String.raw `\b(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b`,
        longLived: true,
        revokeUrl: 'https://github.com/settings/personal-access-tokens',
        examples: { positives: ['GITHUB_TOKEN=github_pat_<alnum:22>_<alnum:59>'], negatives: ['GITHUB_TOKEN=github_pat_<alnum:22>_<alnum:20>'] },
    }),
    // Listed before the generic PEM rule so that a key named as a GitHub App's gets the App-specific remediation.
    rule({
        id: 'github-app-private-key',
        title: 'GitHub App private key',
        provider: 'GitHub',
        severity: 'critical',
        keywords: ['githubapp', 'github_app', 'github-app', 'ghapp', 'gh_app', 'gh-app'],
        pattern: String.raw `(?is)(?:github|gh)[_-]?app[\w-]{0,24}?private[_-]?key["']?\s*${ASSIGN_OPERATOR}\s*[|>]?[-+]?\s*["']?(-----BEGIN (?:RSA )?PRIVATE KEY-----.{64,}?-----END (?:RSA )?PRIVATE KEY-----)`,
        multilineWindow: 16384,
        validate: hasKeyBody,
        longLived: true,
        revokeUrl: 'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/managing-private-keys-for-github-apps',
        remediation: 'Delete the key in the GitHub App settings (Private keys) after generating a new one; in Actions mint installation tokens with actions/create-github-app-token from a secret.',
        examples: { positives: ['GITHUB_APP_ID=123456\nGITHUB_APP_PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n<b64:64>\n-----END RSA PRIVATE KEY-----"\n', 'github_app_private_key: |\n    -----BEGIN RSA PRIVATE KEY-----\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    <b64:64>\n    -----END RSA PRIVATE KEY-----\n'], negatives: ['GITHUB_APP_ID=123456\nGITHUB_APP_PRIVATE_KEY_PATH=/run/secrets/app.pem\n', 'GITHUB_APP_PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----"'] },
    }),
    rule({
        id: 'gitlab-personal-access-token',
        title: 'GitLab personal, project or group access token',
        provider: 'GitLab',
        severity: 'critical',
        keywords: ['glpat-'],
        // Legacy tokens are `glpat-` and 20 characters; routable ones (GitLab 17.x) a longer payload, `.`, a two-character
        // version and a CRC. Any other length is neither.
        pattern: String.raw `\b(glpat-(?:[0-9A-Za-z_-]{20}|[0-9A-Za-z_-]{27,300}\.[0-9a-z]{2}\.?[0-9a-z]{7,9}))(?:[^0-9A-Za-z_.-]|$)`,
        longLived: true,
        revokeUrl: 'https://gitlab.com/-/user_settings/personal_access_tokens',
        examples: { positives: ['GITLAB_TOKEN=glpat-<word:27>.01.<lowalnum:9>', 'token: glpat-<word:27>.01<lowalnum:7>', 'const token = "glpat-<word:20>";', '  token: "glpat-<word:20>"', 'export API_TOKEN=glpat-<word:20>'], negatives: ['const token = "glpat-<word:6>";', 'const token = "GLPAT-<word:20>";', 'const token = "glpat-xxxxxxxxxxxxxxxxxxxx";', 'client_secret: glpat-<hex:64>'] },
    }),
    rule({
        id: 'gitlab-deploy-token',
        title: 'GitLab deploy token',
        provider: 'GitLab',
        severity: 'high',
        keywords: ['gldt-'],
        pattern: String.raw `\b(gldt-[0-9A-Za-z_-]{20,100})`,
        longLived: true,
        revokeUrl: 'https://docs.gitlab.com/ee/user/project/deploy_tokens/#revoke-a-deploy-token',
        examples: { positives: ['const token = "gldt-<word:20>";', '  token: "gldt-<word:20>"', 'export API_TOKEN=gldt-<word:20>'], negatives: ['const token = "gldt-<word:6>";', 'const token = "GLDT-<word:20>";', 'const token = "gldt-xxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'gitlab-runner-token',
        title: 'GitLab runner authentication token',
        provider: 'GitLab',
        severity: 'high',
        keywords: ['glrt-'],
        pattern: String.raw `\b(glrt-[0-9A-Za-z_.-]{20,100})`,
        longLived: true,
        revokeUrl: 'https://docs.gitlab.com/ee/ci/runners/configure_runners.html#reset-the-runner-authentication-token',
        examples: { positives: ['const token = "glrt-<word:20>";', '  token: "glrt-<word:20>"', 'export API_TOKEN=glrt-<word:20>'], negatives: ['const token = "glrt-<word:6>";', 'const token = "GLRT-<word:20>";', 'const token = "glrt-xxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'gitlab-runner-registration-token',
        title: 'GitLab runner registration token (legacy)',
        provider: 'GitLab',
        severity: 'high',
        keywords: ['gr1348941'],
        pattern: String.raw `\b(GR1348941[0-9A-Za-z_-]{20})(?:[^0-9A-Za-z_-]|$)`,
        longLived: true,
        revokeUrl: 'https://docs.gitlab.com/ee/ci/runners/new_creation_workflow.html',
        examples: { positives: ['const token = "GR1348941<word:20>";', '  token: "GR1348941<word:20>"', 'export API_TOKEN=GR1348941<word:20>'], negatives: ['const token = "GR1348941<word:6>";', 'const token = "gr1348941<word:20>";', 'const token = "GR1348941xxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'gitlab-pipeline-trigger-token',
        title: 'GitLab pipeline trigger token',
        provider: 'GitLab',
        severity: 'high',
        keywords: ['glptt-'],
        pattern: String.raw `\b(glptt-[0-9a-f]{40})\b`,
        longLived: true,
        revokeUrl: 'https://docs.gitlab.com/ee/ci/triggers/',
        examples: { positives: ['const token = "glptt-<hex:40>";', '  token: "glptt-<hex:40>"', 'export API_TOKEN=glptt-<hex:40>'], negatives: ['const token = "glptt-<hex:6>";', 'const token = "GLPTT-<hex:40>";', 'const token = "glptt-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'gitlab-oauth-app-secret',
        title: 'GitLab OAuth application secret',
        provider: 'GitLab',
        severity: 'high',
        keywords: ['gloas-'],
        pattern: String.raw `\b(gloas-[0-9a-f]{64})\b`,
        longLived: true,
        revokeUrl: 'https://gitlab.com/-/user_settings/applications',
        examples: { positives: ['const token = "gloas-<hex:64>";', '  token: "gloas-<hex:64>"', 'export API_TOKEN=gloas-<hex:64>'], negatives: ['const token = "gloas-<hex:6>";', 'const token = "GLOAS-<hex:64>";', 'const token = "gloas-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'gitlab-feed-token',
        title: 'GitLab feed token',
        provider: 'GitLab',
        severity: 'medium',
        keywords: ['glft-'],
        pattern: String.raw `\b(glft-[0-9A-Za-z_-]{20})(?:[^0-9A-Za-z_-]|$)`,
        longLived: true,
        revokeUrl: 'https://gitlab.com/-/user_settings/personal_access_tokens',
        examples: { positives: ['const token = "glft-<word:20>";', '  token: "glft-<word:20>"', 'export API_TOKEN=glft-<word:20>'], negatives: ['const token = "glft-<word:6>";', 'const token = "GLFT-<word:20>";', 'const token = "glft-xxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'gitlab-scim-token',
        title: 'GitLab SCIM token',
        provider: 'GitLab',
        severity: 'high',
        keywords: ['glsoat-'],
        pattern: String.raw `\b(glsoat-[0-9A-Za-z_-]{20})(?:[^0-9A-Za-z_-]|$)`,
        longLived: true,
        revokeUrl: 'https://docs.gitlab.com/ee/user/group/saml_sso/scim_setup.html',
        examples: { positives: ['const token = "glsoat-<word:20>";', '  token: "glsoat-<word:20>"', 'export API_TOKEN=glsoat-<word:20>'], negatives: ['const token = "glsoat-<word:6>";', 'const token = "GLSOAT-<word:20>";', 'const token = "glsoat-xxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'gitlab-incoming-mail-token',
        title: 'GitLab incoming mail token',
        provider: 'GitLab',
        severity: 'medium',
        keywords: ['glimt-'],
        pattern: String.raw `\b(glimt-[0-9A-Za-z_-]{25})(?:[^0-9A-Za-z_-]|$)`,
        longLived: true,
        revokeUrl: 'https://gitlab.com/-/user_settings/personal_access_tokens',
        examples: { positives: ['const token = "glimt-<word:25>";', '  token: "glimt-<word:25>"', 'export API_TOKEN=glimt-<word:25>'], negatives: ['const token = "glimt-<word:6>";', 'const token = "GLIMT-<word:25>";', 'const token = "glimt-xxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'gitlab-agent-token',
        title: 'GitLab agent for Kubernetes token',
        provider: 'GitLab',
        severity: 'high',
        keywords: ['glagent-'],
        pattern: String.raw `\b(glagent-[0-9A-Za-z_-]{50})(?:[^0-9A-Za-z_-]|$)`,
        longLived: true,
        revokeUrl: 'https://docs.gitlab.com/ee/user/clusters/agent/work_with_agent.html#reset-the-agent-token',
        examples: { positives: ['const token = "glagent-<word:50>";', '  token: "glagent-<word:50>"', 'export API_TOKEN=glagent-<word:50>'], negatives: ['const token = "glagent-<word:6>";', 'const token = "GLAGENT-<word:50>";', 'const token = "glagent-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'gitlab-ci-job-token',
        title: 'GitLab CI/CD job token',
        provider: 'GitLab',
        severity: 'low',
        keywords: ['glcbt-'],
        pattern: String.raw `\b(glcbt-[0-9a-zA-Z]{1,5}_[0-9a-zA-Z_-]{20})(?:[^0-9A-Za-z_-]|$)`,
        longLived: false,
        revokeUrl: 'https://docs.gitlab.com/ee/ci/jobs/ci_job_token.html',
        remediation: 'Job tokens expire with the job; remove the log or artifact that captured it.',
        examples: { positives: ['const job = "glcbt-<alnum:2>_<word:20>";'], negatives: ['const job = "glcbt-<alnum:2><alnum:20>";'] },
    }),
    rule({
        id: 'bitbucket-app-password',
        title: 'Bitbucket app password',
        provider: 'Bitbucket',
        severity: 'high',
        keywords: ['atbb'],
        pattern: String.raw `\b(ATBB[A-Za-z0-9]{28}[A-F0-9]{8})\b`,
        longLived: true,
        revokeUrl: 'https://bitbucket.org/account/settings/app-passwords/',
        examples: { positives: ['BITBUCKET_APP_PASSWORD=ATBB<alnum:28><HEX:8>'], negatives: ['BITBUCKET_APP_PASSWORD=ATBB<alnum:20>'] },
    }),
    rule({
        id: 'bitbucket-access-token',
        title: 'Bitbucket repository/project/workspace access token',
        provider: 'Bitbucket',
        severity: 'high',
        keywords: ['atctt3xffgn0'],
        pattern: String.raw `\b(ATCTT3xFfGN0[A-Za-z0-9_=-]{150,250})`,
        longLived: true,
        revokeUrl: 'https://support.atlassian.com/bitbucket-cloud/docs/revoke-a-repository-access-token/',
        examples: { positives: ['const token = "ATCTT3xFfGN0<[A-Za-z0-9_\\-=]:180>";', '  token: "ATCTT3xFfGN0<[A-Za-z0-9_\\-=]:180>"', 'export API_TOKEN=ATCTT3xFfGN0<[A-Za-z0-9_\\-=]:180>'], negatives: ['const token = "ATCTT3xFfGN0<[A-Za-z0-9_\\-=]:6>";', 'const token = "atctt3XfFgn0<[A-Za-z0-9_\\-=]:180>";', 'const token = "ATCTT3xFfGN0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'atlassian-api-token',
        title: 'Atlassian API token',
        provider: 'Atlassian',
        severity: 'high',
        keywords: ['atatt3'],
        pattern: String.raw `\b(ATATT3[A-Za-z0-9_=-]{150,250})`,
        longLived: true,
        revokeUrl: 'https://id.atlassian.com/manage-profile/security/api-tokens',
        examples: { positives: ['const token = "ATATT3<[A-Za-z0-9_\\-=]:186>";', '  token: "ATATT3<[A-Za-z0-9_\\-=]:186>"', 'export API_TOKEN=ATATT3<[A-Za-z0-9_\\-=]:186>'], negatives: ['const token = "ATATT3<[A-Za-z0-9_\\-=]:6>";', 'const token = "atatt3<[A-Za-z0-9_\\-=]:186>";', 'const token = "ATATT3xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'gitea-access-token',
        title: 'Gitea/Forgejo access token',
        provider: 'Gitea',
        severity: 'high',
        keywords: ['gitea'],
        pattern: String.raw `(?i)gitea[\w.-]{0,24}${ASSIGNMENT}([a-f0-9]{40})\b`,
        longLived: true,
        revokeUrl: 'https://docs.gitea.com/development/api-usage',
        examples: { positives: ['GITEA_TOKEN=<hex:40>', '  gitea_token: "<hex:40>"', '{ "GITEA_TOKEN": "<hex:40>" }'], negatives: ['SOME_UNRELATED_ID=<hex:40>', 'GITEA_TOKEN=${GITEA_TOKEN}', '  gitea_token: "<gitea_token>"', 'GITEA_TOKEN is read from the environment'] },
    }),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/command-lines.ts





/**
 * A password passed on a command line: a person's (`admin123`) or a generated one. A long value a little low in entropy
 * for the generic judgment (14 random characters with repeats) is still a password there, unless it is letters only.
 */
function passwordValue(value) {
    const reason = rejectGenericValue(value, 3);
    return reason === undefined || isHumanPassword(value) || (reason === 'low entropy' && value.length >= 14 && !/^[A-Za-z]+$/.test(value));
}
const command_lines_REMEDIATION = 'Change the password or key, then pass it from a secret store or the environment (a variable, a netrc or config file kept out of the repository) rather than on the command line.';
/** Names that say a variable holds a credential: `API_TOKEN`, `db_password`, `SERVICE_API_KEY`. */
const SECRET_NAME = String.raw `[A-Za-z0-9_]{0,40}(?:token|secret|passw(?:or)?d|pwd|api_?key|apikey|access_?key|private_?key)[A-Za-z0-9_]{0,20}`;
/** Credentials in shell defaults, curl and wget flags, nginx directives and URL queries: where scripts put them. */
const commandLineRules = [
    rule({
        id: 'shell-default-secret',
        title: 'Secret as a shell parameter default (${VAR:-value})',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: [':-', ':='],
        // `${API_TOKEN:-value}`: the default is used whenever the variable is unset, so it is a hardcoded credential.
        pattern: String.raw `(?i)\$\{${SECRET_NAME}:?[-=]([^}\s'"$]{8,200})\}`,
        entropy: 3,
        longLived: false,
        remediation: command_lines_REMEDIATION,
        examples: {
            positives: ['export SERVICE_API_TOKEN=${API_TOKEN:-<alnum:24>}', 'PASS="${DB_PASSWORD:=<alnum:6><digit:2><alnum:6>}"'],
            negatives: ['export SERVICE_API_TOKEN=${API_TOKEN:-}', 'export TOKEN=${API_TOKEN:-$FALLBACK_TOKEN}', 'URL=${BASE_URL:-<alnum:24>}', 'TOKEN=${API_TOKEN:-changeme-please-now}', 'PORT=${PORT:-8080}'],
        },
    }),
    // `curl -u`/`--user` and `--password` are cli-password-argument's (generic.ts); these are the flags it leaves out.
    rule({
        id: 'curl-proxy-user-password',
        title: 'Password in a curl --proxy-user argument',
        provider: 'Generic',
        severity: 'medium',
        keywords: ['--proxy-user'],
        pattern: String.raw `\s--proxy-user(?:=|[ \t]+)["']?[^:\s"'$]{1,64}:([^\s"']{4,200})`,
        validate: passwordValue,
        longLived: false,
        remediation: command_lines_REMEDIATION,
        examples: {
            path: 'scripts/deploy.sh',
            positives: ['curl -k -v \\\n    --proxy-user admin:Summer<digit:4>! \\\n    https://example.net', 'curl --proxy-user "ci:<alnum:20>" https://host.example.net'],
            negatives: ['curl --proxy-user "$USER:$PASS" https://host.example.net', 'curl --proxy-user admin:password https://x.example.net', 'curl --proxy-user admin: https://x.example.net'],
        },
    }),
    rule({
        id: 'command-line-password',
        title: 'Password in a command-line flag (curl --tlspassword, wget --http-password and siblings)',
        provider: 'Generic',
        severity: 'medium',
        keywords: ['-password', 'tlspassword'],
        pattern: String.raw `\s--(?:(?:http|proxy|ftp)-password|(?:proxy-)?tlspassword)(?:=|[ \t]+)["']?([^\s"'\\]{4,200})`,
        validate: passwordValue,
        longLived: false,
        remediation: command_lines_REMEDIATION,
        examples: {
            path: 'scripts/fetch.sh',
            positives: ['wget --ftp-password=<alnum:16> https://localhost', 'wget --http-password=Pass<digit:4> https://localhost', 'curl --proxy-tlspassword <alnum:20> https://localhost', 'curl --tlspassword "<alnum:14>" https://localhost'],
            negatives: ['wget --http-password=$PASSWORD https://localhost', 'wget --proxy-password=<password> https://localhost', 'curl --tlspassword PASSWORD', 'args = ["--tlspassword", value]', 'password: "--http-password"'],
        },
    }),
    rule({
        id: 'api-key-header',
        title: 'API key in an X-API-Key header or nginx variable',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['x-apikey', 'x-api-key', 'x-api_key', 'set $'],
        // `proxy_set_header x-apikey VALUE;`, `-H "X-API-Key: VALUE"`, nginx `set $apikey VALUE;`.
        pattern: String.raw `(?i)(?:\bx-api[-_]?key["']?(?::[ \t]*|[ \t]+)|\bset[ \t]+\$${SECRET_NAME}[ \t]+)["']?([A-Za-z0-9._~+/=-]{16,200})`,
        entropy: 3,
        longLived: false,
        remediation: command_lines_REMEDIATION,
        examples: {
            path: 'deploy/nginx.conf',
            positives: ['proxy_set_header x-apikey <hex:8>-<hex:4>-<alnum:20>;', 'curl -H "X-API-Key: <alnum:32>" https://api.example.net', 'set $apikey <alnum:30>;'],
            negatives: ['proxy_set_header x-apikey $http_x_apikey;', 'proxy_set_header X-Api-Key "";', 'set $upstream <alnum:30>;', 'headers["X-API-Key"] = key'],
        },
    }),
    rule({
        id: 'container-env-secret',
        title: 'Secret passed as a container environment flag (docker run -e NAME=value)',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['-e ', '--env'],
        // docker, podman and kubectl flags, also on a continued line (`    -e DRONE_TOKEN=... \\`).
        pattern: String.raw `(?:^|\s)(?:-e|--env)(?:=|[ \t]+)["']?(?i:${SECRET_NAME})=["']?([^\s"'\\$]{8,200})`,
        entropy: 3,
        longLived: false,
        remediation: command_lines_REMEDIATION,
        examples: {
            path: 'scripts/run.sh',
            positives: ['docker run -it \\\n    -e DRONE_TOKEN=<alnum:24> \\\n    image', 'podman run --env API_KEY="<alnum:32>" app', 'kubectl run job --env=SERVICE_SECRET=<alnum:20> --image=app'],
            negatives: ['docker run -e DRONE_TOKEN=$DRONE_TOKEN image', 'docker run -e DRONE_TOKEN image', 'docker run -e DRONE_ID=<alnum:24> image', 'grep -e TOKEN=<lower:12> file'],
        },
    }),
    rule({
        id: 'getenv-fallback-secret',
        title: 'Secret as the fallback of an environment lookup (getenv(...) ?: "value")',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['getenv'],
        // PHP's `getenv('API_TOKEN') ?: '...'` and `getenv('API_TOKEN', true) ? getenv('API_TOKEN') : '...'`: the literal is
        // used whenever the variable is unset (Python's `os.getenv("API_TOKEN", "...")` is generic-argument-secret's).
        pattern: String.raw `(?i)getenv\([ \t]*["']${SECRET_NAME}["'](?:[ \t]*,[ \t]*true)?[ \t]*\)[ \t]*\?(?::|[^:;\r\n]{0,120}:)[ \t]*["']([^"'\s$]{8,200})["']`,
        entropy: 3,
        longLived: false,
        remediation: command_lines_REMEDIATION,
        examples: {
            path: 'config/app.php',
            positives: ['define("STATIC_TOKEN", getenv(\'API_TOKEN\', true) ? getenv(\'API_TOKEN\') : "<alnum:40>");', "$key = getenv('STRIPE_SECRET') ?: '<alnum:32>';"],
            negatives: ["$key = getenv('STRIPE_SECRET') ?: '';", "$key = getenv('STRIPE_SECRET') ?: getenv('FALLBACK_SECRET');", "$region = getenv('AWS_REGION') ?: '<alnum:24>';", "$key = getenv('API_TOKEN') ?: 'changeme-please-now';"],
        },
    }),
    rule({
        id: 'url-query-api-key',
        title: 'API key or token in a URL query (?api_key=)',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['apikey=', 'api_key=', 'api-key=', 'api_token=', 'access_token=', 'auth_token=', 'key=', 'token='],
        // Also the bare `?key=` (Google's and many APIs' query key) and `?token=`; the value ends where a URL's part does, so
        // a garbled paste (`?key=...%c^`, `?auth_token=...(...)`) is not taken for a key.
        pattern: String.raw `(?i)[?&](?:api[_-]?key|apikey|api_token|access_token|auth_token|key|token)=([A-Za-z0-9._~%+/-]{16,200})(?:[&#"'\s${'`'}<>;,)\]]|$)`,
        entropy: 3,
        longLived: false,
        remediation: 'Revoke the key at its provider, then send it in a header read from a secret store; URLs end up in logs and browser history.',
        examples: {
            path: '.gitlab-ci.yml',
            positives: ['    - curl https://git.example.net/?APIKEY=<hex:8>-<hex:4>-<alnum:20>', 'fetch("https://api.example.net/v1/items?page=2&api_key=<alnum:32>")', '  base_url: "https://api.example.net/v1/user?key=<lowalnum:18><digit:2><lowalnum:20>"', 'curl "https://example.net/external/api/get?token=<alnum:14><digit:2><alnum:16>&pin=V1"'],
            negatives: ['https://api.example.net/?api_key=${API_KEY}', 'https://api.example.net/?api_key=YOUR_API_KEY', 'https://api.example.net/?api_key=', 'https://x.example.net/?keyword=<alnum:32>', 'https://x.example.net/?key=${CACHE_KEY}', 'https://x.example.net/?token=refresh_token_rotation', 'https://x.example.net/?key=<alnum:20><digit:2>(<alnum:6>)', 'See http://spreadsheets.google.com/ccc?key=<alnum:20><digit:2><alnum:20>'],
        },
    }),
    rule({
        id: 'url-query-uuid-key',
        title: 'UUID-shaped API key in a URL query (?key=, ?api_key=)',
        provider: 'Generic',
        severity: 'medium',
        keywords: ['key='],
        // Many APIs issue their keys as UUIDs; the generic judgment takes a UUID for an id, but under `?key=` it is the key.
        pattern: String.raw `(?i)[?&](?:api[_-]?key|apikey|key|access[_-]?key)=(${shapeRegex(UUID)})(?:[&#"'\s${'`'}<>;,)\]]|$)`,
        entropy: 3,
        // The UUID documentation copies everywhere (`123e4567-e89b-12d3-...`) is no key.
        validate: (value) => !isPlaceholder(value) && !/^123e4567-e89b-12d3-/i.test(value),
        longLived: false,
        remediation: 'Revoke the key at its provider, then send it in a header read from a secret store; URLs end up in logs and browser history.',
        examples: {
            path: 'config/api.yaml',
            positives: ['  base_url: "https://api.<lower:8>.com/v1/user?key=<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>"', 'curl "https://<lower:6>.net/v2/items?page=1&api_key=<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>"'],
            negatives: ['  base_url: "https://api.<lower:8>.com/v1/user?id=<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>"', '  url: "https://api.<lower:8>.com/?key=123e4567-e89b-12d3-a456-426614174000"', '  url: "https://api.<lower:8>.com/?key=00000000-0000-0000-0000-000000000000"'],
        },
    }),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/commerce.ts


/** Payments beyond the big processors, e-commerce platforms, shipping, finance data and crypto exchanges. */
const commerceRules = [
    // Recharge's API tokens: sk_, test_ for sandbox stores, the token's scope grid (1x1 ... 10x3), then 64 hex.
    rule({
        id: 'recharge-api-token',
        title: 'Recharge API token',
        provider: 'Recharge',
        severity: 'high',
        keywords: ['1x1_', '1x2_', '1x3_', '2x1_', '2x2_', '2x3_', '3x1_', '3x2_', '3x3_', '5x1_', '5x2_', '5x3_', '10x1_', '10x2_', '10x3_'],
        pattern: String.raw `\b(sk_(?:test_)?(?:1|2|3|5|10)x[123]_[0-9a-fA-F]{64})\b`,
        longLived: true,
        revokeUrl: 'https://rechargepayments.com/',
        remediation: 'Delete the token in the Recharge merchant portal (Apps > API tokens), then remove it from the code and its history.',
        examples: { positives: ['RECHARGE_API_TOKEN=sk_3x3_<anyhex:64>', 'headers = {"X-Recharge-Access-Token": "sk_test_1x1_<hex:64>"}'], negatives: ['RECHARGE_API_TOKEN=sk_4x3_<anyhex:64>', 'RECHARGE_API_TOKEN=sk_3x3_<anyhex:40>'] },
    }),
    prefixed('woocommerce-consumer-secret', 'WooCommerce REST API consumer secret', 'WooCommerce', 'cs_<hex:40>', 'https://woocommerce.com/document/woocommerce-rest-api/'),
    prefixed('woocommerce-consumer-key', 'WooCommerce REST API consumer key', 'WooCommerce', 'ck_<hex:40>', 'https://woocommerce.com/document/woocommerce-rest-api/', { severity: 'medium' }),
    named('bigcommerce-access-token', 'BigCommerce API access token', 'BigCommerce', ['bigcommerce'], '<lowalnum:31>', 'https://login.bigcommerce.com/'),
    named('magento-access-token', 'Adobe Commerce (Magento) integration token', 'Adobe Commerce', ['magento'], '<lowalnum:32>', 'https://experienceleague.adobe.com/docs/commerce-admin/systems/integrations.html'),
    named('prestashop-webservice-key', 'PrestaShop webservice key', 'PrestaShop', ['prestashop'], '<upalnum:32>', 'https://devdocs.prestashop-project.org/'),
    named('ecwid-secret-token', 'Ecwid secret token', 'Ecwid', ['ecwid'], 'secret_<alnum:32>', 'https://my.ecwid.com/'),
    named('gumroad-access-token', 'Gumroad access token', 'Gumroad', ['gumroad'], '<word:43>', 'https://app.gumroad.com/settings/advanced'),
    named('lemonsqueezy-api-key', 'Lemon Squeezy API key', 'Lemon Squeezy', ['lemonsqueezy', 'lemon_squeezy'], JWT, 'https://app.lemonsqueezy.com/settings/api'),
    named('paddle-api-key', 'Paddle API key', 'Paddle', ['paddle'], 'pdl_<[a-z_]:4-13>apikey_<lowalnum:26>_<alnum:20-30>', 'https://vendors.paddle.com/authentication-v2'),
    named('paddle-classic-auth-code', 'Paddle Classic vendor auth code', 'Paddle', ['paddle'], '<hex:50>', 'https://vendors.paddle.com/authentication'),
    named('chargebee-api-key', 'Chargebee API key', 'Chargebee', ['chargebee'], '<lower:4>_<alnum:20-40>', 'https://www.chargebee.com/docs/api_keys.html'),
    named('recurly-api-key', 'Recurly private API key', 'Recurly', ['recurly'], '<hex:32>', 'https://app.recurly.com/'),
    named('chargify-api-key', 'Maxio (Chargify) API key', 'Maxio', ['chargify', 'maxio'], '<alnum:30-45>', 'https://www.maxio.com/'),
    named('authorize-net-transaction-key', 'Authorize.net transaction key', 'Authorize.net', ['authorize_net', 'authorizenet', 'authnet', 'transaction_key'], '<alnum:16>', 'https://account.authorize.net/'),
    named('checkout-secret-key', 'Checkout.com secret key', 'Checkout.com', ['checkout_secret', 'checkout_com', 'checkoutcom', 'cko_secret'], `sk_${UUID}`, 'https://dashboard.checkout.com/'),
    prefixed('checkout-sandbox-secret-key', 'Checkout.com sandbox secret key', 'Checkout.com', `sk_sbox_<b32l:26><[a-z2-7#]:1>`, 'https://dashboard.checkout.com/', { severity: 'medium', longLived: true }),
    named('mollie-api-key', 'Mollie API key', 'Mollie', ['mollie'], 'live_<alnum:30>', 'https://my.mollie.com/dashboard/developers/api-keys'),
    named('gocardless-access-token', 'GoCardless access token', 'GoCardless', ['gocardless'], 'live_<[A-Za-z0-9_=-]:40>', 'https://manage.gocardless.com/developers/access-tokens'),
    named('wise-api-token', 'Wise API token', 'Wise', ['wise_', 'transferwise'], UUID, 'https://wise.com/settings/api-tokens'),
    named('dwolla-secret', 'Dwolla application secret', 'Dwolla', ['dwolla'], '<alnum:50>', 'https://dashboard.dwolla.com/applications'),
    named('marqeta-access-token', 'Marqeta access token', 'Marqeta', ['marqeta'], UUID, 'https://app.marqeta.com/'),
    prefixed('mercadopago-app-token', 'Mercado Pago production access token', 'Mercado Pago', 'APP_USR-<digit:16>-<digit:6>-<hex:32>-<digit:8-10>', 'https://www.mercadopago.com/developers/panel'),
    prefixed('midtrans-server-key-prefixed', 'Midtrans server key', 'Midtrans', 'Mid-server-<word:24>', 'https://dashboard.midtrans.com/settings/config_info'),
    named('xendit-secret-key', 'Xendit secret key', 'Xendit', ['xendit'], 'xnd_<lower:11>_<alnum:50-60>', 'https://dashboard.xendit.co/settings/developers#api-keys'),
    prefixed('xendit-production-key', 'Xendit production secret key', 'Xendit', 'xnd_production_<alnum:50-60>', 'https://dashboard.xendit.co/settings/developers#api-keys'),
    named('payu-secret', 'PayU merchant salt or key', 'PayU', ['payu'], '<alnum:32>', 'https://onboarding.payu.in/'),
    named('cashfree-secret-key', 'Cashfree secret key', 'Cashfree', ['cashfree'], 'cfsk_ma_prod_<hex:32>_<hex:8>', 'https://merchant.cashfree.com/'),
    named('instamojo-api-key', 'Instamojo private auth token', 'Instamojo', ['instamojo'], '<hex:32>', 'https://www.instamojo.com/'),
    named('yookassa-secret-key', 'YooKassa secret key', 'YooKassa', ['yookassa', 'yandex_kassa'], 'live_<word:43>', 'https://yookassa.ru/my/merchant/integration/api-keys'),
    named('iyzico-secret-key', 'iyzico secret key', 'iyzico', ['iyzico', 'iyzipay'], '<alnum:32>', 'https://merchant.iyzipay.com/'),
    named('klarna-api-secret', 'Klarna API credentials password', 'Klarna', ['klarna'], 'klarna_live_api_<word:60-100>', 'https://portal.klarna.com/'),
    named('afterpay-secret-key', 'Afterpay secret key', 'Afterpay', ['afterpay', 'clearpay'], '<hex:128>', 'https://portal.afterpay.com/'),
    named('affirm-private-key', 'Affirm private API key', 'Affirm', ['affirm'], '<alnum:32>', 'https://www.affirm.com/dashboard'),
    named('sumup-api-key', 'SumUp API key', 'SumUp', ['sumup'], 'sup_sk_<alnum:32>', 'https://me.sumup.com/developers'),
    named('zettle-api-key', 'Zettle API key', 'Zettle', ['zettle', 'izettle'], JWT, 'https://my.zettle.com/apps/api-keys'),
    named('worldpay-api-key', 'Worldpay API credentials', 'Worldpay', ['worldpay'], '<word:16-64>', 'https://dashboard.worldpay.com/'),
    named('bluesnap-api-password', 'BlueSnap API password', 'BlueSnap', ['bluesnap'], '<alnum:16-32>', 'https://cp.bluesnap.com/'),
    named('2checkout-secret-key', '2Checkout (Verifone) secret key', 'Verifone 2Checkout', ['2checkout', 'twocheckout'], '<alnum:20-64>', 'https://secure.2checkout.com/cpanel/'),
    named('nmi-security-key', 'NMI gateway security key', 'NMI', ['nmi_security', 'nmi_api'], '<alnum:32>', 'https://secure.nmi.com/'),
    prefixed('easypost-api-key', 'EasyPost production API key', 'EasyPost', 'EZAK<alnum:54>', 'https://www.easypost.com/account/api-keys'),
    prefixed('easypost-test-api-key', 'EasyPost test API key', 'EasyPost', 'EZTK<alnum:54>', 'https://www.easypost.com/account/api-keys', { severity: 'low' }),
    prefixed('shippo-live-token', 'Shippo live API token', 'Shippo', 'shippo_live_<anyhex:40>', 'https://apps.goshippo.com/settings/api'),
    prefixed('shippo-test-token', 'Shippo test API token', 'Shippo', 'shippo_test_<anyhex:40>', 'https://apps.goshippo.com/settings/api', { severity: 'low' }),
    named('shipengine-api-key', 'ShipEngine API key', 'ShipEngine', ['shipengine'], 'TEST_<word:43>', 'https://app.shipengine.com/#/portal/apimanagement'),
    named('shipstation-api-secret', 'ShipStation API secret', 'ShipStation', ['shipstation'], '<hex:32>', 'https://ship.shipstation.com/settings/api'),
    named('aftership-api-key', 'AfterShip API key', 'AfterShip', ['aftership'], 'asat_<hex:32>', 'https://admin.aftership.com/settings/api-keys'),
    prefixed('duffel-live-token', 'Duffel live access token', 'Duffel', 'duffel_live_<word:43>', 'https://app.duffel.com/'),
    prefixed('duffel-test-token', 'Duffel test access token', 'Duffel', 'duffel_test_<word:43>', 'https://app.duffel.com/', { severity: 'low' }),
    named('amadeus-api-secret', 'Amadeus for Developers API secret', 'Amadeus', ['amadeus'], '<alnum:16>', 'https://developers.amadeus.com/my-apps'),
    named('binance-api-secret', 'Binance API secret', 'Binance', ['binance'], '<alnum:64>', 'https://www.binance.com/en/my/settings/api-management', { severity: 'critical' }),
    named('kraken-private-key', 'Kraken API private key', 'Kraken', ['kraken'], '<b64:86>==', 'https://pro.kraken.com/app/settings/api', { severity: 'critical' }),
    named('kucoin-api-secret', 'KuCoin API secret', 'KuCoin', ['kucoin'], UUID, 'https://www.kucoin.com/account/api', { severity: 'critical' }),
    named('bitfinex-api-secret', 'Bitfinex API secret', 'Bitfinex', ['bitfinex'], '<word:43>', 'https://setting.bitfinex.com/api', { severity: 'critical' }),
    named('bybit-api-secret', 'Bybit API secret', 'Bybit', ['bybit'], '<alnum:36>', 'https://www.bybit.com/app/user/api-management', { severity: 'critical' }),
    named('okx-api-secret', 'OKX API secret key', 'OKX', ['okx_', 'okex'], '<HEX:32>', 'https://www.okx.com/account/my-api', { severity: 'critical' }),
    named('gemini-exchange-secret', 'Gemini exchange API secret', 'Gemini', ['gemini_api_secret', 'gemini_secret'], '<alnum:27-28>', 'https://exchange.gemini.com/settings/api', { bare: true, severity: 'critical' }),
    named('bitstamp-api-secret', 'Bitstamp API secret', 'Bitstamp', ['bitstamp'], '<alnum:32>', 'https://www.bitstamp.net/account/security/api/', { severity: 'critical' }),
    named('bitmex-api-secret', 'BitMEX API secret', 'BitMEX', ['bitmex'], '<word:48>', 'https://www.bitmex.com/app/apiKeys', { severity: 'critical' }),
    named('crypto-com-api-secret', 'Crypto.com Exchange API secret', 'Crypto.com', ['crypto_com', 'cryptocom'], '<alnum:28>', 'https://crypto.com/exchange/personal/api-management', { severity: 'critical' }),
    named('alpaca-secret-key', 'Alpaca secret key', 'Alpaca', ['alpaca', 'apca_api_secret'], '<alnum:40>', 'https://app.alpaca.markets/paper/dashboard/overview'),
    named('polygon-io-api-key', 'Polygon.io (Massive) API key', 'Polygon.io', ['polygon_api', 'polygonio', 'polygon_io'], '<word:32>', 'https://polygon.io/dashboard/keys'),
    named('finnhub-api-key', 'Finnhub API key', 'Finnhub', ['finnhub'], '<lowalnum:20>', 'https://finnhub.io/dashboard'),
    named('alpha-vantage-api-key', 'Alpha Vantage API key', 'Alpha Vantage', ['alphavantage', 'alpha_vantage'], '<upalnum:16>', 'https://www.alphavantage.co/support/#api-key'),
    named('iex-cloud-secret', 'IEX Cloud secret token', 'IEX Cloud', ['iex_', 'iexcloud'], 'sk_<hex:32>', 'https://iexcloud.io/console/tokens'),
    named('twelvedata-api-key', 'Twelve Data API key', 'Twelve Data', ['twelvedata', 'twelve_data'], '<hex:32>', 'https://twelvedata.com/account/api-keys'),
    named('tiingo-api-token', 'Tiingo API token', 'Tiingo', ['tiingo'], '<hex:40>', 'https://www.tiingo.com/account/api/token'),
    named('fmp-api-key', 'Financial Modeling Prep API key', 'Financial Modeling Prep', ['financialmodelingprep', 'fmp_api'], '<alnum:32>', 'https://site.financialmodelingprep.com/developer/docs/dashboard'),
    named('oanda-api-token', 'OANDA API access token', 'OANDA', ['oanda'], '<hex:32>-<hex:32>', 'https://www.oanda.com/account/tpa/personal_token'),
    named('coinmarketcap-api-key', 'CoinMarketCap API key', 'CoinMarketCap', ['coinmarketcap', 'cmc_pro_api_key', 'x-cmc_pro_api_key'], UUID, 'https://pro.coinmarketcap.com/account'),
    named('coingecko-api-key', 'CoinGecko Pro API key', 'CoinGecko', ['coingecko', 'x-cg-pro-api-key'], 'CG-<alnum:25>', 'https://www.coingecko.com/en/developers/dashboard'),
    named('infura-api-key', 'Infura API key secret', 'Infura', ['infura'], '<hex:32>', 'https://app.infura.io/'),
    named('alchemy-api-key', 'Alchemy API key', 'Alchemy', ['alchemy'], '<word:32>', 'https://dashboard.alchemy.com/'),
    // Alchemy's access (auth) tokens for its Notify and Admin APIs carry their own prefix.
    prefixed('alchemy-access-token', 'Alchemy access token', 'Alchemy', 'alcht_<alnum:30>', 'https://dashboard.alchemy.com/'),
    named('etherscan-api-key', 'Etherscan API key', 'Etherscan', ['etherscan', 'bscscan', 'polygonscan', 'arbiscan'], '<upalnum:34>', 'https://etherscan.io/myapikey'),
    named('moralis-api-key', 'Moralis API key', 'Moralis', ['moralis'], JWT, 'https://admin.moralis.io/'),
    named('quicknode-token', 'QuickNode endpoint token', 'QuickNode', ['quicknode'], '<hex:40>', 'https://dashboard.quicknode.com/'),
    named('blockcypher-token', 'BlockCypher API token', 'BlockCypher', ['blockcypher'], '<hex:32>', 'https://accounts.blockcypher.com/tokens'),
    named('blocknative-api-key', 'Blocknative API key', 'Blocknative', ['blocknative'], UUID, 'https://explorer.blocknative.com/account'),
    named('thirdweb-secret-key', 'thirdweb secret key', 'thirdweb', ['thirdweb'], '<word:86>', 'https://thirdweb.com/dashboard/settings/api-keys'),
    named('walletconnect-project-secret', 'Reown (WalletConnect) project secret', 'Reown', ['walletconnect', 'reown'], '<hex:32>', 'https://cloud.reown.com/'),
    named('fireblocks-api-secret', 'Fireblocks API user secret key', 'Fireblocks', ['fireblocks'], '<b64:64-1000>', 'https://console.fireblocks.io/'),
];

;// CONCATENATED MODULE: ./src/rules/validators/encoded.ts


/** Base64 of a certificate or public key (`ca.crt`, `tls.crt` in a Secret): public material, never a credential. */
function isPublicPem(value) {
    if (!value.startsWith('LS0tLS1CRUdJTi'))
        return false;
    const text = Buffer.from(value.slice(0, 200), 'base64').toString('latin1');
    return /^-----BEGIN (?:CERTIFICATE|PUBLIC KEY|RSA PUBLIC KEY|X509 CRL|CERTIFICATE REQUEST)-----/.test(text);
}
/**
 * A Kubernetes Secret entry. Under `data:` the value is base64: what it decodes to must look like a credential
 * (not `CHANGE_ME`, a commit SHA or a file path). A plain `stringData:` value is judged as a generic value is.
 */
function isSecretEntry(value) {
    if (isPublicPem(value))
        return false;
    const decoded = decodeBase64Text(value);
    const text = decoded ?? value;
    if (isPlaceholder(text) || isReference(text))
        return false;
    if (hasUrlPassword(text))
        return true;
    if (rejectGenericValue(text, 3) === undefined)
        return true;
    return hasSecretPart(text);
}
/** An entry under `data:` of a Secret: base64 that decodes to text, and that text looks like a credential. */
function isEncodedSecretEntry(value) {
    return decodeBase64Text(value) !== undefined && isSecretEntry(value);
}

;// CONCATENATED MODULE: ./src/rules/catalogue/config-files.ts





/** JetBrains' old project-file obfuscation (`PasswordUtil`): each character XOR 0xdfaa, as four hex digits. */
const JETBRAINS_XOR = 0xdfaa;
/** The password a JetBrains IDE obfuscated, or undefined when the hex does not decode to printable text. */
function decodeJetBrainsPassword(hex) {
    if (!/^(?:[0-9a-f]{4})+$/.test(hex))
        return undefined;
    const chars = (hex.match(/.{4}/g) ?? []).map((group) => Number.parseInt(group, 16) ^ JETBRAINS_XOR);
    return chars.every((code) => code >= 0x20 && code < 0x7f) ? String.fromCharCode(...chars) : undefined;
}
/** A data source's saved password: obfuscated hex that decodes to one, or a plain driver property's value. */
function isDataSourcePassword(value) {
    const decoded = /^[0-9a-f]+$/.test(value) ? decodeJetBrainsPassword(value) : undefined;
    return isPasswordInPlace(decoded ?? value, { store: true });
}
const configFileRules = [
    // A value opening with `${` is template interpolation, whose `${expr}` may hold spaces the value stops at.
    rule({
        id: 'netrc-password',
        title: 'Password in a .netrc entry',
        provider: 'netrc',
        severity: 'high',
        keywords: ['machine'],
        pattern: String.raw `(?i)\bmachine\s+[^\s]+\s+(?:port\s+\S+\s+)?login\s+[^\s]+\s+password\s+((?:[^\s$]|\$[^{\s])[^\s]{3,255})`,
        multilineWindow: 1024,
        longLived: true,
        remediation: 'Change the password or token for that host, then keep .netrc out of the repository.',
        examples: {
            positives: ['machine api.example.net\n  login deploy\n  password <alnum:24>\n'],
            negatives: ['machine api.example.net\n  login deploy\n', 'machine api.example.net login deploy password ${NETRC_PASSWORD}', 'machine api.example.net login deploy password ${secrets.get("netrc password")}'],
        },
    }),
    rule({
        id: 'pgpass-entry',
        title: 'Password in a .pgpass entry',
        provider: 'PostgreSQL',
        severity: 'high',
        keywords: [':5432:', ':5433:', ':6432:', ':*:'],
        pattern: String.raw `(?m)^[^:\s#]+:(?:5432|5433|6432|\*):[^:\s]+:[^:\s]+:([^:\s]{4,256})\r?$`,
        longLived: true,
        remediation: 'Change the database password, then keep .pgpass out of the repository.',
        examples: { positives: ['db.internal:5432:app:app_user:<alnum:20>'], negatives: ['db.internal:5432:app:app_user'] },
    }),
    rule({
        id: 'kubernetes-secret-data',
        title: 'Kubernetes Secret with data values',
        provider: 'Kubernetes',
        severity: 'high',
        keywords: ['kind: secret'],
        pattern: String.raw `(?is)kind:\s*Secret\b.*?\n(?:data|stringData):[ \t]*\r?\n[ \t]+[A-Za-z0-9._-]+:[ \t]*["']?([A-Za-z0-9+/=_.-]{12,1000})`,
        multilineWindow: 4096,
        entropy: 3,
        validate: isSecretEntry,
        longLived: true,
        remediation: 'Rotate what the Secret holds, then manage it with External Secrets, Sealed Secrets or SOPS instead of committing plain manifests.',
        examples: {
            positives: ['apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  password: {{base64:<alnum:24>:base64}}\n'],
            negatives: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  mode: production\n', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\n'],
        },
    }),
    rule({
        id: 'sops-plaintext-value',
        title: 'Plain secret in a SOPS-encrypted file',
        provider: 'SOPS',
        severity: 'high',
        keywords: ['enc[aes256_gcm,', 'enc[pkcs7,', 'enc[gpg,', 'enc[kms,'],
        // SOPS encrypts every value (`key: ENC[AES256_GCM,data:...]`); a plain value under a secret's name further down the
        // same file was added after encryption or left out by an `encrypted_regex`, and is committed in the clear. Values
        // holding `[` (another ENC[...]) and names ending `_unencrypted` (SOPS' own opt-out suffix) stay out.
        pattern: String.raw `(?im)ENC\[(?:AES256_GCM|PKCS7|GPG|KMS),[^\n]*\n(?:[^\n]*\n){0,60}?[ \t]*["']?[\w.-]{0,40}(?:password|passwd|secret|token|api_?key|private_?key|credentials?)["']?[ \t]*[:=][ \t]*["']?([^\s"'\[\]{}|>#][^\s"'\[\]]{2,199})["']?[ \t]*(?:#[^\n]*)?$`,
        multilineWindow: 8192,
        validate: (value) => {
            const reason = rejectGenericValue(value, 3);
            return reason === undefined || (isPasswordInPlace(value) && reason !== 'path or URL' && reason !== 'file name');
        },
        longLived: true,
        remediation: 'Rotate the secret, then encrypt it with sops (check .sops.yaml\'s encrypted_regex) instead of committing it in the clear.',
        examples: {
            path: 'deploy/secrets.enc.yaml',
            positives: ['db:\n  user: ENC[AES256_GCM,data:<b64:12>,iv:<b64:43>=,tag:<b64:22>==,type:str]\nnoncompliant:\n  password: <lower:9>-<lower:6>-<lower:5><digit:1>'],
            negatives: ['db:\n  password: ENC[AES256_GCM,data:<b64:12>,iv:<b64:43>=,tag:<b64:22>==,type:str]\n  api_token: ENC[AES256_GCM,data:<b64:20>,iv:<b64:43>=,tag:<b64:22>==,type:str]', 'db:\n  user: ENC[AES256_GCM,data:<b64:12>,iv:<b64:43>=,tag:<b64:22>==,type:str]\n  password_unencrypted: <lower:9><digit:2>', 'db:\n  user: ENC[AES256_GCM,data:<b64:12>,iv:<b64:43>=,tag:<b64:22>==,type:str]\n  password: ${DB_PASSWORD}', 'password: <lower:9>-<lower:6>-<lower:5><digit:1>', 'db:\n  user: ENC[AES256_GCM,data:<b64:12>,iv:<b64:43>=,tag:<b64:22>==,type:str]\n  password_file: /run/secrets/db'],
        },
    }),
    rule({
        id: 'htpasswd-hash',
        title: 'Password hash in an htpasswd file',
        provider: 'Apache',
        severity: 'medium',
        keywords: ['$apr1$', '$2y$'],
        pattern: String.raw `(?m)^[A-Za-z0-9._-]{1,64}:\$(?:apr1|2y)\$([./A-Za-z0-9$]{20,80})\r?$`,
        longLived: true,
        remediation: 'Change the password (hashes are crackable offline), then keep htpasswd files out of the repository.',
        examples: { positives: ['admin:$apr1$<alnum:8>$<crypt:22>', 'admin:$apr1$<alnum:8>$<crypt:22>\r\n'], negatives: ['admin:'] },
    }),
    rule({
        id: 'private-key-passphrase',
        title: 'Key store or key passphrase in config',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['passphrase', 'storepass', 'keypass', 'store_password', 'storepassword', 'keypassword', 'key_password'],
        pattern: String.raw `(?i)(?:passphrase|storepass(?:word)?|keypass(?:word)?|store_password|key_password)["']?\s*${ASSIGN_OPERATOR}\s*["']([^"'\s]{6,128})["']`,
        entropy: 2.5,
        longLived: true,
        remediation: 'Change the passphrase, re-encrypt the key store, and read the passphrase from a secret store.',
        examples: { positives: ['const keystorePassphrase = "<alnum:16>9!";'], negatives: ['const keystorePassphrase = "${KEYSTORE_PASS}";'] },
    }),
    rule({
        id: 'jetbrains-datasource-password',
        title: 'JetBrains IDE data source saved with its password (.idea/dataSources*.xml)',
        provider: 'JetBrains',
        severity: 'high',
        keywords: ['<user-password>', 'name="password"'],
        // Older IDEs kept the database password in the project as `<user-password>` in the obfuscation above, which anyone
        // reverses; any IDE keeps a `password` driver property (`<property name="password" value="..."/>`) in plain text.
        // Today's IDEs keep the password itself in the OS keychain (`<secret-storage>master_key</secret-storage>`).
        pattern: String.raw `(?:<user-password>|<property[ \t]+name="password"[ \t]+value=")([^"<\s]{3,800})`,
        onlyPaths: ['**/dataSources*.xml', '**/dataSources.ids', '**/dataSources/*.xml'],
        storeValue: true,
        validate: isDataSourcePassword,
        longLived: true,
        remediation: 'Change the database password, then keep .idea/dataSources.local.xml out of the repository and let the IDE keep passwords in its password safe.',
        examples: {
            path: '.idea/dataSources.local.xml',
            positives: ['      <user-name>app</user-name>\n      <user-password>dfcbdfcedfc7dfc3dfc4df9bdf98df99df8b</user-password>', '<driver-properties>\n  <property name="password" value="<alnum:10><digit:2>" />\n</driver-properties>'],
            negatives: ['      <secret-storage>master_key</secret-storage>\n      <user-name>app</user-name>', '      <user-password></user-password>', '  <property name="password" value="${DB_PASSWORD}" />', '      <user-password>dfdadfcbdfd9dfd9dfdddfc5dfd8dfce</user-password>'],
        },
    }),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/connections.ts


/** A URL's password that is a stand-in (the user repeated, `cachepass` on localhost) or whose user is an encoded path. */
const realUrlPassword = (password, before, after) => !isStandInUrlPassword(password, before, after) && !hasEncodedPathUser(before);
/** `scheme://user:password@host` (or `redis://:password@host`, with no user): the password is the secret; `user:@`, `${VAR}` and the like never match or are allowlisted. */
function urlCredentials(id, title, provider, schemes, severity, examples) {
    return rule({
        id,
        title,
        provider,
        severity,
        keywords: schemes.map((scheme) => `${scheme}://`),
        pattern: `(?i)\\b(?:${schemes.map((s) => s.replace(/[+.]/g, '\\$&')).join('|')})://[^:/\\s'"@<>]{0,128}:([^@\\s'"/<>]{6,256})@[A-Za-z0-9._-]+`,
        validateInMatch: realUrlPassword,
        longLived: true,
        remediation: `Change the password in ${provider}, then read the URL from a secret store or environment variable at run time.`,
        examples,
    });
}
/** An ADO.NET or ODBC password that repeats the string's user (the same name after `User ID=` and `Password=`): a stand-in, as in URLs. */
function repeatsTheUser(password, before) {
    const user = /(?:^|;)\s*(?:user id|uid|user|username)\s*=\s*([^;]*)/i.exec(before)?.[1]?.trim();
    return user !== undefined && user.toLowerCase() === password.toLowerCase();
}
const connectionRules = [
    urlCredentials('postgres-connection-string', 'PostgreSQL connection URL with password', 'PostgreSQL', ['postgres', 'postgresql', 'postgis'], 'high', { positives: ['DATABASE_URL=postgres://app_user:<alnum:18>@db.internal.example.net:5432/app', '  url: "postgres://svc:<alnum:12>%21<alnum:4>@10.0.3.7/db"', 'DATABASE_URL=postgres://app:<alnum:12><digit:2>@localhost:5432/app'], negatives: ['DATABASE_URL=postgres://app_user@db.internal.example.net:5432/app', 'DATABASE_URL: postgres://postgres:postgres@localhost:5432', '#   CACHE_DATABASE_URL="postgres://cacheuser:cachepass@localhost/cache"', 'DATABASE_URL: "postgresql://baduser:badpass@127.0.0.1/dbname"', 'DATABASE_URL=postgres://app_user:@db.internal:5432/app', 'DATABASE_URL=postgres://app_user:${DB_PASSWORD}@db.internal:5432/app', 'DATABASE_URL=postgres://app_user:<password>@db.internal:5432/app', 'DATABASE_URL=postgres://app_user:{{ .Values.dbPassword }}@db.internal:5432/app'] }),
    urlCredentials('mysql-connection-string', 'MySQL/MariaDB connection URL with password', 'MySQL', ['mysql', 'mysql2', 'mariadb', 'mysqlx'], 'high', { positives: ['DATABASE_URL=mysql://app_user:<alnum:18>@db.internal.example.net:5432/app', '  url: "mysql://svc:<alnum:12>%21<alnum:4>@10.0.3.7/db"'], negatives: ['DATABASE_URL=mysql://app_user@db.internal.example.net:5432/app', 'DATABASE_URL=mysql://app_user:@db.internal:5432/app', 'DATABASE_URL=mysql://app_user:${DB_PASSWORD}@db.internal:5432/app', 'DATABASE_URL=mysql://app_user:<password>@db.internal:5432/app', 'DATABASE_URL=mysql://app_user:{{ .Values.dbPassword }}@db.internal:5432/app'] }),
    urlCredentials('mongodb-connection-string', 'MongoDB connection URL with password', 'MongoDB', ['mongodb', 'mongodb+srv'], 'high', { positives: ['DATABASE_URL=mongodb+srv://app_user:<alnum:18>@db.internal.example.net:5432/app', '  url: "mongodb+srv://svc:<alnum:12>%21<alnum:4>@10.0.3.7/db"'], negatives: ['DATABASE_URL=mongodb+srv://app_user@db.internal.example.net:5432/app', 'DATABASE_URL=mongodb+srv://app_user:@db.internal:5432/app', 'DATABASE_URL=mongodb+srv://app_user:${DB_PASSWORD}@db.internal:5432/app', 'DATABASE_URL=mongodb+srv://app_user:<password>@db.internal:5432/app', 'DATABASE_URL=mongodb+srv://app_user:{{ .Values.dbPassword }}@db.internal:5432/app'] }),
    urlCredentials('redis-connection-string', 'Redis connection URL with password', 'Redis', ['redis', 'rediss'], 'high', { positives: ['DATABASE_URL=rediss://app_user:<alnum:18>@db.internal.example.net:5432/app', '  url: "rediss://svc:<alnum:12>%21<alnum:4>@10.0.3.7/db"', 'REDIS_URL=redis://:<alnum:32>@cache.internal:6379/0'], negatives: ['DATABASE_URL=rediss://app_user@db.internal.example.net:5432/app', 'DATABASE_URL=rediss://app_user:@db.internal:5432/app', 'DATABASE_URL=rediss://app_user:${DB_PASSWORD}@db.internal:5432/app', 'DATABASE_URL=rediss://app_user:<password>@db.internal:5432/app', 'DATABASE_URL=rediss://app_user:{{ .Values.dbPassword }}@db.internal:5432/app'] }),
    urlCredentials('amqp-connection-string', 'AMQP (RabbitMQ) connection URL with password', 'RabbitMQ', ['amqp', 'amqps'], 'high', { positives: ['DATABASE_URL=amqps://app_user:<alnum:18>@db.internal.example.net:5432/app', '  url: "amqps://svc:<alnum:12>%21<alnum:4>@10.0.3.7/db"'], negatives: ['DATABASE_URL=amqps://app_user@db.internal.example.net:5432/app', 'DATABASE_URL=amqps://app_user:@db.internal:5432/app', 'DATABASE_URL=amqps://app_user:${DB_PASSWORD}@db.internal:5432/app', 'DATABASE_URL=amqps://app_user:<password>@db.internal:5432/app', 'DATABASE_URL=amqps://app_user:{{ .Values.dbPassword }}@db.internal:5432/app'] }),
    urlCredentials('mssql-connection-url', 'SQL Server connection URL with password', 'SQL Server', ['mssql', 'sqlserver'], 'high', { positives: ['DATABASE_URL=sqlserver://app_user:<alnum:18>@db.internal.example.net:5432/app', '  url: "sqlserver://svc:<alnum:12>%21<alnum:4>@10.0.3.7/db"'], negatives: ['DATABASE_URL=sqlserver://app_user@db.internal.example.net:5432/app', 'DATABASE_URL=sqlserver://app_user:@db.internal:5432/app', 'DATABASE_URL=sqlserver://app_user:${DB_PASSWORD}@db.internal:5432/app', 'DATABASE_URL=sqlserver://app_user:<password>@db.internal:5432/app', 'DATABASE_URL=sqlserver://app_user:{{ .Values.dbPassword }}@db.internal:5432/app'] }),
    urlCredentials('smtp-connection-url', 'SMTP URL with password', 'SMTP', ['smtp', 'smtps'], 'medium', { positives: ['DATABASE_URL=smtps://app_user:<alnum:18>@db.internal.example.net:5432/app', '  url: "smtps://svc:<alnum:12>%21<alnum:4>@10.0.3.7/db"'], negatives: ['DATABASE_URL=smtps://app_user@db.internal.example.net:5432/app', 'DATABASE_URL=smtps://app_user:@db.internal:5432/app', 'DATABASE_URL=smtps://app_user:${DB_PASSWORD}@db.internal:5432/app', 'DATABASE_URL=smtps://app_user:<password>@db.internal:5432/app', 'DATABASE_URL=smtps://app_user:{{ .Values.dbPassword }}@db.internal:5432/app'] }),
    urlCredentials('ldap-connection-url', 'LDAP URL with bind password', 'LDAP', ['ldap', 'ldaps'], 'high', { positives: ['DATABASE_URL=ldaps://app_user:<alnum:18>@db.internal.example.net:5432/app', '  url: "ldaps://svc:<alnum:12>%21<alnum:4>@10.0.3.7/db"'], negatives: ['DATABASE_URL=ldaps://app_user@db.internal.example.net:5432/app', 'DATABASE_URL=ldaps://app_user:@db.internal:5432/app', 'DATABASE_URL=ldaps://app_user:${DB_PASSWORD}@db.internal:5432/app', 'DATABASE_URL=ldaps://app_user:<password>@db.internal:5432/app', 'DATABASE_URL=ldaps://app_user:{{ .Values.dbPassword }}@db.internal:5432/app'] }),
    urlCredentials('ftp-connection-url', 'FTP/SFTP URL with password', 'FTP', ['ftp', 'sftp', 'ftps'], 'medium', { positives: ['DATABASE_URL=sftp://app_user:<alnum:18>@db.internal.example.net:5432/app', '  url: "sftp://svc:<alnum:12>%21<alnum:4>@10.0.3.7/db"'], negatives: ['DATABASE_URL=sftp://app_user@db.internal.example.net:5432/app', 'DATABASE_URL=sftp://app_user:@db.internal:5432/app', 'DATABASE_URL=sftp://app_user:${DB_PASSWORD}@db.internal:5432/app', 'DATABASE_URL=sftp://app_user:<password>@db.internal:5432/app', 'DATABASE_URL=sftp://app_user:{{ .Values.dbPassword }}@db.internal:5432/app'] }),
    rule({
        id: 'url-embedded-credentials',
        title: 'URL with embedded password',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['://'],
        // A host name with a top-level domain, or a local host (`https://admin:...@localhost:8000`), where a real password
        // still counts unless it is a stand-in, or an intranet host of one label (`@jenkins/`, `@build01:8080`).
        pattern: String.raw `(?i)\b[a-z][a-z0-9+.-]{1,20}://[^:/\s'"@<>]{1,128}:([^@\s'"/<>]{6,256})@(?:[A-Za-z0-9._-]+\.[A-Za-z]{2,24}|localhost\b|\d{1,3}(?:\.\d{1,3}){3}|[A-Za-z][A-Za-z0-9-]{2,62}(?:[:/?#'"${'`'}\s]|$))`,
        entropy: 2.5,
        validateInMatch: realUrlPassword,
        longLived: true,
        remediation: 'Change the password at the service, then keep credentials out of URLs in code (use a secret store or environment).',
        examples: { positives: ['const endpoint = "https://svc_user:<alnum:20>@api.partner-example.net/v1";', '  - "https://admin:<alnum:10><digit:2>@localhost:8000/admin"', '  - "http://admin:<alnum:10><digit:2>@192.168.0.10/admin"', 'JENKINS=https://<lower:8>:<alnum:10><digit:2>@jenkins:8080/job', '"https://<alnum:8>:<alnum:10><digit:2>@<lower:2><alnum:12>"'], negatives: ['const endpoint = "https://api.partner-example.net/v1?user=svc";', 'proxy = "http://user:password@proxy:3128"', 'url = "https://%s:%s@%s"', 'JENKINS=https://<lower:8>:<alnum:8><digit:2>@j', '  - "https://admin:testpassword@localhost:8000/admin"', '  "http://openid.aol.com%2Fnextangler:one+two%3F@www.basecamphq.com/c/a/i",'] },
    }),
    rule({
        id: 'git-credentials',
        title: 'Git host credentials in a URL (.git-credentials)',
        provider: 'Git hosting',
        severity: 'high',
        keywords: ['github.com', 'gitlab.com', 'bitbucket.org', 'dev.azure.com'],
        // The user may be an e-mail address written raw (`https://me@corp.net:...@github.com`), as git-credential-store keeps it.
        pattern: String.raw `(?i)https?://[^:/\s'"<>]{1,128}:([^\s'"/<>]{8,256})@(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|dev\.azure\.com)`,
        longLived: true,
        remediation: 'Revoke the token or password at the git host, then use a credential helper or GITHUB_TOKEN instead of credentials in URLs.',
        examples: { positives: ['https://ci-bot:<alnum:30>@github.com', 'https://jdoe:<alnum:8>#x@<alnum:4>@github.com', 'https://jdoe@<lower:6>.com:<alnum:8>!#@<digit:3>@github.com'], negatives: ['https://github.com/acme/tools.git', 'https://jdoe@github.com/acme/tools.git'] },
    }),
    // A value opening with `${` is template interpolation, whose `${expr}` may hold spaces the value stops at.
    rule({
        id: 'jdbc-password',
        title: 'JDBC URL with password',
        provider: 'JDBC',
        severity: 'high',
        keywords: ['jdbc:'],
        pattern: String.raw `(?i)jdbc:[a-z0-9]+:[^\s'"]{0,300}?[?;&](?:password|userpass|passwd|pwd)=((?:[^;&\s'"$]|\$[^{;&\s'"])[^;&\s'"]{2,199})`,
        longLived: true,
        remediation: 'Change the database password, then supply it from a secret store at run time.',
        examples: { positives: ['JDBC_URL=jdbc:postgresql://db.internal:5432/app?user=app&password=<alnum:16>', '  - "jdbc:mysql://localhost/authority?user=admin&userpass=<alnum:12>"'], negatives: ['JDBC_URL=jdbc:postgresql://db.internal:5432/app?user=app', '  - "jdbc:mysql://localhost/authority?user=admin&userpass="', 'JDBC_URL=jdbc:postgresql://db.internal:5432/app?user=app&password=${props.get("db.password")}'] },
    }),
    rule({
        id: 'ado-net-connection-string',
        title: 'ADO.NET / ODBC connection string with password',
        provider: 'SQL Server',
        severity: 'high',
        keywords: ['password', 'pwd'],
        // `Server=...;...;Password=...;`, `User ID=...;Password=...;`, `DSN=...;Uid=...;Pwd=...;`: the password is a key of
        // its own (`Password =value` too), after a server or user key and any other `key=value;` pairs.
        pattern: String.raw `(?i)(?:server|data source|host|address|user id|uid|user|username|dsn)\s*=[^;"'\n]{1,200};(?:[^;"'\n]{0,60};){0,12}?\s*(?:password|pwd)\s*=\s*((?:[^;"'\s$]|\$[^{;"'\s])[^;"'\s]{2,199})`,
        validateInMatch: (password, before) => isPasswordInPlace(password) && !repeatsTheUser(password, before),
        longLived: true,
        remediation: 'Change the database password, then use managed identity or a secret store instead of a connection string with a password.',
        examples: {
            positives: ['"Server=tcp:sql.internal,1433;Database=app;User ID=app;Password=<alnum:16>;Encrypt=true"', '"User ID=etl;Password=<alnum:10>!<digit:2>;Initial Catalog=ledger;Data Source=db01"', 'DSN=reports;Uid=viewer;Pwd=<lower:6><digit:3>;', 'Data Source=db01;Initial Catalog=app;User ID=svc;Password =<alnum:12>;'],
            negatives: ['"Server=tcp:sql.internal,1433;Database=app;Authentication=Active Directory Default"', '`Server=sql.internal;Database=app;User ID=app;Password=${config.get("db.password")};`', 'Server=host;Port=5432;User Id=username;Password=secret;', 'Provider=SQLNCLI;Server=myServerName;Uid=myUsername;Pwd=myPassword;', 'Server=db01;User ID=ledger_user;Password=ledger_user;', 'Server=db01;User ID=app;OldPassword=<alnum:12>;'],
        },
    }),
    rule({
        id: 'redis-connection-options',
        title: 'Redis connection string with password (StackExchange.Redis, Azure Cache for Redis)',
        provider: 'Redis',
        severity: 'high',
        keywords: [',password='],
        // `host:6380,password=...,ssl=True,abortConnect=False`: the StackExchange.Redis configuration string that Azure Cache
        // for Redis hands out, on Redis' ports (6379 plain, 6380 TLS).
        pattern: String.raw `(?i)\b[A-Za-z0-9.-]{1,253}:63(?:79|80),(?:[a-z]{2,30}=[^,\s'"]{0,100},){0,8}?password=([^,\s'"]{6,256})`,
        validate: (password) => isPasswordInPlace(password),
        longLived: true,
        remediation: 'Regenerate the access key (Azure: the cache\'s Access keys blade) or change the password, then read the connection string from a secret store.',
        examples: {
            positives: ['"Redis": "<lower:10>.redis.cache.windows.net:6380,password=<b64:43>=,ssl=True,abortConnect=False"', 'REDIS=cache01:6379,allowAdmin=true,password=<alnum:20>'],
            negatives: ['"Redis": "<lower:10>.redis.cache.windows.net:6380,password=${REDIS_KEY},ssl=True"', 'REDIS=cache01:6379,password=', 'REDIS=cache01:5432,password=<alnum:20>'],
        },
    }),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/data-apis.ts


/** Keys of data and utility APIs: scraping, screenshots and PDFs, geodata, weather, validation, security lookups. */
const dataApiRules = [
    // apilayer's products (mailboxlayer, numverify, scrapestack, screenshotlayer) share one 32-character access key form.
    named('mailboxlayer-access-key', 'mailboxlayer (apilayer) access key', 'apilayer', ['mailboxlayer'], '<lowalnum:32>', 'https://mailboxlayer.com/dashboard'),
    named('numverify-access-key', 'numverify (apilayer) access key', 'apilayer', ['numverify'], '<lowalnum:32>', 'https://numverify.com/dashboard'),
    named('scrapestack-access-key', 'scrapestack (apilayer) access key', 'apilayer', ['scrapestack'], '<lowalnum:32>', 'https://scrapestack.com/dashboard'),
    named('screenshotlayer-access-key', 'screenshotlayer (apilayer) access key', 'apilayer', ['screenshotlayer'], '<alnum:32>', 'https://screenshotlayer.com/dashboard'),
    named('scrapeowl-api-key', 'ScrapeOwl API key', 'ScrapeOwl', ['scrapeowl'], '<lowalnum:30>', 'https://app.scrapeowl.com/dashboard'),
    prefixed('scrapfly-api-key', 'Scrapfly live API key', 'Scrapfly', 'scp-live-<lowalnum:32>', 'https://scrapfly.io/dashboard'),
    prefixed('scrapfly-test-api-key', 'Scrapfly test API key', 'Scrapfly', 'scp-test-<lowalnum:32>', 'https://scrapfly.io/dashboard', { severity: 'low' }),
    named('scrapfly-api-key-legacy', 'Scrapfly API key (without prefix)', 'Scrapfly', ['scrapfly'], '<lowalnum:32>', 'https://scrapfly.io/dashboard'),
    named('scrapingant-api-key', 'ScrapingAnt API key', 'ScrapingAnt', ['scrapingant'], '<lowalnum:32>', 'https://app.scrapingant.com/dashboard'),
    named('webscraping-ai-api-key', 'WebScraping.AI API key', 'WebScraping.AI', ['webscraping'], '<alnum:32>', 'https://webscraping.ai/dashboard'),
    named('zenrows-api-key', 'ZenRows API key', 'ZenRows', ['zenrows'], '<hex:40>', 'https://app.zenrows.com/'),
    named('zenscrape-api-key', 'Zenscrape API key', 'Zenscrape', ['zenscrape'], UUID, 'https://app.zenscrape.com/'),
    named('skrapp-api-key', 'Skrapp.io API key', 'Skrapp.io', ['skrapp'], '<alnum:42>', 'https://skrapp.io/app/api'),
    named('pdfshift-api-key', 'PDFShift API key', 'PDFShift', ['pdfshift'], '<hex:32>', 'https://app.pdfshift.io/'),
    named('selectpdf-api-key', 'SelectPdf API key', 'SelectPdf', ['selectpdf'], '<[a-z0-9-]:36>', 'https://selectpdf.com/'),
    named('opencage-api-key', 'OpenCage geocoding API key', 'OpenCage', ['opencage'], '<lowalnum:32>', 'https://opencagedata.com/dashboard'),
    named('openweather-api-key', 'OpenWeather API key', 'OpenWeather', ['openweather', 'pyowm', 'owm_'], '<lowalnum:32>', 'https://home.openweathermap.org/api_keys'),
    named('weatherbit-api-key', 'Weatherbit API key', 'Weatherbit', ['weatherbit'], '<lowalnum:32>', 'https://www.weatherbit.io/account/dashboard'),
    named('zipcodebase-api-key', 'Zipcodebase API key', 'Zipcodebase', ['zipcodebase'], UUID, 'https://app.zipcodebase.com/'),
    named('smartystreets-auth-token', 'Smarty (SmartyStreets) auth token', 'Smarty', ['smartystreets', 'smarty_'], '<alnum:20>', 'https://www.smarty.com/account/keys'),
    named('newsapi-api-key', 'News API key', 'NewsAPI', ['newsapi', 'news_api'], '<lowalnum:32>', 'https://newsapi.org/account'),
    named('theoddsapi-api-key', 'The Odds API key', 'The Odds API', ['theoddsapi', 'the_odds_api', 'the-odds-api', 'oddsapi'], '<hex:32>', 'https://the-odds-api.com/account/'),
    named('pandascore-api-token', 'PandaScore API token', 'PandaScore', ['pandascore'], '<word:51>', 'https://app.pandascore.co/dashboard'),
    named('nutritionix-api-key', 'Nutritionix API key', 'Nutritionix', ['nutritionix'], '<lowalnum:32>', 'https://developer.nutritionix.com/admin/access_details'),
    named('neutrinoapi-api-key', 'Neutrino API key', 'Neutrino API', ['neutrino'], '<alnum:48>', 'https://www.neutrinoapi.com/account/'),
    named('speechtext-api-key', 'Speechtext.AI API key', 'Speechtext.AI', ['speechtext'], '<hex:32>', 'https://speechtext.ai/'),
    named('uclassify-api-key', 'uClassify API key', 'uClassify', ['uclassify'], '<alnum:12>', 'https://www.uclassify.com/account', { entropy: 2.8 }),
    named('monkeylearn-api-key', 'MonkeyLearn API key', 'MonkeyLearn', ['monkeylearn'], '<hex:40>', 'https://app.monkeylearn.com/main/my-account/'),
    named('owlbot-api-token', 'Owlbot dictionary API token', 'Owlbot', ['owlbot'], '<lowalnum:40>', 'https://owlbot.info/'),
    named('skybiometry-api-key', 'SkyBiometry API key or secret', 'SkyBiometry', ['skybiometry'], '<lowalnum:25-26>', 'https://skybiometry.com/'),
    named('securitytrails-api-key', 'SecurityTrails API key', 'SecurityTrails', ['securitytrails'], '<alnum:32>', 'https://securitytrails.com/app/account/credentials'),
    named('urlscan-api-key', 'urlscan.io API key', 'urlscan.io', ['urlscan'], UUID, 'https://urlscan.io/user/profile/'),
    named('virustotal-api-key', 'VirusTotal API key', 'VirusTotal', ['virustotal'], '<hex:64>', 'https://www.virustotal.com/gui/my-apikey'),
    named('metaapi-api-token', 'MetaApi token', 'MetaApi', ['metaapi'], '<hex:64>', 'https://app.metaapi.cloud/token'),
    named('nftport-api-key', 'NFTPort API key', 'NFTPort', ['nftport'], UUID, 'https://dashboard.nftport.xyz/'),
    named('mockaroo-api-key', 'Mockaroo API key', 'Mockaroo', ['mockaroo'], '<lowalnum:8>', 'https://www.mockaroo.com/users/edit', { severity: 'medium', entropy: 2.2 }),
    named('youneedabudget-token', 'YNAB (You Need A Budget) personal access token', 'YNAB', ['youneedabudget', 'ynab'], '<hex:64>', 'https://app.ynab.com/settings/developer'),
    named('shutterstock-api-key', 'Shutterstock API consumer key', 'Shutterstock', ['shutterstock'], '<alnum:32>', 'https://www.shutterstock.com/account/developers/apps'),
    named('shutterstock-oauth-token', 'Shutterstock OAuth access token', 'Shutterstock', ['shutterstock'], 'v2/<alnum:300-400>', 'https://www.shutterstock.com/account/developers/apps'),
    named('strava-client-secret', 'Strava client secret or token', 'Strava', ['strava'], '<lowalnum:40>', 'https://www.strava.com/settings/api'),
    named('sheety-api-key', 'Sheety API token', 'Sheety', ['sheety'], '<lowalnum:64>', 'https://sheety.co/'),
    named('maxmind-license-key-legacy', 'MaxMind license key (legacy 16-character form)', 'MaxMind', ['maxmind', 'geoip'], '<alnum:16>', 'https://www.maxmind.com/en/accounts/current/license-key'),
    named('marketstack-access-key', 'marketstack (apilayer) access key', 'apilayer', ['marketstack'], '<lowalnum:32>', 'https://marketstack.com/dashboard'),
    named('mediastack-access-key', 'mediastack (apilayer) access key', 'apilayer', ['mediastack'], '<lowalnum:32>', 'https://mediastack.com/dashboard'),
    named('pdflayer-access-key', 'pdflayer (apilayer) access key', 'apilayer', ['pdflayer'], '<lowalnum:32>', 'https://pdflayer.com/dashboard'),
    named('positionstack-access-key', 'positionstack (apilayer) access key', 'apilayer', ['positionstack'], '<word:32>', 'https://positionstack.com/dashboard'),
    named('serpstack-access-key', 'serpstack (apilayer) access key', 'apilayer', ['serpstack'], '<lowalnum:32>', 'https://serpstack.com/dashboard'),
    named('userstack-access-key', 'userstack (apilayer) access key', 'apilayer', ['userstack'], '<lowalnum:32>', 'https://userstack.com/dashboard'),
    named('vatlayer-access-key', 'vatlayer (apilayer) access key', 'apilayer', ['vatlayer'], '<lowalnum:32>', 'https://vatlayer.com/dashboard'),
    named('scraperapi-api-key', 'ScraperAPI key', 'ScraperAPI', ['scraperapi'], '<lowalnum:32>', 'https://dashboard.scraperapi.com/'),
    named('webscraper-io-api-token', 'Web Scraper Cloud API token', 'Web Scraper', ['webscraper'], '<alnum:60>', 'https://cloud.webscraper.io/api'),
    named('zenserp-api-key', 'Zenserp API key', 'Zenserp', ['zenserp'], '<[a-z0-9-]:36>', 'https://app.zenserp.com/'),
    named('serphouse-api-key', 'SERPHouse API key', 'SERPHouse', ['serphouse'], '<alnum:60>', 'https://app.serphouse.com/'),
    named('proxycrawl-api-token', 'Crawlbase (ProxyCrawl) API token', 'Crawlbase', ['proxycrawl', 'crawlbase'], '<word:22>', 'https://crawlbase.com/dashboard'),
    named('mapquest-api-key', 'MapQuest API key', 'MapQuest', ['mapquest'], '<alnum:32>', 'https://developer.mapquest.com/user/me/apps'),
    named('tomtom-api-key', 'TomTom API key', 'TomTom', ['tomtom'], '<alnum:32>', 'https://developer.tomtom.com/user/me/apps'),
    named('openuv-api-key', 'OpenUV API key', 'OpenUV', ['openuv'], '<lowalnum:32>', 'https://www.openuv.io/dashboard'),
    named('stormglass-api-key', 'Stormglass API key', 'Stormglass', ['stormglass'], '<[A-Za-z0-9-]:73>', 'https://dashboard.stormglass.io/'),
    named('visualcrossing-api-key', 'Visual Crossing weather API key', 'Visual Crossing', ['visualcrossing', 'visual_crossing'], '<upalnum:25>', 'https://www.visualcrossing.com/account'),
    named('worldweather-api-key', 'World Weather Online API key', 'World Weather Online', ['worldweather'], '<lowalnum:31>', 'https://www.worldweatheronline.com/developer/my/'),
    named('tomorrowio-api-key', 'Tomorrow.io API key', 'Tomorrow.io', ['tomorrowio', 'tomorrow_io', 'tomorrow.io'], '<alnum:32>', 'https://app.tomorrow.io/development/keys'),
    named('walkscore-api-key', 'Walk Score API key', 'Walk Score', ['walkscore'], '<lowalnum:32>', 'https://www.walkscore.com/professional/api.php'),
    named('timezoneapi-api-key', 'TimezoneAPI key', 'TimezoneAPI', ['timezoneapi'], '<alpha:20>', 'https://timezoneapi.io/'),
    named('simfin-api-key', 'SimFin API key', 'SimFin', ['simfin'], '<alnum:32>', 'https://app.simfin.com/data-access/api'),
    named('stockdata-api-token', 'StockData.org API token', 'StockData', ['stockdata'], '<alnum:40>', 'https://www.stockdata.org/dashboard'),
    named('nasdaq-data-link-api-key', 'Nasdaq Data Link (Quandl) API key', 'Nasdaq', ['nasdaq', 'quandl'], '<word:20>', 'https://data.nasdaq.com/account/profile'),
    named('tradier-access-token', 'Tradier access token', 'Tradier', ['tradier'], '<alnum:28>', 'https://dash.tradier.com/settings/api'),
    named('worldcoinindex-api-key', 'WorldCoinIndex API key', 'WorldCoinIndex', ['worldcoinindex'], '<alnum:35>', 'https://www.worldcoinindex.com/apiservice'),
    named('technicalanalysisapi-key', 'Technical Analysis API key', 'Technical Analysis API', ['technicalanalysisapi'], '<upalnum:48>', 'https://technical-analysis-api.com/'),
    named('pixabay-api-key', 'Pixabay API key', 'Pixabay', ['pixabay'], '<[a-z0-9-]:34>', 'https://pixabay.com/api/docs/'),
    named('unsplash-access-key', 'Unsplash access or secret key', 'Unsplash', ['unsplash'], '<word:43>', 'https://unsplash.com/oauth/applications'),
    named('rawg-api-key', 'RAWG API key', 'RAWG', ['rawg'], '<lowalnum:32>', 'https://rawg.io/apidocs'),
    named('spoonacular-api-key', 'Spoonacular API key', 'Spoonacular', ['spoonacular'], '<lowalnum:32>', 'https://spoonacular.com/food-api/console#Profile'),
    named('sportmonks-api-token', 'Sportmonks API token', 'Sportmonks', ['sportsmonk', 'sportmonks'], '<alnum:60>', 'https://my.sportmonks.com/'),
    named('ticketmaster-api-key', 'Ticketmaster API key', 'Ticketmaster', ['ticketmaster'], '<alnum:32>', 'https://developer-acct.ticketmaster.com/user/me/apps'),
    named('yelp-api-key', 'Yelp Fusion API key', 'Yelp', ['yelp'], '<[A-Za-z0-9_=.-]:128>', 'https://www.yelp.com/developers/v3/manage_app'),
    named('travelpayouts-api-token', 'Travelpayouts API token', 'Travelpayouts', ['travelpayouts'], '<lowalnum:32>', 'https://app.travelpayouts.com/profile/api-token'),
    named('upcdatabase-api-key', 'UPCDatabase API key', 'UPCDatabase', ['upcdatabase'], '<upalnum:32>', 'https://upcdatabase.org/'),
    named('veriphone-api-key', 'Veriphone API key', 'Veriphone', ['veriphone'], '<upalnum:32>', 'https://veriphone.io/dashboard'),
    named('verimail-api-key', 'Verimail API key', 'Verimail', ['verimail'], '<upalnum:32>', 'https://verimail.io/'),
    named('meaningcloud-api-key', 'MeaningCloud license key', 'MeaningCloud', ['meaningcloud'], '<lowalnum:32>', 'https://www.meaningcloud.com/developer/account/subscriptions'),
    named('paralleldots-api-key', 'ParallelDots API key', 'ParallelDots', ['paralleldots'], '<alnum:43>', 'https://user.apis.paralleldots.com/'),
    named('newscatcher-api-key', 'NewsCatcher API key', 'NewsCatcher', ['newscatcher'], '<word:43>', 'https://app.newscatcherapi.com/'),
    named('sigopt-api-token', 'SigOpt API token', 'SigOpt', ['sigopt'], '<upalnum:48>', 'https://app.sigopt.com/tokens'),
    named('shodan-api-key', 'Shodan API key', 'Shodan', ['shodan'], '<alnum:32>', 'https://account.shodan.io/'),
    named('whoxy-api-key', 'Whoxy API key', 'Whoxy', ['whoxy'], '<lowalnum:33>', 'https://www.whoxy.com/account/'),
    named('oopspam-api-key', 'OOPSpam API key', 'OOPSpam', ['oopspam'], '<alnum:40>', 'https://app.oopspam.com/'),
    named('peopledatalabs-api-key', 'People Data Labs API key', 'People Data Labs', ['peopledatalabs', 'people_data_labs'], '<lowalnum:64>', 'https://dashboard.peopledatalabs.com/'),
    named('rocketreach-api-key', 'RocketReach API key', 'RocketReach', ['rocketreach'], '<[a-z0-9-]:39>', 'https://rocketreach.co/account?section=nav_gen_api'),
    named('uplead-api-key', 'UpLead API key', 'UpLead', ['uplead'], '<[a-z0-9-]:32>', 'https://app.uplead.com/'),
    named('vpnapi-api-key', 'vpnapi.io API key', 'vpnapi.io', ['vpnapi'], '<alnum:32>', 'https://vpnapi.io/dashboard'),
    named('m3o-api-token', 'M3O API token', 'M3O', ['m3o'], '<alnum:48>', 'https://m3o.com/account/keys'),
    prefixed('photoroom-api-key', 'Photoroom API key', 'Photoroom', 'sk_pr_<alnum:1-64>_<anyhex:40>', 'https://app.photoroom.com/api-dashboard', { keywords: ['sk_pr_'] }),
    prefixed('photoroom-sandbox-api-key', 'Photoroom sandbox API key', 'Photoroom', 'sandbox_sk_pr_<alnum:1-64>_<anyhex:40>', 'https://app.photoroom.com/api-dashboard', { severity: 'low', keywords: ['sandbox_sk_pr_'] }),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/devops.ts


const devopsRules = [
    rule({ id: 'databricks-access-token', title: 'Databricks personal access token', provider: 'Databricks', severity: 'high', keywords: ['dapi'], pattern: '\\b(dapi[a-f0-9]{32}(?:-[0-9])?)\\b', longLived: true, revokeUrl: 'https://docs.databricks.com/en/dev-tools/auth/pat.html', examples: { positives: ['const databricksToken = "dapi<hex:32>";', '  databricksToken: "dapi<hex:32>"', 'export API_TOKEN=dapi<hex:32>'], negatives: ['const databricksToken = "dapi<hex:6>";', 'const databricksToken = "DAPI<hex:32>";', 'const databricksToken = "dapixxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'vault-service-token', title: 'HashiCorp Vault service token', provider: 'HashiCorp Vault', severity: 'critical', keywords: ['hvs.'], pattern: '\\b(hvs\\.[A-Za-z0-9_-]{90,120})(?:[^A-Za-z0-9_-]|$)', longLived: true, revokeUrl: 'https://developer.hashicorp.com/vault/api-docs/auth/token#revoke-a-token', remediation: 'Revoke it (vault token revoke), then log in from CI with JWT/OIDC auth (Keyward vault-url, vault-role) for short TTLs.', examples: { positives: ['const vaultToken = "hvs.<word:95>";', '  vaultToken: "hvs.<word:95>"', 'export API_TOKEN=hvs.<word:95>'], negatives: ['const vaultToken = "hvs.<word:6>";', 'const vaultToken = "HVS.<word:95>";', 'const vaultToken = "hvs.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'vault-batch-token', title: 'HashiCorp Vault batch token', provider: 'HashiCorp Vault', severity: 'medium', keywords: ['hvb.'], pattern: '\\b(hvb\\.[A-Za-z0-9_-]{130,300})(?:[^A-Za-z0-9_-]|$)', longLived: false, revokeUrl: 'https://developer.hashicorp.com/vault/docs/concepts/tokens#batch-tokens', examples: { positives: ['const vaultToken = "hvb.<word:140>";', '  vaultToken: "hvb.<word:140>"', 'export API_TOKEN=hvb.<word:140>'], negatives: ['const vaultToken = "hvb.<word:6>";', 'const vaultToken = "HVB.<word:140>";', 'const vaultToken = "hvb.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'vault-recovery-token', title: 'HashiCorp Vault recovery token', provider: 'HashiCorp Vault', severity: 'high', keywords: ['hvr.'], pattern: '\\b(hvr\\.[A-Za-z0-9_-]{24,120})(?:[^A-Za-z0-9_-]|$)', entropy: 3.5, longLived: false, revokeUrl: 'https://developer.hashicorp.com/vault/docs/concepts/recovery-mode', remediation: 'Restart the node out of recovery mode (recovery tokens are not persisted), then check sys/raw changes made with it.', examples: { positives: ['VAULT_TOKEN=hvr.<alnum:28>'], negatives: ['VAULT_TOKEN=hvr.<alnum:10>', 'VAULT_TOKEN=HVR.<alnum:28>'] } }),
    contextRule({ id: 'vault-legacy-token', title: 'HashiCorp Vault token (legacy s. format)', provider: 'HashiCorp Vault', severity: 'high', names: ['vault_token', 'vault-token', 'vaulttoken', 'x-vault-token', 'initial root token', 'root_token'], value: 's\\.[A-Za-z0-9]{24}(?:\\.[A-Za-z0-9]{5})?', longLived: true, revokeUrl: 'https://developer.hashicorp.com/vault/api-docs/auth/token#revoke-a-token', examples: { positives: ['VAULT_TOKEN=s.<alnum:24>', 'VAULT_TOKEN=s.<alnum:24>.<alnum:5>', 'Initial Root Token: s.<alnum:24>', '{ "root_token": "s.<alnum:24>" }', '  vault_token: "s.<alnum:24>"', '{ "VAULT_TOKEN": "s.<alnum:24>" }'], negatives: ['SOME_UNRELATED_ID=s.<alnum:24>', 'VAULT_TOKEN=${VAULT_TOKEN}', '  vault_token: "<vault_token>"', 'VAULT_TOKEN is read from the environment', 'VAULT_TOKEN=s.<alnum:20>'] } }),
    rule({ id: 'terraform-cloud-api-token', title: 'Terraform Cloud / HCP Terraform API token', provider: 'HashiCorp Terraform', severity: 'critical', keywords: ['.atlasv1.'], pattern: '\\b([A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70})(?:[^A-Za-z0-9_=-]|$)', longLived: true, revokeUrl: 'https://app.terraform.io/app/settings/tokens', remediation: 'Revoke it in HCP Terraform (User settings > Tokens); use dynamic provider credentials (workload identity) in runs.', examples: { positives: ['token = "<alnum:14>.atlasv1.<word:67>"'], negatives: ['token = "<alnum:14>.atlasv2.<word:67>"'] } }),
    rule({ id: 'doppler-token', title: 'Doppler token', provider: 'Doppler', severity: 'high', keywords: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'], pattern: '\\b(dp\\.(?:pt|st|sa|ct|scim|audit)\\.(?:[a-z0-9_-]{1,40}\\.)?[A-Za-z0-9]{40,44})\\b', longLived: true, revokeUrl: 'https://dashboard.doppler.com/workplace/tokens', examples: { positives: ['const dopplerToken = "dp.st.<alnum:43>";', '  dopplerToken: "dp.st.<alnum:43>"', 'export API_TOKEN=dp.st.<alnum:43>', 'DOPPLER_TOKEN=dp.st.prd.<alnum:43>'], negatives: ['const dopplerToken = "dp.st.<alnum:6>";', 'const dopplerToken = "DP.ST.<alnum:43>";', 'const dopplerToken = "dp.st.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'pulumi-access-token', title: 'Pulumi access token', provider: 'Pulumi', severity: 'high', keywords: ['pul-'], pattern: '\\b(pul-[a-z0-9]{40})\\b', longLived: true, revokeUrl: 'https://app.pulumi.com/account/tokens', examples: { positives: ['const pulumiToken = "pul-<hex:40>";', '  pulumiToken: "pul-<hex:40>"', 'export API_TOKEN=pul-<hex:40>'], negatives: ['const pulumiToken = "pul-<hex:6>";', 'const pulumiToken = "PUL-<hex:40>";', 'const pulumiToken = "pul-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'netlify-access-token', title: 'Netlify personal access token', provider: 'Netlify', severity: 'high', keywords: ['nfp_'], pattern: '\\b(nfp_[A-Za-z0-9]{36})\\b', longLived: true, revokeUrl: 'https://app.netlify.com/user/applications', examples: { positives: ['const netlifyToken = "nfp_<alnum:36>";', '  netlifyToken: "nfp_<alnum:36>"', 'export API_TOKEN=nfp_<alnum:36>'], negatives: ['const netlifyToken = "nfp_<alnum:6>";', 'const netlifyToken = "NFP_<alnum:36>";', 'const netlifyToken = "nfp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    contextRule({ id: 'vercel-access-token', title: 'Vercel access token', provider: 'Vercel', severity: 'high', names: ['vercel'], value: '[A-Za-z0-9]{24}', longLived: true, revokeUrl: 'https://vercel.com/account/tokens', entropy: 3.4, examples: { positives: ['VERCEL_TOKEN=<alnum:24>', '  vercel_token: "<alnum:24>"', '{ "VERCEL_TOKEN": "<alnum:24>" }'], negatives: ['SOME_UNRELATED_ID=<alnum:24>', 'VERCEL_TOKEN=${VERCEL_TOKEN}', '  vercel_token: "<vercel_token>"', 'VERCEL_TOKEN is read from the environment'] } }),
    // Cloudflare's scannable formats (2026): `cfut_` user tokens, `cfat_` account tokens and `cfk_` global keys, each 40
    // characters and an 8-hex checksum (developers.cloudflare.com/fundamentals/api/get-started/token-formats).
    prefixed('cloudflare-user-api-token', 'Cloudflare user API token', 'Cloudflare', 'cfut_<alnum:40><hex:8>', 'https://dash.cloudflare.com/profile/api-tokens'),
    prefixed('cloudflare-account-api-token', 'Cloudflare account API token', 'Cloudflare', 'cfat_<alnum:40><hex:8>', 'https://dash.cloudflare.com/profile/api-tokens', { severity: 'critical' }),
    prefixed('cloudflare-scannable-global-key', 'Cloudflare global API key (scannable format)', 'Cloudflare', 'cfk_<alnum:40><hex:8>', 'https://dash.cloudflare.com/profile/api-tokens', { severity: 'critical' }),
    contextRule({ id: 'cloudflare-api-token', title: 'Cloudflare API token', provider: 'Cloudflare', severity: 'high', names: ['cloudflare', 'cf_api_token', 'cf_token'], value: '[A-Za-z0-9_-]{40}', longLived: true, revokeUrl: 'https://dash.cloudflare.com/profile/api-tokens', entropy: 3.5, examples: { positives: ['CLOUDFLARE_API_TOKEN=<word:40>', '  cloudflare_api_token: "<word:40>"', '{ "CLOUDFLARE_API_TOKEN": "<word:40>" }'], negatives: ['SOME_UNRELATED_ID=<word:40>', 'CLOUDFLARE_API_TOKEN=${CLOUDFLARE_API_TOKEN}', '  cloudflare_api_token: "<cloudflare_api_token>"', 'CLOUDFLARE_API_TOKEN is read from the environment'] } }),
    contextRule({ id: 'cloudflare-global-api-key', title: 'Cloudflare global API key', provider: 'Cloudflare', severity: 'critical', names: ['cloudflare', 'cf_api_key', 'cf_key'], value: '[a-f0-9]{37}', longLived: true, revokeUrl: 'https://dash.cloudflare.com/profile/api-tokens', examples: { positives: ['CLOUDFLARE_API_KEY=<hex:37>', '  cloudflare_api_key: "<hex:37>"', '{ "CLOUDFLARE_API_KEY": "<hex:37>" }'], negatives: ['SOME_UNRELATED_ID=<hex:37>', 'CLOUDFLARE_API_KEY=${CLOUDFLARE_API_KEY}', '  cloudflare_api_key: "<cloudflare_api_key>"', 'CLOUDFLARE_API_KEY is read from the environment'] } }),
    rule({ id: 'cloudflare-origin-ca-key', title: 'Cloudflare Origin CA key', provider: 'Cloudflare', severity: 'high', keywords: ['v1.0-'], pattern: String.raw `\b(v1\.0-(?:[a-f0-9]{24}-[a-f0-9]{146}|[a-f0-9]{64}-[a-f0-9]{128}-[a-f0-9]{64}))\b`, longLived: true, revokeUrl: 'https://dash.cloudflare.com/profile/api-tokens', examples: { positives: ['CF_ORIGIN_CA_KEY=v1.0-<hex:24>-<hex:146>', 'X-Auth-User-Service-Key: v1.0-<hex:64>-<hex:128>-<hex:64>'], negatives: ['CF_ORIGIN_CA_KEY=v1.0-<hex:24>-<hex:40>'] } }),
    contextRule({ id: 'fastly-api-token', title: 'Fastly API token', provider: 'Fastly', severity: 'high', names: ['fastly'], value: '[A-Za-z0-9_-]{32}', longLived: true, revokeUrl: 'https://manage.fastly.com/account/personal/tokens', entropy: 3.5, examples: { positives: ['FASTLY_API_TOKEN=<word:32>', '  fastly_api_token: "<word:32>"', '{ "FASTLY_API_TOKEN": "<word:32>" }'], negatives: ['SOME_UNRELATED_ID=<word:32>', 'FASTLY_API_TOKEN=${FASTLY_API_TOKEN}', '  fastly_api_token: "<fastly_api_token>"', 'FASTLY_API_TOKEN is read from the environment'] } }),
    rule({ id: 'flyio-access-token', title: 'Fly.io access token', provider: 'Fly.io', severity: 'high', keywords: ['fo1_', 'fm1r_', 'fm2_'], pattern: '\\b((?:fo1_[A-Za-z0-9_-]{43})|(?:fm[12][ar]?_[A-Za-z0-9+/]{100,1000}={0,3}))', longLived: true, revokeUrl: 'https://fly.io/user/personal_access_tokens', examples: { positives: ['const flyToken = "fo1_<word:43>";', '  flyToken: "fo1_<word:43>"', 'export API_TOKEN=fo1_<word:43>'], negatives: ['const flyToken = "fo1_<word:6>";', 'const flyToken = "FO1_<word:43>";', 'const flyToken = "fo1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'supabase-access-token', title: 'Supabase personal access token', provider: 'Supabase', severity: 'high', keywords: ['sbp_'], pattern: '\\b(sbp_[a-z0-9]{40})\\b', longLived: true, revokeUrl: 'https://supabase.com/dashboard/account/tokens', examples: { positives: ['const supabaseToken = "sbp_<hex:40>";', '  supabaseToken: "sbp_<hex:40>"', 'export API_TOKEN=sbp_<hex:40>'], negatives: ['const supabaseToken = "sbp_<hex:6>";', 'const supabaseToken = "SBP_<hex:40>";', 'const supabaseToken = "sbp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'supabase-secret-key', title: 'Supabase secret API key', provider: 'Supabase', severity: 'critical', keywords: ['sb_secret_'], pattern: '\\b(sb_secret_[A-Za-z0-9_-]{31,40})(?:[^A-Za-z0-9_-]|$)', longLived: true, revokeUrl: 'https://supabase.com/dashboard/project/_/settings/api-keys', examples: { positives: ['const supabaseKey = "sb_secret_<alnum:36>";', '  supabaseKey: "sb_secret_<alnum:36>"', 'export API_TOKEN=sb_secret_<alnum:36>'], negatives: ['const supabaseKey = "sb_secret_<alnum:6>";', 'const supabaseKey = "SB_SECRET_<alnum:36>";', 'const supabaseKey = "sb_secret_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'planetscale-token', title: 'PlanetScale service token or password', provider: 'PlanetScale', severity: 'high', keywords: ['pscale_tkn_', 'pscale_pw_', 'pscale_oauth_'], pattern: '\\b(pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.-]{32,64})', longLived: true, revokeUrl: 'https://planetscale.com/docs/api/service-tokens', examples: { positives: ['const pscale = "pscale_tkn_<alnum:43>";', '  pscale: "pscale_tkn_<alnum:43>"', 'export API_TOKEN=pscale_tkn_<alnum:43>'], negatives: ['const pscale = "pscale_tkn_<alnum:6>";', 'const pscale = "PSCALE_TKN_<alnum:43>";', 'const pscale = "pscale_tkn_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'neon-api-key', title: 'Neon API key', provider: 'Neon', severity: 'high', keywords: ['napi_'], pattern: '\\b(napi_[a-z0-9]{64})\\b', longLived: true, revokeUrl: 'https://console.neon.tech/app/settings/api-keys', examples: { positives: ['const neonKey = "napi_<lowalnum:64>";', '  neonKey: "napi_<lowalnum:64>"', 'export API_TOKEN=napi_<lowalnum:64>'], negatives: ['const neonKey = "napi_<lowalnum:6>";', 'const neonKey = "NAPI_<lowalnum:64>";', 'const neonKey = "napi_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'sonarqube-token', title: 'SonarQube/SonarCloud token', provider: 'SonarSource', severity: 'high', keywords: ['sqp_', 'squ_', 'sqa_'], pattern: '\\b(sq[pua]_[a-f0-9]{40})\\b', longLived: true, revokeUrl: 'https://sonarcloud.io/account/security', examples: { positives: ['const sonarToken = "sqp_<hex:40>";', '  sonarToken: "sqp_<hex:40>"', 'export API_TOKEN=sqp_<hex:40>'], negatives: ['const sonarToken = "sqp_<hex:6>";', 'const sonarToken = "SQP_<hex:40>";', 'const sonarToken = "sqp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    // SonarQube Cloud's scannable tokens: `sqco_` and 59 alphanumerics (the layout trufflehog's detector checks).
    prefixed('sonarqube-cloud-token', 'SonarQube Cloud token', 'SonarSource', 'sqco_<alnum:59>', 'https://sonarcloud.io/account/security'),
    rule({ id: 'circleci-personal-token', title: 'CircleCI personal or project API token', provider: 'CircleCI', severity: 'high', keywords: ['ccipat_', 'cciprj_'], pattern: '\\b(CCI(?:PAT|PRJ)_[A-Za-z0-9]{22}_[a-f0-9]{40})\\b', longLived: true, revokeUrl: 'https://app.circleci.com/settings/user/tokens', examples: { positives: ['CIRCLE_TOKEN=CCIPAT_<alnum:22>_<hex:40>', 'CIRCLE_PROJECT_TOKEN=CCIPRJ_<alnum:22>_<hex:40>'], negatives: ['CIRCLE_TOKEN=CCIPAT_<alnum:22>', 'CIRCLE_TOKEN=CCIPXX_<alnum:22>_<hex:40>'] } }),
    rule({ id: 'buildkite-agent-token', title: 'Buildkite user access token', provider: 'Buildkite', severity: 'high', keywords: ['bkua_'], pattern: '\\b(bkua_[a-f0-9]{40})\\b', longLived: true, revokeUrl: 'https://buildkite.com/user/api-access-tokens', examples: { positives: ['const buildkiteToken = "bkua_<hex:40>";', '  buildkiteToken: "bkua_<hex:40>"', 'export API_TOKEN=bkua_<hex:40>'], negatives: ['const buildkiteToken = "bkua_<hex:6>";', 'const buildkiteToken = "BKUA_<hex:40>";', 'const buildkiteToken = "bkua_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    contextRule({ id: 'travis-ci-token', title: 'Travis CI access token', provider: 'Travis CI', severity: 'medium', names: ['travis'], value: '[A-Za-z0-9_-]{22}', longLived: true, revokeUrl: 'https://app.travis-ci.com/account/preferences', entropy: 3.3, examples: { positives: ['TRAVIS_TOKEN=<word:22>', '  travis_token: "<word:22>"', '{ "TRAVIS_TOKEN": "<word:22>" }'], negatives: ['SOME_UNRELATED_ID=<word:22>', 'TRAVIS_TOKEN=${TRAVIS_TOKEN}', '  travis_token: "<travis_token>"', 'TRAVIS_TOKEN is read from the environment'] } }),
    contextRule({ id: 'codecov-upload-token', title: 'Codecov upload token', provider: 'Codecov', severity: 'medium', names: ['codecov'], value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', longLived: true, revokeUrl: 'https://docs.codecov.com/docs/codecov-tokens', examples: { positives: ['CODECOV_TOKEN=<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>', '  codecov_token: "<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>"', '{ "CODECOV_TOKEN": "<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>" }'], negatives: ['SOME_UNRELATED_ID=<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>', 'CODECOV_TOKEN=${CODECOV_TOKEN}', '  codecov_token: "<codecov_token>"', 'CODECOV_TOKEN is read from the environment'] } }),
    contextRule({ id: 'snyk-api-token', title: 'Snyk API token', provider: 'Snyk', severity: 'high', names: ['snyk'], value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', longLived: true, revokeUrl: 'https://app.snyk.io/account', examples: { positives: ['SNYK_TOKEN=<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>', '  snyk_token: "<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>"', '{ "SNYK_TOKEN": "<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>" }'], negatives: ['SOME_UNRELATED_ID=<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>', 'SNYK_TOKEN=${SNYK_TOKEN}', '  snyk_token: "<snyk_token>"', 'SNYK_TOKEN is read from the environment'] } }),
    rule({ id: 'linear-api-key', title: 'Linear API key', provider: 'Linear', severity: 'high', keywords: ['lin_api_'], pattern: '\\b(lin_api_[A-Za-z0-9]{40})\\b', longLived: true, revokeUrl: 'https://linear.app/settings/account/security', examples: { positives: ['const linearKey = "lin_api_<alnum:40>";', '  linearKey: "lin_api_<alnum:40>"', 'export API_TOKEN=lin_api_<alnum:40>'], negatives: ['const linearKey = "lin_api_<alnum:6>";', 'const linearKey = "LIN_API_<alnum:40>";', 'const linearKey = "lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'postman-api-key', title: 'Postman API key', provider: 'Postman', severity: 'high', keywords: ['pmak-'], pattern: '\\b(PMAK-[A-Za-z0-9]{24}-[A-Za-z0-9]{34})\\b', longLived: true, revokeUrl: 'https://go.postman.co/settings/me/api-keys', examples: { positives: ['POSTMAN_API_KEY=PMAK-<hex:24>-<hex:34>'], negatives: ['POSTMAN_API_KEY=PMAK-<hex:24>'] } }),
    rule({ id: 'notion-integration-token', title: 'Notion integration token', provider: 'Notion', severity: 'high', keywords: ['ntn_', 'secret_'], pattern: '\\b((?:ntn_[0-9]{11}[A-Za-z0-9]{35})|(?:secret_[A-Za-z0-9]{43}))\\b', entropy: 3.5, longLived: true, revokeUrl: 'https://www.notion.so/my-integrations', examples: { positives: ['NOTION_TOKEN=ntn_<digit:11><alnum:35>'], negatives: ['NOTION_TOKEN=ntn_<alnum:20>'] } }),
    // "pat" alone occurs on most lines of code (path, pattern), so the name gives the prefilter its keyword.
    contextRule({ id: 'airtable-personal-access-token', title: 'Airtable personal access token', provider: 'Airtable', severity: 'high', names: ['airtable'], value: String.raw `pat[A-Za-z0-9]{14}\.[a-f0-9]{64}`, longLived: true, revokeUrl: 'https://airtable.com/create/tokens', examples: { positives: ['AIRTABLE_TOKEN=pat<alnum:14>.<hex:64>', '  airtable_token: "pat<alnum:14>.<hex:64>"', '{ "AIRTABLE_TOKEN": "pat<alnum:14>.<hex:64>" }'], negatives: ['SOME_UNRELATED_ID=pat<alnum:14>.<hex:64>', 'AIRTABLE_TOKEN=${AIRTABLE_TOKEN}', '  airtable_token: "<airtable_token>"', 'AIRTABLE_TOKEN is read from the environment'] } }),
    // Airtable's OAuth access tokens: `oaa` and 14 characters, `.v1.`, a base64url JSON payload, `.` and 64 hex.
    token({ id: 'airtable-oauth-token', title: 'Airtable OAuth access token', provider: 'Airtable', severity: 'high', shape: 'oaa<alnum:14>.v1.eyJ<b64url:40-1000>.<hex:64>', keywords: ['.v1.eyj'], longLived: false, revokeUrl: 'https://airtable.com/create/oauth', remediation: "Revoke the integration's grant (Airtable account > Integrations > Third-party integrations), then remove it from the code and its history." }),
    rule({ id: 'figma-access-token', title: 'Figma personal access token', provider: 'Figma', severity: 'medium', keywords: ['figd_'], pattern: String.raw `\b(figd_[A-Za-z0-9_-]{40})(?:[^A-Za-z0-9_-]|$)`, longLived: true, revokeUrl: 'https://www.figma.com/settings', examples: { positives: ['const figmaToken = "figd_<word:40>";', '  figmaToken: "figd_<word:40>"', 'export API_TOKEN=figd_<word:40>'], negatives: ['const figmaToken = "figd_<word:6>";', 'const figmaToken = "FIGD_<word:40>";', 'const figmaToken = "figd_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    // Figma's personal access tokens from before the figd_ prefix: a number, `-` and a UUID, sent as X-Figma-Token.
    named('figma-access-token-legacy', 'Figma personal access token (legacy form)', 'Figma', ['figma'], `<digit:3-8>-${LOWER_UUID}`, 'https://www.figma.com/settings', { severity: 'medium' }),
    rule({ id: 'contentful-access-token', title: 'Contentful personal access token', provider: 'Contentful', severity: 'high', keywords: ['cfpat-'], pattern: String.raw `\b(CFPAT-[A-Za-z0-9_-]{43})(?:[^A-Za-z0-9_-]|$)`, longLived: true, revokeUrl: 'https://app.contentful.com/account/profile/cma_tokens', examples: { positives: ['const contentfulToken = "CFPAT-<word:43>";', '  contentfulToken: "CFPAT-<word:43>"', 'export API_TOKEN=CFPAT-<word:43>'], negatives: ['const contentfulToken = "CFPAT-<word:6>";', 'const contentfulToken = "cfpat-<word:43>";', 'const contentfulToken = "CFPAT-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'mapbox-secret-token', title: 'Mapbox secret access token', provider: 'Mapbox', severity: 'high', keywords: ['sk.eyj1'], pattern: String.raw `\b(sk\.eyJ1[A-Za-z0-9_-]{20,100}\.[A-Za-z0-9_-]{22})(?:[^A-Za-z0-9_-]|$)`, longLived: true, revokeUrl: 'https://account.mapbox.com/access-tokens/', examples: { positives: ['MAPBOX_TOKEN=sk.eyJ1<alnum:40>.<word:22>'], negatives: ['MAPBOX_TOKEN=pk.eyJ1<alnum:40>.<word:22>'] } }),
    rule({ id: 'adafruit-io-key', title: 'Adafruit IO key', provider: 'Adafruit', severity: 'medium', keywords: ['aio_'], pattern: String.raw `\b(aio_[A-Za-z0-9]{28})\b`, longLived: true, revokeUrl: 'https://io.adafruit.com/', examples: { positives: ['const aioKey = "aio_<alnum:28>";', '  aioKey: "aio_<alnum:28>"', 'export API_TOKEN=aio_<alnum:28>'], negatives: ['const aioKey = "aio_<alnum:6>";', 'const aioKey = "AIO_<alnum:28>";', 'const aioKey = "aio_xxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'hubspot-private-app-token', title: 'HubSpot private app access token', provider: 'HubSpot', severity: 'high', keywords: ['pat-na1-', 'pat-eu1-'], pattern: String.raw `\b(pat-(?:na|eu)1-${LOWER_UUID_REGEX})\b`, longLived: true, revokeUrl: 'https://app.hubspot.com/private-apps', examples: { positives: [`HUBSPOT_TOKEN=pat-na1-${LOWER_UUID}`], negatives: [`HUBSPOT_TOKEN=pat-xx1-${LOWER_UUID}`] } }),
    // Okta API tokens are 00 and 40 URL-safe characters; only a name saying they are Okta's counts.
    named('okta-api-token', 'Okta API token', 'Okta', ['okta'], '00<word:40>', 'https://help.okta.com/en-us/content/topics/security/api.htm', { severity: 'critical', examples: { positives: ['{ "OKTA_API_TOKEN": "00<word:40>" }', 'okta token: 00<word:40>'], negatives: ['OKTA_API_TOKEN is read from the environment'] } }),
    contextRule({ id: 'auth0-client-secret', title: 'Auth0 client secret', provider: 'Auth0', severity: 'high', names: ['auth0'], value: '[A-Za-z0-9_-]{64}', longLived: true, revokeUrl: 'https://auth0.com/docs/get-started/applications/rotate-client-secret', entropy: 4, examples: { positives: ['AUTH0_CLIENT_SECRET=<word:64>', '  auth0_client_secret: "<word:64>"', '{ "AUTH0_CLIENT_SECRET": "<word:64>" }'], negatives: ['SOME_UNRELATED_ID=<word:64>', 'AUTH0_CLIENT_SECRET=${AUTH0_CLIENT_SECRET}', '  auth0_client_secret: "<auth0_client_secret>"', 'AUTH0_CLIENT_SECRET is read from the environment'] } }),
    rule({ id: 'twitter-bearer-token', title: 'X (Twitter) app bearer token', provider: 'X', severity: 'high', keywords: ['aaaaaaaaaaaaaaaaaaaaa'], pattern: 'AAAAAAAAAAAAAAAAAAAAA([A-Za-z0-9%]{60,120})', entropy: 3.5, longLived: true, revokeUrl: 'https://developer.x.com/en/portal/projects-and-apps', examples: { positives: ['TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAA<[A-Za-z0-9%]:90>'], negatives: ['TWITTER_BEARER_TOKEN=AAAAAAAAAA<alnum:90>'] } }),
    rule({ id: 'facebook-access-token', title: 'Facebook/Meta access token', provider: 'Meta', severity: 'high', keywords: ['eaa'], pattern: String.raw `\b(EAA[A-Z][A-Za-z0-9]{100,300})\b`, entropy: 4, longLived: true, revokeUrl: 'https://developers.facebook.com/tools/debug/accesstoken/', examples: { positives: ['const fbToken = "EAAC<alnum:150>";', '  fbToken: "EAAC<alnum:150>"', 'export API_TOKEN=EAAC<alnum:150>', 'FB_PAGE_TOKEN=EAAG<alnum:180>'], negatives: ['const fbToken = "EAAC<alnum:6>";', 'const fbToken = "eaac<alnum:150>";', 'const fbToken = "EAACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    // A Meta app secret is 32 hex characters; only a name saying it is Facebook's (or an fb app's) counts.
    named('facebook-app-secret', 'Facebook (Meta) app secret', 'Meta', ['facebook', 'fb_app', 'fbapp', 'fb-app', 'fb_api', 'fbapi', 'fb_secret', 'fbsecret'], '<hex:32>', 'https://developers.facebook.com/apps/', { remediation: 'Reset the app secret (App dashboard > App settings > Basic), then remove it from the code and its history.' }),
    contextRule({ id: 'twitch-client-secret', title: 'Twitch client secret', provider: 'Twitch', severity: 'medium', names: ['twitch'], value: '[a-z0-9]{30}', longLived: true, revokeUrl: 'https://dev.twitch.tv/console/apps', entropy: 3.5, examples: { positives: ['TWITCH_CLIENT_SECRET=<lowalnum:30>', '  twitch_client_secret: "<lowalnum:30>"', '{ "TWITCH_CLIENT_SECRET": "<lowalnum:30>" }'], negatives: ['SOME_UNRELATED_ID=<lowalnum:30>', 'TWITCH_CLIENT_SECRET=${TWITCH_CLIENT_SECRET}', '  twitch_client_secret: "<twitch_client_secret>"', 'TWITCH_CLIENT_SECRET is read from the environment'] } }),
    rule({ id: 'dropbox-access-token', title: 'Dropbox access token', provider: 'Dropbox', severity: 'medium', keywords: ['sl.'], pattern: String.raw `\b(sl\.(?:u\.[A-Za-z0-9_-]{100,1000}[A-Za-z0-9_-]{0,1000}|[A-Za-z0-9_-]{130,160}))(?:[^A-Za-z0-9_-]|$)`, longLived: false, revokeUrl: 'https://www.dropbox.com/account/connected_apps', examples: { positives: ['DROPBOX_ACCESS_TOKEN = "sl.u.<word:1320>"', 'Authorization: Bearer sl.u.<word:1000>', 'const dropboxToken = "sl.<word:140>";', '  dropboxToken: "sl.<word:140>"', 'export API_TOKEN=sl.<word:140>'], negatives: ['const dropboxToken = "sl.u.<word:40>";', 'const dropboxToken = "sl.<word:6>";', 'const dropboxToken = "SL.<word:140>";', 'const dropboxToken = "sl.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    contextRule({ id: 'asana-access-token', title: 'Asana personal access token', provider: 'Asana', severity: 'high', names: ['asana'], value: '[0-9]/[0-9]{16}:[a-f0-9]{32}|2/[0-9]{16}/[0-9]{16}:[a-f0-9]{32}|[0-9]/[a-f0-9]{32}', longLived: true, revokeUrl: 'https://app.asana.com/0/my-apps', examples: { positives: ['ASANA_TOKEN=1/<digit:16>:<hex:32>', 'asana_pat = "0/<hex:32>"', '  asana_token: "1/<digit:16>:<hex:32>"', '{ "ASANA_TOKEN": "1/<digit:16>:<hex:32>" }'], negatives: ['SOME_UNRELATED_ID=1/<digit:16>:<hex:32>', 'ASANA_TOKEN=${ASANA_TOKEN}', '  asana_token: "<asana_token>"', 'ASANA_TOKEN is read from the environment'] } }),
    rule({ id: 'shopify-access-token', title: 'Shopify admin API access token', provider: 'Shopify', severity: 'critical', keywords: ['shpat_'], pattern: String.raw `\b(shpat_[a-fA-F0-9]{32})\b`, longLived: true, revokeUrl: 'https://help.shopify.com/en/manual/apps/app-types/custom-apps', examples: { positives: ['const shopifyToken = "shpat_<hex:32>";', '  shopifyToken: "shpat_<hex:32>"', 'export API_TOKEN=shpat_<hex:32>'], negatives: ['const shopifyToken = "shpat_<hex:6>";', 'const shopifyToken = "SHPAT_<hex:32>";', 'const shopifyToken = "shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'shopify-custom-app-token', title: 'Shopify custom app access token', provider: 'Shopify', severity: 'high', keywords: ['shpca_'], pattern: String.raw `\b(shpca_[a-fA-F0-9]{32})\b`, longLived: true, revokeUrl: 'https://help.shopify.com/en/manual/apps/app-types/custom-apps', examples: { positives: ['const shopifyToken = "shpca_<hex:32>";', '  shopifyToken: "shpca_<hex:32>"', 'export API_TOKEN=shpca_<hex:32>'], negatives: ['const shopifyToken = "shpca_<hex:6>";', 'const shopifyToken = "SHPCA_<hex:32>";', 'const shopifyToken = "shpca_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'shopify-private-app-password', title: 'Shopify private app password', provider: 'Shopify', severity: 'high', keywords: ['shppa_'], pattern: String.raw `\b(shppa_[a-fA-F0-9]{32})\b`, longLived: true, revokeUrl: 'https://help.shopify.com/en/manual/apps/app-types/custom-apps', examples: { positives: ['const shopifyPassword = "shppa_<hex:32>";', '  shopifyPassword: "shppa_<hex:32>"', 'export API_TOKEN=shppa_<hex:32>'], negatives: ['const shopifyPassword = "shppa_<hex:6>";', 'const shopifyPassword = "SHPPA_<hex:32>";', 'const shopifyPassword = "shppa_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'shopify-shared-secret', title: 'Shopify app shared secret', provider: 'Shopify', severity: 'high', keywords: ['shpss_'], pattern: String.raw `\b(shpss_[a-fA-F0-9]{32})\b`, longLived: true, revokeUrl: 'https://partners.shopify.com/', examples: { positives: ['const shopifySecret = "shpss_<hex:32>";', '  shopifySecret: "shpss_<hex:32>"', 'export API_TOKEN=shpss_<hex:32>'], negatives: ['const shopifySecret = "shpss_<hex:6>";', 'const shopifySecret = "SHPSS_<hex:32>";', 'const shopifySecret = "shpss_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'onepassword-service-account-token', title: '1Password service account token', provider: '1Password', severity: 'critical', keywords: ['ops_eyj'], pattern: String.raw `\b(ops_eyJ[A-Za-z0-9+/_-]{250,1000}={0,3})`, longLived: true, revokeUrl: 'https://developer.1password.com/docs/service-accounts/manage-service-accounts/', remediation: 'Revoke the token under Developer > Service accounts, then load it in CI from the secret store only.', examples: { positives: ['OP_SERVICE_ACCOUNT_TOKEN=ops_{{base64-unpadded:{"signInAddress":"my.1password.com","userAuth":{"method":"SRPg-4096","alg":"PBES2g-HS256","iterations":650000,"salt":"<alnum:22>"},"email":"<lower:12>@1passwordserviceaccounts.com","srpX":"<hex:64>","muk":{"alg":"A256GCM","ext":true,"k":"<b64url:43>","key_ops":["encrypt","decrypt"],"kty":"oct","kid":"mp"},"secretKey":"A3-<upalnum:6>-<upalnum:6>","throttleSecret":{"seed":"<hex:64>","uuid":"<upalnum:26>"},"deviceUuid":"<lowalnum:26>"}:base64-unpadded}}'], negatives: ['OP_SERVICE_ACCOUNT_TOKEN=ops_<alnum:60>'] } }),
    rule({ id: 'tailscale-api-key', title: 'Tailscale API access token or auth key', provider: 'Tailscale', severity: 'high', keywords: ['tskey-api-', 'tskey-auth-'], pattern: String.raw `\b(tskey-(?:api|auth)-[A-Za-z0-9]{8,24}-[A-Za-z0-9]{20,48})\b`, longLived: false, revokeUrl: 'https://login.tailscale.com/admin/settings/keys', remediation: 'Revoke the key in the admin console (Settings > Keys); keys expire on their own after at most 90 days.', examples: { positives: ['TS_API_KEY=tskey-api-<alnum:12>-<alnum:32>', 'const authKey = "tskey-auth-<alnum:12>-<alnum:32>";'], negatives: ['TS_API_KEY=tskey-api-<alnum:12>', 'TS_API_KEY=TSKEY-API-<alnum:12>-<alnum:32>'] } }),
    rule({ id: 'tailscale-oauth-client-secret', title: 'Tailscale OAuth client secret', provider: 'Tailscale', severity: 'high', keywords: ['tskey-client-'], pattern: String.raw `\b(tskey-client-[A-Za-z0-9]{8,24}-[A-Za-z0-9]{20,48})\b`, longLived: true, revokeUrl: 'https://login.tailscale.com/admin/settings/oauth', examples: { positives: ['TS_OAUTH_SECRET=tskey-client-<alnum:12>-<alnum:32>'], negatives: ['TS_OAUTH_SECRET=tskey-client-<alnum:12>'] } }),
    rule({ id: 'salesforce-access-token', title: 'Salesforce access (session) token', provider: 'Salesforce', severity: 'high', keywords: ['00d'], pattern: String.raw `\b(00D[0-9A-Za-z]{12,15}![0-9A-Za-z._]{80,250})`, entropy: 4, longLived: false, revokeUrl: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_revoke_token.htm', remediation: 'Revoke the session (Setup > Session Management or the OAuth revoke endpoint), then use a connected app with JWT bearer flow.', examples: { positives: ['SF_ACCESS_TOKEN=00D<alnum:15>!<[A-Za-z0-9.]:96>'], negatives: ['SF_ORG_ID=00D<alnum:15>'] } }),
    contextRule({ id: 'linkedin-client-secret', title: 'LinkedIn OAuth client secret', provider: 'LinkedIn', severity: 'medium', names: ['linkedin', 'linked_in', 'linked-in'], value: '[A-Za-z0-9]{16}', longLived: true, revokeUrl: 'https://www.linkedin.com/developers/apps', entropy: 2.9, examples: { positives: ['LINKEDIN_CLIENT_SECRET=<alnum:16>', '  linkedin_client_secret: "<alnum:16>"', '{ "LINKEDIN_CLIENT_SECRET": "<alnum:16>" }'], negatives: ['SOME_UNRELATED_ID=<alnum:16>', 'LINKEDIN_CLIENT_SECRET=${LINKEDIN_CLIENT_SECRET}', '  linkedin_client_secret: "<linkedin_client_secret>"', 'LINKEDIN_CLIENT_SECRET is read from the environment'] } }),
    rule({ id: 'age-secret-key', title: 'age encryption secret key', provider: 'age', severity: 'high', keywords: ['age-secret-key-1'], pattern: String.raw `\b(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b`, longLived: true, revokeUrl: 'https://github.com/FiloSottile/age', remediation: 'Generate a new identity (age-keygen), re-encrypt what the old one protected, and delete the old key.', examples: { positives: ['# created: 2026-01-01\nAGE-SECRET-KEY-1<[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]:58>'], negatives: ['# public key: age1<[qpzry9x8gf2tvdw0s3jn54khce6mua7l]:58>'] } }),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/devtools.ts


/** Code intelligence, CI/CD, build, quality and deployment services. Prefixes from each provider's token docs. */
const devtoolRules = [
    prefixed('sourcegraph-access-token', 'Sourcegraph access token', 'Sourcegraph', 'sgp_<anyhex:16>_<anyhex:40>', 'https://sourcegraph.com/user/settings/tokens'),
    prefixed('sourcegraph-access-token-legacy', 'Sourcegraph access token (without instance id)', 'Sourcegraph', 'sgp_<anyhex:40>', 'https://sourcegraph.com/user/settings/tokens'),
    // Tokens from instances without a license-derived id (dev and local instances) carry `local` in its place.
    prefixed('sourcegraph-access-token-local', 'Sourcegraph access token (local instance)', 'Sourcegraph', 'sgp_local_<hex:40>', 'https://sourcegraph.com/user/settings/tokens'),
    prefixed('sourcegraph-cody-gateway-key', 'Sourcegraph Cody Gateway access token', 'Sourcegraph', 'sgd_<hex:64>', 'https://sourcegraph.com/user/settings/tokens'),
    // Enterprise instances reach Cody Gateway with a token derived from their license key.
    prefixed('sourcegraph-license-access-token', 'Sourcegraph license-derived Cody Gateway token', 'Sourcegraph', 'slk_<hex:64>', 'https://sourcegraph.com/docs/cody/core-concepts/cody-gateway', { remediation: 'Ask Sourcegraph to rotate the license key the token derives from, then remove it from the code and its history.' }),
    // Alpine (Dependency-Track's framework) makes keys of 32 to 255 characters after the prefix; keys made since Alpine 3
    // carry a public id and `_` before the secret.
    prefixed('dependency-track-api-key', 'Dependency-Track API key', 'OWASP Dependency-Track', 'odt_<[A-Za-z0-9_]:32-255>', 'https://docs.dependencytrack.org/integrations/rest-api/'),
    named('dependency-track-api-key-legacy', 'Dependency-Track API key (unprefixed)', 'OWASP Dependency-Track', [...separated(['dependency', 'track']), 'dtrack'], '<alnum:32>', 'https://docs.dependencytrack.org/integrations/rest-api/'),
    keyed({ id: 'sonarqube-token-legacy', title: 'SonarQube token (legacy 40-hex form)', provider: 'SonarSource', severity: 'high', names: ['sonar.login', 'sonar_login', 'sonarlogin', 'sonar.token', 'sonar_token', 'sonarqube_token', 'sonarcloud_token', 'sonar_auth_token', 'sonar-token', 'sonarqube-token'], bare: true, shape: '<hex:40>', longLived: true, revokeUrl: 'https://sonarcloud.io/account/security' }),
    named('jenkins-api-token', 'Jenkins API token', 'Jenkins', ['jenkins'], '11<hex:32>', 'https://www.jenkins.io/doc/book/system-administration/authenticating-scripted-clients/'),
    named('jenkins-api-token-legacy', 'Jenkins API token (legacy 32-hex)', 'Jenkins', ['jenkins'], '<hex:32>', 'https://www.jenkins.io/doc/book/system-administration/authenticating-scripted-clients/'),
    prefixed('teamcity-access-token', 'JetBrains TeamCity access token', 'JetBrains TeamCity', 'eyJ0eXAiOiAiVENWMiJ9.<word:30-60>.<word:40-80>', 'https://www.jetbrains.com/help/teamcity/configuring-your-user-profile.html#Managing+Access+Tokens'),
    prefixed('jetbrains-space-token', 'JetBrains YouTrack/Hub permanent token', 'JetBrains', 'perm:<b64:8-40>.<b64:8-40>.<alnum:30>', 'https://www.jetbrains.com/help/youtrack/server/manage-permanent-token.html'),
    named('octopus-deploy-api-key', 'Octopus Deploy API key', 'Octopus Deploy', ['octopus'], 'API-<upalnum:26-32>', 'https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key'),
    prefixed('harness-pat', 'Harness personal or service account token', 'Harness', 'pat.<word:22>.<hex:24>.<alnum:20>', 'https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/'),
    prefixed('harness-sat', 'Harness service account token', 'Harness', 'sat.<word:22>.<hex:24>.<alnum:20>', 'https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/'),
    named('drone-ci-token', 'Drone CI token', 'Drone', ['drone_', 'drone-'], '<alnum:32>', 'https://docs.drone.io/cli/setup/'),
    named('bitrise-access-token', 'Bitrise personal access token', 'Bitrise', ['bitrise'], '<word:86>', 'https://app.bitrise.io/me/account/security'),
    named('semaphore-api-token', 'Semaphore CI API token', 'Semaphore', ['semaphore'], '<alnum:20>', 'https://docs.semaphoreci.com/reference/api'),
    named('appveyor-api-token', 'AppVeyor API token', 'AppVeyor', ['appveyor'], 'v2.<lowalnum:20>', 'https://ci.appveyor.com/api-keys'),
    named('codacy-api-token', 'Codacy API token', 'Codacy', ['codacy'], '<alnum:20-32>', 'https://app.codacy.com/account/access-management'),
    named('codeclimate-token', 'Code Climate reporter or API token', 'Code Climate', separated(['code', 'climate']), '<hex:64>', 'https://codeclimate.com/profile/tokens'),
    // The test reporter's id is what uploads coverage; CI files set it as CC_TEST_REPORTER_ID.
    named('codeclimate-test-reporter-id', 'Code Climate test reporter id', 'Code Climate', ['cc_test_reporter_id', 'cc-test-reporter-id'], '<hex:64>', 'https://docs.codeclimate.com/docs/finding-your-test-coverage-token', { bare: true, severity: 'medium', remediation: "Regenerate the repository's test reporter id (Repo Settings > Test coverage), then remove it from the code and its history." }),
    prefixed('deepsource-token', 'DeepSource personal access token', 'DeepSource', 'dsp_<hex:40>', 'https://app.deepsource.com/settings/tokens'),
    named('gitguardian-api-key', 'GitGuardian API key', 'GitGuardian', ['gitguardian'], '<alnum:64-71>', 'https://dashboard.gitguardian.com/api/personal-access-tokens'),
    prefixed('render-api-key', 'Render API key', 'Render', 'rnd_<alnum:32>', 'https://dashboard.render.com/u/settings#api-keys'),
    named('railway-token', 'Railway API or project token', 'Railway', ['railway'], UUID, 'https://railway.com/account/tokens'),
    named('koyeb-api-token', 'Koyeb API token', 'Koyeb', ['koyeb'], '<alnum:64>', 'https://app.koyeb.com/user/settings/api'),
    named('ngrok-authtoken', 'ngrok authtoken', 'ngrok', ['ngrok', 'authtoken'], '<alnum:25-27>_<alnum:21>', 'https://dashboard.ngrok.com/get-started/your-authtoken', { bare: true, examples: { positives: ['ngrok authtoken: <alnum:27>_<alnum:21>', 'authtoken: <alnum:27>_<alnum:21>'], negatives: ['authtoken: <alnum:27><alnum:21>'] } }),
    prefixed('infracost-api-key', 'Infracost API key', 'Infracost', 'ico-<alnum:32>', 'https://dashboard.infracost.io/'),
    prefixed('prefect-api-key', 'Prefect Cloud API key', 'Prefect', 'pnu_<alnum:36>', 'https://app.prefect.cloud/my/api-keys'),
    prefixed('scalingo-api-token', 'Scalingo API token', 'Scalingo', 'tk-us-<word:48>', 'https://dashboard.scalingo.com/account/tokens'),
    named('spacelift-api-key', 'Spacelift API key secret', 'Spacelift', ['spacelift'], '<hex:64>', 'https://docs.spacelift.io/integrations/api'),
    named('env0-api-key', 'env0 API key secret', 'env0', ['env0'], '<word:32>', 'https://app.env0.com/'),
    named('scalr-token', 'Scalr API token', 'Scalr', ['scalr'], '<word:100-400>', 'https://docs.scalr.io/'),
    prefixed('portainer-access-token', 'Portainer access token', 'Portainer', 'ptr_<b64:43-44>', 'https://docs.portainer.io/api/access'),
    prefixed('rancher-api-token', 'Rancher API token', 'Rancher', 'token-<lowalnum:5>:<lowalnum:54>', 'https://ranchermanager.docs.rancher.com/reference-guides/user-settings/api-keys'),
    named('harbor-robot-secret', 'Harbor robot account secret', 'Harbor', ['harbor'], '<alnum:32>', 'https://goharbor.io/docs/main/working-with-projects/project-configuration/create-robot-accounts/'),
    named('quay-robot-token', 'Quay.io robot or OAuth token', 'Red Hat Quay', ['quay'], '<upalnum:64>', 'https://quay.io/'),
    named('consul-acl-token', 'HashiCorp Consul ACL token', 'HashiCorp Consul', ['consul_http_token', 'consul_token', 'consul_acl_token', 'consul-token'], UUID, 'https://developer.hashicorp.com/consul/commands/acl/token/delete', { bare: true }),
    named('nomad-acl-token', 'HashiCorp Nomad ACL token', 'HashiCorp Nomad', ['nomad_token', 'nomad-token', 'nomad_acl_token'], UUID, 'https://developer.hashicorp.com/nomad/commands/acl/token/delete', { bare: true }),
    named('vault-unseal-key-named', 'HashiCorp Vault unseal key', 'HashiCorp Vault', ['unseal_key', 'unseal-key', 'unsealkey', 'vault_unseal'], '<b64:43-44>', 'https://developer.hashicorp.com/vault/docs/commands/operator/rekey', { bare: true, severity: 'critical', remediation: 'Rekey Vault (vault operator rekey) so the leaked share is void, then keep shares out of code.' }),
    rule({
        id: 'vault-unseal-key',
        title: 'HashiCorp Vault unseal key (operator init output)',
        provider: 'HashiCorp Vault',
        severity: 'critical',
        keywords: ['unseal key', 'recovery key'],
        pattern: String.raw `(?i)\b(?:unseal|recovery) key \d{1,2}:[ \t]*([A-Za-z0-9+/]{43,44}=?)(?:[^A-Za-z0-9+/=]|$)`,
        entropy: 4,
        longLived: true,
        revokeUrl: 'https://developer.hashicorp.com/vault/docs/commands/operator/rekey',
        remediation: 'Rekey Vault (vault operator rekey) so the leaked shares are void, then keep init output out of code.',
        examples: {
            positives: ['Unseal Key 1: <b64:44>', 'Recovery Key 2: <b64:44>', 'Unseal Key 3: <b64:43>=\nInitial Root Token: hvs.<alnum:24>'],
            negatives: ['Unseal Key 1: <b64:20>', 'Unseal Key: <b64:44>', 'Unseal Key 1: <unseal-key>'],
        },
    }),
    // `vault operator init -format=json`: 33-byte shares as base64 (44) or hex (66); a single share is 32 bytes (43 + `=`, 64 hex).
    rule({
        id: 'vault-init-json-keys',
        title: 'HashiCorp Vault unseal or recovery key (operator init JSON)',
        provider: 'HashiCorp Vault',
        severity: 'critical',
        keywords: ['unseal_keys_', 'recovery_keys_'],
        pattern: String.raw `"(?:unseal|recovery)_keys_(?:b64|hex)"\s*:\s*\[\s*"([A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{44}|[a-f0-9]{64}|[a-f0-9]{66})"`,
        entropy: 3.5,
        multilineWindow: 200,
        longLived: true,
        revokeUrl: 'https://developer.hashicorp.com/vault/docs/commands/operator/rekey',
        remediation: 'Rekey Vault (vault operator rekey) so the leaked shares are void, then keep init output out of code.',
        examples: {
            positives: ['{\n  "unseal_keys_b64": [\n    "<b64:44>",\n    "<b64:44>"\n  ],', '{ "unseal_keys_hex": ["<hex:66>"], "unseal_shares": 1 }', '  "recovery_keys_b64": [ "<b64:43>=" ],'],
            negatives: ['"unseal_keys_b64": [],', '"unseal_keys_b64": ["<unseal-key>"],', '"unseal_keys_hex": ["key1_hex_encoded"],', '"unseal_keys_b64": ["<b64:30>"],'],
        },
    }),
    // Root tokens from `vault operator init` and dev-server tokens are hvs. with 24 base62 characters, not the 90+ of a service token.
    prefixed('vault-root-token', 'HashiCorp Vault token (short hvs. form: root and dev-server tokens)', 'HashiCorp Vault', 'hvs.<alnum:24>', 'https://developer.hashicorp.com/vault/docs/commands/token/revoke', { severity: 'critical', entropy: 3.5, remediation: 'Revoke it (vault token revoke); after init, generate root tokens only when needed and revoke them right after.' }),
    prefixed('onepassword-secret-key', '1Password account Secret Key', '1Password', 'A3-<upalnum:6>-<upalnum:6>-<upalnum:5>-<upalnum:5>-<upalnum:5>-<upalnum:5>', 'https://support.1password.com/secret-key/', { severity: 'critical' }),
    named('bitwarden-client-secret', 'Bitwarden API client secret', 'Bitwarden', ['bitwarden', 'bw_clientsecret', 'bw_client_secret'], '<alnum:30>', 'https://bitwarden.com/help/personal-api-key/'),
    named('infisical-token', 'Infisical service or machine token', 'Infisical', ['infisical'], 'st.<word:20-120>.<hex:32>.<hex:32>', 'https://infisical.com/docs/documentation/platform/token'),
    named('akeyless-access-key', 'Akeyless access key', 'Akeyless', ['akeyless'], '<b64:44>', 'https://docs.akeyless.io/docs/api-key'),
    prefixed('gitlab-feature-flags-token', 'GitLab feature flags client token', 'GitLab', 'glffct-<word:20>', 'https://docs.gitlab.com/ee/security/tokens/', { severity: 'medium' }),
    prefixed('gitlab-session-cookie', 'GitLab session cookie', 'GitLab', '_gitlab_session=<hex:32>', 'https://docs.gitlab.com/ee/security/tokens/', { severity: 'medium', longLived: false, keywords: ['_gitlab_session='] }),
    named('gogs-access-token', 'Gogs access token', 'Gogs', ['gogs'], '<hex:40>', 'https://gogs.io/docs'),
    named('forgejo-access-token', 'Forgejo / Codeberg access token', 'Forgejo', ['forgejo', 'codeberg'], '<hex:40>', 'https://codeberg.org/user/settings/applications'),
    named('gradle-publish-secret', 'Gradle Plugin Portal publishing secret', 'Gradle', ['gradle.publish.secret', 'gradle_publish_secret'], '<alnum:32>', 'https://plugins.gradle.org/user/api-keys', { bare: true }),
    named('sonatype-ossrh-password', 'Sonatype Central / OSSRH token password', 'Sonatype', ['ossrh', 'sonatype', 'mavencentral'], '<word:36-44>', 'https://central.sonatype.com/account'),
    named('chocolatey-api-key', 'Chocolatey API key', 'Chocolatey', ['chocolatey', 'choco_'], UUID, 'https://community.chocolatey.org/account'),
    named('open-vsx-token', 'Open VSX access token', 'Eclipse Open VSX', ['ovsx', 'open_vsx', 'openvsx'], UUID, 'https://open-vsx.org/user-settings/tokens'),
    named('vsce-pat', 'Visual Studio Marketplace token (vsce)', 'Visual Studio Marketplace', ['vsce_pat', 'vsce-pat', 'vsce_token'], '<alnum:52-84>', 'https://dev.azure.com/_usersSettings/tokens', { bare: true }),
    named('codemagic-api-token', 'Codemagic API token', 'Codemagic', ['codemagic'], '<word:43>', 'https://codemagic.io/teams'),
    named('cocoapods-trunk-token', 'CocoaPods trunk session token', 'CocoaPods', ['cocoapods', 'cocoapods_trunk'], '<hex:32>', 'https://guides.cocoapods.org/making/getting-setup-with-trunk.html'),
    named('expo-access-token', 'Expo access token', 'Expo', ['expo_token', 'expo-token', 'expo_access_token'], '<word:40>', 'https://expo.dev/accounts/[account]/settings/access-tokens', { bare: true }),
    named('fastlane-session', 'fastlane Apple session (FASTLANE_SESSION)', 'fastlane', ['fastlane_session', 'fastlane_password'], '<b64:40-400>', 'https://docs.fastlane.tools/best-practices/continuous-integration/', { bare: true }),
    named('cloudsmith-api-key', 'Cloudsmith API key', 'Cloudsmith', ['cloudsmith'], '<hex:40>', 'https://cloudsmith.io/user/settings/api/'),
    named('packagecloud-token', 'packagecloud API token', 'packagecloud', ['packagecloud'], '<hex:48>', 'https://packagecloud.io/api_token'),
    named('nexus-repository-token', 'Sonatype Nexus user token', 'Sonatype Nexus', ['nexus_'], '<word:8-12>:<word:40-48>', 'https://help.sonatype.com/en/user-tokens.html'),
    named('anaconda-token', 'Anaconda.org token', 'Anaconda', ['anaconda'], '<word:30-40>', 'https://anaconda.org/settings/access'),
    named('gemfury-token', 'Gemfury push or deploy token', 'Gemfury', ['gemfury', 'fury_'], '<word:20>', 'https://manage.fury.io/'),
    named('mend-api-key', 'Mend (WhiteSource) API or user key', 'Mend', ['whitesource', 'mend_', 'ws_apikey', 'ws_userkey'], UUID, 'https://docs.mend.io/'),
    named('veracode-api-secret', 'Veracode API secret key', 'Veracode', ['veracode'], '<hex:128>', 'https://docs.veracode.com/r/c_api_credentials3'),
    named('checkmarx-api-key', 'Checkmarx One API key', 'Checkmarx', ['checkmarx', 'cx_apikey', 'cx_api_key'], '<word:100-1000>', 'https://docs.checkmarx.com/'),
    named('wiz-client-secret', 'Wiz service account client secret', 'Wiz', ['wiz_'], '<alnum:64>', 'https://docs.wiz.io/'),
    named('crowdstrike-client-secret', 'CrowdStrike Falcon API client secret', 'CrowdStrike', ['crowdstrike', 'falcon_client_secret'], '<alnum:40>', 'https://falcon.crowdstrike.com/api-clients-and-keys'),
    named('lacework-api-secret', 'Lacework API secret', 'Lacework', ['lacework'], '_<hex:32>', 'https://docs.lacework.net/'),
    named('zerotier-api-token', 'ZeroTier Central API token', 'ZeroTier', ['zerotier'], '<alnum:32>', 'https://my.zerotier.com/account'),
    prefixed('deno-deploy-pat', 'Deno Deploy personal access token', 'Deno', 'ddp_<alnum:36>', 'https://dash.deno.com/account#access-tokens'),
    prefixed('readme-api-key', 'ReadMe API key', 'ReadMe', 'rdme_<lowalnum:70>', 'https://dash.readme.com/'),
    prefixed('apollo-graph-api-key', 'Apollo GraphOS graph API key', 'Apollo GraphQL', 'service:<word:2-64>:<word:22>', 'https://studio.apollographql.com/', { keywords: ['service:'] }),
    prefixed('apollo-user-api-key', 'Apollo GraphOS user API key', 'Apollo GraphQL', 'user:gh.<word:2-64>:<word:22>', 'https://studio.apollographql.com/user-settings/api-keys', { keywords: ['user:gh.'] }),
    named('hasura-admin-secret', 'Hasura GraphQL admin secret', 'Hasura', ['hasura_graphql_admin_secret', 'hasura_admin_secret', 'x-hasura-admin-secret'], '<word:16-64>', 'https://hasura.io/docs/latest/deployment/securing-graphql-endpoint/', { bare: true }),
    named('rapidapi-key', 'RapidAPI key', 'RapidAPI', ['rapidapi', 'x-rapidapi-key'], '<alnum:50>', 'https://rapidapi.com/developer/apps'),
    prefixed('zapier-webhook-url', 'Zapier catch hook URL', 'Zapier', 'https://hooks.zapier.com/hooks/catch/<digit:5-10>/<lowalnum:6-8>', 'https://zapier.com/app/zaps', { severity: 'medium' }),
    prefixed('make-webhook-url', 'Make (Integromat) webhook URL', 'Make', 'https://hook.<lowalnum:2-8>.make.com/<lowalnum:32>', 'https://www.make.com/en/help/tools/webhooks', { severity: 'medium' }),
    named('ifttt-webhook-key', 'IFTTT Webhooks key', 'IFTTT', ['ifttt'], '<word:22>', 'https://ifttt.com/maker_webhooks/settings'),
    prefixed('postman-collection-access-key', 'Postman collection access key', 'Postman', 'PMAT-<upalnum:26>', 'https://web.postman.co/settings/me/api-keys', { severity: 'medium' }),
    named('browserstack-access-key', 'BrowserStack access key', 'BrowserStack', ['browserstack'], '<alnum:20>', 'https://www.browserstack.com/accounts/settings'),
    named('saucelabs-access-key', 'Sauce Labs access key', 'Sauce Labs', ['saucelabs', 'sauce_access_key', 'sauce_labs'], UUID, 'https://app.saucelabs.com/user-settings'),
    named('lambdatest-access-key', 'LambdaTest access key', 'LambdaTest', ['lambdatest', 'lt_access_key'], '<alnum:50>', 'https://accounts.lambdatest.com/security'),
    named('percy-token', 'Percy project token', 'BrowserStack Percy', ['percy_token', 'percy-token'], '<word:64-80>', 'https://percy.io/', { bare: true }),
    named('chromatic-project-token', 'Chromatic project token', 'Chromatic', ['chromatic_project_token', 'chromatic-project-token'], 'chpt_<hex:14-16>', 'https://www.chromatic.com/', { bare: true }),
    named('cypress-record-key', 'Cypress Cloud record key', 'Cypress', ['cypress_record_key', 'cypress-record-key', 'record_key'], UUID, 'https://cloud.cypress.io/', { bare: true }),
    named('coveralls-repo-token', 'Coveralls repo token', 'Coveralls', ['coveralls'], '<alnum:32-37>', 'https://coveralls.io/'),
    named('nx-cloud-token', 'Nx Cloud access token', 'Nx Cloud', ['nx_cloud_access_token', 'nx-cloud-access-token', 'nxcloudaccesstoken'], '<b64:40-120>', 'https://cloud.nx.app/', { bare: true }),
    named('turborepo-remote-token', 'Turborepo remote cache token', 'Vercel', ['turbo_token', 'turbo-token'], '<alnum:24>', 'https://vercel.com/account/tokens', { bare: true }),
    named('github-oauth-client-secret', 'GitHub OAuth app client secret', 'GitHub', ['github_client_secret', 'gh_client_secret', 'github_oauth_secret', 'github-client-secret'], '<hex:40>', 'https://github.com/settings/developers', { bare: true }),
    named('gitlab-runner-auth-legacy', 'GitLab runner token (legacy unprefixed)', 'GitLab', ['ci_server_token', 'runner_token', 'registration_token'], '<word:20>', 'https://docs.gitlab.com/ee/security/tokens/', { bare: true, severity: 'medium' }),
    named('gitpod-token', 'Gitpod access token', 'Gitpod', ['gitpod'], 'gitpod_pat_<word:40-120>', 'https://gitpod.io/user/tokens'),
    named('glitch-token', 'Glitch project token', 'Glitch', ['glitch'], UUID, 'https://glitch.com/'),
    named('replit-token', 'Replit connect or deployment token', 'Replit', ['replit'], '<word:40-100>', 'https://replit.com/account'),
    prefixed('codesandbox-api-token', 'CodeSandbox API token', 'CodeSandbox', 'csb_v1_<word:43>', 'https://codesandbox.io/t/permissions'),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/frameworks.ts


const frameworkRules = [
    rule({
        id: 'django-secret-key',
        title: 'Django/Flask SECRET_KEY',
        provider: 'Django',
        severity: 'high',
        kind: 'generic',
        keywords: ['secret_key'],
        pattern: String.raw `\bSECRET_KEY\s*=\s*[rbu]?["']([^"'\s]{24,128})["']`,
        entropy: 3.5,
        longLived: true,
        remediation: 'Generate a new SECRET_KEY (this invalidates sessions and signed tokens) and load it from the environment.',
        examples: { positives: ['SECRET_KEY = \'<[a-z0-9!@#%^&*(\\-_=+)]:50>\''], negatives: ['SECRET_KEY = os.environ[\'DJANGO_SECRET_KEY\']', 'SECRET_KEY = \'django-insecure-changeme-xxxxxxxxxxxxxxxxxxxx\''] },
    }),
    rule({
        id: 'flask-secret-key',
        title: 'Flask secret key',
        provider: 'Flask',
        severity: 'high',
        kind: 'generic',
        keywords: ['secret_key'],
        pattern: String.raw `(?i)(?:\bapp\.secret_key|\.config\[\s*["']SECRET_KEY["']\s*\])\s*=\s*[rbu]?["']([^"'\s]{16,128})["']`,
        entropy: 3,
        longLived: true,
        remediation: 'Generate a new secret key (this signs sessions and cookies) and load it from the environment.',
        examples: { positives: ['app.config[\'SECRET_KEY\'] = \'<alnum:32>\'', 'app.secret_key = b\'<hex:48>\''], negatives: ['app.config[\'SECRET_KEY\'] = os.environ[\'FLASK_SECRET_KEY\']', 'app.secret_key = \'dev\'', 'app.config["SECRET_KEY"] = "xxxxxxxxxxxxxxxxxxxxxxxx"'] },
    }),
    rule({
        id: 'rails-master-key',
        title: 'Rails master key',
        provider: 'Rails',
        severity: 'critical',
        keywords: ['rails_master_key'],
        pattern: String.raw `(?i)RAILS_MASTER_KEY${ASSIGNMENT}([a-f0-9]{32})\b`,
        longLived: true,
        remediation: 'Rotate credentials.yml.enc with a new master key (bin/rails credentials:edit) and rotate every secret it held.',
        examples: { positives: ['RAILS_MASTER_KEY=<hex:32>', '  rails_master_key: "<hex:32>"', '{ "RAILS_MASTER_KEY": "<hex:32>" }'], negatives: ['SOME_UNRELATED_ID=<hex:32>', 'RAILS_MASTER_KEY=${RAILS_MASTER_KEY}', '  rails_master_key: "<rails_master_key>"', 'RAILS_MASTER_KEY is read from the environment'] },
    }),
    rule({
        id: 'rails-secret-key-base',
        title: 'Rails secret_key_base',
        provider: 'Rails',
        severity: 'high',
        keywords: ['secret_key_base'],
        pattern: String.raw `(?i)secret_key_base${ASSIGNMENT}([a-f0-9]{64,128})\b`,
        longLived: true,
        remediation: 'Generate a new secret_key_base (bin/rails secret) and keep it in encrypted credentials or the environment.',
        examples: { positives: ['  secret_key_base: "<hex:128>"'], negatives: ['  secret_key_base: "<%= ENV["SECRET_KEY_BASE"] %>"'] },
    }),
    rule({
        id: 'laravel-app-key',
        title: 'Laravel APP_KEY',
        provider: 'Laravel',
        severity: 'high',
        keywords: ['app_key'],
        // 32 bytes (AES-256) or 16 (AES-128) in base64; padding is sometimes dropped by hand.
        pattern: String.raw `\bAPP_KEY\s*=\s*["']?(base64:[A-Za-z0-9+/]{22,44}={0,2})(?:[^A-Za-z0-9+/=]|$)`,
        longLived: true,
        remediation: 'Generate a new key (php artisan key:generate), re-encrypt stored data, and keep .env out of the repository.',
        examples: { positives: ['APP_KEY=base64:<b64:43>='], negatives: ['APP_KEY='] },
    }),
    rule({
        id: 'symfony-app-secret',
        title: 'Symfony APP_SECRET',
        provider: 'Symfony',
        severity: 'medium',
        keywords: ['app_secret'],
        pattern: String.raw `\bAPP_SECRET\s*=\s*["']?([a-f0-9]{32})\b`,
        longLived: true,
        remediation: 'Generate a new APP_SECRET and keep it in .env.local or a secrets vault.',
        examples: { positives: ['APP_SECRET=<hex:32>'], negatives: ['APP_SECRET=<hex:16>'] },
    }),
    rule({
        id: 'nextauth-secret',
        title: 'NextAuth/Auth.js secret',
        provider: 'Auth.js',
        severity: 'high',
        keywords: ['nextauth_secret', 'auth_secret'],
        pattern: String.raw `\b(?:NEXTAUTH_SECRET|AUTH_SECRET)\s*=\s*["']?([A-Za-z0-9+/=_-]{24,128})`,
        entropy: 3.5,
        longLived: true,
        remediation: 'Generate a new secret (npx auth secret) and set it in the deployment environment.',
        examples: { positives: ['NEXTAUTH_SECRET=<alnum:40>'], negatives: ['NEXTAUTH_SECRET=changeme'] },
    }),
    rule({
        id: 'jwt-signing-secret',
        title: 'JWT signing secret in config',
        provider: 'Generic',
        severity: 'high',
        kind: 'generic',
        keywords: ['jwt_secret', 'jwtsecret', 'jwt-secret', 'jwt_key', 'jwt_signing'],
        pattern: String.raw `(?i)jwt[_-]?(?:secret|key|signing[_-]?key)${ASSIGNMENT}([^"'\s]{12,256})`,
        entropy: 3,
        longLived: true,
        remediation: 'Rotate the signing secret (existing tokens become invalid) and load it from a secret store.',
        examples: { positives: ['  jwt_secret: "<alnum:32>"'], negatives: ['  jwt_secret: "${JWT_SECRET}"'] },
    }),
];

;// CONCATENATED MODULE: ./src/rules/values/key-names.ts
/**
 * Names ending in `key` (`SIGNING_KEY`, `stripeKey`, `app.encryption-key`): most hold a credential, yet databases,
 * UIs, caches and i18n call many other things keys. These judge the name, so a broad `*_KEY` rule reports only names
 * of secrets.
 */
/** Words that, just before `key`, make it a key of something other than a credential, or a public one. */
const NOT_SECRET_QUALIFIERS = new Set([
    // public halves and identifiers
    'public pub publishable site host known verify verification kms id',
    // database and data-structure keys
    'primary foreign sort partition range hash cache lookup storage local map dict object row column col table index unique composite natural surrogate group redis bucket file path prefix parent child node',
    // UI, i18n and framework keys
    'translation i18n l10n message msg label title text locale lang language route query context injection provide symbol event state config settings setting option field prop property attr attribute data value item list element component',
    // request bookkeeping and keyboard keys
    'idempotency dedup deduplication correlation request trace cursor page pagination next continuation shortcut hot keyboard press meta alt ctrl control shift mod music',
].join(' ').split(' '));
/** Words anywhere in the name that make its value a digest or a public value, not a key. */
const NOT_SECRET_WORDS = new Set(['hash', 'digest', 'checksum', 'sha', 'sha1', 'sha256', 'sha512', 'md5', 'fingerprint', 'integrity', 'public', 'pub', 'i18n']);
/** The name's words, lower-cased: `awsSigningKey` and `AWS_SIGNING_KEY` are both `aws signing key`. */
function key_names_nameWords(name) {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((word) => word.toLowerCase());
}
/** The last name in the text before a value (`  "signingKey": "` -> `signingKey`). */
function lastName(lead) {
    const names = lead.match(/[A-Za-z0-9_.-]+/g) ?? [];
    return [...names].reverse().find((name) => /key/i.test(name)) ?? '';
}
/**
 * True when the name before a value names a secret key: it ends in `key` or `keys` with a qualifier before it that is
 * not a public, data, UI or bookkeeping word, and nothing in it says digest or public.
 */
function isSecretKeyName(lead) {
    const words = key_names_nameWords(lastName(lead));
    if (words.length < 2 || !/^keys?$/.test(words.at(-1)))
        return false;
    if (words.some((word) => NOT_SECRET_WORDS.has(word)))
        return false;
    return !NOT_SECRET_QUALIFIERS.has(words.at(-2));
}

;// CONCATENATED MODULE: ./src/rules/catalogue/generic.ts




const generic_REMEDIATION = 'If this is a real credential, revoke it at its issuer and load it from a secret store or the environment; if it is test data, add `keyward:allow` to the line.';
/** A default after an environment lookup: `process.env.API_KEY || "..."`, `?? "..."`. */
const FALLBACK = String.raw `(?:process\.env\.[A-Za-z0-9_]{1,60}\s*(?:\|\||\?\?)\s*)?`;
/** Go's typed declaration after the name: `const fastlyKey string = "..."`. */
const GO_TYPED_ASSIGN = String.raw `[ \t]string[ \t]*=`;
/**
 * After the name: its closing quote (escaped inside JSON strings, `\\"`), a subscript's `]` (`os.environ["X"] = ...`), the
 * operator.
 */
const ASSIGN = `(?:\\\\?["']\\]?|\\])?\\s*(?:${ASSIGN_OPERATOR}|\\?\\?=|${TYPED_ASSIGN}|${GO_TYPED_ASSIGN})\\s*${FALLBACK}`;
/** The value's opening quote, possibly escaped (`\\"` inside a JSON string such as a notebook cell). */
const OPEN = '\\\\?["\'`]';
/** Words in a field or variable name that say its value is a credential. */
const SECRET_WORDS = 'password|passwd|_pass|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential';
/** Upper-case environment variable names that hold credentials. */
const ENV_NAME = '[A-Z0-9_]*(?:PASSWORD|PASSWD|_PASS|SECRET|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY|AUTH)[A-Z0-9_]*';
/**
 * A quoted value's characters: printable ASCII except quotes and the backslash, which escapes the closing quote inside
 * JSON strings (byte ranges, so both RE2 backends agree on non-ASCII).
 */
const VALUE = String.raw `[!#-&(-\[\]-_a-~]`;
/**
 * Its first character: not `?` (sentinel strings such as `?NoLineTerminatorHere`), and not `$` then a digit, which
 * opens a crypt(3) hash (`$2b$12$...`, `$6$...`), not a secret.
 */
const FIRST = String.raw `(?:[!#%&(->@-\[\]-_a-~]|\$[!#%&(-/:->@-\[\]-_a-~])`;
/** After the name's keyword, only a separated or camel-cased suffix: `password_hash`, `tokenUrl`, not `passport`, `tokenizer`. */
const SUFFIX = String.raw `(?:[_.-][\w-]{0,20}|[A-Z0-9][\w-]{0,20})?`;
/**
 * A name ending in `key` as env, YAML, JSON and code write it: `SIGNING_KEY`, `signing_key`, `app.signing-key`,
 * `signingKey`, `KEYS`; a word before `key` is required (a bare `key` is every map's). Which names hold a secret is
 * judged after the match (isSecretKeyName): `PUBLIC_KEY`, `primaryKey`, `cacheKey` do not.
 */
const KEY_NAME = String.raw `(?:[A-Za-z0-9]{1,30}[_.-]){0,5}[A-Za-z0-9]{0,30}(?:[a-z0-9]Key|[A-Za-z0-9][_.-](?:key|KEY|Key))s?`;
/** A generated key's characters: base64, base64url, hex and the like; 16 at least, so words and short ids stay out. */
const KEY_VALUE = '[A-Za-z0-9+/=_.~-]{16,1000}';
/** A generated key mixes letters and digits; names, modes and words do not. */
const isRandomKey = (value) => /[0-9]/.test(value) && /[A-Za-z]/.test(value);
/**
 * Words joined by separators, each all lower, all upper or capitalised with at most a version number
 * (`Sample-Value-2024`, `app_settings_v2`, `com.acme.Client`): a name. Generated values mix case and digits inside their
 * runs.
 */
const isJoinedWords = (value) => value.split(/[^A-Za-z0-9]+/).filter(Boolean).every((run) => /^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+)[0-9]{0,4}$|^[0-9]{1,4}$/.test(run));
/** A value strong enough to stand without a telling name: 20 characters at least, letters and digits, not a name. */
const isStrongValue = (value) => value.length >= 20 && isRandomKey(value) && !isJoinedWords(value);
/**
 * A name made of a credential word (as gitleaks' generic rule lists them: `key`, `Token`, `SECRET`, `access`, `auth`,
 * `creds`), alone or at the end of a longer name (`bitfinexKey`, `cloudinary_apiSecret`), with the word before it when
 * prose, logs and comments space the name (`API KEY`, `Using Key`, `primary key`): isCredentialWordName judges the
 * whole after the match.
 */
const CREDENTIAL_NAME = String.raw `(?:[A-Za-z0-9_.-]{1,40}[ ])?[A-Za-z0-9_.-]{0,60}(?i:keys?|tokens?|secrets?|access|auth|creds|credentials?)`;
/** The credential word the name must end in, alone or run together with its qualifier (`azureFunctionkey`, `hapikey`). */
const CREDENTIAL_LAST_WORD = /^(?:keys?|tokens?|secrets?|access|auth|creds|credentials?|[a-z]*(?:api|access|secret|private|auth|account|master|signing|encryption|license|client|app|service|function|subscription|session|bot|refresh|bearer)(?:keys?|tokens?|secrets?))$/;
/**
 * A strong value's characters: base64, base64url, hex and the separators tokens carry (`.`, `:`, `~`); it opens with a
 * letter or digit, so a shell default's `:-` and a garbled `=...` stay out.
 */
const STRONG_VALUE = '[A-Za-z0-9][A-Za-z0-9_+/=.~:-]{19,999}';
/** Bookkeeping words before `token`: a pagination cursor or a cancellation handle, not a credential. */
const NOT_SECRET_TOKEN_QUALIFIERS = new Set(['page', 'next', 'prev', 'previous', 'continuation', 'sync', 'cancel', 'cancellation', 'resume', 'cursor', 'csrf', 'xsrf', 'request', 'idempotency', 'push', 'device', 'registration', 'verification', 'invite', 'reset', 'confirmation', 'unsubscribe']);
/**
 * Judges the name before a value matched by a bare credential word (the lead holds only the name and the operator):
 * `key` alone or with a secret's qualifier (`signingKey`, `API KEY`), never `publicKey`, `cacheKey`; `token` but not
 * `nextPageToken`.
 */
function isCredentialWordName(lead) {
    // The name ends where the operator or a type starts: `apiKey: string = `, Go's `key string = `.
    const words = key_names_nameWords(lead.split(/[:=|?]/)[0].replace(/[ \t]string[ \t]*$/, ''));
    const last = words.at(-1) ?? '';
    if (!CREDENTIAL_LAST_WORD.test(last))
        return false;
    if (/^keys?$/.test(last))
        return words.length < 2 || isSecretKeyName(words.join('_'));
    if (/^tokens?$/.test(last))
        return !NOT_SECRET_TOKEN_QUALIFIERS.has(words.at(-2) ?? '');
    return true;
}
const genericRules = [
    rule({
        id: 'generic-password-assignment',
        title: 'Hardcoded password',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['password', 'passwd', 'pwd', 'pass'],
        pattern: `[\\w.-]{0,30}(?i:password|passwd|pwd|pass)${SUFFIX}${ASSIGN}${OPEN}(${FIRST}${VALUE}{7,127})\\\\?["'\`]`,
        entropy: 2.8,
        longLived: false,
        remediation: generic_REMEDIATION,
        examples: {
            positives: ['const dbPassword = "<alnum:16>#7";', 'const ADMIN_PASS = "<alnum:16>!<alnum:4>";', '  "db_password": "<alnum:15><digit:1>",'],
            negatives: [
                'const dbPassword = "process.env.DB_PASSWORD";',
                '{ "passport-local": "passport-local-strategy" }',
                'const compassionateMessage = "thanks for your patience";',
                'const adminPasswordHash = "$2b$12$<crypt:53>";',
                '  password_hash: "$6$<alnum:16>$<crypt:86>"',
                'const dbPassword = "os.environ[DB_PASSWORD]";',
                'const dbPassword = "password";',
                'const dbPassword = "********";',
                'const passwordField = "password";',
            ],
        },
    }),
    rule({
        id: 'generic-secret-assignment',
        title: 'Hardcoded secret, token or API key',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['secret', 'token', 'api_key', 'apikey', 'api-key', 'access_key', 'accesskey', 'auth_key', 'private_key', 'credential', 'client_secret'],
        pattern: `[\\w.-]{0,30}(?i:secret|token|api[_-]?key|access[_-]?key|auth[_-]?key|private[_-]?key|credential)(?i:s)?${SUFFIX}${ASSIGN}${OPEN}(${FIRST}${VALUE}{11,1000})\\\\?["'\`]`,
        entropy: 3.2,
        longLived: false,
        remediation: generic_REMEDIATION,
        examples: {
            positives: [
                'const clientSecret = "<alnum:27><digit:1>";',
                'const apiToken = "<alnum:31><digit:1>";',
                "client_secret = '<alnum:39><digit:1>'",
                '  "WEBHOOK_SECRET": "<alnum:31><digit:1>",',
                'os.environ["API_TOKEN"] = "<alnum:32>"',
                // The same line inside a notebook cell's JSON string.
                String.raw `"os.environ[\"API_TOKEN\"] = \"<alnum:32>\"\n",`,
                'const API_TOKEN: &str = "<alnum:32>";',
                "private readonly apiKey: string = '<alnum:32>';",
                "const apiToken = process.env.API_TOKEN || '<alnum:32>';",
            ],
            negatives: [
                'const clientSecret = "getClientSecretFromVault";',
                'const slackBotToken = "xoxb-1234-abcdEFGH";',
                'const stripeKey = "sk_live_Ab3dE";',
                'const sentryDsnToken = "https://<hex:32>@o12345.ingest.sentry.io/678";',
                'const lastSignificantToken = "?InterpolationInTemplate";',
                'const tokenizerMode = "whitespace-greedy-v2";',
                '"expected_token_here": "分析器预期在此处找到与标记匹配的内容分析器预期"',
                'const clientSecret = "${{ secrets.CLIENT_SECRET }}";',
                'const apiToken = "<your-api-token>";',
                'const tokenUrl = "https://oauth2.googleapis.com/token";',
            ],
        },
    }),
    rule({
        id: 'generic-env-secret',
        title: 'Secret in an environment file or shell export',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['password', 'passwd', '_pass', 'secret', 'token', 'api_key', 'apikey', 'access_key', 'private_key', 'auth'],
        // Upper-case names only: that is how environment variables are written, and it keeps `nextToken = ...` out.
        // `ENV NAME value` is the Dockerfile's legacy form (no `=`); `_PASS` is RabbitMQ's and others' spelling.
        pattern: `(?m)^[ \\t]*(?:(?:(?:export|set|SET|ENV|ARG)[ \\t]+)?${ENV_NAME}[ \\t]*=|ENV[ \\t]+${ENV_NAME}[ \\t])[ \\t]*([^\\s"'#\`$]{8,256})[ \\t]*(?:#[^\\r\\n]*)?\\r?$`,
        entropy: 3,
        longLived: false,
        remediation: generic_REMEDIATION,
        skipSyntax: ['code'],
        examples: {
            positives: ['PAYMENTS_API_KEY=<alnum:30>', 'export DEPLOY_TOKEN=<alnum:32>', 'ENV SENTRY_AUTH_TOKEN=<alnum:40>', 'API_TOKEN=<alnum:30>\r\nPORT=8080\r\n', 'ENV SENTRY_AUTH_TOKEN <alnum:40>', 'RABBITMQ_DEFAULT_PASS=<alnum:20>'],
            negatives: [
                'PAYMENTS_API_KEY=${PAYMENTS_API_KEY}',
                'nextToken = tokenizer.getToken()',
                'export ADMIN_PASSWORD=$(cat /run/secrets/admin)',
                'API_TOKEN=$API_TOKEN',
                'TOKEN_EXPIRY_SECONDS=3600',
                'API_KEY=your_api_key_here',
                'DB_PASSWORD=ENC[AES256_GCM,data:<b64:24>=,iv:<b64:43>=,tag:<b64:22>==,type:str]',
                'GITHUB_TOKEN_SCOPES=repo,read:org,workflow',
                'API_KEY_HEADER=XSRF-TOKEN',
            ],
            path: 'deploy/.env.production',
        },
    }),
    rule({
        id: 'generic-yaml-secret',
        title: 'Secret value in YAML or properties',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['password', 'passwd', '_pass', 'secret', 'token', 'api_key', 'apikey', 'api-key'],
        pattern: '(?im)^[ \\t-]*[\\w.-]{0,30}(?:password|passwd|_pass\\b|secret|token|api[_-]?key)[\\w.-]{0,20}[ \\t]*(?:[:=][ \\t]+|=)([^\\s"\'#{}\\[\\],&*!|>`$%@][^\\s"\'`]{7,255})[ \\t]*(?:[ \\t]#[^\\r\\n]*)?\\r?$',
        entropy: 3,
        longLived: false,
        remediation: generic_REMEDIATION,
        skipSyntax: ['code'],
        examples: {
            positives: ['database:\n  password: <alnum:16>x9Q\n', 'smtp.password=<alnum:16>#<alnum:4>', '  api_token: <alnum:24>  # rotated quarterly', 'db:\r\n  password: <alnum:16>x9Q\r\n', '  RABBITMQ_DEFAULT_PASS: <alnum:20>'],
            negatives: ['database:\n  password: ${DB_PASSWORD}\n', '  ADMIN_PASSWORD: {{base64:CHANGE_ME:base64}}', '  aws_access_key_id: AKIA<lowalnum:16>'],
            path: 'config/application.yml',
        },
    }),
    rule({
        id: 'generic-xml-secret',
        title: 'Secret in an XML element',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['password', 'passwd', 'secret', 'token', 'api_key', 'apikey', 'api-key', 'access_key', 'accesskey', 'private_key', 'privatekey', 'credential'],
        // Maven's settings.xml `<password>`, Spring and .NET config elements: `<apiKey>...</apiKey>`.
        pattern: String.raw `(?i)<(?:[\w.-]{0,30}:)?[\w.-]{0,30}(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential)s?[\w.-]{0,20}>([^<>\s]{6,256})</`,
        entropy: 3,
        longLived: false,
        remediation: generic_REMEDIATION,
        examples: {
            positives: ['<connection>\n  <id>releases</id>\n  <username>deployer</username>\n  <password><alnum:18>9q</password>\n</connection>\n', '<appSettings><apiKey><alnum:32></apiKey></appSettings>'],
            negatives: ['<server>\n  <password>${env.MAVEN_PASSWORD}</password>\n</server>\n', '<tokenEndpoint>https://login.example.net/oauth2/token</tokenEndpoint>', '<passwordPolicy>strong</passwordPolicy>'],
            path: 'ci/settings.xml',
        },
    }),
    rule({
        id: 'generic-name-value-secret',
        title: 'Secret in a name/value pair',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['"value"', 'value="'],
        // `{"key": "apiToken", "value": "..."}` (Postman), `{"name": "DB_PASSWORD", "value": "..."}` (ECS task
        // definitions), `<add key="ApiSecret" value="..." />` (.NET config): the name and the value are separate fields.
        pattern: `(?i)(?:"(?:key|name)"\\s*:\\s*"|\\b(?:key|name)=")[\\w.:-]{0,40}(?:${SECRET_WORDS})[\\w.:-]{0,30}"\\s*(?:,\\s*"value"\\s*:\\s*|\\s+value=)"([^"\\s]{8,256})"`,
        entropy: 3,
        longLived: false,
        remediation: generic_REMEDIATION,
        examples: {
            positives: ['{ "key": "apiToken", "value": "<alnum:32>", "enabled": true }', '"environment": [{ "name": "DB_PASSWORD", "value": "<alnum:20>" }]', '<add key="PaymentsApiKey" value="<alnum:32>" />'],
            negatives: ['{ "key": "apiToken", "value": "{{apiToken}}", "enabled": true }', '{ "name": "TOKEN_TTL", "value": "3600" }', '<add key="ApiKeyHeader" value="X-Api-Key" />'],
            path: 'postman/env.postman_environment.json',
        },
    }),
    rule({
        id: 'kubernetes-env-secret',
        title: 'Secret in a Kubernetes container env entry',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['- name:'],
        // `- name: DB_PASSWORD` then `value: "..."` on the next line (container env in Deployments, Jobs, Helm output).
        pattern: `(?m)^[ \\t]*- name:[ \\t]*["']?[A-Za-z0-9_.-]*(?i:${SECRET_WORDS})[A-Za-z0-9_.-]*["']?[ \\t]*\\r?\\n[ \\t]+value:[ \\t]*["']?([^\\s"'#{}\\[\\],&*!|>\`$%@][^\\s"'\`]{7,255})["']?[ \\t]*\\r?$`,
        // A window holds a whole env block: a keyword hit inside an earlier window opens no window of its own.
        multilineWindow: 4096,
        entropy: 3,
        longLived: false,
        remediation: generic_REMEDIATION,
        skipSyntax: ['code'],
        examples: {
            positives: ['        env:\n          - name: DB_PASSWORD\n            value: "<alnum:20>"\n', 'env:\r\n  - name: API_TOKEN\r\n    value: <alnum:32>\r\n'],
            negatives: [
                '        env:\n          - name: DB_PASSWORD\n            valueFrom:\n              secretKeyRef:\n                name: db\n                key: password\n',
                'env:\n  - name: TOKEN_URL\n    value: https://login.example.net/oauth2/token\n',
                'env:\n  - name: DB_PASSWORD\n    value: $(DB_PASSWORD)\n',
            ],
            path: 'k8s/deployment.yaml',
        },
    }),
    // Hex values are what `openssl rand -hex 32` and many providers issue, but the generic rules reject hash-shaped
    // values (digests, commit SHAs). Here the name must end in a credential word (`COOKIE_SECRET`, `appSecretKey`, not
    // `password_hash` or `private_key_id`) and not follow a `/` (Helm's `checksum/secret:` annotation), so the value is a
    // key, not a digest. Specific kind: no hash-shape rejection.
    rule({
        id: 'generic-hex-secret',
        title: 'Hardcoded hex secret or key',
        provider: 'Generic',
        severity: 'medium',
        keywords: ['secret', 'password', 'passwd', 'api_key', 'apikey', 'api-key', 'api_token', 'apitoken', 'access_token', 'accesstoken', 'auth_token', 'authtoken', 'private_key', 'privatekey', 'signing_key', 'signingkey', 'encryption_key', 'encryptionkey', 'master_key', 'masterkey', 'session_key', 'sessionkey'],
        pattern: String.raw `(?i)(?:^|[^\w/.-])[\w.-]{0,30}(?:secret|password|passwd|api[_.-]?key|api[_.-]?token|access[_.-]?token|auth[_.-]?token|(?:private|signing|encryption|master|session|secret)[_.-]?key)\\?["']?\s*` + ASSIGN_OPERATOR + '\\s*\\\\?["\'`]?([a-fA-F0-9]{32,128})(?:[^A-Za-z0-9_+/=.-]|$)',
        entropy: 3.3,
        longLived: false,
        remediation: generic_REMEDIATION,
        examples: {
            positives: ['SESSION_SECRET=<hex:64>', 'const cookieSecret = "<hex:64>";', '\t\tCookieSecret: "<hex:64>",', '  client_secret: "<hex:32>"'],
            negatives: ['SESSION_SECRET_SHA256=<hex:64>', '  password_hash: "<hex:64>"', '{ "private_key_id": "<hex:40>" }', '  checksum/secret: <hex:64>', 'API_KEY=0123456789abcdef0123456789abcdef'],
        },
    }),
    rule({
        id: 'generic-define-secret',
        title: 'Hardcoded secret in a C/C++ #define',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['#define'],
        // Macro names are upper case and end in the credential word (`WIFI_PASSWORD`, `MQTT_API_KEY`), unlike OpenSSL's
        // object names (`SN_id_PasswordBasedMAC`, `LN_pbe_WithSHA1And3_Key_TripleDES_CBC`).
        pattern: `#define[ \\t]+[A-Z0-9_]*(?:PASSWORD|PASSWD|_PASS|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH_?KEY|SECRET_?KEY|CREDENTIALS?)[ \\t]+"(${FIRST}${VALUE}{7,255})"`,
        entropy: 3,
        longLived: false,
        remediation: generic_REMEDIATION,
        examples: {
            positives: ['#define WIFI_PASSWORD "<alnum:14>7q"', '#define MQTT_API_KEY "<alnum:32>"'],
            negatives: ['#define PASSWORD_MAX_LEN 64', '#define TOKEN_HEADER "X-Auth-Token"'],
            path: 'firmware/include/secrets.h',
        },
    }),
    rule({
        id: 'sql-password',
        title: 'Password in a SQL CREATE/ALTER USER statement',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['password', 'identified by'],
        pattern: "(?i)\\b(?:with\\s+(?:encrypted\\s+)?password|identified\\s+by)\\s+'([^'\\s]{6,128})'",
        entropy: 2.8,
        longLived: false,
        remediation: generic_REMEDIATION,
        examples: {
            positives: ["CREATE USER reporting WITH PASSWORD '<alnum:18>';", "ALTER USER etl IDENTIFIED BY '<alnum:16>';"],
            negatives: ["CREATE USER reporting WITH PASSWORD '%(reporting_password)s';", "ALTER USER etl IDENTIFIED BY '${ETL_PASSWORD}';", 'CREATE TABLE users (id serial, password_hash text);'],
            path: 'db/migrations/0042_roles.sql',
        },
    }),
    rule({
        id: 'generic-argument-secret',
        title: 'Hardcoded secret passed with its name',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['password', 'passwd', 'secret', 'token', 'api_key', 'apikey', 'api-key', 'access_key', 'private_key', 'credential'],
        // `define('DB_PASSWORD', '...')`, `os.getenv("API_TOKEN", "...")`, `ENV.fetch('X_SECRET', '...')`,
        // `props.put("twilio.auth.token", "...")`: a quoted name, then the value as the next argument. The credential word
        // starts the name or follows a separator, so word lists (`"Bypass", "-EncodedCommand"`) stay out.
        pattern: `(?i)["'](?:[A-Za-z0-9]+[_.-])*(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)(?:[_.-][A-Za-z0-9]+)*["']\\s*,\\s*["'](${FIRST}${VALUE}{7,255})["']`,
        entropy: 3,
        longLived: false,
        remediation: generic_REMEDIATION,
        examples: {
            positives: ["define( 'DB_PASSWORD', '<alnum:18>7q' );", 'token = os.getenv("API_TOKEN", "<alnum:32>")', 'props.put("twilio.auth.token", "<alnum:32>");'],
            negatives: ["define( 'DB_PASSWORD', getenv('WORDPRESS_DB_PASSWORD') );", 'Start-Process powershell -ArgumentList "-ExecutionPolicy", "Bypass", "-EncodedCommand"', 'const labels = ["password", "password_confirmation"];'],
            path: 'wp-config.php',
        },
    }),
    rule({
        id: 'cli-password-argument',
        title: 'Password on a command line',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['sshpass', 'mysql', 'docker login', '--password', 'convertto-securestring', 'auth=(', 'httpbasicauth(', 'curl', '--set'],
        // `helm --set db.password=...`, `curl -u user:...`, `sshpass -p`, `mysql -p'...'` (no space: with one, mysql prompts), `docker login -p`, `--password=`,
        // PowerShell's `ConvertTo-SecureString "..." -AsPlainText`, Python's `auth=("user", "...")` and `HTTPBasicAuth(...)`.
        pattern: `(?i)(?:\\s--set(?:-string)?[ =][\\w.-]{0,60}(?:password|passwd|secret|token|api[_-]?key|access[_-]?key)[\\w.-]{0,30}=|\\bcurl\\b[^\\n]{0,200}?\\s(?:-u|--user)\\s*["']?[^:\\s"'$]{1,64}:|\\bsshpass\\s+-p\\s*|\\bmysql(?:dump|admin)?\\b[^\\n]{0,200}?\\s-p|\\bdocker\\s+login\\b[^\\n]{0,200}?\\s-p\\s+|\\s--password[= ]|\\bConvertTo-SecureString\\s+(?:-String\\s+)?|\\b(?:auth\\s*=\\s*\\(|HTTPBasicAuth\\()\\s*["'][^"'\\n]{1,64}["']\\s*,\\s*)["']?(${FIRST}[^\\s"'\`]{5,127})`,
        entropy: 3,
        longLived: false,
        remediation: generic_REMEDIATION,
        examples: {
            positives: [
                "sshpass -p '<alnum:20>' ssh deploy@10.0.4.2 uptime",
                "mysql -h db.internal -u root -p'<alnum:18>' shop < dump.sql",
                'docker login -u ci -p <alnum:24> registry.acme.io',
                'curl -u admin:<alnum:22> https://jenkins.acme.io/api/json',
                '$secure = ConvertTo-SecureString "<alnum:20>" -AsPlainText -Force',
                'resp = requests.get(url, auth=("svc", "<alnum:20>"))',
                'helm upgrade --install app ./chart --set s3.secretKey=<alnum:40>',
            ],
            negatives: [
                'sshpass -p "$DEPLOY_PASSWORD" ssh deploy@10.0.4.2 uptime',
                'mysql -h db.internal -u root -p shop < dump.sql',
                'curl -u "$USER:$PASSWORD" https://jenkins.acme.io/api/json',
                'docker login -u ci --password-stdin registry.acme.io',
                'helm upgrade app ./chart --set db.password=$DB_PASSWORD --set image.tag=1.4.2',
            ],
            path: 'scripts/restore.sh',
        },
    }),
    rule({
        id: 'libpq-dsn-password',
        title: 'Password in a PostgreSQL key/value connection string',
        provider: 'PostgreSQL',
        severity: 'medium',
        kind: 'generic',
        keywords: ['password='],
        pattern: "(?i)\\bhost=[^\\s'\"]+\\s+(?:[a-z_]+=[^\\s'\"]*\\s+){0,6}password=([^\\s'\"]{6,128})",
        entropy: 3,
        longLived: false,
        remediation: generic_REMEDIATION,
        examples: {
            positives: ['dsn = "host=db.internal port=5432 user=etl password=<alnum:20> sslmode=require"'],
            negatives: ['dsn = f"host={host} port=5432 user=etl password={password}"'],
            path: 'etl/load.py',
        },
    }),
    rule({
        id: 'terraform-state-secret',
        title: 'Secret output or attribute in Terraform state',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['password', 'passwd', 'secret', 'token', 'api_key', 'apikey', 'access_key', 'private_key', 'credential'],
        // `"db_password": {` then `"value": "..."` on the next line: outputs in .tfstate and `terraform output -json`.
        pattern: `(?i)"[\\w.-]{0,40}(?:${SECRET_WORDS})[\\w.-]{0,30}"\\s*:\\s*\\{[ \\t]*\\r?\\n[ \\t]*"value"\\s*:\\s*"([^"\\s]{8,256})"`,
        multilineWindow: 512,
        entropy: 3,
        longLived: false,
        remediation: generic_REMEDIATION,
        examples: {
            positives: ['{\n  "outputs": {\n    "db_password": {\n      "value": "<alnum:20>",\n      "type": "string",\n      "sensitive": true\n    }\n  }\n}\n'],
            negatives: ['{\n  "outputs": {\n    "db_password_secret_arn": {\n      "value": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-Ab12Cd",\n      "type": "string"\n    }\n  }\n}\n'],
            path: 'terraform/prod/terraform.tfstate',
        },
    }),
    rule({
        id: 'authorization-header',
        title: 'Hardcoded Authorization header credential',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['authorization', 'authenticationheadervalue', 'bearer_auth'],
        // Also .NET's `new AuthenticationHeaderValue("Bearer", "...")` and reqwest's `.bearer_auth("...")`.
        pattern: '(?i)(?:\\bauthorization["\']?(?:\\s*[:=,]\\s*|[ \\t]+)["\'`]?(?:bearer|basic|token)\\s+|\\bAuthenticationHeaderValue\\(\\s*"(?:bearer|basic|token)"\\s*,\\s*"|\\.bearer_auth\\(\\s*")([A-Za-z0-9._~+/=-]{16,512})',
        entropy: 3.2,
        longLived: false,
        remediation: generic_REMEDIATION,
        examples: {
            positives: ['curl -H "Authorization: Bearer <alnum:40>" https://api.example.net', "curl -H 'Authorization Bearer <alnum:40>' https://api.example.net"],
            negatives: ['curl -H "Authorization: Bearer $TOKEN" https://api.example.net', 'headers: { Authorization: `Bearer ${token}` }', 'See the Authorization Bearer header section for details'],
        },
    }),
    rule({
        id: 'http-header-credential',
        title: 'Hardcoded credential in an X-*-Key or X-*-Token header',
        provider: 'Generic',
        severity: 'medium',
        keywords: ['x-'],
        // `X-Figma-Token: ...`, `-H "X-Api-Key: ..."`, Go's `req.Header.Set("X-Octopus-ApiKey", "...")`. In a header named
        // for a credential a hex value is the credential, not a digest (specific kind: no hash-shape rejection); the name is
        // judged after the match, so `X-CSRF-Token` and `X-Idempotency-Key` stay out.
        pattern: String.raw `(?i)\bx-[a-z0-9-]{0,40}(?:key|token|secret|auth)["']?(?:[ \t]*[:=][ \t]*|["'][ \t]*,[ \t]*)["']?([A-Za-z0-9._~+/=:-]{16,512})(?:["'\s;,)\\]|$)`,
        entropy: 3,
        validate: (value) => isRandomKey(value) && !isJoinedWords(value),
        // `X-API-Key` itself is api-key-header's.
        validateInMatch: (_secret, name) => !/^x-api[-_]?key\b/i.test(name) && isCredentialWordName(name.replace(/^x-/i, '')),
        longLived: false,
        remediation: generic_REMEDIATION,
        examples: {
            positives: ["curl --header 'X-Acme-Token: <digit:4>-<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>' https://api.example.net/v1/files", 'req.Header.Set("X-Billing-ApiKey", "<hex:32>")', 'X-Auth-Key: <alnum:14><digit:2><alnum:14>'],
            negatives: ['X-API-Key: <alnum:14><digit:2><alnum:14>', 'X-CSRF-Token: <alnum:14><digit:2><alnum:14>', 'req.Header.Set("X-Idempotency-Key", "<hex:32>")', 'curl -H "X-Api-Key: $API_KEY" https://api.example.net', 'X-Api-Key: <lower:24>', 'req.Header.Set("x-api-key", apiKey)'],
        },
    }),
    // After the named generic rules: `SECRET_KEY=...` on the same span is theirs.
    rule({
        id: 'generic-key-assignment',
        title: 'Hardcoded key under a *_KEY name',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['key'],
        pattern: `(?:^|[^A-Za-z0-9_.-])${KEY_NAME}${ASSIGN}${OPEN}(${KEY_VALUE})\\\\?["'\`]`,
        entropy: 3.5,
        validate: isRandomKey,
        validateInMatch: (_secret, name) => isSecretKeyName(name),
        longLived: false,
        remediation: generic_REMEDIATION,
        examples: {
            positives: ['const WEBHOOK_SIGNING_KEY = "<alnum:20><digit:2><alnum:10>";', '  cipherKey: "<alnum:1><b64:19><digit:1><b64:19>"', '{ "appKey": "<alnum:12><digit:2><alnum:12>" }', '\tconst fastlyKey string = "<alnum:12><digit:2><alnum:12>"', "$license_key = '<upalnum:8>-<digit:4>-<upalnum:8>';"],
            negatives: [
                'PUBLIC_KEY = "<b64:20><digit:1><b64:19>"',
                'stripePublishableKey: "<alnum:20><digit:2>"',
                '"primaryKey": "<alnum:12><digit:2><alnum:6>"',
                'const cacheKey = "<hex:20><digit:2><hex:10>";',
                'CONTENT_HASH_KEY = "<alnum:30><digit:2>"',
                '"titleKey": "dashboard.header.title"',
                'sortKey: "createdAt"',
                'const monkey = "<alnum:20><digit:2>";',
                'const key = "<alnum:20><digit:2>";',
                'SIGNING_KEY = "${SIGNING_KEY}"',
                'signingKey: "<alnum:8><digit:2>"',
                'const KEY_ID = "<alnum:20><digit:2>";',
            ],
        },
    }),
    rule({
        id: 'generic-key-config',
        title: 'Key under a *_KEY name in an env or config file',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['key'],
        // Unquoted values: config and env files only, where the right-hand side is a value and not an expression.
        pattern: `(?m)^[ \\t-]*(?:export[ \\t]+)?["']?${KEY_NAME}["']?[ \\t]*(?::[ \\t]+|=[ \\t]*)(${KEY_VALUE})[ \\t]*(?:[ \\t]#[^\\r\\n]*)?\\r?$`,
        entropy: 3.5,
        validate: isRandomKey,
        validateInMatch: (_secret, name) => isSecretKeyName(name),
        longLived: false,
        remediation: generic_REMEDIATION,
        skipSyntax: ['code'],
        examples: {
            positives: ['WEBHOOK_SIGNING_KEY=<alnum:20><digit:2><alnum:10>', 'export CIPHER_KEY=<alnum:1><b64:19><digit:1><b64:19>', '  webhook-key: <word:20><digit:2><alnum:4>', 'app.master.keys: <alnum:14><digit:2><alnum:14>'],
            negatives: ['PUBLIC_KEY=<b64:20><digit:1><b64:19>', 'FOREIGN_KEY=user_id', 'RECAPTCHA_SITE_KEY=<alnum:30><digit:2>', 'SIGNING_KEY=', 'SIGNING_KEY=${SIGNING_KEY}', 'KEY_NAME=<alnum:20><digit:2>', 'CIPHER_KEY=<lower:24>', 'idempotency-key: <alnum:20><digit:2>'],
            path: 'config/app.env',
        },
    }),
    // After the named rules, and generic: a bare credential word (`key`, `Token`, `access`, `auth`, `API KEY`) says little,
    // so the value must say the rest (isStrongValue: 20 characters or more, letters and digits, not joined words).
    rule({
        id: 'generic-credential-word',
        title: 'Hardcoded value under a bare credential word',
        provider: 'Generic',
        severity: 'medium',
        kind: 'generic',
        keywords: ['key', 'token', 'secret', 'access', 'auth', 'creds', 'credential'],
        pattern: `(?:^|[^A-Za-z0-9_.-])${CREDENTIAL_NAME}${ASSIGN}${OPEN}(${STRONG_VALUE})\\\\?["'\`]`,
        entropy: 3.5,
        validate: isStrongValue,
        validateInMatch: (_secret, name) => isCredentialWordName(name),
        longLived: false,
        remediation: generic_REMEDIATION,
        examples: {
            positives: ['\tkey := "<alnum:14><digit:2><alnum:14>"', "var creds string = '<alnum:14><digit:2><alnum:14>'", '  auth: "<alnum:10><digit:2><b64url:20>",', 'creds = "<lowalnum:12><digit:2><lowalnum:12>"'],
            negatives: [
                'const key = "<alnum:10><digit:2>";',
                'key: "dashboard.header.title.label.v2"',
                '  key: "Sample-Settings-Value-2024",',
                'const publicKey = "<alnum:14><digit:2><alnum:14>";',
                'nextPageToken: "<alnum:14><digit:2><alnum:14>"',
                'const monkey = "<alnum:14><digit:2><alnum:14>";',
                'access: "<lower:30>"',
                'key = "${API_KEY_FROM_THE_ENVIRONMENT}"',
            ],
        },
    }),
    // Last, and generic: a named generic rule on the same span is judged first. Kubernetes Secrets' `data:` entries hide
    // the value's own prefix in base64, so this judges what each entry decodes to, whatever the key is called.
    rule({
        id: 'kubernetes-secret-data-entry',
        title: 'Kubernetes Secret data entry',
        provider: 'Kubernetes',
        severity: 'high',
        kind: 'generic',
        keywords: ['kind: secret'],
        pattern: String.raw `(?m)^[ \t]+[A-Za-z0-9._-]+:[ \t]*["']?([A-Za-z0-9+/]{12,1000}={0,2})["']?[ \t]*\r?$`,
        multilineWindow: 4096,
        entropy: 2.5,
        validate: isEncodedSecretEntry,
        longLived: false,
        remediation: 'Rotate what the Secret holds, then manage it with External Secrets, Sealed Secrets or SOPS instead of committing plain manifests.',
        examples: {
            positives: [
                'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  username: {{base64:svc-app:base64}}\n  webhook: {{base64:https://hooks.acme-mail.net/in/<alnum:32>:base64}}\n',
                'kind: Secret\r\ndata:\r\n  mode: {{base64:production:base64}}\r\n  DATABASE_URL: {{base64:postgres://app:<alnum:20>@db.internal:5432/app:base64}}\r\n',
            ],
            negatives: [
                'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  username: {{base64:svc-app:base64}}\n  password: {{base64:CHANGE_ME:base64}}\n',
                'kind: Secret\ndata:\n  mode: {{base64:production:base64}}\n  commit: {{base64:<hex:40>:base64}}\n',
            ],
            path: 'k8s/secret.yaml',
        },
    }),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/hashes.ts

const SALT = String.raw `[./A-Za-z0-9]`;
/**
 * Password hashes in their full crypt(3) / hashcat layouts: bcrypt, md5-crypt, sha256/sha512-crypt, Cisco type 8 and
 * 9, and Kerberos AS-REP / TGS-REP replies. Each is a password waiting to be cracked offline, weak ones in seconds.
 */
const PASSWORD_HASH = [
    String.raw `\$2[abxy]\$\d{2}\$${SALT}{53}`,
    String.raw `\$1\$${SALT}{1,8}\$${SALT}{22}`,
    String.raw `\$5\$(?:rounds=\d{1,9}\$)?${SALT}{1,16}\$${SALT}{43}`,
    String.raw `\$6\$(?:rounds=\d{1,9}\$)?${SALT}{1,16}\$${SALT}{86}`,
    String.raw `\$[89]\$${SALT}{14}\$${SALT}{43}`,
    String.raw `\$krb5asrep\$(?:17|18|23)\$(?:[^$:\s]{1,128}:)?[a-f0-9]{24,32}\$[a-f0-9]{64}[a-f0-9]*`,
    String.raw `\$krb5tgs\$(?:17|18|23)\$\*[^*\s]{1,256}\*\$[a-f0-9]{24,32}\$[a-f0-9]{64}[a-f0-9]*`,
].join('|');
/**
 * A hash shown as a REPL's or a document's output (`=> "$2a$04$..."`, `# => ...`) illustrates a library; the same
 * hash in a value, a list or a file of its own was stored from a real password.
 */
function storedHash(_hash, before) {
    if (/=>\s*["']?$/.test(before))
        return false;
    // A shadow file's line is shadow-password-hash's finding.
    if (/^[a-z_][a-z0-9_.-]{0,31}:$/.test(before))
        return false;
    return !/^\s*(?:#|\/\/|\/?\*|--|;)/.test(before);
}
const hashRules = [
    rule({
        id: 'password-hash',
        title: 'Password hash (bcrypt, crypt(3), Cisco type 8/9, Kerberos AS-REP/TGS-REP)',
        provider: 'Password hashes',
        severity: 'medium',
        keywords: ['$2a$', '$2b$', '$2x$', '$2y$', '$1$', '$5$', '$6$', '$8$', '$9$', '$krb5asrep$', '$krb5tgs$'],
        pattern: String.raw `(?m)^[^\n]{0,200}?(?:^|[^A-Za-z0-9./$])(${PASSWORD_HASH})(?:[^./A-Za-z0-9$]|$)`,
        // The hash's own layout is strict; filler (`$2y$10$aaaaaaaa...`) is left out.
        storeValue: true,
        validate: (value) => !/(.)\1{7,}/.test(value),
        validateInMatch: (value, before) => storedHash(value, before),
        longLived: false,
        remediation: 'Change the password behind the hash (and force resets for every account in the list): hashes crack offline, weak passwords first. Then remove it from the repository.',
        examples: {
            positives: [
                '$2a$12$<[./A-Za-z0-9]:53>',
                'admin_hash: "$2b$10$<[./A-Za-z0-9]:53>"',
                '$1$<[./A-Za-z0-9]:8>$<[./A-Za-z0-9]:22>',
                '$5$rounds=5000$<[./A-Za-z0-9]:16>$<[./A-Za-z0-9]:43>',
                "ops = '$6$<[./A-Za-z0-9]:8>$<[./A-Za-z0-9]:86>'",
                'enable secret 8 $8$<[./A-Za-z0-9]:14>$<[./A-Za-z0-9]:43>',
                '$krb5asrep$23$<lower:5>@<lower:6>.local:<hex:32>$<hex:120>',
                '$krb5tgs$23$*svc_sql$CORP.LOCAL$MSSQLSvc/db01*$<hex:32>$<hex:200>',
            ],
            negatives: [
                '$2y$12$aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
                '$2a$12$<[./A-Za-z0-9]:30>',
                '    user.password_digest # => "$2a$04$<[./A-Za-z0-9]:53>"',
                '=> "$2a$04$<[./A-Za-z0-9]:53>"',
                '# format: $6$<[./A-Za-z0-9]:8>$<[./A-Za-z0-9]:86>',
                'price: $1$<digit:4>',
            ],
        },
    }),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/hosting.ts


/** Clouds beyond the big three, hosting, CDN, DNS, object storage and data platforms. */
const hostingRules = [
    named('alibaba-access-key-secret', 'Alibaba Cloud AccessKey secret', 'Alibaba Cloud', ['alibaba', 'aliyun', 'alicloud', 'oss_access_key_secret'], '<alnum:30>', 'https://ram.console.aliyun.com/manage/ak', { severity: 'critical' }),
    named('tencent-secret-key', 'Tencent Cloud SecretKey', 'Tencent Cloud', ['tencent', 'tencentcloud', 'qcloud', 'cos_secret'], '<alnum:32>', 'https://console.cloud.tencent.com/cam/capi', { severity: 'critical' }),
    named('huawei-cloud-secret-key', 'Huawei Cloud secret access key', 'Huawei Cloud', ['huawei', 'huaweicloud', 'hwcloud', 'obs_secret'], '<alnum:40>', 'https://console.huaweicloud.com/iam/#/mine/accessKey', { severity: 'critical' }),
    named('baidu-cloud-secret-key', 'Baidu AI Cloud secret key', 'Baidu AI Cloud', ['baidu', 'bce_secret', 'bce_sk'], '<hex:32>', 'https://console.bce.baidu.com/iam/#/iam/accesslist'),
    prefixed('volcengine-access-key-id', 'Volcengine (ByteDance) access key ID', 'Volcengine', 'AKLT<word:40-60>', 'https://console.volcengine.com/iam/keymanage/', { severity: 'medium' }),
    named('volcengine-secret-key', 'Volcengine secret access key', 'Volcengine', ['volcengine', 'volc_'], '<b64:56-64>', 'https://console.volcengine.com/iam/keymanage/', { severity: 'critical' }),
    named('ksyun-secret-key', 'Kingsoft Cloud secret key', 'Kingsoft Cloud', ['ksyun', 'kingsoft'], '<alnum:40-48>', 'https://uc.console.ksyun.com/'),
    named('ucloud-private-key', 'UCloud API private key', 'UCloud', ['ucloud'], '<alnum:40>', 'https://console.ucloud.cn/uapi/apikey'),
    named('qiniu-secret-key', 'Qiniu secret key', 'Qiniu', ['qiniu'], '<word:40>', 'https://portal.qiniu.com/user/key'),
    named('naver-cloud-secret-key', 'NAVER Cloud secret key', 'NAVER Cloud', ['ncloud', 'naver_cloud', 'navercloud'], '<alnum:40>', 'https://www.ncloud.com/mypage/manage/authkey'),
    named('ibm-cos-hmac-secret', 'IBM Cloud Object Storage HMAC secret', 'IBM Cloud', ['cos_hmac', 'ibm_cos', 'ibmcos'], '<hex:48>', 'https://cloud.ibm.com/objectstorage'),
    prefixed('digitalocean-spaces-key-id', 'DigitalOcean Spaces access key ID', 'DigitalOcean', 'DO00<upalnum:16>', 'https://cloud.digitalocean.com/account/api/spaces', { severity: 'medium' }),
    named('digitalocean-spaces-secret', 'DigitalOcean Spaces secret key', 'DigitalOcean', ['spaces_secret', 'do_spaces', 'spaces_access_secret', 'digitalocean_spaces'], '<b64:43>', 'https://cloud.digitalocean.com/account/api/spaces', { severity: 'critical' }),
    named('vultr-api-key', 'Vultr API key', 'Vultr', ['vultr'], '<upalnum:36>', 'https://my.vultr.com/settings/#settingsapi'),
    named('hetzner-api-token', 'Hetzner Cloud API token', 'Hetzner', ['hetzner', 'hcloud'], '<alnum:64>', 'https://docs.hetzner.com/cloud/api/getting-started/generating-api-token/'),
    named('ovh-application-secret', 'OVHcloud application secret', 'OVHcloud', ['ovh_'], '<alnum:32>', 'https://www.ovh.com/auth/api/createToken'),
    prefixed('scaleway-access-key-id', 'Scaleway access key ID', 'Scaleway', 'SCW<upalnum:17>', 'https://console.scaleway.com/iam/api-keys', { severity: 'medium' }),
    named('upcloud-password', 'UpCloud API password', 'UpCloud', ['upcloud'], '<word:16-64>', 'https://hub.upcloud.com/account/api'),
    named('civo-api-key', 'Civo API key', 'Civo', ['civo'], '<alnum:50>', 'https://dashboard.civo.com/security'),
    prefixed('exoscale-api-key', 'Exoscale API key', 'Exoscale', 'EXO<hex:24>', 'https://portal.exoscale.com/iam/api-keys', { severity: 'medium' }),
    named('exoscale-api-secret', 'Exoscale API secret', 'Exoscale', ['exoscale'], '<word:43>', 'https://portal.exoscale.com/iam/api-keys', { severity: 'critical' }),
    named('equinix-metal-token', 'Equinix Metal API token', 'Equinix', ['equinix', 'packet_auth_token', 'metal_auth_token'], '<alnum:32>', 'https://console.equinix.com/profile/api-keys'),
    named('openstack-password', 'OpenStack application credential secret', 'OpenStack', ['os_application_credential_secret', 'os_password'], '<word:16-86>', 'https://docs.openstack.org/keystone/latest/user/application_credentials.html', { bare: true }),
    prefixed('backblaze-application-key', 'Backblaze B2 application key', 'Backblaze', 'K00<digit:1><alnum:27>', 'https://secure.backblaze.com/app_keys.htm'),
    named('wasabi-secret-key', 'Wasabi secret access key', 'Wasabi', ['wasabi'], '<alnum:40>', 'https://console.wasabisys.com/access_keys', { severity: 'critical' }),
    named('cloudflare-r2-secret', 'Cloudflare R2 secret access key', 'Cloudflare', ['r2_secret', 'r2_access_key_secret', 'cloudflare_r2'], '<hex:64>', 'https://dash.cloudflare.com/?to=/:account/r2/api-tokens', { severity: 'critical' }),
    named('minio-secret-key', 'MinIO secret key', 'MinIO', ['minio_secret', 'minio_root_password', 'minio_secret_key'], '<word:16-64>', 'https://min.io/docs/minio/linux/administration/identity-access-management.html', { bare: true }),
    named('storj-access-grant', 'Storj access grant', 'Storj', ['storj'], '1<alnum:100-1000>', 'https://storj.io/'),
    named('filebase-secret', 'Filebase secret key', 'Filebase', ['filebase'], '<alnum:40>', 'https://console.filebase.com/keys'),
    named('pinata-jwt', 'Pinata API secret', 'Pinata', ['pinata'], '<lowalnum:64>', 'https://app.pinata.cloud/developers/api-keys'),
    named('web3-storage-token', 'web3.storage / NFT.Storage API token', 'Storacha', ['web3_storage', 'web3storage', 'nft_storage', 'nftstorage'], 'eyJ<b64url:10-500>.eyJ<b64url:10-1000>.<b64url:16-500>', 'https://console.storacha.network/'),
    prefixed('cloudinary-url', 'Cloudinary URL with API secret', 'Cloudinary', 'cloudinary://<digit:15>:<word:27>@', 'https://console.cloudinary.com/settings/api-keys'),
    named('cloudinary-api-secret', 'Cloudinary API secret', 'Cloudinary', ['cloudinary'], '<word:27>', 'https://console.cloudinary.com/settings/api-keys'),
    named('imagekit-private-key', 'ImageKit private key', 'ImageKit', ['imagekit'], 'private_<word:28>=', 'https://imagekit.io/dashboard/developer/api-keys'),
    named('uploadcare-secret-key', 'Uploadcare secret key', 'Uploadcare', ['uploadcare'], '<lowalnum:20>', 'https://app.uploadcare.com/'),
    named('filestack-secret', 'Filestack app secret', 'Filestack', ['filestack'], '<upalnum:26>', 'https://dev.filestack.com/'),
    named('mux-token-secret', 'Mux access token secret', 'Mux', ['mux_token_secret', 'mux_secret'], '<b64:75>', 'https://dashboard.mux.com/settings/access-tokens', { bare: true }),
    named('bunny-api-key', 'bunny.net API key', 'bunny.net', ['bunny', 'bunnycdn'], UUID, 'https://dash.bunny.net/account/settings'),
    named('keycdn-api-key', 'KeyCDN API key', 'KeyCDN', ['keycdn'], '<alnum:32>', 'https://app.keycdn.com/users/authSettings'),
    prefixed('akamai-client-token', 'Akamai EdgeGrid client or access token', 'Akamai', 'akab-<lowalnum:16>-<lowalnum:16>', 'https://control.akamai.com/apps/identity-management/'),
    named('akamai-client-secret', 'Akamai EdgeGrid client secret', 'Akamai', ['akamai', 'edgegrid', 'client_secret = '], '<b64:43>=', 'https://control.akamai.com/apps/identity-management/', { severity: 'critical' }),
    named('imperva-api-key', 'Imperva API key', 'Imperva', ['imperva', 'incapsula'], UUID, 'https://management.service.imperva.com/'),
    named('sucuri-api-key', 'Sucuri API secret', 'Sucuri', ['sucuri'], '<hex:32>', 'https://dashboard.sucuri.net/'),
    named('stackpath-client-secret', 'StackPath client secret', 'StackPath', ['stackpath'], '<hex:64>', 'https://control.stackpath.com/api-management'),
    named('gcore-api-token', 'Gcore permanent API token', 'Gcore', ['gcore', 'gcorelabs'], '<digit:3-6>$<hex:128>', 'https://accounts.gcore.com/profile/api-tokens'),
    prefixed('porkbun-api-key', 'Porkbun API key', 'Porkbun', 'pk1_<hex:64>', 'https://porkbun.com/account/api', { severity: 'medium' }),
    prefixed('porkbun-secret-key', 'Porkbun secret API key', 'Porkbun', 'sk1_<hex:64>', 'https://porkbun.com/account/api'),
    named('godaddy-api-secret', 'GoDaddy API secret', 'GoDaddy', ['godaddy'], '<alnum:22>', 'https://developer.godaddy.com/keys'),
    named('namecheap-api-key', 'Namecheap API key', 'Namecheap', ['namecheap'], '<hex:32>', 'https://ap.www.namecheap.com/settings/tools/apiaccess/'),
    named('gandi-api-key', 'Gandi API key or PAT', 'Gandi', ['gandi'], '<alnum:24-40>', 'https://account.gandi.net/'),
    prefixed('dnsimple-token', 'DNSimple API token', 'DNSimple', 'dnsimple_<[au]:1>_<alnum:32>', 'https://dnsimple.com/user'),
    named('ns1-api-key', 'NS1 API key', 'IBM NS1', ['ns1_', 'nsone'], '<alnum:20>', 'https://my.nsone.net/#/account/settings'),
    named('dnsmadeeasy-secret', 'DNS Made Easy secret key', 'DNS Made Easy', ['dnsmadeeasy', 'dme_secret'], UUID, 'https://cp.dnsmadeeasy.com/'),
    named('linode-object-storage-secret', 'Akamai (Linode) Object Storage secret key', 'Akamai Linode', ['linode_obj', 'linode_s3'], '<alnum:40>', 'https://cloud.linode.com/object-storage/access-keys', { severity: 'critical' }),
    named('netlify-build-hook', 'Netlify build hook URL', 'Netlify', ['netlify'], 'https://api.netlify.com/build_hooks/<hex:24>', 'https://docs.netlify.com/build/configure-builds/build-hooks/', { severity: 'low' }),
    prefixed('vercel-deploy-hook', 'Vercel deploy hook URL', 'Vercel', 'https://api.vercel.com/v1/integrations/deploy/prj_<alnum:28>/<alnum:10>', 'https://vercel.com/docs/deployments/deploy-hooks', { severity: 'low' }),
    named('vercel-blob-token', 'Vercel Blob read-write token', 'Vercel', ['blob_read_write_token'], 'vercel_blob_rw_<alnum:16>_<alnum:30>', 'https://vercel.com/dashboard/stores', { bare: true }),
    prefixed('vercel-blob-rw-token', 'Vercel Blob read-write token', 'Vercel', 'vercel_blob_rw_<alnum:16>_<alnum:30>', 'https://vercel.com/dashboard/stores'),
    named('firebase-database-secret', 'Firebase Realtime Database legacy secret', 'Firebase', ['firebase'], '<alnum:40>', 'https://firebase.google.com/docs/database/rest/auth'),
    prefixed('firebase-cloud-messaging-key', 'Firebase Cloud Messaging legacy server key', 'Firebase', 'AAAA<word:7>:APA91b<word:134>', 'https://console.firebase.google.com/', { keywords: [':apa91b'] }),
    named('upstash-redis-token', 'Upstash Redis REST token', 'Upstash', ['upstash'], 'A<word:50-100>=', 'https://console.upstash.com/'),
    named('redis-cloud-api-key', 'Redis Cloud API secret key', 'Redis', ['redislabs', 'redis_cloud', 'rediscloud'], '<alnum:50-60>', 'https://app.redislabs.com/#/access-management/api-keys'),
    named('aiven-token', 'Aiven authentication token', 'Aiven', ['aiven'], '<b64:372>', 'https://console.aiven.io/profile/tokens'),
    named('confluent-api-secret', 'Confluent Cloud API secret', 'Confluent', ['confluent', 'sasl_password', 'kafka_api_secret'], '<b64:64>', 'https://confluent.cloud/settings/api-keys', { severity: 'critical' }),
    prefixed('cockroachdb-api-key', 'CockroachDB Cloud API key', 'Cockroach Labs', 'CCDB1_<alnum:22>_<alnum:39>', 'https://cockroachlabs.cloud/access'),
    prefixed('mongodb-atlas-service-account-secret', 'MongoDB Atlas service account client secret', 'MongoDB Atlas', 'mdb_sa_sk_<word:40-64>', 'https://cloud.mongodb.com/v2#/org/access/serviceAccounts', { severity: 'critical' }),
    named('mongodb-atlas-private-key', 'MongoDB Atlas API private key', 'MongoDB Atlas', ['atlas_private_key', 'mongodb_atlas_private', 'atlas_api_private', 'mongodbatlas_private'], UUID, 'https://cloud.mongodb.com/v2#/org/access/apiKeys', { bare: true, severity: 'critical' }),
    prefixed('databricks-oauth-secret', 'Databricks service principal OAuth secret', 'Databricks', 'dose<hex:32>', 'https://docs.databricks.com/en/dev-tools/auth/oauth-m2m.html'),
    prefixed('clickhouse-cloud-key-secret', 'ClickHouse Cloud API key secret', 'ClickHouse', '4b1d<alnum:38>', 'https://clickhouse.cloud/'),
    named('snowflake-password', 'Snowflake account password or PAT', 'Snowflake', ['snowflake'], '<word:16-200>', 'https://docs.snowflake.com/en/user-guide/programmatic-access-tokens'),
    named('elastic-cloud-api-key', 'Elastic Cloud / Elasticsearch API key', 'Elastic', ['elastic_api_key', 'elasticsearch_api_key', 'es_api_key', 'elastic_cloud_api_key'], '<b64url:60-100>==', 'https://cloud.elastic.co/account/keys', { bare: true }),
    named('typesense-api-key', 'Typesense admin API key', 'Typesense', ['typesense'], '<alnum:32>', 'https://typesense.org/docs/30.1/api/api-keys.html'),
    named('meilisearch-master-key', 'Meilisearch master or admin key', 'Meilisearch', ['meilisearch', 'meili_master_key'], '<word:32-64>', 'https://www.meilisearch.com/docs/learn/security/basic_security'),
    named('fauna-secret', 'Fauna secret', 'Fauna', ['fauna'], 'fn<word:38>', 'https://dashboard.fauna.com/'),
    named('xata-api-key', 'Xata API key', 'Xata', ['xata'], 'xau_<alnum:32-40>', 'https://app.xata.io/settings'),
    named('turso-auth-token', 'Turso database auth token', 'Turso', ['turso', 'libsql'], 'eyJ<b64url:10-500>.eyJ<b64url:10-1000>.<b64url:16-500>', 'https://docs.turso.tech/cli/db/tokens/invalidate'),
    named('convex-deploy-key', 'Convex deploy key', 'Convex', ['convex_deploy_key'], 'prod:<lowalnum:3-40>|<word:40-200>', 'https://dashboard.convex.dev/', { bare: true }),
    named('appwrite-api-key', 'Appwrite API key', 'Appwrite', ['appwrite'], 'standard_<hex:256>', 'https://appwrite.io/docs/advanced/security/api-keys'),
    named('nhost-admin-secret', 'Nhost admin secret', 'Nhost', ['nhost'], '<word:32-64>', 'https://app.nhost.io/'),
    named('pocketbase-admin-password', 'PocketBase admin password', 'PocketBase', ['pocketbase'], '<word:16-64>', 'https://pocketbase.io/docs/'),
    named('backendless-api-key', 'Backendless API key', 'Backendless', ['backendless'], UUID, 'https://develop.backendless.com/'),
    named('back4app-master-key', 'Back4App / Parse master key', 'Parse', ['parse_master_key', 'x-parse-master-key', 'back4app'], '<alnum:40>', 'https://www.back4app.com/', { bare: true }),
    named('kinsta-api-key', 'Kinsta API key', 'Kinsta', ['kinsta'], '<hex:64>', 'https://my.kinsta.com/company/apiKeys'),
    named('wpengine-api-password', 'WP Engine API password', 'WP Engine', ['wpengine', 'wp_engine'], '<alnum:32>', 'https://my.wpengine.com/api_access'),
    named('pantheon-machine-token', 'Pantheon machine token', 'Pantheon', ['pantheon', 'terminus'], '<word:43>', 'https://dashboard.pantheon.io/'),
    named('platformsh-api-token', 'Upsun (Platform.sh) API token', 'Upsun', ['platformsh', 'platform_sh', 'upsun'], '<word:43>', 'https://console.upsun.com/'),
    named('cpanel-api-token', 'cPanel / WHM API token', 'cPanel', ['cpanel', 'whm_'], '<upalnum:32>', 'https://docs.cpanel.net/'),
    named('plesk-api-key', 'Plesk API key', 'Plesk', ['plesk'], UUID, 'https://docs.plesk.com/'),
    rule({
        id: 'google-chat-webhook-url',
        title: 'Google Chat incoming webhook URL',
        provider: 'Google Chat',
        severity: 'medium',
        keywords: ['chat.googleapis.com/v1/spaces/'],
        pattern: String.raw `(https://chat\.googleapis\.com/v1/spaces/[A-Za-z0-9_-]{11}/messages\?key=AIza[A-Za-z0-9_-]{35}&token=[A-Za-z0-9_-]{43}(?:%3D|=)?)`,
        longLived: true,
        revokeUrl: 'https://developers.google.com/workspace/chat/quickstart/webhooks',
        remediation: 'Delete the webhook in the space (Apps & integrations > Webhooks) and create a new one; keep it in a secret store.',
        examples: {
            positives: ['webhook: "https://chat.googleapis.com/v1/spaces/<word:11>/messages?key=AIza<word:35>&token=<word:43>%3D"'],
            negatives: ['webhook: "https://chat.googleapis.com/v1/spaces/<word:11>/messages?key=AIza<word:35>"', 'webhook: "https://chat.googleapis.com/v1/spaces/<word:11>/messages?key=AIza<word:35>&token=<word:20>"'],
        },
    }),
    prefixed('feishu-webhook-url', 'Feishu / Lark bot webhook URL', 'Feishu', `https://open.feishu.cn/open-apis/bot/v2/hook/${UUID}`, 'https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot', { severity: 'medium' }),
    prefixed('larksuite-webhook-url', 'Lark bot webhook URL', 'Lark', `https://open.larksuite.com/open-apis/bot/v2/hook/${UUID}`, 'https://open.larksuite.com/document/client-docs/bot-v3/add-custom-bot', { severity: 'medium' }),
    prefixed('dingtalk-webhook-url', 'DingTalk robot webhook URL', 'DingTalk', 'https://oapi.dingtalk.com/robot/send?access_token=<hex:64>', 'https://open.dingtalk.com/document/robots/custom-robot-access', { severity: 'medium' }),
    prefixed('wecom-webhook-url', 'WeCom (WeChat Work) robot webhook URL', 'WeCom', `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${UUID}`, 'https://developer.work.weixin.qq.com/document/path/91770', { severity: 'medium' }),
    named('wechat-app-secret', 'WeChat official account AppSecret', 'WeChat', ['wechat', 'weixin', 'wx_app_secret', 'wx_secret'], '<hex:32>', 'https://mp.weixin.qq.com/'),
    named('line-channel-secret', 'LINE channel secret or access token', 'LINE', ['line_channel', 'line_bot', 'linebot'], '<word:32-172>', 'https://developers.line.biz/console/'),
    named('kakao-rest-api-key', 'Kakao REST API / admin key', 'Kakao', ['kakao'], '<hex:32>', 'https://developers.kakao.com/console/app'),
    named('yandex-oauth-token', 'Yandex OAuth token', 'Yandex', ['yandex'], 'y0_<word:55-60>', 'https://oauth.yandex.com/'),
    named('vk-access-token', 'VK access token', 'VK', ['vk_', 'vkontakte'], 'vk1.a.<word:100-300>', 'https://vk.com/apps?act=manage'),
];

;// CONCATENATED MODULE: ./src/rules/validators/jwt.ts

function decodePart(part) {
    try {
        const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
        return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** The token every JWT tutorial copies from jwt.io. */
function isDocumentationExample(payload) {
    return payload.sub === '1234567890' && payload.name === 'John Doe';
}
/**
 * The HMAC keys jwt.io prints beside its sample tokens, which tutorials and tests copy. Anyone can sign a token with
 * them, so one signed with them proves nothing and grants nothing a forger could not.
 */
const PUBLISHED_HMAC_KEYS = ['a-string-secret-at-least-256-bits-long', 'your-256-bit-secret', 'your-384-bit-secret', 'your-512-bit-secret'];
const HMAC_DIGESTS = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
function signedWithPublishedKey(token, alg) {
    const digest = HMAC_DIGESTS[alg];
    if (digest === undefined)
        return false;
    const signed = token.slice(0, token.lastIndexOf('.'));
    const signature = token.slice(token.lastIndexOf('.') + 1);
    return PUBLISHED_HMAC_KEYS.some((key) => (0,external_node_crypto_namespaceObject.createHmac)(digest, key).update(signed).digest('base64url') === signature);
}
/** Three base64url parts whose header is a JSON object naming an `alg` and whose payload is a JSON object. */
function isStructuredJwt(token) {
    const parts = token.split('.');
    if (parts.length !== 3)
        return false;
    const header = decodePart(parts[0]);
    const payload = decodePart(parts[1]);
    if (typeof header?.alg !== 'string' || header.alg.toLowerCase() === 'none' || payload === undefined)
        return false;
    return !isDocumentationExample(payload) && !signedWithPublishedKey(token, header.alg);
}
/** Expiry and issue time from the payload; a token valid for a day or less counts as short-lived. */
function jwtFacts(token) {
    const payload = decodePart(token.split('.')[1] ?? '');
    if (!payload)
        return undefined;
    const facts = {};
    const details = {};
    if (typeof payload.exp === 'number')
        facts.expiresAt = new Date(payload.exp * 1000);
    if (typeof payload.iat === 'number')
        facts.issuedAt = new Date(payload.iat * 1000);
    for (const claim of ['iss', 'aud', 'role']) {
        const value = payload[claim];
        if (typeof value === 'string' && value.length <= 200)
            details[claim] = value;
    }
    if (facts.expiresAt) {
        const issued = facts.issuedAt?.getTime() ?? Date.now();
        facts.longLived = facts.expiresAt.getTime() - issued > 24 * 3600 * 1000;
    }
    else {
        facts.longLived = true;
    }
    if (Object.keys(details).length > 0)
        facts.details = details;
    return facts;
}

;// CONCATENATED MODULE: ./src/rules/catalogue/keys.ts



const KEY_WINDOW = 16384;
/** `count` lines of a key body in the shape notation, each passed through `wrap` (quoted for code), joined by `join`. */
const body = (count, wrap = (line) => line, join = '\n') => Array.from({ length: count }, () => wrap('<b64:64>')).join(join);
/** A token in the example notation: the header and claims (JSON) encoded by the test, then a random signature. */
const jwt = (claims, header = '{"alg":"RS256","typ":"JWT"}') => `{{base64url:${header}:base64url}}.{{base64url:${claims}:base64url}}.<b64url:43>`;
const keyRules = [
    rule({
        id: 'private-key',
        title: 'Private key (PEM)',
        provider: 'Private key',
        severity: 'critical',
        keywords: ['private key-----'],
        pattern: '(-----BEGIN (?:RSA |EC |DSA |ENCRYPTED |)PRIVATE KEY-----(?s:.){64,}?-----END (?:RSA |EC |DSA |ENCRYPTED |)PRIVATE KEY-----)',
        multilineWindow: KEY_WINDOW,
        validate: hasKeyBody,
        longLived: true,
        remediation: 'Treat the key as compromised: revoke or replace it wherever it is trusted (certificates, deploy keys, GitHub App keys), then remove it from history.',
        examples: {
            positives: [
                `-----BEGIN RSA PRIVATE KEY-----\n${body(25)}\n-----END RSA PRIVATE KEY-----\n`,
                '-----BEGIN EC PRIVATE KEY-----\n<b64:64>\n<b64:64>\n<b64:32>\n-----END EC PRIVATE KEY-----',
                `"key": "-----BEGIN PRIVATE KEY-----\\n${body(19, undefined, '\\n')}\\n-----END PRIVATE KEY-----\\n"`,
                // Split across string concatenation: JavaScript, Java, Python, Go, C#, PHP.
                `const key = "-----BEGIN RSA PRIVATE KEY-----\\n" +\n${body(12, (l) => `  "${l}\\n" +`, '\n')}\n  "-----END RSA PRIVATE KEY-----";`,
                `String key = "-----BEGIN PRIVATE KEY-----" +\n${body(12, (l) => `    "${l}" +`, '\n')}\n    "-----END PRIVATE KEY-----";`,
                `KEY = (\n    "-----BEGIN RSA PRIVATE KEY-----\\n"\n${body(12, (l) => `    "${l}\\n"`, '\n')}\n    "-----END RSA PRIVATE KEY-----\\n"\n)`,
                `const key = "-----BEGIN EC PRIVATE KEY-----\\n" +\n${body(3, (l) => `\t"${l}\\n" +`, '\n')}\n\t"-----END EC PRIVATE KEY-----\\n"`,
                `var pem = "-----BEGIN RSA PRIVATE KEY-----" + Environment.NewLine +\n${body(12, (l) => `    "${l}" + Environment.NewLine +`, '\n')}\n    "-----END RSA PRIVATE KEY-----";`,
                `$key = '-----BEGIN PRIVATE KEY-----' .\n${body(12, (l) => `  '${l}' .`, '\n')}\n  '-----END PRIVATE KEY-----';`,
            ],
            negatives: [
                `-----BEGIN PUBLIC KEY-----\n${body(7)}\n-----END PUBLIC KEY-----`,
                '-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----',
                '-----BEGIN PRIVATE KEY-----\n<b64:30>\n-----END PRIVATE KEY-----',
                '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n',
                'const key = "-----BEGIN RSA PRIVATE KEY-----\\n" + keyBody + "\\n-----END RSA PRIVATE KEY-----";',
                `const key = "-----BEGIN PRIVATE KEY-----\\n" +\n  lines.join("\\n") + "<b64:64>" +\n  "\\n-----END PRIVATE KEY-----";`,
            ],
        },
    }),
    rule({
        id: 'openssh-private-key',
        title: 'OpenSSH private key',
        provider: 'Private key',
        severity: 'critical',
        keywords: ['-----begin openssh private key-----'],
        pattern: '(-----BEGIN OPENSSH PRIVATE KEY-----(?s:.){64,}?-----END OPENSSH PRIVATE KEY-----)',
        multilineWindow: KEY_WINDOW,
        validate: hasKeyBody,
        longLived: true,
        remediation: 'Remove the public half from every authorized_keys, deploy key and account that trusts it, then generate a new key.',
        examples: {
            positives: [`-----BEGIN OPENSSH PRIVATE KEY-----\n${body(7)}\n-----END OPENSSH PRIVATE KEY-----`],
            negatives: [`-----BEGIN OPENSSH PUBLIC KEY-----\n${body(7)}\n-----END OPENSSH PUBLIC KEY-----`],
        },
    }),
    rule({
        id: 'pgp-private-key-block',
        title: 'PGP private key block',
        provider: 'Private key',
        severity: 'critical',
        keywords: ['-----begin pgp private key block-----'],
        pattern: '(-----BEGIN PGP PRIVATE KEY BLOCK-----(?s:.){64,}?-----END PGP PRIVATE KEY BLOCK-----)',
        multilineWindow: 24576,
        validate: hasKeyBody,
        longLived: true,
        remediation: 'Publish a revocation certificate for the key, then generate a new one.',
        examples: {
            positives: [`-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${body(32)}\n=<b64:4>\n-----END PGP PRIVATE KEY BLOCK-----`],
            negatives: [`-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n${body(32)}\n-----END PGP PUBLIC KEY BLOCK-----`],
        },
    }),
    rule({
        id: 'putty-private-key',
        title: 'PuTTY private key',
        provider: 'Private key',
        severity: 'critical',
        keywords: ['putty-user-key-file-'],
        pattern: String.raw `(?s)PuTTY-User-Key-File-[23]:.*?Private-Lines:\s*[0-9]+\r?\n([A-Za-z0-9+/=\r\n]{40,}?)\r?\nPrivate-MAC`,
        multilineWindow: KEY_WINDOW,
        validate: isBase64Block,
        longLived: true,
        remediation: 'Remove the public key from every server that trusts it, then generate a new key pair.',
        examples: {
            positives: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n<b64:64>\n<b64:20>\nPrivate-Lines: 1\n<b64:44>\nPrivate-MAC: <hex:64>'],
            negatives: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPublic-Lines: 1\n<b64:64>'],
        },
    }),
    // Open-ended parts: JWT payloads run to thousands of characters, past RE2's repeat limit of 1000; still linear.
    rule({
        id: 'jwt',
        title: 'JSON Web Token',
        provider: 'JWT',
        severity: 'medium',
        keywords: ['eyj'],
        pattern: String.raw `\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,})(?:[^A-Za-z0-9_.-]|$)`,
        validate: isStructuredJwt,
        inspect: jwtFacts,
        longLived: true,
        remediation: 'Revoke the session or rotate the signing key at the issuer; tokens without a near `exp` stay valid until then.',
        examples: {
            positives: [
                `const session = "${jwt('{"sub":"user-1","iat":1767225600,"exp":1798761600,"iss":"https://auth.example.net"}')}";`,
                `Authorization: Bearer ${jwt('{"iss":"https://issuer.example.net","iat":1767225600,"exp":1767229200}')}`,
            ],
            negatives: [
                'const session = "eyJ<alnum:30>.eyJ<alnum:30>.<alnum:30>";',
                // jwt.io's own example, an unsigned token, and a header with no claims part.
                `const SAMPLE_JWT = "${jwt('{"sub":"1234567890","name":"John Doe","iat":1516239022}', '{"alg":"HS256","typ":"JWT"}')}";`,
                `const session = "${jwt('{"sub":"user-1"}', '{"alg":"none"}')}";`,
                'const session = "eyJhbGciOiJIUzI1NiJ9.<alnum:30>.<alnum:30>";',
            ],
        },
    }),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/long-tail-a.ts


/**
 * The long tail of SaaS API keys with no prefix of their own, providers a to l: each counts only under a name holding
 * the provider and a secret word (`CALENDARIFIC_API_KEY=`, `lemlist token = '...'`, `clockify ACCESS ...`). Formats are
 * the providers' documented key lengths and alphabets, as Kingfisher's and trufflehog's rules state them. Examples
 * (true ones, near misses, placeholders) are derived from each shape by `named(...)`.
 */
const longTailARules = [
    named('apifonica-api-key', 'Apifonica API key', 'Apifonica', ['apifonica'], '<alnum:11>-<alnum:4>-<alnum:4>-<alnum:4>-<alnum:12>', 'https://www.apifonica.com/'),
    prefixed('apify-api-token', 'Apify API token', 'Apify', 'apify_api_<alnum:36>', 'https://console.apify.com/settings/integrations'),
    named('apify-api-token-legacy', 'Apify API token (unprefixed)', 'Apify', ['apify'], '<alnum:36>', 'https://console.apify.com/settings/integrations'),
    named('apimetrics-api-key', 'APImetrics API key', 'APImetrics', ['apimetrics'], '<alnum:32>', 'https://client.apimetrics.io/'),
    named('apitemplate-api-key', 'APITemplate.io API key', 'APITemplate.io', ['apitemplate'], '<alnum:39>', 'https://app.apitemplate.io/', { examples: { positives: ['apitemplate SECRET: <alnum:39>', 'apitemplateKEY <alnum:39>'], negatives: ['apitemplate version <alnum:39>'] } }),
    named('appsynergy-api-key', 'AppSynergy API key', 'AppSynergy', ['appsynergy'], '<alnum:64>', 'https://www.appsynergy.com/'),
    named('atera-api-key', 'Atera API key', 'Atera', ['atera'], '<alnum:32>', 'https://app.atera.com/new/admin/api'),
    named('audd-api-token', 'AudD API token', 'AudD', ['audd'], '<[A-Za-z0-9-]:32>', 'https://dashboard.audd.io/'),
    named('autoklose-api-token', 'Autoklose API token', 'Autoklose', ['autoklose'], '<[A-Za-z0-9-]:32>', 'https://app.autoklose.com/'),
    named('autopilot-api-key', 'Autopilot API key', 'Autopilot', ['autopilot'], '<anyhex:32>', 'https://app.autopilothq.com/'),
    named('aviationstack-api-key', 'aviationstack access key', 'aviationstack', ['aviationstack'], '<alnum:32>', 'https://aviationstack.com/dashboard'),
    named('axonaut-api-key', 'Axonaut API key', 'Axonaut', ['axonaut'], '<alnum:32>', 'https://axonaut.com/'),
    named('ayrshare-api-key', 'Ayrshare API key', 'Ayrshare', ['ayrshare'], '<alnum:8>-<alnum:8>-<alnum:8>-<alnum:8>', 'https://app.ayrshare.com/'),
    named('bannerbear-api-key', 'Bannerbear API key', 'Bannerbear', ['bannerbear'], '<alnum:22>tt', 'https://app.bannerbear.com/'),
    named('bitbar-api-key', 'BitBar API key', 'SmartBear BitBar', ['bitbar'], '<alnum:32>', 'https://cloud.bitbar.com/'),
    named('blogger-api-key', 'Blogger (Google) API key', 'Google', ['blogger'], '<[A-Za-z0-9-]:39>', 'https://console.cloud.google.com/apis/credentials'),
    named('bombbomb-api-key', 'BombBomb API key', 'BombBomb', ['bombbomb'], '<[A-Za-z0-9+/=]:88>', 'https://app.bombbomb.com/'),
    named('brandfetch-api-key', 'Brandfetch API key', 'Brandfetch', ['brandfetch'], '<alnum:40>', 'https://developers.brandfetch.com/dashboard'),
    named('browshot-api-key', 'Browshot API key', 'Browshot', ['browshot'], '<alnum:28>', 'https://browshot.com/dashboard'),
    named('buddyns-api-key', 'BuddyNS API key', 'BuddyNS', ['buddyns'], '<alnum:40>', 'https://www.buddyns.com/'),
    named('bulbul-api-key', 'Bulbul API key', 'Bulbul', ['bulbul'], '<alnum:32>', 'https://bulbul.io/'),
    named('buttercms-api-token', 'ButterCMS API token', 'ButterCMS', ['buttercms'], '<alnum:40>', 'https://buttercms.com/settings/'),
    named('calendarific-api-key', 'Calendarific API key', 'Calendarific', ['calendarific'], '<alnum:32>', 'https://calendarific.com/account'),
    named('canny-api-key', 'Canny API key', 'Canny', ['canny'], '<alnum:8>-<alnum:4>-<alnum:4>-<alnum:4>-<alnum:12>', 'https://canny.io/admin/settings/api'),
    named('carboninterface-api-key', 'Carbon Interface API key', 'Carbon Interface', ['carboninterface'], '<alnum:21>', 'https://www.carboninterface.com/'),
    named('centralstationcrm-api-key', 'CentralStationCRM API key', 'CentralStationCRM', ['centralstationcrm'], '<alnum:30>', 'https://centralstationcrm.de/'),
    named('checkly-api-key-legacy', 'Checkly API key (unprefixed)', 'Checkly', ['checklyhq'], '<alnum:32>', 'https://app.checklyhq.com/settings/user/api-keys'),
    named('cicero-api-key', 'Cicero API key', 'Cicero (Azavea)', ['cicero'], '<alnum:40>', 'https://cicero.azavea.com/'),
    named('cliengo-api-key', 'Cliengo API key', 'Cliengo', ['cliengo'], UUID, 'https://www.cliengo.com/', { examples: { positives: ['cliengo-SECRET-<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>'], negatives: ['cliengo-widget-<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>'] } }),
    named('clockify-api-key', 'Clockify API key', 'Clockify', ['clockify'], '<alnum:48>', 'https://app.clockify.me/user/preferences#advanced', { examples: { positives: ['clockify ACCESS <alnum:48>', 'clockify access key <alnum:48>'], negatives: ['clockify workspace <alnum:48>'] } }),
    named('cloudmersive-api-key', 'Cloudmersive API key', 'Cloudmersive', ['cloudmersive'], '<[A-Za-z0-9-]:36>', 'https://account.cloudmersive.com/keys'),
    named('cloudplan-api-key', 'Cloudplan API key', 'Cloudplan', ['cloudplan'], '<[A-Za-z0-9-]:32>', 'https://www.cloudplan.net/'),
    named('cloudsight-api-key', 'CloudSight API key', 'CloudSight', ['cloudsight'], '<alnum:20-24>', 'https://cloudsight.ai/'),
    named('cloverly-api-key', 'Cloverly API key', 'Cloverly', ['cloverly'], '<[A-Za-z0-9:_]:28>', 'https://dashboard.cloverly.com/'),
    named('coinapi-api-key', 'CoinAPI key', 'CoinAPI', ['coinapi'], '<[A-Za-z0-9-]:36>', 'https://customerportal.coinapi.io/'),
    named('coinlayer-api-key', 'coinlayer access key', 'apilayer', ['coinlayer'], '<alnum:32>', 'https://coinlayer.com/dashboard'),
    named('coinlib-api-key', 'Coinlib API key', 'Coinlib', ['coinlib'], '<alnum:16>', 'https://coinlib.io/profile'),
    named('collect2-api-key', 'Collect2 API key', 'Collect2', ['collect2'], UUID, 'https://collect2.com/'),
    named('cryptocompare-api-key', 'CryptoCompare API key', 'CryptoCompare', ['cryptocompare'], '<alnum:64>', 'https://www.cryptocompare.com/cryptopian/api-keys'),
    named('daily-api-key', 'Daily API key', 'Daily', ['daily'], '<anyhex:64>', 'https://dashboard.daily.co/developers'),
    named('dandelion-api-token', 'Dandelion API token', 'Dandelion', ['dandelion'], '<alnum:32>', 'https://dandelion.eu/profile/dashboard/'),
    named('detectify-api-key', 'Detectify API key', 'Detectify', ['detectify'], '<alnum:32>', 'https://detectify.com/'),
    named('detectlanguage-api-key', 'Detect Language API key', 'Detect Language', ['detectlanguage'], '<alnum:32>', 'https://detectlanguage.com/private'),
    named('diffbot-api-token', 'Diffbot API token', 'Diffbot', ['diffbot'], '<alnum:32>', 'https://app.diffbot.com/'),
    named('eagleeyenetworks-api-key', 'Eagle Eye Networks API key', 'Eagle Eye Networks', ['eagleeyenetworks'], '<alnum:15>', 'https://www.een.com/'),
    named('eventbrite-api-key', 'Eventbrite API key', 'Eventbrite', ['eventbrite'], '<alnum:20>', 'https://www.eventbrite.com/platform/api-keys'),
    named('fileio-api-key', 'file.io API key', 'file.io', ['fileio'], '<[A-Za-z0-9.-]:39>', 'https://www.file.io/'),
    named('flickr-api-key', 'Flickr API key', 'Flickr', ['flickr'], '<alnum:32>', 'https://www.flickr.com/services/apps/by/me'),
    named('flightapi-api-key', 'FlightAPI key', 'FlightAPI', ['flightapi'], '<alnum:24>', 'https://www.flightapi.io/'),
    named('geckoboard-api-key', 'Geckoboard API key', 'Geckoboard', ['geckoboard'], '<alnum:44>', 'https://app.geckoboard.com/account/details'),
    named('getemail-api-key', 'GetEmail.io API key', 'GetEmail.io', ['getemail'], '<[A-Za-z0-9-]:20>', 'https://getemail.io/'),
    named('glassnode-api-key', 'Glassnode API key', 'Glassnode', ['glassnode'], '<alnum:27>', 'https://studio.glassnode.com/settings/api'),
    named('gtmetrix-api-key', 'GTmetrix API key', 'GTmetrix', ['gtmetrix'], '<anyhex:32>', 'https://gtmetrix.com/dashboard/account'),
    named('guardian-api-key', 'The Guardian Open Platform API key', 'The Guardian', ['guardian'], '<alnum:8>-<alnum:4>-<alnum:4>-<alnum:4>-<alnum:12>', 'https://open-platform.theguardian.com/access/'),
    named('happyscribe-api-key', 'Happy Scribe API key', 'Happy Scribe', ['happyscribe'], '<alnum:24>', 'https://www.happyscribe.com/'),
    named('helpcrunch-api-key', 'HelpCrunch API key', 'HelpCrunch', ['helpcrunch'], '<[A-Za-z0-9+/=]:328>', 'https://helpcrunch.com/'),
    named('holidayapi-api-key', 'Holiday API key', 'Holiday API', ['holidayapi'], '<[A-Za-z0-9-]:36>', 'https://holidayapi.com/dashboard'),
    named('holistic-api-key', 'holistic.dev API key', 'holistic.dev', ['holistic'], '<anyhex:64>', 'https://holistic.dev/'),
    named('iconfinder-api-key', 'Iconfinder API key', 'Iconfinder', ['iconfinder'], '<alnum:64>', 'https://www.iconfinder.com/account/applications'),
    named('imagga-api-key', 'Imagga API key', 'Imagga', ['imagga'], '<[A-Za-z0-9=]:72>', 'https://imagga.com/profile/dashboard'),
    named('instabot-api-key', 'Instabot API key', 'Instabot', ['instabot'], '<[A-Za-z0-9+/]:43><[A-Za-z0-9+/=]:1>', 'https://instabot.io/'),
    named('interseller-api-key', 'Interseller API key', 'Interseller', ['interseller'], UUID, 'https://interseller.io/'),
    named('ip2location-api-key', 'IP2Location.io API key', 'IP2Location', ['ip2location'], '<alnum:32>', 'https://www.ip2location.io/dashboard'),
    named('ipapi-api-key', 'ipapi access key', 'apilayer', ['ipapi'], '<alnum:32>', 'https://ipapi.com/dashboard'),
    named('karmacrm-api-key', 'karmaCRM API token', 'karmaCRM', ['karmacrm', 'karma'], '<alnum:20>', 'https://app.karmacrm.com/'),
    named('kontent-api-key', 'Kontent.ai API key', 'Kontent.ai', ['kontent'], '<[A-Za-z0-9-]:36>', 'https://app.kontent.ai/'),
    named('kylas-api-key', 'Kylas API key', 'Kylas', ['kylas'], '<[A-Za-z0-9-]:36>', 'https://app.kylas.io/'),
    named('languagelayer-api-key', 'languagelayer access key', 'apilayer', ['languagelayer'], '<alnum:32>', 'https://languagelayer.com/dashboard'),
    named('lemlist-api-key', 'lemlist API key', 'lemlist', ['lemlist'], '<anyhex:32>', 'https://app.lemlist.com/settings/integrations', { examples: { positives: ["lemlist token = '<anyhex:32>'"], negatives: ["lemlist campaign = '<anyhex:32>'"] } }),
    named('lessannoyingcrm-api-key', 'Less Annoying CRM API key', 'Less Annoying CRM', ['lessannoyingcrm'], '<[A-Za-z0-9-]:57>', 'https://account.lessannoyingcrm.com/'),
    named('linenotify-token', 'LINE Notify access token', 'LINE', ['linenotify', 'line_notify'], '<alnum:43>', 'https://notify-bot.line.me/my/'),
    named('loginradius-api-key', 'LoginRadius API key', 'LoginRadius', ['loginradius'], UUID, 'https://dashboard.loginradius.com/'),
    named('loyverse-api-token', 'Loyverse access token', 'Loyverse', ['loyverse'], '<alnum:32>', 'https://r.loyverse.com/dashboard/#/integrations/tokens'),
    named('lunchmoney-api-token', 'Lunch Money access token', 'Lunch Money', ['lunchmoney'], '<anyhex:50>', 'https://my.lunchmoney.app/developers'),
    named('clientary-api-key', 'Clientary (Ronin) API key', 'Clientary', ['clientary', 'ronin'], '<alnum:24-26>', 'https://www.clientary.com/'),
    named('easyinsight-api-key', 'Easy Insight API key', 'Easy Insight', ['easyinsight', 'easy-insight'], '<alnum:20>', 'https://www.easy-insight.com/'),
    named('aylien-api-key', 'AYLIEN API key', 'AYLIEN', ['aylien'], '<lowalnum:32>', 'https://developer.aylien.com/'),
    named('adzuna-api-key', 'Adzuna API key', 'Adzuna', ['adzuna'], '<lowalnum:32>', 'https://developer.adzuna.com/admin/access_details'),
    named('airbrake-user-key', 'Airbrake user API key', 'Airbrake', ['airbrake'], '<alnum:40>', 'https://airbrake.io/users/edit'),
    named('amadeus-api-key', 'Amadeus for Developers API key', 'Amadeus', ['amadeus'], '<alnum:32>', 'https://developers.amadeus.com/my-apps'),
    named('appcues-api-key', 'Appcues API key', 'Appcues', ['appcues'], '<[a-z0-9-]:36>', 'https://studio.appcues.com/settings/keys'),
    named('apptivo-api-key', 'Apptivo API key', 'Apptivo', ['apptivo'], '<[a-z0-9-]:36>', 'https://www.apptivo.com/'),
    named('autodesk-client-id', 'Autodesk Platform Services client credentials', 'Autodesk', ['autodesk'], '<alnum:32>', 'https://aps.autodesk.com/myapps/'),
    // Data Center and Server PATs: 44 characters of base64 that decode to `<numeric id>:<random bytes>`, so the first
    // is M, N or O (an ASCII digit's top bits).
    // Atlassian Cloud API tokens made before the ATATT3 prefix: 24 letters and digits, counted only under a Jira,
    // Confluence or Atlassian name.
    named('atlassian-api-token-legacy', 'Atlassian API token (legacy 24-character form)', 'Atlassian', ['jira', 'confluence', 'atlassian'], '<alnum:24>', 'https://id.atlassian.com/manage-profile/security/api-tokens', { entropy: 3.5 }),
    named('atlassian-data-center-pat', 'Jira, Confluence or Bitbucket Data Center personal access token', 'Atlassian', ['jira', 'confluence', 'atlassian', 'bitbucket'], '<[MNO]:1><b64:43>', 'https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html', { examples: { positives: ['# confluence bearer token: N<b64:43>', 'jira token: M<b64:43>'], negatives: ['jira token: Z<b64:43>'] } }),
    // Prefixed formats: the prefix is the provider's signature.
    prefixed('adobe-oauth-client-secret', 'Adobe Developer Console OAuth client secret', 'Adobe', 'p8e-<[A-Za-z0-9-]:32>', 'https://developer.adobe.com/console/projects', { keywords: ['p8e-'] }),
    prefixed('ionic-personal-access-token', 'Ionic Appflow personal access token', 'Ionic', 'ion_<alnum:42>', 'https://dashboard.ionicframework.com/settings/personal-access-tokens', { keywords: ['ion_'] }),
    prefixed('frameio-developer-token', 'Frame.io developer token', 'Frame.io', 'fio-u-<[A-Za-z0-9_=-]:64>', 'https://developer.frame.io/app/tokens'),
    prefixed('bitbucket-data-center-token', 'Bitbucket Data Center HTTP access token', 'Atlassian', 'BBDC-<b64:44>', 'https://confluence.atlassian.com/bitbucketserver/http-access-tokens-939515499.html'),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/messaging.ts


const SLACK_APPS = 'https://api.slack.com/apps';
const messagingRules = [
    rule({ id: 'slack-bot-token', title: 'Slack bot token', provider: 'Slack', severity: 'high', keywords: ['xoxb-'], pattern: '\\b(xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24,34})\\b', longLived: true, revokeUrl: SLACK_APPS, examples: { positives: ['SLACK_BOT_TOKEN=xoxb-<digit:12>-<digit:13>-<alnum:24>'], negatives: ['SLACK_BOT_TOKEN=xoxb-<digit:12>-<alnum:24>', 'SLACK_BOT_TOKEN=XOXB-<digit:12>-<digit:13>-<alnum:24>'] } }),
    rule({ id: 'slack-user-token', title: 'Slack user token', provider: 'Slack', severity: 'high', keywords: ['xoxp-'], pattern: '\\b(xoxp-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[a-f0-9]{32})\\b', longLived: true, revokeUrl: SLACK_APPS, examples: { positives: ['SLACK_TOKEN=xoxp-<digit:12>-<digit:12>-<digit:13>-<hex:32>'], negatives: ['SLACK_TOKEN=xoxp-<digit:12>-<hex:32>'] } }),
    rule({ id: 'slack-legacy-token', title: 'Slack legacy workspace or app token', provider: 'Slack', severity: 'high', keywords: ['xoxa-', 'xoxr-', 'xoxs-', 'xoxo-'], pattern: '\\b(xox[aors]-(?:[0-9]+-){1,3}[0-9A-Za-z]{20,64})\\b', longLived: true, revokeUrl: SLACK_APPS, examples: { positives: ['SLACK_TOKEN=xoxa-<digit:11>-<alnum:40>'], negatives: ['SLACK_TOKEN=xoxa-<alnum:10>'] } }),
    rule({ id: 'slack-app-token', title: 'Slack app-level token', provider: 'Slack', severity: 'high', keywords: ['xapp-'], pattern: '\\b(xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,13}-[a-f0-9]{64})\\b', longLived: true, revokeUrl: SLACK_APPS, examples: { positives: ['SLACK_APP_TOKEN=xapp-1-<upalnum:11>-<digit:13>-<hex:64>'], negatives: ['SLACK_APP_TOKEN=xapp-1-<upper:11>-<hex:20>'] } }),
    rule({ id: 'slack-config-access-token', title: 'Slack configuration access token', provider: 'Slack', severity: 'medium', keywords: ['xoxe.xox'], pattern: '\\b(xoxe\\.xox[bparose]-[0-9]-[A-Za-z0-9]{155,170})\\b', longLived: false, revokeUrl: SLACK_APPS, examples: { positives: ['const config = "xoxe.xoxp-1-<upalnum:164>";', 'const config = "xoxe.xoxp-1-<alnum:162>";'], negatives: ['const config = "xoxe.xoxp-1-<upalnum:40>";'] } }),
    rule({ id: 'slack-config-refresh-token', title: 'Slack configuration refresh token', provider: 'Slack', severity: 'high', keywords: ['xoxe-'], pattern: '\\b(xoxe-[0-9]-[A-Za-z0-9]{140,150})\\b', longLived: true, revokeUrl: SLACK_APPS, examples: { positives: ['const refresh = "xoxe-1-<upalnum:146>";', 'const refresh = "xoxe-1-<alnum:143>";'], negatives: ['const refresh = "xoxe-1-<upalnum:40>";'] } }),
    contextRule({ id: 'slack-signing-secret', title: 'Slack app signing secret', provider: 'Slack', severity: 'medium', names: ['slack_signing_secret', 'slack-signing-secret', 'slacksigningsecret', 'slack.signing.secret', 'slack_signing'], value: '[a-f0-9]{32}', longLived: true, revokeUrl: SLACK_APPS, remediation: 'Regenerate the signing secret under Basic Information > App Credentials, then update the verifier.', examples: { positives: ['SLACK_SIGNING_SECRET=<hex:32>', '  slack_signing_secret: "<hex:32>"', '{ "SLACK_SIGNING_SECRET": "<hex:32>" }'], negatives: ['SOME_UNRELATED_ID=<hex:32>', 'SLACK_SIGNING_SECRET=${SLACK_SIGNING_SECRET}', '  slack_signing_secret: "<slack_signing_secret>"', 'SLACK_SIGNING_SECRET is read from the environment'] } }),
    rule({ id: 'slack-webhook-url', title: 'Slack incoming webhook URL', provider: 'Slack', severity: 'medium', keywords: ['hooks.slack.com'], pattern: String.raw `(https?://hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]{6,12}/[A-Z0-9]{6,12}/[A-Za-z0-9]{20,40})`, longLived: true, revokeUrl: SLACK_APPS, remediation: 'Regenerate or remove the webhook in the Slack app settings (Incoming Webhooks).', examples: { positives: ['SLACK_WEBHOOK=https://hooks.slack.com/services/T<upalnum:8>/B<upalnum:8>/<alnum:24>'], negatives: ['SLACK_WEBHOOK=https://hooks.slack.com/services/', 'SLACK_WEBHOOK=https://hooks.slack.example.net/services/T<upper:8>/B<upper:8>/<alnum:24>'] } }),
    rule({ id: 'discord-webhook-url', title: 'Discord webhook URL', provider: 'Discord', severity: 'medium', keywords: ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'], pattern: String.raw `(https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,68})`, longLived: true, revokeUrl: 'https://support.discord.com/hc/en-us/articles/228383668', remediation: 'Delete the webhook in the channel settings (Integrations > Webhooks).', examples: { positives: ['const hook = "https://discord.com/api/webhooks/<digit:18>/<word:68>";'], negatives: ['const hook = "https://discord.com/api/webhooks/<digit:18>/short";'] } }),
    contextRule({ id: 'discord-bot-token', title: 'Discord bot token', provider: 'Discord', severity: 'high', names: ['discord'], value: String.raw `[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}`, longLived: true, revokeUrl: 'https://discord.com/developers/applications', examples: { positives: ['DISCORD_BOT_TOKEN=M<alnum:23>.<word:6>.<word:38>', '  discord_bot_token: "M<alnum:23>.<word:6>.<word:38>"', '{ "DISCORD_BOT_TOKEN": "M<alnum:23>.<word:6>.<word:38>" }'], negatives: ['SOME_UNRELATED_ID=M<alnum:23>.<word:6>.<word:38>', 'DISCORD_BOT_TOKEN=${DISCORD_BOT_TOKEN}', '  discord_bot_token: "<discord_bot_token>"', 'DISCORD_BOT_TOKEN is read from the environment'] } }),
    rule({ id: 'telegram-bot-token', title: 'Telegram bot token', provider: 'Telegram', severity: 'high', keywords: [':aa'], pattern: String.raw `\b([0-9]{8,10}:AA[0-9A-Za-z_-]{33})(?:[^0-9A-Za-z_-]|$)`, longLived: true, revokeUrl: 'https://t.me/BotFather', remediation: 'Revoke it with /revoke in @BotFather.', examples: { positives: ['TELEGRAM_TOKEN=<digit:10>:AA<word:33>'], negatives: ['TELEGRAM_TOKEN=<digit:10>:BB<word:33>'] } }),
    rule({ id: 'microsoft-teams-webhook-url', title: 'Microsoft Teams incoming webhook URL', provider: 'Microsoft Teams', severity: 'medium', keywords: ['webhook.office.com'], pattern: String.raw `(https://[a-z0-9-]+\.webhook\.office\.com/webhookb2/[0-9a-f-]{36}@[0-9a-f-]{36}/IncomingWebhook/[0-9a-f]{32}/[0-9a-f-]{36}(?:/[A-Za-z0-9_-]+)?)`, longLived: true, revokeUrl: 'https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook', examples: { positives: [`const hook = "https://contoso.webhook.office.com/webhookb2/${LOWER_UUID}@${LOWER_UUID}/IncomingWebhook/<hex:32>/${LOWER_UUID}";`], negatives: ['const hook = "https://contoso.webhook.office.com/webhookb2/";'] } }),
    rule({ id: 'twilio-api-key', title: 'Twilio API key SID with secret context', provider: 'Twilio', severity: 'high', keywords: ['twilio'], pattern: String.raw `(?i)twilio[\w.-]{0,24}${ASSIGNMENT}(SK[0-9a-f]{32})\b`, longLived: true, revokeUrl: 'https://console.twilio.com/us1/account/keys-credentials/api-keys', examples: { positives: ['TWILIO_API_KEY=SK<hex:32>'], negatives: ['API_KEY_SID=SK<hex:32>'] } }),
    contextRule({ id: 'twilio-auth-token', title: 'Twilio auth token', provider: 'Twilio', severity: 'critical', names: ['twilio_auth', 'twilioauth', 'twilio_token', 'twilio-auth', 'twilio.auth'], value: '[0-9a-f]{32}', longLived: true, revokeUrl: 'https://console.twilio.com/us1/account/keys-credentials/api-keys', examples: { positives: ['TWILIO_AUTH_TOKEN=<hex:32>', '  twilio_auth_token: "<hex:32>"', '{ "TWILIO_AUTH_TOKEN": "<hex:32>" }'], negatives: ['SOME_UNRELATED_ID=<hex:32>', 'TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}', '  twilio_auth_token: "<twilio_auth_token>"', 'TWILIO_AUTH_TOKEN is read from the environment'] } }),
    // An account SID (AC and 32 hex) names the account; the 32-hex value that follows it in a Twilio block is its auth token.
    // An API key's SID (SK and 32 hex) is only its name; the secret is the 32 letters and digits handed over with it.
    rule({
        id: 'twilio-api-key-secret',
        title: 'Twilio API key secret beside its SID',
        provider: 'Twilio',
        severity: 'high',
        keywords: ['twilio'],
        pattern: String.raw `(?is)twilio.{0,200}?\bSK[0-9a-f]{32}\b.{1,160}?\b([A-Za-z0-9]{32})\b`,
        multilineWindow: 512,
        entropy: 3.5,
        validate: (value) => /[A-Z]/.test(value) && /[a-z]/.test(value) && /[0-9]/.test(value),
        longLived: true,
        revokeUrl: 'https://console.twilio.com/us1/account/keys-credentials/api-keys',
        examples: {
            positives: ["twilio key - 'SK<hex:32>'\ntwilio secret - '<alnum:32>'", 'client = twilio.rest.Client("SK<hex:32>", "<alnum:32>", account_sid)'],
            negatives: ['twilio key SK<hex:32>', 'client = twilio.rest.Client("SK<hex:32>", os.environ["TWILIO_API_SECRET"])', "twilio key - 'SK<hex:32>'\ntwilio region - '<lower:32>'"],
        },
    }),
    rule({
        id: 'twilio-auth-token-with-sid',
        title: 'Twilio auth token beside its account SID',
        provider: 'Twilio',
        severity: 'critical',
        keywords: ['twilio'],
        pattern: String.raw `(?is)twilio.{0,200}?\bAC[0-9a-f]{32}\b.{1,160}?\b([0-9a-f]{32})\b`,
        multilineWindow: 512,
        entropy: 3,
        longLived: true,
        revokeUrl: 'https://console.twilio.com/us1/account/keys-credentials/api-keys',
        remediation: 'Rotate the auth token (Console > Account > API keys & tokens > Auth tokens: request a secondary token, promote it), then use API keys instead of the account token.',
        examples: {
            positives: ["twilio token - 'AC<hex:32>'\ntwilio token - '<hex:32>'", 'client = twilio.rest.Client("AC<hex:32>", "<hex:32>")', '# Twilio\naccount: AC<hex:32>\nsecret: <hex:32>'],
            negatives: ['twilio account AC<hex:32>', 'client = twilio.rest.Client("AC<hex:32>", os.environ["TWILIO_AUTH_TOKEN"])', 'twilio message SM<hex:32> from AC<hex:32>'],
        },
    }),
    rule({ id: 'sendgrid-api-key', title: 'SendGrid API key', provider: 'SendGrid', severity: 'high', keywords: ['sg.'], pattern: String.raw `\b(SG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43})(?:[^0-9A-Za-z_-]|$)`, longLived: true, revokeUrl: 'https://app.sendgrid.com/settings/api_keys', examples: { positives: ['SENDGRID_API_KEY=SG.<word:22>.<word:43>'], negatives: ['SENDGRID_API_KEY=SG.<word:10>.<word:43>'] } }),
    // Mailgun's legacy keys are key- and 32 lowercase letters and digits (the samples in Mailgun's own docs are not hex).
    rule({ id: 'mailgun-api-key', title: 'Mailgun API key', provider: 'Mailgun', severity: 'high', keywords: ['key-'], pattern: String.raw `\b(key-[0-9a-z]{32})\b`, entropy: 3.5, longLived: true, revokeUrl: 'https://app.mailgun.com/settings/api_security', examples: { positives: ['const mailgunKey = "key-<lowalnum:32>";', '  mailgunKey: "key-<hex:32>"', 'export API_TOKEN=key-<lowalnum:32>'], negatives: ['const mailgunKey = "key-<hex:6>";', 'const mailgunKey = "KEY-<hex:32>";', 'const mailgunKey = "key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";', 'const mailgunKey = "key-<lowalnum:33>";'] } }),
    contextRule({ id: 'mailgun-private-api-key', title: 'Mailgun private API key', provider: 'Mailgun', severity: 'high', names: ['mailgun'], value: '[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}', longLived: true, revokeUrl: 'https://app.mailgun.com/settings/api_security', examples: { positives: ['MAILGUN_API_KEY=<hex:32>-<hex:8>-<hex:8>', '  mailgun_api_key: "<hex:32>-<hex:8>-<hex:8>"', '{ "MAILGUN_API_KEY": "<hex:32>-<hex:8>-<hex:8>" }'], negatives: ['SOME_UNRELATED_ID=<hex:32>-<hex:8>-<hex:8>', 'MAILGUN_API_KEY=${MAILGUN_API_KEY}', '  mailgun_api_key: "<mailgun_api_key>"', 'MAILGUN_API_KEY is read from the environment'] } }),
    rule({ id: 'mailchimp-api-key', title: 'Mailchimp API key', provider: 'Mailchimp', severity: 'high', keywords: ['-us'], pattern: String.raw `\b([0-9a-f]{32}-us[0-9]{1,2})\b`, longLived: true, revokeUrl: 'https://us1.admin.mailchimp.com/account/api/', examples: { positives: ['MAILCHIMP_KEY=<hex:32>-us<digit:2>'], negatives: ['MAILCHIMP_KEY=<hex:20>-us<digit:2>'] } }),
    contextRule({ id: 'mandrill-api-key', title: 'Mandrill (Mailchimp Transactional) API key', provider: 'Mailchimp', severity: 'high', names: ['mandrill'], value: '[A-Za-z0-9_-]{22}', longLived: true, revokeUrl: 'https://mandrillapp.com/settings', entropy: 3.3, examples: { positives: ['MANDRILL_API_KEY=<word:22>', '  mandrill_api_key: "<word:22>"', '{ "MANDRILL_API_KEY": "<word:22>" }'], negatives: ['SOME_UNRELATED_ID=<word:22>', 'MANDRILL_API_KEY=${MANDRILL_API_KEY}', '  mandrill_api_key: "<mandrill_api_key>"', 'MANDRILL_API_KEY is read from the environment'] } }),
    contextRule({ id: 'postmark-server-token', title: 'Postmark server or account token', provider: 'Postmark', severity: 'high', names: ['postmark'], value: LOWER_UUID_REGEX, longLived: true, revokeUrl: 'https://account.postmarkapp.com/api_tokens', examples: { positives: [`POSTMARK_SERVER_TOKEN=${LOWER_UUID}`, `  postmark_server_token: "${LOWER_UUID}"`, `{ "POSTMARK_SERVER_TOKEN": "${LOWER_UUID}" }`], negatives: [`SOME_UNRELATED_ID=${LOWER_UUID}`, 'POSTMARK_SERVER_TOKEN=${POSTMARK_SERVER_TOKEN}', '  postmark_server_token: "<postmark_server_token>"', 'POSTMARK_SERVER_TOKEN is read from the environment'] } }),
    rule({ id: 'brevo-api-key', title: 'Brevo (Sendinblue) API key', provider: 'Brevo', severity: 'high', keywords: ['xkeysib-'], pattern: String.raw `\b(xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})\b`, longLived: true, revokeUrl: 'https://app.brevo.com/settings/keys/api', examples: { positives: ['BREVO_KEY=xkeysib-<hex:64>-<alnum:16>'], negatives: ['BREVO_KEY=xkeysib-<hex:30>'] } }),
    rule({ id: 'brevo-smtp-key', title: 'Brevo (Sendinblue) SMTP key', provider: 'Brevo', severity: 'high', keywords: ['xsmtpsib-'], pattern: String.raw `\b(xsmtpsib-[a-f0-9]{64}-[A-Za-z0-9]{16})\b`, longLived: true, revokeUrl: 'https://app.brevo.com/settings/keys/smtp', examples: { positives: ['BREVO_SMTP=xsmtpsib-<hex:64>-<alnum:16>'], negatives: ['BREVO_SMTP=xsmtpsib-<hex:30>'] } }),
    contextRule({ id: 'mailjet-secret-key', title: 'Mailjet API secret key', provider: 'Mailjet', severity: 'high', names: ['mailjet', 'mj_apikey_private'], value: '[a-f0-9]{32}', longLived: true, revokeUrl: 'https://app.mailjet.com/account/apikeys', examples: { positives: ['MAILJET_SECRET_KEY=<hex:32>', '  mailjet_secret_key: "<hex:32>"', '{ "MAILJET_SECRET_KEY": "<hex:32>" }'], negatives: ['SOME_UNRELATED_ID=<hex:32>', 'MAILJET_SECRET_KEY=${MAILJET_SECRET_KEY}', '  mailjet_secret_key: "<mailjet_secret_key>"', 'MAILJET_SECRET_KEY is read from the environment'] } }),
    rule({ id: 'resend-api-key', title: 'Resend API key', provider: 'Resend', severity: 'high', keywords: ['re_'], pattern: String.raw `\b(re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24})\b`, longLived: true, revokeUrl: 'https://resend.com/api-keys', examples: { positives: ['RESEND_API_KEY=re_<alnum:8>_<alnum:24>'], negatives: ['RESEND_API_KEY=re_<alnum:8><alnum:24>'] } }),
    rule({ id: 'intercom-access-token', title: 'Intercom access token', provider: 'Intercom', severity: 'high', keywords: ['intercom'], pattern: String.raw `(?i)intercom[\w.-]{0,24}${ASSIGNMENT}(dG9rOj[A-Za-z0-9+/=_-]{40,80})`, longLived: true, revokeUrl: 'https://app.intercom.com/a/apps/_/developer-hub', examples: { positives: ['INTERCOM_ACCESS_TOKEN=dG9rOj<alnum:54>', '  intercom_access_token: "dG9rOj<alnum:54>"', '{ "INTERCOM_ACCESS_TOKEN": "dG9rOj<alnum:54>" }'], negatives: ['SOME_UNRELATED_ID=dG9rOj<alnum:54>', 'INTERCOM_ACCESS_TOKEN=${INTERCOM_ACCESS_TOKEN}', '  intercom_access_token: "<intercom_access_token>"', 'INTERCOM_ACCESS_TOKEN is read from the environment'] } }),
    contextRule({ id: 'zendesk-api-token', title: 'Zendesk API token', provider: 'Zendesk', severity: 'high', names: ['zendesk'], value: '[A-Za-z0-9]{40}', longLived: true, revokeUrl: 'https://support.zendesk.com/hc/en-us/articles/4408889192858', entropy: 3.5, examples: { positives: ['ZENDESK_API_TOKEN=<alnum:40>', '  zendesk_api_token: "<alnum:40>"', '{ "ZENDESK_API_TOKEN": "<alnum:40>" }'], negatives: ['SOME_UNRELATED_ID=<alnum:40>', 'ZENDESK_API_TOKEN=${ZENDESK_API_TOKEN}', '  zendesk_api_token: "<zendesk_api_token>"', 'ZENDESK_API_TOKEN is read from the environment'] } }),
    // Older webhook forms Slack and Microsoft still honour, and the Workflows URL that replaces Teams connectors.
    prefixed('slack-legacy-webhook-url', 'Slack legacy incoming webhook URL (token in the query)', 'Slack', 'https://<[a-z0-9-]:2-40>.slack.com/services/hooks/incoming-webhook?token=<alnum:24>', SLACK_APPS, { severity: 'medium', keywords: ['.slack.com/services/hooks/'] }),
    prefixed('slack-workflow-webhook-url', 'Slack workflow webhook URL', 'Slack', 'https://hooks.slack.com/<lower:8-9>/T<upalnum:8-11>/A<upalnum:8-11>/<digit:15-20>/<alnum:24-32>', SLACK_APPS, { severity: 'medium', keywords: ['hooks.slack.com/'] }),
    // Bot tokens issued before the three-part form: the team's number and one random part.
    prefixed('slack-legacy-bot-token', 'Slack legacy bot token (two-part form)', 'Slack', 'xoxb-<digit:8-14>-<alnum:18-26>', SLACK_APPS, { entropy: 3 }),
    // Workflow Builder triggers: team id, a 13-14 digit trigger id, a 32-hex secret (the incoming-webhook rule's segments are shorter).
    prefixed('slack-workflow-trigger-url', 'Slack Workflow Builder trigger URL', 'Slack', 'https://hooks.slack.com/triggers/T<upalnum:8-11>/<digit:13-14>/<hex:32>', SLACK_APPS, { severity: 'medium', keywords: ['hooks.slack.com/triggers/'] }),
    prefixed('microsoft-teams-legacy-webhook-url', 'Microsoft Teams incoming webhook URL (outlook.office.com form)', 'Microsoft Teams', `https://outlook.office.com/webhook/${UUID}@${UUID}/IncomingWebhook/<hex:32>/${UUID}`, 'https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook', { severity: 'medium' }),
    prefixed('microsoft-teams-office365-webhook-url', 'Microsoft Teams incoming webhook URL (outlook.office365.com form)', 'Microsoft Teams', `https://outlook.office365.com/webhook/${UUID}@${UUID}/IncomingWebhook/<hex:32>/${UUID}`, 'https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook', { severity: 'medium' }),
    rule({
        id: 'power-automate-workflow-url',
        title: 'Power Automate / Teams Workflows trigger URL with signature',
        provider: 'Microsoft Power Automate',
        severity: 'medium',
        keywords: ['.logic.azure.com', '.environment.api.powerplatform.com'],
        pattern: String.raw `(https://[a-z0-9.-]{4,80}\.(?:logic\.azure\.com|environment\.api\.powerplatform\.com)(?::443)?/[A-Za-z0-9/_.-]{10,200}\?[A-Za-z0-9=&%._-]{0,200}sig=[A-Za-z0-9_-]{43})`,
        longLived: true,
        revokeUrl: 'https://make.powerautomate.com/',
        remediation: 'Regenerate the trigger URL (change or recreate the flow\'s HTTP trigger), then store it in a secret store.',
        examples: {
            positives: ['url: https://prod-<digit:2>.westus.logic.azure.com:443/workflows/<hex:32>/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=<word:43>'],
            negatives: ['url: https://prod-<digit:2>.westus.logic.azure.com:443/workflows/<hex:32>/triggers/manual/paths/invoke?api-version=2016-06-01', 'url: https://prod-<digit:2>.westus.logic.azure.com:443/workflows/<hex:32>/triggers/manual/paths/invoke?sig=<word:20>'],
        },
    }),
    prefixed('twitch-oauth-token', 'Twitch OAuth token (chat form)', 'Twitch', 'oauth:<lowalnum:30>', 'https://www.twitch.tv/settings/connections', { keywords: ['oauth:'] }),
    named('mattermost-access-token', 'Mattermost personal access token', 'Mattermost', ['mattermost'], '<lowalnum:26>', 'https://docs.mattermost.com/developer/personal-access-tokens.html'),
    named('rocketchat-token', 'Rocket.Chat personal access token', 'Rocket.Chat', separated(['rocket', 'chat']), '<word:43>', 'https://docs.rocket.chat/'),
    named('zulip-api-key', 'Zulip API key', 'Zulip', ['zulip'], '<alnum:32>', 'https://zulip.com/api/api-keys'),
    named('pusher-secret', 'Pusher Channels app secret', 'Pusher', ['pusher'], '<hex:20>', 'https://dashboard.pusher.com/'),
    named('ably-api-key', 'Ably API key', 'Ably', ['ably'], '<word:6>.<word:6>:<word:43>', 'https://ably.com/accounts'),
    named('stream-api-secret', 'Stream (GetStream) API secret', 'Stream', ['getstream', 'stream_api_secret', 'stream_secret'], '<lowalnum:64>', 'https://dashboard.getstream.io/'),
    named('sendbird-api-token', 'Sendbird API token', 'Sendbird', ['sendbird'], '<hex:40>', 'https://dashboard.sendbird.com/'),
    named('vonage-api-secret', 'Vonage (Nexmo) API secret', 'Vonage', ['vonage', 'nexmo'], '<alnum:16>', 'https://dashboard.nexmo.com/settings'),
    named('plivo-auth-token', 'Plivo auth token', 'Plivo', ['plivo'], '<word:40>', 'https://console.plivo.com/dashboard/'),
    named('messagebird-api-key', 'MessageBird (Bird) access key', 'MessageBird', ['messagebird'], '<alnum:25>', 'https://dashboard.messagebird.com/en/developers/access'),
    named('sinch-api-secret', 'Sinch API secret or service plan token', 'Sinch', ['sinch'], '<hex:32>', 'https://dashboard.sinch.com/settings/access-keys'),
    named('telnyx-api-key', 'Telnyx API key', 'Telnyx', ['telnyx'], 'KEY<word:55>', 'https://portal.telnyx.com/#/app/api-keys', { bare: true, examples: { positives: ['telnyx = KEY<word:55>'], negatives: ['telnyx = KEY<word:40>'] } }),
    named('bandwidth-api-secret', 'Bandwidth API secret', 'Bandwidth', ['bandwidth_api', 'bandwidth_secret'], '<alnum:40-50>', 'https://dashboard.bandwidth.com/'),
    named('infobip-api-key', 'Infobip API key', 'Infobip', ['infobip'], `<hex:32>-${LOWER_UUID}`, 'https://portal.infobip.com/settings/accounts/api-keys'),
    named('clicksend-api-key', 'ClickSend API key', 'ClickSend', ['clicksend'], UUID, 'https://dashboard.clicksend.com/account/subaccounts'),
    named('textmagic-api-key', 'Textmagic API key', 'Textmagic', ['textmagic'], '<alnum:30>', 'https://my.textmagic.com/online/api/rest-api/keys'),
    named('esendex-password', 'Esendex API password', 'Esendex', ['esendex'], '<alnum:16-40>', 'https://www.esendex.com/'),
    named('msg91-auth-key', 'MSG91 auth key', 'MSG91', ['msg91'], '<alnum:24>', 'https://control.msg91.com/'),
    named('africastalking-api-key', "Africa's Talking API key", "Africa's Talking", ['africastalking', 'africas_talking'], 'atsk_<hex:64>', 'https://account.africastalking.com/'),
    named('sparkpost-api-key', 'SparkPost API key', 'SparkPost', ['sparkpost'], '<hex:40>', 'https://app.sparkpost.com/account/api-keys'),
    prefixed('mailersend-api-token', 'MailerSend API token', 'MailerSend', 'mlsn.<hex:64>', 'https://app.mailersend.com/api-tokens'),
    named('mailtrap-api-token', 'Mailtrap API token', 'Mailtrap', ['mailtrap'], '<hex:32>', 'https://mailtrap.io/api-tokens'),
    named('elasticemail-api-key', 'Elastic Email API key', 'Elastic Email', ['elasticemail', 'elastic_email'], '<HEX:96>', 'https://app.elasticemail.com/marketing/settings/new/manage-api'),
    named('smtp2go-api-key', 'SMTP2GO API key', 'SMTP2GO', ['smtp2go'], 'api-<HEX:32>', 'https://app.smtp2go.com/settings/apikeys'),
    named('sendpulse-secret', 'SendPulse API secret', 'SendPulse', ['sendpulse'], '<hex:32>', 'https://login.sendpulse.com/settings/#api'),
    named('nylas-api-key', 'Nylas API key', 'Nylas', ['nylas'], 'nyk_v0_<word:40-64>', 'https://dashboard-v3.nylas.com/'),
    named('pushover-token', 'Pushover application token', 'Pushover', ['pushover'], '<lowalnum:30>', 'https://pushover.net/apps'),
    named('pushbullet-access-token', 'Pushbullet access token', 'Pushbullet', ['pushbullet'], 'o.<alnum:32>', 'https://www.pushbullet.com/#settings/account'),
    named('gitter-token', 'Gitter access token', 'Gitter', ['gitter'], '<hex:40>', 'https://developer.gitter.im/apps'),
    named('beamer-api-key', 'Beamer API key', 'Beamer', ['beamer'], 'b_<[A-Za-z0-9_=-]:44>', 'https://app.getbeamer.com/settings'),
    named('knock-secret-key', 'Knock secret API key', 'Knock', ['knock_'], 'sk_<word:40-64>', 'https://dashboard.knock.app/'),
    named('novu-api-key', 'Novu API key', 'Novu', ['novu'], '<hex:32>', 'https://web.novu.co/settings'),
    named('courier-auth-token', 'Courier auth token', 'Courier', ['courier'], 'pk_prod_<upalnum:28>', 'https://app.courier.com/settings/api-keys'),
    named('courier-test-auth-token', 'Courier test-environment auth token', 'Courier', ['courier'], 'pk_test_<upalnum:28>', 'https://app.courier.com/settings/api-keys'),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/observability.ts


const NEW_RELIC_KEYS = 'https://one.newrelic.com/launcher/api-keys-ui.api-keys-launcher';
const observabilityRules = [
    contextRule({ id: 'datadog-api-key', title: 'Datadog API key', provider: 'Datadog', severity: 'high', names: ['datadog', 'dd_api_key', 'dd-api-key', 'dd.api.key', 'ddapikey', 'dd-apikey', 'dd_apikey', 'dd_client_api_key'], value: '[a-f0-9]{32}', longLived: true, revokeUrl: 'https://app.datadoghq.com/organization-settings/api-keys', examples: { positives: ['DATADOG_API_KEY=<hex:32>', '  datadog_api_key: "<hex:32>"', '{ "DATADOG_API_KEY": "<hex:32>" }'], negatives: ['SOME_UNRELATED_ID=<hex:32>', 'DATADOG_API_KEY=${DATADOG_API_KEY}', '  datadog_api_key: "<datadog_api_key>"', 'DATADOG_API_KEY is read from the environment'] } }),
    contextRule({ id: 'datadog-application-key', title: 'Datadog application key', provider: 'Datadog', severity: 'high', names: ['datadog', 'dd_app_key', 'dd-app-key', 'dd.app.key', 'ddappkey', 'dd_application_key', 'ddapplicationkey', 'dd_client_app_key'], value: '[a-f0-9]{40}', longLived: true, revokeUrl: 'https://app.datadoghq.com/organization-settings/application-keys', examples: { positives: ['DD_APP_KEY=<hex:40>', '  dd_app_key: "<hex:40>"', '{ "DD_APP_KEY": "<hex:40>" }'], negatives: ['SOME_UNRELATED_ID=<hex:40>', 'DD_APP_KEY=${DD_APP_KEY}', '  dd_app_key: "<dd_app_key>"', 'DD_APP_KEY is read from the environment'] } }),
    rule({ id: 'newrelic-user-api-key', title: 'New Relic user API key', provider: 'New Relic', severity: 'high', keywords: ['nrak-'], pattern: '\\b(NRAK-[A-Z0-9]{27})\\b', longLived: true, revokeUrl: 'https://one.newrelic.com/launcher/api-keys-ui.api-keys-launcher', examples: { positives: ['const newRelicKey = "NRAK-<upalnum:27>";', '  newRelicKey: "NRAK-<upalnum:27>"', 'export API_TOKEN=NRAK-<upalnum:27>'], negatives: ['const newRelicKey = "NRAK-<upalnum:6>";', 'const newRelicKey = "nrak-<upalnum:27>";', 'const newRelicKey = "NRAK-xxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'newrelic-insights-insert-key', title: 'New Relic Insights insert key', provider: 'New Relic', severity: 'medium', keywords: ['nrii-'], pattern: '\\b(NRII-[A-Za-z0-9_-]{25,32})(?:[^A-Za-z0-9_-]|$)', longLived: true, revokeUrl: 'https://one.newrelic.com/launcher/api-keys-ui.api-keys-launcher', examples: { positives: ['const insertKey = "NRII-<word:32>";', '  insertKey: "NRII-<word:32>"', 'export API_TOKEN=NRII-<word:32>'], negatives: ['const insertKey = "NRII-<word:6>";', 'const insertKey = "nrii-<word:32>";', 'const insertKey = "NRII-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'newrelic-browser-key', title: 'New Relic browser API token', provider: 'New Relic', severity: 'low', keywords: ['nrjs-'], pattern: '\\b(NRJS-[a-f0-9]{19})\\b', longLived: true, revokeUrl: 'https://one.newrelic.com/launcher/api-keys-ui.api-keys-launcher', examples: { positives: ['const browserKey = "NRJS-<hex:19>";', '  browserKey: "NRJS-<hex:19>"', 'export API_TOKEN=NRJS-<hex:19>'], negatives: ['const browserKey = "NRJS-<hex:6>";', 'const browserKey = "nrjs-<hex:19>";', 'const browserKey = "NRJS-xxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'newrelic-license-key', title: 'New Relic ingest license key', provider: 'New Relic', severity: 'medium', keywords: ['nral'], pattern: '\\b([a-f0-9]{32}[a-fA-F0-9]{4}NRAL)\\b', longLived: true, revokeUrl: 'https://one.newrelic.com/launcher/api-keys-ui.api-keys-launcher', examples: { positives: ['NEW_RELIC_LICENSE_KEY=<hex:36>NRAL', 'NEW_RELIC_LICENSE_KEY=<hex:32>FFFFNRAL'], negatives: ['NEW_RELIC_LICENSE_KEY=<hex:30>NRAL'] } }),
    rule({ id: 'grafana-cloud-api-token', title: 'Grafana Cloud access policy token', provider: 'Grafana', severity: 'high', keywords: ['glc_'], pattern: '\\b(glc_[A-Za-z0-9+/]{32,400}={0,2})', longLived: true, revokeUrl: 'https://grafana.com/orgs', examples: { positives: ['const grafanaToken = "glc_<alnum:80>";', '  grafanaToken: "glc_<alnum:80>"', 'export API_TOKEN=glc_<alnum:80>'], negatives: ['const grafanaToken = "glc_<alnum:6>";', 'const grafanaToken = "GLC_<alnum:80>";', 'const grafanaToken = "glc_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'grafana-service-account-token', title: 'Grafana service account token', provider: 'Grafana', severity: 'high', keywords: ['glsa_'], pattern: '\\b(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})\\b', longLived: true, revokeUrl: 'https://grafana.com/docs/grafana/latest/administration/service-accounts/', examples: { positives: ['GRAFANA_TOKEN=glsa_<alnum:32>_<hex:8>'], negatives: ['GRAFANA_TOKEN=glsa_<alnum:32>'] } }),
    rule({ id: 'grafana-api-key', title: 'Grafana API key (legacy)', provider: 'Grafana', severity: 'high', keywords: ['eyjrijoi'], pattern: '\\b(eyJrIjoi[A-Za-z0-9]{70,400}={0,2})', longLived: true, revokeUrl: 'https://grafana.com/docs/grafana/latest/administration/api-keys/', examples: { positives: ['const grafanaKey = "eyJrIjoi<alnum:90>";', '  grafanaKey: "eyJrIjoi<alnum:90>"', 'export API_TOKEN=eyJrIjoi<alnum:90>'], negatives: ['const grafanaKey = "eyJrIjoi<alnum:6>";', 'const grafanaKey = "EYjRiJOI<alnum:90>";', 'const grafanaKey = "eyJrIjoixxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'sentry-user-token', title: 'Sentry user auth token', provider: 'Sentry', severity: 'high', keywords: ['sntryu_'], pattern: '\\b(sntryu_[a-f0-9]{64})\\b', longLived: true, revokeUrl: 'https://sentry.io/settings/account/api/auth-tokens/', examples: { positives: ['const sentryToken = "sntryu_<hex:64>";', '  sentryToken: "sntryu_<hex:64>"', 'export API_TOKEN=sntryu_<hex:64>'], negatives: ['const sentryToken = "sntryu_<hex:6>";', 'const sentryToken = "SNTRYU_<hex:64>";', 'const sentryToken = "sntryu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'sentry-org-token', title: 'Sentry organization auth token', provider: 'Sentry', severity: 'high', keywords: ['sntrys_'], pattern: '\\b(sntrys_eyJ[A-Za-z0-9+/=_]{50,300})', longLived: true, revokeUrl: 'https://sentry.io/settings/auth-tokens/', examples: { positives: ['const sentryToken = "sntrys_eyJpYXQiO<alnum:120>";', '  sentryToken: "sntrys_eyJpYXQiO<alnum:120>"', 'export API_TOKEN=sntrys_eyJpYXQiO<alnum:120>'], negatives: ['const sentryToken = "sntrys_eyJpYXQiO<alnum:6>";', 'const sentryToken = "SNTRYS_EYjPyxqIo<alnum:120>";', 'const sentryToken = "sntrys_eyJpYXQiOxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'sentry-dsn-secret', title: 'Sentry DSN with secret key', provider: 'Sentry', severity: 'low', keywords: ['sentry.io'], pattern: 'https://[a-f0-9]{32}:([a-f0-9]{32})@[a-z0-9.]*sentry\\.io/', longLived: true, revokeUrl: 'https://docs.sentry.io/product/sentry-basics/dsn-explainer/', examples: { positives: ['SENTRY_DSN=https://<hex:32>:<hex:32>@o123.ingest.sentry.io/456'], negatives: ['SENTRY_DSN=https://<hex:32>@o123.ingest.sentry.io/456'] } }),
    rule({ id: 'dynatrace-api-token', title: 'Dynatrace API token', provider: 'Dynatrace', severity: 'high', keywords: ['dt0c01.'], pattern: '\\b(dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64})\\b', longLived: true, revokeUrl: 'https://docs.dynatrace.com/docs/manage/access-control/access-tokens', examples: { positives: ['DT_API_TOKEN=dt0c01.<upalnum:24>.<upalnum:64>'], negatives: ['DT_API_TOKEN=dt0c01.<upalnum:24>'] } }),
    contextRule({ id: 'pagerduty-api-key', title: 'PagerDuty API key', provider: 'PagerDuty', severity: 'high', names: ['pagerduty'], value: '[A-Za-z0-9_+-]{20}', longLived: true, revokeUrl: 'https://support.pagerduty.com/main/docs/api-access-keys', entropy: 3.2, examples: { positives: ['PAGERDUTY_API_KEY=<alnum:20>', '  pagerduty_api_key: "<alnum:20>"', '{ "PAGERDUTY_API_KEY": "<alnum:20>" }'], negatives: ['SOME_UNRELATED_ID=<alnum:20>', 'PAGERDUTY_API_KEY=${PAGERDUTY_API_KEY}', '  pagerduty_api_key: "<pagerduty_api_key>"', 'PAGERDUTY_API_KEY is read from the environment'] } }),
    contextRule({ id: 'splunk-hec-token', title: 'Splunk HTTP Event Collector token', provider: 'Splunk', severity: 'medium', names: ['splunk', 'hec_token'], value: LOWER_UUID_REGEX, longLived: true, revokeUrl: 'https://docs.splunk.com/Documentation/Splunk/latest/Data/UsetheHTTPEventCollector', examples: { positives: [`SPLUNK_HEC_TOKEN=${LOWER_UUID}`, `  splunk_hec_token: "${LOWER_UUID}"`, `{ "SPLUNK_HEC_TOKEN": "${LOWER_UUID}" }`], negatives: [`SOME_UNRELATED_ID=${LOWER_UUID}`, 'SPLUNK_HEC_TOKEN=${SPLUNK_HEC_TOKEN}', '  splunk_hec_token: "<splunk_hec_token>"', 'SPLUNK_HEC_TOKEN is read from the environment'] } }),
    contextRule({ id: 'honeycomb-api-key', title: 'Honeycomb API key', provider: 'Honeycomb', severity: 'medium', names: ['honeycomb'], value: '(?:hc[a-z]{2}_[a-z0-9]{56,60}|[A-Za-z0-9]{22,32})', longLived: true, revokeUrl: 'https://docs.honeycomb.io/get-started/configure/environments/manage-api-keys/', entropy: 3.5, examples: { positives: ['HONEYCOMB_API_KEY=<alnum:32>', '  honeycomb_api_key: "<alnum:32>"', '{ "HONEYCOMB_API_KEY": "<alnum:32>" }'], negatives: ['SOME_UNRELATED_ID=<alnum:32>', 'HONEYCOMB_API_KEY=${HONEYCOMB_API_KEY}', '  honeycomb_api_key: "<honeycomb_api_key>"', 'HONEYCOMB_API_KEY is read from the environment'] } }),
    contextRule({ id: 'rollbar-access-token', title: 'Rollbar access token', provider: 'Rollbar', severity: 'medium', names: ['rollbar'], value: '[a-f0-9]{32}', longLived: true, revokeUrl: 'https://docs.rollbar.com/docs/access-tokens', examples: { positives: ['ROLLBAR_ACCESS_TOKEN=<hex:32>', '  rollbar_access_token: "<hex:32>"', '{ "ROLLBAR_ACCESS_TOKEN": "<hex:32>" }'], negatives: ['SOME_UNRELATED_ID=<hex:32>', 'ROLLBAR_ACCESS_TOKEN=${ROLLBAR_ACCESS_TOKEN}', '  rollbar_access_token: "<rollbar_access_token>"', 'ROLLBAR_ACCESS_TOKEN is read from the environment'] } }),
    contextRule({ id: 'bugsnag-api-key', title: 'Bugsnag API key', provider: 'Bugsnag', severity: 'low', names: ['bugsnag'], value: '[a-f0-9]{32}', longLived: true, revokeUrl: 'https://docs.bugsnag.com/', examples: { positives: ['BUGSNAG_API_KEY=<hex:32>', '  bugsnag_api_key: "<hex:32>"', '{ "BUGSNAG_API_KEY": "<hex:32>" }'], negatives: ['SOME_UNRELATED_ID=<hex:32>', 'BUGSNAG_API_KEY=${BUGSNAG_API_KEY}', '  bugsnag_api_key: "<bugsnag_api_key>"', 'BUGSNAG_API_KEY is read from the environment'] } }),
    contextRule({ id: 'launchdarkly-access-token', title: 'LaunchDarkly API access token', provider: 'LaunchDarkly', severity: 'high', names: ['launchdarkly', 'ld_api'], value: 'api-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', longLived: true, revokeUrl: 'https://app.launchdarkly.com/settings/authorization', examples: { positives: ['LAUNCHDARKLY_ACCESS_TOKEN=api-<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>', '  launchdarkly_access_token: "api-<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>"', '{ "LAUNCHDARKLY_ACCESS_TOKEN": "api-<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>" }'], negatives: ['SOME_UNRELATED_ID=api-<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>', 'LAUNCHDARKLY_ACCESS_TOKEN=${LAUNCHDARKLY_ACCESS_TOKEN}', '  launchdarkly_access_token: "<launchdarkly_access_token>"', 'LAUNCHDARKLY_ACCESS_TOKEN is read from the environment'] } }),
    prefixed('segment-write-key', 'Segment public API token', 'Segment', 'sgp_<alnum:64>', 'https://www.twilio.com/docs/segment/connections/find-writekey', { severity: 'medium' }),
    contextRule({ id: 'mixpanel-api-secret', title: 'Mixpanel API secret', provider: 'Mixpanel', severity: 'medium', names: ['mixpanel'], value: '[a-f0-9]{32}', longLived: true, revokeUrl: 'https://mixpanel.com/settings/project', examples: { positives: ['MIXPANEL_API_SECRET=<hex:32>', '  mixpanel_api_secret: "<hex:32>"', '{ "MIXPANEL_API_SECRET": "<hex:32>" }'], negatives: ['SOME_UNRELATED_ID=<hex:32>', 'MIXPANEL_API_SECRET=${MIXPANEL_API_SECRET}', '  mixpanel_api_secret: "<mixpanel_api_secret>"', 'MIXPANEL_API_SECRET is read from the environment'] } }),
    contextRule({ id: 'algolia-admin-api-key', title: 'Algolia admin API key', provider: 'Algolia', severity: 'high', names: ['algolia'], value: '[a-f0-9]{32}', longLived: true, revokeUrl: 'https://dashboard.algolia.com/account/api-keys', examples: { positives: ['ALGOLIA_ADMIN_KEY=<hex:32>', '  algolia_admin_key: "<hex:32>"', '{ "ALGOLIA_ADMIN_KEY": "<hex:32>" }'], negatives: ['SOME_UNRELATED_ID=<hex:32>', 'ALGOLIA_ADMIN_KEY=${ALGOLIA_ADMIN_KEY}', '  algolia_admin_key: "<algolia_admin_key>"', 'ALGOLIA_ADMIN_KEY is read from the environment'] } }),
    // License keys made before the NRAL suffix are 40 hex characters; only the name says whose they are.
    keyed({ id: 'newrelic-license-key-legacy', title: 'New Relic license key (legacy 40-hex form)', provider: 'New Relic', severity: 'medium', names: ['new_relic_license_key', 'newrelic_license_key', 'new-relic-license-key', 'new.relic.license.key', 'newrelic.license_key', 'nria_license_key'], bare: true, shape: '<hex:40>', longLived: true, revokeUrl: NEW_RELIC_KEYS }),
    prefixed('newrelic-admin-api-key', 'New Relic admin API key', 'New Relic', 'NRAA-<hex:27>', NEW_RELIC_KEYS),
    prefixed('newrelic-insights-query-key', 'New Relic Insights query key', 'New Relic', 'NRIQ-<word:25-32>', NEW_RELIC_KEYS, { severity: 'medium' }),
    prefixed('newrelic-rest-api-key', 'New Relic REST API key', 'New Relic', 'NRRA-<hex:42>', NEW_RELIC_KEYS),
    prefixed('axiom-api-token', 'Axiom API token', 'Axiom', `xaat-${UUID}`, 'https://app.axiom.co/settings/api-tokens'),
    prefixed('axiom-personal-token', 'Axiom personal access token', 'Axiom', `xapt-${UUID}`, 'https://app.axiom.co/profile'),
    prefixed('posthog-personal-api-key', 'PostHog personal API key', 'PostHog', 'phx_<word:43-48>', 'https://us.posthog.com/settings/user-api-keys'),
    prefixed('launchdarkly-sdk-key', 'LaunchDarkly server-side SDK key', 'LaunchDarkly', `sdk-${UUID}`, 'https://app.launchdarkly.com/settings/projects', { severity: 'medium' }),
    prefixed('statsig-server-secret', 'Statsig server secret key', 'Statsig', 'secret-<alnum:43>', 'https://console.statsig.com/api_keys'),
    prefixed('flagsmith-server-key', 'Flagsmith server-side environment key', 'Flagsmith', 'ser.<alnum:22>', 'https://app.flagsmith.com/', { severity: 'medium' }),
    prefixed('checkly-api-key', 'Checkly API key', 'Checkly', 'cu_<hex:32>', 'https://app.checklyhq.com/settings/user/api-keys'),
    named('sumologic-access-key', 'Sumo Logic access key', 'Sumo Logic', ['sumologic', 'sumo_access', 'sumo'], '<alnum:64>', 'https://service.sumologic.com/ui/#/preferences'),
    named('lightstep-access-token', 'Lightstep / Cloud Observability access token', 'ServiceNow Cloud Observability', ['lightstep'], '<b64:84>', 'https://app.lightstep.com/'),
    named('logzio-token', 'Logz.io shipping token', 'Logz.io', ['logzio', 'logz_io', 'logz.io', 'logz'], '<alpha:32>', 'https://app.logz.io/#/dashboard/settings/manage-tokens/data-shipping'),
    named('logzio-api-token', 'Logz.io API token', 'Logz.io', ['logzio', 'logz_io', 'logz.io', 'logz'], UUID, 'https://app.logz.io/#/dashboard/settings/manage-tokens/api'),
    named('loggly-token', 'Loggly customer token', 'Loggly', ['loggly'], UUID, 'https://www.loggly.com/docs/customer-token-authentication-token/'),
    named('papertrail-token', 'Papertrail API token', 'Papertrail', ['papertrail'], '<alnum:20>', 'https://papertrailapp.com/account/profile'),
    named('coralogix-api-key', 'Coralogix API key', 'Coralogix', ['coralogix'], 'cxtp_<alnum:30>', 'https://coralogix.com/'),
    named('betterstack-token', 'Better Stack (Logtail) token', 'Better Stack', ['logtail', 'betterstack', 'better_stack', 'betteruptime'], '<alnum:24>', 'https://betterstack.com/settings/api-tokens'),
    named('raygun-api-key', 'Raygun API key', 'Raygun', ['raygun'], '<alnum:22>', 'https://app.raygun.com/'),
    named('airbrake-project-key', 'Airbrake project key', 'Airbrake', ['airbrake'], '<hex:32>', 'https://airbrake.io/'),
    named('appsignal-push-key', 'AppSignal push API key', 'AppSignal', ['appsignal'], UUID, 'https://appsignal.com/accounts'),
    named('scout-apm-key', 'Scout APM key', 'Scout APM', ['scout_key', 'scout_apm'], '<alnum:20>', 'https://scoutapm.com/settings'),
    named('instana-api-token', 'IBM Instana API token', 'IBM Instana', ['instana'], '<word:22>', 'https://www.ibm.com/docs/en/instana-observability'),
    named('opsgenie-api-key', 'Opsgenie API key', 'Opsgenie', ['opsgenie'], UUID, 'https://app.opsgenie.com/settings/api-key-management'),
    named('victorops-api-key', 'Splunk On-Call (VictorOps) API key', 'Splunk On-Call', ['victorops', 'splunk_oncall'], '<hex:32>', 'https://portal.victorops.com/'),
    named('statuspage-api-key', 'Atlassian Statuspage API key', 'Statuspage', ['statuspage'], UUID, 'https://support.atlassian.com/statuspage/docs/create-and-manage-api-keys'),
    named('uptimerobot-api-key', 'UptimeRobot API key', 'UptimeRobot', ['uptimerobot', 'uptime_robot'], 'u<digit:6-7>-<hex:24>', 'https://dashboard.uptimerobot.com/integrations'),
    named('pingdom-api-token', 'Pingdom API token', 'Pingdom', ['pingdom'], '<word:64-72>', 'https://my.pingdom.com/app/api-tokens'),
    named('cronitor-api-key', 'Cronitor API key', 'Cronitor', ['cronitor'], '<hex:32>', 'https://cronitor.io/app/settings/api'),
    named('healthchecks-api-key', 'Healthchecks.io API key', 'Healthchecks.io', ['healthchecks'], '<word:32>', 'https://healthchecks.io/'),
    named('amplitude-secret-key', 'Amplitude secret key', 'Amplitude', ['amplitude'], '<hex:32>', 'https://app.amplitude.com/'),
    named('split-api-key', 'Split (Harness FME) SDK or admin key', 'Split', ['split_io', 'splitio', 'split_api'], '<lowalnum:36>', 'https://app.split.io/'),
    named('optimizely-token', 'Optimizely personal access token', 'Optimizely', ['optimizely'], '2:<word:40-60>', 'https://app.optimizely.com/v2/profile/api'),
    named('configcat-sdk-key', 'ConfigCat SDK key', 'ConfigCat', ['configcat'], '<word:22>/<word:22>', 'https://app.configcat.com/'),
    named('unleash-api-token', 'Unleash API token', 'Unleash', ['unleash'], '<[a-z*]:1-40>:<lower:3-20>.<hex:64>', 'https://docs.getunleash.io/reference/api-tokens-and-client-keys'),
    named('growthbook-secret-key', 'GrowthBook secret key', 'GrowthBook', ['growthbook'], 'secret_<word:30-50>', 'https://app.growthbook.io/settings/keys'),
    named('elastic-apm-secret-token', 'Elastic APM secret token', 'Elastic', ['elastic_apm_secret_token', 'apm_secret_token'], '<word:20-64>', 'https://www.elastic.co/guide/en/apm/guide/current/secret-token.html', { bare: true }),
    named('kibana-encryption-key', 'Kibana encryption key', 'Elastic', ['xpack.security.encryptionkey', 'xpack.encryptedsavedobjects.encryptionkey', 'xpack.reporting.encryptionkey'], '<word:32-64>', 'https://www.elastic.co/guide/en/kibana/current/kibana-encryption-keys.html', { bare: true }),
    named('signalfx-access-token', 'Splunk Observability (SignalFx) access token', 'Splunk Observability', ['signalfx', 'sfx_token', 'splunk_access_token'], '<word:22>', 'https://help.splunk.com/splunk-observability-cloud/administer/authentication-and-security/authentication-tokens/org-access-tokens'),
    named('wavefront-api-token', 'VMware Aria (Wavefront) API token', 'Wavefront', ['wavefront'], UUID, 'https://docs.wavefront.com/'),
    named('logdna-ingestion-key', 'Mezmo (LogDNA) ingestion key', 'Mezmo', ['logdna', 'mezmo'], '<hex:32>', 'https://app.mezmo.com/'),
    named('cribl-auth-token', 'Cribl auth token', 'Cribl', ['cribl'], '<word:20-64>', 'https://cribl.io/'),
    named('grafana-oncall-token', 'Grafana OnCall / Incident token', 'Grafana', ['grafana_oncall', 'oncall_api'], '<hex:64>', 'https://grafana.com/auth/sign-in'),
    named('mixpanel-service-secret', 'Mixpanel service account secret', 'Mixpanel', ['mixpanel_service', 'mixpanel_sa'], '<alnum:32>', 'https://mixpanel.com/settings/org#serviceaccounts'),
    named('keen-io-master-key', 'Keen master key', 'Keen', ['keen_master', 'keen_io', 'keenio'], '<HEX:64>', 'https://keen.io/'),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/passwords.ts



/** A name that ends in a password word: `DB_PASSWORD`, `$dbpasswd`, `mail.pass`, `userPassword`; not `bypass`, `password_min_length`. */
const NAME = String.raw `[A-Za-z0-9_$.-]{0,30}(?:password|passwd|passwort|pwd|passphrase|passcode|(?:^|[^a-z])pass|dbpass)`;
/** An e-mail address, as a login written beside a password. */
const EMAIL = String.raw `[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}`;
const passwords_REMEDIATION = 'Change the password where it is used, then load it from a secret store or the environment instead of the code.';
/** Documentation quotes passwords to explain them; the rule is for code and configuration. */
const DOCS = ['**/*.{md,markdown,rst,adoc,asciidoc,html,htm}', '**/docs/**', '**/doc/**'];
/** The name an assignment's match opens with (`DB_PASSWORD` in `DB_PASSWORD=`), for judging a value that repeats it. */
const assignedName = (before) => /[A-Za-z0-9_$.-]+/.exec(before)?.[0];
/** The name of a config line (`REACT_APP_PASS` in `# REACT_APP_PASS=`, `password` in `snowflake password =`): its last word before the operator. */
const configName = (before) => /([A-Za-z0-9_$.-]+)[ \t]*[:=][ \t]*$/.exec(before)?.[1];
const base = {
    provider: 'Generic',
    severity: 'medium',
    // A weak password is a finding of lower confidence: `fail-on` decides, not `block-long-lived`.
    longLived: false,
    validateInMatch: (value, before) => isHumanPassword(value, { name: assignedName(before) }),
    remediation: passwords_REMEDIATION,
    skipPaths: DOCS,
    keywords: ['pass', 'pwd'],
};
/**
 * A password's name in code, for multi-assignments, in the cases code writes it: `static_password02`, `dbPass`,
 * `DB_PASS`, `pass`; not `bypass` or `compass`.
 */
const CODE_NAME = String.raw `(?:[A-Za-z0-9_]{0,30}(?:[Pp]ass(?:word|wd|phrase)|[Pp]wd|PASS(?:WORD|WD|PHRASE)|PWD)|(?:[A-Za-z0-9]{0,30}_)?(?:pass|PASS)|[a-z0-9]{1,30}Pass)[0-9]{0,4}`;
/** Between the names and the values: Go's `:=`, `=` after an optional type (`string`), and Python's or Lua's `=`. */
const MULTI_ASSIGN = String.raw `(?:[ \t]+[A-Za-z_][\w.]{0,20})?[ \t]*:?=[ \t]*`;
const LITERAL = String.raw `"[^"\\\r\n]{0,200}"`;
/** A literal in a password's place, judged against the name that holds it (`pass := "pass"` is no password). */
const multiAssigned = (value, names) => isPasswordInPlace(value, { name: /[A-Za-z_]\w*/.exec(names)?.[0] });
const multiAssignBase = { provider: 'Generic', severity: 'medium', longLived: false, remediation: passwords_REMEDIATION, skipPaths: DOCS, keywords: ['pass', 'pwd'] };
const passwordRules = [
    rule({
        ...base,
        id: 'hardcoded-password',
        title: 'Hardcoded password (human-chosen)',
        // Spaces only inside the quotes (`'open sesame'`), where the value's judgment tells a passphrase from prose.
        pattern: String.raw `(?i)${NAME}\\?["']?\]?[ \t]*${ASSIGN_OPERATOR}[ \t]*\\?["']([^"'\s\\][^"'\r\n\\]{2,62}[^"'\s\\])\\?["']`,
        examples: {
            positives: [
                '$dbpasswd = \'pass<digit:3>\';',
                '  password: "RedisPass<digit:1>!"',
                'const adminPassword = "Summer<digit:4>!";',
                '{ "userPassword": "mongo<digit:4>" }',
                'my_password := "<lower:5>$<lower:6>"',
                "PASS = '`<digit:3><upper:4><lower:4>'",
            ],
            negatives: ['encode_credentials(username: "<lower:6>", password: "<lower:8>")', "password = '<lower:5> <lower:7>'", '"password": "Wachtwoord"', 'POSTGRES_PASSWORD: "postgres"', 'server->password = "<lower:7>@";', 'password = "`whoami`"', 'password: "password"', 'password = "${DB_PASS}"', 'password: "{password}"', 'password: "<password>"', '"password": "Password"', 'bypass = "abc<digit:3>"', 'password = "changeme"', 'password: "***"', 'password = config.db.password', 'password_hint = "see vault"', 'password: "&lt;password&gt;"', 'password: "a.type==\'password\'",', '"parse-passwd": "1.0.0",'],
        },
    }),
    rule({
        ...base,
        id: 'hardcoded-password-word',
        title: 'Hardcoded password word or passphrase in a config file (human-chosen)',
        // A lowercase word or a few (`"AdminPassword": "whiteduke"`, `password = 'open sesame'`): in code these are labels,
        // messages and test fixtures far more often, so config and data files only.
        skipSyntax: ['code'],
        pattern: String.raw `(?i)${NAME}\\?["']?\]?[ \t]*${ASSIGN_OPERATOR}[ \t]*\\?["']([a-z][a-z0-9 ]{4,38}[a-z0-9])\\?["']`,
        validateInMatch: (value, before) => isPasswordWord(value, { name: assignedName(before) }),
        examples: {
            path: 'config/settings.json',
            positives: ['{ "AdminPassword": "<lower:12>" }', "user = '<lower:7>'\npassword = '<lower:5> <lower:7>'", 'smtp:\n  password: "<lower:9>"'],
            negatives: ['"password": "Wachtwoord"', 'password: "is too short"', 'password: "encrypted"', '"postgres_password": "postgres"', 'password: "admin<digit:3>"', '"password": "<lower:8>_<lower:4>"'],
        },
    }),
    rule({
        ...base,
        id: 'hardcoded-password-constant',
        title: 'Hardcoded password word in a constant or beside its user (human-chosen)',
        // In code, a word counts where a value is configuration: a constant (`private const string PfxPassword = "..."`) or a
        // password set right after its user on one line (`$user = "..."; $password = "...";`).
        pattern: String.raw `(?i:(?:\b(?:const|final|readonly|static)\b[^=;\r\n]{0,80}?|[$@]?[\w.]{0,30}user(?:_?name)?["']?\]?[ \t]*=[ \t]*["'][^"'\r\n]{1,64}["'][ \t]*;[ \t]*)${NAME}["']?\]?[ \t]*=[ \t]*)["']([a-z][a-z0-9 ]{4,38}[a-z0-9])["']`,
        validateInMatch: (value, before) => isPasswordWord(value, { name: /([A-Za-z0-9_$.-]+)["'\]]*[ \t]*=[ \t]*$/.exec(before)?.[1] }),
        examples: {
            path: 'src/Deploy/Signing.cs',
            positives: ['private const string ExportPfxPassword = "<lower:16>";', '$user = "<lower:2><digit:4>"; $password = "<lower:8>";', 'static final String SMTP_PASSWORD = "<lower:6> <lower:6>";'],
            negatives: ['encode_credentials(username: "<lower:6>", password: "<lower:8>")', '@user.password = "<lower:8>"', 'private const string PasswordLabel = "<lower:8>";', 'const string DbPassword = "required";', '$user = "app"; $password = $_POST["password"];'],
        },
    }),
    rule({
        ...multiAssignBase,
        id: 'multi-assign-password',
        title: 'Hardcoded password in a multiple assignment (user, pass := "u", "p")',
        // The first name is the password's (`const a_password, b string = "x", "y"`), or the second (`user, pass := "u", "p"`).
        pattern: String.raw `\b${CODE_NAME}[ \t]*,[ \t]*[A-Za-z_]\w{0,40}${MULTI_ASSIGN}"([^"\\\s]{3,200})"[ \t]*,[ \t]*"`,
        validateInMatch: (value, before) => multiAssigned(value, before),
        examples: {
            path: 'internal/db/conn.go',
            positives: ['\tconst static_password02, static_password03 string = "<lower:8><digit:2>", "<lower:8><digit:2>";', 'db_pass, region = "<lower:7>", "eu-west-1"'],
            negatives: ['\tvar variable_password01, variable_password02 string = password, "${{password}}";', '\tvar1, var2 := "mismatched key-value lengths"', 'bypass, mode := "<lower:8><digit:2>", "x"', 'pass, other := "pass", "x"'],
        },
    }),
    rule({
        ...multiAssignBase,
        id: 'multi-assign-password-second',
        title: 'Hardcoded password in a multiple assignment, second place (user, pass := "u", "p")',
        pattern: String.raw `\b[A-Za-z_]\w{0,40}[ \t]*,[ \t]*${CODE_NAME}${MULTI_ASSIGN}${LITERAL}[ \t]*,[ \t]*"([^"\\\s]{3,200})"`,
        validateInMatch: (value, before) => multiAssigned(value, before.slice(before.indexOf(',') + 1)),
        examples: {
            path: 'cmd/sync/main.go',
            positives: ['\tuser, pass := "deploy", "<lower:6><digit:3>"', 'username, db_password = "app", "<alnum:14>"'],
            negatives: ['\tuser, pass := "deploy", os.Getenv("PASS")', '\tuser, pass := "deploy", "{password}"', '\tuser, pass := "deploy", ""', 'user, compass := "a", "<lower:6><digit:3>"'],
        },
    }),
    rule({
        ...base,
        id: 'hardcoded-password-config',
        title: 'Hardcoded password in a config or env file (human-chosen)',
        // In source code an unquoted right-hand side is an expression (`password: null,`): config and env files only.
        skipPaths: DOCS,
        skipSyntax: ['code'],
        // Also commented out (`# REACT_APP_PASS=...` still leaks it), after a word naming whose it is (`snowflake password
        // = ...`), and with the login after a slash (`password: <p> / <e-mail>`), as notes write it.
        pattern: String.raw `(?im)^[ \t]*(?:#+[ \t]*)?(?:export[ \t]+|set[ \t]+)?(?:[A-Za-z][\w.-]{0,30}[ \t]+)?${NAME}[ \t]*[:=][ \t]*([^\s"'#;,]{3,64})[ \t]*(?:/[ \t]*${EMAIL}[ \t]*)?(?:#.*)?\r?$`,
        validateInMatch: (value, before) => isHumanPassword(value, { name: configName(before), words: true }) || isTinyPassword(value),
        examples: {
            positives: [
                'DB_PASSWORD=admin<digit:3>',
                'REDIS_PASSWORD=RedisPass<digit:1>!',
                'MAIL_PASSWORD=mail<digit:4>pw',
                'spring.datasource.password: s3cret<digit:2>',
                '# REACT_APP_AUTH_PASSWORD=<lower:9>',
                'snowflake password = P@ss<digit:4>',
                'portal-password: Pass<digit:3>! / <lower:5>@<lower:6>.com',
            ],
            negatives: ['POSTGRES_PASSWORD: postgres', '# password: the one in the vault', 'password: Wachtwoord', 'password: n/a', 'DB_PASSWORD=', 'DB_PASSWORD=${DB_PASSWORD}', 'DB_PASSWORD=changeme', 'PASSWORD_MIN_LENGTH=12', 'password = getPassword()', 'DB_PASSWORD=password', '    password: null,', '  password: abc<digit:3>,'],
            path: 'deploy/app.env',
        },
    }),
    rule({
        ...base,
        id: 'zipbooks-login',
        title: 'ZipBooks login: password and account e-mail',
        provider: 'ZipBooks',
        // ZipBooks' API signs in with the account's e-mail and password (POST /v2/auth/login); notes keep them as a pair.
        keywords: ['zipbooks'],
        pattern: String.raw `(?i)\bzipbooks[\w.-]{0,20}["']?[ \t]*[:=][ \t]*["']?([^\s"'/]{4,64})[ \t]*/[ \t]*${EMAIL}`,
        validateInMatch: (value) => isHumanPassword(value) || isPasswordInPlace(value),
        remediation: 'Change the ZipBooks account password, then keep it in a secret store rather than in files.',
        examples: {
            positives: ['zipbooks = Secure<alnum:4>@<digit:3> / <lower:5>@<lower:6>.com', 'zipbooks-password: <alnum:12> / ops@<lower:6>.io'],
            negatives: ['zipbooks: <lower:5>/<lower:7>@go', 'zipbooks = password / <lower:5>@<lower:6>.com', 'zipbooks_user = <lower:5>@<lower:6>.com'],
        },
    }),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/platform-tokens.ts


const platform_tokens_NEW_RELIC_KEYS = 'https://one.newrelic.com/launcher/api-keys-ui.api-keys-launcher';
const platform_tokens_LOWER_UUID = '<lowalnum:8>-<lowalnum:4>-<lowalnum:4>-<lowalnum:4>-<lowalnum:12>';
/** Operations, incident, security, IoT, finance and platform services: prefixed tokens and keys under the provider's name. */
const platformTokenRules = [
    prefixed('rootly-api-key', 'Rootly API key', 'Rootly', 'rootly_<hex:64>', 'https://rootly.com/account/api_keys'),
    prefixed('ramp-client-secret', 'Ramp API client secret', 'Ramp', 'ramp_sec_<alnum:48>', 'https://app.ramp.com/developer', { severity: 'critical' }),
    prefixed('ramp-client-id', 'Ramp API client id', 'Ramp', 'ramp_id_<alnum:40>', 'https://app.ramp.com/developer', { severity: 'low' }),
    prefixed('ubidots-api-token', 'Ubidots API token', 'Ubidots', 'BBFF-<alnum:30>', 'https://industrial.ubidots.com/accounts/me/apiCredentials'),
    prefixed('spectralops-token', 'SpectralOps (Check Point) personal token', 'SpectralOps', 'spu-<lowalnum:32>', 'https://get.spectralops.io/'),
    prefixed('trufflehog-enterprise-secret', 'TruffleHog Enterprise API secret', 'Truffle Security', 'thog-secret-<hex:32>', 'https://trufflesecurity.com/'),
    prefixed('trufflehog-enterprise-key', 'TruffleHog Enterprise API key id', 'Truffle Security', 'thog-key-<hex:16>', 'https://trufflesecurity.com/', { severity: 'medium' }),
    prefixed('tines-webhook-url', 'Tines webhook URL with its secret', 'Tines', 'https://<[A-Za-z0-9-]:2-40>.tines.com/webhook/<lowalnum:32>/<lowalnum:32>', 'https://www.tines.com/docs/actions/types/webhook', { severity: 'medium', keywords: ['.tines.com/webhook/'], examples: { negatives: ['https://acme.tines.com/webhook/<lowalnum:32>'] } }),
    // A publish key lets anyone post into the app's channels; subscribe keys are meant for clients and are left out.
    prefixed('pubnub-publish-key', 'PubNub publish key', 'PubNub', `pub-c-${platform_tokens_LOWER_UUID}`, 'https://admin.pubnub.com/', { severity: 'medium' }),
    prefixed('thingsboard-device-token', 'ThingsBoard Cloud device access token (in a URL)', 'ThingsBoard', 'thingsboard.cloud/api/v1/<lowalnum:20>', 'https://thingsboard.io/docs/user-guide/access-token/', { severity: 'medium', keywords: ['thingsboard.cloud/api/v1/'] }),
    // A Tableau personal access token's secret: 22 base64 characters and `==`, a colon, 32 alphanumerics.
    // The secret is a base64 half (16 bytes) glued by `==:` to 32 alphanumerics; that glue is distinctive on its own.
    prefixed('tableau-pat-secret', 'Tableau personal access token secret', 'Tableau', '<b64:22>==:<alnum:32>', 'https://help.tableau.com/current/server/en-us/security_personal_access_tokens.htm', { keywords: ['==:'], entropy: 3.5 }),
    prefixed('newrelic-browser-key-nrbr', 'New Relic browser key (NRBR)', 'New Relic', 'NRBR-<hex:19>', platform_tokens_NEW_RELIC_KEYS, { severity: 'low' }),
    prefixed('newrelic-mobile-app-token', 'New Relic mobile app token', 'New Relic', 'AA<hex:40>-NRMA', platform_tokens_NEW_RELIC_KEYS, { severity: 'low', keywords: ['-nrma'] }),
    prefixed('newrelic-mobile-app-token-eu', 'New Relic mobile app token (EU region)', 'New Relic', 'eu01xx<hex:36>-NRMA', platform_tokens_NEW_RELIC_KEYS, { severity: 'low', keywords: ['-nrma'] }),
    prefixed('newrelic-license-key-eu', 'New Relic ingest license key (EU region)', 'New Relic', 'eu01xx<hex:26><anyhex:4>NRAL', platform_tokens_NEW_RELIC_KEYS, { severity: 'medium', keywords: ['nral'] }),
    named('sentry-auth-token-legacy', 'Sentry auth token (legacy 64-hex form)', 'Sentry', ['sentry'], '<hex:64>', 'https://sentry.io/settings/account/api/auth-tokens/'),
    // Before npm_ tokens (2021) npm issued UUIDs; they live on under NPM_TOKEN and `_authToken` in .npmrc and .yarnrc.
    named('npm-legacy-token', 'npm access token (legacy UUID form)', 'npm', ['npm_token', 'npm-token', 'npmtoken', 'npm_auth_token', '_authtoken', 'npm_api_key'], UUID, 'https://www.npmjs.com/settings/~/tokens', { bare: true, examples: { positives: ['{ "_authToken": "' + UUID + '" }', 'export NPM_TOKEN="' + UUID + '"'], negatives: ['"_authToken": "${NPM_TOKEN}"'] } }),
    named('netlify-access-token-legacy', 'Netlify personal access token (legacy 64-hex form)', 'Netlify', ['netlify'], '<hex:64>', 'https://app.netlify.com/user/applications#personal-access-tokens'),
    named('privacy-api-key', 'Privacy.com API key', 'Privacy.com', ['privacy_com', 'privacycom', 'privacy.com', 'privacy_api', 'privacy-api', 'privacy_key'], platform_tokens_LOWER_UUID, 'https://app.privacy.com/account', { bare: true, severity: 'critical' }),
    prefixed('nightfall-api-key', 'Nightfall API key', 'Nightfall', 'NF-<alnum:32>', 'https://app.nightfall.ai/developer-platform/api-keys', { keywords: ['nf-'] }),
    prefixed('pagarme-live-api-key', 'Pagar.me live API key', 'Pagar.me', 'ak_live_<alnum:30>', 'https://dashboard.pagar.me/', { severity: 'critical' }),
    prefixed('saladcloud-api-key', 'SaladCloud API key', 'SaladCloud', 'salad_cloud_<alnum:1-7>_<alnum:7-235>', 'https://portal.salad.com/api-key'),
    prefixed('robinhood-crypto-api-key', 'Robinhood Crypto API key', 'Robinhood', 'rh-api-<anyhex:8>-<anyhex:4>-<anyhex:4>-<anyhex:4>-<anyhex:12>', 'https://robinhood.com/account/crypto'),
    prefixed('voiceflow-api-key', 'Voiceflow API key', 'Voiceflow', 'VF.<anyhex:24>.<alnum:16>', 'https://creator.voiceflow.com/', { keywords: ['vf.'] }),
    prefixed('voiceflow-dm-api-key', 'Voiceflow Dialog Manager API key', 'Voiceflow', 'VF.DM.<anyhex:24>.<alnum:16>', 'https://creator.voiceflow.com/', { keywords: ['vf.dm.'] }),
    prefixed('salesforce-refresh-token', 'Salesforce OAuth refresh token', 'Salesforce', '5Aep861<[A-Za-z0-9._=]:80-200>', 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_revoke_token.htm', { severity: 'critical', keywords: ['5aep861'] }),
    prefixed('stripe-payment-intent-secret', 'Stripe PaymentIntent client secret', 'Stripe', 'pi_<alnum:24>_secret_<alnum:25>', 'https://dashboard.stripe.com/payments', { severity: 'low', keywords: ['_secret_'] }),
    named('salesblink-api-key', 'SalesBlink API key', 'SalesBlink', ['salesblink'], 'key-<alnum:64>', 'https://run.salesblink.io/'),
    named('meraki-api-key', 'Cisco Meraki Dashboard API key', 'Cisco Meraki', ['meraki'], '<hex:40>', 'https://dashboard.meraki.com/'),
    named('qubole-api-token', 'Qubole API token', 'Qubole', ['qubole'], '<lowalnum:64>', 'https://us.qubole.com/'),
    named('redhat-pyxis-api-key', 'Red Hat Pyxis (certification) API key', 'Red Hat', ['pyxis', 'redhat_api', 'redhat-api'], '<lowalnum:32>', 'https://connect.redhat.com/account/api-keys'),
    named('testingbot-api-key', 'TestingBot API key or secret', 'TestingBot', ['testingbot'], '<lowalnum:32>', 'https://testingbot.com/members/user/edit'),
    named('truenas-api-key', 'TrueNAS API key', 'TrueNAS', ['truenas'], '<digit:1-4>-<alnum:64>', 'https://www.truenas.com/docs/scale/scaletutorials/toptoolbar/managingapikeys/'),
    // The middleware's JSON-RPC login call hands the key over as its first parameter.
    rule({
        id: 'truenas-api-key-login',
        title: 'TrueNAS API key in a login call',
        provider: 'TrueNAS',
        severity: 'high',
        keywords: ['login_with_api_key'],
        pattern: String.raw `login_with_api_key["']?\s*,\s*["']params["']\s*:\s*\[\s*["']([0-9]{1,4}-[A-Za-z0-9]{64})["']`,
        multilineWindow: 512,
        entropy: 3.5,
        longLived: true,
        revokeUrl: 'https://www.truenas.com/docs/scale/scaletutorials/toptoolbar/managingapikeys/',
        examples: {
            positives: ['{"id": "1", "msg": "method", "method": "auth.login_with_api_key", "params": ["<digit:1>-<alnum:64>"]}', '{\n  "method": "auth.login_with_api_key",\n  "params": [\n    "<digit:2>-<alnum:64>"\n  ]\n}'],
            negatives: ['{"method": "auth.login_with_api_key", "params": ["<digit:1>-<alnum:20>"]}', '{"method": "auth.login", "params": ["<digit:1>-<alnum:64>"]}'],
        },
    }),
    named('ngc-api-key', 'NVIDIA NGC API key (legacy)', 'NVIDIA', ['ngc'], '<alnum:84>', 'https://org.ngc.nvidia.com/setup/api-keys'),
    named('twitter-consumer-secret', 'X (Twitter) API consumer secret', 'X', ['twitter'], '<alnum:50>', 'https://developer.x.com/en/portal/projects-and-apps'),
    named('twitter-consumer-key', 'X (Twitter) API consumer key', 'X', ['twitter'], '<alnum:25>', 'https://developer.x.com/en/portal/projects-and-apps', { severity: 'medium' }),
    named('spotify-client-secret', 'Spotify client secret', 'Spotify', ['spotify'], '<alnum:32>', 'https://developer.spotify.com/dashboard'),
    named('poloniex-api-key', 'Poloniex API key', 'Poloniex', ['poloniex'], '<upalnum:8>-<upalnum:8>-<upalnum:8>-<upalnum:8>', 'https://poloniex.com/apikeys'),
    named('poloniex-api-secret', 'Poloniex API secret', 'Poloniex', ['poloniex'], '<hex:128>', 'https://poloniex.com/apikeys', { severity: 'critical' }),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/payments.ts


const STRIPE_KEYS = 'https://dashboard.stripe.com/apikeys';
const paymentRules = [
    // Paystack secret keys share Stripe's `sk_live_` prefix; with the name next to it, this rule claims the span first.
    contextRule({ id: 'paystack-secret-key', title: 'Paystack live secret key', provider: 'Paystack', severity: 'critical', names: ['paystack'], value: 'sk_live_[a-f0-9]{40}', longLived: true, revokeUrl: 'https://dashboard.paystack.com/#/settings/developers', examples: { positives: ['PAYSTACK_SECRET_KEY=sk_live_<hex:40>', '  paystack_secret_key: "sk_live_<hex:40>"', '{ "PAYSTACK_SECRET_KEY": "sk_live_<hex:40>" }'], negatives: ['SOME_UNRELATED_ID=sk_live_<hex:40>', 'PAYSTACK_SECRET_KEY=${PAYSTACK_SECRET_KEY}', '  paystack_secret_key: "<paystack_secret_key>"', 'PAYSTACK_SECRET_KEY is read from the environment'] } }),
    rule({ id: 'stripe-live-secret-key', title: 'Stripe live secret key', provider: 'Stripe', severity: 'critical', keywords: ['sk_live_'], pattern: '\\b(sk_live_[0-9a-zA-Z]{24,247})(?:[^0-9A-Za-z_-]|$)', longLived: true, revokeUrl: STRIPE_KEYS, remediation: 'Roll the key in the Stripe dashboard (Developers > API keys); use a restricted key with the fewest permissions.', examples: { positives: ['const stripeKey = "sk_live_<alnum:99>";', '  stripeKey: "sk_live_<alnum:99>"', 'export API_TOKEN=sk_live_<alnum:99>', 'Stripe.api_key = \'sk_live_<alnum:99>\''], negatives: ['const apideckKey = "sk_live_<alnum:30>-<alnum:60>";', 'const stripeKey = "sk_live_<alnum:6>";', 'const stripeKey = "SK_LIVE_<alnum:99>";', 'const stripeKey = "sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";', 'const stripeKey = "pk_live_<alnum:24>";', 'const stripeKey = "sk_live_<alnum:12>";', 'const stripeKey = "SK_LIVE_<alnum:24>";'] } }),
    rule({ id: 'stripe-live-restricted-key', title: 'Stripe live restricted key', provider: 'Stripe', severity: 'high', keywords: ['rk_live_'], pattern: '\\b(rk_live_[0-9a-zA-Z]{24,247})\\b', longLived: true, revokeUrl: STRIPE_KEYS, examples: { positives: ['const stripeKey = "rk_live_<alnum:99>";', '  stripeKey: "rk_live_<alnum:99>"', 'export API_TOKEN=rk_live_<alnum:99>'], negatives: ['const stripeKey = "rk_live_<alnum:6>";', 'const stripeKey = "RK_LIVE_<alnum:99>";', 'const stripeKey = "rk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'stripe-test-secret-key', title: 'Stripe test-mode secret key', provider: 'Stripe', severity: 'low', keywords: ['sk_test_'], pattern: '\\b(sk_test_[0-9a-zA-Z]{24,247})\\b', longLived: true, revokeUrl: STRIPE_KEYS, examples: { positives: ['const stripeKey = "sk_test_<alnum:99>";', '  stripeKey: "sk_test_<alnum:99>"', 'export API_TOKEN=sk_test_<alnum:99>'], negatives: ['const stripeKey = "sk_test_<alnum:6>";', 'const stripeKey = "SK_TEST_<alnum:99>";', 'const stripeKey = "sk_test_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'stripe-test-restricted-key', title: 'Stripe test-mode restricted key', provider: 'Stripe', severity: 'low', keywords: ['rk_test_'], pattern: '\\b(rk_test_[0-9a-zA-Z]{24,247})\\b', longLived: true, revokeUrl: STRIPE_KEYS, examples: { positives: ['const stripeKey = "rk_test_<alnum:99>";', '  stripeKey: "rk_test_<alnum:99>"', 'export API_TOKEN=rk_test_<alnum:99>'], negatives: ['const stripeKey = "rk_test_<alnum:6>";', 'const stripeKey = "RK_TEST_<alnum:99>";', 'const stripeKey = "rk_test_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'stripe-webhook-secret', title: 'Stripe webhook signing secret', provider: 'Stripe', severity: 'medium', keywords: ['whsec_'], pattern: '\\b(whsec_[A-Za-z0-9+/]{32,64})', longLived: true, revokeUrl: 'https://dashboard.stripe.com/webhooks', examples: { positives: ['STRIPE_WEBHOOK_SECRET=whsec_<alnum:32>'], negatives: ['STRIPE_WEBHOOK_SECRET=whsec_<alnum:10>'] } }),
    rule({ id: 'square-access-token', title: 'Square access token', provider: 'Square', severity: 'critical', keywords: ['eaaa', 'sq0atp-'], pattern: '\\b((?:EAAA[A-Za-z0-9_-]{60})|(?:sq0atp-[0-9A-Za-z_-]{22}))(?:[^0-9A-Za-z_-]|$)', longLived: true, revokeUrl: 'https://developer.squareup.com/apps', examples: { positives: ['const squareToken = "EAAA<word:60>";', '  squareToken: "EAAA<word:60>"', 'export API_TOKEN=EAAA<word:60>'], negatives: ['const squareToken = "EAAA<word:6>";', 'const squareToken = "eaaa<word:60>";', 'const squareToken = "EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    rule({ id: 'square-oauth-secret', title: 'Square OAuth application secret', provider: 'Square', severity: 'high', keywords: ['sq0csp-'], pattern: '\\b(sq0csp-[0-9A-Za-z_-]{43})(?:[^0-9A-Za-z_-]|$)', longLived: true, revokeUrl: 'https://developer.squareup.com/apps', examples: { positives: ['const squareSecret = "sq0csp-<word:43>";', '  squareSecret: "sq0csp-<word:43>"', 'export API_TOKEN=sq0csp-<word:43>'], negatives: ['const squareSecret = "sq0csp-<word:6>";', 'const squareSecret = "SQ0CSP-<word:43>";', 'const squareSecret = "sq0csp-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] } }),
    prefixed('square-sandbox-oauth-secret', 'Square sandbox OAuth application secret', 'Square', 'sandbox-sq0csb-<word:43>', 'https://developer.squareup.com/apps', { severity: 'low' }),
    rule({ id: 'braintree-access-token', title: 'Braintree (PayPal) access token', provider: 'PayPal', severity: 'critical', keywords: ['access_token$production$'], pattern: '(access_token\\$production\\$[0-9a-z]{16}\\$[0-9a-f]{32})', longLived: true, revokeUrl: 'https://www.braintreegateway.com/', examples: { positives: ['const bt = "access_token$production$<lowalnum:16>$<hex:32>";'], negatives: ['const bt = "access_token$sandbox$<lowalnum:16>$<hex:32>";'] } }),
    contextRule({ id: 'paypal-client-secret', title: 'PayPal REST client secret', provider: 'PayPal', severity: 'high', names: ['paypal'], value: 'E[A-Za-z0-9_-]{79}', longLived: true, revokeUrl: 'https://developer.paypal.com/dashboard/applications', entropy: 3.5, examples: { positives: ['PAYPAL_CLIENT_SECRET=E<word:79>', '  paypal_client_secret: "E<word:79>"', '{ "PAYPAL_CLIENT_SECRET": "E<word:79>" }'], negatives: ['SOME_UNRELATED_ID=E<word:79>', 'PAYPAL_CLIENT_SECRET=${PAYPAL_CLIENT_SECRET}', '  paypal_client_secret: "<paypal_client_secret>"', 'PAYPAL_CLIENT_SECRET is read from the environment'] } }),
    rule({ id: 'razorpay-live-key', title: 'Razorpay live key ID', provider: 'Razorpay', severity: 'medium', keywords: ['rzp_live_'], pattern: String.raw `\b(rzp_live_[A-Za-z0-9]{14})\b`, longLived: true, revokeUrl: 'https://dashboard.razorpay.com/app/keys', examples: { positives: ['const razorpayKey = "rzp_live_<alnum:14>";', '  razorpayKey: "rzp_live_<alnum:14>"', 'export API_TOKEN=rzp_live_<alnum:14>'], negatives: ['const razorpayKey = "rzp_live_<alnum:6>";', 'const razorpayKey = "RZP_LIVE_<alnum:14>";', 'const razorpayKey = "rzp_live_xxxxxxxxxxxxxx";'] } }),
    rule({ id: 'flutterwave-secret-key', title: 'Flutterwave secret key', provider: 'Flutterwave', severity: 'critical', keywords: ['flwseck-', 'flwseck_test-'], pattern: String.raw `\b(FLWSECK(?:_TEST)?-[a-h0-9]{32}-X)\b`, longLived: true, revokeUrl: 'https://app.flutterwave.com/dashboard/settings/apis', examples: { positives: ['FLW_SECRET=FLWSECK-<[a-h0-9]:32>-X'], negatives: ['FLW_SECRET=FLWSECK-<[a-h0-9]:32>-Y'] } }),
    rule({ id: 'plaid-access-token', title: 'Plaid access token', provider: 'Plaid', severity: 'high', keywords: ['access-production-', 'access-development-', 'access-sandbox-'], pattern: String.raw `\b(access-(?:production|development|sandbox)-${LOWER_UUID_REGEX})\b`, longLived: true, revokeUrl: 'https://dashboard.plaid.com/developers/keys', examples: { positives: [`const plaid = "access-production-${LOWER_UUID}";`], negatives: [`const plaid = "access-staging-${LOWER_UUID}";`] } }),
    contextRule({ id: 'coinbase-api-secret', title: 'Coinbase API secret', provider: 'Coinbase', severity: 'critical', names: ['coinbase'], value: '[A-Za-z0-9+/]{64,88}={0,2}', longLived: true, revokeUrl: 'https://www.coinbase.com/settings/api', entropy: 4, examples: { positives: ['COINBASE_API_SECRET=<b64:88>', '  coinbase_api_secret: "<b64:88>"', '{ "COINBASE_API_SECRET": "<b64:88>" }'], negatives: ['SOME_UNRELATED_ID=<b64:88>', 'COINBASE_API_SECRET=${COINBASE_API_SECRET}', '  coinbase_api_secret: "<coinbase_api_secret>"', 'COINBASE_API_SECRET is read from the environment'] } }),
    contextRule({ id: 'adyen-api-key', title: 'Adyen API key', provider: 'Adyen', severity: 'critical', names: ['adyen'], value: 'AQE[A-Za-z0-9+/=_.-]{80,300}', longLived: true, revokeUrl: 'https://ca-live.adyen.com/ca/ca/config/api_credentials_new.shtml', examples: { positives: ['ADYEN_API_KEY=AQE<alnum:120>', '  adyen_api_key: "AQE<alnum:120>"', '{ "ADYEN_API_KEY": "AQE<alnum:120>" }'], negatives: ['SOME_UNRELATED_ID=AQE<alnum:120>', 'ADYEN_API_KEY=${ADYEN_API_KEY}', '  adyen_api_key: "<adyen_api_key>"', 'ADYEN_API_KEY is read from the environment'] } }),
    contextRule({ id: 'lob-api-key', title: 'Lob API key', provider: 'Lob', severity: 'medium', names: ['lob'], keywords: ['live_', 'test_'], value: '(?:live|test)_[a-f0-9]{35}', longLived: true, revokeUrl: 'https://dashboard.lob.com/settings/api-keys', examples: { positives: ['LOB_API_KEY=live_<hex:35>', '  lob_api_key: "live_<hex:35>"', '{ "LOB_API_KEY": "live_<hex:35>" }'], negatives: ['SOME_UNRELATED_ID=live_<hex:35>', 'LOB_API_KEY=${LOB_API_KEY}', '  lob_api_key: "<lob_api_key>"', 'LOB_API_KEY is read from the environment'] } }),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/registries.ts






const registryRules = [
    rule({
        id: 'npm-access-token',
        title: 'npm access token',
        provider: 'npm',
        severity: 'critical',
        keywords: ['npm_'],
        pattern: String.raw `\b(npm_[A-Za-z0-9]{36})\b`,
        validate: hasBase62Crc32,
        longLived: true,
        revokeUrl: 'https://www.npmjs.com/settings/~/tokens',
        remediation: 'Revoke the token on npmjs.com (Access Tokens); publish from CI with npm trusted publishing (OIDC) instead.',
        examples: {
            positives: ['NPM_TOKEN=npm_{{crc32:<alnum:30>:crc32}}', '//registry.npmjs.org/:_authToken=npm_{{crc32:<alnum:30>:crc32}}'],
            negatives: ['NPM_TOKEN=npm_{{bad-crc32:<alnum:30>:bad-crc32}}', 'NPM_TOKEN=npm_<alnum:36>', 'NPM_TOKEN=NPM_{{crc32:<alnum:30>:crc32}}'],
        },
    }),
    rule({
        id: 'npmrc-auth-token',
        title: 'Registry auth token in .npmrc',
        provider: 'npm',
        severity: 'high',
        keywords: ['_authtoken'],
        pattern: String.raw `(?i)_authToken\s*=\s*["']?([^\s"'$]{16,512})`,
        entropy: 3,
        longLived: true,
        revokeUrl: 'https://docs.npmjs.com/revoking-access-tokens',
        examples: { positives: ['//registry.npmjs.org/:_authToken=<alnum:36>'], negatives: ['//registry.npmjs.org/:_authToken=${NPM_TOKEN}'] },
    }),
    rule({
        id: 'npmrc-basic-auth',
        title: 'Registry basic auth (_auth / _password) in .npmrc',
        provider: 'npm',
        severity: 'high',
        keywords: ['_auth', '_password'],
        pattern: String.raw `(?i)(?:^|[\s:])_(?:auth|password)\s*=\s*["']?([A-Za-z0-9+/]{12,1000}={0,2})`,
        // `_auth` is base64 of `user:password`, short and low in entropy for a weak pair (`admin:admin`): judged decoded.
        validate: (value) => (isBasicAuthPair(value) ? isPasswordInPlace(Buffer.from(value, 'base64').toString('utf8').replace(/^[^:]*:/, ''), { store: true }) : shannonEntropy(value) >= 3),
        longLived: true,
        revokeUrl: 'https://docs.npmjs.com/cli/configuring-npm/npmrc',
        examples: { positives: ['_auth={{base64:deploy:<alnum:16>:base64}}', '_auth = {{base64:<lower:5>:<lower:5>:base64}}'], negatives: ['_auth=${NPM_AUTH}', '_auth = {{base64:admin:password:base64}}'] },
    }),
    rule({
        id: 'pypi-upload-token',
        title: 'PyPI API token',
        provider: 'PyPI',
        severity: 'critical',
        keywords: ['pypi-ageichlwas5vcmc'],
        pattern: String.raw `\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000})`,
        longLived: true,
        revokeUrl: 'https://pypi.org/manage/account/token/',
        remediation: 'Remove the token on pypi.org; publish from CI with PyPI trusted publishing (OIDC) instead.',
        examples: { positives: ['const password = "pypi-AgEIcHlwaS5vcmc<word:120>";', '  password: "pypi-AgEIcHlwaS5vcmc<word:120>"', 'export API_TOKEN=pypi-AgEIcHlwaS5vcmc<word:120>'], negatives: ['const password = "pypi-AgEIcHlwaS5vcmc<word:6>";', 'const password = "PYPI-aGeiChLWAs5VCMC<word:120>";', 'const password = "pypi-AgEIcHlwaS5vcmcxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'pypi-test-upload-token',
        title: 'TestPyPI API token',
        provider: 'PyPI',
        severity: 'medium',
        keywords: ['pypi-agendgvzdc5wexbplm9yzw'],
        pattern: String.raw `\b(pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,1000})`,
        longLived: true,
        revokeUrl: 'https://test.pypi.org/manage/account/token/',
        examples: { positives: ['const password = "pypi-AgENdGVzdC5weXBpLm9yZw<word:120>";', '  password: "pypi-AgENdGVzdC5weXBpLm9yZw<word:120>"', 'export API_TOKEN=pypi-AgENdGVzdC5weXBpLm9yZw<word:120>'], negatives: ['const password = "pypi-AgENdGVzdC5weXBpLm9yZw<word:6>";', 'const password = "PYPI-aGenDgvZDc5WExbPlM9YzW<word:120>";', 'const password = "pypi-AgENdGVzdC5weXBpLm9yZwxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'rubygems-api-key',
        title: 'RubyGems API key',
        provider: 'RubyGems',
        severity: 'critical',
        keywords: ['rubygems_'],
        pattern: '\\b(rubygems_[0-9a-z]{48})\\b',
        longLived: true,
        revokeUrl: 'https://rubygems.org/profile/api_keys',
        examples: { positives: ['const apiKey = "rubygems_<hex:48>";', '  apiKey: "rubygems_<hex:48>"', 'export API_TOKEN=rubygems_<hex:48>'], negatives: ['const apiKey = "rubygems_<hex:6>";', 'const apiKey = "RUBYGEMS_<hex:48>";', 'const apiKey = "rubygems_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'nuget-api-key',
        title: 'NuGet API key',
        provider: 'NuGet',
        severity: 'high',
        keywords: ['oy2'],
        pattern: String.raw `\b(oy2[a-z0-9]{43})\b`,
        entropy: 3.5,
        longLived: true,
        revokeUrl: 'https://www.nuget.org/account/apikeys',
        examples: { positives: ['const apiKey = "oy2<lowalnum:43>";', '  apiKey: "oy2<lowalnum:43>"', 'export API_TOKEN=oy2<lowalnum:43>'], negatives: ['const apiKey = "oy2<lowalnum:6>";', 'const apiKey = "OY2<lowalnum:43>";', 'const apiKey = "oy2xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'dockerhub-personal-access-token',
        title: 'Docker Hub personal access token',
        provider: 'Docker',
        severity: 'high',
        keywords: ['dckr_pat_'],
        pattern: String.raw `\b(dckr_pat_[A-Za-z0-9_-]{27})(?:[^A-Za-z0-9_-]|$)`,
        longLived: true,
        revokeUrl: 'https://app.docker.com/settings/personal-access-tokens',
        examples: { positives: ['const token = "dckr_pat_<word:27>";', '  token: "dckr_pat_<word:27>"', 'export API_TOKEN=dckr_pat_<word:27>'], negatives: ['const token = "dckr_pat_<word:6>";', 'const token = "DCKR_PAT_<word:27>";', 'const token = "dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'dockerhub-organization-access-token',
        title: 'Docker Hub organization access token',
        provider: 'Docker',
        severity: 'high',
        keywords: ['dckr_oat_'],
        pattern: String.raw `\b(dckr_oat_[A-Za-z0-9_-]{32})(?:[^A-Za-z0-9_-]|$)`,
        longLived: true,
        revokeUrl: 'https://docs.docker.com/security/for-admins/access-tokens/',
        examples: { positives: ['const token = "dckr_oat_<word:32>";', '  token: "dckr_oat_<word:32>"', 'export API_TOKEN=dckr_oat_<word:32>'], negatives: ['const token = "dckr_oat_<word:6>";', 'const token = "DCKR_OAT_<word:32>";', 'const token = "dckr_oat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'docker-config-auth',
        title: 'Registry credentials in docker config.json',
        provider: 'Docker',
        severity: 'high',
        // Also inside a JSON string (DOCKER_AUTH_CONFIG, a ConfigMap's config.json), where the quotes are escaped; a long
        // value (a `_json_key` password) is judged by its first 1000 characters.
        keywords: ['"auth'],
        pattern: String.raw `\\{0,7}"auth\\{0,7}"\s*:\s*\\{0,7}"([A-Za-z0-9+/]{8,1000}={0,2})(?:\\{0,7}"|[A-Za-z0-9+/])`,
        validate: (value) => isBasicAuthPair(value, { multilinePassword: true }),
        longLived: true,
        revokeUrl: 'https://docs.docker.com/reference/cli/docker/login/',
        remediation: 'Change the registry password or token, then use a credential helper instead of storing auth in config.json.',
        examples: {
            positives: ['{"auths": {"registry.example.io": {"auth": "{{base64:robot:<alnum:20>:base64}}"}}}', 'DOCKER_AUTH_CONFIG="{\\"auths\\":{\\"registry.example.io\\":{\\"auth\\":\\"{{base64:robot:<alnum:20>:base64}}\\"}}}"'],
            negatives: ['{"auths": {"registry.example.io": {"auth": "{{base64:<alnum:20>:base64}}"}}}', '{"auths": {"registry.example.io": {"auth": ""}}}'],
        },
    }),
    // A Kubernetes image-pull secret's .dockerconfigjson is the whole config.json in base64: `{"auths":` is eyJhdXRocyI6.
    rule({
        id: 'docker-config-json-base64',
        title: 'Registry credentials in a base64 docker config (.dockerconfigjson)',
        provider: 'Docker',
        severity: 'high',
        keywords: ['eyjhdxrocyi6'],
        pattern: String.raw `\b(eyJhdXRocyI6[A-Za-z0-9+/]{16,1000}={0,2})(?:[^A-Za-z0-9+/=]|[A-Za-z0-9+/]|$)`,
        validate: (value) => /"(?:auth|password|identitytoken)"\s*:\s*"[^"]/.test(Buffer.from(value, 'base64').toString('utf8')),
        longLived: true,
        revokeUrl: 'https://docs.docker.com/reference/cli/docker/login/',
        remediation: "Change the registry password or token, then create the pull secret from the cluster's secret store instead of committing it.",
        examples: {
            positives: ['  .dockerconfigjson: {{base64:{"auths":{"registry.example.io":{"username":"robot","password":"<alnum:24>"}}}:base64}}', 'data:\n  .dockerconfigjson: {{base64:{"auths":{"ghcr.io":{"auth":"<alnum:24>"}}}:base64}}'],
            negatives: ['  .dockerconfigjson: {{base64:{"auths":{"registry.example.io":{}}}:base64}}', '  .dockerconfigjson: {{base64:{"auths":{"ghcr.io":{"auth":""}}}:base64}}'],
        },
    }),
    rule({
        id: 'jfrog-api-key',
        title: 'JFrog Artifactory API key',
        provider: 'JFrog',
        severity: 'high',
        keywords: ['akcp'],
        pattern: String.raw `\b(AKCp[A-Za-z0-9]{69})\b`,
        longLived: true,
        revokeUrl: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key',
        examples: { positives: ['const apiKey = "AKCp<alnum:69>";', '  apiKey: "AKCp<alnum:69>"', 'export API_TOKEN=AKCp<alnum:69>'], negatives: ['const apiKey = "AKCp<alnum:6>";', 'const apiKey = "akcP<alnum:69>";', 'const apiKey = "AKCpxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'jfrog-identity-token',
        title: 'JFrog identity/reference token',
        provider: 'JFrog',
        severity: 'high',
        keywords: ['cmvmdgtu'],
        pattern: String.raw `\b(cmVmdGtuOjAxOj[A-Za-z0-9]{40,80})`,
        longLived: true,
        revokeUrl: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
        examples: { positives: ['const accessToken = "cmVmdGtuOjAxOj<alnum:60>";', '  accessToken: "cmVmdGtuOjAxOj<alnum:60>"', 'export API_TOKEN=cmVmdGtuOjAxOj<alnum:60>'], negatives: ['const accessToken = "cmVmdGtuOjAxOj<alnum:6>";', 'const accessToken = "CMvMDgTUoJaXoJ<alnum:60>";', 'const accessToken = "cmVmdGtuOjAxOjxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'crates-io-api-token',
        title: 'crates.io API token',
        provider: 'crates.io',
        severity: 'high',
        keywords: ['cio'],
        pattern: String.raw `\b(cio[a-zA-Z0-9]{32})\b`,
        entropy: 3.8,
        longLived: true,
        revokeUrl: 'https://crates.io/settings/tokens',
        examples: { positives: ['const token = "cio<alnum:32>";', '  token: "cio<alnum:32>"', 'export API_TOKEN=cio<alnum:32>'], negatives: ['const token = "cio<alnum:6>";', 'const token = "CIO<alnum:32>";', 'const token = "cioxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'] },
    }),
    rule({
        id: 'clojars-deploy-token',
        title: 'Clojars deploy token',
        provider: 'Clojars',
        severity: 'high',
        keywords: ['clojars_'],
        pattern: String.raw `(?i)\b(CLOJARS_[a-z0-9]{60})\b`,
        longLived: true,
        revokeUrl: 'https://clojars.org/tokens',
        examples: { positives: ['CLOJARS_TOKEN=CLOJARS_<lowalnum:60>'], negatives: ['CLOJARS_TOKEN=CLOJARS_<lowalnum:30>'] },
    }),
    rule({
        id: 'hex-pm-api-key',
        title: 'Hex.pm API key',
        provider: 'Hex',
        severity: 'high',
        keywords: ['hex_api_key', 'hexpm'],
        pattern: String.raw `(?i)(?:hex_api_key|hexpm[\w.-]{0,20})${ASSIGNMENT}([a-f0-9]{32})\b`,
        longLived: true,
        revokeUrl: 'https://hex.pm/dashboard/keys',
        examples: { positives: ['HEX_API_KEY=<hex:32>', '  hex_api_key: "<hex:32>"', '{ "HEX_API_KEY": "<hex:32>" }'], negatives: ['SOME_UNRELATED_ID=<hex:32>', 'HEX_API_KEY=${HEX_API_KEY}', '  hex_api_key: "<hex_api_key>"', 'HEX_API_KEY is read from the environment'] },
    }),
];

;// CONCATENATED MODULE: ./src/rules/catalogue/saas.ts


/** Productivity, project management, CRM, support, forms and content services. */
const saasRules = [
    prefixed('trello-api-token', 'Trello API token', 'Trello', 'ATTA<hex:64><HEX:8>', 'https://trello.com/power-ups/admin'),
    named('trello-api-secret', 'Trello API secret (OAuth)', 'Trello', ['trello'], '<alnum:64>', 'https://trello.com/power-ups/admin'),
    named('trello-api-key', 'Trello API key and token (legacy)', 'Trello', ['trello'], '<alnum:32>', 'https://trello.com/power-ups/admin'),
    prefixed('clickup-api-token', 'ClickUp personal API token', 'ClickUp', 'pk_<digit:6-10>_<upalnum:32>', 'https://app.clickup.com/settings/apps'),
    named('todoist-api-token', 'Todoist API token', 'Todoist', ['todoist'], '<hex:40>', 'https://app.todoist.com/app/settings/integrations/developer'),
    named('shortcut-api-token', 'Shortcut (Clubhouse) API token', 'Shortcut', ['shortcut', 'clubhouse'], UUID, 'https://app.shortcut.com/settings/account/api-tokens'),
    named('pivotal-tracker-token', 'Pivotal Tracker API token', 'Pivotal Tracker', ['pivotal', 'tracker_token'], '<hex:32>', 'https://www.pivotaltracker.com/profile'),
    named('harvest-access-token', 'Harvest personal access token', 'Harvest', ['harvest'], '<digit:7>.pt.<word:86>', 'https://id.getharvest.com/developers'),
    named('wrike-access-token', 'Wrike permanent access token', 'Wrike', ['wrike'], JWT, 'https://www.wrike.com/frontend/apps/index.html#/api'),
    named('wrike-access-token-333', 'Wrike permanent access token (335-character form)', 'Wrike', ['wrike'], 'ey<[A-Za-z0-9._-]:333>', 'https://www.wrike.com/frontend/apps/index.html#/api'),
    named('basecamp-token', 'Basecamp access token', 'Basecamp', ['basecamp'], '<word:80-400>', 'https://launchpad.37signals.com/'),
    named('smartsheet-api-token', 'Smartsheet API access token', 'Smartsheet', ['smartsheet'], '<alnum:26-37>', 'https://app.smartsheet.com/b/home'),
    prefixed('typeform-api-token', 'Typeform personal access token', 'Typeform', 'tfp_<word:44-64>', 'https://admin.typeform.com/user/tokens'),
    named('surveymonkey-token', 'SurveyMonkey access token', 'SurveyMonkey', ['surveymonkey'], '<word:40-100>', 'https://developer.surveymonkey.com/apps/'),
    named('jotform-api-key', 'Jotform API key', 'Jotform', ['jotform'], '<hex:32>', 'https://www.jotform.com/myaccount/api'),
    named('docusign-secret', 'DocuSign integration secret', 'DocuSign', ['docusign'], UUID, 'https://admindemo.docusign.com/apps-and-keys'),
    named('hellosign-api-key', 'Dropbox Sign (HelloSign) API key', 'Dropbox Sign', ['hellosign', 'dropbox_sign'], '<hex:64>', 'https://app.hellosign.com/home/myAccount#api'),
    named('pandadoc-api-key', 'PandaDoc API key', 'PandaDoc', ['pandadoc'], '<hex:40>', 'https://app.pandadoc.com/a/#/settings/api-dashboard'),
    named('hubspot-api-key-legacy', 'HubSpot API key (legacy hapikey)', 'HubSpot', ['hubspot', 'hapi'], UUID, 'https://knowledge.hubspot.com/integrations/how-do-i-get-my-hubspot-api-key'),
    named('pipedrive-api-token', 'Pipedrive API token', 'Pipedrive', ['pipedrive'], '<hex:40>', 'https://app.pipedrive.com/settings/api'),
    prefixed('zoho-oauth-token', 'Zoho OAuth access or refresh token', 'Zoho', '1000.<hex:32>.<hex:32>', 'https://api-console.zoho.com/'),
    named('freshdesk-api-key', 'Freshdesk / Freshworks API key', 'Freshworks', ['freshdesk', 'freshservice', 'freshsales', 'freshworks'], '<word:20>', 'https://support.freshdesk.com/'),
    named('copper-api-key', 'Copper CRM API key', 'Copper', ['copper'], '<hex:32>', 'https://app.copper.com/'),
    named('close-api-key', 'Close CRM API key', 'Close', ['close_api', 'closeio', 'close_io'], 'api_<alnum:22>.<alnum:22>', 'https://app.close.com/settings/developer/api-keys/'),
    named('insightly-api-key', 'Insightly API key', 'Insightly', ['insightly'], UUID, 'https://crm.insightly.com/User/UserSettings'),
    named('nutshell-api-key', 'Nutshell API key', 'Nutshell', ['nutshell'], '<hex:40>', 'https://app.nutshell.com/setup/api-key'),
    named('helpscout-api-key', 'Help Scout API key or app secret', 'Help Scout', separated(['help', 'scout']), '<alnum:32-40>', 'https://secure.helpscout.net/users/authentication/'),
    named('drift-access-token', 'Drift access token', 'Drift', ['drift'], '<alnum:32>', 'https://dev.drift.com/'),
    named('crisp-token', 'Crisp plugin token', 'Crisp', ['crisp_'], '<hex:64>', 'https://marketplace.crisp.chat/'),
    named('front-api-token', 'Front API token', 'Front', ['frontapp', 'front_api'], JWT, 'https://app.frontapp.com/settings/developers'),
    named('gorgias-api-key', 'Gorgias API key', 'Gorgias', ['gorgias'], '<hex:64>', 'https://docs.gorgias.com/'),
    named('kustomer-api-key', 'Kustomer API key', 'Kustomer', ['kustomer'], JWT, 'https://help.kustomer.com/'),
    named('livechat-token', 'LiveChat personal access token', 'LiveChat', ['livechat'], '<alnum:2>-<alnum:2>:<word:27>', 'https://developers.livechat.com/console/tools/personal-access-tokens'),
    named('tawk-api-key', 'tawk.to REST API key', 'tawk.to', ['tawk'], '<hex:40>', 'https://dashboard.tawk.to/'),
    named('uservoice-api-key', 'UserVoice API key', 'UserVoice', ['uservoice'], '<alnum:20>', 'https://developer.uservoice.com/'),
    named('productboard-token', 'Productboard access token', 'Productboard', ['productboard'], JWT, 'https://www.productboard.com/'),
    named('aha-api-key', 'Aha! API key', 'Aha!', ['aha_api', 'aha_token'], '<hex:64>', 'https://www.aha.io/'),
    named('miro-access-token', 'Miro access token', 'Miro', ['miro'], JWT, 'https://miro.com/app/settings/user-profile/apps'),
    named('lucid-api-key', 'Lucid API key', 'Lucid', ['lucidchart', 'lucid_api'], 'key-<b64url:40-100>', 'https://lucid.app/developer'),
    named('canva-client-secret', 'Canva Connect client secret', 'Canva', ['canva'], 'cnvca<word:40-80>', 'https://www.canva.com/developers/integrations'),
    named('zoom-client-secret', 'Zoom app client secret', 'Zoom', ['zoom_'], '<alnum:32>', 'https://marketplace.zoom.us/user/build'),
    named('webex-client-secret', 'Webex integration client secret', 'Webex', ['webex'], '<hex:64>', 'https://developer.webex.com/my-apps'),
    named('webex-access-token', 'Webex access token', 'Webex', ['webex', 'spark_token'], `<alnum:64>_<alnum:4>_${UUID}`, 'https://developer.webex.com/'),
    named('calendly-token', 'Calendly personal access token', 'Calendly', ['calendly'], JWT, 'https://calendly.com/integrations/api_webhooks'),
    prefixed('cal-com-live-key', 'Cal.com API key', 'Cal.com', 'cal_live_<hex:32>', 'https://app.cal.com/settings/developer/api-keys'),
    named('acuity-api-key', 'Acuity Scheduling API key', 'Acuity Scheduling', ['acuity'], '<hex:32>', 'https://secure.acuityscheduling.com/app.php?key=api&action=settings'),
    named('box-client-secret', 'Box app client secret or developer token', 'Box', ['box_client_secret', 'box_developer_token', 'box_api_key', 'boxsdk'], '<alnum:32>', 'https://app.box.com/developers/console', { bare: true }),
    named('egnyte-token', 'Egnyte access token', 'Egnyte', ['egnyte'], '<alnum:24>', 'https://developers.egnyte.com/'),
    named('sanity-api-token', 'Sanity API token', 'Sanity', ['sanity'], 'sk<alnum:70-90>', 'https://www.sanity.io/manage'),
    named('storyblok-access-token', 'Storyblok access token', 'Storyblok', ['storyblok'], '<alnum:22>tt', 'https://app.storyblok.com/'),
    named('storyblok-management-token', 'Storyblok management token', 'Storyblok', ['storyblok_management', 'storyblok_oauth'], '<alnum:22>tt-<digit:4-8>-<word:20>', 'https://app.storyblok.com/#/me/account'),
    named('prismic-access-token', 'Prismic access token', 'Prismic', ['prismic'], '<word:100-400>', 'https://prismic.io/dashboard'),
    named('datocms-api-token', 'DatoCMS API token', 'DatoCMS', ['datocms', 'dato_'], '<hex:30>', 'https://dashboard.datocms.com/'),
    named('strapi-api-token', 'Strapi API token', 'Strapi', ['strapi'], '<hex:256>', 'https://docs.strapi.io/cms/features/api-tokens'),
    named('contentstack-token', 'Contentstack management or delivery token', 'Contentstack', ['contentstack'], 'cs<hex:32>', 'https://app.contentstack.com/'),
    named('ghost-admin-api-key', 'Ghost Admin API key', 'Ghost', ['ghost_admin', 'ghost-admin', 'ghost_api'], '<hex:24>:<hex:64>', 'https://ghost.org/docs/admin-api/'),
    named('webflow-api-token', 'Webflow API token', 'Webflow', ['webflow'], '<hex:64>', 'https://webflow.com/dashboard/account/integrations'),
    named('wix-api-key', 'Wix API key', 'Wix', ['wix_'], `IST.${JWT}`, 'https://manage.wix.com/account/api-keys'),
    named('squarespace-api-key', 'Squarespace API key', 'Squarespace', ['squarespace'], UUID, 'https://account.squarespace.com/'),
    named('lokalise-api-token', 'Lokalise API token', 'Lokalise', ['lokalise'], '<hex:40>', 'https://app.lokalise.com/profile#apitokens'),
    named('crowdin-token', 'Crowdin personal access token', 'Crowdin', ['crowdin'], '<hex:80>', 'https://crowdin.com/settings#api-key'),
    named('transifex-token', 'Transifex API token', 'Transifex', ['transifex', 'tx_token'], '1/<hex:40>', 'https://app.transifex.com/user/settings/api/'),
    named('phrase-access-token', 'Phrase (PhraseApp) access token', 'Phrase', ['phrase', 'phraseapp'], '<hex:64>', 'https://app.phrase.com/settings/oauth_access_tokens'),
    named('deepl-api-key', 'DeepL API key', 'DeepL', ['deepl'], `${UUID}:fx`, 'https://www.deepl.com/account/keys'),
    named('deepl-pro-api-key', 'DeepL Pro API key', 'DeepL', ['deepl'], UUID, 'https://www.deepl.com/account/keys'),
    named('grammarly-client-secret', 'Grammarly client secret', 'Grammarly', ['grammarly'], '<alnum:32-64>', 'https://developer.grammarly.com/'),
    named('mailerlite-api-key', 'MailerLite API token', 'MailerLite', ['mailerlite'], JWT, 'https://dashboard.mailerlite.com/integrations/api'),
    named('convertkit-api-secret', 'Kit (ConvertKit) API secret', 'Kit', ['convertkit', 'kit_api'], '<word:43>', 'https://app.kit.com/account_settings/developer_settings'),
    named('activecampaign-api-key', 'ActiveCampaign API key', 'ActiveCampaign', ['activecampaign', 'active_campaign'], '<hex:64-72>', 'https://www.activecampaign.com/'),
    named('campaign-monitor-api-key', 'Campaign Monitor API key', 'Campaign Monitor', ['campaignmonitor', 'campaign_monitor', 'createsend'], '<b64:80-120>', 'https://www.campaignmonitor.com/'),
    named('constant-contact-secret', 'Constant Contact app secret', 'Constant Contact', ['constantcontact', 'constant_contact'], '<word:22>', 'https://app.constantcontact.com/pages/dma/portal/'),
    named('drip-api-token', 'Drip API token', 'Drip', ['drip_'], '<hex:32>', 'https://www.getdrip.com/user/edit'),
    named('omnisend-api-key', 'Omnisend API key', 'Omnisend', ['omnisend'], '<hex:24>-<alnum:50>', 'https://app.omnisend.com/'),
    named('customerio-api-key', 'Customer.io API key', 'Customer.io', ['customerio', 'customer_io', 'customer.io'], '<hex:20-32>', 'https://fly.customer.io/settings/api_credentials'),
    named('loops-api-key', 'Loops API key', 'Loops', ['loops_'], '<hex:32>', 'https://app.loops.so/settings?page=api'),
    named('beehiiv-api-key', 'beehiiv API key', 'beehiiv', ['beehiiv'], '<alnum:64>', 'https://app.beehiiv.com/settings/integrations'),
    named('substack-token', 'Substack session token', 'Substack', ['substack'], '<b64:60-200>', 'https://substack.com/account'),
    named('klaviyo-private-key', 'Klaviyo private API key', 'Klaviyo', ['klaviyo'], 'pk_<hex:34>', 'https://www.klaviyo.com/settings/account/api-keys'),
    named('attentive-api-key', 'Attentive API key', 'Attentive', ['attentive'], '<word:40-64>', 'https://ui.attentivemobile.com/'),
    named('iterable-api-key', 'Iterable API key', 'Iterable', ['iterable'], '<hex:32>', 'https://app.iterable.com/settings/apiKeys'),
    named('braze-api-key', 'Braze REST API key', 'Braze', ['braze', 'appboy'], UUID, 'https://www.braze.com/docs/user_guide/administrative/app_settings/api_settings_tab/'),
    named('onesignal-api-key', 'OneSignal REST API key', 'OneSignal', ['onesignal'], 'os_v2_app_<lowalnum:100-120>', 'https://documentation.onesignal.com/docs/keys-and-ids'),
    named('onesignal-user-auth-key', 'OneSignal user auth key (UUID form)', 'OneSignal', ['onesignal'], UUID, 'https://documentation.onesignal.com/docs/keys-and-ids', { severity: 'medium' }),
    named('onesignal-api-key-legacy', 'OneSignal REST API key (legacy)', 'OneSignal', ['onesignal'], '<alnum:48>', 'https://documentation.onesignal.com/docs/keys-and-ids'),
    named('airship-master-secret', 'Airship (Urban Airship) master secret', 'Airship', ['urbanairship', 'urban_airship', 'airship'], '<word:22>', 'https://go.airship.com/'),
    named('fullstory-api-key', 'FullStory API key', 'FullStory', ['fullstory'], 'na1.<b64:40-120>', 'https://app.fullstory.com/'),
    named('hotjar-client-secret', 'Hotjar API client secret', 'Hotjar', ['hotjar'], '<hex:64>', 'https://insights.hotjar.com/'),
    named('heap-api-key', 'Heap API key', 'Heap', ['heap_api', 'heapanalytics'], UUID, 'https://heapanalytics.com/app/manage/privacy'),
    named('pendo-integration-key', 'Pendo integration key', 'Pendo', ['pendo'], `${UUID}.us`, 'https://app.pendo.io/admin/integrationkeys'),
    named('gainsight-api-key', 'Gainsight access key', 'Gainsight', ['gainsight'], UUID, 'https://www.gainsight.com/'),
    named('gong-access-key', 'Gong API access key secret', 'Gong', ['gong_'], JWT, 'https://app.gong.io/company/api'),
    named('outreach-client-secret', 'Outreach client secret', 'Outreach', ['outreach'], '<word:43>', 'https://developers.outreach.io/'),
    named('salesloft-api-key', 'Salesloft API key', 'Salesloft', ['salesloft'], 'v2_ak_<digit:3-10>_<hex:64>', 'https://app.salesloft.com/app/settings/api-keys'),
    named('apollo-io-api-key', 'Apollo.io API key', 'Apollo.io', ['apollo_io', 'apolloio'], '<word:22>', 'https://app.apollo.io/#/settings/integrations/api'),
    named('clearbit-api-key', 'Clearbit secret API key', 'Clearbit', ['clearbit'], 'sk_<hex:32>', 'https://dashboard.clearbit.com/api'),
    named('hunter-api-key', 'Hunter.io API key', 'Hunter', ['hunter_', 'hunterio'], '<hex:40>', 'https://hunter.io/api-keys'),
    named('fullcontact-api-key', 'FullContact API key', 'FullContact', ['fullcontact'], '<alnum:32>', 'https://platform.fullcontact.com/'),
    named('zerobounce-api-key', 'ZeroBounce API key', 'ZeroBounce', ['zerobounce'], '<lowalnum:32>', 'https://www.zerobounce.net/members/API'),
    named('abstract-api-key', 'Abstract API key', 'Abstract API', ['abstractapi', 'abstract_api'], '<hex:32>', 'https://app.abstractapi.com/'),
    named('ipinfo-token', 'IPinfo access token', 'IPinfo', ['ipinfo'], '<hex:14>', 'https://ipinfo.io/account/token', { entropy: 2 }),
    named('ipstack-api-key', 'ipstack / apilayer API key', 'apilayer', ['ipstack', 'apilayer', 'fixer', 'currencylayer', 'weatherstack'], '<hex:32>', 'https://apilayer.com/account'),
    // The `_mmk` suffix marks a MaxMind key on its own, in a download URL's `license_key=` as well as under a name.
    prefixed('maxmind-license-key', 'MaxMind license key', 'MaxMind', '<alnum:6>_<alnum:29>_mmk', 'https://www.maxmind.com/en/accounts/current/license-key', { keywords: ['_mmk'], examples: { positives: ['wget "https://download.maxmind.com/app/geoip_download?edition_id=GeoLite2-City&license_key=<alnum:6>_<alnum:29>_mmk&suffix=tar.gz"', 'LicenseKey <alnum:6>_<alnum:29>_mmk'], negatives: ['LicenseKey <alnum:6>_<alnum:29>_mmz'] } }),
    named('bitly-access-token', 'Bitly access token', 'Bitly', ['bitly'], '<hex:40>', 'https://app.bitly.com/settings/api/'),
    named('rebrandly-api-key', 'Rebrandly API key', 'Rebrandly', ['rebrandly'], '<hex:32>', 'https://app.rebrandly.com/account/api-keys'),
    named('short-io-api-key', 'Short.io secret API key', 'Short.io', ['shortio', 'short_io', 'short.io'], 'sk_<alnum:16>', 'https://app.short.io/settings/integrations/api-key'),
];

;// CONCATENATED MODULE: ./src/rules/stores/paths.ts
/**
 * Credential stores known by where they live: a file whose path and whole content together say what it is.
 */
/** `config/master.key`, and the per-environment keys beside `config/credentials/<env>.yml.enc`. */
const RAILS_KEY_PATH = /(?:^|\/)config\/(?:master|credentials\/[A-Za-z0-9_-]+)\.key$/;
/** Rails' master key: 32 hex digits (a 128-bit AES key) alone in the file, which decrypts `credentials.yml.enc`. */
function railsMasterKey(content, path) {
    if (!RAILS_KEY_PATH.test(path) || content.length > 40)
        return undefined;
    return /^[a-f0-9]{32}\s*$/.test(content.toString('latin1')) ? 'a Rails master key, which decrypts the encrypted credentials beside it' : undefined;
}
/** DBeaver's saved credentials: `credentials-config.json` in a workspace's `.dbeaver/` folder, encrypted whole. */
const DBEAVER_CREDENTIALS_PATH = /(?:^|\/)credentials-config\.json$/;
/**
 * DBeaver encrypts credentials-config.json with AES-128-CBC under a key that ships inside every DBeaver, so the file
 * reads as plain to anyone: its presence is the leak. The cipher text is whole 16-byte blocks (an IV, then the data);
 * a JSON file of that name (another tool's, or one decrypted) is text, not this store.
 */
function dbeaverCredentials(content, path) {
    if (!DBEAVER_CREDENTIALS_PATH.test(path) || content.length < 32 || content.length % 16 !== 0)
        return undefined;
    const printable = content.reduce((count, byte) => count + (byte >= 0x20 && byte < 0x7f ? 1 : 0), 0);
    return printable < content.length * 0.9 ? 'DBeaver saved credentials (credentials-config.json), encrypted with the key every DBeaver install shares' : undefined;
}

;// CONCATENATED MODULE: ./src/rules/catalogue/stores.ts




/** crypt(3)-style hashes in full: bcrypt, argon2 (PHC string) and sha256/sha512-crypt. */
const stores_CRYPT_HASH = String.raw `\$2[abxy]\$\d{2}\$[./A-Za-z0-9]{53}|\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{8,88}\$[A-Za-z0-9+/]{16,128}|\$[56]\$(?:rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}`;
/** A file that is itself a credential store, recognised by its bytes whatever it is called: one finding per file. */
function store(input) {
    const { format, ...rest } = input;
    return rule({
        ...rest,
        keywords: [],
        pattern: '',
        longLived: true,
        wholeFile: (content) => {
            const verdict = format(content);
            return verdict?.holds === 'secret' ? verdict.reason : undefined;
        },
    });
}
/** `<hex:n>` filler: the bytes a format does not look at. */
const PKCS12_HEAD = '3082<hex:4>020103308201<hex:2>06092a864886f70d010701a08201<hex:2>048201<hex:2>';
const KEY_BAG = '060b2a864886f70d010c0a0102';
/** Binary keystores and key files: the file's presence is the leak. */
const binaryStoreRules = [
    store({
        id: 'pkcs12-keystore',
        title: 'PKCS#12 keystore with a private key (.p12, .pfx)',
        provider: 'Keystore',
        severity: 'critical',
        format: pkcs12,
        remediation: 'Revoke the certificate and replace the key it holds (a keystore password is no protection once the file is public), then keep keystores out of the repository.',
        fileExamples: {
            positives: [{ path: 'certs/client.p12', hex: `${PKCS12_HEAD}<hex:40>${KEY_BAG}<hex:200>` }, { path: 'assets/logo.bin', hex: `${PKCS12_HEAD}3080${KEY_BAG}<hex:64>` }],
            negatives: [{ path: 'certs/ca.p12', hex: `${PKCS12_HEAD}<hex:200>` }, { path: 'certs/server.der', hex: '30820122300d06092a864886f70d01010105000382010f00<hex:200>' }],
        },
    }),
    store({
        id: 'java-keystore',
        title: 'Java keystore with a private or secret key (JKS, JCEKS)',
        provider: 'Keystore',
        severity: 'critical',
        format: javaKeystore,
        remediation: 'Replace the keys it holds (and their certificates); keystore passwords such as `changeit` protect nothing. Then keep the keystore out of the repository.',
        fileExamples: {
            positives: [{ path: 'app/release.keystore', hex: 'feedfeed000000020000000100000001000772656c65617365<hex:120>' }, { path: 'conf/keys.dat', hex: 'cececece000000020000000100000003000361657300000190<hex:40>' }],
            negatives: [{ path: 'conf/truststore.jks', hex: 'feedfeed00000002000000010000000200026361<hex:16>0005582e35303900000004<hex:8>' }, { path: 'conf/empty.jks', hex: 'feedfeed0000000200000000' }],
        },
    }),
    store({
        id: 'keepass-database',
        title: 'KeePass password database',
        provider: 'KeePass',
        severity: 'high',
        format: keepass,
        remediation: 'Change every password the database holds (its master password can be attacked offline), then keep the database out of the repository.',
        fileExamples: {
            positives: [{ path: 'secrets/team.kdbx', hex: '03d9a29a67fb4bb501000400<hex:200>' }, { path: 'backup/old.bin', hex: '03d9a29a65fb4bb5<hex:120>' }],
            negatives: [{ path: 'secrets/team.kdbx.txt', hex: '03d9a29a00000000<hex:100>' }],
        },
    }),
    store({
        id: 'gpg-secret-key',
        title: 'OpenPGP / GnuPG secret key (binary)',
        provider: 'Private key',
        severity: 'critical',
        format: gpgSecretKey,
        remediation: 'Publish the key\'s revocation certificate and generate a new key; then remove the exported key or keyring from the repository.',
        fileExamples: {
            positives: [
                { path: 'keys/release-signing.gpg', hex: '9503d804<hex:8>01<hex:200>' },
                { path: 'keys/secring', hex: 'c558046<hex:7>16<hex:100>' },
                { path: '.gnupg/private-keys-v1.d/ABCD.key', text: '(21:protected-private-key(3:rsa(1:n257:<b64:40>' },
            ],
            negatives: [{ path: 'keys/release-signing.pub.gpg', hex: '99010d04<hex:8>01<hex:200>' }, { path: 'keys/stub.key', text: '(20:shadowed-private-key(3:rsa(1:n257:<b64:40>' }],
        },
    }),
    store({
        id: 'openssh-binary-private-key',
        title: 'OpenSSH private key in binary form',
        provider: 'Private key',
        severity: 'critical',
        format: opensshBinaryKey,
        remediation: 'Remove the public half from every authorized_keys, deploy key and account that trusts it, then generate a new key.',
        fileExamples: {
            positives: [{ path: 'deploy/id_ed25519.bin', hex: '6f70656e7373682d6b65792d7631000000000a6165733235362d637472<hex:200>' }],
            negatives: [{ path: 'deploy/notes.bin', hex: '6f70656e7373682d6b65792d7632<hex:40>' }],
        },
    }),
    rule({
        id: 'rails-master-key-file',
        title: 'Rails master key file (config/master.key)',
        provider: 'Rails',
        severity: 'critical',
        keywords: [],
        pattern: '',
        longLived: true,
        wholeFile: railsMasterKey,
        revokeUrl: 'https://guides.rubyonrails.org/security.html#custom-credentials',
        remediation: 'Rotate every secret in the encrypted credentials it opens (bin/rails credentials:edit with a new key), then keep master.key out of the repository (it is in the default .gitignore).',
        fileExamples: {
            positives: [{ path: 'config/master.key', text: '<hex:32>' }, { path: 'config/master.key', text: '<hex:32>\n' }, { path: 'config/credentials/production.key', text: '<hex:32>' }],
            negatives: [{ path: 'config/secret.key', text: '<hex:32>' }, { path: 'config/master.key', text: '<hex:40>' }, { path: 'config/master.key', text: 'ab12cd34 is not here' }, { path: 'config/credentials/production.yml.enc', text: '<b64:60>--<b64:16>--<b64:22>==' }],
        },
    }),
    rule({
        id: 'dbeaver-credentials-store',
        title: 'DBeaver saved credentials file (credentials-config.json)',
        provider: 'DBeaver',
        severity: 'high',
        keywords: [],
        pattern: '',
        longLived: true,
        wholeFile: dbeaverCredentials,
        remediation: 'Change every database password and SSH passphrase of the workspace\'s connections (the file\'s key is public), then keep .dbeaver/credentials-config.json out of the repository.',
        fileExamples: {
            positives: [{ path: '.dbeaver/credentials-config.json', hex: '<hex:96>' }, { path: 'DBeaverData/workspace6/General/.dbeaver/credentials-config.json', hex: '<hex:64>' }],
            negatives: [{ path: '.dbeaver/credentials-config.json', text: '{"postgres-jdbc-1":{"#connection":{"user":"app"}}}' }, { path: '.dbeaver/data-sources.bin', hex: '<hex:96>' }, { path: '.dbeaver/credentials-config.json', hex: '<hex:90>' }],
        },
    }),
];
/** Files whose content is the leak: saved logins and salts that tools write in a fixed syntax. */
const textStoreRules = [
    rule({
        id: 'wordpress-auth-salt',
        title: 'WordPress authentication key or salt (wp-config.php)',
        provider: 'WordPress',
        severity: 'high',
        keywords: ['_key\'', '_salt\''],
        pattern: String.raw `define\(\s*'(?:AUTH|SECURE_AUTH|LOGGED_IN|NONCE)_(?:KEY|SALT)'\s*,\s*'([^'\\\r\n]{32,100})'\s*\)`,
        validate: (value) => !/unique phrase/i.test(value),
        longLived: true,
        revokeUrl: 'https://api.wordpress.org/secret-key/1.1/salt/',
        remediation: 'Replace all eight keys and salts with fresh ones (api.wordpress.org/secret-key), which signs every user out, then keep wp-config.php out of the repository.',
        examples: {
            positives: ["define( 'AUTH_KEY',         '<b64:40><[!#%&*+,.:;=?@^_|~ -]:4><alnum:20>' );", "define('NONCE_SALT', '<b64:64>');"],
            negatives: ["define( 'AUTH_KEY', 'put your unique phrase here' );", "define( 'AUTH_KEY', '<alnum:10>' );", "define( 'DB_NAME', '<alnum:40>' );"],
        },
    }),
    rule({
        id: 'filezilla-saved-password',
        title: 'FileZilla saved site password',
        provider: 'FileZilla',
        severity: 'high',
        keywords: ['<pass'],
        pattern: String.raw `<Pass(?:[ \t]+encoding="base64")?>([^<\s]{3,300})</Pass>`,
        // FileZilla saved what the user typed: `ExamplePass1` there is a password, not a documentation example.
        storeValue: true,
        validate: (value) => isPasswordInPlace(value, { store: true }),
        longLived: true,
        revokeUrl: 'https://wiki.filezilla-project.org/Site_Manager',
        remediation: 'Change the FTP/SFTP password on the server, then remove sitemanager.xml / recentservers.xml from the repository.',
        examples: {
            positives: ['<Server><Host>ftp.<lower:6>.net</Host><User>deploy</User><Pass encoding="base64"><b64:16>==</Pass></Server>', '<Pass>ftp<digit:3>pw</Pass>', '<Pass>ExamplePas<digit:3></Pass>'],
            negatives: ['<Pass></Pass>', '<Pass>password</Pass>', '<Pass>${FTP_PASSWORD}</Pass>', '<Password>secret</Password>', '<PassiveMode>MODE_DEFAULT</PassiveMode>'],
        },
    }),
    rule({
        id: 'shadow-password-hash',
        title: 'Unix shadow password hash',
        provider: 'Unix accounts',
        severity: 'high',
        keywords: [':$'],
        pattern: String.raw `(?m)^[a-z_][a-z0-9_.-]{0,31}:\$(?:1|5|6|y|gy|7|2[abxy])\$([A-Za-z0-9./$=+-]{8,200}):\d{0,6}:\d{0,6}:`,
        longLived: true,
        remediation: 'Change the account passwords (hashes crack offline), then remove the shadow file from the repository.',
        examples: {
            positives: ['root:$6$<alnum:16>$<crypt:86>:19700:0:99999:7:::', 'deploy:$y$j9T$<crypt:22>$<crypt:43>:19850:0:99999:7:::'],
            negatives: ['root:*:19700:0:99999:7:::', 'daemon:!:19700::::::', 'root:x:0:0:root:/root:/bin/bash'],
        },
    }),
    rule({
        id: 'sql-dump-password-hash',
        title: 'Password hash in a SQL dump row (bcrypt, argon2, sha-crypt)',
        provider: 'Database dump',
        severity: 'medium',
        keywords: ["'$2a$", "'$2b$", "'$2y$", "'$argon2", "'$6$", "'$5$"],
        // A row of `INSERT INTO users ... VALUES` (on its own line in mysqldump's extended inserts, or after VALUES).
        pattern: String.raw `(?im)^[ \t]*(?:INSERT[ \t]+INTO[^\n]{1,300}?VALUES[ \t]*)?\([^\n]{0,400}?'(${stores_CRYPT_HASH})'`,
        // `$argon2id$...` would pass for a `$variable` with the shared placeholder check; the hash's own layout is strict, and
        // only filler (`$2y$10$aaaaaaaa...`) is left out.
        storeValue: true,
        validate: (value) => !/(.)\1{7,}/.test(value),
        longLived: false,
        remediation: 'Force a password reset for the accounts in the dump (hashes crack offline, weak passwords first), then keep database dumps out of the repository.',
        examples: {
            path: 'db/dump.sql',
            positives: [
                "INSERT INTO `users` (`id`, `username`, `password`) VALUES\n\n(1, '<lower:6>', '$2y$12$<[./A-Za-z0-9]:53>', 0),",
                "INSERT INTO users VALUES (7, 'admin', '$argon2id$v=19$m=65536,t=3,p=4$<b64:22>$<b64:43>');",
                "(3, 'ops', '$6$<[./A-Za-z0-9]:16>$<[./A-Za-z0-9]:86>', 1),",
            ],
            negatives: ["-- hash format: '$2y$12$<[./A-Za-z0-9]:53>'", "(1, 'x', '$2y$12$aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),", "(1, 'x', '$2y$12$<[./A-Za-z0-9]:20>'),", "$hash = '$2y$12$<[./A-Za-z0-9]:53>';"],
        },
    }),
    rule({
        id: 'firefox-logins-store',
        title: 'Firefox saved logins (logins.json)',
        provider: 'Mozilla Firefox',
        severity: 'high',
        // The user name is encrypted with the same key4.db as the password: both halves of the saved login.
        keywords: ['encryptedpassword', 'encryptedusername'],
        pattern: String.raw `"encrypted(?:Password|Username)"\s*:\s*"(M[A-Za-z0-9+/]{30,600}={0,2})"`,
        longLived: true,
        remediation: 'Change every password saved in that profile (logins.json with key4.db decrypts them), then remove the profile files from the repository.',
        examples: {
            positives: ['{"id":1,"hostname":"https://<lower:8>.example.net","encryptedPassword":"MEIEEPgAAAA<b64:60>="}', '  "encryptedUsername": "MDoEEPgAAAA<b64:40>",'],
            negatives: ['{"encryptedPassword":""}', '{"encryptedPassword":"<b64:10>"}', '{"encryptedUsername":"<b64:10>"}'],
        },
    }),
];
const storeRules = [...textStoreRules, ...binaryStoreRules];

;// CONCATENATED MODULE: ./src/rules/catalogue/tool-stores.ts


/** What a tool saved where a user typed a password: only templates, stand-ins and references stay out. */
const isSavedPassword = (value) => isPasswordInPlace(value, { store: true });
const DB_TOOL_REMEDIATION = 'Change the database password (and any SSH passphrase saved beside it), then keep the tool\'s connection file out of the repository.';
/**
 * Passwords that database and file-transfer tools save in their own files: the file's name says what the field holds,
 * so a word (`mongopass`, `swordfish`) is a password there.
 */
const toolStoreRules = [
    rule({
        id: 'robo3t-saved-password',
        title: 'Robo 3T / Robomongo saved connection password',
        provider: 'Robo 3T',
        severity: 'high',
        keywords: ['userpassword', 'sshpassphrase'],
        pattern: String.raw `"(?:userPassword|sshUserPassword|sshPassphrase)"[ \t]*:[ \t]*"([^"\\\r\n]{1,200})"`,
        onlyPaths: ['**/robomongo*.json', '**/robo3t*.json', '**/.3T/**/*.json'],
        storeValue: true,
        validate: isSavedPassword,
        longLived: true,
        remediation: DB_TOOL_REMEDIATION,
        examples: {
            path: '.3T/robo-3t/1.4.4/robo3t.json',
            positives: ['{ "credentials": [ { "databaseName": "main", "userName": "app", "userPassword": "<lower:9>" } ] }', '"sshPassphrase" : "Example<digit:3>"'],
            negatives: ['"userPassword" : ""', '"userPassword" : "password"', '"userName" : "<lower:9>"'],
        },
    }),
    rule({
        id: 'dbeaver-saved-password',
        title: 'DBeaver data source saved with a plain password',
        provider: 'DBeaver',
        severity: 'high',
        keywords: ['password'],
        // data-sources.json's `"password": "..."` (saved without the secure storage) and the old XML's `password="..."`.
        pattern: String.raw `(?:\bpassword="|"password"[ \t]*:[ \t]*")([^"\\\r\n]{1,200})"`,
        onlyPaths: ['**/*data-sources*.json', '**/*data-sources*.xml'],
        storeValue: true,
        validate: isSavedPassword,
        longLived: true,
        remediation: DB_TOOL_REMEDIATION,
        examples: {
            path: '.dbeaver/data-sources.json',
            positives: ['"configuration": { "host": "db.internal", "user": "report", "password": "<lower:6><digit:2>" }', '<connection host="localhost" port="1521" user="app" password="<alnum:12>"/>'],
            negatives: ['"configuration": { "user": "report", "password": "" }', '<connection host="localhost" user="app" password="password"/>', '"save-password": true'],
        },
    }),
    rule({
        id: 'jetbrains-deployment-password',
        title: 'JetBrains IDE deployment password (WebServers.xml)',
        provider: 'JetBrains',
        severity: 'high',
        keywords: ['<filetransfer'],
        // The IDE writes the password obfuscated as hex (a fixed, reversible XOR), which is no protection.
        pattern: String.raw `<fileTransfer\b[^>]{0,400}?\bpassword=["]([0-9a-f]{8,1000})["]`,
        longLived: true,
        remediation: 'Change the FTP/SFTP password on the server, then keep .idea/WebServers.xml out of the repository (the IDE\'s password safe keeps it out of project files).',
        examples: {
            positives: ['<fileTransfer host="ftp.<lower:6>.net" port="21" password="<hex:48>" username="deploy">'],
            negatives: ['<fileTransfer host="ftp.<lower:6>.net" port="21" username="deploy">', '<fileTransfer host="h" password="" username="deploy">'],
        },
    }),
    rule({
        id: 'ftp-client-config-password',
        title: 'Password or key passphrase in an editor\'s FTP/SFTP config (.ftpconfig, sftp-config.json)',
        provider: 'FTP clients',
        severity: 'high',
        keywords: ['"pass'],
        pattern: String.raw `"(?:pass|password|passphrase)"[ \t]*:[ \t]*"([^"\\\r\n]{1,200})"`,
        onlyPaths: ['**/.ftpconfig', '**/sftp-config.json', '**/.vscode/sftp.json', '**/.remote-sync.json'],
        storeValue: true,
        validate: isSavedPassword,
        longLived: true,
        remediation: 'Change the server password or the key\'s passphrase, then keep the FTP config out of the repository.',
        examples: {
            path: '.ftpconfig',
            positives: ['{ "host": "example.com", "user": "root", "pass": "<lower:8><digit:2>" }', '  "passphrase": "<lower:9>",'],
            negatives: ['  "passphrase": "",', '  "pass": "password",', '  "promptForPass": false,'],
        },
    }),
];

;// CONCATENATED MODULE: ./src/rules/index.ts





























/**
 * Every built-in rule. Order matters where two specific rules match the same text: the earlier one is reported.
 * Generic rules come last; any specific match shadows them.
 */
const builtinRules = [
    ...cloudRules,
    ...azureRules,
    ...hostingRules,
    ...codeHostRules,
    ...registryRules,
    ...messagingRules,
    ...paymentRules,
    ...commerceRules,
    ...aiRules,
    ...observabilityRules,
    ...devopsRules,
    ...devtoolRules,
    ...saasRules,
    ...longTailARules,
    ...businessAppRules,
    ...dataApiRules,
    ...platformTokenRules,
    ...keyRules,
    ...connectionRules,
    ...commandLineRules,
    ...configFileRules,
    ...frameworkRules,
    ...storeRules,
    ...hashRules,
    ...toolStoreRules,
    ...codeCredentialRules,
    ...passwordRules,
    ...genericRules,
];

;// CONCATENATED MODULE: ./src/engine/config/defaults.ts
const DEFAULT_MAX_FILE_SIZE = 25 * 1024 * 1024;
/** Paths nobody wants scanned: dependency trees and VCS internals. */
const DEFAULT_IGNORE_PATHS = ['**/node_modules/**', '**/.git/**', '**/vendor/bundle/**', '**/.venv/**'];
function defaultConfig() {
    return {
        rules: { disable: [], severity: {}, custom: [] },
        allowlist: { values: [], stopwords: [], fingerprints: [], paths: [], commits: [], locations: [] },
        ignorePaths: [...DEFAULT_IGNORE_PATHS],
        failOn: 'high',
        blockLongLived: true,
        maxFileSize: DEFAULT_MAX_FILE_SIZE,
    };
}

;// CONCATENATED MODULE: ./src/engine/config/matchers.ts

/** True when any of the RE2 `patterns` matches somewhere in the text; compiled once, with the scan's backend. */
function patternMatcher(patterns, backend) {
    if (patterns.length === 0)
        return () => false;
    const compiled = patterns.map((pattern) => backend.compile(pattern));
    return (text) => {
        const input = new ScanInput(Buffer.from(text, 'utf8'));
        let hit = false;
        for (const pattern of compiled) {
            pattern.scan(input, 0, input.buffer.length, () => {
                hit = true;
            });
            if (hit)
                return true;
        }
        return false;
    };
}
/** True when the text contains one of the words, ignoring case. */
function stopwordMatcher(words) {
    const lower = words.map((word) => word.toLowerCase());
    return (text) => {
        const value = text.toLowerCase();
        return lower.some((word) => value.includes(word));
    };
}
function ruleScope(spec, backend) {
    if (!spec.paths?.length && !spec.allowlist)
        return undefined;
    const inScope = spec.paths?.length ? patternMatcher(spec.paths, backend) : () => true;
    const allowedPath = patternMatcher(spec.allowlist?.paths ?? [], backend);
    const allowedValue = patternMatcher(spec.allowlist?.values ?? [], backend);
    const stopword = stopwordMatcher(spec.allowlist?.stopwords ?? []);
    return {
        skipsPath: (path) => !inScope(path) || allowedPath(path),
        allowsValue: (secret) => stopword(secret) || allowedValue(secret),
    };
}

;// CONCATENATED MODULE: ./src/engine/config/multiline.ts
/** How far past its keyword a custom rule whose pattern spans lines may match: room for a 4096-bit PEM key block. */
const CUSTOM_MULTILINE_WINDOW = 16384;
/**
 * Whether a custom rule's pattern is written to match across lines, as gitleaks' rules can (gitleaks matches whole
 * files): a dot under the `s` flag, an escaped newline, or a class holding `\s` (`[\s\S-]{64,}?`) repeated without a
 * small bound. A separator such as `[\s'"]{0,3}` does not count, so ordinary rules keep their one-line windows.
 */
function spansLines(pattern) {
    if (/\(\?[a-zA-Z]*s[a-zA-Z]*[):]/.test(pattern) || /\\n|\\r/.test(pattern))
        return true;
    const spaceClass = /\[[^\]]*\\s[^\]]*\](?:[*+]|\{(\d+),(\d*)\})/g;
    for (const match of pattern.matchAll(spaceClass)) {
        if (match[1] === undefined)
            return true;
        const upper = match[2] === '' ? Infinity : Number(match[2]);
        if (upper >= 16)
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/engine/provider-prefixes.ts

/** Heads that are words before they are prefixes: `secret-...`, `token_...` may be anyone's value. */
const WORD_HEADS = new Set(['key', 'secret', 'token', 'sdk', 'ser', 'pat', 'sat', 'app', 'api', 'access', 'auth', 'client', 'test', 'live', 'prod', 'dev', 'v1']);
/** The first capturing group's body: the secret (`(ghp_[A-Za-z0-9]{36})` -> `ghp_[A-Za-z0-9]{36}`). */
function secretGroup(pattern) {
    let depth = 0;
    let start = -1;
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
        const char = pattern[i];
        if (char === '\\')
            i++;
        else if (inClass)
            inClass = char !== ']';
        else if (char === '[')
            inClass = true;
        else if (char === '(') {
            if (start === -1 && pattern[i + 1] !== '?')
                start = i + 1;
            else if (start !== -1)
                depth++;
        }
        else if (char === ')' && start !== -1) {
            if (depth === 0)
                return pattern.slice(start, i);
            depth--;
        }
    }
    return undefined;
}
/** Where a keyword's literal sits in the secret group, spelled as the pattern spells it; undefined when it is not there. */
function literalIn(group, keyword) {
    const escaped = escapeRegex(keyword);
    const index = group.toLowerCase().indexOf(escaped);
    if (index === -1)
        return undefined;
    const literal = group.slice(index, index + escaped.length).replace(/\\(.)/g, '$1');
    // A literal inside a group or an alternation, or repeated, is not the secret's own (`(?:live|test)_`).
    const after = group.slice(index + escaped.length);
    if (/^[?*+{|)]/.test(after) || /(?:[|(]|\(\?:)$/.test(group.slice(0, index)))
        return undefined;
    if (index === 0)
        return { literal, at: 'start' };
    if (after === '')
        return { literal, at: 'end' };
    // A signature inside marks a token that has nothing else to tell it by (Microsoft's identifiable keys open with
    // random base64); a token with a prefix of its own is known by that prefix.
    return group.startsWith('[') ? { literal, at: 'inside' } : undefined;
}
/**
 * A distinctive prefix: a head and a separator (`ghp_`, `xoxb-`, `hvs.`, `sk_live_`), or a mixed-case literal
 * (`AIza`); not a URL's scheme or host, and not a word that anyone's value may start with. A word before a dot is a
 * provider's namespace (Harness's `pat.`): values written by people join words with `_` or `-`.
 */
function isDistinctive(literal) {
    if (literal.length < 4 || /[:/ $=]/.test(literal))
        return false;
    const head = /^[A-Za-z0-9]+/.exec(literal)?.[0] ?? '';
    if (head.length === literal.length)
        return /[a-z]/.test(literal) && /[A-Z]/.test(literal);
    if (literal === `${head}.`)
        return head.length >= 3;
    // A short head needs a longer literal: `sk_live_`, `sk-proj-`, not `sk_`.
    return (head.length >= 3 || literal.length >= 6) && !WORD_HEADS.has(head.toLowerCase());
}
/** A distinctive suffix: a separator and a word of three or more (`-NRMA`), the same test read from the other end. */
function isDistinctiveSuffix(literal) {
    return /^[-_.][A-Za-z0-9]{3,}$/.test(literal) && isDistinctive([...literal].reverse().join(''));
}
/**
 * A distinctive signature inside a token: four or more characters with a capital or a `+` (Microsoft's `+ACR`, `AZDO`,
 * `JQQJ9`); not lower-case words (`_secret_`) nor a host (`hooks.slack.com`), which anyone's value may hold.
 */
function isDistinctiveInfix(literal) {
    return literal.length >= 4 && !/[:/ $=.]/.test(literal) && /[A-Z+]/.test(literal);
}
const DISTINCTIVE = { start: isDistinctive, end: isDistinctiveSuffix, inside: isDistinctiveInfix };
/**
 * The literals that open, close or sit inside a specific rule's secret (`ghp_`, `xoxb-`, `AIza`, `-NRMA`, `+ACR`), read
 * from the rules themselves: a keyword spelled inside the pattern's secret group. Derived, so the shapes a generic value
 * is checked against are the catalogue's own.
 */
function providerPrefixes(rules) {
    const byMark = new Map();
    for (const rule of rules) {
        if (rule.kind === 'generic' || rule.wholeFile)
            continue;
        const group = secretGroup(rule.pattern);
        if (group === undefined)
            continue;
        for (const keyword of rule.keywords) {
            const found = literalIn(group, keyword);
            if (found === undefined || !DISTINCTIVE[found.at](found.literal))
                continue;
            const key = `${found.at}:${found.literal}`;
            const mark = byMark.get(key) ?? { prefix: found.literal, ...(found.at === 'start' ? {} : { at: found.at }), rules: [] };
            if (!mark.rules.includes(rule))
                mark.rules.push(rule);
            byMark.set(key, mark);
        }
    }
    return [...byMark.values()];
}
/** The rules a value would belong to by a signature it carries (case as the rules spell it): empty when it carries none. */
function prefixOwners(prefixes, value) {
    const carries = ({ prefix, at }) => (at === 'end' ? value.endsWith(prefix) : at === 'inside' ? value.includes(prefix) : value.startsWith(prefix));
    return prefixes.filter(carries).flatMap(({ rules }) => rules);
}

;// CONCATENATED MODULE: ./src/engine/plan.ts








function customRule(spec) {
    return {
        id: spec.id,
        title: spec.title,
        provider: 'Custom',
        severity: spec.severity,
        keywords: spec.keywords.map((keyword) => keyword.toLowerCase()),
        pattern: spec.pattern,
        entropy: spec.entropy,
        longLived: spec.longLived,
        remediation: spec.remediation ?? 'Revoke the credential at its issuer, then remove it from the repository and its history.',
        revokeUrl: spec.revokeUrl,
        kind: 'specific',
        ...(spansLines(spec.pattern) ? { multilineWindow: CUSTOM_MULTILINE_WINDOW } : {}),
    };
}
/** The rules in force: built-ins minus disabled ones, plus custom rules, with severity overrides applied. */
function activeRules(config) {
    const disabled = new Set(config.rules.disable);
    return [...builtinRules, ...config.rules.custom.map(customRule)]
        .filter((rule) => !disabled.has(rule.id))
        .map((rule) => {
        const severity = config.rules.severity[rule.id];
        return severity ? { ...rule, severity } : rule;
    });
}
function planScanner(options) {
    const config = options.config ?? defaultConfig();
    const backend = options.backend ?? regexBackend();
    const rules = activeRules(config);
    return {
        config,
        backend,
        rules,
        keywords: buildKeywordIndex(prepareRules(rules, config, backend)),
        fileRules: rules.filter((rule) => rule.wholeFile).map((rule) => ({ rule, skipPath: globMatcher(rule.skipPaths ?? []) })),
        ignored: pathIgnores(config, backend),
        acceptance: {
            valueAllowed: valueAllowlist(config, backend),
            allowedFingerprints: new Set(config.allowlist.fingerprints),
            baseline: new Set(options.baseline ?? []),
            fingerprintKey: config.fingerprintKey,
            reportInlineSuppressed: options.reportInlineSuppressed,
            isMalformedProviderToken: malformedProviderToken(rules, backend),
        },
    };
}
/** A value with a provider's prefix that none of that provider's rules matches whole (see Acceptance). */
function malformedProviderToken(rules, backend) {
    const prefixes = providerPrefixes(rules);
    const compiled = new Map();
    const matchesWhole = (rule, value) => {
        let pattern = compiled.get(rule);
        if (!pattern)
            compiled.set(rule, (pattern = backend.compile(rule.pattern)));
        let whole = false;
        pattern.scan(new ScanInput(value), 0, value.length, (match) => !(whole = match.secretStart === 0 && match.secretEnd === value.length));
        return whole;
    };
    return (secret) => {
        const owners = prefixOwners(prefixes, secret);
        if (owners.length === 0)
            return false;
        const value = Buffer.from(secret);
        // The owner's validator too: a GitHub or npm token whose CRC32 fails is made up, not someone's generic secret.
        return !owners.some((rule) => matchesWhole(rule, value) && (rule.validate?.(secret) ?? true));
    };
}
function prepareRules(rules, config, backend) {
    const hashFiles = lastPathMemo(globMatcher(HASH_FILE_GLOBS));
    // Custom rules' own path scopes and allowlists (`paths`, `allowlist` in the config).
    const scopes = new Map(config.rules.custom.map((spec) => [spec.id, ruleScope(spec, backend)]));
    return rules.map((rule, order) => {
        const generic = rule.kind === 'generic';
        const scope = scopes.get(rule.id);
        // Compiled on first use, like the pattern: most rules never see a keyword hit, and every worker builds a scanner.
        let ownSkip;
        let only;
        const outside = (path) => rule.onlyPaths !== undefined && !(only ??= lastPathMemo(globMatcher(rule.onlyPaths)))(path);
        const skip = (path) => outside(path) || (ownSkip ??= lastPathMemo(globMatcher(rule.skipPaths ?? [])))(path) || scope?.skipsPath(path) === true;
        return { rule, order, generic, skipPath: generic ? (path) => hashFiles(path) || skip(path) : skip, allowsValue: scope?.allowsValue };
    });
}
/**
 * The matcher with its last answer kept: files are scanned one at a time, and every generic rule with a hit in a file
 * asks the same glob list about the same path (a picomatch run each, a few percent of a tree scan).
 */
function lastPathMemo(matcher) {
    let lastPath;
    let lastAnswer = false;
    return (path) => {
        if (path !== lastPath) {
            lastAnswer = matcher(path);
            lastPath = path;
        }
        return lastAnswer;
    };
}
/** Paths not scanned: the config's ignore-paths globs and its allowlisted path patterns. */
function pathIgnores(config, backend) {
    const globs = globMatcher(config.ignorePaths);
    const patterns = patternMatcher(config.allowlist.paths ?? [], backend);
    return (path) => globs(path) || patterns(path);
}
/** The config's allowlist of values: a stopword anywhere in the secret, or an allow pattern matching it. */
function valueAllowlist(config, backend) {
    const stopword = stopwordMatcher(config.allowlist.stopwords);
    const pattern = patternMatcher(config.allowlist.values, backend);
    return (secret) => stopword(secret) || pattern(secret);
}

;// CONCATENATED MODULE: ./src/engine/scanner.ts







function createScanner(options = {}) {
    const plan = planScanner(options);
    return {
        rules: plan.rules,
        isPathIgnored: (path) => plan.ignored(path),
        scanBuffer: (content, path) => scanBuffer(plan, content, path),
        secretsIn: (content, path) => secretsIn(plan, content, path),
    };
}
function scanBuffer(plan, content, path) {
    if (plan.ignored(path))
        return { findings: [], notices: [], skipped: 'ignored' };
    const crowded = [];
    const result = scanClassified(content, path, plan.config.maxFileSize, (text, providerRulesOnly) => scanText(plan, text, path, providerRulesOnly === true, crowded));
    if (crowded.length > 0)
        result.notices.push(...crowdedNotices(path, crowded));
    const stores = storeFindings(plan, content, path);
    if (stores.recognised) {
        // The store's own finding says what it is: no "binary store, not scanned" notice besides.
        result.notices = result.notices.filter((notice) => notice.kind !== 'binary');
        result.findings.unshift(...stores.findings);
    }
    return result;
}
function secretsIn(plan, content, path) {
    if (plan.ignored(path))
        return [];
    const kind = classifyContent(content, path, plan.config.maxFileSize);
    if (kind.kind !== 'text' && kind.kind !== 'binary')
        return [];
    const text = kind.kind === 'text' ? kind.text : content;
    let syntax;
    const all = collectWindows(plan.keywords, text, path, () => (syntax ??= fileSyntax(path, text)));
    const windows = kind.kind === 'binary' ? all.filter((rule) => !rule.prepared.generic) : all;
    if (windows.length === 0)
        return [];
    const acceptance = { ...plan.acceptance, reportInlineSuppressed: true };
    return [...judgeCandidates(acceptance, matchWindows(plan.backend, text, windows, []), text, path)].map(([candidate, finding]) => ({
        ruleId: candidate.prepared.rule.id,
        fingerprint: finding.fingerprint,
        secret: text.subarray(candidate.secretStart, candidate.secretEnd).toString('utf8'),
    }));
}
/** Whole-file rules: a file that is itself a credential store gives one finding (none when its print is allowlisted). */
function storeFindings(plan, content, path) {
    const findings = [];
    let recognised = false;
    for (const { rule, skipPath } of plan.fileRules) {
        if (skipPath(path))
            continue;
        const reason = rule.wholeFile(content, path);
        if (reason === undefined)
            continue;
        recognised = true;
        const finding = buildFileFinding(rule, content, path, reason, plan.acceptance);
        if (finding)
            findings.push(finding);
    }
    return { recognised, findings };
}
/** Scans what content.ts classified (text, decoded from UTF-16 when it was; binaries with provider rules only). */
function scanText(plan, content, path, providerRulesOnly, crowded) {
    let syntax;
    const all = collectWindows(plan.keywords, content, path, () => (syntax ??= fileSyntax(path, content)));
    const windows = providerRulesOnly ? all.filter((rule) => !rule.prepared.generic) : all;
    if (windows.length === 0)
        return [];
    const candidates = matchWindows(plan.backend, content, windows, crowded);
    if (candidates.length === 0)
        return [];
    return judgeAll(plan.acceptance, candidates, content, path);
}
/**
 * The findings among the candidates. Judged before overlaps are resolved: a specific rule whose match fails its
 * validator must not hide a generic rule's finding on the same text.
 */
function judgeAll(acceptance, candidates, content, path) {
    return [...judgeCandidates(acceptance, candidates, content, path).values()];
}
/** The candidates that are findings, shadowed ones dropped, in report order, each with its finding. */
function judgeCandidates(acceptance, candidates, content, path) {
    const lines = new LineIndex(content);
    const judged = new Map();
    for (const candidate of candidates) {
        const weighed = weigh(candidate, content);
        if (rejection(weighed, lines, acceptance) === undefined)
            judged.set(candidate, buildFinding(weighed, lines, path, acceptance));
    }
    return new Map(dropShadowed([...judged.keys()]).map((candidate) => [candidate, judged.get(candidate)]));
}
/** Specific rules beat generic ones on the same text; the same span is reported once. */
function dropShadowed(candidates) {
    const specific = candidates.filter((c) => !c.prepared.generic);
    const kept = [];
    const seenSpans = new Set();
    const ordered = [...candidates].sort((a, b) => Number(a.prepared.generic) - Number(b.prepared.generic) || a.prepared.order - b.prepared.order);
    for (const candidate of ordered) {
        const span = `${candidate.secretStart}:${candidate.secretEnd}`;
        if (seenSpans.has(span))
            continue;
        if (candidate.prepared.generic && specific.some((s) => s.secretStart < candidate.secretEnd && candidate.secretStart < s.secretEnd))
            continue;
        seenSpans.add(span);
        kept.push(candidate);
    }
    return kept.sort((a, b) => a.secretStart - b.secretStart || a.prepared.order - b.prepared.order);
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/sources/git/run.ts

class GitError extends (/* unused pure expression or super */ null && (Error)) {
}
/**
 * Configuration every git call gets. A pull request controls its tree, and with it `.gitattributes`: with `* -diff` or
 * `* binary` git prints "Binary files differ" instead of the patch, and `diff=<driver>` selects a textconv or external
 * diff command from the runner's config. So no scan lets attributes or drivers shape what git prints: no global or
 * system attributes file, no external diff, and (see DIFF_GUARDS) no textconv and no binary decision by git at all.
 * Keyward's own content check (src/engine/content.ts) decides what is binary. git 2.39 has no --attr-source to drop
 * the tree's attributes outright; with these switches they no longer change the diff output.
 */
const SAFE_CONFIG = [
    '-c', 'core.quotePath=false',
    '-c', 'core.attributesFile=/dev/null',
    '-c', 'diff.external=',
    '-c', 'diff.suppressBlankEmpty=false',
    '-c', 'log.showSignature=false',
];
/** For commands that print diffs: never textconv, never an external driver, every file printed as text. */
const DIFF_GUARDS = ['--no-textconv', '--no-ext-diff', '--text'];
const DIFF_COMMANDS = new Set(['log', 'diff', 'show', 'diff-tree', 'diff-index', 'diff-files']);
/** No system attributes; no prompts; and the objects as they are: `refs/replace` must not swap a commit or blob for another. */
const SAFE_ENV = { GIT_ATTR_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_NO_REPLACE_OBJECTS: '1' };
/** The full argument list for `git args...` in `repoDir`, with the guards above; the one place git is invoked from. */
function gitArgv(repoDir, args) {
    const [command, ...rest] = args;
    const guarded = command !== undefined && DIFF_COMMANDS.has(command) ? [command, ...DIFF_GUARDS, ...rest] : [...args];
    return ['-C', repoDir, ...SAFE_CONFIG, ...guarded];
}
function gitEnv(extra = {}) {
    const env = { ...process.env, ...SAFE_ENV, ...extra };
    // An inherited GIT_EXTERNAL_DIFF names a program to run for every diffed file: never pass it on.
    delete env.GIT_EXTERNAL_DIFF;
    return env;
}
/** A long-lived git process (e.g. `cat-file --batch`) with the same guards. */
function spawnGit(repoDir, args, env = {}) {
    return (0,external_node_child_process_namespaceObject.spawn)('git', gitArgv(repoDir, args), { env: gitEnv(env) });
}
/** Runs git and returns stdout as bytes (paths and content need not be UTF-8). */
function git(repoDir, args, input) {
    return new Promise((resolve, reject) => {
        const child = execFile('git', gitArgv(repoDir, args), { encoding: 'buffer', maxBuffer: 4 * 1024 * 1024 * 1024, env: gitEnv() }, (error, stdout, stderr) => {
            if (error)
                reject(new GitError(`git ${args.slice(0, 3).join(' ')}: ${stderr.toString('utf8').trim() || error.message}`));
            else
                resolve(stdout);
        });
        if (input !== undefined)
            child.stdin?.end(input);
    });
}
async function gitText(repoDir, args) {
    return (await git(repoDir, args)).toString('utf8').trim();
}
async function objectExists(repoDir, rev) {
    try {
        await git(repoDir, ['cat-file', '-e', `${rev}^{commit}`]);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Splits a byte stream into records ending in `separator`, holding at most `maxRecord` bytes of any one record: the
 * rest of an overlong record streams past unkept, so one 40 MB line costs `maxRecord` bytes, not 40 MB.
 */
class RecordSplitter {
    separator;
    maxRecord;
    onRecord;
    parts = [];
    held = 0;
    length = 0;
    constructor(separator, maxRecord, onRecord) {
        this.separator = separator;
        this.maxRecord = maxRecord;
        this.onRecord = onRecord;
    }
    push(chunk) {
        let start = 0;
        for (let end = chunk.indexOf(this.separator); end !== -1; end = chunk.indexOf(this.separator, start)) {
            this.take(chunk.subarray(start, end));
            start = end + 1;
        }
        if (start < chunk.length)
            this.keep(chunk.subarray(start));
    }
    end() {
        if (this.length > 0)
            this.take(Buffer.alloc(0));
    }
    keep(piece) {
        this.length += piece.length;
        const room = this.maxRecord - this.held;
        if (room <= 0)
            return;
        // Copied: the chunk it came from is git's pipe buffer; a kept view would pin all of it.
        const kept = Buffer.from(piece.subarray(0, room));
        this.parts.push(kept);
        this.held += kept.length;
    }
    take(last) {
        if (this.length === 0 && last.length <= this.maxRecord) {
            this.onRecord(last, last.length);
            return;
        }
        this.keep(last);
        const data = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.held);
        const length = this.length;
        this.parts = [];
        this.held = 0;
        this.length = 0;
        this.onRecord(data, length);
    }
}
/**
 * Runs git and hands its stdout to `onRecord` record by record (lines by default), none holding more than `maxRecord`
 * bytes; synchronous calls per record, one await per pipe chunk, so five million short lines cost no promise each.
 */
async function readGit(repoDir, args, options, onRecord) {
    const child = spawn('git', gitArgv(repoDir, args), { stdio: ['pipe', 'pipe', 'pipe'], env: gitEnv() });
    // git may die (a missing object) before it reads all of its input: the broken pipe is for its exit status to say.
    child.stdin.on('error', () => { });
    child.stdin.end(options.input ?? '');
    const errors = [];
    let errorBytes = 0;
    child.stderr.on('data', (chunk) => {
        if (errorBytes < 16_384)
            errors.push(chunk);
        errorBytes += chunk.length;
    });
    const exit = new Promise((resolve) => child.on('close', (code) => resolve(code ?? 0)));
    const splitter = new RecordSplitter(options.separator ?? 10, options.maxRecord ?? Number.MAX_SAFE_INTEGER, onRecord);
    try {
        for await (const chunk of child.stdout)
            splitter.push(chunk);
        splitter.end();
    }
    catch (error) {
        // A consumer that failed must not leave git writing into a full pipe. (Only then: a git that finished on its own
        // keeps its exit status, so an error it ends with is never mistaken for success.)
        child.kill();
        throw error;
    }
    const code = await exit;
    if (code !== 0)
        throw new GitError(`git ${args.slice(0, 3).join(' ')}: ${Buffer.concat(errors).toString('utf8').trim() || `exit ${code}`}`);
}
/** Streams git's stdout line by line as Buffers (no decoding), for outputs too large to hold at once. */
async function* gitLines(repoDir, args) {
    const child = spawn('git', gitArgv(repoDir, args), { stdio: ['ignore', 'pipe', 'pipe'], env: gitEnv() });
    const errors = [];
    child.stderr.on('data', (chunk) => errors.push(chunk));
    const exit = new Promise((resolve) => child.on('close', (code) => resolve(code ?? 0)));
    let lines = [];
    const splitter = new RecordSplitter(10, Number.MAX_SAFE_INTEGER, (data) => lines.push(data));
    try {
        for await (const chunk of child.stdout) {
            splitter.push(chunk);
            const ready = lines;
            lines = [];
            yield* ready;
        }
        splitter.end();
        yield* lines;
    }
    finally {
        // Also when the consumer stops early (return or throw): git must not be left writing into a full pipe.
        if (child.exitCode === null && !child.stdout.readableEnded)
            child.kill();
    }
    const code = await exit;
    if (code !== 0)
        throw new GitError(`git ${args.slice(0, 3).join(' ')}: ${Buffer.concat(errors).toString('utf8').trim() || `exit ${code}`}`);
}
/** Undoes git's C-style quoting of unusual path names ("caf\303\251.txt"). */
function unquotePath(raw) {
    const text = raw.toString('latin1');
    if (!text.startsWith('"'))
        return raw.toString('utf8');
    const bytes = [];
    const escapes = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
    for (let i = 1; i < text.length - 1; i++) {
        const char = text[i];
        if (char !== '\\') {
            bytes.push(text.charCodeAt(i));
            continue;
        }
        const next = text[i + 1];
        if (/[0-7]/.test(next)) {
            bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
            i += 3;
        }
        else {
            bytes.push(escapes[next] ?? next.charCodeAt(0));
            i += 1;
        }
    }
    return Buffer.from(bytes).toString('utf8');
}

;// CONCATENATED MODULE: ./src/sources/git/blob-stream.ts

/**
 * One long-lived `git cat-file --batch`, read as a stream: requests are written ahead (git inflates the next objects
 * while this thread scans), and each object is handed to `onBlob` synchronously as soon as its last byte arrives, in
 * request order. No promise and no buffer per object: a blob inside one pipe chunk is a view of it, one that spans
 * chunks is copied once into a scratch buffer kept from blob to blob (fresh memory is slow to touch on small VMs),
 * and content past the cap streams by unkept.
 */
class blob_stream_BlobStream {
    maxBlobSize;
    onBlob;
    child;
    queue = [];
    head = 0;
    headerParts = [];
    current;
    scratch = Buffer.allocUnsafeSlow(1 << 20);
    stderr = '';
    closed = false;
    idleWaiters = [];
    constructor(repoDir, maxBlobSize, onBlob) {
        this.maxBlobSize = maxBlobSize;
        this.onBlob = onBlob;
        // GIT_NO_LAZY_FETCH (git 2.44+): a partial clone must not fetch each missing blob from its remote one by one.
        this.child = spawnGit(repoDir, ['cat-file', '--batch'], { GIT_NO_LAZY_FETCH: '1' });
        this.child.stdin.on('error', () => { });
        this.child.stderr.on('data', (chunk) => {
            if (this.stderr.length < 4096)
                this.stderr += chunk.toString('utf8');
        });
        this.child.stdout.on('data', (chunk) => this.onData(chunk));
        this.child.on('close', () => this.onClose());
        this.child.on('error', (error) => {
            this.stderr += error.message;
            this.onClose();
        });
    }
    /** Requests these objects (one write for all of them); each comes back through `onBlob`. */
    add(jobs) {
        if (jobs.length === 0)
            return;
        if (this.closed) {
            for (const job of jobs)
                this.onBlob(job, { type: 'missing', size: 0 });
            return;
        }
        let request = '';
        for (const job of jobs) {
            this.queue.push(job);
            request += `${job.sha}\n`;
        }
        this.child.stdin.write(request);
    }
    /** Objects requested and not yet handed back, the one whose content is still arriving included. */
    get inFlight() {
        return this.queue.length - this.head + (this.current ? 1 : 0);
    }
    /** Resolves once every object requested so far has been handed back. */
    idle() {
        if (this.inFlight === 0)
            return Promise.resolve();
        return new Promise((resolve) => this.idleWaiters.push(resolve));
    }
    close() {
        this.child.stdin.end();
    }
    /** What git said on stderr, for a notice when the process died early. */
    get errorText() {
        return this.stderr.trim();
    }
    next() {
        const job = this.queue[this.head];
        if (job === undefined)
            return undefined;
        this.head += 1;
        if (this.head > 4096) {
            this.queue.splice(0, this.head);
            this.head = 0;
        }
        return job;
    }
    hand(job, read) {
        this.onBlob(job, read);
        if (this.inFlight === 0 && this.idleWaiters.length > 0) {
            const waiters = this.idleWaiters;
            this.idleWaiters = [];
            for (const resolve of waiters)
                resolve();
        }
    }
    onData(chunk) {
        let pos = 0;
        while (pos < chunk.length) {
            if (!this.current) {
                const newline = chunk.indexOf(10, pos);
                if (newline === -1) {
                    this.headerParts.push(Buffer.from(chunk.subarray(pos)));
                    return;
                }
                this.startObject(this.headerParts.length ? Buffer.concat([...this.headerParts, chunk.subarray(pos, newline)]) : chunk.subarray(pos, newline));
                this.headerParts = [];
                pos = newline + 1;
                continue;
            }
            pos = this.takeContent(chunk, pos);
        }
    }
    /** `<sha> <type> <size>`, or `<sha> missing`. */
    startObject(header) {
        const job = this.next();
        if (job === undefined)
            return;
        const [, type = '', sizeText] = header.toString('latin1').split(' ');
        if (sizeText === undefined || type === 'missing' || type === 'ambiguous') {
            this.hand(job, { type: 'missing', size: 0 });
            return;
        }
        const size = Number(sizeText);
        const keep = type === 'blob' && size <= this.maxBlobSize;
        const kind = type !== 'blob' ? 'not-a-blob' : keep ? 'blob' : 'too-large';
        this.current = { job, type: kind, size, remaining: size + 1, keep, filled: 0 };
        if (keep && size > this.scratch.length)
            this.scratch = Buffer.allocUnsafeSlow(Math.max(size, this.scratch.length * 2));
    }
    takeContent(chunk, pos) {
        const current = this.current;
        const take = Math.min(current.remaining, chunk.length - pos);
        const whole = current.filled === 0 && take === current.remaining;
        if (current.keep && !whole) {
            const bytes = Math.min(take, current.size - current.filled);
            chunk.copy(this.scratch, current.filled, pos, pos + bytes);
            current.filled += bytes;
        }
        current.remaining -= take;
        if (current.remaining > 0)
            return pos + take;
        this.current = undefined;
        let content;
        if (current.keep)
            content = whole ? chunk.subarray(pos, pos + current.size) : this.scratch.subarray(0, current.size);
        this.hand(current.job, { type: current.type, size: current.size, content });
        return pos + take;
    }
    onClose() {
        if (this.closed)
            return;
        this.closed = true;
        // Anything still waiting will never come: report it as missing rather than hang.
        const current = this.current;
        this.current = undefined;
        if (current)
            this.hand(current.job, { type: 'missing', size: 0 });
        for (let job = this.next(); job !== undefined; job = this.next())
            this.hand(job, { type: 'missing', size: 0 });
        for (const resolve of this.idleWaiters.splice(0))
            resolve();
    }
}

;// CONCATENATED MODULE: ./src/sources/git/blobs.ts

/** Scans what cat-file gave for one job; synchronous, so a reused read buffer is safe. */
function blobOutcome(scanner, job, read) {
    if (read.type === 'missing')
        return { index: job.index, status: 'missing', size: 0, findings: [], notices: [] };
    if (read.type === 'not-a-blob')
        return { index: job.index, status: 'skipped', size: 0, findings: [], notices: [] };
    if (!read.content)
        return { index: job.index, status: 'too-large', size: read.size, findings: [], notices: [] };
    const result = scanner.scanBuffer(read.content, job.path);
    const status = result.skipped === 'ignored' ? 'skipped' : (result.skipped ?? 'scanned');
    return { index: job.index, status, size: read.size, findings: result.findings, notices: result.notices };
}
/** Whether the caller must keep this outcome: anything but a clean scan (counts aside). */
function outcomeMatters(outcome) {
    return outcome.status !== 'scanned' || outcome.findings.length > 0 || outcome.notices.length > 0;
}
/** Reads and scans the jobs in this thread through one cat-file process, handing each outcome to `done`. */
async function scanBlobJobs(repoDir, scanner, jobs, maxBlobSize, done) {
    const stream = new BlobStream(repoDir, maxBlobSize, (job, read) => done(blobOutcome(scanner, job, read)));
    try {
        stream.add(jobs);
        await stream.idle();
    }
    finally {
        stream.close();
    }
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/sources/worker-entry.ts



/**
 * Whether `entry` can start a worker thread: a `file:` URL of a bundled JavaScript entry point. TypeScript sources
 * (under the test runner) cannot be loaded by a worker, so with them everything runs in the calling thread.
 */
function worker_entry_isBundledEntry(entry) {
    return entry !== undefined && entry.startsWith('file:') && !/\.[cm]?ts$/.test(entry);
}
/** As isBundledEntry, and the file is there. */
function bundledEntryExists(entry) {
    return worker_entry_isBundledEntry(entry) && existsSync(fileURLToPath(entry));
}
/** Worker threads besides the calling one, which scans too: one per core but one, between 1 and 3. */
function defaultWorkerCount() {
    return Math.min(3, Math.max(1, availableParallelism() - 1));
}

;// CONCATENATED MODULE: ./src/sources/git/worker.ts






/** Completions a worker collects before it replies (it also replies whenever its cat-file runs dry). */
const REPLY_EVERY = 32;
/** Call at the top of an entry point: inside a git blob worker it serves jobs and returns true. */
function serveGitWorkerIfAsked() {
    const init = external_node_worker_threads_namespaceObject.workerData;
    if (external_node_worker_threads_namespaceObject.isMainThread || !external_node_worker_threads_namespaceObject.parentPort || init?.keyward !== 'git-blob-worker')
        return false;
    const port = external_node_worker_threads_namespaceObject.parentPort;
    const scanner = createScanner({ config: init.config, baseline: init.baseline });
    let reply = { done: 0, bytes: 0, outcomes: [] };
    const stream = new blob_stream_BlobStream(init.repoDir, init.maxBlobSize, (job, read) => {
        try {
            const outcome = blobOutcome(scanner, job, read);
            reply.done += 1;
            reply.bytes += outcome.size;
            if (outcomeMatters(outcome))
                reply.outcomes.push(outcome);
        }
        catch (error) {
            reply.error ??= error instanceof Error ? error.message : String(error);
        }
        if (reply.done >= REPLY_EVERY || stream.inFlight === 0 || reply.error !== undefined) {
            port.postMessage(reply);
            reply = { done: 0, bytes: 0, outcomes: [] };
        }
    });
    port.on('message', (message) => stream.add(message.jobs));
    return true;
}
function workersUsable(options) {
    return options !== undefined && isBundledEntry(options.entry) && (options.count ?? 1) > 0;
}
/** One worker thread with its own scanner and cat-file, fed jobs by the main thread (see lanes.ts). */
function startWorkerLane(options, repoDir, maxBlobSize, events) {
    const init = { keyward: 'git-blob-worker', repoDir, config: options.config, baseline: options.baseline ?? [], maxBlobSize };
    const worker = new Worker(fileURLToPath(options.entry), { workerData: init });
    let inFlight = 0;
    worker.on('message', (message) => {
        inFlight -= message.done;
        if (message.error !== undefined)
            events.failed(new Error(`git blob worker: ${message.error}`));
        else
            events.done(message.done, message.bytes, message.outcomes);
    });
    worker.on('error', (error) => events.failed(error));
    worker.on('exit', (code) => {
        if (inFlight > 0)
            events.failed(new Error(`git blob worker exited (${code}) with ${inFlight} job(s) pending`));
    });
    return {
        get inFlight() {
            return inFlight;
        },
        window: 256,
        send(jobs) {
            inFlight += jobs.length;
            worker.postMessage({ jobs });
        },
        async close() {
            inFlight = 0;
            await worker.terminate();
        },
    };
}

;// CONCATENATED MODULE: ./src/fs/safe-read.ts


/**
 * The one way Keyward reads a file a pull request may control (CODEOWNERS, the inventory, workflow files, config,
 * baseline, previous report) and writes an output file: symlinks are never followed, only regular files are read,
 * and the size cap holds while reading, so `.github/CODEOWNERS -> /dev/zero`, a FIFO or a link to a runner file can
 * neither hang the job, nor grow its memory, nor leak content.
 *
 * It sits below every layer (rules, engine, sources, report, entry points all may import it) and imports nothing of
 * Keyward's: the engine's config and baseline loaders use it as much as the Action and the CLI do.
 * `sources/safe-fs.ts` adds the repository-aware reads (a path inside the work tree, a blob at a commit).
 */
/** Policy files (config, CODEOWNERS, inventory, workflows) are small: GitHub itself stops reading CODEOWNERS at 3 MB. */
const POLICY_FILE_MAX_BYTES = (/* unused pure expression or super */ null && (4 * 1024 * 1024));
/** Reports read back (baseline, previous report) can list many findings. */
const REPORT_FILE_MAX_BYTES = (/* unused pure expression or super */ null && (64 * 1024 * 1024));
const NO_FOLLOW = external_node_fs_namespaceObject.constants.O_NOFOLLOW ?? 0;
// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
const NON_BLOCK = external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0;
const NO_CTTY = external_node_fs_namespaceObject.constants.O_NOCTTY ?? 0;
/** How every read of a file someone else controls opens it: no link followed, no wait on a FIFO, no terminal taken. */
const SAFE_READ_FLAGS = external_node_fs_namespaceObject.constants.O_RDONLY | NO_FOLLOW | NON_BLOCK | NO_CTTY;
function notRead(reason, shown, detail) {
    return { ok: false, reason, message: `${shown}: not read: ${detail}` };
}
/**
 * The first directory under `root` (exclusive) on the way to `path` that is a symlink or no directory; undefined when
 * there is none or `path` is not under `root` at all.
 */
function linkedParent(root, path) {
    const rel = relative(resolve(root), resolve(dirname(path)));
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
        return undefined;
    let current = resolve(root);
    for (const part of rel.split(sep)) {
        current = `${current}${sep}${part}`;
        try {
            if (!lstatSync(current).isDirectory())
                return current;
        }
        catch {
            return undefined; // a missing parent: the open below reports the file missing
        }
    }
    return undefined;
}
function errorReason(error, shown) {
    const code = error.code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
        return notRead('missing', shown, 'no such file');
    if (code === 'ELOOP' || code === 'EMLINK')
        return notRead('symlink', shown, 'a symbolic link (links are not followed)');
    if (code === 'EISDIR')
        return notRead('not-regular', shown, 'a directory, not a regular file');
    if (code === 'ENAMETOOLONG')
        return notRead('unreadable', shown, 'the path is too long');
    return notRead('unreadable', shown, code ?? error.message);
}
/** Reads at most `max + 1` bytes from `fd`: one byte more than the cap says the file is over it, whatever stat said. */
function readCapped(fd, max) {
    const chunks = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(Math.min(max + 1, 1 << 16));
    for (;;) {
        const read = readSync(fd, chunk, 0, Math.min(chunk.length, max + 1 - total), null);
        if (read === 0)
            break;
        chunks.push(Buffer.from(chunk.subarray(0, read)));
        total += read;
        if (total > max)
            return undefined;
    }
    return Buffer.concat(chunks, total);
}
/** A regular file's content, or why it was not read. Never throws, never follows a link, never blocks on a FIFO. */
function readRegularFile(path, options) {
    const shown = options.shown ?? path;
    if (options.root) {
        const linked = linkedParent(options.root, path);
        if (linked !== undefined)
            return notRead('symlink', shown, `${relative(options.root, linked) || linked} is a symbolic link or no directory (links are not followed)`);
    }
    let fd;
    try {
        fd = openSync(path, options.followLinks ? SAFE_READ_FLAGS & ~NO_FOLLOW : SAFE_READ_FLAGS);
    }
    catch (error) {
        return errorReason(error, shown);
    }
    try {
        const info = fstatSync(fd);
        if (!info.isFile())
            return notRead('not-regular', shown, info.isDirectory() ? 'a directory, not a regular file' : 'not a regular file (a FIFO, socket or device)');
        if (info.size > options.maxBytes)
            return notRead('too-large', shown, `${info.size} bytes is over the ${options.maxBytes}-byte limit`);
        const bytes = readCapped(fd, options.maxBytes);
        if (!bytes)
            return notRead('too-large', shown, `over the ${options.maxBytes}-byte limit`);
        return { ok: true, bytes, text: bytes.toString('utf8') };
    }
    catch (error) {
        return errorReason(error, shown);
    }
    finally {
        closeSync(fd);
    }
}
/** The content as text, undefined when the file is missing, and an Error naming why for anything else. */
function textOrMissing(result) {
    if (result.ok)
        return result.text;
    if (result.reason === 'missing')
        return undefined;
    throw new Error(result.message);
}
class UnsafeOutputError extends (/* unused pure expression or super */ null && (Error)) {
}
/**
 * Writes an output file without following a link at its name or (under `root`) on the way to it: an existing
 * symlink, FIFO or directory there is refused. Missing parent directories are created. `exclusive` refuses any
 * existing file (O_EXCL), for files that must be new, such as credentials.
 */
function writeOutputFile(path, content, options = {}) {
    const target = resolve(path);
    if (options.root) {
        const linked = linkedParent(options.root, target);
        if (linked !== undefined)
            throw new UnsafeOutputError(`refusing to write ${path}: ${linked} is a symbolic link or no directory`);
    }
    mkdirSync(dirname(target), { recursive: true });
    let fd;
    try {
        fd = openSync(target, constants.O_WRONLY | constants.O_CREAT | (options.exclusive ? constants.O_EXCL : 0) | NO_FOLLOW | NON_BLOCK | NO_CTTY, options.mode ?? 0o644);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ELOOP' || code === 'EMLINK')
            throw new UnsafeOutputError(`refusing to write ${path}: it is a symbolic link`);
        throw error;
    }
    try {
        if (!fstatSync(fd).isFile())
            throw new UnsafeOutputError(`refusing to write ${path}: not a regular file`);
        // ftruncate only once we know it is our regular file; O_TRUNC at open would truncate before the check.
        const data = typeof content === 'string' ? Buffer.from(content) : content;
        ftruncateSync(fd, 0);
        let offset = 0;
        while (offset < data.length)
            offset += writeSync(fd, data, offset, data.length - offset, offset);
    }
    finally {
        closeSync(fd);
    }
}

;// CONCATENATED MODULE: ./src/sources/read.ts


function unreadable(shownPath, error) {
    const code = error.code;
    const why = code === 'ENAMETOOLONG' ? 'the path is longer than the system allows' : (code ?? error.message);
    return { notice: { kind: 'unreadable', path: shownPath, unscanned: true, message: `${shownPath}: cannot read (${why}); not scanned` } };
}
function notRegular(shownPath, what) {
    return { notice: { kind: 'not-regular', path: shownPath, unscanned: true, message: `${shownPath}: ${what}, not a regular file; not scanned` } };
}
/**
 * A buffer reused from one read to the next, so a thread scanning thousands of files does not allocate (and page in,
 * and later collect) a fresh buffer for each. Content read into it is valid only until the next read.
 */
class ReadBuffer {
    buffer = Buffer.allocUnsafeSlow(1 << 16);
    take(size) {
        if (size > this.buffer.length)
            this.buffer = Buffer.allocUnsafeSlow(Math.max(size, this.buffer.length * 2));
        return this.buffer.subarray(0, size);
    }
}
/**
 * Reads a file to scan, synchronously (callers run it on worker threads): no symlinks followed (a link could point
 * outside the tree), directories reported as submodules or nested repositories, files over the cap reported. A
 * listed path that is now a FIFO, socket or device, or cannot be read (permissions, a path past PATH_MAX), is a
 * notice with `unscanned: true`, never a hang or an abort. With `scratch`, the content lands in that reused buffer
 * and is valid only until its next use.
 */
function readScannable(fullPath, shownPath, maxFileSize, scratch) {
    let fd;
    try {
        fd = (0,external_node_fs_namespaceObject.openSync)(fullPath, SAFE_READ_FLAGS);
    }
    catch (error) {
        const code = error.code;
        // A link is not content (git lists untracked ones too); the diff and history scans read the committed blob.
        if (code === 'ENOENT' || code === 'ELOOP')
            return {};
        if (code === 'EISDIR')
            return { notice: { kind: 'submodule', path: shownPath, message: `${shownPath}: a submodule or nested repository; not scanned (scan it on its own)` } };
        return unreadable(shownPath, error);
    }
    try {
        const info = (0,external_node_fs_namespaceObject.fstatSync)(fd);
        if (info.isDirectory())
            return { notice: { kind: 'submodule', path: shownPath, message: `${shownPath}: a submodule or nested repository; not scanned (scan it on its own)` } };
        if (!info.isFile())
            return notRegular(shownPath, info.isFIFO() ? 'a FIFO' : info.isSocket() ? 'a socket' : 'a device');
        if (info.size > maxFileSize) {
            return { tooLarge: true, notice: { kind: 'too-large', path: shownPath, message: `${shownPath}: ${info.size} bytes is over the ${maxFileSize}-byte limit (max-file-size); not scanned` } };
        }
        const content = scratch ? scratch.take(info.size) : Buffer.allocUnsafe(info.size);
        let offset = 0;
        while (offset < info.size) {
            const read = (0,external_node_fs_namespaceObject.readSync)(fd, content, offset, info.size - offset, offset);
            if (read === 0)
                break;
            offset += read;
        }
        return { content: offset === info.size ? content : content.subarray(0, offset) };
    }
    catch (error) {
        return unreadable(shownPath, error);
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./src/sources/pool-scan.ts


/** How often a thread busy with a list reports progress. */
const PROGRESS_MS = 100;
function scanFileWith(context, root, path) {
    const read = readScannable((0,external_node_path_namespaceObject.join)(root, path), path, context.maxFileSize, context.scratch);
    if (!read.content)
        return { findings: [], notices: read.notice ? [read.notice] : [], skipped: read.tooLarge ? 'too-large' : undefined, bytes: 0 };
    return { ...context.scanner.scanBuffer(read.content, path), bytes: read.content.length };
}
const emptyOutcome = () => ({ files: 0, bytes: 0, skipped: { binary: 0, tooLarge: 0 }, results: [] });
function addResult(outcome, index, result) {
    outcome.files += 1;
    outcome.bytes += result.bytes;
    if (result.skipped === 'binary')
        outcome.skipped.binary += 1;
    else if (result.skipped === 'too-large')
        outcome.skipped.tooLarge += 1;
    if (result.findings.length > 0 || result.notices.length > 0)
        outcome.results.push({ index, findings: result.findings, notices: result.notices });
}
/** Reports the files and bytes done since its last report, at most every PROGRESS_MS. */
class ProgressTicker {
    onProgress;
    at = performance.now();
    files = 0;
    bytes = 0;
    constructor(onProgress) {
        this.onProgress = onProgress;
    }
    tick(outcome, now) {
        if (now - this.at >= PROGRESS_MS)
            this.flush(outcome, now);
    }
    flush(outcome, now = performance.now()) {
        if (outcome.files > this.files)
            this.onProgress(outcome.files - this.files, outcome.bytes - this.bytes);
        this.at = now;
        this.files = outcome.files;
        this.bytes = outcome.bytes;
    }
}
/**
 * Claims and scans files of the list until the shared counter runs past the end, or until `until` (a
 * `performance.now()` time) when given; `done` says which.
 */
function scanClaimed(context, list, onProgress, until = Infinity) {
    const outcome = emptyOutcome();
    const ticker = onProgress ? new ProgressTicker(onProgress) : undefined;
    const timed = ticker !== undefined || until !== Infinity;
    const { root, paths, next } = list;
    let done = true;
    for (let index = Atomics.add(next, 0, 1); index < paths.length; index = Atomics.add(next, 0, 1)) {
        addResult(outcome, index, scanFileWith(context, root, paths[index]));
        if (!timed)
            continue;
        const now = performance.now();
        ticker?.tick(outcome, now);
        if (now >= until) {
            done = false;
            break;
        }
    }
    ticker?.flush(outcome);
    return { ...outcome, done };
}
function mergeLists(parts) {
    const merged = emptyOutcome();
    for (const part of parts) {
        merged.files += part.files;
        merged.bytes += part.bytes;
        merged.skipped.binary += part.skipped.binary;
        merged.skipped.tooLarge += part.skipped.tooLarge;
        merged.results.push(...part.results);
    }
    merged.results.sort((a, b) => a.index - b.index);
    return merged;
}

;// CONCATENATED MODULE: ./src/sources/pool-workers.ts





function answerListJob(port, context, job) {
    try {
        const progress = (files, bytes) => port.postMessage({ id: job.id, progress: [files, bytes] });
        const { done: _done, ...list } = scanClaimed(context, { root: job.root, paths: job.paths, next: new Int32Array(job.next) }, progress);
        port.postMessage({ id: job.id, list });
    }
    catch (error) {
        port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
    }
}
/** Call at the top of an entry point: in a scan worker it serves jobs and returns true; elsewhere returns false. */
function serveScanWorkerIfAsked() {
    const init = external_node_worker_threads_namespaceObject.workerData;
    if (external_node_worker_threads_namespaceObject.isMainThread || !external_node_worker_threads_namespaceObject.parentPort || init?.keyward !== 'scan-worker')
        return false;
    const context = { scanner: createScanner({ config: init.config, baseline: init.baseline }), maxFileSize: init.config.maxFileSize, scratch: new ReadBuffer() };
    const port = external_node_worker_threads_namespaceObject.parentPort;
    port.on('message', (job) => answerListJob(port, context, job));
    return true;
}
/** The worker threads of a pool: started on demand, each answering list jobs by id. */
class ScanWorkers {
    entry;
    wanted;
    init;
    threads = [];
    pending = new Map();
    nextId = 0;
    failure;
    constructor(entry, wanted, init) {
        this.entry = entry;
        this.wanted = wanted;
        this.init = init;
    }
    get started() {
        return this.threads.length;
    }
    get failed() {
        return this.failure !== undefined;
    }
    throwIfFailed() {
        if (this.failure)
            throw this.failure;
    }
    start() {
        if (this.threads.length > 0)
            return;
        for (let w = 0; w < this.wanted; w++)
            this.startOne(w);
    }
    startOne(w) {
        const worker = new Worker(fileURLToPath(this.entry), { workerData: this.init });
        worker.unref();
        worker.on('message', (reply) => this.pending.get(reply.id)?.settle(reply));
        worker.on('error', (error) => this.failWorker(w, error));
        this.threads.push(worker);
    }
    failWorker(w, error) {
        this.failure = error;
        for (const [id, job] of this.pending) {
            if (job.worker !== w)
                continue;
            this.pending.delete(id);
            job.reject(error);
        }
    }
    /**
     * Every started worker's share of a list. The promise is already handled: a worker failing while the calling thread
     * scans must not count as an unhandled rejection; the caller awaits it afterwards.
     */
    scanList(root, paths, next, onProgress) {
        const shares = this.threads.map((worker, w) => this.listJob(worker, w, { id: this.nextId++, root, paths, next }, onProgress));
        const all = Promise.all(shares);
        all.catch(() => { });
        return all;
    }
    listJob(worker, w, job, onProgress) {
        return new Promise((resolve, reject) => {
            const settle = (reply) => {
                if ('progress' in reply) {
                    onProgress?.(reply.progress[0], reply.progress[1]);
                    return;
                }
                this.pending.delete(job.id);
                if ('error' in reply)
                    reject(new Error(reply.error));
                else
                    resolve(reply.list);
            };
            this.pending.set(job.id, { worker: w, settle, reject });
            worker.postMessage(job);
        });
    }
    async close() {
        await Promise.all(this.threads.map((worker) => worker.terminate()));
    }
}

;// CONCATENATED MODULE: ./src/sources/scan-worker.ts
// The scan worker's own entry point: a bundle of the engine alone, so each worker thread loads a fraction of the
// Action or CLI bundle before it starts scanning.


// History scans' blob workers run from this bundle too (each with its own git cat-file).
if (!serveGitWorkerIfAsked())
    serveScanWorkerIfAsked();

