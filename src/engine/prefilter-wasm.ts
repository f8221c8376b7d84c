import { prefilterWalkWasm } from './prefilter-walk-wasm.js';

/** The part of the WebAssembly API this walk uses; absent on a runtime without it (then the JS walk runs). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: WalkExports };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WalkExports {
  walk(buffer: number, n: number, lead: number, warm: number, first: number, hits: number, lanes: number): number;
  classes_at(): number;
  delta_at(): number;
  __heap_base: { value: number };
}

const PAGE = 1 << 16;
/** The module's stack and its fixed table addresses are in the first 128 KiB (see prefilter-walk.c). */
const MODULE_PAGES = 2;
/** A lane is worth its warm-up from this many bytes of its own. */
const LANE_BYTES = 64;

/**
 * The walk's buffer in wasm memory starts at `initialBytes` and grows to `chunkBytes`; larger buffers walk in chunks.
 * `lanes` is the most lanes walked together (1, 2, 4 or 8): 4 measured best on the whole, 8 won only on a loaded
 * machine (README, "The prefilter walk"; bench/engine/prefilter.mjs).
 */
export interface WasmWalkSizes {
  initialBytes: number;
  chunkBytes: number;
  lanes: number;
}
const defaultSizes: WasmWalkSizes = { initialBytes: 1 << 16, chunkBytes: 1 << 18, lanes: 4 };

let compiled: object | undefined;
function wasmApi(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

/** Whether this runtime can run the WebAssembly walk. */
export function wasmWalkAvailable(): boolean {
  return wasmApi() !== undefined;
}

/**
 * The prefilter's DFA walk in WebAssembly (src/engine/prefilter-walk.c), over a copy of the table in its own memory.
 * Each buffer is copied once into that memory and walked there in up to `lanes` lanes; a buffer above `chunkBytes` is
 * walked chunk by chunk, each chunk after the first starting `warm` bytes early so its states are exact (the same
 * overlap rule as the lanes). Records come out as (accepting state, byte index) pairs in order of byte index.
 */
export class WasmWalk {
  private readonly memory: WasmMemory;
  private readonly exports: WalkExports;
  /** Where the chunk buffer starts in wasm memory; the hit records follow it. */
  private readonly bufferAt: number;
  private readonly sizes: WasmWalkSizes;
  private capacity = 0;
  private bytes!: Uint8Array;
  /** The last chunk's records, a view into wasm memory (valid until the next walk). */
  hits!: Int32Array;

  /** The first accepting state in the module's numbering: a record's state minus this, shifted right by 2 more bits
   * than the JS table's states, is the accepting state's index. */
  readonly first: number;

  constructor(
    delta: Int32Array,
    classOf: Uint8Array,
    first: number,
    private readonly warm: number,
    sizes: Partial<WasmWalkSizes> = {},
  ) {
    this.sizes = { ...defaultSizes, ...sizes };
    const api = wasmApi();
    if (!api) throw new Error('WebAssembly is not available');
    compiled ??= new api.Module(Buffer.from(prefilterWalkWasm, 'base64'));
    // The module asks for its stack's pages; the tables and buffers above them are added by `reserve`.
    this.memory = new api.Memory({ initial: MODULE_PAGES });
    this.exports = new api.Instance(compiled, { env: { memory: this.memory } }).exports;
    const classesAt = this.exports.classes_at();
    const deltaAt = this.exports.delta_at();
    if (this.exports.__heap_base.value > classesAt) throw new Error('the walk module lays its stack over its tables');
    this.bufferAt = align(deltaAt + delta.byteLength);
    this.reserve(this.sizes.initialBytes);
    const classes = new Uint8Array(this.memory.buffer, classesAt, 256);
    classes.set(classOf);
    if (classes.some((column) => column >= 64)) throw new Error('the wasm walk takes at most 64 byte classes');
    for (let byte = 0; byte < 256; byte++) classes[byte]! <<= 2;
    // A state becomes its row's address, so a step needs no arithmetic beyond the OR (see prefilter-walk.c).
    const table = new Int32Array(this.memory.buffer, deltaAt, delta.length);
    for (let i = 0; i < delta.length; i++) table[i] = deltaAt + 4 * delta[i]!;
    this.first = deltaAt + 4 * first;
  }

  /** The largest chunk walked at once; `lead` bytes of overlap come on top for every chunk but the first. */
  get chunkBytes(): number {
    return Math.max(this.sizes.chunkBytes, this.warm);
  }

  /**
   * Walks `buffer[start - lead, end)`, where lead is 0 for the first chunk and `warm` after it; records hits in
   * [start, end) into `hits` and returns how many numbers it wrote. A record's index is relative to `start - lead`.
   */
  walkChunk(buffer: Uint8Array, start: number, end: number): number {
    const lead = start === 0 ? 0 : this.warm;
    const n = end - start + lead;
    if (n > this.capacity) this.reserve(n);
    this.bytes.set(start === 0 && end === buffer.length ? buffer : buffer.subarray(start - lead, end));
    return this.exports.walk(this.bufferAt, n, lead, this.warm, this.first, this.hits.byteOffset, this.lanesFor(n - lead));
  }

  private lanesFor(bytes: number): number {
    let lanes = this.sizes.lanes;
    while (lanes > 1 && (bytes < lanes * LANE_BYTES || bytes / lanes < this.warm)) lanes >>= 1;
    return lanes;
  }

  /** Room for `n` bytes and their worst-case records (two ints per byte); growing memory renews every view. */
  private reserve(n: number): void {
    const capacity = align(Math.max(n, Math.min(2 * this.capacity, this.chunkBytes + this.warm)));
    const needed = this.bufferAt + capacity + 8 * capacity;
    const have = this.memory.buffer.byteLength;
    if (needed > have) this.memory.grow(Math.ceil((needed - have) / PAGE));
    this.capacity = capacity;
    this.bytes = new Uint8Array(this.memory.buffer, this.bufferAt, capacity);
    this.hits = new Int32Array(this.memory.buffer, this.bufferAt + capacity, 2 * capacity);
  }
}

function align(offset: number): number {
  return (offset + 15) & ~15;
}
