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
  return model;
}

EntityTagger::EntityTagger(const Resources& resources, const LanguageProfile& profile, const Places& places)
    : EntityTagger(load_entity_model(resources, profile), load_entity_cues(resources, profile), places,
                   profile.entity_names_capitalised) {}

EntityTagger::EntityTagger(NerModel model, PhraseLexicon cues, const Places& places, bool capitalised_names)
    : capitalised_names_(capitalised_names),
      model_(std::move(model)),
      cues_(std::move(cues)),
      extractor_(model_.feature_set, {&places.names(), &model_.organisations, &cues_}) {
  for (std::size_t i = 0; i < transitions_.size(); ++i) transitions_[i] = model_.transitions[i];
}

std::span<const std::uint8_t> EntityTagger::tag(std::span<const std::string_view> words) {
  const std::size_t n = words.size();
  labels_.resize(n);
  if (n == 0) return labels_;
  extractor_.extract(words, features_);
  emissions_.assign(n * kLabels, 0);
  for (std::size_t i = 0; i < n; ++i) {
    std::int32_t* scores = &emissions_[i * kLabels];
    for (std::uint32_t key : features_.of(i)) {
      if (const LabelWeights* w = model_.weights.find(key)) {
        for (int y = 0; y < kLabels; ++y) scores[y] += (*w)[y];
      }
    }
  }
  viterbi<std::int32_t>(emissions_, transitions_, labels_, best_, back_);
  apply_mention_rules();
  return labels_;
}

void EntityTagger::apply_mention_rules() {
  const std::span<const WordInfo> words = extractor_.words();
  const std::span<const PhraseMatch> cues = extractor_.cues();
  const std::size_t n = labels_.size();
  for (std::size_t begin = 0; begin < n;) {
    if (labels_[begin] == kOutside) {
      ++begin;
      continue;
    }
    const EntityType type = type_of(labels_[begin]);
    std::size_t end = begin + 1;
    while (end < n && is_inside(labels_[end]) && type_of(labels_[end]) == type) ++end;
    const std::size_t next = end;
    std::size_t first = begin, last = end;
    while (first < last && words[first].casing == Casing::symbol) ++first;
    while (last > first && (words[last - 1].casing == Casing::symbol || (words[last - 1].has_apostrophe && words[last - 1].length <= 3))) --last;
    bool only_common = true;
    for (std::size_t i = first; i < last; ++i) only_common &= (cues[i].classes & kCueCommon) != 0;
    const bool capitalised = first < last && words[first].casing != Casing::lower && words[first].casing != Casing::symbol;
    if (only_common || (capitalised_names_ && !capitalised)) first = last;
    for (std::size_t i = begin; i < next; ++i) {
      labels_[i] = i < first || i >= last ? kOutside : i == first ? begin_label(type) : static_cast<std::uint8_t>(begin_label(type) + 1);
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
