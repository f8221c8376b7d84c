// The keyword prefilter's DFA walk (src/engine/prefilter.ts), compiled to WebAssembly by
// scripts/build-prefilter-wasm.mjs.
// Hand-written: the table is Keyward's own format (premultiplied next states, byte classes, accepting states last),
// which no library walks. Freestanding: no libc, no data, no stack arrays; the memory is the caller's.
//
// One DFA step is a load that depends on the previous step's load, so a single walk waits on memory latency. The
// buffer is cut into `lanes` parts walked together, independent chains in one loop. Each part except the first starts
// `warm` bytes early (the longest keyword's length) from the root state and records nothing before its own start:
// after `warm` bytes the state only depends on those bytes, so it is exact from there on. The first part starts
// `lead` bytes into the buffer the same way (the caller's overlap with the previous chunk of a large file).
//
// A hit is recorded as the pair (accepting state, byte index). Each lane writes its pairs into its own region (two
// ints per byte of its part: room for a hit at every byte), and the regions are closed up at the end, so the pairs
// come out in order of byte index.
#include <stdint.h>

typedef int32_t i32;
typedef uint8_t u8;

#define MAX_LANES 8

#define INLINE static inline __attribute__((always_inline))

INLINE void record(i32 *hits, i32 *k, i32 state, i32 at) {
  hits[*k] = state;
  hits[*k + 1] = at;
  *k += 2;
}

// The tables sit at fixed addresses, above the 64 KiB stack wasm-ld lays out below __heap_base: the compiler folds
// them into each load's offset, which frees two registers for lanes (the caller copies them there). A state is the
// address of its row and a class its column's byte offset (the caller rewrites the table so), and rows are aligned
// to their width: a step is two loads and an OR, with no shift or add for the index. Column offsets are bytes, so at
// most 64 classes (a table with more runs the JavaScript walk).
#define CLASSES_AT 0x20000
#define DELTA_AT 0x20100
#define ROOT DELTA_AT
#define CLASS_OF(byte) ((const u8 *)CLASSES_AT)[byte]
#define NEXT(s, byte) (*(const i32 *)((s) | CLASS_OF(byte)))

__attribute__((export_name("classes_at"))) i32 classes_at(void) { return CLASSES_AT; }
__attribute__((export_name("delta_at"))) i32 delta_at(void) { return DELTA_AT; }

// One step of lane l in the lockstep loop. States are positive, so the OR of the lanes' states is at least each of
// them: below `first` it proves no lane hit (one OR per lane, not a compare). At or above it, the lanes are checked
// one by one; shallow states have small numbers, so that is rare without a hit. 5-15% faster than `&= s - first`.
#define STEP(l) s##l = NEXT(s##l, p##l[t]); any |= s##l;
#define HIT(l) if (s##l >= first && t >= w[l]) record(hits, &k[l], s##l, at[l] + t);
#define LOAD(l) const u8 *p##l = buf + at[l]; i32 s##l = ROOT;
#define SAVE(l) state[l] = s##l;

#define LOCKSTEP(lanes, EACH)                                                                     \
  static void lockstep##lanes(const u8 *buf, const i32 *at, const i32 *w, i32 *state, i32 *k,     \
                              i32 together, i32 first, i32 *hits) {                              \
    EACH(LOAD)                                                                                    \
    for (i32 t = 0; t < together; t++) {                                                          \
      i32 any = 0;                                                                                \
      EACH(STEP)                                                                                  \
      if (__builtin_expect(any >= first, 0)) { EACH(HIT) }                                        \
    }                                                                                             \
    EACH(SAVE)                                                                                    \
  }

#define EACH1(X) X(0)
#define EACH2(X) X(0) X(1)
#define EACH4(X) X(0) X(1) X(2) X(3)
#define EACH8(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7)
LOCKSTEP(1, EACH1)
LOCKSTEP(2, EACH2)
LOCKSTEP(4, EACH4)
LOCKSTEP(8, EACH8)

// Walks `lanes` parts of [lead, n).
static i32 walk_lanes(const u8 *buf, i32 n, i32 lead, i32 warm, i32 first, i32 *hits, int lanes) {
  const i32 q = (n - lead) / lanes;
  i32 part[MAX_LANES + 1];  // part[l]: where lane l starts recording; part[lanes] = n
  i32 at[MAX_LANES];        // where lane l starts walking
  i32 w[MAX_LANES];         // lane l's warm-up: part[l] - at[l]
  i32 state[MAX_LANES];
  i32 k[MAX_LANES];         // lane l's next free int in its region
  for (int l = 0; l < lanes; l++) {
    part[l] = lead + l * q;
    at[l] = l == 0 ? 0 : part[l] - warm;
    w[l] = part[l] - at[l];
    k[l] = 2 * (part[l] - lead);
  }
  part[lanes] = n;
  // Every lane has at least q + min(lead, warm) bytes to walk: that many steps run in lockstep.
  const i32 together = q + (lead < warm ? lead : warm);
  switch (lanes) {
    case 8: lockstep8(buf, at, w, state, k, together, first, hits); break;
    case 4: lockstep4(buf, at, w, state, k, together, first, hits); break;
    case 2: lockstep2(buf, at, w, state, k, together, first, hits); break;
    default: lockstep1(buf, at, w, state, k, together, first, hits); break;
  }
  // The rest of each lane, one after the other: at most `warm` bytes, plus the remainder of the division in the last.
  for (int l = 0; l < lanes; l++) {
    i32 s = state[l];
    i32 kl = k[l];
    const i32 end = part[l + 1];
    for (i32 i = at[l] + together; i < end; i++) {
      s = NEXT(s, buf[i]);
      if (s >= first && i >= part[l]) record(hits, &kl, s, i);
    }
    k[l] = kl;
  }
  // Close up the regions: lane l's pairs move down to follow lane l-1's.
  i32 total = k[0];
  for (int l = 1; l < lanes; l++) {
    const i32 from = 2 * (part[l] - lead);
    for (i32 j = from; j < k[l]; j++) hits[total++] = hits[j];
  }
  return total;
}

// Exported entry: the caller picks the lane count (1, 2, 4 or 8) from the buffer's size. Returns the number of ints
// written to `hits` (twice the number of hits). Needs (n - lead) / lanes >= warm when lanes > 1.
__attribute__((export_name("walk")))
i32 walk(const u8 *buf, i32 n, i32 lead, i32 warm, i32 first, i32 *hits, i32 lanes) {
  return walk_lanes(buf, n, lead, warm, first, hits, lanes);
}
