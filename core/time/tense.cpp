#include "time/tense.h"

#include <algorithm>
#include <stdexcept>

#include "lang/language.h"
#include "resources/resources.h"

namespace cronaca {

namespace {
constexpr std::size_t kCueWindow = 64;
}  // namespace

TenseCues::TenseCues(std::string_view text, const std::string& name) {
  for (std::string_view line : list_lines(text)) {
    const std::size_t space = line.find_first_of(" \t");
    const std::string_view kind = line.substr(0, space);
    const std::string_view words = space == std::string_view::npos ? std::string_view{} : line.substr(space);
    for (std::string_view word : list_words(words)) {
      const std::string folded = apostrophe_key(word);
      if (kind == "past-words") kinds_[folded] |= kPast;
      else if (kind == "future-words") kinds_[folded] |= kFuture;
      else if (kind == "past-suffixes") past_suffixes_.push_back(folded);
      else if (kind == "future-suffixes") future_suffixes_.push_back(folded);
      else if (kind == "passive-auxiliaries") kinds_[folded] |= kPassiveAuxiliary;
      else if (kind == "infinitive-markers") kinds_[folded] |= kInfinitiveMarker;
      else if (kind == "agent-markers") kinds_[folded] |= kAgentMarker;
      else if (kind == "determiners") kinds_[folded] |= kDeterminer;
      else if (kind == "since-words") kinds_[folded] |= kSince;
      else throw std::runtime_error(name + ": unknown line kind " + std::string(kind));
    }
  }
  const auto last_bytes = [](const std::vector<std::string>& suffixes) {
    std::bitset<256> bytes;
    for (const std::string& suffix : suffixes) {
      if (suffix.empty()) bytes.set();  // ends every word
      else bytes.set(static_cast<unsigned char>(suffix.back()));
    }
    return bytes;
  };
  past_last_bytes_ = last_bytes(past_suffixes_);
  future_last_bytes_ = last_bytes(future_suffixes_);
}

Tense TenseCues::of(std::string_view word) const { return of(word, kinds(word)); }

Tense TenseCues::of(std::string_view word, std::uint8_t word_kinds) const {
  // A word listed as a cue counts only as listed: "expected" is a future cue despite its "-ed".
  const bool past_word = (word_kinds & kPast) != 0, future_word = (word_kinds & kFuture) != 0;
  if (past_word != future_word) return past_word ? Tense::past : Tense::future;
  if (past_word) return Tense::unknown;
  const auto ends_with_any = [&](const std::vector<std::string>& suffixes, const std::bitset<256>& last_bytes) {
    if (word.empty() || !last_bytes.test(static_cast<unsigned char>(word.back()))) return false;
    for (const std::string& suffix : suffixes) {
      // The last bytes first: most words end otherwise, and ends_with costs a call to memcmp.
      if (word.size() > suffix.size() + 2 && (suffix.empty() || word.back() == suffix.back()) && word.ends_with(suffix)) return true;
    }
    return false;
  };
  const bool past = ends_with_any(past_suffixes_, past_last_bytes_), future = ends_with_any(future_suffixes_, future_last_bytes_);
  return past == future ? Tense::unknown : past ? Tense::past : Tense::future;
}

Tense TenseCues::at(const std::vector<std::string_view>& folded, std::size_t i) const {
  const std::uint8_t word_kinds = kinds(folded[i]);
  const Tense tense = of(folded[i], word_kinds);
  if (tense != Tense::unknown && i > 0 && (kinds(folded[i - 1]) & (kPassiveAuxiliary | kInfinitiveMarker | kDeterminer)) != 0) {
    return Tense::unknown;
  }
  // "markets untouched by the crisis": a word past only by its ending, followed by an agent, is a
  // passive participle, which dates nothing by itself.
  if (tense == Tense::past && i + 1 < folded.size() && (kinds(folded[i + 1]) & kAgentMarker) != 0 && (word_kinds & kPast) == 0) {
    return Tense::unknown;
  }
  return tense;
}

Tense TenseCues::near(const std::vector<std::string_view>& folded, const Sentence& sentence, std::size_t begin, std::size_t end) const {
  // The cue nearest the expression decides: in "said it will meet on March 12" the date belongs
  // to "will", not to "said".
  std::size_t first = sentence.first_token, last = sentence.first_token + sentence.token_count;
  // Only cues within kCueWindow tokens count: a real clause is far shorter, and without the bound a
  // sentence with no punctuation (a 2 MB line) made every expression scan all of it, which is
  // quadratic in the sentence's length.
  first = std::max(first, begin > kCueWindow ? begin - kCueWindow : 0);
  last = std::min(last, end + kCueWindow);
  const auto clause_end = [&](std::size_t i) {
    const std::string_view t = folded[i];
    return t == ";" || t == ":" || t == "(" || t == ")" || t == "\u2014" || t == "\u2013";
  };
  for (std::size_t i = begin; i > first; --i) {
    if (clause_end(i - 1)) {
      first = i;
      break;
    }
  }
  for (std::size_t i = end; i < last; ++i) {
    if (clause_end(i)) {
      last = i;
      break;
    }
  }
  for (std::size_t distance = 1; begin >= first + distance || end + distance <= last; ++distance) {
    const Tense before = begin >= first + distance ? at(folded, begin - distance) : Tense::unknown;
    const Tense after = end + distance <= last ? at(folded, end + distance - 1) : Tense::unknown;
    if (before == Tense::unknown && after == Tense::unknown) continue;
    if (before == Tense::unknown || after == Tense::unknown || before == after) return before == Tense::unknown ? after : before;
  }
  return Tense::unknown;
}

}  // namespace cronaca
