#pragma once
// What the fuzz targets share: the shipped resource pack (tests/unit/test_resources.h) and an
// invariant check that stops the run with a message, so libFuzzer keeps the input that broke it.
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "test_resources.h"
#include "text/utf8.h"

namespace cronaca::fuzz {

[[noreturn]] inline void violated(const char* what, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: invariant violated: %s\n", file, line, what);
  std::abort();
}

inline bool valid_utf8(std::string_view s) { return count_invalid_utf8(s, 1) == 0; }

}  // namespace cronaca::fuzz

#define FUZZ_CHECK(condition) \
  ((condition) ? void(0) : ::cronaca::fuzz::violated(#condition, __FILE__, __LINE__))
