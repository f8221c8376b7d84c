/**
 * Aho-Corasick over bytes, compiled to a full DFA with ASCII case folding baked into the transitions, so the scan is
 * one table lookup per byte. Hand-written because the npm implementations work on JS strings (a UTF-16 copy of every
 * file) and run an order of magnitude slower than this loop over Buffers.
 */
export class KeywordPrefilter {
  private readonly delta: Uint16Array | Uint32Array;
  /** For each state, the keyword indexes that end there (own and through suffix links); empty for most states. */
  private readonly outputs: (readonly number[])[];
  private readonly accepting: Uint8Array;
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

    const stateCount = goto.length;
    const delta = stateCount <= 0xffff ? new Uint16Array(stateCount * 256) : new Uint32Array(stateCount * 256);
    const fail = new Int32Array(stateCount);
    const outputs: number[][] = own.map((list) => [...list]);
    // Breadth-first: a state's failure target is always complete before the state itself.
    const queue: number[] = [];
    for (let byte = 0; byte < 256; byte++) {
      const next = goto[0]!.get(foldByte(byte));
      delta[byte] = next ?? 0;
      if (next !== undefined && !queue.includes(next)) {
        fail[next] = 0;
        queue.push(next);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      outputs[state]!.push(...outputs[fail[state]!]!);
      for (let byte = 0; byte < 256; byte++) {
        const next = goto[state]!.get(foldByte(byte));
        if (next !== undefined) {
          if (byte === foldByte(byte)) {
            fail[next] = delta[fail[state]! * 256 + byte]!;
            queue.push(next);
          }
          delta[state * 256 + byte] = next;
        } else {
          delta[state * 256 + byte] = delta[fail[state]! * 256 + byte]!;
        }
      }
    }
    this.delta = delta;
    this.outputs = outputs.map((list) => [...new Set(list)]);
    this.accepting = new Uint8Array(stateCount);
    this.outputs.forEach((list, state) => {
      if (list.length > 0) this.accepting[state] = 1;
    });
  }

  /** Calls `onHit(keywordIndex, endExclusive)` for every occurrence, in order of end position. */
  scan(buffer: Uint8Array, onHit: (keyword: number, end: number) => void): void {
    const delta = this.delta;
    const accepting = this.accepting;
    let state = 0;
    for (let i = 0, n = buffer.length; i < n; i++) {
      state = delta[(state << 8) | buffer[i]!]!;
      if (accepting[state] === 1) {
        for (const keyword of this.outputs[state]!) onHit(keyword, i + 1);
      }
    }
  }
}

function foldByte(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}
