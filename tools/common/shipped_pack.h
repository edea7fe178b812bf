#pragma once
// What the native tools share: reading a whole file, and loading the resource pack the build
// stages beside them (../share/cronaca/resources.pack), or the one CRONACA_RESOURCES names.
#include <filesystem>
#include <string>

#include "resources/resources.h"

namespace cronaca::tools {

// Throws std::runtime_error naming the file when it cannot be read.
std::string read_all(const std::filesystem::path& path);

// Throws std::runtime_error naming the pack when it cannot be loaded.
Resources load_shipped_resources();

}  // namespace cronaca::tools
