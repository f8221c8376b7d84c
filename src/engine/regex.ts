import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RE2JS } from 're2js';
import { loadWasmBackend } from './re2-wasm.js';

/** A match inside the scanned input, in byte offsets of the whole input. */
export interface MatchSpan {
  start: number;
  end: number;
  /** Span of the first capturing group, or of the whole match when the pattern has none. */
  secretStart: number;
  secretEnd: number;
}

/**
 * The content being scanned, with latin1 views of it for the pure-JS backend (latin1 keeps one char per byte, so
 * string offsets are byte offsets). Windows are decoded one by one: a file usually has a few windows, and decoding a
 * whole 3 MB file for two of them was a third of the re2js backend's time. Once the windows asked for add up to half
 * the file, the whole file is decoded once and windows are cut from it.
 */
export class ScanInput {
  private text?: string;
  private decoded = 0;
  constructor(readonly buffer: Buffer) {}
  latin1(): string {
    this.text ??= this.buffer.toString('latin1');
    return this.text;
  }
  /** The latin1 text of bytes [from, to). */
  latin1Window(from: number, to: number): string {
    if (this.text === undefined) {
      this.decoded += to - from;
      if (this.decoded <= this.buffer.length >>> 1) return this.buffer.toString('latin1', from, to);
    }
    return this.latin1().substring(from, to);
  }
}

/** Called for each match; returning false stops the scan. */
export type OnMatch = (match: MatchSpan) => unknown;

export interface CompiledPattern {
  /** Reports every non-overlapping match lying inside [from, to), in order, until `onMatch` returns false. */
  scan(input: ScanInput, from: number, to: number, onMatch: OnMatch): void;
}

/** A pattern compiled only to say whether it matches: no spans, no captures, RE2's cheapest search. */
export interface PatternTest {
  /** True when some match of the pattern lies inside [from, to). */
  test(input: ScanInput, from: number, to: number): boolean;
}

export interface RegexBackend {
  readonly name: 'native-re2' | 're2-wasm' | 're2js';
  /** Throws with RE2's own message when the pattern is not valid RE2 syntax. */
  compile(pattern: string): CompiledPattern;
  /** Like compile, for a pattern that is only tested (see relaxed.ts). */
  compileTest(pattern: string): PatternTest;
}

interface NativeMatch {
  index: number;
  indices?: ([number, number] | undefined)[];
  0: Buffer;
}
interface NativeRegExp {
  lastIndex: number;
  exec(input: Buffer): NativeMatch | null;
  test(input: Buffer): boolean;
}
type NativeRE2 = new (pattern: string, flags: string) => NativeRegExp;

function nativeBackend(RE2: NativeRE2): RegexBackend {
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
              if (regex.lastIndex > window.length) break;
              continue;
            }
            const secret = match.indices?.[1] ?? whole;
            if (onMatch({ start: from + whole[0], end: from + whole[1], secretStart: from + secret[0], secretEnd: from + secret[1] }) === false) break;
          }
        },
      };
    },
    compileTest(pattern) {
      // No flags: without `g` and `d`, test() asks RE2 for no positions at all, only whether its automaton accepts.
      const regex = new RE2(pattern, '');
      return { test: (input, from, to) => regex.test(input.buffer.subarray(from, to)) };
    },
  };
}

const portableBackend: RegexBackend = {
  name: 're2js',
  compile(pattern) {
    const regex = RE2JS.compile(pattern);
    const hasGroup = regex.groupCount() > 0;
    return {
      scan(input, from, to, onMatch) {
        const window = input.latin1Window(from, to);
        // test() runs re2js's DFA, many times faster than the capturing matcher: most windows hold no match at all.
        if (!regex.test(window)) return;
        const matcher = regex.matcher(window);
        let position = 0;
        while (matcher.find(position)) {
          const start = matcher.start();
          const end = matcher.end();
          position = end === start ? end + 1 : end;
          if (end === start) {
            if (position > to - from) break;
            continue;
          }
          const groupStart = hasGroup ? matcher.start(1) : -1;
          const secretStart = groupStart >= 0 ? groupStart : start;
          const secretEnd = groupStart >= 0 ? matcher.end(1) : end;
          if (onMatch({ start: from + start, end: from + end, secretStart: from + secretStart, secretEnd: from + secretEnd }) === false) break;
          if (position > to - from) break;
        }
      },
    };
  },
  compileTest(pattern) {
    const regex = RE2JS.compile(pattern);
    return { test: (input, from, to) => regex.test(input.latin1Window(from, to)) };
  },
};

let selected: RegexBackend | undefined;
let nativeLoadError: string | undefined;
let nativeSource: string | undefined;
let wasmLoadError: string | undefined;

/**
 * Where a prebuilt addon for this platform, architecture and Node ABI would be: dist/native/<target>/re2.node, found
 * from the bundle (dist/index.js, dist/cli/, dist/worker/) or from the sources (src/engine/, the tests).
 */
export function prebuiltCandidates(from: string = import.meta.url): string[] {
  const target = `${process.platform}-${process.arch}-node${process.versions.modules}`;
  const here = dirname(fileURLToPath(from));
  return [join(here, 'native'), join(here, '..', 'native'), join(here, '..', '..', 'dist', 'native')].map((dir) => join(dir, target, 're2.node'));
}

/**
 * Loads RE2's addon: a prebuilt one shipped in dist/native for this Node ABI (the Action's node24 on Linux), else the
 * re2 package built by `npm ci` for the Node that installed it. Only a file named for this ABI is tried, so a
 * mismatched addon is never loaded into the process.
 */
function loadNative(): { RE2: NativeRE2; source: string } {
  const require = createRequire(import.meta.url);
  for (const file of prebuiltCandidates()) {
    if (existsSync(file)) return { RE2: require(file) as NativeRE2, source: file.split(/[\\/]/).slice(-3).join('/') };
  }
  return { RE2: require('re2') as NativeRE2, source: 'the re2 package' };
}

const briefly = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 240);

/**
 * The native RE2 addon when it loads, else RE2 as WebAssembly (dist/native/wasm/re2.wasm: macOS, Windows), else re2js:
 * the same RE2 syntax and linear-time guarantee in pure JavaScript. `KEYWARD_REGEX=re2-wasm` skips the addon,
 * `KEYWARD_REGEX=re2js` forces the last.
 */
export function regexBackend(): RegexBackend {
  if (selected) return selected;
  const wanted = process.env.KEYWARD_REGEX;
  if (wanted !== 're2js' && wanted !== 're2-wasm') {
    try {
      const loaded = loadNative();
      nativeSource = loaded.source;
      return (selected = nativeBackend(loaded.RE2));
    } catch (error) {
      nativeLoadError = briefly(error);
    }
  } else nativeLoadError = `KEYWARD_REGEX=${wanted}`;
  if (wanted !== 're2js') {
    try {
      const loaded = loadWasmBackend();
      nativeSource = loaded.source;
      return (selected = loaded.backend);
    } catch (error) {
      wasmLoadError = briefly(error);
    }
  }
  selected = portableBackend;
  return selected;
}

/** Why the native backend is not in use, for diagnostics. */
export function nativeRegexUnavailableReason(): string | undefined {
  regexBackend();
  return nativeLoadError;
}

/** One line saying which regex engine runs and where it came from, for the Action's log and `keyward --version`. */
export function regexEngineDescription(): string {
  const backend = regexBackend();
  if (backend.name === 'native-re2') return `native-re2 (${nativeSource})`;
  if (backend.name === 're2-wasm') return `re2-wasm (${nativeSource}; native re2 unavailable: ${nativeLoadError})`;
  return `re2js (native re2 unavailable: ${nativeLoadError}${wasmLoadError ? `; re2-wasm unavailable: ${wasmLoadError}` : ''})`;
}

export const regexBackends = {
  portable: portableBackend,
  /** What regexBackend() picks: native when it loads, else re2-wasm, else re2js (KEYWARD_REGEX can skip either). */
  get default(): RegexBackend {
    return regexBackend();
  },
  native(): RegexBackend | undefined {
    try {
      return nativeBackend(loadNative().RE2);
    } catch {
      return undefined;
    }
  },
  /** RE2 as WebAssembly, when dist/native/wasm/re2.wasm is there. */
  wasm(): RegexBackend | undefined {
    try {
      return loadWasmBackend().backend;
    } catch {
      return undefined;
    }
  },
};

export { requiredBytes, requiredByteSets } from './required-bytes.js';
