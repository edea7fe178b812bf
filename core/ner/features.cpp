#include "ner/features.h"

#include <algorithm>
#include <array>

#include "ner/context_keys.h"
#include "ner/feature_key.h"

namespace cronaca {

namespace {

using namespace feature_templates;

constexpr std::uint64_t kSentenceStart = 0x5354415254ull;  // stands for words before the sentence
constexpr std::uint64_t kSentenceEnd = 0x454e44ull;

std::uint32_t key(std::uint64_t tmpl, std::uint64_t value) { return feature_key(tmpl, value); }
std::uint32_t key(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b) { return feature_key(tmpl, a, b); }


// Marks after which a capitalised word is as good as sentence-initial.
bool opens_clause(std::uint64_t folded) {
  static const std::array<std::uint64_t, 9> marks = [] {
    std::array<std::uint64_t, 9> m{};
    const char* forms[] = {"\"", "«", "“", "‘", "(", ":", "-", "—", "–"};
    for (std::size_t i = 0; i < m.size(); ++i) m[i] = folded_hash(forms[i]);
    return m;
  }();
  return std::find(marks.begin(), marks.end(), folded) != marks.end();
}

// The classes of a cue phrase that ends exactly at the token with this match, or 0.
std::uint64_t cue_classes_ending(const PhraseMatch& m) {
  return m.position == PhrasePosition::end || m.position == PhrasePosition::single ? m.classes : 0;
}

// Writes a sentence's keys straight into its SentenceFeatures, sized beforehand for the most a
// token can have: appending token by token cost more than computing most of the keys.
class KeyWriter {
 public:
  KeyWriter(SentenceFeatures& out, std::size_t tokens, std::size_t most_per_token) : out_(out) {
    out.keys.clear();
    out.keys.resize(tokens * most_per_token);
    out.offsets.assign(tokens + 1, 0);
    keys_ = out.keys.data();
  }
  void add(std::uint32_t key) { *keys_++ = key; }
  void add(SmallKey key) { add(key.key); }
  void end_token(std::size_t token) { out_.offsets[token + 1] = static_cast<std::uint32_t>(keys_ - out_.keys.data()); }
  void finish() { out_.keys.resize(out_.offsets.back()); }

 private:
  SentenceFeatures& out_;
  std::uint32_t* keys_;
};

// Writes a sentence's keys as KeyWriter does, but for the small templates' keys, whose weights it
// sums token by token (SentenceFeatures::slot_weights).
class SlotSummingWriter {
 public:
  SlotSummingWriter(SentenceFeatures& out, std::size_t tokens, std::size_t most_per_token)
      : out_(out), rows_(out.slot_weights->rows.data()), sums_(out.slot_weights->sums.data()) {
    out.keys.clear();
    out.keys.resize(tokens * most_per_token);
    out.offsets.assign(tokens + 1, 0);
    out.slot_totals.resize(tokens);
    keys_ = out.keys.data();
  }
  void add(std::uint32_t key) { *keys_++ = key; }
  // Through a local copy: on the member itself, the compiler adds lane by lane in memory.
  void add(SmallKey key) {
    if (!key.has_slot) return add(key.key);
    SlotSums total = total_;
    const SlotSums& weights = sums_[rows_[key.slot]];
    for (std::size_t stage = 0; stage < total.size(); ++stage) {
      for (std::size_t y = 0; y < total[stage].size(); ++y) total[stage][y] = static_cast<std::int16_t>(total[stage][y] + weights[stage][y]);
    }
    total_ = total;
  }
  void end_token(std::size_t token) {
    out_.offsets[token + 1] = static_cast<std::uint32_t>(keys_ - out_.keys.data());
    out_.slot_totals[token] = total_;
    total_ = {};
  }
  void finish() { out_.keys.resize(out_.offsets.back()); }

 private:
  SentenceFeatures& out_;
  const std::uint32_t* rows_;
  const SlotSums* sums_;
  std::uint32_t* keys_;
  SlotSums total_{};
};

// The most keys a token gets: of the first stage's context, of the words around it, and of the
// second stage.
constexpr std::size_t kMostContextKeys = 24, kMostWordKeys = 22, kMostSecondKeys = 8;

}  // namespace

FeatureExtractor::FeatureExtractor(FeatureSet set, EntityLexicons lexicons)
    : set_(set), lexicons_(lexicons), shape_windows_(kShapeWindow) {
  // The positions outside the sentence, as words: the neighbour keys of its first and last words.
  WordInfo before, after;
  before.form = before.folded = before.short_shape = before.suffix[2] = kSentenceStart;
  after.form = after.folded = after.short_shape = after.suffix[2] = kSentenceEnd;
  words_ = {before, after};
  listed_.resize(words_.size());
  for (const WordInfo& word : words_) add_unmatched_keys(word);
}

void FeatureExtractor::add_unmatched_keys(const WordInfo& word) {
  unmatched_.push_back({key(kFoldedPrevPlace, word.folded, 0), key(kFoldedPrevName, word.folded, 0), key(kPlaceFoldedNext, 0, word.folded)});
  neighbour_keys_.emplace_back();
}

std::uint32_t FeatureExtractor::id_of(std::string_view word) {
  // A word's description depends on the word alone, and most words recur.
  if (const std::uint32_t* found = described_.find(word)) return *found;
  if (described_.size() >= kDescribedLimit) {
    described_.clear();
    words_.resize(kAfterSentence + 1);
    listed_.resize(kAfterSentence + 1);
    unmatched_.resize(kAfterSentence + 1);
    neighbour_keys_.resize(kAfterSentence + 1);
    ++generation_;
  }
  const auto id = static_cast<std::uint32_t>(words_.size());
  const WordInfo& info = words_.emplace_back(describe_word(word));
  add_unmatched_keys(info);
  Listed& listed = listed_.emplace_back();
  listed.opens_clause = info.casing == Casing::symbol && opens_clause(info.folded);
  const PhraseLexicon* lexicons[] = {lexicons_.places, lexicons_.names, lexicons_.cues};
  for (int l = 0; l < 3; ++l) {
    if (!lexicons[l]) continue;
    listed.facts[l] = lexicons[l]->facts(info.folded);
  }
  described_[word] = id;
  return id;
}

void FeatureExtractor::word_keys(std::uint32_t id, int offset, std::vector<std::uint32_t>& k) const {
  const WordInfo& w = words_[id];
  const bool full = set_ == FeatureSet::full;
  switch (offset) {
    case 0:
      k.push_back(key(kBias, 0));
      k.push_back(key(kShape, w.shape));
      k.push_back(key(kShortShape, w.short_shape));
      k.push_back(key(kMarks, (w.has_digit ? 1 : 0) | (w.has_hyphen ? 2 : 0) | (w.has_period ? 4 : 0) | (w.has_apostrophe ? 8 : 0)));
      if (!full) break;
      k.push_back(key(kForm, w.form));
      k.push_back(key(kFolded, w.folded));
      for (int a = 0; a < WordInfo::kAffixes && w.prefix[a]; ++a) {
        k.push_back(key(kPrefix + a, w.prefix[a]));
        k.push_back(key(kSuffix + a, w.suffix[a]));
      }
      break;
    case -1:
    case 1:
      k.push_back(key(offset < 0 ? kShapePrev : kShapeNext, w.short_shape));
      if (!full) break;
      k.push_back(key(offset < 0 ? kFoldedPrev : kFoldedNext, w.folded));
      k.push_back(key(offset < 0 ? kSuffixPrev : kSuffixNext, w.suffix[2]));
      break;
    case -2:
    case 2:
      if (full) k.push_back(key(offset < 0 ? kFoldedPrev2 : kFoldedNext2, w.folded));
      break;
  }
}

void FeatureExtractor::extract(std::span<const std::string_view> words, SentenceFeatures& out, bool with_word_keys) {
  // Every per-token array runs kReach positions past both ends of the sentence, with what stands
  // there (kBeforeSentence, kAfterSentence, no match), so that a token's neighbours need no test;
  // the pointers below index them by token.
  const std::size_t n = words.size();
  ids_.resize(n + 2 * kReach);
  folded_.resize(n + 2 * kReach);
  for (std::size_t j = 0; j < kReach; ++j) {
    ids_[j] = kBeforeSentence;
    ids_[n + kReach + j] = kAfterSentence;
  }
  const std::uint32_t* id = ids_.data() + kReach;
  for (std::size_t j = 0; j < n + 2 * kReach; ++j) {
    if (j >= kReach && j < n + kReach) ids_[j] = id_of(words[j - kReach]);
    folded_[j] = words_[ids_[j]].folded;
  }
  const std::uint64_t* folded = folded_.data() + kReach;
  const std::span<const std::uint64_t> sentence_folded(folded, n);
  const auto info = [&](std::ptrdiff_t i) -> const WordInfo& { return words_[id[i]]; };
  const PhraseLexicon* lexicons[] = {lexicons_.places, lexicons_.names, lexicons_.cues};
  std::vector<PhraseMatch>* matches[] = {&places_, &names_, &cues_};
  for (int l = 0; l < 3; ++l) {
    matches[l]->assign(n + 2 * kReach, PhraseMatch{});
    facts_[l].resize(n);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Listed& listed = listed_[id[i]];
    for (int l = 0; l < 3; ++l) facts_[l][i] = listed.facts[l];
  }
  for (int l = 0; l < 3; ++l) {
    if (lexicons[l]) lexicons[l]->match(sentence_folded, facts_[l], std::span(matches[l]->data() + kReach, n));
  }
  const PhraseMatch* places = places_.data() + kReach;
  const PhraseMatch* names = names_.data() + kReach;
  const PhraseMatch* cues = cues_.data() + kReach;
  traces_.resize(n);

  const bool full = set_ == FeatureSet::full;
  // Generic over the writer, so that where a small template's key goes is decided once, not per key.
  const auto each_token = [&](auto k) {
    // The hash of the pair of words ending at token i, the bigram key's value (feature_key), which
    // token i - 1 also needs: carried from one token to the next.
    std::uint64_t pair_before = full && n ? combine_hash(folded[-1], folded[0]) : 0;
    for (std::ptrdiff_t i = 0; i < static_cast<std::ptrdiff_t>(n); ++i) {
      const WordInfo& w = info(i);
      const bool initial = i == 0 || listed_[id[i - 1]].opens_clause;
      const std::uint64_t casing = static_cast<std::uint64_t>(w.casing) * 2 + (initial ? 1 : 0);
      traces_[static_cast<std::size_t>(i)] = {w.folded, w.casing, initial, w.has_apostrophe && w.length <= 3, (cues[i].classes & kCueCommon) != 0, kOutside};
      if (with_word_keys) {
        word_keys_.clear();
        for (int offset = -kReach; offset <= kReach; ++offset) word_keys(id[i + offset], offset, word_keys_);
        for (std::uint32_t word_key : word_keys_) k.add(word_key);
      }
      k.add(shape_windows_(info(i - 1).short_shape, w.short_shape, info(i + 1).short_shape));
      k.add(small_key<kCasingPosition, kCasings>(casing));
      k.add(small_key<kLengthCasing, kLengths, kCasings>(std::min<std::uint64_t>(w.length, 12), casing));
      if (places[i].position != PhrasePosition::none) k.add(match_key<kPlace, kCasings>(places[i], casing));
      k.add(match_pair_key<kPlacePrev>(places[i - 1], places[i]));
      k.add(match_pair_key<kPlaceNext>(places[i], places[i + 1]));
      if (names[i].position != PhrasePosition::none) k.add(match_key<kName, kCasings>(names[i], casing));
      k.add(match_pair_key<kNamePrev>(names[i - 1], names[i]));
      k.add(match_pair_key<kNameNext>(names[i], names[i + 1]));
      if (cues[i].position != PhrasePosition::none) k.add(match_key<kCue, kCasings>(cues[i], casing));
      k.add(small_key<kCueBefore, kClasses, kCasings>(cue_classes_ending(cues[i - 1]), casing));
      k.add(small_key<kCueBefore2, kClasses, kCasings>(cue_classes_ending(cues[i - 2]), casing));
      k.add(match_key<kCueAfter, kCasings>(cues[i + 1], casing));
      const Listed& listed = listed_[id[i]];
      if (listed.facts[0].classes) k.add(small_key<kPlaceToken, kClasses, kCasings>(listed.facts[0].classes, casing));
      if (listed.facts[1].classes) k.add(small_key<kNameToken, kClasses, kCasings>(listed.facts[1].classes, casing));
      if (full) {
        const UnmatchedKeys& before = unmatched_[id[i - 1]];
        const UnmatchedKeys& after = unmatched_[id[i + 1]];
        const std::uint64_t place = match_value(places[i]), name = match_value(names[i]);
        k.add(place == 0 ? before.before_place : key(kFoldedPrevPlace, folded[i - 1], place));
        k.add(place == 0 ? after.after_place : key(kPlaceFoldedNext, place, folded[i + 1]));
        k.add(name == 0 ? before.before_name : key(kFoldedPrevName, folded[i - 1], name));
        const std::uint64_t pair_after = combine_hash(w.folded, folded[i + 1]);
        k.add(key(kBigramPrev, pair_before));
        k.add(key(kBigramNext, pair_after));
        pair_before = pair_after;
        NeighbourKeys& before_keys = neighbour_keys_[id[i - 1]];
        NeighbourKeys& after_keys = neighbour_keys_[id[i + 1]];
        k.add(before_keys.folded_before.for_value(w.short_shape, [&] { return key(kFoldedPrevShape, folded[i - 1], w.short_shape); }));
        k.add(after_keys.folded_after.for_value(w.short_shape, [&] { return key(kShapeFoldedNext, w.short_shape, folded[i + 1]); }));
        k.add(before_keys.form_before.for_value(casing, [&] { return key(kFormPrev, info(i - 1).form, casing); }));
        k.add(after_keys.form_after.for_value(casing, [&] { return key(kFormNext, info(i + 1).form, casing); }));
      }
      k.end_token(static_cast<std::size_t>(i));
    }
    k.finish();
  };  const std::size_t most = kMostContextKeys + (with_word_keys ? kMostWordKeys : 0);
  if (out.slot_weights) {
    each_token(SlotSummingWriter(out, n, most));
  } else {
    each_token(KeyWriter(out, n, most));
  }
}

void context_features(std::span<const TokenTrace> sentence, const ContextWindow& window, SentenceFeatures& out) {
  KeyWriter k(out, sentence.size(), kMostSecondKeys);
  context_keys(sentence, window, k);
  k.finish();
}

}  // namespace cronaca
