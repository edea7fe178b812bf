#pragma once
// The resource pack the CLI ships (built from assets/), loaded once for all tests.
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "resources/resources.h"

namespace cronaca::test {

inline const Resources& shipped_resources() {
  static const Resources resources = [] {
    std::ifstream in(CRONACA_RESOURCES_PACK, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Resources r;
    std::string error;
    if (!r.add_pack(bytes, error)) throw std::runtime_error(std::string(CRONACA_RESOURCES_PACK) + ": " + error);
    return r;
  }();
  return resources;
}

}  // namespace cronaca::test
