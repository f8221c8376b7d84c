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

  constructor(keywords: readonly string[]) {
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

    const table = new Int32Array(count * width);
    const fail = new Int32Array(count);
    const outputs: number[][] = own.map((list) => [...list]);
    // Breadth-first: a state's failure target is always complete before the state itself.
    const queue: number[] = [];
    for (const [byte, next] of goto[0]!) {
      table[classOfKeywordByte[byte]!] = next;
      queue.push(next);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const failRow = fail[state]! * width;
      outputs[state]!.push(...outputs[fail[state]!]!);
      const row = state * width;
      for (let cls = 0; cls < width; cls++) table[row + cls] = table[failRow + cls]!;
      for (const [byte, next] of goto[state]!) {
        const cls = classOfKeywordByte[byte]!;
        fail[next] = table[failRow + cls]!;
        table[row + cls] = next;
        queue.push(next);
      }
    }

    // Renumber: non-accepting states first (root stays 0), accepting states last.
    const accepting = outputs.map((list) => list.length > 0);
    const order = [...Array(count).keys()].sort((a, b) => Number(accepting[a]) - Number(accepting[b]) || a - b);
    const firstAccepting = accepting.filter((a) => !a).length;
    const renamed = new Uint32Array(count);
    order.forEach((oldState, newState) => {
      renamed[oldState] = newState;
    });
    const delta = new Int32Array(count * width);
    for (let oldState = 0; oldState < count; oldState++) {
      const from = oldState * width;
      const base = renamed[oldState]! * width;
      for (let cls = 0; cls < width; cls++) delta[base + cls] = renamed[table[from + cls]!]! * width;
    }
    this.delta = delta;
    this.classOf = classOf;
    this.classBits = classBits;
    this.firstAccepting = firstAccepting * width;
    this.outputs = order.slice(firstAccepting).map((oldState) => [...new Set(outputs[oldState]!)]);
  }

  /** Calls `onHit(keywordIndex, endExclusive)` for every occurrence, in order of end position. */
  scan(buffer: Uint8Array, onHit: (keyword: number, end: number) => void): void {
    const delta = this.delta;
    const classOf = this.classOf;
    const first = this.firstAccepting;
    const report = (state: number, end: number) => {
      for (const keyword of this.outputs[(state - first) >>> this.classBits]!) onHit(keyword, end);
    };
    const n = buffer.length;
    const warm = this.maxLength;
    if (n < LANES_FROM || n < 8 * warm) {
      let state = 0;
      for (let i = 0; i < n; i++) {
        state = delta[state | classOf[buffer[i]!]!]!;
        if (state >= first) report(state, i + 1);
      }
      return;
    }
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
    for (; t < warm; t++) {
      a = delta[a | classOf[buffer[t]!]!]!;
      b = delta[b | classOf[buffer[b0 + t]!]!]!;
      c = delta[c | classOf[buffer[c0 + t]!]!]!;
      d = delta[d | classOf[buffer[d0 + t]!]!]!;
      if (a >= first) report(a, t + 1);
    }
    const heldB: number[] = [];
    const heldC: number[] = [];
    const heldD: number[] = [];
    for (; t < q; t++) {
      a = delta[a | classOf[buffer[t]!]!]!;
      b = delta[b | classOf[buffer[b0 + t]!]!]!;
      c = delta[c | classOf[buffer[c0 + t]!]!]!;
      d = delta[d | classOf[buffer[d0 + t]!]!]!;
      if (a >= first) report(a, t + 1);
      if (b >= first) heldB.push(b, b0 + t + 1);
      if (c >= first) heldC.push(c, c0 + t + 1);
      if (d >= first) heldD.push(d, d0 + t + 1);
    }
    // Lanes b and c have `warm` bytes left to reach the next quarter; lane d runs to the end.
    for (let i = b0 + q; i < 2 * q; i++) {
      b = delta[b | classOf[buffer[i]!]!]!;
      if (b >= first) heldB.push(b, i + 1);
    }
    for (let i = c0 + q; i < 3 * q; i++) {
      c = delta[c | classOf[buffer[i]!]!]!;
      if (c >= first) heldC.push(c, i + 1);
    }
    for (let i = d0 + q; i < n; i++) {
      d = delta[d | classOf[buffer[i]!]!]!;
      if (d >= first) heldD.push(d, i + 1);
    }
    for (const held of [heldB, heldC, heldD]) for (let h = 0; h < held.length; h += 2) report(held[h]!, held[h + 1]!);
  }
}

function foldByte(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}
