#include "ner/shipped_resources.h"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace fs = std::filesystem;

namespace cronaca {

std::string read_file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Resources shipped_resources() {
  const char* pack_path = std::getenv("CRONACA_RESOURCES");
  const fs::path pack = pack_path && *pack_path ? fs::path(pack_path)
                                                : fs::read_symlink("/proc/self/exe").parent_path() / ".." / "share" / "cronaca" / "resources.pack";
  Resources resources;
  std::string error;
  if (!resources.add_pack(read_file_bytes(pack), error)) throw std::runtime_error(pack.string() + ": " + error);
  return resources;
}

}  // namespace cronaca
