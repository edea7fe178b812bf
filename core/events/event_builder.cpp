#include "events/event_builder.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <stdexcept>

#include "events/event_date.h"
#include "events/figures.h"
#include "lang/language.h"
#include "text/utf8.h"
#include "time/calendar.h"

namespace cronaca {

namespace {

constexpr std::size_t kHeadlineBytes = 160;   // longer headlines are cut at a word
constexpr std::size_t kContinuationGap = 2;   // undated sentences between an event and one that goes on telling it
constexpr std::size_t kBackgroundReach = 8;   // words before a background date its noun phrase may take
constexpr std::size_t kHeadingTokens = 15;    // a line without final punctuation and fewer tokens is a heading
constexpr long kBackgroundDays = 365;         // a date this long before the article's is background

std::string_view token_text(const Document& doc, std::size_t i) {
  return std::string_view(doc.text).substr(doc.tokens[i].begin, doc.tokens[i].end - doc.tokens[i].begin);
}

bool is_punctuation(const Document& doc, std::size_t i) { return doc.tokens[i].kind == TokenKind::punctuation; }

// What the builder reads of a document, per token.
struct DocView {
  const AnalysisResult& result;
  const Document& doc;
  std::uint32_t index;
  std::vector<std::string_view> folded;  // apostrophe_key of each token, held by the word cache
  std::vector<std::uint8_t> in_timex;
  std::vector<std::int32_t> mention_at;  // mentions with an entity only
  std::vector<std::uint16_t> kinds;      // EventLexicon::kinds_at
  std::vector<Tense> tenses;             // the tense each word marks
  std::optional<EventDate> date;         // the document's, from its anchor

  SentenceView sentence(const Sentence& s) const {
    return {doc, index, folded, s.first_token, s.first_token + s.token_count, in_timex, mention_at, kinds};
  }
};

// Every word is looked up once, as written: its folded form, its phrase kinds and its tense.
DocView view_of(const AnalysisResult& result, std::uint32_t index, const EventLexicon& lexicon, const TenseCues& tense, EventBuilder::WordCache& words) {
  const Document& doc = result.documents[index];
  DocView view{result, doc, index, {}, {}, {}, {}, {}, std::nullopt};
  const std::size_t n = doc.tokens.size();
  // Indices first: the cache's values move while it grows, so views into it come after.
  std::vector<std::uint32_t> ids(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view text = token_text(doc, i);
    const std::size_t known = words.size();
    ids[i] = words.index(text);
    if (words.size() == known) continue;
    EventBuilder::WordFacts& word = words.at(ids[i]);
    word.folded = apostrophe_key(text);
    word.tense = tense.of(word.folded);
    word.starts = lexicon.starts_of(word.folded);
  }
  // Backwards, so that the phrases a word starts see the folded words after it.
  view.folded.resize(n);
  view.kinds.resize(n);
  view.tenses.resize(n);
  for (std::size_t i = n; i-- > 0;) {
    const EventBuilder::WordFacts& word = words.at(ids[i]);
    view.folded[i] = word.folded;
    view.tenses[i] = word.tense;
    view.kinds[i] = word.starts ? lexicon.kinds_at(word.starts, view.folded, i) : 0;
  }
  view.in_timex.assign(n, 0);
  view.mention_at.assign(n, -1);
  std::size_t t = 0;
  for (const Timex& timex : doc.timexes) {
    while (t < n && doc.tokens[t].end <= timex.begin) ++t;
    for (std::size_t k = t; k < n && doc.tokens[k].begin < timex.end; ++k) view.in_timex[k] = 1;
  }
  t = 0;
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    const Mention& mention = doc.mentions[m];
    if (mention.entity < 0) continue;
    while (t < n && doc.tokens[t].end <= mention.begin) ++t;
    for (std::size_t k = t; k < n && doc.tokens[k].begin < mention.end; ++k) {
      if (view.mention_at[k] < 0) view.mention_at[k] = static_cast<std::int32_t>(m);
    }
  }
  const std::string& anchor = doc.anchor_date.empty() ? doc.date.value : doc.anchor_date;
  if (!anchor.empty()) view.date = event_date(anchor);
  return view;
}

// What one sentence says that events are made of.
struct SentenceFacts {
  std::vector<std::uint16_t> categories;  // lexicon name indices, in order of appearance
  std::vector<Figure> figures;
  std::vector<std::pair<std::uint32_t, EventDate>> dates;  // timexes that date something
  std::string duration;                   // "P3D" of "da tre giorni"
  int future = 0, past = 0;               // tense cues
  bool heading = false;
};

bool ends_sentence(std::string_view last) {
  static constexpr std::string_view kFinal[] = {".", "!", "?", "\u2026", "\"", "\u00bb", "\u201d", ")"};
  return std::find(std::begin(kFinal), std::end(kFinal), last) != std::end(kFinal);
}

}  // namespace

std::string headline_text(std::string_view text) {
  const auto is_space = [](char c) { return c == '\n' || c == '\r' || c == '\t' || c == ' '; };
  // Text past the cut is never read: the first character's capital may be up to three bytes longer
  // or shorter, and anything longer than kHeadlineBytes is cut before kHeadlineBytes.
  constexpr std::size_t kEnough = kHeadlineBytes + 4;
  std::string out;
  out.reserve(std::min(text.size(), kEnough + 1));
  for (std::size_t pos = 0; pos < text.size() && out.size() <= kEnough;) {
    if (is_space(text[pos])) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      ++pos;
      continue;
    }
    std::size_t end = pos + 1;
    while (end < text.size() && !is_space(text[end])) ++end;
    out.append(text, pos, end - pos);
    pos = end;
  }
  if (!out.empty()) {
    std::size_t pos = 0;
    const char32_t first = decode_utf8(out, pos);
    std::string upper;
    append_utf8(upper, static_cast<char32_t>(u_toupper(static_cast<UChar32>(first))));
    out.replace(0, pos, upper);
  }
  if (out.size() > kHeadlineBytes) {
    std::size_t cut = out.rfind(' ', kHeadlineBytes - 3);
    if (cut == std::string::npos || cut < kHeadlineBytes / 2) cut = kHeadlineBytes - 3;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    out.resize(cut);
    while (!out.empty() && (out.back() == ',' || out.back() == ' ')) out.pop_back();
    out += "\u2026";
  }
  return out;
}

CategoryRelations::CategoryRelations(const Resources& resources) {
  const std::string* text = resources.find("events/categories.txt");
  if (!text) return;
  for (std::string_view line : list_lines(*text)) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) throw std::runtime_error("events/categories.txt: expected \"category: related ...\": " + std::string(line));
    const std::string name(trim(line.substr(0, colon)));
    auto& related = related_[name];
    for (std::string_view other : list_words(line.substr(colon + 1))) {
      if (other == "*") to_all_.insert(name);
      else related.insert(std::string(other));
    }
  }
}

bool CategoryRelations::related(std::string_view later, std::string_view earlier) const {
  if (later == earlier || to_all_.count(later)) return true;
  const auto found = related_.find(earlier);
  return found != related_.end() && found->second.count(later);
}

bool EventBuilder::available(const Resources& resources, const std::string& lang) {
  return EventLexicon::available(resources, lang) && resources.find("lang/" + lang + "/temporal/tense.txt");
}

EventBuilder::EventBuilder(const Resources& resources, const std::string& lang, const CategoryRelations& relations,
                           const LanguageProfile* profile)
    : lexicon_(resources, lang), relations_(relations), profile_(profile) {
  const std::string name = "lang/" + lang + "/temporal/tense.txt";
  const std::string* tense = resources.find(name);
  if (!tense) throw std::runtime_error("no tense cues for \"" + lang + "\" (" + name + ")");
  tense_ = TenseCues(*tense, name);
}

namespace {

// The helpers below need the lexicon and tense cues; they live in a small struct so that the
// builder's header stays free of them.
struct Reader {
  const EventLexicon& lexicon;
  const TenseCues& tense;
  const CategoryRelations& relations;
  const LanguageProfile* profile;
  const DocView& view;

  bool function_word(std::size_t i) const {
    const std::string_view w = view.folded[i];
    return w.ends_with('\'') || (profile && profile->is_stopword(w));
  }

  const Document& doc() const { return view.doc; }

  bool phrase_at(std::size_t i, std::size_t end, EventWord word, std::size_t* length = nullptr) const {
    std::size_t best = 0;
    if (length) *length = 0;
    if (i >= end || !(view.kinds[i] & EventLexicon::bit(word))) return false;
    lexicon.matches(view.folded, i, end, [&](const EventPhrase& p, std::size_t n) {
      if (p.word == word) best = std::max(best, n);
    });
    if (length) *length = best;
    return best > 0;
  }

  SentenceFacts facts(const Sentence& s) const {
    SentenceFacts f;
    const std::size_t first = s.first_token, end = s.first_token + s.token_count;
    if (s.token_count == 0) return f;
    f.heading = !ends_sentence(view.folded[end - 1]) && s.token_count < kHeadingTokens;
    for (std::size_t i = first; i < end; ++i) {
      if (view.mention_at[i] < 0 && !view.in_timex[i] && (view.kinds[i] & EventLexicon::bit(EventWord::category))) {
        lexicon.matches(view.folded, i, end, [&](const EventPhrase& p, std::size_t) {
          if (p.word == EventWord::category && std::find(f.categories.begin(), f.categories.end(), p.name) == f.categories.end()) {
            f.categories.push_back(p.name);
          }
        });
      }
      const Tense t = view.tenses[i];
      f.future += t == Tense::future;
      f.past += t == Tense::past;
    }
    f.figures = read_figures(view.sentence(s), lexicon);
    const Document& d = doc();
    // Timexes are in text order: those of the sentence, without a look at the others.
    const auto first_timex = std::lower_bound(d.timexes.begin(), d.timexes.end(), s.begin,
                                              [](const Timex& timex, std::uint32_t offset) { return timex.begin < offset; });
    for (auto t = static_cast<std::uint32_t>(first_timex - d.timexes.begin()); t < d.timexes.size() && d.timexes[t].begin < s.end; ++t) {
      const Timex& timex = d.timexes[t];
      if (timex.type == TimexType::date || timex.type == TimexType::time) {
        const std::string_view present = view.date ? std::string_view(view.date->value) : std::string_view();
        if (auto date = event_date(timex.value, present)) f.dates.emplace_back(t, std::move(*date));
      } else if (timex.type == TimexType::duration && f.duration.empty()) {
        // "da tre giorni", "dopo cinque giorni di blackout": a span that ends at the event.
        std::size_t k = first;
        while (k < end && d.tokens[k].begin < timex.begin) ++k;
        if (k > first && phrase_at(k - 1, k, EventWord::interval_until) && timex.value.find('X') == std::string::npos) f.duration = timex.value;
      }
    }
    return f;
  }

  // A headline: the clause of the sentence that says most (a category word, a verb, names),
  // or the clause of `focus` (a token of the dating expression) when it says anything; trimmed
  // of attributions and opening connectives.
  std::string headline(const Sentence& s, std::size_t focus) const {
    const Document& d = doc();
    const std::size_t first = s.first_token, end = s.first_token + s.token_count;
    struct Segment {
      std::size_t first, end;
      int score = 0;
      int substance = 0;  // category words and names: what a verb-like suffix alone is not
    };
    std::vector<Segment> segments;
    const auto boundary = [&](std::size_t i) {
      const std::string_view t = view.folded[i];
      return t == "," || t == ";" || t == ":" || t == "(" || t == ")" || t == "\u2014" || t == "\u2013";
    };
    for (std::size_t i = first; i < end;) {
      std::size_t j = i;
      while (j < end && !boundary(j)) ++j;
      if (j > i) segments.push_back({i, j});
      i = j + 1;
    }
    if (segments.empty()) return {};
    for (Segment& seg : segments) {
      int triggers = 0, verbs = 0, names = 0, content = 0;
      std::int32_t last_mention = -1;
      for (std::size_t i = seg.first; i < seg.end; ++i) {
        if (view.in_timex[i] || is_punctuation(d, i)) continue;
        ++content;
        if (view.mention_at[i] >= 0 && view.mention_at[i] != last_mention) ++names, last_mention = view.mention_at[i];
        if (view.mention_at[i] < 0 && phrase_at(i, seg.end, EventWord::category)) ++triggers;
        verbs += view.tenses[i] != Tense::unknown;
      }
      seg.substance = triggers + names;
      seg.score = 2 * std::min(triggers, 2) + std::min(verbs, 1) + std::min(names, 3);
      if (phrase_at(seg.first, seg.end, EventWord::attribution)) seg.score -= 3;
      if (phrase_at(seg.first, seg.end, EventWord::subordinator)) seg.score -= 1;
      if (content <= 1) seg.score = -10;
    }
    std::size_t chosen = 0;
    for (std::size_t k = 1; k < segments.size(); ++k) {
      if (segments[k].score > segments[chosen].score) chosen = k;
    }
    if (focus != SIZE_MAX) {
      for (std::size_t k = 0; k < segments.size(); ++k) {
        if (focus >= segments[k].first && focus < segments[k].end && segments[k].score > 0 && segments[k].substance > 0) chosen = k;
      }
    }
    std::size_t from = segments[chosen].first, to = segments[chosen].end;
    const auto starts_lower = [&](std::size_t i) {
      std::size_t pos = 0;
      const std::string_view word = token_text(d, i);
      return !word.empty() && u_islower(decode_utf8(word, pos));
    };
    // "la città di Kherson ..., è stata bombardata": the verb after an apposition comma.
    if (chosen + 1 < segments.size() && view.tenses[segments[chosen + 1].first] != Tense::unknown &&
        starts_lower(segments[chosen + 1].first)) {
      to = segments[chosen + 1].end;
    }
    if (chosen > 0 && starts_lower(from) && view.tenses[from] == Tense::unknown && !phrase_at(from, to, EventWord::connective)) {
      const Segment& previous = segments[chosen - 1];
      const std::size_t before = previous.end - 1;
      const std::int32_t m = view.mention_at[before];
      if (function_word(from)) {
        // "..., con Vladimir Putin che ha risposto": a clause that goes on the one before.
        if (previous.score > 0 && view.folded[previous.end] == ",") from = previous.first;
      } else if (m >= 0 && d.mentions[static_cast<std::size_t>(m)].type == EntityType::person) {
        // "Tokayev, presidente del Kazakistan neo eletto il 20 novembre": the name before an apposition.
        std::size_t k = before;
        while (k > previous.first && view.mention_at[k - 1] == m) --k;
        from = k;
      }
    }
    // Trim: attributions and connectives at the start, punctuation at either end.
    for (bool trimmed = true; trimmed && from < to;) {
      trimmed = false;
      std::size_t length = 0;
      if (phrase_at(from, to, EventWord::attribution, &length) || phrase_at(from, to, EventWord::connective, &length)) {
        from += length, trimmed = true;
      }
      while (from < to && is_punctuation(d, from)) ++from, trimmed = true;
    }
    while (to > from && is_punctuation(d, to - 1) && view.folded[to - 1] != ")" && view.folded[to - 1] != "\"") --to;
    if (from >= to) return {};
    return headline_text(std::string_view(d.text).substr(d.tokens[from].begin, d.tokens[to - 1].end - d.tokens[from].begin));
  }

  // The noun phrase a background date belongs to: "la Convenzione di Ginevra del 1951".
  std::string background_headline(const Sentence& s, const Timex& timex) const {
    const Document& d = doc();
    const std::size_t first = s.first_token, end = s.first_token + s.token_count;
    std::size_t at = first;
    while (at < end && d.tokens[at].begin < timex.begin) ++at;
    std::size_t last = at;
    while (last < end && d.tokens[last].begin < timex.end) ++last;
    std::size_t from = at;
    while (from > first && at - from < kBackgroundReach) {
      const std::size_t k = from - 1;
      if (is_punctuation(d, k) || view.tenses[k] != Tense::unknown || phrase_at(k, at, EventWord::subordinator)) break;
      if (view.mention_at[k] < 0 && lexicon.looks_like_verb(view.folded[k])) break;
      from = k;
    }
    // Not from a function word: "delle proteste" -> "proteste".
    while (from < at && function_word(from) && view.mention_at[from] < 0) ++from;
    if (from >= at) return {};
    return headline_text(std::string_view(d.text).substr(d.tokens[from].begin, d.tokens[last - 1].end - d.tokens[from].begin));
  }

  bool is_background(const Sentence& s, const Timex& timex, const EventDate& date) const {
    if (!view.date) return false;
    const auto event_end = parse_iso_date(date.end), article_start = parse_iso_date(view.date->start);
    if (!event_end || !article_start) return false;
    const long gap = days_from_civil(article_start->year, article_start->month, article_start->day) -
                     days_from_civil(event_end->year, event_end->month, event_end->day);
    if (gap < kBackgroundDays) return false;
    // "... del 1951", "of 2014": the date qualifies a noun.
    std::size_t at = s.first_token;
    while (at < s.first_token + s.token_count && doc().tokens[at].begin < timex.begin) ++at;
    if (at == s.first_token) return false;
    const std::string_view before = view.folded[at - 1];
    return before == "del" || before == "dello" || before == "della" || before == "dei" || before == "degli" || before == "delle" ||
           before == "dell'" || before == "di" || before == "of" || before == "in";
  }

  void add_participants(const Sentence& s, Event& event) const {
    const Document& d = doc();
    for (const Mention& m : d.mentions) {
      if (m.begin < s.begin || m.begin >= s.end || m.entity < 0) continue;
      const auto entity = static_cast<std::uint32_t>(m.entity);
      const bool place = m.role == MentionRole::name && view.result.entities[entity].type == EntityType::location;
      std::vector<std::uint32_t>& list = place ? event.places : event.entities;
      if (std::find(list.begin(), list.end(), entity) == list.end()) list.push_back(entity);
    }
  }

  void add_categories(const SentenceFacts& f, Event& event) const {
    for (std::uint16_t c : f.categories) {
      const std::string& name = lexicon.name(c);
      if (std::find(event.categories.begin(), event.categories.end(), name) == event.categories.end()) event.categories.push_back(name);
    }
  }

  // Whether an undated sentence may go on telling `event`: its categories are the event's or
  // related to them.
  bool goes_on(const SentenceFacts& f, const Event& event) const {
    if (f.categories.empty() || event.categories.empty()) return true;
    return std::all_of(f.categories.begin(), f.categories.end(), [&](std::uint16_t c) {
      return std::any_of(event.categories.begin(), event.categories.end(), [&](const std::string& e) { return relations.related(lexicon.name(c), e); });
    });
  }
};

bool paragraph_break(const Document& doc, const Sentence& before, const Sentence& after) {
  const std::string_view gap = std::string_view(doc.text).substr(before.end, after.begin - before.end);
  return std::count(gap.begin(), gap.end(), '\n') >= 2;
}

}  // namespace

void EventBuilder::build(const AnalysisResult& result, std::uint32_t doc_index, std::vector<Event>& out) const {
  const DocView view = view_of(result, doc_index, lexicon_, tense_, words_);
  const Document& doc = view.doc;
  const Reader reader{lexicon_, tense_, relations_, profile_, view};
  const std::size_t first_of_document = out.size();
  std::int64_t current = -1;  // index in `out` of the event being told
  std::size_t gap = SIZE_MAX;

  const auto new_event = [&](const Sentence& s, const SentenceFacts& f, EventDate date, std::int32_t timex) -> Event& {
    Event& event = out.emplace_back();
    event.date = std::move(date);
    event.anchor_doc = doc_index;
    event.anchor_timex = timex;
    event.sources.push_back({doc_index, s.begin, s.end});
    event.duration = f.duration;
    if (!f.duration.empty()) {
      if (auto span = span_until(event.date, f.duration)) event.date.start = span->start;
    }
    reader.add_participants(s, event);
    reader.add_categories(f, event);
    event.figures = f.figures;
    return event;
  };
  const auto announced = [&](const EventDate& date, const SentenceFacts& f, Tense near) {
    if (view.date && date.start > view.date->end) return true;
    if (view.date && date.end < view.date->start) return false;
    return near == Tense::future || (near == Tense::unknown && f.future > f.past);
  };

  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (si > 0 && paragraph_break(doc, doc.sentences[si - 1], s) && gap != SIZE_MAX) ++gap;
    const SentenceFacts f = reader.facts(s);
    if (f.heading) {
      current = -1;
      continue;
    }
    if (!f.dates.empty()) {
      // One event per distinct date; a past date qualifying a noun is a background event.
      std::vector<std::string> seen;
      std::int64_t last_told = -1;
      for (const auto& [t, date] : f.dates) {
        if (std::find(seen.begin(), seen.end(), date.value) != seen.end()) continue;
        seen.push_back(date.value);
        const Timex& timex = doc.timexes[t];
        std::size_t focus = s.first_token;
        while (focus < s.first_token + s.token_count && doc.tokens[focus].begin < timex.begin) ++focus;
        if (reader.is_background(s, timex, date)) {
          std::string headline = reader.background_headline(s, timex);
          if (headline.empty()) continue;
          Event& event = new_event(s, f, date, static_cast<std::int32_t>(t));
          event.background = true;
          event.figures.clear();
          event.headline = std::move(headline);
          continue;
        }
        std::string headline = reader.headline(s, focus);
        if (headline.empty()) continue;  // a dateline: "06 gennaio 2022"
        std::size_t timex_end = focus;
        while (timex_end < doc.tokens.size() && doc.tokens[timex_end].begin < timex.end) ++timex_end;
        const Tense near = tense_.near(view.folded, s, focus, timex_end);
        Event& event = new_event(s, f, date, static_cast<std::int32_t>(t));
        event.headline = std::move(headline);
        event.announced = announced(event.date, f, near);
        last_told = static_cast<std::int64_t>(out.size() - 1);
      }
      if (last_told >= 0) current = last_told, gap = 0;
      continue;
    }
    const bool eventful = !f.categories.empty() || !f.figures.empty();
    if (current >= 0 && gap < kContinuationGap && reader.goes_on(f, out[static_cast<std::size_t>(current)])) {
      Event& event = out[static_cast<std::size_t>(current)];
      event.sources.push_back({doc_index, s.begin, s.end});
      reader.add_participants(s, event);
      reader.add_categories(f, event);
      event.figures.insert(event.figures.end(), f.figures.begin(), f.figures.end());
      if (event.duration.empty()) event.duration = f.duration;
      gap = 0;
      continue;
    }
    // An article telling one story over many undated sentences ("espulsioni", "estradizioni",
    // "ricorsi") tells it once: such a sentence joins the article's event it shares a category with.
    if (eventful && !f.categories.empty()) {
      std::int64_t told = -1;
      for (std::size_t e = first_of_document; e < out.size() && told < 0; ++e) {
        const Event& event = out[e];
        if (event.anchor_timex >= 0 || event.background) continue;
        for (std::uint16_t c : f.categories) {
          const std::string& name = lexicon_.name(c);
          if (!relations_.says_little(name) && std::find(event.categories.begin(), event.categories.end(), name) != event.categories.end()) {
            told = static_cast<std::int64_t>(e);
          }
        }
      }
      if (told >= 0) {
        Event& event = out[static_cast<std::size_t>(told)];
        event.sources.push_back({doc_index, s.begin, s.end});
        reader.add_participants(s, event);
        reader.add_categories(f, event);
        event.figures.insert(event.figures.end(), f.figures.begin(), f.figures.end());
        current = told;
        gap = 0;
        continue;
      }
    }
    if (eventful && view.date) {
      std::string headline = reader.headline(s, SIZE_MAX);
      if (!headline.empty()) {
        Event& event = new_event(s, f, *view.date, -1);
        event.headline = std::move(headline);
        event.announced = announced(event.date, f, Tense::unknown);
        current = static_cast<std::int64_t>(out.size() - 1);
        gap = 0;
        continue;
      }
    }
    if (gap != SIZE_MAX) ++gap;
  }
}

}  // namespace cronaca
