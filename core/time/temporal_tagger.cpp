#include "time/temporal_tagger.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

#include "lang/language.h"
#include "text/byte_cursor.h"
#include "text/utf8.h"
#include "time/calendar.h"
#include "time/resolver.h"

namespace cronaca {

namespace {

const std::string& required(const Resources& resources, const std::string& name) {
  const std::string* text = resources.find(name);
  if (!text) throw std::runtime_error("missing resource " + name);
  return *text;
}

std::string temporal_dir(const std::string& lang) { return "lang/" + lang + "/temporal/"; }

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int digits_value(std::string_view s) {
  int value = 0;
  for (char c : s) value = value * 10 + (c - '0');
  return value;
}

int roman_value(std::string_view s) {
  static constexpr std::pair<std::string_view, int> kNumerals[] = {
      {"XXX", 30}, {"XX", 20}, {"X", 10}, {"IX", 9}, {"V", 5}, {"IV", 4}, {"III", 3}, {"II", 2}, {"I", 1}};
  int value = 0;
  std::size_t pos = 0;
  for (const auto& [numeral, amount] : kNumerals) {
    if (s.substr(pos, numeral.size()) == numeral) {
      value += amount;
      pos += numeral.size();
    }
  }
  return pos == s.size() ? value : 0;
}

// Facts a token's digits give: a number, a possible day, month, year, hour, minute, decade.
class DigitFacts {
 public:
  DigitFacts(std::deque<Meaning>& store, std::vector<TokenFact>& facts, char decimal_separator)
      : store_(store), facts_(facts), decimal_separator_(decimal_separator) {}

  void add(std::string_view text, bool upper_case) {
    if (all_digits(text)) {
      plain(text);
      return;
    }
    const std::size_t digits = static_cast<std::size_t>(
        std::find_if(text.begin(), text.end(), [](char c) { return c < '0' || c > '9'; }) - text.begin());
    if (digits > 0 && digits <= 4 && digits < text.size()) {
      const std::string_view number = text.substr(0, digits);
      const std::string_view rest = text.substr(digits);
      const int value = digits_value(number);
      if (rest.size() >= 2 && (rest[0] == '.' || rest[0] == ',' || rest[0] == ':') && all_digits(rest.substr(1))) {
        separated(number, rest[0], rest.substr(1));
        return;
      }
      static constexpr std::string_view kOrdinalSuffixes[] = {"st", "nd", "rd", "th", "\u00BA", "\u00AA", "\u00B0"};
      for (std::string_view suffix : kOrdinalSuffixes) {
        if (rest == suffix) {
          emit(Category::ord, [&](Meaning& m) { m.ordinal = value; });
          if (value >= 1 && value <= 31) emit(Category::day, [&](Meaning& m) { m.day = value; });
          return;
        }
      }
      if (rest == "s" && value % 10 == 0 && (digits == 2 || digits == 4)) {
        decade(digits, value, Category::decade);
        return;
      }
    }
    if (upper_case) {
      if (const int value = roman_value(text); value > 0) emit(Category::roman, [&](Meaning& m) { m.ordinal = value; });
    }
  }

 private:
  template <class Fill>
  void emit(Category category, Fill&& fill) {
    store_.emplace_back();
    fill(store_.back());
    facts_.push_back({category, 1, &store_.back()});
  }

  // "80s" and "1980s" name a decade; plain "80" and "1980" only may ("anni 80").
  void decade(std::size_t digits, int value, Category category) {
    const int decade = digits == 2 ? 190 + value / 10 : value / 10;
    emit(category, [&](Meaning& m) { m.decade = decade; });
  }

  void plain(std::string_view text) {
    if (text.size() > 6) return;  // phone numbers, codes, long digit strings
    const int value = digits_value(text);
    const std::size_t digits = text.size();
    emit(Category::num, [&](Meaning& m) {
      m.quantity = value;
      m.has_quantity = true;
    });
    if (digits <= 2 && value >= 1 && value <= 31) emit(Category::day, [&](Meaning& m) { m.day = value; });
    if (digits <= 2 && value >= 1 && value <= 12) emit(Category::month_num, [&](Meaning& m) { m.month = value; });
    if (digits == 4 && value >= 1000 && value <= 2199) emit(Category::year, [&](Meaning& m) { m.year = value; });
    if (digits <= 2 && value <= 24) emit(Category::hour, [&](Meaning& m) { m.hour = value; });
    if (digits == 2 && value <= 59) emit(Category::minute, [&](Meaning& m) { m.minute = value; });
    if ((digits == 2 || digits == 4) && value % 10 == 0 && (digits == 2 || (value >= 1000 && value <= 2190))) {
      decade(digits, value, Category::decade_num);
    }
  }

  void separated(std::string_view left, char separator, std::string_view right) {
    const int whole = digits_value(left);
    const int part = right.size() <= 6 ? digits_value(right) : 0;
    if (left.size() <= 2 && whole <= 24 && right.size() == 2 && part <= 59 && separator != ',') {
      emit(Category::clock, [&](Meaning& m) {
        m.hour = whole;
        m.minute = part;
      });
    }
    if (separator == decimal_separator_ && right.size() <= 3) {
      double fraction = part;
      for (std::size_t i = 0; i < right.size(); ++i) fraction /= 10;
      emit(Category::num, [&](Meaning& m) {
        m.quantity = whole + fraction;
        m.has_quantity = true;
      });
    } else if (separator != ':' && right.size() == 3 && left.size() <= 3) {
      emit(Category::num, [&](Meaning& m) {
        m.quantity = whole * 1000 + part;
        m.has_quantity = true;
      });
    }
  }

  std::deque<Meaning>& store_;
  std::vector<TokenFact>& facts_;
  char decimal_separator_;
};

// How close (in tokens) a day must be for a bare time of day to fall on it.
constexpr std::size_t kAdjacentTokens = 3;
// The longest bracketed aside ("(0735 GMT)") a time of day may be separated from its day by.
constexpr std::size_t kAsideTokens = 6;

// The token after a short bracketed aside starting at `at`, or `at` when none starts there.
std::size_t after_aside(const std::vector<std::string_view>& folded, std::size_t at, std::size_t end) {
  if (at >= end || folded[at] != "(") return at;
  for (std::size_t i = at + 1; i < end && i <= at + kAsideTokens + 1; ++i) {
    if (folded[i] == ")") return i + 1;
    if (folded[i] == "(") break;
  }
  return at;
}

// Whether case folding leaves the token as it is: ASCII without capitals, and the lower-case
// letters of Latin-1 (U+00E0..U+00FF: "è", "più", "città"), which fold to themselves. Italian
// words with accents then skip ICU's folding and the copy.
bool already_folded(std::string_view token) {
  for (std::size_t i = 0; i < token.size(); ++i) {
    const auto c = static_cast<unsigned char>(token[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') return false;
    } else if (c == 0xC3 && i + 1 < token.size() && static_cast<unsigned char>(token[i + 1]) >= 0xA0 &&
               static_cast<unsigned char>(token[i + 1]) <= 0xBF) {
      ++i;
    } else {
      return false;
    }
  }
  return true;
}

struct Found {
  RuleMatch match;
  std::size_t sentence;
  bool keep = true;
  bool range_start = false;  // begins an interval with the next found expression
  std::size_t year_from = SIZE_MAX;  // the found date whose year a completed day shares
};

bool has_fact(const std::vector<TokenFact>& facts, const std::vector<std::uint32_t>& begin, std::size_t at,
              Category category, std::size_t length) {
  for (std::uint32_t f = begin[at]; f < begin[at + 1]; ++f) {
    if (facts[f].category == category && facts[f].length == length) return true;
  }
  return false;
}

// A complete calendar date ("6 gennaio 2022") that needs nothing from outside.
bool absolute_day(const Meaning& m) {
  return Meaning::set(m.year) && Meaning::set(m.month) && Meaning::set(m.day) && m.relation == Relation::none &&
         !Meaning::set(m.shift);
}

void split_hyphens(std::string_view text, const std::vector<Token>& in_tokens, const std::vector<Sentence>& in_sentences,
                   std::vector<Token>& tokens, std::vector<Sentence>& sentences) {
  tokens.clear();
  tokens.reserve(in_tokens.size() + in_tokens.size() / 16);
  sentences.clear();
  sentences.reserve(in_sentences.size());
  ByteCursor hyphens(text, '-');
  for (const Sentence& in : in_sentences) {
    Sentence out = in;
    out.first_token = static_cast<std::uint32_t>(tokens.size());
    for (std::uint32_t i = in.first_token; i < in.first_token + in.token_count; ++i) {
      const Token& token = in_tokens[i];
      std::uint32_t at = token.begin;
      // Hyphens inside the word, not at its edges.
      const bool may_split = token.kind == TokenKind::word && token.end - token.begin > 2;
      for (std::size_t hyphen = may_split ? hyphens.at_or_after(token.begin + 1) : token.end; hyphen + 1 < token.end;
           hyphen = hyphens.at_or_after(hyphen + 1)) {
        const auto p = static_cast<std::uint32_t>(hyphen);
        tokens.push_back({at, p, TokenKind::word});
        tokens.push_back({p, p + 1, TokenKind::punctuation});
        at = p + 1;
      }
      tokens.push_back({at, token.end, at == token.begin ? token.kind : TokenKind::word});
    }
    out.token_count = static_cast<std::uint32_t>(tokens.size()) - out.first_token;
    sentences.push_back(out);
  }
}

}  // namespace

bool TemporalTagger::available(const Resources& resources, const std::string& lang) {
  return resources.find(temporal_dir(lang) + "rules.txt") != nullptr;
}

TemporalTagger::TemporalTagger(const Resources& resources, const std::string& lang)
    : lang_(lang),
      lexicon_(resources, lang),
      grammar_(required(resources, temporal_dir(lang) + "rules.txt"), temporal_dir(lang) + "rules.txt") {
  const std::string dir = temporal_dir(lang);
  const auto config = nlohmann::json::parse(required(resources, dir + "temporal.json"), nullptr, false);
  if (config.is_discarded()) throw std::runtime_error(dir + "temporal.json is not valid JSON");
  const std::string separator = config.value("decimal_separator", std::string("."));
  future_cost_.past_tense = config.value("past_tense_future_cost", future_cost_.past_tense);
  future_cost_.unknown_tense = config.value("unknown_tense_future_cost", future_cost_.unknown_tense);
  decimal_separator_ = separator.empty() ? '.' : separator[0];
  tense_ = TenseCues(required(resources, dir + "tense.txt"), dir + "tense.txt");
  for (const LexiconEntry& entry : lexicon_.entries()) {
    known_words_[entry.tokens.front()].lexicon_entries = lexicon_.starting_with(entry.tokens.front());
  }
  for (std::uint32_t id = 0; id < grammar_.words().size(); ++id) known_words_[grammar_.words()[id]].grammar_word = id;
}

void TemporalTagger::tag(Document& doc) const {
  doc.timexes.clear();
  doc.intervals.clear();
  const std::string_view text = doc.text;
  // The segmenter keeps hyphenated compounds whole ("third-quarter", "metà-ottobre", as named
  // entities need them); temporal rules see their parts.
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  split_hyphens(text, doc.tokens, doc.sentences, tokens, sentences);
  const std::size_t count = tokens.size();

  // Case-folded tokens, apostrophes normalised; those already folded are used in place.
  std::string arena;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans(count);
  std::vector<std::uint8_t> in_arena(count, 0);
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view token = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    if (already_folded(token)) {
      spans[i] = {tokens[i].begin, static_cast<std::uint32_t>(token.size())};
      continue;
    }
    const std::size_t at = arena.size();
    if (ascii_end(token, 0) == token.size()) {
      // apostrophe_key of ASCII, lower-cased in place: most such tokens are capitalised words.
      arena += token;
      for (std::size_t k = at; k < arena.size(); ++k) {
        if (arena[k] >= 'A' && arena[k] <= 'Z') arena[k] = static_cast<char>(arena[k] - 'A' + 'a');
      }
    } else {
      arena += apostrophe_key(token);
    }
    spans[i] = {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(arena.size() - at)};
    in_arena[i] = 1;
  }
  std::vector<std::string_view> folded(count);
  for (std::size_t i = 0; i < count; ++i) {
    folded[i] = (in_arena[i] ? std::string_view(arena) : text).substr(spans[i].first, spans[i].second);
  }
  std::vector<const KnownWord*> known(count);
  std::vector<std::uint32_t> word_ids(count, TemporalGrammar::kNoWord);
  for (std::size_t i = 0; i < count; ++i) {
    known[i] = known_words_.find(folded[i]);
    if (known[i]) word_ids[i] = known[i]->grammar_word;
  }

  // Facts: lexicon entries starting at each token, and what its digits say.
  std::deque<Meaning> digit_meanings;
  std::vector<TokenFact> facts;
  std::vector<std::uint32_t> fact_begin(count + 1, 0);
  DigitFacts digits(digit_meanings, facts, decimal_separator_);
  const auto capitalised = [&](std::size_t at) {
    std::size_t pos = tokens[at].begin;
    return u_isupper(decode_utf8(text, pos)) != 0;
  };
  for (std::size_t i = 0; i < count; ++i) {
    fact_begin[i] = static_cast<std::uint32_t>(facts.size());
    if (known[i] && known[i]->lexicon_entries) {
      lexicon_.lookup(*known[i]->lexicon_entries, folded, i, capitalised, [&](const LexiconEntry& entry) {
        facts.push_back({entry.category, static_cast<std::uint8_t>(entry.tokens.size()), &entry.meaning});
      });
    }
    const std::string_view token = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    if (token[0] >= '0' && token[0] <= '9') {
      digits.add(token, false);
    } else if (token[0] >= 'A' && token[0] <= 'Z' && token.size() <= 5) {
      digits.add(token, true);
    }
  }
  fact_begin[count] = static_cast<std::uint32_t>(facts.size());
  std::vector<std::uint64_t> categories(count, 0);
  for (std::size_t i = 0; i < count; ++i) {
    for (std::uint32_t f = fact_begin[i]; f < fact_begin[i + 1]; ++f) {
      categories[i] |= std::uint64_t{1} << static_cast<unsigned>(facts[f].category);
    }
  }

  // Rule matches, never across sentences: the best match starting at each token, then the longest
  // of overlapping ones (a partial date counts least), then text order.
  std::vector<Found> found;
  MatchScratch scratch;
  std::vector<Found> candidates;
  std::vector<bool> taken;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const Sentence& sentence = sentences[s];
    const MatchInput input{folded, word_ids, categories, facts, fact_begin, sentence.first_token, sentence.first_token + sentence.token_count};
    candidates.clear();
    for (std::size_t at = input.begin; at < input.end; ++at) {
      std::optional<RuleMatch> match = grammar_.match_at(input, at, scratch);
      if (!match) continue;
      // Optional commas and hyphens that ended up at an edge ("early December,") are not part of
      // the expression.
      while (match->extent_end - match->extent_begin > 1 && tokens[match->extent_end - 1].kind == TokenKind::punctuation) {
        --match->extent_end;
      }
      while (match->extent_end - match->extent_begin > 1 && tokens[match->extent_begin].kind == TokenKind::punctuation) {
        ++match->extent_begin;
      }
      candidates.push_back({std::move(*match), s});
    }
    const auto weight = [](const Found& f) {
      return 2 * (f.match.extent_end - f.match.extent_begin) - (f.match.meaning.partial ? 1 : 0);
    };
    std::stable_sort(candidates.begin(), candidates.end(), [&](const Found& a, const Found& b) {
      return weight(a) > weight(b);
    });
    const std::size_t first = found.size();
    taken.assign(input.end - input.begin, false);
    for (Found& candidate : candidates) {
      bool free = true;
      for (std::size_t t = candidate.match.extent_begin; t < candidate.match.extent_end && free; ++t) free = !taken[t - input.begin];
      if (!free) continue;
      for (std::size_t t = candidate.match.extent_begin; t < candidate.match.extent_end; ++t) taken[t - input.begin] = true;
      found.push_back(std::move(candidate));
    }
    std::sort(found.begin() + static_cast<std::ptrdiff_t>(first), found.end(),
              [](const Found& a, const Found& b) { return a.match.extent_begin < b.match.extent_begin; });
  }

  // Lists and ranges: an incomplete date ("lunedì 20", "3") counts only when connectors tie it
  // to a complete one, which lends it month and year: "dal 3 al 5 gennaio", "lunedì 20, martedì
  // 21 e mercoledì 22 aprile".
  const auto connector = [&](std::size_t from, std::size_t to, Category category) {
    return to > from && has_fact(facts, fact_begin, from, category, to - from);
  };
  // Completes the partial days found[first..last] from the date `before` them, when a connector
  // joins them and each day is later than the one before it.
  const auto complete_before = [&](Found& before, const Found& partial, std::size_t first, std::size_t last) {
    const Meaning& date = before.match.meaning;
    if (!before.keep || date.partial || date.ignore || before.sentence != partial.sentence || before.match.rule->type != TimexType::date ||
        !Meaning::set(date.month) || !Meaning::set(date.day) || Meaning::set(date.shift) || date.relation != Relation::none) {
      return false;
    }
    // One connector word or dash, not a comma: "On May 6, 25 people died".
    const std::size_t gap_begin = before.match.extent_end, gap_end = partial.match.extent_begin;
    if (gap_end != gap_begin + 1 || folded[gap_begin] == ",") return false;
    const bool range = connector(gap_begin, gap_end, Category::range_sep);
    if (!range && !connector(gap_begin, gap_end, Category::list_sep)) return false;
    // Nor a number that goes on: "from April 4 to 12 1/2 points".
    const std::size_t after = found[last].match.extent_end;
    if (after < folded.size() && has_fact(facts, fact_begin, after, Category::num, 1)) return false;
    int day = date.day;
    for (std::size_t p = first; p <= last; ++p) {
      const Meaning& m = found[p].match.meaning;
      if (!m.partial || !Meaning::set(m.day) || m.day <= day) return false;
      day = m.day;
    }
    for (std::size_t p = first; p <= last; ++p) {
      Meaning& m = found[p].match.meaning;
      m.month = date.month;
      m.year = date.year;
      m.partial = false;
      found[p].year_from = static_cast<std::size_t>(&before - found.data());
    }
    if (range && first == last) before.range_start = true;
    return true;
  };
  for (std::size_t k = 0; k < found.size(); ++k) {
    if (!found[k].match.meaning.partial) continue;
    std::size_t last = k;
    bool ranged = false;
    while (last + 1 < found.size() && found[last + 1].sentence == found[k].sentence) {
      const std::size_t gap_begin = found[last].match.extent_end, gap_end = found[last + 1].match.extent_begin;
      const bool listed = connector(gap_begin, gap_end, Category::list_sep);
      const bool range = connector(gap_begin, gap_end, Category::range_sep);
      if (!listed && !range) break;
      ranged = ranged || range;
      ++last;
      if (!found[last].match.meaning.partial) break;
    }
    const Meaning& complete = found[last].match.meaning;
    if (last == k || complete.partial || !Meaning::set(complete.month)) {
      // Or a complete date before them lends it, to later days only: "April 24 and 25", "March
      // 3-5", "from May 6 to 8".
      if (complete.partial && k > 0 && complete_before(found[k - 1], found[k], k, last)) {
        k = last;
        continue;
      }
      found[k].keep = false;
      continue;
    }
    for (std::size_t p = k; p < last; ++p) {
      Meaning& partial = found[p].match.meaning;
      if (!Meaning::set(partial.month)) partial.month = complete.month;
      if (!Meaning::set(partial.year)) partial.year = complete.year;
      partial.partial = false;
    }
    // An opener right before the first ("dal", "tra il", "between") makes a pair a range.
    bool opened = false;
    for (std::size_t back = 1; back <= 3 && back <= found[k].match.extent_begin; ++back) {
      opened = opened || connector(found[k].match.extent_begin - back, found[k].match.extent_begin, Category::range_open);
    }
    if ((ranged || opened) && last == k + 1) found[k].range_start = true;
    k = last;
  }
  // Complete dates joined by a range connector form an interval too ("dal 3 gennaio al 5 febbraio").
  for (std::size_t k = 0; k + 1 < found.size(); ++k) {
    if (!found[k].keep || found[k].sentence != found[k + 1].sentence) continue;
    if (connector(found[k].match.extent_end, found[k + 1].match.extent_begin, Category::range_sep) &&
        found[k].match.rule->type == TimexType::date && found[k + 1].match.rule->type == TimexType::date) {
      found[k].range_start = true;
      // "dal 28 dicembre 2021 al 3 gennaio": the end takes the start's year, or the next one.
      const Meaning& start = found[k].match.meaning;
      Meaning& end = found[k + 1].match.meaning;
      if (Meaning::set(start.year) && Meaning::set(start.month) && Meaning::set(end.month) && !Meaning::set(end.year)) {
        end.year = end.month < start.month ? start.year + 1 : start.year;
      }
    }
  }

  // The anchor: the document date, refined when the text pins its day. A complete date in the
  // first sentence that agrees with a month-precision header ("06 gennaio 2022" under 2022-01),
  // or "ieri, 24 novembre 2022", which dates the article to the 25th.
  std::optional<CalendarDate> document = parse_iso_date(doc.date.value);
  std::optional<CalendarDate> anchor = document;
  const auto agrees = [&](const CalendarDate& candidate) {
    return !document || (candidate.year == document->year && (!document->has_month() || candidate.month == document->month));
  };
  if (!anchor || !anchor->has_day()) {
    for (const Found& f : found) {
      const Meaning& m = f.match.meaning;
      if (!f.keep || !absolute_day(m) || m.day > days_in_month(m.year, m.month) || m.month > 12) continue;
      CalendarDate date{m.year, m.month, m.day};
      if (Meaning::set(m.day_offset)) {
        date = add_days(date, -m.day_offset);
      } else if (f.sentence != 0) {
        continue;
      }
      if (agrees(date)) {
        anchor = date;
        break;
      }
    }
    if (anchor && !document) doc.date = {anchor->iso(), DateSource::text};
  }
  doc.anchor_date = anchor ? anchor->iso() : std::string();

  // Resolution, in text order: relative expressions use the anchor or the previous day named.
  std::optional<CalendarDate> reference, reference_period;
  std::optional<std::pair<int, int>> quarter;
  // Whether the quarter is still what the text reports on: after "for the nine months" or "in the
  // first half", "a year earlier" is that longer span a year before, until a quarter is named again.
  bool quarter_in_focus = true;
  std::int32_t reference_timex = -1, reference_period_timex = -1;
  std::optional<CalendarDate> last_day;  // of the last expression naming a day, ending at last_day_end
  std::size_t last_day_end = 0, last_day_sentence = 0;
  std::vector<std::int32_t> timex_of(found.size(), -1);
  for (std::size_t k = 0; k < found.size(); ++k) {
    if (!found[k].keep) continue;
    // A day completed from an earlier date ("April 24 and 25") is in the year that date was given.
    if (found[k].year_from != SIZE_MAX && timex_of[found[k].year_from] >= 0 && !Meaning::set(found[k].match.meaning.year)) {
      const std::string& v = doc.timexes[static_cast<std::size_t>(timex_of[found[k].year_from])].value;
      if (v.size() >= 4 && all_digits(v.substr(0, 4))) found[k].match.meaning.year = digits_value(v.substr(0, 4));
    }
    const RuleMatch& match = found[k].match;
    if (match.meaning.partial || match.meaning.ignore) continue;
    const Sentence& sentence = sentences[found[k].sentence];
    const Meaning& m = match.meaning;
    if (m.unit == "Q" && !m.reported) {
      quarter_in_focus = true;
    } else if (m.unit == "HALF" || (m.unit == "M" && m.has_quantity && m.quantity >= 6 && !m.vague)) {
      quarter_in_focus = false;
    }
    AnchorContext context{anchor, reference, reference_period, quarter_in_focus ? quarter : std::nullopt, std::nullopt,
                          tense_.near(folded, sentence, match.extent_begin, match.extent_end), future_cost_};
    context.not_after = match.extent_begin > sentence.first_token && tense_.since(folded[match.extent_begin - 1]);
    // A bare time of day falls on a day named at most a word after it ("at 10 p.m. on Friday", "at 4
    // in the morning (4 a.m. Thursday)"), past a bracketed aside ("at 10:35 a.m. (0735 GMT) Friday"),
    // or else on one a few words before it ("lunedì mattina alle 8", "il 22 dicembre, 17.45").
    const bool bare_time = (Meaning::set(m.hour) || !m.part.empty()) && !Meaning::set(m.day) && !Meaning::set(m.month) &&
                           !Meaning::set(m.weekday) && !Meaning::set(m.day_offset) && !Meaning::set(m.shift) && m.relation == Relation::none;
    std::size_t time_end = match.extent_end;
    if (bare_time) time_end = after_aside(folded, time_end, sentence.first_token + sentence.token_count);
    bool on_following_day = false;
    if (bare_time && k + 1 < found.size() && found[k + 1].keep && found[k + 1].sentence == found[k].sentence &&
        found[k + 1].match.extent_begin >= match.extent_end && found[k + 1].match.extent_begin <= time_end + 1 &&
        !found[k + 1].match.meaning.partial && !found[k + 1].match.meaning.ignore) {
      const RuleMatch& next = found[k + 1].match;
      AnchorContext next_context = context;
      next_context.tense = tense_.near(folded, sentence, next.extent_begin, next.extent_end);
      next_context.not_after = tense_.since(folded[next.extent_begin - 1]);
      if (const auto day = resolve(next.rule->type, next.meaning, next_context); day && day->day) {
        context.adjacent_day = day->day;
        on_following_day = true;
      }
    }
    if (bare_time && !context.adjacent_day && last_day && last_day_sentence == found[k].sentence &&
        match.extent_begin <= last_day_end + kAdjacentTokens) {
      context.adjacent_day = last_day;
    }
    const std::optional<Resolution> resolved = resolve(match.rule->type, match.meaning, context);
    if (!resolved) continue;
    Timex timex;
    timex.begin = tokens[match.extent_begin].begin;
    timex.end = tokens[match.extent_end - 1].end;
    timex.type = match.rule->type;
    if (timex.type == TimexType::date && resolved->value.find('T') != std::string::npos &&
        resolved->value.find("REF") == std::string::npos) {
      timex.type = TimexType::time;
    }
    timex.value = resolved->value;
    timex.mod = std::string(match.meaning.mod);
    timex.quant = std::string(match.meaning.quant);
    timex.anchor = resolved->anchor;
    if (resolved->anchor == AnchorKind::document || resolved->anchor == AnchorKind::reference) {
      timex.anchor_date = resolved->anchor_date.iso();
    }
    if (resolved->anchor == AnchorKind::reference) {
      const bool period = reference_period && resolved->anchor_date == *reference_period;
      // The following day's timex is the next one to be added.
      timex.anchor_timex = on_following_day ? static_cast<std::int32_t>(doc.timexes.size()) + 1
                           : period         ? reference_period_timex
                                            : reference_timex;
    }
    timex_of[k] = static_cast<std::int32_t>(doc.timexes.size());
    // A time of day that names no day ("overnight", "at 10 p.m.") falls on the document date by
    // default; the last day the text named stays what "the previous Friday" counts from.
    const bool day_by_default = bare_time && !context.adjacent_day;
    if (resolved->day && !day_by_default) {
      reference = resolved->day;
      reference_timex = timex_of[k];
      last_day = resolved->day;
      last_day_end = match.extent_end;
      last_day_sentence = found[k].sentence;
    }
    // Periods named outright become what "that year", "a year earlier" refer to.
    if (resolved->anchor != AnchorKind::reference && timex.type == TimexType::date) {
      const std::string& v = resolved->value;
      // Only a quarter named by its number ("the third quarter") sets the quarter under report.
      const bool named_quarter = match.meaning.unit == "Q" && Meaning::set(match.meaning.ordinal);
      // An undated "third quarter" is "XXXX-Q3": no year to count back from (std::stoi threw on
      // it, which failed the whole corpus).
      if (named_quarter && v.size() == 7 && all_digits(v.substr(0, 4)) && v[4] == '-' && v[5] == 'Q' && v[6] >= '1' && v[6] <= '4') {
        const std::pair<int, int> named{digits_value(v.substr(0, 4)), v[6] - '0'};
        // A report is on the latest quarter already over: asides on an earlier one ("after a flat
        // second quarter") or forecasts for one still running ("a fourth-quarter charge") leave
        // it in place.
        const auto index = [](const std::pair<int, int>& q) { return q.first * 4 + q.second - 1; };
        const bool over = !anchor || !anchor->has_month() || index(named) < anchor->year * 4 + (anchor->month - 1) / 3;
        if (!quarter || (over && index(named) >= index(*quarter))) quarter = named;
      } else if (const auto period = parse_iso_date(v)) {
        reference_period = period;
        reference_period_timex = timex_of[k];
      }
    }
    doc.timexes.push_back(std::move(timex));
  }
  for (std::size_t k = 0; k + 1 < found.size(); ++k) {
    if (found[k].range_start && timex_of[k] >= 0 && timex_of[k + 1] >= 0) {
      doc.intervals.push_back({static_cast<std::uint32_t>(timex_of[k]), static_cast<std::uint32_t>(timex_of[k + 1])});
    }
  }
}

}  // namespace cronaca
