#pragma once
// The resource pack the build staged beside the NER tools (build/share/cronaca/resources.pack),
// or the one CRONACA_RESOURCES names, as the CLI finds it.
#include <filesystem>
#include <string>

#include "resources/resources.h"

namespace cronaca {

// Throws std::runtime_error naming the file when it cannot be read.
std::string read_file_bytes(const std::filesystem::path& path);
// Throws std::runtime_error when the pack is missing or broken.
Resources shipped_resources();

}  // namespace cronaca
