#pragma once
// The words of the event layer for one language (assets/lang/<code>/events.txt): category
// triggers, counted nouns, qualifiers, vague numbers, attributions and connectives, plus numbers
// written as words (ICU's spell-out rules, as temporal.json lists them).
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "resources/resources.h"
#include "text/string_hash.h"
#include "text/word_map.h"

namespace cronaca {

enum class EventWord : std::uint8_t {
  category, figure, qualifier, vague, multiplier, partitive, copula, attribution, connective, subordinator, interval_until, number
};

struct EventPhrase {
  EventWord word = EventWord::category;
  std::uint16_t name = 0;             // category, figure kind or qualifier kind: index into names()
  std::vector<std::string> tokens;    // case-folded
  bool open_end = false;              // the last token is a stem ("arrest*"), or "*" follows ("secondo fonti *")
  std::int64_t low = 0, high = 0;     // vague: the range; multiplier and number: the value (low)
};

class EventLexicon {
 public:
  // Reads lang/<code>/events.txt and the spell-out rule sets of lang/<code>/temporal/temporal.json.
  // Throws std::runtime_error naming the file and line of a problem.
  EventLexicon(const Resources& resources, const std::string& lang);

  static bool available(const Resources& resources, const std::string& lang);

  // The phrases that may start with a word, found once for the word (EventBuilder keeps them per
  // word) and matched wherever it occurs; empty when none may.
  struct Starts {
    const std::vector<std::uint32_t>* whole = nullptr;  // phrases whose first token is the word
    const std::vector<std::uint32_t>* stem = nullptr;   // single-token stems the word begins with
    // What the phrases of one token say, which the word alone decides: their kinds, one bit each.
    std::uint16_t alone_kinds = 0;
    bool longer = false;  // whether phrases of more tokens start with the word, which need its context
    explicit operator bool() const { return whole || stem; }
  };
  Starts starts_of(std::string_view folded_word) const;

  // Calls visit(phrase, length) for every phrase that starts at folded[at] and ends before `end`;
  // `starts` are starts_of(folded[at]).
  template <class Visit>
  void matches(Starts starts, std::span<const std::string_view> folded, std::size_t at, std::size_t end, Visit&& visit) const {
    const auto try_list = [&](const std::vector<std::uint32_t>* list) {
      if (!list) return;
      for (std::uint32_t index : *list) {
        const EventPhrase& p = phrases_[index];
        std::size_t length = 0;
        if (fits(p, folded, at, end, length)) visit(p, length);
      }
    };
    try_list(starts.whole);
    try_list(starts.stem);
  }
  template <class Visit>
  void matches(std::span<const std::string_view> folded, std::size_t at, std::size_t end, Visit&& visit) const {
    matches(starts_of(folded[at]), folded, at, end, visit);
  }

  // The kinds of the phrases that start at folded[at], one bit each (1 << EventWord); `starts`
  // are starts_of(folded[at]).
  std::uint16_t kinds_at(Starts starts, std::span<const std::string_view> folded, std::size_t at) const {
    // Most words start phrases of one token only ("arrestati"), whose kinds starts_of found once.
    return starts.longer ? kinds_in_context(starts, folded, at) : starts.alone_kinds;
  }
  // The same, matching every phrase where it stands.
  std::uint16_t kinds_in_context(Starts starts, std::span<const std::string_view> folded, std::size_t at) const {
    std::uint16_t kinds = 0;
    matches(starts, folded, at, folded.size(), [&](const EventPhrase& p, std::size_t) { kinds |= bit(p.word); });
    return kinds;
  }
  static constexpr std::uint16_t bit(EventWord word) { return static_cast<std::uint16_t>(1u << static_cast<unsigned>(word)); }

  // Whether a lower-case word ends like a verb of the present or imperfect ("violano"), which a
  // noun phrase does not hold.
  bool looks_like_verb(std::string_view folded_word) const;

  const std::string& name(std::uint16_t index) const { return names_[index]; }
  // Index of a category, figure or qualifier name; -1 when the file has none of that name.
  int find_name(std::string_view name) const;

 private:
  static constexpr std::size_t kStemKey = 3;  // stems are indexed by their first bytes
  static bool fits(const EventPhrase& p, std::span<const std::string_view> folded, std::size_t at, std::size_t end, std::size_t& length);
  void add(EventPhrase phrase);

  std::vector<EventPhrase> phrases_;
  // Looked up for every word the builder meets for the first time: a WordMap hashes once.
  WordMap<std::vector<std::uint32_t>> by_first_word_;  // phrases whose first token is a whole word
  WordMap<std::vector<std::uint32_t>> by_stem_;        // single-token stems, by their first bytes
  std::vector<std::string> names_;
  std::vector<std::string> verb_endings_;
};

}  // namespace cronaca
