import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledPattern, OnMatch, PatternTest, RegexBackend, ScanInput } from './regex.js';

/**
 * RE2 built as WebAssembly (scripts/build-wasm.mjs, shipped as dist/native/wasm/re2.wasm) for where no native addon
 * loads. The file being scanned is copied into wasm memory once, when its first window is scanned, and every pattern
 * then searches windows of that copy in place; matches come back in batches through a fixed result area.
 */
interface Re2Exports {
  memory: { readonly buffer: ArrayBuffer };
  _initialize?: () => void;
  keyward_compile(source: number, length: number): number;
  keyward_error(pattern: number): number;
  keyward_free_pattern(pattern: number): void;
  keyward_scan(pattern: number, text: number, length: number, start: number, out: number, capacity: number, next: number): number;
  keyward_alloc(size: number): number;
  keyward_free(pointer: number): void;
}

type ImportedFunction = (...args: number[]) => number | undefined;
type Imports = Record<string, Record<string, ImportedFunction>>;
interface WasmModuleClass {
  new (bytes: Uint8Array): object;
  imports(module: object): { module: string; name: string; kind: string }[];
}
/** The slice of the WebAssembly global this module uses (the project's lib setting has no DOM types). */
const WebAssembly = (globalThis as unknown as { WebAssembly: { Module: WasmModuleClass; Instance: new (module: object, imports: Imports) => { exports: object } } }).WebAssembly;

/** Matches fetched per call: four int32 each. A window rarely has more, and the engine stops a rule at 256. */
const BATCH = 64;

/** Where re2.wasm would be, from the bundle (dist/index.js, dist/cli/, dist/worker/) or the sources (src/engine/). */
export function wasmCandidates(from: string = import.meta.url): string[] {
  const here = dirname(fileURLToPath(from));
  return [join(here, 'native'), join(here, '..', 'native'), join(here, '..', '..', 'dist', 'native')].map((dir) => join(dir, 'wasm', 're2.wasm'));
}

/**
 * Imports of a standalone emscripten module: an empty environment, a clock, memory growth; any other call (logging on
 * a fatal error, exit) throws, which stops the scan with an error instead of the process.
 */
function importsFor(module: object, memory: () => ArrayBuffer): Imports {
  const known: Record<string, ImportedFunction> = {
    emscripten_notify_memory_growth: () => undefined,
    environ_sizes_get: (count, size) => {
      new DataView(memory()).setUint32(count!, 0, true);
      new DataView(memory()).setUint32(size!, 0, true);
      return 0;
    },
    environ_get: () => 0,
    clock_time_get: (...args) => {
      new DataView(memory()).setBigUint64(args[2]!, process.hrtime.bigint(), true);
      return 0;
    },
  };
  const imports: Imports = {};
  for (const { module: space, name, kind } of WebAssembly.Module.imports(module)) {
    if (kind !== 'function') throw new Error(`re2.wasm imports a ${kind} (${space}.${name})`);
    (imports[space] ??= {})[name] =
      known[name] ??
      (() => {
        throw new Error(`re2.wasm called ${space}.${name}`);
      });
  }
  return imports;
}

class Re2Wasm {
  private loaded?: ScanInput;
  private text = 0;
  private capacity = 0;
  private readonly out: number;
  private readonly freed = new FinalizationRegistry<number>((pattern) => this.exports.keyward_free_pattern(pattern));

  constructor(private readonly exports: Re2Exports) {
    exports._initialize?.();
    this.out = this.alloc(BATCH * 16 + 4);
  }

  private alloc(size: number): number {
    // Pointers come back as signed int32: past 2 GB of memory they read negative unless made unsigned.
    const pointer = this.exports.keyward_alloc(size) >>> 0;
    if (pointer === 0) throw new Error(`re2.wasm could not allocate ${size} bytes`);
    return pointer;
  }

  /** A fresh view: growing memory detaches the previous one. */
  private bytes(): Uint8Array {
    return new Uint8Array(this.exports.memory.buffer);
  }

  compile(pattern: string): CompiledPattern {
    const compiled = this.compiled(pattern);
    const handle = { scan: (input: ScanInput, from: number, to: number, onMatch: OnMatch) => this.scan(compiled, input, from, to, onMatch) };
    this.freed.register(handle, compiled);
    return handle;
  }

  /**
   * The scan reports non-empty matches only, so the tested pattern is followed by one more character or the end: at
   * the first place the pattern matches before the window's end, that match is never empty.
   */
  compileTest(pattern: string): PatternTest {
    const compiled = this.compiled(`(?:${pattern})(?:(?s:.)|$)`);
    const handle = { test: (input: ScanInput, from: number, to: number) => this.matchesIn(compiled, input, from, to) };
    this.freed.register(handle, compiled);
    return handle;
  }

  private compiled(pattern: string): number {
    const source = Buffer.from(pattern, 'utf8');
    const at = this.alloc(source.length + 1);
    this.bytes().set(source, at);
    const compiled = this.exports.keyward_compile(at, source.length);
    this.exports.keyward_free(at);
    const error = this.exports.keyward_error(compiled) >>> 0;
    if (error !== 0) {
      const bytes = this.bytes();
      const message = Buffer.from(bytes.buffer, error, bytes.indexOf(0, error) - error).toString('utf8');
      if (compiled !== 0) this.exports.keyward_free_pattern(compiled);
      throw new SyntaxError(`invalid regular expression: ${message}`);
    }
    return compiled;
  }

  /** Copies the input's bytes into wasm memory unless they are the ones already there. */
  private load(input: ScanInput): void {
    if (this.loaded === input) return;
    const length = input.buffer.length;
    if (length > this.capacity) {
      if (this.text !== 0) this.exports.keyward_free(this.text);
      this.text = 0;
      this.capacity = 0;
      const size = Math.max(length, 1 << 16);
      this.text = this.alloc(size);
      this.capacity = size;
    }
    this.bytes().set(input.buffer, this.text);
    this.loaded = input;
  }

  private matchesIn(pattern: number, input: ScanInput, from: number, to: number): boolean {
    this.load(input);
    return this.exports.keyward_scan(pattern, this.text + from, to - from, 0, this.out, 1, this.out + BATCH * 16) > 0;
  }

  private scan(pattern: number, input: ScanInput, from: number, to: number, onMatch: OnMatch): void {
    for (let start = 0; start >= 0; ) {
      // Reloaded before each batch: a callback may have scanned another input in between.
      this.load(input);
      const found = this.exports.keyward_scan(pattern, this.text + from, to - from, start, this.out, BATCH, this.out + BATCH * 16);
      const results = new Int32Array(this.exports.memory.buffer, this.out, BATCH * 4 + 1).slice();
      start = results[BATCH * 4]!;
      for (let i = 0; i < found; i++) {
        const [matchStart, matchEnd, groupStart, groupEnd] = results.subarray(4 * i, 4 * i + 4) as unknown as [number, number, number, number];
        const grouped = groupStart >= 0;
        const match = { start: from + matchStart, end: from + matchEnd, secretStart: from + (grouped ? groupStart : matchStart), secretEnd: from + (grouped ? groupEnd : matchEnd) };
        if (onMatch(match) === false) return;
      }
    }
  }
}

/** The WebAssembly RE2 backend from the first re2.wasm found; throws when there is none or it does not instantiate. */
export function loadWasmBackend(): { backend: RegexBackend; source: string } {
  const file = wasmCandidates().find((candidate) => existsSync(candidate));
  if (!file) throw new Error('no re2.wasm in dist/native/wasm');
  const module = new WebAssembly.Module(readFileSync(file));
  const started: { exports?: Re2Exports } = {};
  const instance = new WebAssembly.Instance(module, importsFor(module, () => started.exports!.memory.buffer));
  started.exports = instance.exports as unknown as Re2Exports;
  const engine = new Re2Wasm(started.exports);
  const backend: RegexBackend = { name: 're2-wasm', compile: (pattern) => engine.compile(pattern), compileTest: (pattern) => engine.compileTest(pattern) };
  return { backend, source: file.split(/[\\/]/).slice(-3).join('/') };
}
