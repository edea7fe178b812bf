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

// The lazily built parts are recorded only once built: when building one throws (out of memory
// in the browser), the next document tries again instead of finding a null entry and silently
// skipping the stage.
const TemporalTagger* Toolkit::temporal_tagger(const std::string& lang) {
  if (const auto found = temporal_taggers_.find(lang); found != temporal_taggers_.end()) return found->second.get();
  std::unique_ptr<TemporalTagger> tagger;
  if (TemporalTagger::available(resources_, lang)) tagger = std::make_unique<TemporalTagger>(resources_, lang);
  return temporal_taggers_.emplace(lang, std::move(tagger)).first->second.get();
}

Places& Toolkit::places() {
  if (!places_) places_ = std::make_unique<Places>(resources_);
  return *places_;
}

EntityTagger* Toolkit::entity_tagger(const std::string& lang) {
  if (const auto found = entity_taggers_.find(lang); found != entity_taggers_.end()) return found->second.get();
  const LanguageProfile* profile = languages_.find(lang);
  std::unique_ptr<EntityTagger> tagger;
  if (profile && !profile->entity_model.empty()) tagger = std::make_unique<EntityTagger>(resources_, *profile, places());
  return entity_taggers_.emplace(lang, std::move(tagger)).first->second.get();
}

const EventBuilder* Toolkit::event_builder(const std::string& lang) {
  if (const auto found = event_builders_.find(lang); found != event_builders_.end()) return found->second.get();
  std::unique_ptr<EventBuilder> builder;
  if (EventBuilder::available(resources_, lang)) {
    if (!category_relations_) category_relations_ = std::make_unique<CategoryRelations>(resources_);
    builder = std::make_unique<EventBuilder>(resources_, lang, *category_relations_, languages_.find(lang));
  }
  return event_builders_.emplace(lang, std::move(builder)).first->second.get();
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
