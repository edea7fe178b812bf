#include "events/event_lexicon.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "lang/language.h"
#include "text/utf8.h"
#include "time/lexicon.h"
#include "time/number_words.h"

namespace cronaca {

namespace {

std::string events_file(const std::string& lang) { return "lang/" + lang + "/events.txt"; }

}  // namespace

bool EventLexicon::available(const Resources& resources, const std::string& lang) {
  return resources.find(events_file(lang)) != nullptr;
}

bool EventLexicon::fits(const EventPhrase& p, std::span<const std::string_view> folded, std::size_t at, std::size_t end,
                        std::size_t& length) {
  const std::size_t n = p.tokens.size();
  // "secondo fonti *": any one more word.
  const bool wildcard = p.open_end && p.tokens.back() == "*";
  length = n;
  if (at + length > end) return false;
  for (std::size_t k = 0; k < n; ++k) {
    const std::string_view word = folded[at + k];
    const std::string& want = p.tokens[k];
    const bool last = k + 1 == n;
    if (last && wildcard) return true;
    if ((last && p.open_end) ? !word.starts_with(want) : word != want) return false;
  }
  return true;
}

EventLexicon::Starts EventLexicon::starts_of(std::string_view folded_word) const {
  Starts starts;
  starts.whole = by_first_word_.find(folded_word);
  if (folded_word.size() >= kStemKey) starts.stem = by_stem_.find(folded_word.substr(0, kStemKey));
  const std::string_view alone[] = {folded_word};
  for (const std::vector<std::uint32_t>* list : {starts.whole, starts.stem}) {
    if (!list) continue;
    for (std::uint32_t index : *list) {
      const EventPhrase& p = phrases_[index];
      std::size_t length = 0;
      if (p.tokens.size() > 1) starts.longer = true;
      else if (fits(p, alone, 0, 1, length)) starts.alone_kinds |= bit(p.word);
    }
  }
  return starts;
}

void EventLexicon::add(EventPhrase phrase) {
  const auto index = static_cast<std::uint32_t>(phrases_.size());
  if (phrase.open_end && phrase.tokens.size() == 1) {
    by_stem_[phrase.tokens[0].substr(0, kStemKey)].push_back(index);
  } else {
    by_first_word_[phrase.tokens[0]].push_back(index);
  }
  phrases_.push_back(std::move(phrase));
}

bool EventLexicon::looks_like_verb(std::string_view word) const {
  return std::any_of(verb_endings_.begin(), verb_endings_.end(),
                     [&](const std::string& ending) { return word.size() > ending.size() + 2 && word.ends_with(ending); });
}

int EventLexicon::find_name(std::string_view name) const {
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

EventLexicon::EventLexicon(const Resources& resources, const std::string& lang) {
  const std::string file = events_file(lang);
  const std::string* text = resources.find(file);
  if (!text) throw std::runtime_error("no event words for \"" + lang + "\" (" + file + ")");
  static constexpr std::pair<std::string_view, EventWord> kKinds[] = {
      {"category", EventWord::category},       {"figure", EventWord::figure},         {"qualifier", EventWord::qualifier},
      {"vague", EventWord::vague},             {"multiplier", EventWord::multiplier}, {"partitive", EventWord::partitive},
      {"copula", EventWord::copula},
      {"attribution", EventWord::attribution}, {"connective", EventWord::connective}, {"subordinator", EventWord::subordinator},
      {"interval-until", EventWord::interval_until}};
  std::size_t line_number = 0;
  for (std::string_view line : list_lines(*text)) {
    ++line_number;
    const auto fail = [&](const std::string& message) { throw std::runtime_error(file + ": \"" + std::string(line) + "\": " + message); };
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) fail("expected \"KIND [NAME]: phrase | phrase\"");
    const std::vector<std::string_view> head = list_words(line.substr(0, colon));
    if (head.empty()) fail("no kind before the colon");
    if (head[0] == "verb-endings") {
      for (std::string_view ending : list_words(line.substr(colon + 1))) {
        if (ending != "|") verb_endings_.push_back(fold_case(ending));
      }
      continue;
    }
    EventPhrase base;
    bool known = false;
    for (const auto& [kind_name, kind] : kKinds) {
      if (head[0] == kind_name) base.word = kind, known = true;
    }
    if (!known) fail("unknown kind \"" + std::string(head[0]) + "\"");
    const bool named = base.word == EventWord::category || base.word == EventWord::figure || base.word == EventWord::qualifier ||
                       base.word == EventWord::vague || base.word == EventWord::multiplier;
    if (named != (head.size() == 2)) fail(named ? "this kind needs a name" : "this kind takes no name");
    if (named) {
      const std::string_view name = head[1];
      if (base.word == EventWord::vague || base.word == EventWord::multiplier) {
        const std::size_t dash = name.find('-');
        const std::string_view low = name.substr(0, dash), high = dash == std::string_view::npos ? name : name.substr(dash + 1);
        const auto parse = [&](std::string_view digits, std::int64_t& out) {
          const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
          if (ec != std::errc() || ptr != digits.data() + digits.size()) fail("expected a number or a range, not \"" + std::string(name) + "\"");
        };
        parse(low, base.low);
        parse(high, base.high);
      } else {
        const int existing = find_name(name);
        base.name = static_cast<std::uint16_t>(existing >= 0 ? existing : static_cast<int>(names_.size()));
        if (existing < 0) names_.emplace_back(name);
      }
    }
    std::string_view rest = line.substr(colon + 1);
    while (!rest.empty()) {
      const std::size_t bar = rest.find('|');
      const std::string_view item = trim(rest.substr(0, bar));
      rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
      if (item.empty()) fail("an empty phrase");
      EventPhrase phrase = base;
      phrase.tokens = phrase_tokens(fold_case(item));
      if (phrase.tokens.back() == "*") {
        phrase.open_end = true;
      } else if (phrase.tokens.back().ends_with('*')) {
        phrase.open_end = true;
        phrase.tokens.back().pop_back();
        if (phrase.tokens.size() == 1 && phrase.tokens[0].size() < kStemKey) fail("a stem needs " + std::to_string(kStemKey) + " letters or more");
      }
      add(std::move(phrase));
    }
  }
  // Numbers written as words, from the rule sets the temporal tagger uses.
  if (const std::string* config_text = resources.find("lang/" + lang + "/temporal/temporal.json")) {
    const auto config = nlohmann::json::parse(*config_text, nullptr, false);
    if (config.is_discarded()) throw std::runtime_error("lang/" + lang + "/temporal/temporal.json is not valid JSON");
    for (SpelledNumber& number : spelled_numbers(resources, lang, config.value("cardinal_rule_sets", std::vector<std::string>{}), 10000)) {
      EventPhrase phrase;
      phrase.word = EventWord::number;
      phrase.tokens = std::move(number.tokens);
      phrase.low = phrase.high = number.value;
      add(std::move(phrase));
    }
  }
}

}  // namespace cronaca
