#include "geo/places.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "text/utf8.h"

namespace cronaca {

const char* to_string(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::country: return "country";
    case PlaceKind::city: return "city";
    case PlaceKind::region: return "region";
  }
  return "?";
}

namespace {

bool parse_kind(std::string_view field, PlaceKind& kind) {
  for (PlaceKind k : {PlaceKind::country, PlaceKind::city, PlaceKind::region}) {
    if (field == to_string(k)) {
      kind = k;
      return true;
    }
  }
  return false;
}

// "-12.3456" -> -123456; exactly four decimals, as the builder writes them.
bool parse_e4(std::string_view field, std::int32_t& value) {
  const std::size_t dot = field.find('.');
  if (dot == std::string_view::npos || field.size() - dot != 5) return false;
  const bool negative = field.starts_with('-');
  std::int32_t whole = 0, fraction = 0;
  const std::string_view whole_digits = field.substr(negative ? 1 : 0, dot - (negative ? 1 : 0));
  if (std::from_chars(whole_digits.data(), whole_digits.data() + whole_digits.size(), whole).ec != std::errc{}) return false;
  if (std::from_chars(field.data() + dot + 1, field.data() + field.size(), fraction).ec != std::errc{}) return false;
  value = (whole * 10000 + fraction) * (negative ? -1 : 1);
  return true;
}

}  // namespace

Places::Places(const Resources& resources) {
  const std::string* tsv = resources.find(kResource);
  if (!tsv) return;
  std::size_t line_number = 0;
  for (std::size_t pos = 0; pos < tsv->size();) {
    std::size_t end = tsv->find('\n', pos);
    if (end == std::string::npos) end = tsv->size();
    const std::string_view line(tsv->data() + pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (line.empty() || line.front() == '#') continue;

    std::string_view fields[5];
    std::size_t start = 0;
    Place place;
    bool ok = true;
    for (int f = 0; f < 5 && ok; ++f) {
      const std::size_t tab = line.find('\t', start);
      ok = tab != std::string_view::npos;
      if (ok) fields[f] = line.substr(start, tab - start);
      start = tab + 1;
    }
    ok = ok && parse_kind(fields[0], place.kind) && (fields[1].empty() || fields[1].size() == 2);
    if (ok && !fields[2].empty()) ok = parse_e4(fields[2], place.lat_e4) && parse_e4(fields[3], place.lon_e4);
    if (ok) ok = std::from_chars(fields[4].data(), fields[4].data() + fields[4].size(), place.population).ec == std::errc{};
    if (!ok) throw std::invalid_argument(std::string(kResource) + ":" + std::to_string(line_number) + ": malformed place");
    place.country = fields[1];
    place.located = !fields[2].empty();
    while (start <= line.size()) {
      std::size_t tab = line.find('\t', start);
      if (tab == std::string_view::npos) tab = line.size();
      if (tab > start) {
        place.names.push_back(line.substr(start, tab - start));
        names_.add_tokenised(place.names.back(), static_cast<std::uint8_t>(1u << static_cast<unsigned>(place.kind)));
      }
      start = tab + 1;
    }
    places_.push_back(std::move(place));
  }
}

}  // namespace cronaca

namespace cronaca {

const std::vector<std::uint32_t>& Places::named(std::string_view name) const {
  static const std::vector<std::uint32_t> kNone;
  if (by_name_.empty() && !places_.empty()) {
    for (std::uint32_t i = 0; i < places_.size(); ++i) {
      for (std::string_view n : places_[i].names) {
        auto& list = by_name_[fold_case(n)];
        if (list.empty() || list.back() != i) list.push_back(i);
      }
    }
    const auto order = [](PlaceKind kind) { return kind == PlaceKind::country ? 0 : kind == PlaceKind::region ? 1 : 2; };
    const auto rank = [&](std::uint32_t a, std::uint32_t b) {
      const Place& x = places_[a];
      const Place& y = places_[b];
      if (x.kind != y.kind) return order(x.kind) < order(y.kind);
      if (x.population != y.population) return x.population > y.population;
      return a < b;
    };
    for (auto& [key, list] : by_name_) std::sort(list.begin(), list.end(), rank);
  }
  const auto found = by_name_.find(fold_case(name));
  return found == by_name_.end() ? kNone : found->second;
}

}  // namespace cronaca
