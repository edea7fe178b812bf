#pragma once
// The resource pack the CLI ships (built from assets/) and its languages, loaded once for all tests.
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "lang/language.h"
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

// The languages of that pack; a pack whose language files do not load fails every test using it.
inline const Languages& shipped_languages() {
  static const Languages languages = [] {
    std::vector<std::string> errors;
    Languages loaded = Languages::load(shipped_resources(), errors);
    if (!errors.empty()) throw std::runtime_error("shipped languages: " + errors.front());
    return loaded;
  }();
  return languages;
}

}  // namespace cronaca::test
