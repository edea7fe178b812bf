// Build helper: packs resource files into the one blob the CLI and the page load.
//   pack_resources OUT ROOT DIR... [--root ROOT DIR...]...
// packs every file under ROOT/DIR, named by its path from ROOT; --root switches to another tree
// (generated resources live in the build directory, not in assets/).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "resources/resources.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: pack_resources OUT ROOT DIR... [--root ROOT DIR...]...\n";
    return 2;
  }
  fs::path root = argv[2];
  std::map<std::string, std::string, std::less<>> files;
  for (int i = 3; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--root" && i + 1 < argc) {
      root = argv[++i];
      continue;
    }
    for (const auto& entry : fs::recursive_directory_iterator(root / argv[i])) {
      const std::string name = fs::relative(entry.path(), root).generic_string();
      // Model cards and notes document the assets; they are not loaded.
      if (!entry.is_regular_file() || entry.path().filename().string().starts_with(".") || entry.path().extension() == ".md") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      files[name].assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      if (!in.good() && !in.eof()) {
        std::cerr << "pack_resources: cannot read " << entry.path() << "\n";
        return 1;
      }
    }
  }
  const std::string pack = cronaca::write_pack(files);
  std::ofstream out(argv[1], std::ios::binary);
  out.write(pack.data(), static_cast<std::streamsize>(pack.size()));
  if (!out) {
    std::cerr << "pack_resources: cannot write " << argv[1] << "\n";
    return 1;
  }
  return 0;
}
