// The C API of Keyward's WebAssembly build of RE2 (scripts/build-wasm.mjs). A pattern is compiled with the options
// the native addon uses (UTF-8, case-sensitive, dot does not match \n, no logging); a scan reports every
// non-overlapping match in a window of a buffer already in wasm memory, in byte offsets of that window, the way
// src/engine/regex.ts's native backend walks re2's exec(): an empty match is skipped and the search moves one byte
// on (so the re2 package's care for \B inside a UTF-8 character, which only concerns empty matches, is not needed).
#include <cstdint>
#include <cstdlib>
#include <new>

#include "re2/re2.h"

namespace {

struct Pattern {
  re2::RE2 regex;
  Pattern(const char *source, size_t length, const re2::RE2::Options &options)
      : regex(absl::string_view(source, length), options) {}
};

re2::RE2::Options engineOptions() {
  re2::RE2::Options options;
  options.set_log_errors(false);
  return options;
}

}  // namespace

extern "C" {

/** Compiles `length` bytes of UTF-8 at `source`; never null. Check keyward_error() before use. */
Pattern *keyward_compile(const char *source, size_t length) {
  return new (std::nothrow) Pattern(source, length, engineOptions());
}

/** RE2's message when the pattern did not compile, else null. */
const char *keyward_error(const Pattern *pattern) {
  if (pattern == nullptr) return "out of memory";
  return pattern->regex.ok() ? nullptr : pattern->regex.error().c_str();
}

void keyward_free_pattern(Pattern *pattern) { delete pattern; }

/**
 * Finds up to `capacity` matches in text[0, length) from byte `start` on and writes each as four int32 (match start,
 * end, first group's start, end; the group is -1, -1 when it did not take part). Returns how many it wrote; when that is
 * `capacity`, *next holds where to go on from, else -1.
 */
int keyward_scan(const Pattern *pattern, const char *text, size_t length, size_t start, int32_t *out, int capacity,
                 int32_t *next) {
  const re2::RE2 &regex = pattern->regex;
  absl::string_view whole(text, length);
  absl::string_view groups[2];
  const int count = regex.NumberOfCapturingGroups() > 0 ? 2 : 1;
  int written = 0;
  *next = -1;
  size_t position = start;
  while (position <= length) {
    if (written == capacity) {
      *next = static_cast<int32_t>(position);
      break;
    }
    if (!regex.Match(whole, position, length, re2::RE2::UNANCHORED, groups, count)) break;
    const size_t matchStart = groups[0].data() - text;
    const size_t matchEnd = matchStart + groups[0].size();
    if (matchEnd == matchStart) {
      position = matchEnd + 1;
      continue;
    }
    int32_t *slot = out + 4 * written++;
    slot[0] = static_cast<int32_t>(matchStart);
    slot[1] = static_cast<int32_t>(matchEnd);
    const bool grouped = count == 2 && groups[1].data() != nullptr;
    slot[2] = grouped ? static_cast<int32_t>(groups[1].data() - text) : -1;
    slot[3] = grouped ? static_cast<int32_t>(groups[1].data() - text + groups[1].size()) : -1;
    position = matchEnd;
  }
  return written;
}

void *keyward_alloc(size_t size) { return std::malloc(size); }
void keyward_free(void *pointer) { std::free(pointer); }

}  // extern "C"
