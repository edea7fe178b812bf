#include "analysis/toolkit.h"

#include <stdexcept>

#include "events/event_builder.h"
#include "geo/places.h"
#include "ner/tagger.h"
#include "resolve/entity_resolver.h"
#include "segment/segmenter.h"
#include "time/temporal_tagger.h"

namespace cronaca {

Toolkit::Toolkit(const Resources& resources) : resources_(resources) {
  std::vector<std::string> errors;
  languages_ = Languages::load(resources, errors);
  if (!errors.empty()) throw std::invalid_argument("language resources are broken: " + errors.front());
  if (languages_.all().empty()) throw std::invalid_argument("no language resources were loaded (lang/*/language.json)");
}

Toolkit::~Toolkit() = default;

Segmenter& Toolkit::segmenter(const std::string& lang) {
  auto& segmenter = segmenters_[lang];
  if (!segmenter) segmenter = std::make_unique<Segmenter>(languages_.find(lang));
  return *segmenter;
}

const TemporalTagger* Toolkit::temporal_tagger(const std::string& lang) {
  auto [it, inserted] = temporal_taggers_.try_emplace(lang);
  if (inserted && TemporalTagger::available(resources_, lang)) it->second = std::make_unique<TemporalTagger>(resources_, lang);
  return it->second.get();
}

Places& Toolkit::places() {
  if (!places_) places_ = std::make_unique<Places>(resources_);
  return *places_;
}

EntityTagger* Toolkit::entity_tagger(const std::string& lang) {
  auto [it, inserted] = entity_taggers_.try_emplace(lang);
  const LanguageProfile* profile = languages_.find(lang);
  if (inserted && profile && !profile->entity_model.empty()) it->second = std::make_unique<EntityTagger>(resources_, *profile, places());
  return it->second.get();
}

const EventBuilder* Toolkit::event_builder(const std::string& lang) {
  auto [it, inserted] = event_builders_.try_emplace(lang);
  if (inserted && EventBuilder::available(resources_, lang)) {
    if (!category_relations_) category_relations_ = std::make_unique<CategoryRelations>(resources_);
    it->second = std::make_unique<EventBuilder>(resources_, lang, *category_relations_, languages_.find(lang));
  }
  return it->second.get();
}

EntityResolver& Toolkit::resolver() {
  if (!resolver_) resolver_ = std::make_unique<EntityResolver>(resources_, languages_, &places());
  return *resolver_;
}

void Toolkit::prepare() {
  for (const auto& profile : languages_.all()) {
    if (!profile->analysed) continue;
    segmenter(profile->code);
    temporal_tagger(profile->code);
    entity_tagger(profile->code);
    event_builder(profile->code);
  }
  resolver();
  places().named("");  // builds the index of place names
}

}  // namespace cronaca
