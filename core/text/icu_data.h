#pragma once
// Registers an ICU common-data archive held in memory (the browser's subset of icudt72l.dat).
// Call once, before any other ICU use; `data` must stay alive and unchanged for the process life.
#include <cstddef>
#include <string>

namespace cronaca {

bool register_icu_data(const void* data, std::size_t size, std::string& error);

}  // namespace cronaca
