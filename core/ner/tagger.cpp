#include "ner/tagger.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "ner/context_keys.h"
#include "ner/feature_key.h"
#include "ner/viterbi.h"
#include "text/utf8.h"

namespace cronaca {

const char* label(EntityType type) {
  switch (type) {
    case EntityType::person: return "PER";
    case EntityType::location: return "LOC";
    case EntityType::organization: return "ORG";
  }
  return "?";
}

std::string_view label_name(std::uint8_t label) {
  static constexpr std::string_view kNames[kLabels] = {"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"};
  return label < kLabels ? kNames[label] : "O";
}

bool parse_label(std::string_view name, std::uint8_t& label) {
  for (std::uint8_t y = 0; y < kLabels; ++y) {
    if (label_name(y) == name) {
      label = y;
      return true;
    }
  }
  return false;
}

PhraseLexicon load_entity_cues(const Resources& resources, const LanguageProfile& profile) {
  PhraseLexicon cues;
  const std::string name = "lang/" + profile.code + "/entity-cues.txt";
  const std::string* list = resources.find(name);
  if (!list) return cues;
  for (std::string_view line : list_lines(*list)) {
    const std::size_t space = line.find(' ');
    static constexpr std::pair<std::string_view, CueClass> kClasses[] = {
        {"title", kCueTitle},         {"honorific", kCueTitle}, {"speech", kCueTitle},
        {"organisation", kCueOrganisation}, {"place", kCuePlace}, {"common", kCueCommon}};
    std::uint8_t bit = 0;
    for (const auto& [class_name, class_bit] : kClasses) {
      if (line.substr(0, space) == class_name) bit = class_bit;
    }
    if (bit == 0 || space == std::string_view::npos) {
      throw std::invalid_argument(name + ": \"" + std::string(line) + "\" is not CLASS phrase (title, honorific, speech, organisation, place, common)");
    }
    cues.add_tokenised(trim(line.substr(space)), bit);
  }
  return cues;
}

NerModel load_entity_model(const Resources& resources, const LanguageProfile& profile) {
  const std::string* bytes = profile.entity_model.empty() ? nullptr : resources.find(profile.entity_model);
  if (!bytes) throw std::invalid_argument("no entity model for language \"" + profile.code + "\"");
  NerModel model;
  std::string error;
  if (!read_model(*bytes, model, error)) throw std::invalid_argument(profile.entity_model + ": " + error);
  if (!profile.entity_names.empty()) {
    const std::string* names = resources.find(profile.entity_names);
    if (!names) throw std::invalid_argument("no name lists " + profile.entity_names + " for language \"" + profile.code + "\"");
    if (!read_names(*names, model.names, error)) throw std::invalid_argument(profile.entity_names + ": " + error);
  }
  return model;
}

EntityTagger::EntityTagger(const Resources& resources, const LanguageProfile& profile, const Places& places)
    : EntityTagger(load_entity_model(resources, profile), load_entity_cues(resources, profile), places,
                   profile.entity_names_capitalised) {}

EntityTagger::EntityTagger(NerModel model, PhraseLexicon cues, const Places& places, bool capitalised_names)
    : capitalised_names_(capitalised_names),
      model_(std::move(model)),
      keys_held_(model_.weights.size()),
      cues_(std::move(cues)),
      extractor_(model_.feature_set, {&places.names(), &model_.names, &cues_}) {
  if (model_.stages == 0 || model_.stages > kMaxStages) throw std::invalid_argument("an entity model needs one or two stages");
  model_.weights.for_each([this](std::uint32_t key, const StageWeights&) { keys_held_.add(key); });
  for (std::size_t stage = 0; stage < model_.stages; ++stage) {
    for (std::size_t i = 0; i < transitions_[stage].size(); ++i) transitions_[stage][i] = model_.transitions[stage][i];
    lane_transitions_[stage] = LaneTransitions(transitions_[stage]);
  }
  const std::vector<std::uint32_t>& slot_keys = small_keys();
  std::vector<std::uint32_t>& row_of_slot = slot_weights_.rows;
  std::vector<StageSums>& distinct = slot_weights_.sums;
  row_of_slot.resize(slot_keys.size());
  distinct.assign(1, StageSums{});
  FlatTable<std::uint32_t, std::uint32_t> rows;  // by key
  for (std::size_t slot = 0; slot < slot_keys.size(); ++slot) {
    const StageWeights* weights = model_.weights.find(slot_keys[slot]);
    if (!weights) continue;
    std::uint32_t& row = rows.insert(slot_keys[slot], static_cast<std::uint32_t>(distinct.size()));
    if (row == distinct.size()) {
      StageSums& sums = distinct.emplace_back();
      for (std::size_t stage = 0; stage < kMaxStages; ++stage) add_weights((*weights)[stage], sums[stage]);
    }
    row_of_slot[slot] = row;
  }
  features_.slot_weights = &slot_weights_;
}

// Adds the second stage's weights of a token's context keys to its emissions as they come, with
// no list of them in between.
struct EntityTagger::SecondStageSink {
  const EntityTagger& tagger;
  std::int32_t* emissions;
  LabelSums sums{};

  // Through a local copy: on the member itself, the compiler adds lane by lane in memory.
  void add(SmallKey key) {
    LabelSums local = sums;
    if (key.has_slot) {
      add_weights(tagger.slot_weights_.sums[tagger.slot_weights_.rows[key.slot]][1], local);
    } else if (const StageWeights* w = tagger.model_.weights.find(key.key)) {
      add_weights((*w)[1], local);
    }
    sums = local;
  }
  void end_token(std::size_t token) {
    for (std::uint8_t y = 0; y < kLabels; ++y) emissions[token * kLanes + lane_of(y)] += sums[y];
    sums = {};
  }
};

std::span<const std::vector<std::uint8_t>> EntityTagger::tag(std::span<const std::vector<std::string_view>> sentences) {
  const std::size_t count = sentences.size();
  const bool two_stages = model_.stages > 1;
  if (traces_.size() < count) {
    traces_.resize(count);
    labels_.resize(count);
    if (two_stages) second_emissions_.resize(count);
  }
  for (std::size_t s = 0; s < count; ++s) {
    extractor_.extract_context(sentences[s], features_);
    const std::span<const TokenTrace> traces = extractor_.traces();
    traces_[s].assign(traces.begin(), traces.end());
    score(features_, two_stages ? &second_emissions_[s] : nullptr);
    labels_[s].resize(traces.size());
    viterbi_lanes(emissions_, lane_transitions_[0], labels_[s], best_, back_);
    for (std::size_t i = 0; i < traces_[s].size(); ++i) traces_[s][i].label = labels_[s][i];
  }
  if (two_stages) {
    window_.slide(std::span<const std::vector<TokenTrace>>(traces_.data(), count), model_.context_window, [&](std::size_t s) {
      SecondStageSink sink{*this, second_emissions_[s].data()};
      context_keys(traces_[s], window_, sink);
      viterbi_lanes(second_emissions_[s], lane_transitions_[1], labels_[s], best_, back_);
    });
  }
  for (std::size_t s = 0; s < count; ++s) apply_mention_rules(traces_[s], labels_[s]);
  return std::span<const std::vector<std::uint8_t>>(labels_.data(), count);
}

void EntityTagger::score(const SentenceFeatures& context, std::vector<std::int32_t>* second) {
  const std::size_t n = context.size();
  emissions_.resize(n * kLanes);
  if (second) second->resize(n * kLanes);
  constexpr int kReach = FeatureExtractor::kReach;
  // Each word's sums made ready once, though five tokens add them; sum_word_scores() may grow
  // word_scores_, so it is read by id only afterwards.
  const std::span<const std::uint32_t> window = extractor_.word_window();
  if (word_scores_generation_ != extractor_.generation()) {
    std::fill(word_scores_ready_.begin(), word_scores_ready_.end(), 0);
    word_scores_generation_ = extractor_.generation();
  }
  for (std::uint32_t id : window) {
    if (id >= word_scores_ready_.size() || !word_scores_ready_[id]) sum_word_scores(id);
  }
  constexpr std::size_t kAhead = 2;  // tokens whose keys are on their way from memory
  for (std::size_t i = 0; i < std::min(n, kAhead); ++i) {
    for (std::uint32_t key : context.of(i)) model_.weights.prefetch(key);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (i + kAhead < n) {
      for (std::uint32_t key : context.of(i + kAhead)) model_.weights.prefetch(key);
    }
    StageSums sums{};
    // The word at `offset - kReach` from token i is window[i + offset].
    for (std::size_t offset = 0; offset <= 2 * kReach; ++offset) {
      const auto& by_stage = word_scores_[window[i + offset]][offset];
      for (std::size_t stage = 0; stage < kMaxStages; ++stage) add_weights(by_stage[stage], sums[stage]);
    }
    add_features(context, i, sums);
    for (std::size_t lane = 0; lane < kLanes; ++lane) emissions_[i * kLanes + lane] = sums[0][kLabelOfLane[lane]];
    if (second) {
      for (std::size_t lane = 0; lane < kLanes; ++lane) (*second)[i * kLanes + lane] = sums[1][kLabelOfLane[lane]];
    }
  }
}

// The sums are locals: through a reference the compiler would add lane by lane in memory.
void EntityTagger::add_features(const SentenceFeatures& features, std::size_t token, StageSums& sums) const {
  StageSums local = sums;
  const StageSums& small = features.slot_totals[token];
  for (std::size_t stage = 0; stage < kMaxStages; ++stage) add_weights(small[stage], local[stage]);
  sums = local;
  add_keys(features.of(token), sums);
}

void EntityTagger::add_keys(std::span<const std::uint32_t> keys, StageSums& sums) const {
  StageSums local = sums;
  for (std::uint32_t key : keys) {
    if (!keys_held_.may_hold(key)) continue;
    if (const StageWeights* w = model_.weights.find(key)) {
      for (std::size_t stage = 0; stage < kMaxStages; ++stage) add_weights((*w)[stage], local[stage]);
    }
  }
  sums = local;
}

void EntityTagger::sum_word_scores(std::uint32_t id) {
  if (id >= word_scores_.size()) {
    word_scores_.resize(std::max<std::size_t>(id + 1, word_scores_.size() * 2));
    word_scores_ready_.resize(word_scores_.size());
  }
  WordScores& scores = word_scores_[id];
  scores = {};
  for (int offset = -FeatureExtractor::kReach; offset <= FeatureExtractor::kReach; ++offset) {
    word_keys_.clear();
    extractor_.word_keys(id, offset, word_keys_);
    StageSums sums{};
    add_keys(word_keys_, sums);
    scores[static_cast<std::size_t>(offset + FeatureExtractor::kReach)] = sums;
  }
  word_scores_ready_[id] = 1;
}

void EntityTagger::apply_mention_rules(std::span<const TokenTrace> tokens, std::vector<std::uint8_t>& labels) const {
  const std::size_t n = labels.size();
  for (std::size_t begin = 0; begin < n;) {
    if (labels[begin] == kOutside) {
      ++begin;
      continue;
    }
    const EntityType type = type_of(labels[begin]);
    std::size_t end = begin + 1;
    while (end < n && is_inside(labels[end]) && type_of(labels[end]) == type) ++end;
    const std::size_t next = end;
    std::size_t first = begin, last = end;
    while (first < last && tokens[first].casing == Casing::symbol) ++first;
    // A closing "!" is part of a name ("Yahoo !", "Jeopardy !") when the model put it in one.
    static const std::uint64_t exclamation = folded_hash("!");
    const bool exclaims = last > first + 1 && tokens[last - 1].folded == exclamation && tokens[last - 2].casing != Casing::symbol;
    while (!exclaims && last > first && (tokens[last - 1].casing == Casing::symbol || tokens[last - 1].clitic)) --last;
    bool only_common = true;
    for (std::size_t i = first; i < last; ++i) only_common &= tokens[i].common;
    const bool capitalised = first < last && tokens[first].casing != Casing::lower && tokens[first].casing != Casing::symbol;
    if (only_common || (capitalised_names_ && !capitalised)) first = last;
    for (std::size_t i = begin; i < next; ++i) {
      labels[i] = i < first || i >= last ? kOutside : i == first ? begin_label(type) : static_cast<std::uint8_t>(begin_label(type) + 1);
    }
    begin = next;
  }
}

void append_mentions(std::span<const Token> tokens, std::span<const std::uint8_t> labels, std::vector<Mention>& out) {
  for (std::size_t i = 0; i < labels.size();) {
    if (labels[i] == kOutside) {
      ++i;
      continue;
    }
    const EntityType type = type_of(labels[i]);
    std::size_t end = i + 1;
    while (end < labels.size() && is_inside(labels[end]) && type_of(labels[end]) == type) ++end;
    out.push_back({tokens[i].begin, tokens[end - 1].end, type});
    i = end;
  }
}

}  // namespace cronaca
