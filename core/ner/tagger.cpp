#include "ner/tagger.h"

#include <stdexcept>
#include <utility>

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
      cues_(std::move(cues)),
      extractor_(model_.feature_set, {&places.names(), &model_.names, &cues_}) {
  if (model_.stages.empty()) throw std::invalid_argument("an entity model needs at least one stage");
  for (const NerStage& stage : model_.stages) {
    Transitions& t = transitions_.emplace_back();
    for (std::size_t i = 0; i < t.size(); ++i) t[i] = stage.transitions[i];
  }
}

std::span<const std::vector<std::uint8_t>> EntityTagger::tag(std::span<const std::vector<std::string_view>> sentences) {
  const std::size_t count = sentences.size();
  if (features_.size() < count) {
    features_.resize(count);
    traces_.resize(count);
    labels_.resize(count);
  }
  for (std::size_t s = 0; s < count; ++s) {
    extractor_.extract(sentences[s], features_[s]);
    const std::span<const TokenTrace> traces = extractor_.traces();
    traces_[s].assign(traces.begin(), traces.end());
    decode(0, features_[s], nullptr, labels_[s]);
    for (std::size_t i = 0; i < traces_[s].size(); ++i) traces_[s][i].label = labels_[s][i];
  }
  if (model_.stages.size() > 1) {
    window_.slide(std::span<const std::vector<TokenTrace>>(traces_.data(), count), model_.context_window, [&](std::size_t s) {
      context_features(traces_[s], window_, context_);
      decode(1, features_[s], &context_, labels_[s]);
    });
  }
  for (std::size_t s = 0; s < count; ++s) apply_mention_rules(traces_[s], labels_[s]);
  return std::span<const std::vector<std::uint8_t>>(labels_.data(), count);
}

void EntityTagger::decode(std::size_t stage, const SentenceFeatures& features, const SentenceFeatures* context,
                          std::vector<std::uint8_t>& labels) {
  const std::size_t n = features.offsets.size() - 1;
  const FlatTable<std::uint32_t, LabelWeights>& weights = model_.stages[stage].weights;
  labels.resize(n);
  if (n == 0) return;
  emissions_.assign(n * kLabels, 0);
  const auto add = [&](std::int32_t* scores, std::span<const std::uint32_t> keys) {
    for (std::uint32_t key : keys) {
      if (const LabelWeights* w = weights.find(key)) {
        for (int y = 0; y < kLabels; ++y) scores[y] += (*w)[y];
      }
    }
  };
  for (std::size_t i = 0; i < n; ++i) {
    add(&emissions_[i * kLabels], features.of(i));
    if (context) add(&emissions_[i * kLabels], context->of(i));
  }
  viterbi<std::int32_t>(emissions_, transitions_[stage], labels, best_, back_);
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
    while (last > first && (tokens[last - 1].casing == Casing::symbol || tokens[last - 1].clitic)) --last;
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
