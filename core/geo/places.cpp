#include "geo/places.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>

#include "resources/binary_io.h"
#include "resources/range_coder.h"
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
  if (const std::string* bytes = resources.find(kBinaryResource)) {
    read_binary(*bytes);
  } else if (const std::string* tsv = resources.find(kResource)) {
    read_text(*tsv);
  }
}

void Places::add_name(Place& place, std::string_view name) {
  place.names.push_back(name);
  names_.add_tokenised(name, static_cast<std::uint8_t>(1u << static_cast<unsigned>(place.kind)));
  ++name_count_;
}

void Places::read_text(const std::string& tsv) {
  std::size_t line_number = 0;
  for (std::size_t pos = 0; pos < tsv.size();) {
    std::size_t end = tsv.find('\n', pos);
    if (end == std::string::npos) end = tsv.size();
    const std::string_view line(tsv.data() + pos, end - pos);
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
      if (tab > start) add_name(place, line.substr(start, tab - start));
      start = tab + 1;
    }
    places_.push_back(std::move(place));
  }
}

// The binary form (docs/gazetteer.md): "CRNGAZ03", the number of places, the country codes (two
// letters each, in order of first use), then one column per field, so that alike bytes sit
// together for gzip: kinds (u8), country numbers (varint, 0 for none, else 1 + the code's
// position), located (u8), name counts (varint); then, with NumberCoder
// (resources/range_coder.h), the latitudes and then longitudes of the located places (zigzag
// steps from the previous located place) and the populations, as a range-coded byte string and
// a byte string of their packed low bits; last the names in place order, front-coded: a byte string
// of the bytes each shares with the start of the name before it (at most 255), and one of the rest
// of each, followed by a newline.
namespace {

constexpr std::string_view kBinaryMagic = "CRNGAZ03";

std::uint64_t zigzag(std::int64_t v) { return v < 0 ? ((static_cast<std::uint64_t>(-(v + 1)) << 1) | 1) : static_cast<std::uint64_t>(v) << 1; }
std::int64_t unzigzag(std::uint64_t v) { return (v & 1) ? -static_cast<std::int64_t>(v >> 1) - 1 : static_cast<std::int64_t>(v >> 1); }

// The bytes `name` shares with the start of `previous`, at most 255 (one byte holds it).
std::size_t shared_prefix(std::string_view previous, std::string_view name) {
  const std::size_t limit = std::min<std::size_t>({previous.size(), name.size(), 255});
  std::size_t common = 0;
  while (common < limit && previous[common] == name[common]) ++common;
  return common;
}

}  // namespace

std::string Places::encode() const {
  std::string out(kBinaryMagic);
  ByteWriter writer(out);
  writer.varint(places_.size());
  std::string codes;
  std::map<std::string_view, std::uint32_t> code_numbers;
  for (const Place& place : places_) {
    if (!place.country.empty() && code_numbers.emplace(place.country, code_numbers.size() + 1).second) codes += place.country;
  }
  writer.bytes(codes);
  for (const Place& place : places_) writer.u8(static_cast<std::uint8_t>(place.kind));
  for (const Place& place : places_) writer.varint(place.country.empty() ? 0 : code_numbers.at(place.country));
  for (const Place& place : places_) writer.u8(place.located ? 1 : 0);
  for (const Place& place : places_) writer.varint(place.names.size());
  std::string coded, low_bits;
  RangeEncoder encoder(coded);
  BitWriter low(low_bits);
  for (const auto coordinate : {&Place::lat_e4, &Place::lon_e4}) {
    NumberCoder steps;
    std::int64_t previous = 0;
    for (const Place& place : places_) {
      if (!place.located) continue;
      steps.encode(encoder, low, static_cast<std::uint32_t>(zigzag(place.*coordinate - previous)));
      previous = place.*coordinate;
    }
  }
  NumberCoder populations;
  for (const Place& place : places_) populations.encode(encoder, low, place.population);
  encoder.finish();
  low.finish();
  writer.bytes(coded);
  writer.bytes(low_bits);
  std::string shared, suffixes;
  std::string_view previous;
  for (const Place& place : places_) {
    for (std::string_view name : place.names) {
      const std::size_t common = shared_prefix(previous, name);
      shared += static_cast<char>(common);
      (suffixes += name.substr(common)) += '\n';
      previous = name;
    }
  }
  writer.bytes(shared);
  writer.bytes(suffixes);
  return out;
}

void Places::read_binary(std::string_view bytes) {
  const auto malformed = [] { return std::invalid_argument(std::string(kBinaryResource) + ": malformed gazetteer"); };
  ByteReader in(bytes);
  std::uint64_t count = 0;
  std::string_view codes;
  // Every place takes at least one byte of each column: a larger count is a broken file.
  if (!in.literal(kBinaryMagic) || !in.varint(count) || count > bytes.size() || !in.bytes(codes) || codes.size() % 2 != 0) {
    throw malformed();
  }
  places_.resize(count);
  std::uint64_t value = 0;
  std::uint8_t byte = 0;
  for (Place& place : places_) {
    if (!in.u8(byte) || byte > static_cast<std::uint8_t>(PlaceKind::region)) throw malformed();
    place.kind = static_cast<PlaceKind>(byte);
  }
  for (Place& place : places_) {
    if (!in.varint(value) || value > codes.size() / 2) throw malformed();
    if (value > 0) place.country = codes.substr(2 * (value - 1), 2);
  }
  for (Place& place : places_) {
    if (!in.u8(byte) || byte > 1) throw malformed();
    place.located = byte == 1;
  }
  std::vector<std::uint64_t> name_counts(places_.size());
  std::uint64_t name_total = 0;
  for (std::uint64_t& names : name_counts) {
    if (!in.varint(names) || names > bytes.size()) throw malformed();
    name_total += names;
  }
  std::string_view coded, low_bits;
  if (!in.bytes(coded) || !in.bytes(low_bits)) throw malformed();
  RangeDecoder decoder(coded);
  BitReader low(low_bits);
  std::uint32_t number = 0;
  for (const auto coordinate : {&Place::lat_e4, &Place::lon_e4}) {
    NumberCoder steps;
    std::int64_t previous = 0;
    for (Place& place : places_) {
      if (!place.located) continue;
      if (!steps.decode(decoder, low, number) || decoder.overrun() || low.overrun()) throw malformed();
      previous += unzigzag(number);
      if (previous < -1800000 || previous > 1800000) throw malformed();
      place.*coordinate = static_cast<std::int32_t>(previous);
    }
  }
  NumberCoder populations;
  for (Place& place : places_) {
    if (!populations.decode(decoder, low, place.population) || decoder.overrun() || low.overrun()) throw malformed();
  }
  std::string_view shared, suffixes;
  if (!in.bytes(shared) || !in.bytes(suffixes) || !in.at_end() || shared.size() != name_total) throw malformed();
  // The names are rebuilt in one buffer, sized first so that the views into it stay valid.
  std::size_t text_size = suffixes.size();
  for (const char common : shared) text_size += static_cast<std::uint8_t>(common);
  names_text_ = std::make_unique<char[]>(text_size);
  char* text = names_text_.get();
  names_.reserve(static_cast<std::size_t>(name_total));
  std::size_t pos = 0, at = 0;
  std::string_view previous;
  for (std::size_t p = 0; p < places_.size(); ++p) {
    places_[p].names.reserve(name_counts[p]);
    for (std::uint64_t n = 0; n < name_counts[p]; ++n, ++at) {
      const std::size_t common = static_cast<std::uint8_t>(shared[at]);
      const std::size_t end = suffixes.find('\n', pos);
      if (end == std::string_view::npos || common > previous.size() || common + (end - pos) == 0) throw malformed();
      char* name = text;
      std::copy_n(previous.data(), common, name);
      std::copy_n(suffixes.data() + pos, end - pos, name + common);
      text += common + (end - pos);
      previous = std::string_view(name, common + (end - pos));
      add_name(places_[p], previous);
      pos = end + 1;
    }
  }
  if (pos != suffixes.size()) throw malformed();
}

}  // namespace cronaca

namespace cronaca {

namespace {

// FNV-1a of fold_case(name), without building the folded string when the name is ASCII.
std::uint64_t folded_key(std::string_view name) {
  std::uint64_t hash = kFnvOffset;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) return fnv1a(fold_case(name));
    hash = fnv1a_byte(hash, byte >= 'A' && byte <= 'Z' ? static_cast<unsigned char>(byte - 'A' + 'a') : byte);
  }
  return hash;
}

}  // namespace

void Places::build_index() const {
  struct Entry {
    std::uint64_t key;
    std::uint32_t place, name;
  };
  std::vector<Entry> entries;
  entries.reserve(name_count_);
  for (std::uint32_t p = 0; p < places_.size(); ++p) {
    for (std::uint32_t n = 0; n < places_[p].names.size(); ++n) entries.push_back({folded_key(places_[p].names[n]), p, n});
  }
  const auto order = [](PlaceKind kind) { return kind == PlaceKind::country ? 0 : kind == PlaceKind::region ? 1 : 2; };
  const auto ranked_before = [&](std::uint32_t a, std::uint32_t b) {
    const Place& x = places_[a];
    const Place& y = places_[b];
    if (x.kind != y.kind) return order(x.kind) < order(y.kind);
    if (x.population != y.population) return x.population > y.population;
    return a < b;
  };
  std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    return a.key != b.key ? a.key < b.key : a.place != b.place ? ranked_before(a.place, b.place) : a.name < b.name;
  });
  index_keys_.reserve(entries.size());
  index_places_.reserve(entries.size());
  std::string first_of_key;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& entry = entries[i];
    const bool same_key = i > 0 && entries[i - 1].key == entry.key;
    if (same_key && entries[i - 1].place == entry.place) continue;  // another name of that place
    // Two different names with one hash would share their places: the shipped gazetteer has
    // none (a unit test reads it), and a gazetteer that had would be refused, not misread.
    if (same_key || (i + 1 < entries.size() && entries[i + 1].key == entry.key)) {
      std::string folded = fold_case(places_[entry.place].names[entry.name]);
      if (!same_key) {
        first_of_key = std::move(folded);
      } else if (folded != first_of_key) {
        throw std::invalid_argument("gazetteer: the names \"" + first_of_key + "\" and \"" + folded + "\" have the same hash");
      }
    }
    index_keys_.push_back(entry.key);
    index_places_.push_back(entry.place);
  }
}

std::span<const std::uint32_t> Places::named(std::string_view name) const {
  if (index_keys_.empty() && !places_.empty()) build_index();
  const std::string folded = fold_case(name);
  const auto [from, to] = std::equal_range(index_keys_.begin(), index_keys_.end(), fnv1a(folded));
  if (from == to) return {};
  const std::size_t at = static_cast<std::size_t>(from - index_keys_.begin());
  // A name outside the gazetteer may have the hash of one inside it.
  const auto& names = places_[index_places_[at]].names;
  if (std::none_of(names.begin(), names.end(), [&](std::string_view n) { return fold_case(n) == folded; })) return {};
  return {index_places_.data() + at, static_cast<std::size_t>(to - from)};
}

}  // namespace cronaca
