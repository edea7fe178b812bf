#include "events/figures.h"

#include <charconv>
#include <cmath>

namespace cronaca {

namespace {

constexpr std::size_t kNounReach = 5;  // tokens after a number its noun may be
constexpr std::size_t kBackReach = 3;  // tokens before a number its noun may be ("le vittime sono sette")
constexpr std::size_t kPlaceReach = 6;

// "2200", "2.200", "3,800", "1,5": a number written with digits. Groups of three after a
// separator are thousands; otherwise the separator is the decimal one.
bool parse_digits(std::string_view word, double& out) {
  std::string plain;
  bool decimal = false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (c >= '0' && c <= '9') {
      plain.push_back(c);
      continue;
    }
    if ((c == '.' || c == ',') && i > 0 && !decimal) {
      std::size_t run = 0;
      while (i + 1 + run < word.size() && word[i + 1 + run] >= '0' && word[i + 1 + run] <= '9') ++run;
      if (run == 3) continue;  // thousands
      if (run == 0) return false;
      plain.push_back('.');
      decimal = true;
      continue;
    }
    return false;
  }
  if (plain.empty() || plain.size() > 15) return false;
  // Integer parts only: floating-point from_chars is missing from Emscripten's libc++.
  const std::size_t point = plain.find('.');
  const std::string_view whole = std::string_view(plain).substr(0, point);
  const std::string_view fraction = point == std::string::npos ? std::string_view{} : std::string_view(plain).substr(point + 1);
  std::int64_t units = 0, part = 0;
  if (whole.empty() || std::from_chars(whole.data(), whole.data() + whole.size(), units).ec != std::errc()) return false;
  if (!fraction.empty() && std::from_chars(fraction.data(), fraction.data() + fraction.size(), part).ec != std::errc()) return false;
  out = static_cast<double>(units) + static_cast<double>(part) / std::pow(10.0, static_cast<double>(fraction.size()));
  return true;
}

struct Match {
  const EventPhrase* phrase = nullptr;
  std::size_t length = 0;
};

// The longest phrase of `word` kind at token i, which the token's kinds say there is.
[[gnu::noinline]] Match longest_known(const SentenceView& s, const EventLexicon& lexicon, std::size_t i, EventWord word) {
  Match best;
  lexicon.matches(s.folded, i, s.end, [&](const EventPhrase& p, std::size_t length) {
    if (p.word == word && length > best.length) best = {&p, length};
  });
  return best;
}

// The longest phrase of `word` kind at token i. Most tokens start none, which their kinds tell
// inline, without the call.
Match longest(const SentenceView& s, const EventLexicon& lexicon, std::size_t i, EventWord word) {
  if (i >= s.end || !(s.kinds[i] & EventLexicon::bit(word))) return {};
  return longest_known(s, lexicon, i, word);
}

bool is_punctuation(const Document& doc, std::size_t i) { return doc.tokens[i].kind == TokenKind::punctuation; }

bool is_quote(std::string_view word) {
  return word == "\"" || word == "\u201c" || word == "\u201d" || word == "\u00ab" || word == "\u00bb" || word == "'";
}

}  // namespace

std::vector<Figure> read_figures(const SentenceView& s, const EventLexicon& lexicon) {
  std::vector<Figure> figures;
  const Document& doc = s.doc;
  for (std::size_t i = s.first; i < s.end; ++i) {
    if (s.in_timex[i]) continue;
    // [qualifier] number|vague [multiplier]
    const Match qualifier = longest(s, lexicon, i, EventWord::qualifier);
    std::size_t at = i + qualifier.length;
    if (at >= s.end || s.in_timex[at]) continue;
    double number = -1;
    std::size_t after = at;
    const EventPhrase* vague_phrase = nullptr;
    if (const Match vague = longest(s, lexicon, at, EventWord::vague); vague.phrase) {
      vague_phrase = vague.phrase;
      after = at + vague.length;
    } else if (doc.tokens[at].kind == TokenKind::number && parse_digits(s.folded[at], number)) {
      after = at + 1;
    } else if (const Match spelled = longest(s, lexicon, at, EventWord::number); spelled.phrase) {
      number = static_cast<double>(spelled.phrase->low);
      after = at + spelled.length;
      // "un appello", "one of": an article, unless its noun follows at once ("un morto").
      if (spelled.phrase->low <= 1 && !longest(s, lexicon, after, EventWord::figure).phrase) continue;
    } else {
      continue;
    }
    // Made only here: most tokens are no figure, and a figure is two strings and a dozen fields.
    Figure figure;
    figure.doc = s.doc_index;
    if (vague_phrase) {
      figure.min = vague_phrase->low;
      figure.max = vague_phrase->high;
      figure.approximate = true;
    }
    if (number >= 0) {
      if (const Match times = longest(s, lexicon, after, EventWord::multiplier); times.phrase) {
        number *= static_cast<double>(times.phrase->low);
        after += times.length;
      }
      figure.value = static_cast<std::int64_t>(std::llround(number));
      figure.min = figure.max = figure.value;
    }
    if (qualifier.phrase) {
      figure.qualifier = std::string(std::string_view(doc.text).substr(doc.tokens[i].begin, doc.tokens[i + qualifier.length - 1].end - doc.tokens[i].begin));
      const std::string& kind = lexicon.name(qualifier.phrase->name);
      if (kind == "min" || kind == "above") figure.max = -1;
      else if (kind == "max" || kind == "below" || kind == "nearly") figure.min = -1;
      if (kind == "about" || kind == "nearly") figure.approximate = true;
    }

    // What is counted: a part of the figure before ("103 delle quali"), a noun after ("morti",
    // "persone ... ferite"), or a noun before ("le vittime sono sette").
    std::size_t start = i;     // the figure's words: from a noun before it, or its qualifier
    std::size_t last = after;  // to the end of what it counts
    const Match partitive = longest(s, lexicon, after, EventWord::partitive);
    if (partitive.phrase) {
      figure.part = true;
      last = after + partitive.length;
      // "13 tra gli agenti": a part of the count before, if any, whatever the noun.
      const Match noun = longest(s, lexicon, last, EventWord::figure);
      if (noun.phrase) last += noun.length;
      if (!figures.empty()) figure.kind = figures.back().kind;
      else if (noun.phrase) figure.kind = lexicon.name(noun.phrase->name);
      for (std::size_t k = last; k < s.end && k < last + kPlaceReach; ++k) {
        const std::int32_t m = s.mention_at[k];
        if (m >= 0 && doc.mentions[static_cast<std::size_t>(m)].type == EntityType::location) {
          figure.place = doc.mentions[static_cast<std::size_t>(m)].entity;
          break;
        }
      }
    } else {
      std::string people;
      for (std::size_t k = after; k < s.end && k < after + kNounReach; ++k) {
        if (is_quote(s.folded[k])) continue;  // "decine" di morti
        if (is_punctuation(doc, k) || s.in_timex[k] || doc.tokens[k].kind == TokenKind::number) break;
        if (longest(s, lexicon, k, EventWord::connective).phrase) break;  // "sette e i feriti": another count
        const Match noun = longest(s, lexicon, k, EventWord::figure);
        if (!noun.phrase) continue;
        const std::string& kind = lexicon.name(noun.phrase->name);
        if (kind == "people" && people.empty()) {
          // "persone ... ferite": a more telling word may follow.
          people = kind;
          last = k + noun.length;
          continue;
        }
        figure.kind = kind;
        last = k + noun.length;
        break;
      }
      if (figure.kind.empty()) figure.kind = people;
      if (figure.kind.empty()) {
        // Only a copula may stand between: "le vittime sono sette", "i feriti almeno venti".
        for (std::size_t back = 1; back <= kBackReach && i >= s.first + back; ++back) {
          const std::size_t k = i - back;
          if (is_punctuation(doc, k)) break;
          const Match noun = longest(s, lexicon, k, EventWord::figure);
          if (noun.phrase && k + noun.length <= i) {
            figure.kind = lexicon.name(noun.phrase->name);
            start = k;
            break;
          }
          if (!longest(s, lexicon, k, EventWord::copula).phrase) break;
        }
      }
    }
    if (figure.kind.empty()) continue;
    figure.begin = doc.tokens[start].begin;
    figure.end = doc.tokens[last - 1].end;
    figures.push_back(std::move(figure));
    i = last - 1;
  }
  return figures;
}

}  // namespace cronaca
