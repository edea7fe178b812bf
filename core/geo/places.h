#pragma once
// The place gazetteer (compiled at build time by tools/gazetteer/build_places.cpp into the
// resource gazetteer/places.bin; formats in docs/gazetteer.md): countries, world regions and
// cities with their country, coordinates, population and names in Italian, English and the
// place's own language. The tagger uses its names as features; entity resolution uses the rest.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ner/phrase_lexicon.h"
#include "resources/resources.h"
#include "text/string_hash.h"

namespace cronaca {

enum class PlaceKind : std::uint8_t { country, city, region };

struct Place {
  PlaceKind kind = PlaceKind::city;
  std::string_view country;  // ISO 3166-1 alpha-2, "" for world regions
  std::int32_t lat_e4 = 0;   // degrees x 10^4
  std::int32_t lon_e4 = 0;
  bool located = false;      // false: no coordinates are known
  std::uint32_t population = 0;  // 0 when unknown
  std::vector<std::string_view> names;  // tokenised as the segmenter does, tokens joined by one space
};

class Places {
 public:
  // The text form, which the build compiles into the binary one: the page loads the binary form
  // (a third smaller gzipped, and read without parsing numbers).
  static constexpr const char* kResource = "gazetteer/places.tsv";
  static constexpr const char* kBinaryResource = "gazetteer/places.bin";

  // Reads the gazetteer from `resources` (which must outlive it): the binary form when present,
  // else the text form; neither gives an empty gazetteer. A malformed file throws
  // std::invalid_argument, naming the line of a text one.
  explicit Places(const Resources& resources);

  // The binary form of this gazetteer, which reads back as the same places and names.
  std::string encode() const;

  const std::vector<Place>& all() const { return places_; }
  // Every name, with one class bit per PlaceKind (1 << kind).
  const PhraseLexicon& names() const { return names_; }

  // The places one of whose names is `name` (tokenised, tokens joined by one space; compared
  // case-folded), most prominent first: countries, then regions, then cities by population.
  // The index is built on first use; the span stays valid as long as the gazetteer.
  std::span<const std::uint32_t> named(std::string_view name) const;

 private:
  std::vector<Place> places_;
  // The binary form's names, which the places' names view (the text form's are viewed in place).
  std::unique_ptr<char[]> names_text_;
  PhraseLexicon names_;
  void read_text(const std::string& tsv);
  void read_binary(std::string_view bytes);
  void add_name(Place& place, std::string_view name);

  void build_index() const;

  std::size_t name_count_ = 0;
  // The index of names: the hash of each folded name, sorted, and beside it a place of that
  // name, the places of one name ranked. Sorted arrays rather than a map of strings: the
  // browser builds it at start-up, and 59,000 strings and lists took most of that time.
  mutable std::vector<std::uint64_t> index_keys_;
  mutable std::vector<std::uint32_t> index_places_;
};

const char* to_string(PlaceKind kind);

}  // namespace cronaca
