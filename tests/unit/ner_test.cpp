#include <catch2/catch.hpp>

#include "ner/model.h"
#include "ner/phrase_lexicon.h"
#include "ner/tagger.h"
#include "ner/viterbi.h"
#include "ner/word_info.h"
#include "resources/binary_io.h"
#include "test_resources.h"

using namespace cronaca;

namespace {
std::vector<std::uint64_t> folded(std::initializer_list<const char*> words) {
  std::vector<std::uint64_t> out;
  for (const char* w : words) out.push_back(folded_hash(w));
  return out;
}

std::vector<std::string> tags(EntityTagger& tagger, const std::vector<std::string_view>& words) {
  std::vector<std::string> out;
  for (std::uint8_t label : tagger.tag(words)) out.emplace_back(label_name(label));
  return out;
}

const LanguageProfile& profile(const char* code) {
  static const Languages languages = [] {
    std::vector<std::string> errors;
    return Languages::load(test::shipped_resources(), errors);
  }();
  return *languages.find(code);
}
}  // namespace

TEST_CASE("words are described by casing, shape and affixes") {
  const WordInfo roma = describe_word("Roma"), pisa = describe_word("Pisa"), nato = describe_word("NATO");
  CHECK(roma.casing == Casing::capitalised);
  CHECK(nato.casing == Casing::upper);
  CHECK(describe_word("iPhone").casing == Casing::mixed);
  CHECK(describe_word("2022").casing == Casing::number);
  CHECK(describe_word("«").casing == Casing::symbol);
  CHECK(roma.shape == pisa.shape);
  CHECK(roma.shape != nato.shape);
  CHECK(roma.form != describe_word("roma").form);
  CHECK(roma.folded == describe_word("ROMA").folded);
  CHECK(roma.folded == folded_hash("Roma"));
  CHECK(roma.suffix[1] == describe_word("Gomma").suffix[1]);  // "ma"
  CHECK(describe_word("Città").length == 5);
  CHECK(describe_word("dell'").has_apostrophe);
}

TEST_CASE("phrases match leftmost-longest, case-folded, and survive a round trip") {
  PhraseLexicon lexicon;
  lexicon.add_tokenised("Costa d' Avorio", 1);
  lexicon.add_tokenised("Costa", 2);
  lexicon.add_tokenised("Roma", 2);
  const auto sentence = folded({"la", "costa", "d'", "Avorio", "e", "Roma"});
  std::vector<PhraseMatch> matches(sentence.size());
  lexicon.match(sentence, matches);
  CHECK(matches[0].position == PhrasePosition::none);
  CHECK(matches[1].position == PhrasePosition::begin);
  CHECK(matches[2].position == PhrasePosition::inside);
  CHECK(matches[3].position == PhrasePosition::end);
  CHECK(matches[3].classes == 1);
  CHECK(matches[5].position == PhrasePosition::single);
  CHECK(lexicon.classes_of(folded({"Costa"})) == 2);
  CHECK(lexicon.classes_of(folded({"Avorio"})) == 0);

  std::string bytes;
  ByteWriter writer(bytes);
  lexicon.write(writer);
  PhraseLexicon copy;
  ByteReader reader(bytes);
  REQUIRE(copy.read(reader));
  CHECK(reader.at_end());
  CHECK(copy.classes_of(folded({"costa", "d'", "avorio"})) == 1);
  CHECK(copy.size() == lexicon.size());
}

TEST_CASE("Viterbi never continues an entity that did not begin") {
  // The emissions want I-PER everywhere; the only valid reading starts with B-PER.
  std::vector<int> emissions(3 * kLabels, 0);
  for (int t = 0; t < 3; ++t) emissions[t * kLabels + 2] = 10;
  std::vector<int> transitions((kLabels + 1) * kLabels, 0);
  std::vector<std::uint8_t> path(3), back;
  std::vector<int> best;
  viterbi<int>(emissions, transitions, path, best, back);
  CHECK(label_name(path[0]) == "B-PER");
  CHECK(label_name(path[1]) == "I-PER");
  CHECK(may_follow(begin_label(EntityType::location), begin_label(EntityType::location) + 1));
  CHECK_FALSE(may_follow(kOutside, begin_label(EntityType::location) + 1));
  CHECK_FALSE(may_follow(begin_label(EntityType::person), begin_label(EntityType::location) + 1));
}

TEST_CASE("labels parse and print") {
  std::uint8_t label = 0;
  CHECK(parse_label("I-ORG", label));
  CHECK(label_name(label) == "I-ORG");
  CHECK(type_of(label) == EntityType::organization);
  CHECK_FALSE(parse_label("B-MISC", label));
}

TEST_CASE("a model round-trips through its binary form, and damage is reported") {
  NerModel model;
  model.metadata = R"({"language":"it"})";
  model.feature_set = FeatureSet::neutral;
  model.transitions[3] = -500;
  model.weights.insert(42, LabelWeights{1, -2, 3, 0, 0, 0, 127, 0});
  model.weights.insert(7, LabelWeights{0, 0, 0, 0, -128, 0, 0, 0});
  model.organisations.add_tokenised("Banca d' Italia", 1);
  const std::string bytes = write_model(model);

  NerModel copy;
  std::string error;
  REQUIRE(read_model(bytes, copy, error));
  CHECK(copy.metadata == model.metadata);
  CHECK(copy.feature_set == FeatureSet::neutral);
  CHECK(copy.transitions == model.transitions);
  CHECK(*copy.weights.find(42) == LabelWeights{1, -2, 3, 0, 0, 0, 127, 0});
  CHECK((*copy.weights.find(7))[4] == -128);
  CHECK(copy.weights.find(8) == nullptr);
  CHECK(copy.organisations.classes_of(folded({"banca", "d'", "italia"})) == 1);

  CHECK_FALSE(read_model(bytes.substr(0, bytes.size() - 1), copy, error));
  CHECK(error.find("truncated") != std::string::npos);
  CHECK_FALSE(read_model("CRNNER02", copy, error));
}

TEST_CASE("the tagger decodes what its weights say, then applies the mention rules") {
  // A model whose weights favour B-PER I-PER O for exactly this sentence's features.
  const std::vector<std::string_view> words = {"Mario", "Rossi", "parla", "lunedì"};
  Places places(Resources{});
  PhraseLexicon cues;
  cues.add_tokenised("lunedì", kCueCommon);
  FeatureExtractor extractor(FeatureSet::full, {&places.names(), nullptr, &cues});
  SentenceFeatures features;
  extractor.extract(words, features);
  NerModel model;
  const std::uint8_t wanted[] = {begin_label(EntityType::person), begin_label(EntityType::person) + 1, kOutside,
                                 begin_label(EntityType::location)};
  for (std::size_t t = 0; t < words.size(); ++t) {
    for (std::uint32_t key : features.of(t)) {
      LabelWeights weights{};
      weights[wanted[t]] = 5;
      model.weights.insert(key, weights);
    }
  }
  EntityTagger tagger(std::move(model), std::move(cues), places);
  // "lunedì" scored as a place, but a mention made only of a common word is none.
  CHECK(tags(tagger, words) == std::vector<std::string>{"B-PER", "I-PER", "O", "O"});
  CHECK(tagger.tag({}).empty());
}

TEST_CASE("mentions are the B/I runs of a tagged sentence") {
  const std::vector<Token> tokens = {{0, 5}, {6, 11}, {12, 17}, {18, 23}, {24, 29}};
  std::vector<std::uint8_t> labels = {begin_label(EntityType::person), begin_label(EntityType::person) + 1, kOutside,
                                      begin_label(EntityType::location) + 1, begin_label(EntityType::organization)};
  std::vector<Mention> mentions;
  append_mentions(tokens, labels, mentions);
  REQUIRE(mentions.size() == 3);
  CHECK(mentions[0].begin == 0);
  CHECK(mentions[0].end == 11);
  CHECK(mentions[1].type == EntityType::location);  // an I- without its B- still starts one
  CHECK(mentions[2].begin == 24);
}

TEST_CASE("the shipped Italian and English models find people and places") {
  Places places(test::shipped_resources());
  EntityTagger italian(test::shipped_resources(), profile("it"), places);
  CHECK(tags(italian, {"Il", "presidente", "Vladimir", "Putin", "è", "arrivato", "a", "Mosca", "."}) ==
        std::vector<std::string>{"O", "O", "B-PER", "I-PER", "O", "O", "O", "B-LOC", "O"});
  EntityTagger english(test::shipped_resources(), profile("en"), places);
  CHECK(tags(english, {"On", "Monday", ",", "President", "Bill", "Clinton", "flew", "to", "Moscow", "."}) ==
        std::vector<std::string>{"O", "O", "O", "O", "B-PER", "I-PER", "O", "O", "B-LOC", "O"});
}

TEST_CASE("cue lists are checked") {
  Resources resources;
  resources.add_file("lang/xx/entity-cues.txt", "title presidente\nnonsense here\n");
  LanguageProfile xx;
  xx.code = "xx";
  CHECK_THROWS_WITH(load_entity_cues(resources, xx), Catch::Contains("nonsense here"));
  xx.entity_model = "models/missing.bin";
  const Resources empty;
  CHECK_THROWS_WITH(EntityTagger(empty, xx, Places(empty)), Catch::Contains("no entity model"));
}
