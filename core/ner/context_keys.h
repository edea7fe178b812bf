#pragma once
// The tagger's feature templates, and the second stage's keys of a sentence given one by one to
// a sink: context_features (features.h) writes them down for the trainer, the tagger adds their
// weights as they come.
#include <cstdint>
#include <span>

#include "ner/context_window.h"
#include "ner/feature_key.h"
#include "ner/labels.h"

namespace cronaca {

namespace feature_templates {

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
  kName,
  kNamePrev,
  kNameNext,
  kCue,
  kCueBefore,
  kCueBefore2,
  kCueAfter,
  kSuffixPrev,
  kSuffixNext,
  kFormPrev,
  kFormNext,
  kPlaceToken,
  kNameToken,
  kFoldedPrevPlace,
  kPlaceFoldedNext,
  kFoldedPrevName,
  // The second stage's.
  kFirstLabel,
  kFirstLabelWindow,
  kContextNone,
  kContextMajority,
  kContextTypes,
  kContextPosition,
  kContextCasing,
  kContextMajorityWindow,
  kFirstLabelContext,
};

// The sizes of small value domains (feature_key.h): casing x sentence-initial, lengths up to 12,
// cue and lexicon classes, labels with the sentence edge, the second stage's verdicts.
inline constexpr std::size_t kCasings = 12, kLengths = 13, kClasses = 16, kEdgeLabels = kLabels + 1, kVerdicts = 2 + kEntityTypes;

// The first stage's verdict on a form elsewhere: 0 no other occurrence, 1 always outside a
// mention, 2 + type for the type most of its mentions have.
inline std::uint64_t majority(const FormCounts& c) {
  std::uint32_t by_type[kEntityTypes] = {};
  std::uint32_t mentions = 0;
  for (int y = 1; y < kLabels; ++y) {
    by_type[static_cast<int>(type_of(static_cast<std::uint8_t>(y)))] += c.labels[y];
    mentions += c.labels[y];
  }
  if (mentions == 0) return c.labels[kOutside] ? 1 : 0;
  int best = 0;
  for (int t = 1; t < kEntityTypes; ++t) best = by_type[t] > by_type[best] ? t : best;
  return 2 + static_cast<std::uint64_t>(best);
}

inline std::uint64_t bucket(std::uint32_t count) { return count < 2 ? count : 2; }

}  // namespace feature_templates

// The second stage's own keys for one sentence: the first stage's labels of its tokens, and what
// `window` says of the same forms elsewhere (the sentence must be in the window). For each token
// i in order, sink.add(SmallKey) for each of its keys, then sink.end_token(i).
template <class Sink>
void context_keys(std::span<const TokenTrace> sentence, const ContextWindow& window, Sink& k) {
  using namespace feature_templates;
  const std::size_t n = sentence.size();
  std::uint64_t verdicts[3] = {0, 0, 0};  // the previous, this and the next token's majority
  FormCounts next = n ? window.others(sentence[0]) : FormCounts{};
  verdicts[2] = majority(next);
  for (std::size_t i = 0; i < n; ++i) {
    const TokenTrace& t = sentence[i];
    const FormCounts c = next;
    verdicts[0] = verdicts[1];
    verdicts[1] = verdicts[2];
    next = i + 1 < n ? window.others(sentence[i + 1]) : FormCounts{};
    verdicts[2] = i + 1 < n ? majority(next) : 0;
    const std::uint64_t casing = static_cast<std::uint64_t>(t.casing) * 2 + (t.initial ? 1 : 0);
    const std::uint64_t label = t.label, previous = i ? sentence[i - 1].label : kLabels, following = i + 1 < n ? sentence[i + 1].label : kLabels;
    k.add(small_key<kFirstLabel, kLabels>(label));
    k.add(small_key<kFirstLabelWindow, kEdgeLabels, kLabels, kEdgeLabels>(previous, label, following));
    k.add(small_key<kContextMajorityWindow, kVerdicts, kVerdicts, kVerdicts>(verdicts[0], verdicts[1], verdicts[2]));
    k.add(small_key<kFirstLabelContext, kLabels, kVerdicts>(label, verdicts[1]));
    std::uint32_t total = 0, by_type[kEntityTypes] = {}, begins = 0, insides = 0;
    for (int y = 0; y < kLabels; ++y) total += c.labels[y];
    if (total == 0 && c.lower == 0) {
      k.add(small_key<kContextNone, kCasings>(casing));
    } else {
      std::uint64_t seen = c.labels[kOutside] ? 1 : 0;
      for (int y = 1; y < kLabels; ++y) {
        const int type = static_cast<int>(type_of(static_cast<std::uint8_t>(y)));
        by_type[type] += c.labels[y];
        if (c.labels[y]) seen |= 2u << type;
        if (verdicts[1] == 2u + static_cast<std::uint64_t>(type)) (is_begin(static_cast<std::uint8_t>(y)) ? begins : insides) += c.labels[y];
      }
      const std::uint32_t agreeing = verdicts[1] >= 2 ? by_type[verdicts[1] - 2] : c.labels[kOutside];
      const std::uint64_t share = agreeing == total ? 0 : agreeing * 2 > total ? 1 : 2;
      k.add(small_key<kContextMajority, kVerdicts * 4, kCasings>(verdicts[1] * 4 + share, casing));
      k.add(small_key<kContextTypes, 2 << kEntityTypes, kCasings>(seen, casing));
      k.add(small_key<kContextPosition, kVerdicts, 4>(verdicts[1], (begins ? 1 : 0) | (insides ? 2 : 0)));
      k.add(small_key<kContextCasing, 9, kCasings>(bucket(c.lower) * 3 + bucket(c.capitalised_inner), casing));
    }
    k.end_token(i);
  }
}

}  // namespace cronaca
