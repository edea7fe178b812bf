#include "ner/features.h"

#include <algorithm>
#include <array>

#include "ner/flat_table.h"
#include "text/string_hash.h"

namespace cronaca {

namespace {

// Template identifiers are part of every key: renumbering them invalidates trained models.
enum Template : std::uint64_t {
  kBias = 1,
  kForm,
  kFolded,
  kFoldedPrev,
  kFoldedNext,
  kFoldedPrev2,
  kFoldedNext2,
  kPrefix,  // + length - 1, four of them
  kSuffix = kPrefix + WordInfo::kAffixes,
  kShape = kSuffix + WordInfo::kAffixes,
  kShortShape,
  kShapePrev,
  kShapeNext,
  kShapeWindow,
  kBigramPrev,
  kBigramNext,
  kFoldedPrevShape,
  kShapeFoldedNext,
  kCasingPosition,
  kLengthCasing,
  kMarks,
  kPlace,
  kPlacePrev,
  kPlaceNext,
  kOrganisation,
  kOrganisationPrev,
  kOrganisationNext,
  kCue,
  kCueBefore,
  kCueBefore2,
  kCueAfter,
  kSuffixPrev,
  kSuffixNext,
  kFormPrev,
  kFormNext,
  kPlaceToken,
  kOrganisationToken,
  kFoldedPrevPlace,
  kPlaceFoldedNext,
  kFoldedPrevOrganisation,
};

constexpr std::uint64_t kSentenceStart = 0x5354415254ull;  // stands for words before the sentence
constexpr std::uint64_t kSentenceEnd = 0x454e44ull;

std::uint32_t key(std::uint64_t tmpl, std::uint64_t value) {
  return FlatTable<std::uint32_t, std::uint32_t>::nonzero(static_cast<std::uint32_t>(combine_hash(tmpl, value)));
}
std::uint32_t key(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b) { return key(tmpl, combine_hash(a, b)); }
std::uint32_t key(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  return key(tmpl, combine_hash(combine_hash(a, b), c));
}

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

std::uint64_t match_value(const PhraseMatch& m) {
  return static_cast<std::uint64_t>(m.position) | (static_cast<std::uint64_t>(m.classes) << 8);
}

// The classes of a cue phrase that ends exactly at token i, or 0.
std::uint64_t cue_ending_at(std::span<const PhraseMatch> cues, std::ptrdiff_t i) {
  if (i < 0) return 0;
  const PhraseMatch& m = cues[static_cast<std::size_t>(i)];
  return m.position == PhrasePosition::end || m.position == PhrasePosition::single ? m.classes : 0;
}

}  // namespace

void FeatureExtractor::extract(std::span<const std::string_view> words, SentenceFeatures& out) {
  const std::size_t n = words.size();
  info_.resize(n);
  folded_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    info_[i] = describe_word(words[i]);
    folded_[i] = info_[i].folded;
  }
  const auto match = [&](const PhraseLexicon* lexicon, std::vector<PhraseMatch>& matches) {
    matches.assign(n, PhraseMatch{});
    if (lexicon) lexicon->match(folded_, matches);
  };
  match(lexicons_.places, places_);
  match(lexicons_.organisations, organisations_);
  match(lexicons_.cues, cues_);

  out.keys.clear();
  out.offsets.assign(1, 0);
  const bool full = set_ == FeatureSet::full;
  for (std::size_t i = 0; i < n; ++i) {
    const WordInfo& w = info_[i];
    const auto folded_at = [&](std::ptrdiff_t j) {
      return j < 0 ? kSentenceStart : j >= static_cast<std::ptrdiff_t>(n) ? kSentenceEnd : folded_[static_cast<std::size_t>(j)];
    };
    const auto shape_at = [&](std::ptrdiff_t j) {
      return j < 0 ? kSentenceStart : j >= static_cast<std::ptrdiff_t>(n) ? kSentenceEnd : info_[static_cast<std::size_t>(j)].short_shape;
    };
    const auto place_at = [&](std::ptrdiff_t j) {
      return j < 0 || j >= static_cast<std::ptrdiff_t>(n) ? 0 : match_value(places_[static_cast<std::size_t>(j)]);
    };
    const auto organisation_at = [&](std::ptrdiff_t j) {
      return j < 0 || j >= static_cast<std::ptrdiff_t>(n) ? 0 : match_value(organisations_[static_cast<std::size_t>(j)]);
    };
    const std::ptrdiff_t at = static_cast<std::ptrdiff_t>(i);
    const bool initial = i == 0 || (info_[i - 1].casing == Casing::symbol && opens_clause(folded_[i - 1]));
    const std::uint64_t casing = static_cast<std::uint64_t>(w.casing) * 2 + (initial ? 1 : 0);
    auto& k = out.keys;

    k.push_back(key(kBias, 0));
    k.push_back(key(kShape, w.shape));
    k.push_back(key(kShortShape, w.short_shape));
    k.push_back(key(kShapePrev, shape_at(at - 1)));
    k.push_back(key(kShapeNext, shape_at(at + 1)));
    k.push_back(key(kShapeWindow, shape_at(at - 1), w.short_shape, shape_at(at + 1)));
    k.push_back(key(kCasingPosition, casing));
    k.push_back(key(kLengthCasing, std::min<std::uint64_t>(w.length, 12), casing));
    k.push_back(key(kMarks, (w.has_digit ? 1 : 0) | (w.has_hyphen ? 2 : 0) | (w.has_period ? 4 : 0) | (w.has_apostrophe ? 8 : 0)));
    if (places_[i].position != PhrasePosition::none) k.push_back(key(kPlace, match_value(places_[i]), casing));
    k.push_back(key(kPlacePrev, place_at(at - 1), place_at(at)));
    k.push_back(key(kPlaceNext, place_at(at), place_at(at + 1)));
    if (organisations_[i].position != PhrasePosition::none) k.push_back(key(kOrganisation, match_value(organisations_[i]), casing));
    k.push_back(key(kOrganisationPrev, organisation_at(at - 1), organisation_at(at)));
    k.push_back(key(kOrganisationNext, organisation_at(at), organisation_at(at + 1)));
    if (cues_[i].position != PhrasePosition::none) k.push_back(key(kCue, match_value(cues_[i]), casing));
    k.push_back(key(kCueBefore, cue_ending_at(cues_, at - 1), casing));
    k.push_back(key(kCueBefore2, cue_ending_at(cues_, at - 2), casing));
    k.push_back(key(kCueAfter, i + 1 < n ? match_value(cues_[i + 1]) : 0, casing));
    const std::uint8_t place_classes = lexicons_.places ? lexicons_.places->token_classes(w.folded) : 0;
    const std::uint8_t organisation_classes = lexicons_.organisations ? lexicons_.organisations->token_classes(w.folded) : 0;
    if (place_classes) k.push_back(key(kPlaceToken, place_classes, casing));
    if (organisation_classes) k.push_back(key(kOrganisationToken, organisation_classes, casing));
    if (full) {
      k.push_back(key(kFoldedPrevPlace, folded_at(at - 1), place_at(at)));
      k.push_back(key(kPlaceFoldedNext, place_at(at), folded_at(at + 1)));
      k.push_back(key(kFoldedPrevOrganisation, folded_at(at - 1), organisation_at(at)));
      k.push_back(key(kForm, w.form));
      k.push_back(key(kFolded, w.folded));
      k.push_back(key(kFoldedPrev, folded_at(at - 1)));
      k.push_back(key(kFoldedNext, folded_at(at + 1)));
      k.push_back(key(kFoldedPrev2, folded_at(at - 2)));
      k.push_back(key(kFoldedNext2, folded_at(at + 2)));
      for (int a = 0; a < WordInfo::kAffixes && w.prefix[a]; ++a) {
        k.push_back(key(kPrefix + a, w.prefix[a]));
        k.push_back(key(kSuffix + a, w.suffix[a]));
      }
      k.push_back(key(kBigramPrev, folded_at(at - 1), w.folded));
      k.push_back(key(kBigramNext, w.folded, folded_at(at + 1)));
      k.push_back(key(kFoldedPrevShape, folded_at(at - 1), w.short_shape));
      k.push_back(key(kShapeFoldedNext, w.short_shape, folded_at(at + 1)));
      k.push_back(key(kSuffixPrev, i > 0 ? info_[i - 1].suffix[2] : kSentenceStart));
      k.push_back(key(kSuffixNext, i + 1 < n ? info_[i + 1].suffix[2] : kSentenceEnd));
      k.push_back(key(kFormPrev, i > 0 ? info_[i - 1].form : kSentenceStart, casing));
      k.push_back(key(kFormNext, i + 1 < n ? info_[i + 1].form : kSentenceEnd, casing));
    }
    out.offsets.push_back(static_cast<std::uint32_t>(k.size()));
  }
}

}  // namespace cronaca
