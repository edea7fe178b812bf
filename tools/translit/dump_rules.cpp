// Build step: writes the rules of the transliterators listed in assets/resolve/transliterators.txt
// as ICU's CLDR data defines them, one file each, for the resource pack:
//   dump_rules LIST OUT_DIR     -> OUT_DIR/translit/order.txt and OUT_DIR/translit/N.txt
#include <unicode/translit.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include "resources/resources.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: dump_rules LIST OUT_DIR\n";
    return 2;
  }
  std::ifstream list_file(argv[1]);
  const std::string list((std::istreambuf_iterator<char>(list_file)), std::istreambuf_iterator<char>());
  const fs::path out = fs::path(argv[2]) / "translit";
  fs::create_directories(out);
  std::ofstream order(out / "order.txt");
  order << "# Written by tools/translit/dump_rules.cpp: file, then transliterator id.\n";
  int n = 0;
  for (std::string_view id : cronaca::list_lines(list)) {
    UErrorCode status = U_ZERO_ERROR;
    const std::string name(id);
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(name), UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !t) {
      std::cerr << "dump_rules: ICU has no transliterator " << name << ": " << u_errorName(status) << "\n";
      return 1;
    }
    icu::UnicodeString rules;
    t->toRules(rules, true);  // escaped: some rules do not compile back from their unescaped form
    std::string utf8;
    rules.toUTF8String(utf8);
    const std::string file = std::to_string(++n) + ".txt";
    std::ofstream(out / file, std::ios::binary) << utf8;
    order << file << ' ' << name << '\n';
  }
  return order ? 0 : 1;
}
