#include "common/shipped_pack.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace fs = std::filesystem;

namespace cronaca::tools {

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": " + std::strerror(errno));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw std::runtime_error(path.string() + ": cannot read");
  return bytes;
}

Resources load_shipped_resources() {
  const char* override_path = std::getenv("CRONACA_RESOURCES");
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  const fs::path pack = override_path && *override_path ? fs::path(override_path)
                                                        : (ec ? fs::current_path() : self.parent_path()) / ".." / "share" / "cronaca" / "resources.pack";
  Resources resources;
  std::string error;
  if (!resources.add_pack(read_all(pack), error)) throw std::runtime_error(pack.string() + ": " + error);
  return resources;
}

}  // namespace cronaca::tools
