#include "resources/resources.h"

#include <cstdint>

#include "resources/binary_io.h"
#include "text/utf8.h"

namespace cronaca {

namespace {
constexpr std::string_view kMagic = "CRNPACK1";
}  // namespace

bool Resources::add_pack(std::string_view pack, std::string& error) {
  ByteReader in(pack);
  if (!in.literal(kMagic)) {
    error = "not a Cronaca resource pack (bad magic)";
    return false;
  }
  std::uint32_t count;
  if (!in.u32(count)) {
    error = "truncated resource pack";
    return false;
  }
  std::map<std::string, std::string, std::less<>> read;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::string_view name, data;
    if (!in.bytes(name) || !in.bytes(data)) {
      error = "truncated resource pack at entry " + std::to_string(i);
      return false;
    }
    read.insert_or_assign(std::string(name), std::string(data));
  }
  for (auto& [name, data] : read) files_.insert_or_assign(name, std::move(data));
  return true;
}

void Resources::add_file(std::string name, std::string bytes) {
  files_.insert_or_assign(std::move(name), std::move(bytes));
}

const std::string* Resources::find(std::string_view name) const {
  const auto it = files_.find(name);
  return it == files_.end() ? nullptr : &it->second;
}

std::vector<std::string> Resources::names_under(std::string_view prefix) const {
  std::vector<std::string> names;
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.starts_with(prefix); ++it) {
    names.push_back(it->first);
  }
  return names;
}

std::string write_pack(const std::map<std::string, std::string, std::less<>>& files) {
  std::string out(kMagic);
  ByteWriter writer(out);
  writer.u32(static_cast<std::uint32_t>(files.size()));
  for (const auto& [name, data] : files) {
    writer.bytes(name);
    writer.bytes(data);
  }
  return out;
}

std::vector<std::string_view> list_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    // A comment starts at a '#' that begins the line or follows white space, so "C#" stays data.
    for (std::size_t hash = line.find('#'); hash != std::string_view::npos; hash = line.find('#', hash + 1)) {
      if (hash == 0 || line[hash - 1] == ' ' || line[hash - 1] == '\t') {
        line = line.substr(0, hash);
        break;
      }
    }
    line = trim(line);
    if (!line.empty()) lines.push_back(line);
    pos = end + 1;
  }
  return lines;
}

std::vector<std::string_view> list_words(std::string_view text) {
  std::vector<std::string_view> words;
  for (std::string_view line : list_lines(text)) {
    std::size_t pos = 0;
    while (pos < line.size()) {
      while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
      std::size_t end = pos;
      while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
      if (end > pos) words.push_back(line.substr(pos, end - pos));
      pos = end;
    }
  }
  return words;
}

}  // namespace cronaca
