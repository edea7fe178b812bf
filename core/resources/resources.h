#pragma once
// Named data files the core reads (language lists, patterns, models). The core never opens files:
// callers hand it a pack (one blob holding many files) or single files.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cronaca {

class Resources {
 public:
  // Adds every file of a pack made by write_pack(); a file already present is replaced.
  // Returns false and sets `error` when the blob is not a well-formed pack.
  bool add_pack(std::string_view pack, std::string& error);
  void add_file(std::string name, std::string bytes);

  // nullptr when absent.
  const std::string* find(std::string_view name) const;
  // Names of the files directly or indirectly under `prefix` (e.g. "lang/"), sorted.
  std::vector<std::string> names_under(std::string_view prefix) const;
  const std::map<std::string, std::string, std::less<>>& files() const { return files_; }

 private:
  std::map<std::string, std::string, std::less<>> files_;
};

// Pack layout (little-endian): "CRNPACK1", u32 file count, then per file u32 name length, name
// bytes, u32 data length, data bytes.
std::string write_pack(const std::map<std::string, std::string, std::less<>>& files);

// The non-empty lines of a list file, trimmed, with `#` comments removed.
std::vector<std::string_view> list_lines(std::string_view text);
// The white-space separated words of a list file, with `#` comments removed.
std::vector<std::string_view> list_words(std::string_view text);

}  // namespace cronaca
