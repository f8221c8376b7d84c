import { wasmWalkAvailable, WasmWalk, type WasmWalkSizes } from './prefilter-wasm.js';

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
export class KeywordPrefilter {
  /** Next state times the row width, indexed by state times the row width plus byte class. */
  private readonly delta: Int32Array;
  /** Byte -> equivalence class: bytes that occur in no keyword share class 0, case-folded letters share one. */
  private readonly classOf: Uint8Array;
  private readonly classBits: number;
  /** The first accepting state, times the row width. */
  private readonly firstAccepting: number;
  /** Keyword indexes ending in each accepting state (own and through suffix links), indexed by state - firstAccepting. */
  private readonly outputs: (readonly number[])[];
  readonly keywordLengths: readonly number[];
  private readonly maxLength: number;
  /** The last walk's (state, byte index) records, reused from scan to scan. */
  private readonly records: WalkRecords = { hits: new Int32Array(1 << 12), laned: false };
  private readonly walk: (buffer: Uint8Array, out: WalkRecords) => number;
  private readonly wasm: WasmWalk | undefined;
  /** Which walk `scan` runs. */
  readonly walkKind: PrefilterWalk;

  private static readonly cache = new Map<string, KeywordPrefilter>();

  /**
   * The prefilter for these keywords (in this order), built once per thread and shared by the scanners of that thread
   * (the CLI builds two on its main thread). Its `scan` must not be re-entered from `onHit`.
   */
  static shared(keywords: readonly string[]): KeywordPrefilter {
    const key = keywords.join('\0');
    let prefilter = KeywordPrefilter.cache.get(key);
    if (!prefilter) {
      prefilter = new KeywordPrefilter(keywords);
      if (KeywordPrefilter.cache.size >= 8) KeywordPrefilter.cache.clear();
      KeywordPrefilter.cache.set(key, prefilter);
    }
    return prefilter;
  }

  constructor(keywords: readonly string[], options: PrefilterOptions = {}) {
    // The trie, over lower-cased keyword bytes.
    const goto: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    const lengths: number[] = [];
    const used = new Uint8Array(256);
    keywords.forEach((keyword, index) => {
      const bytes = Buffer.from(keyword.toLowerCase(), 'utf8');
      if (bytes.length === 0) throw new Error('empty keyword');
      lengths.push(bytes.length);
      let state = 0;
      for (const byte of bytes) {
        used[byte] = 1;
        let next = goto[state]!.get(byte);
        if (next === undefined) {
          next = goto.length;
          goto.push(new Map());
          own.push([]);
          goto[state]!.set(byte, next);
        }
        state = next;
      }
      own[state]!.push(index);
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
      if (!used[byte]) continue;
      classOfKeywordByte[byte] = classes++;
    }
    for (let byte = 0; byte < 256; byte++) classOf[byte] = classOfKeywordByte[foldByte(byte)]!;
    const classBits = Math.max(1, Math.ceil(Math.log2(classes)));
    if (classBits > 8) throw new Error('too many distinct keyword bytes');
    const width = 1 << classBits;

    // Failure links and outputs on the trie, breadth-first so a state's failure target is complete before it.
    const fail = new Int32Array(count);
    const outputs: number[][] = own.map((list) => [...list]);
    const breadthFirst: number[] = [...goto[0]!.values()];
    for (let head = 0; head < breadthFirst.length; head++) {
      const state = breadthFirst[head]!;
      outputs[state]!.push(...outputs[fail[state]!]!);
      for (const [byte, next] of goto[state]!) {
        let back = fail[state]!;
        while (back !== 0 && !goto[back]!.has(byte)) back = fail[back]!;
        fail[next] = goto[back]!.get(byte) ?? 0;
        breadthFirst.push(next);
      }
    }

    // Number non-accepting states first (root stays 0), accepting states last, then fill the table in that numbering:
    // each row starts as a copy of its failure target's row (complete, being earlier breadth-first), then takes its
    // own trie edges. Row copies are native; a loop over every state and class would run cold at every worker start.
    const accepting = (state: number) => outputs[state]!.length > 0;
    const order = [0, ...breadthFirst.filter((state) => !accepting(state)), ...breadthFirst.filter(accepting)];
    const firstAccepting = count - breadthFirst.filter(accepting).length;
    const renamed = new Int32Array(count);
    order.forEach((state, index) => {
      renamed[state] = index * width;
    });
    const delta = new Int32Array(count * width);
    for (const [byte, next] of goto[0]!) delta[classOfKeywordByte[byte]!] = renamed[next]!;
    for (const state of breadthFirst) {
      const row = renamed[state]!;
      const failRow = renamed[fail[state]!]!;
      delta.copyWithin(row, failRow, failRow + width);
      for (const [byte, next] of goto[state]!) delta[row + classOfKeywordByte[byte]!] = renamed[next]!;
    }
    this.delta = delta;
    this.classOf = classOf;
    this.classBits = classBits;
    this.firstAccepting = firstAccepting * width;
    this.outputs = order.slice(firstAccepting).map((oldState) => [...new Set(outputs[oldState]!)]);

    // The JS walk: prime V8's type feedback on every path of the walk, hits in every lane and every loop included. Otherwise the
    // walk is optimized while some branches have never run (a lane's first hit, the tails), and the optimized loop
    // bails out to the interpreter at that branch in every buffer until V8 gets round to optimizing it again: in a
    // one-pass scan that doubled the prefilter's time. Costs a few microseconds.
    this.walk = makeWalk(delta, classOf, this.firstAccepting, this.maxLength);
    this.wasm = (options.walk ?? defaultWalk()) === 'wasm' ? this.wasmWalk(options) : undefined;
    this.walkKind = this.wasm ? 'wasm' : 'js';
    if (!this.wasm) {
      const sample = Buffer.alloc(Math.max(LANES_FROM, 8 * this.maxLength) + 3, Buffer.from(keywords[0]!.toLowerCase(), 'utf8'));
      this.walk(sample, this.records);
      this.walk(sample.subarray(0, 64), this.records);
    }
  }

  /** The wasm walk over this table; when it fails to start, the JS walk runs instead, unless `wasm` was asked for. */
  private wasmWalk(options: PrefilterOptions): WasmWalk | undefined {
    try {
      return new WasmWalk(this.delta, this.classOf, this.firstAccepting, this.maxLength, options.wasmSizes);
    } catch (error) {
      if (options.walk === 'wasm') throw error;
      wasmStartFailure = error instanceof Error ? error.message : String(error);
      return undefined;
    }
  }

  /** Calls `onHit(keywordIndex, endExclusive)` for every occurrence, in order of end position. */
  scan(buffer: Uint8Array, onHit: (keyword: number, end: number) => void): void {
    if (this.wasm) this.scanWasm(this.wasm, buffer, onHit);
    else this.scanJs(buffer, onHit);
  }

  private scanJs(buffer: Uint8Array, onHit: (keyword: number, end: number) => void): void {
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
      const low = bounds[lane]!;
      const high = bounds[lane + 1]!;
      for (let h = 0; h < count; h += 2) {
        const at = hits[h + 1]!;
        if (at < low || at >= high) continue;
        for (const keyword of outputs[(hits[h]! - first) >>> bits]!) onHit(keyword, at + 1);
      }
    }
  }

  /** The wasm walk's records come chunk by chunk, each in order of end position. */
  private scanWasm(wasm: WasmWalk, buffer: Uint8Array, onHit: (keyword: number, end: number) => void): void {
    const outputs = this.outputs;
    const first = wasm.first;
    const bits = this.classBits + 2;
    for (let start = 0; start < buffer.length; start += wasm.chunkBytes) {
      const count = wasm.walkChunk(buffer, start, Math.min(buffer.length, start + wasm.chunkBytes));
      const hits = wasm.hits;
      // Record indexes count from the chunk's first walked byte, `maxLength` before `start` after the first chunk.
      const base = start === 0 ? 1 : start - this.maxLength + 1;
      for (let h = 0; h < count; h += 2) {
        for (const keyword of outputs[(hits[h]! - first) >>> bits]!) onHit(keyword, base + hits[h + 1]!);
      }
    }
  }
}

/** `wasm`: the walk in WebAssembly; `js`: the fallback, in JavaScript. */
export type PrefilterWalk = 'wasm' | 'js';

export interface PrefilterOptions {
  /** Which walk to run; by default wasm where WebAssembly exists, unless `KEYWARD_PREFILTER=js`. */
  walk?: PrefilterWalk;
  /** The wasm walk's buffer sizes and lanes (tests shrink the buffer to reach the growth and chunk paths). */
  wasmSizes?: Partial<WasmWalkSizes>;
}

/** Why the last wasm walk this thread tried to start fell back to the JS walk. */
let wasmStartFailure: string | undefined;

/**
 * Which prefilter walk this thread's scanners run, and why when it is the JS one: `wasm`, `js (KEYWARD_PREFILTER=js)`,
 * `js (WebAssembly unavailable)` or `js (the wasm walk did not start: ...)`. For the logs and reports, next to the
 * regex engine.
 */
export function prefilterWalkDescription(): string {
  if (process.env.KEYWARD_PREFILTER === 'js') return 'js (KEYWARD_PREFILTER=js)';
  if (!wasmWalkAvailable()) return 'js (WebAssembly unavailable)';
  if (wasmStartFailure === undefined) new KeywordPrefilter(['key']);
  return wasmStartFailure === undefined ? 'wasm' : `js (the wasm walk did not start: ${wasmStartFailure})`;
}

function defaultWalk(): PrefilterWalk {
  return process.env.KEYWARD_PREFILTER !== 'js' && wasmWalkAvailable() ? 'wasm' : 'js';
}

/** Where a walk leaves its records: reused from walk to walk. */
interface WalkRecords {
  hits: Int32Array;
  laned: boolean;
}

/** Room for `needed` more hit records after the first `used`. */
function room(out: WalkRecords, used: number, needed: number): Int32Array {
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
function makeWalk(delta: Int32Array, classOf: Uint8Array, first: number, warm: number): (buffer: Uint8Array, out: WalkRecords) => number {
  return (buffer, out) => {
      const n = buffer.length;
      let k = 0;
      if (n < LANES_FROM || n < 8 * warm) {
        out.laned = false;
        const hits = room(out, 0, 2 * n);
        let state = 0;
        for (let i = 0; i < n; i++) {
          state = delta[state | classOf[buffer[i]!]!]!;
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
        a = delta[a | classOf[buffer[t]!]!]!;
        b = delta[b | classOf[buffer[b0 + t]!]!]!;
        c = delta[c | classOf[buffer[c0 + t]!]!]!;
        d = delta[d | classOf[buffer[d0 + t]!]!]!;
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
          a = delta[a | classOf[buffer[t]!]!]!;
          b = delta[b | classOf[buffer[b0 + t]!]!]!;
          c = delta[c | classOf[buffer[c0 + t]!]!]!;
          d = delta[d | classOf[buffer[d0 + t]!]!]!;
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
        if (t >= q) break;
        hits = room(out, k, hits.length);
      }
      // Lanes b and c have `warm` bytes left to reach the next quarter; lane d runs to the end.
      hits = room(out, k, 2 * (n - d0 - q + 2 * warm));
      for (let i = b0 + q; i < 2 * q; i++) {
        b = delta[b | classOf[buffer[i]!]!]!;
        if (b >= first) {
          hits[k] = b;
          hits[k + 1] = i;
          k += 2;
        }
      }
      for (let i = c0 + q; i < 3 * q; i++) {
        c = delta[c | classOf[buffer[i]!]!]!;
        if (c >= first) {
          hits[k] = c;
          hits[k + 1] = i;
          k += 2;
        }
      }
      for (let i = d0 + q; i < n; i++) {
        d = delta[d | classOf[buffer[i]!]!]!;
        if (d >= first) {
          hits[k] = d;
          hits[k + 1] = i;
          k += 2;
        }
      }
      return k;
  };
}

function foldByte(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}
