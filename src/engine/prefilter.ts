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

    // Prime V8's type feedback on every path of the walk, hits in every lane and every loop included. Otherwise the
    // walk is optimized while some branches have never run (a lane's first hit, the tails), and the optimized loop
    // bails out to the interpreter at that branch in every buffer until V8 gets round to optimizing it again: in a
    // one-pass scan that doubled the prefilter's time. Costs a few microseconds.
    const sample = Buffer.alloc(Math.max(LANES_FROM, 8 * this.maxLength) + 3, Buffer.from(keywords[0]!.toLowerCase(), 'utf8'));
    this.walk(sample);
    this.walk(sample.subarray(0, 64));
  }

  /** Calls `onHit(keywordIndex, endExclusive)` for every occurrence, in order of end position. */
  scan(buffer: Uint8Array, onHit: (keyword: number, end: number) => void): void {
    // The walks only record (state, end) pairs; callbacks run afterwards. A call inside the hot loop would be to a new
    // closure on every scan, and V8 throws away the optimized loop each time the call target changes.
    const lanes = this.walk(buffer);
    const outputs = this.outputs;
    const first = this.firstAccepting;
    const bits = this.classBits;
    for (const held of lanes) {
      for (let h = 0; h < held.length; h += 2) {
        for (const keyword of outputs[(held[h]! - first) >>> bits]!) onHit(keyword, held[h + 1]!);
      }
    }
  }

  /** The accepting states reached, as (state, end) pairs per lane, lanes in buffer order. */
  private walk(buffer: Uint8Array): number[][] {
    const delta = this.delta;
    const classOf = this.classOf;
    const first = this.firstAccepting;
    const n = buffer.length;
    const warm = this.maxLength;
    const heldA: number[] = [];
    if (n < LANES_FROM || n < 8 * warm) {
      let state = 0;
      for (let i = 0; i < n; i++) {
        state = delta[state | classOf[buffer[i]!]!]!;
        if (state >= first) heldA.push(state, i);
      }
      for (let h = 1; h < heldA.length; h += 2) heldA[h] = heldA[h]! + 1;
      return [heldA];
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
      if (a >= first) heldA.push(a, t);
    }
    const heldB: number[] = [];
    const heldC: number[] = [];
    const heldD: number[] = [];
    for (; t < q; t++) {
      a = delta[a | classOf[buffer[t]!]!]!;
      b = delta[b | classOf[buffer[b0 + t]!]!]!;
      c = delta[c | classOf[buffer[c0 + t]!]!]!;
      d = delta[d | classOf[buffer[d0 + t]!]!]!;
      // No arithmetic in these rarely taken branches: V8 would have no type feedback for it when it optimizes the loop,
      // and the optimized loop would bail out to the interpreter at the first hit of every buffer. Ends are fixed
      // up below.
      if (a >= first) heldA.push(a, t);
      if (b >= first) heldB.push(b, t);
      if (c >= first) heldC.push(c, t);
      if (d >= first) heldD.push(d, t);
    }
    for (let h = 1; h < heldA.length; h += 2) heldA[h] = heldA[h]! + 1;
    for (let h = 1; h < heldB.length; h += 2) heldB[h] = heldB[h]! + b0 + 1;
    for (let h = 1; h < heldC.length; h += 2) heldC[h] = heldC[h]! + c0 + 1;
    for (let h = 1; h < heldD.length; h += 2) heldD[h] = heldD[h]! + d0 + 1;
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
    return [heldA, heldB, heldC, heldD];
  }
}

function foldByte(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}
