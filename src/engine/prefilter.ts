import { endianness } from 'node:os';

const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * Aho-Corasick over bytes, compiled to a full DFA with ASCII case folding baked into the transitions, so the scan is
 * one table lookup per byte. Hand-written because the npm implementations work on JS strings (a UTF-16 copy of every
 * file) and run an order of magnitude slower than this loop over Buffers.
 *
 * States are numbered so that every state where a keyword ends comes last: "is this a hit?" is a comparison with
 * `firstAccepting`, not a second table load per byte. Input is read a 32-bit word at a time where aligned.
 */
export class KeywordPrefilter {
  private readonly delta: Uint16Array | Uint32Array;
  /** Byte -> equivalence class: bytes that occur in no keyword share class 0, case-folded letters share one. */
  private readonly classOf: Uint8Array;
  private readonly classBits: number;
  private readonly firstAccepting: number;
  /** Keyword indexes ending in each accepting state (own and through suffix links), indexed by state - firstAccepting. */
  private readonly outputs: (readonly number[])[];
  readonly keywordLengths: readonly number[];

  constructor(keywords: readonly string[]) {
    const goto: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    const lengths: number[] = [];
    keywords.forEach((keyword, index) => {
      const bytes = Buffer.from(keyword.toLowerCase(), 'utf8');
      if (bytes.length === 0) throw new Error('empty keyword');
      lengths.push(bytes.length);
      let state = 0;
      for (const byte of bytes) {
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
    const table = new Uint32Array(count * 256);
    const fail = new Int32Array(count);
    const outputs: number[][] = own.map((list) => [...list]);
    // Breadth-first: a state's failure target is always complete before the state itself.
    const queue: number[] = [];
    for (let byte = 0; byte < 256; byte++) {
      const next = goto[0]!.get(foldByte(byte));
      table[byte] = next ?? 0;
      if (next !== undefined && byte === foldByte(byte)) queue.push(next);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      outputs[state]!.push(...outputs[fail[state]!]!);
      for (let byte = 0; byte < 256; byte++) {
        const next = goto[state]!.get(foldByte(byte));
        if (next !== undefined) {
          if (byte === foldByte(byte)) {
            fail[next] = table[fail[state]! * 256 + byte]!;
            queue.push(next);
          }
          table[state * 256 + byte] = next;
        } else {
          table[state * 256 + byte] = table[fail[state]! * 256 + byte]!;
        }
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

    // Byte classes shrink the table from 256 columns to a power of two just above the number of distinct keyword
    // bytes (about 50), so ~2,000 states fit in a core's L2 cache instead of spilling to L3.
    const classOf = new Uint8Array(256);
    let classes = 1;
    const seen = new Map<number, number>();
    for (let byte = 0; byte < 256; byte++) {
      const folded = foldByte(byte);
      if (!goto.some((edges) => edges.has(folded))) continue;
      let cls = seen.get(folded);
      if (cls === undefined) {
        cls = classes++;
        seen.set(folded, cls);
      }
      classOf[byte] = cls;
    }
    const classBits = Math.max(1, Math.ceil(Math.log2(classes)));
    if (classBits > 8) throw new Error('too many distinct keyword bytes');
    const representative = new Int16Array(1 << classBits).fill(-1);
    for (let byte = 255; byte >= 0; byte--) representative[classOf[byte]!] = byte;
    const width = 1 << classBits;
    const delta = count <= 0xffff ? new Uint16Array(count * width) : new Uint32Array(count * width);
    for (let oldState = 0; oldState < count; oldState++) {
      const base = renamed[oldState]! * width;
      for (let cls = 0; cls < width; cls++) {
        const byte = representative[cls]!;
        delta[base + cls] = byte < 0 ? 0 : renamed[table[oldState * 256 + byte]!]!;
      }
    }
    this.delta = delta;
    this.classOf = classOf;
    this.classBits = classBits;
    this.firstAccepting = firstAccepting;
    this.outputs = order.slice(firstAccepting).map((oldState) => [...new Set(outputs[oldState]!)]);
  }

  /** Calls `onHit(keywordIndex, endExclusive)` for every occurrence, in order of end position. */
  scan(buffer: Uint8Array, onHit: (keyword: number, end: number) => void): void {
    const delta = this.delta;
    const classOf = this.classOf;
    const bits = this.classBits;
    const first = this.firstAccepting;
    const report = (state: number, end: number) => {
      for (const keyword of this.outputs[state - first]!) onHit(keyword, end);
    };
    const n = buffer.length;
    let state = 0;
    let i = 0;
    if (LITTLE_ENDIAN && n >= 64) {
      while (((buffer.byteOffset + i) & 3) !== 0) {
        state = delta[(state << bits) | classOf[buffer[i]!]!]!;
        if (state >= first) report(state, i + 1);
        i++;
      }
      const words = new Uint32Array(buffer.buffer, buffer.byteOffset + i, (n - i) >>> 2);
      for (let w = 0, count = words.length; w < count; w++) {
        const word = words[w]!;
        state = delta[(state << bits) | classOf[word & 0xff]!]!;
        if (state >= first) report(state, i + 1);
        state = delta[(state << bits) | classOf[(word >>> 8) & 0xff]!]!;
        if (state >= first) report(state, i + 2);
        state = delta[(state << bits) | classOf[(word >>> 16) & 0xff]!]!;
        if (state >= first) report(state, i + 3);
        state = delta[(state << bits) | classOf[word >>> 24]!]!;
        if (state >= first) report(state, i + 4);
        i += 4;
      }
    }
    for (; i < n; i++) {
      state = delta[(state << bits) | classOf[buffer[i]!]!]!;
      if (state >= first) report(state, i + 1);
    }
  }
}

function foldByte(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}
