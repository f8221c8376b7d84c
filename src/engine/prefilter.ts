import { endianness } from 'node:os';

const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * Aho-Corasick over bytes, compiled to a full DFA with ASCII case folding baked into the transitions, so the scan is
 * one table lookup per byte. Hand-written because the npm implementations work on JS strings (a UTF-16 copy of every
 * file) and run an order of magnitude slower than this loop over Buffers.
 *
 * States are numbered so that every state where a keyword ends comes last: "is this a hit?" is a comparison with
 * `firstAccepting`, not a second table load per byte. The table holds each next state already multiplied by the row
 * width, so a step is `delta[state | classOf[byte]]` with no shift. Input is read a 32-bit word at a time where aligned.
 */
export class KeywordPrefilter {
  /** Next state times the row width, indexed by state times the row width plus byte class. */
  private readonly delta: Uint16Array | Uint32Array;
  /** Byte -> equivalence class: bytes that occur in no keyword share class 0, case-folded letters share one. */
  private readonly classOf: Uint8Array;
  private readonly classBits: number;
  /** The first accepting state, times the row width. */
  private readonly firstAccepting: number;
  /** Keyword indexes ending in each accepting state (own and through suffix links), indexed by state - firstAccepting. */
  private readonly outputs: (readonly number[])[];
  readonly keywordLengths: readonly number[];

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
    const delta = count * width <= 0x10000 ? new Uint16Array(count * width) : new Uint32Array(count * width);
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
    let state = 0;
    let i = 0;
    if (LITTLE_ENDIAN && n >= 64) {
      while (((buffer.byteOffset + i) & 3) !== 0) {
        state = delta[state | classOf[buffer[i]!]!]!;
        if (state >= first) report(state, i + 1);
        i++;
      }
      const words = new Uint32Array(buffer.buffer, buffer.byteOffset + i, (n - i) >>> 2);
      for (let w = 0, count = words.length; w < count; w++) {
        const word = words[w]!;
        state = delta[state | classOf[word & 0xff]!]!;
        if (state >= first) report(state, i + 1);
        state = delta[state | classOf[(word >>> 8) & 0xff]!]!;
        if (state >= first) report(state, i + 2);
        state = delta[state | classOf[(word >>> 16) & 0xff]!]!;
        if (state >= first) report(state, i + 3);
        state = delta[state | classOf[word >>> 24]!]!;
        if (state >= first) report(state, i + 4);
        i += 4;
      }
    }
    for (; i < n; i++) {
      state = delta[state | classOf[buffer[i]!]!]!;
      if (state >= first) report(state, i + 1);
    }
  }
}

function foldByte(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}
