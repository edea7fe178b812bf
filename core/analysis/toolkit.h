#pragma once
// What analysis is done with, apart from the corpus: each language's segmenter, temporal tagger,
// entity tagger and event builder, the gazetteer and the entity resolver. Loading them is most of
// the cost of a first, small analysis, so one toolkit serves every Analyzer that shares it (the
// page analyses the workspace again after each correction) and can be loaded ahead of need.
// Each piece is loaded when first asked for. Not thread-safe: one toolkit per thread.
#include <map>
#include <memory>
#include <string>

#include "lang/language.h"
#include "resources/resources.h"

namespace cronaca {

class CategoryRelations;
class EntityResolver;
class EntityTagger;
class EventBuilder;
class Places;
class Segmenter;
class TemporalTagger;

class Toolkit {
 public:
  // `resources` must outlive the toolkit. Throws std::invalid_argument when the language
  // resources are broken or missing.
  explicit Toolkit(const Resources& resources);
  ~Toolkit();
  Toolkit(const Toolkit&) = delete;
  Toolkit& operator=(const Toolkit&) = delete;

  const Resources& resources() const { return resources_; }
  const Languages& languages() const { return languages_; }

  Segmenter& segmenter(const std::string& lang);
  // Null when the language has no temporal resources, entity model or event words.
  const TemporalTagger* temporal_tagger(const std::string& lang);
  EntityTagger* entity_tagger(const std::string& lang);
  const EventBuilder* event_builder(const std::string& lang);
  EntityResolver& resolver();

  // Loads everything every analysed language needs, now.
  void prepare();

 private:
  Places& places();

  const Resources& resources_;
  Languages languages_;
  std::map<std::string, std::unique_ptr<Segmenter>> segmenters_;
  std::map<std::string, std::unique_ptr<TemporalTagger>> temporal_taggers_;
  std::map<std::string, std::unique_ptr<EntityTagger>> entity_taggers_;
  std::map<std::string, std::unique_ptr<EventBuilder>> event_builders_;
  std::unique_ptr<Places> places_;
  std::unique_ptr<CategoryRelations> category_relations_;
  std::unique_ptr<EntityResolver> resolver_;
};

}  // namespace cronaca
