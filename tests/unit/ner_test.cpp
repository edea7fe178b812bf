#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>

#include <unicode/uchar.h>

#include "ner/context_window.h"
#include "ner/feature_key.h"
#include "ner/key_filter.h"
#include "ner/model.h"
#include "ner/phrase_lexicon.h"
#include "ner/tagger.h"
#include "ner/viterbi.h"
#include "ner/word_info.h"
#include "resources/binary_io.h"
#include "test_resources.h"
#include "text/string_hash.h"
#include "text/utf8.h"

using namespace cronaca;

namespace {
std::vector<std::uint64_t> folded(std::initializer_list<const char*> words) {
  std::vector<std::uint64_t> out;
  for (const char* w : words) out.push_back(folded_hash(w));
  return out;
}

// The tags of a one-sentence document.
std::vector<std::string> tags(EntityTagger& tagger, const std::vector<std::string_view>& words) {
  const std::vector<std::vector<std::string_view>> document = {words};
  std::vector<std::string> out;
  for (std::uint8_t label : tagger.tag(document)[0]) out.emplace_back(label_name(label));
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

namespace {
// describe_word as first written, a byte of FNV-1a at a time and ICU for every code point: the
// hashes trained models key on, which a faster describe_word must reproduce.
WordInfo reference_description(std::string_view word) {
  const auto hash_code_point = [](std::uint64_t hash, char32_t cp) {
    for (int shift = 0; shift < 32; shift += 8) hash = fnv1a_byte(hash, static_cast<unsigned char>((cp >> shift) & 0xFF));
    return hash;
  };
  const auto shape_of = [](char32_t cp) -> char32_t {
    if (u_isupper(cp) || u_istitle(cp)) return 'X';
    if (u_isalpha(cp)) return 'x';
    if (u_isdigit(cp)) return 'd';
    return cp < 0x80 ? cp : U'o';
  };
  std::vector<char32_t> folded, shapes;
  WordInfo info;
  info.form = info.folded = info.shape = info.short_shape = kFnvOffset;
  int uppers = 0, lowers = 0, digits = 0;
  for (std::size_t pos = 0; pos < word.size();) {
    const char32_t cp = decode_utf8(word, pos);
    folded.push_back(u_foldCase(cp, U_FOLD_CASE_DEFAULT));
    shapes.push_back(shape_of(cp));
    info.form = hash_code_point(info.form, cp);
    info.folded = hash_code_point(info.folded, folded.back());
    if (folded.size() <= WordInfo::kAffixes) info.prefix[folded.size() - 1] = info.folded;
    if (shapes.size() <= 8) info.shape = hash_code_point(info.shape, shapes.back());
    if (shapes.size() == 1 || shapes.back() != shapes[shapes.size() - 2]) info.short_shape = hash_code_point(info.short_shape, shapes.back());
    uppers += shapes.back() == 'X';
    lowers += shapes.back() == 'x';
    digits += shapes.back() == 'd';
    info.has_hyphen |= cp == U'-' || cp == U'\u2010' || cp == U'\u2011' || cp == U'\u2013';
    info.has_period |= cp == '.';
    info.has_apostrophe |= cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC';
  }
  const std::size_t count = folded.size();
  for (std::size_t k = 1; k <= WordInfo::kAffixes && k <= count; ++k) {
    info.suffix[k - 1] = kFnvOffset;
    for (std::size_t i = count - k; i < count; ++i) info.suffix[k - 1] = hash_code_point(info.suffix[k - 1], folded[i]);
  }
  if (count > 8) {
    info.shape = fnv1a_byte(info.shape, '~');
    for (std::size_t i = count - std::min<std::size_t>(count - 8, 4); i < count; ++i) info.shape = hash_code_point(info.shape, shapes[i]);
  }
  info.length = static_cast<std::uint8_t>(std::min<std::size_t>(count, 255));
  info.has_digit = digits > 0;
  if (uppers + lowers == 0) {
    info.casing = digits > 0 ? Casing::number : Casing::symbol;
  } else if (lowers == 0) {
    info.casing = uppers > 1 ? Casing::upper : Casing::capitalised;
  } else if (uppers == 0) {
    info.casing = Casing::lower;
  } else {
    info.casing = shapes[0] == 'X' ? Casing::capitalised : Casing::mixed;
  }
  return info;
}

void check_same_description(const std::string& word) {
  INFO(word);
  const WordInfo got = describe_word(word), want = reference_description(word);
  CHECK(got.form == want.form);
  CHECK(got.folded == want.folded);
  CHECK(got.folded == folded_hash(word));
  for (int a = 0; a < WordInfo::kAffixes; ++a) {
    CHECK(got.prefix[a] == want.prefix[a]);
    CHECK(got.suffix[a] == want.suffix[a]);
  }
  CHECK(got.shape == want.shape);
  CHECK(got.short_shape == want.short_shape);
  CHECK(got.casing == want.casing);
  CHECK(got.length == want.length);
  CHECK(got.has_digit == want.has_digit);
  CHECK(got.has_hyphen == want.has_hyphen);
  CHECK(got.has_period == want.has_period);
  CHECK(got.has_apostrophe == want.has_apostrophe);
}
}  // namespace

TEST_CASE("word descriptions keep the hashes the models were trained on") {
  // Values of the first describe_word, which the shipped models' keys are made of.
  struct Known {
    const char* word;
    std::uint64_t form, folded, suffix4, shape, short_shape;
  };
  const Known known[] = {
      {"Roma", 0x71ea649934a9e314ull, 0x2301d3805731a334ull, 0x2301d3805731a334ull, 0x373070ec780b7c05ull, 0x4f7c4285d5520785ull},
      {"città", 0x29af64edde41730full, 0x29af64edde41730full, 0xf585842a4f69716cull, 0x3ccc02096afa7cadull, 0x4bfb1852798f53adull},
      {"CITTÀ", 0xbaafb3df9ed677afull, 0x29af64edde41730full, 0xf585842a4f69716cull, 0xc8785951614c124dull, 0x4b50995d4046e5cdull},
      {"dell'", 0x172e1c9ba0ed7643ull, 0x172e1c9ba0ed7643ull, 0x010a60c0d158f997ull, 0x5eb0db12c5e07522ull, 0x905dfd08c319a92aull},
      {"2022", 0x458c35c1e0bf2bc7ull, 0x458c35c1e0bf2bc7ull, 0x458c35c1e0bf2bc7ull, 0xfc91d0527b6eb7e5ull, 0xcc9047690baeb3d1ull},
      {"«", 0xeaf605eaf9d86b6eull, 0xeaf605eaf9d86b6eull, 0, 0x6c6053b4139254eaull, 0x6c6053b4139254eaull},
      {"iPhone", 0x5b9266e0c12a8550ull, 0x727e990a87fe5770ull, 0x427a21eacdef0f69ull, 0xc4909282b879f2c5ull, 0xb1df16365bcbc00dull},
      {"Ünïcödé-Straße", 0xccbc0c9d9d82ac43ull, 0xcebf248ee2e841c3ull, 0xc7e6ed8328f349ccull, 0x0b75e7d1a51d9cfaull, 0x87019c0db60c4988ull},
      {"\xF0\x9F\x98\x80x", 0x83631febbf3e7062ull, 0x83631febbf3e7062ull, 0, 0x24db99a31a371eb2ull, 0x24db99a31a371eb2ull},
      {"\xC7\x84" "emal", 0x88a32e7be16ba333ull, 0x47e1e9f8db1f1b5dull, 0x6cceab10b1033eb0ull, 0x53b8343331ce4ecdull, 0x4f7c4285d5520785ull},
      {"\xFF\xFE", 0x1037fa6ee2283a55ull, 0x1037fa6ee2283a55ull, 0, 0x0520dd36b97c8b55ull, 0x6c6053b4139254eaull},
      {"internazionalizzazione", 0xcb894ef9c8132e4eull, 0xcb894ef9c8132e4eull, 0x9f62b93d369bcb28ull, 0x169ab52e50eb80a1ull, 0x4bfb1852798f53adull},
  };
  for (const Known& k : known) {
    INFO(k.word);
    const WordInfo w = describe_word(k.word);
    CHECK(w.form == k.form);
    CHECK(w.folded == k.folded);
    CHECK(w.suffix[3] == k.suffix4);
    CHECK(w.shape == k.shape);
    CHECK(w.short_shape == k.short_shape);
    check_same_description(k.word);
  }
  // Random words of ASCII, Latin, Greek, CJK, astral code points and stray bytes.
  const char* pieces[] = {"a", "Z", "7", ".", "-", "'", "\xE2\x80\x99", "\xC3\xA0", "\xC3\x80", "\xC3\x9F", "\xCE\xA3", "\xCF\x82",
                          "\xE4\xB8\xAD", "\xF0\x9D\x90\x80", "\xF0\x9F\x98\x80", "\xE2\x80\x93", "\xC7\x85", "\x80", "\xE4\xB8"};
  std::mt19937 random(11);
  for (int i = 0; i < 2000; ++i) {
    std::string word;
    const int length = 1 + static_cast<int>(random() % 16);
    for (int j = 0; j < length; ++j) word += pieces[random() % std::size(pieces)];
    check_same_description(word);
  }
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

TEST_CASE("phrase matching from each token's facts finds the leftmost-longest phrases found by trying every span") {
  std::mt19937 random(11);
  const auto word = [&] { return static_cast<std::uint64_t>(random() % 9) * 0x9e3779b97f4a7c15ull + 1; };
  for (int round = 0; round < 200; ++round) {
    PhraseLexicon lexicon;
    const int phrases = 1 + static_cast<int>(random() % 8);
    for (int p = 0; p < phrases; ++p) {
      std::vector<std::uint64_t> tokens(1 + random() % 4);
      for (std::uint64_t& token : tokens) token = word();
      lexicon.add(tokens, static_cast<std::uint8_t>(1 + random() % 255));
    }
    std::vector<std::uint64_t> sentence(random() % 12);
    for (std::uint64_t& token : sentence) token = word();
    std::vector<PhraseMatch> expected(sentence.size()), matches(sentence.size());
    for (std::size_t i = 0; i < sentence.size();) {
      std::size_t length = std::min(sentence.size() - i, PhraseLexicon::kMaxTokens);
      while (length > 0 && lexicon.classes_of(std::span(sentence).subspan(i, length)) == 0) --length;
      if (length == 0) {
        ++i;
        continue;
      }
      const std::uint8_t classes = lexicon.classes_of(std::span(sentence).subspan(i, length));
      for (std::size_t k = 0; k < length; ++k) {
        const PhrasePosition position = length == 1 ? PhrasePosition::single : k == 0 ? PhrasePosition::begin
                                        : k + 1 == length                     ? PhrasePosition::end
                                                                              : PhrasePosition::inside;
        expected[i + k] = {position, classes};
      }
      i += length;
    }
    std::vector<PhraseLexicon::TokenFacts> facts;
    for (std::uint64_t token : sentence) facts.push_back(lexicon.facts(token));
    lexicon.match(sentence, facts, matches);
    for (std::size_t i = 0; i < sentence.size(); ++i) {
      INFO("round " << round << ", token " << i);
      CHECK(matches[i].position == expected[i].position);
      CHECK(matches[i].classes == expected[i].classes);
    }
  }
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

TEST_CASE("Viterbi in lanes decodes as plain Viterbi, ties and forbidden transitions included") {
  for (std::size_t lane = 0; lane < static_cast<std::size_t>(kLabels); ++lane) CHECK(lane_of(kLabelOfLane[lane]) == lane);
  std::mt19937 random(7);
  for (int round = 0; round < 400; ++round) {
    // Small ranges make ties common; long sentences take the plain path beyond the lanes' bound.
    const int range = round % 3 == 0 ? 3 : round % 3 == 1 ? 40 : 30000;
    const std::size_t n = round < 390 ? 1 + random() % 60 : LaneTransitions::kMaxLaneTokens + random() % 3;
    std::uniform_int_distribution<int> value(-range, range);
    std::vector<std::int32_t> transitions((kLabels + 1) * kLabels), plain(n * kLabels), lanes(n * kLanes), best;
    for (std::int32_t& t : transitions) t = value(random);
    for (std::size_t t = 0; t < n; ++t) {
      for (std::uint8_t y = 0; y < kLabels; ++y) plain[t * kLabels + y] = lanes[t * kLanes + lane_of(y)] = value(random) * (range > 1000 ? 1 : 2);
      lanes[t * kLanes + 7] = value(random);
    }
    std::vector<std::uint8_t> want(n), got(n), back;
    viterbi<std::int32_t>(plain, transitions, want, best, back);
    viterbi_lanes(lanes, LaneTransitions(transitions), got, best, back);
    REQUIRE(got == want);
  }
  std::vector<std::uint8_t> one(1), back;
  // (As long as the longest sentence, only so that GCC sees no read past the end.)
  std::vector<std::int32_t> best, transitions((kLabels + 1) * kLabels, 0), emissions(LaneTransitions::kMaxLaneTokens * kLanes, 0);
  emissions[lane_of(2)] = 100;  // I-PER cannot open a sentence
  viterbi_lanes(std::span(emissions).first(kLanes), LaneTransitions(transitions), one, best, back);
  CHECK(one[0] == kOutside);
  std::vector<std::uint8_t> none;
  viterbi_lanes({}, LaneTransitions(transitions), none, best, back);
}

TEST_CASE("keys from the small templates' tables are the hashed keys, inside their domains and out") {
  constexpr std::uint64_t kTemplate = 77;
  // Inside a table, a key has a slot among small_keys(); outside, none.
  const auto check = [](SmallKey got, std::uint32_t want, bool inside) {
    CHECK(got.key == want);
    CHECK(got.has_slot == inside);
    if (inside) CHECK(small_keys().at(got.slot) == want);
  };
  for (std::uint64_t a = 0; a < 6; ++a) {
    check(small_key<kTemplate, 4>(a), feature_key(kTemplate, a), a < 4);
    for (std::uint64_t b = 0; b < 5; ++b) {
      check(small_key<kTemplate, 4, 3>(a, b), feature_key(kTemplate, a, b), a < 4 && b < 3);
      check(small_key<kTemplate, 4, 3, 2>(a, b, 1), feature_key(kTemplate, a, b, 1), a < 4 && b < 3);
      check(small_key<kTemplate, 4, 3, 2>(b, a, 2), feature_key(kTemplate, b, a, 2), false);
    }
  }
  const PhraseMatch matches[] = {{}, {PhrasePosition::begin, 3}, {PhrasePosition::single, 15}, {PhrasePosition::end, 16}, {PhrasePosition::inside, 200}};
  for (const PhraseMatch& a : matches) {
    for (std::uint64_t casing = 0; casing < 14; ++casing) check(match_key<kTemplate, 12>(a, casing), feature_key(kTemplate, match_value(a), casing), a.classes < 16 && casing < 12);
    for (const PhraseMatch& b : matches) check(match_pair_key<kTemplate>(a, b), feature_key(kTemplate, match_value(a), match_value(b)), a.classes < 16 && b.classes < 16);
  }
}

TEST_CASE("the key filter holds every key it was given and rejects most others") {
  const KeyFilter empty;
  CHECK_FALSE(empty.may_hold(0));
  CHECK_FALSE(empty.may_hold(0xFFFFFFFFu));
  std::mt19937 random(7);
  std::vector<std::uint32_t> keys(5000);
  for (std::uint32_t& key : keys) key = static_cast<std::uint32_t>(random());
  keys.push_back(1);
  keys.push_back(0xFFFFFFFFu);
  KeyFilter filter(keys.size());
  for (std::uint32_t key : keys) filter.add(key);
  for (std::uint32_t key : keys) REQUIRE(filter.may_hold(key));
  std::size_t passed = 0;
  for (int i = 0; i < 10000; ++i) passed += filter.may_hold(static_cast<std::uint32_t>(random())) ? 1 : 0;
  CHECK(passed < 2000);  // about one in eight with eight bits a key
  KeyFilter tiny(0);  // sized for nothing, still holds what it is given
  tiny.add(42);
  CHECK(tiny.may_hold(42));
}

TEST_CASE("remembered keys of triples are the hashed keys, after evictions and for the triple of zeros") {
  TripleKeyMemo memo(1234);
  CHECK(memo(0, 0, 0) == feature_key(1234, 0, 0, 0));
  std::mt19937_64 random(3);
  std::vector<std::array<std::uint64_t, 3>> triples(3000);  // more than the memo holds, some repeated
  for (auto& t : triples) t = {random() % 40, random() % 40, random() % 5 == 0 ? 0 : random()};
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& [a, b, c] : triples) REQUIRE(memo(a, b, c) == feature_key(1234, a, b, c));
  }
  CHECK(memo(0, 0, 0) == feature_key(1234, 0, 0, 0));
}

TEST_CASE("labels parse and print") {
  std::uint8_t label = 0;
  CHECK(parse_label("I-ORG", label));
  CHECK(label_name(label) == "I-ORG");
  CHECK(type_of(label) == EntityType::organization);
  CHECK_FALSE(parse_label("B-MISC", label));
}

TEST_CASE("a model and its names round-trip through their binary forms, and damage is reported") {
  NerModel model;
  model.metadata = R"({"language":"it"})";
  model.feature_set = FeatureSet::neutral;
  model.context_window = 7;
  model.stages = 2;
  model.transitions[0][3] = -500;
  model.set_weights(0, 42, LabelWeights{1, -2, 3, 0, 0, 0, 127, 0});
  model.set_weights(0, 7, LabelWeights{0, 0, 0, 0, -128, 0, 0, 0});
  model.set_weights(1, 42, LabelWeights{0, 5, 0, 0, 0, 0, 0, 0});
  model.names.add_tokenised("Banca d' Italia", kNameOrganisation);
  model.names.add_tokenised("Nikol", kNameGiven);
  const std::string bytes = write_model(model);

  NerModel copy;
  std::string error;
  REQUIRE(read_model(bytes, copy, error));
  CHECK(copy.metadata == model.metadata);
  CHECK(copy.feature_set == FeatureSet::neutral);
  CHECK(copy.context_window == 7);
  REQUIRE(copy.stages == 2);
  CHECK(copy.transitions[0] == model.transitions[0]);
  CHECK((*copy.weights.find(42))[0] == LabelWeights{1, -2, 3, 0, 0, 0, 127, 0});
  CHECK((*copy.weights.find(7))[0][4] == -128);
  CHECK((*copy.weights.find(7))[1] == LabelWeights{});
  CHECK(copy.weights.find(8) == nullptr);
  CHECK((*copy.weights.find(42))[1][1] == 5);
  CHECK(copy.names.size() == 0);  // the names have their own file
  PhraseLexicon names;
  REQUIRE(read_names(write_names(model.names), names, error));
  CHECK(names.classes_of(folded({"banca", "d'", "italia"})) == kNameOrganisation);
  CHECK(names.classes_of(folded({"nikol"})) == kNameGiven);
  CHECK_FALSE(read_names(bytes, names, error));

  CHECK_FALSE(read_model(bytes.substr(0, bytes.size() - 1), copy, error));
  CHECK(error.find("truncated") != std::string::npos);
  CHECK_FALSE(read_model("CRNNER01", copy, error));
  CHECK_FALSE(read_model("CRNNER04", copy, error));  // the earlier format: tools/ner/convert_model.cpp

  // Many features, as a trained model has them: every key and weight comes back, and any damage
  // to the coded bytes is reported or gives other weights, never a crash.
  NerModel large;
  large.stages = 2;
  std::uint32_t seed = 1;
  const auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  for (int i = 0; i < 5000; ++i) {
    const std::uint32_t key = FlatTable<std::uint32_t, int>::nonzero(next());
    for (std::size_t stage = 0; stage < 2; ++stage) {
      LabelWeights weights{};
      for (int y = 0; y < kLabels; ++y) weights[y] = next() % 3 == 0 ? static_cast<std::int8_t>(next() >> 24) : 0;
      large.set_weights(stage, key, weights);
    }
  }
  const std::string large_bytes = write_model(large);
  NerModel large_copy;
  REQUIRE(read_model(large_bytes, large_copy, error));
  CHECK(large_copy.weights.size() == large.weights.size());
  bool same = true;
  large.weights.for_each([&](std::uint32_t key, const StageWeights& weights) {
    const StageWeights* found = large_copy.weights.find(key);
    same = same && found && *found == weights;
  });
  CHECK(same);
  for (std::size_t at = 20; at < large_bytes.size(); at += 97) {
    std::string damaged = large_bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5a);
    NerModel ignored;
    read_model(damaged, ignored, error);
  }
  model.stages = 0;
  CHECK_FALSE(read_model(write_model(model), copy, error));
  CHECK(error.find("stage count") != std::string::npos);
}

TEST_CASE("the context window counts a form's other occurrences in the sentences around") {
  const auto trace = [](const char* word, std::uint8_t label, bool initial = false) {
    const WordInfo w = describe_word(word);
    return TokenTrace{w.folded, w.casing, initial, false, false, label};
  };
  const std::uint8_t per = begin_label(EntityType::person);
  // Sentence 0 names Alinghi as a person, sentences 1 and 2 have it sentence-initial, sentence 3
  // writes it in lower case; with a window of 1, sentence s sees sentences s - 1 to s + 1.
  const std::vector<std::vector<TokenTrace>> document = {
      {trace("Alinghi", per)}, {trace("Alinghi", kOutside, true)}, {trace("Alinghi", kOutside, true)}, {trace("alinghi", kOutside)},
      {trace("vince", kOutside)}};
  ContextWindow window;
  std::vector<FormCounts> seen;
  window.slide(document, 1, [&](std::size_t s) { seen.push_back(window.others(document[s][0])); });
  REQUIRE(seen.size() == 5);
  CHECK(seen[0].labels[kOutside] == 1);  // sentence 1
  CHECK(seen[0].labels[per] == 0);
  CHECK(seen[0].capitalised_inner == 0);  // sentence 1's Alinghi is sentence-initial
  CHECK(seen[1].labels[per] == 1);        // sentences 0 and 2
  CHECK(seen[1].labels[kOutside] == 1);
  CHECK(seen[2].labels[per] == 0);        // sentences 1 and 3: sentence 0 has left the window
  CHECK(seen[2].labels[kOutside] == 2);
  CHECK(seen[2].lower == 1);
  CHECK(seen[3].labels[kOutside] == 1);   // sentence 2; its own lower case is not counted
  CHECK(seen[3].lower == 0);
  CHECK(seen[4].labels[kOutside] == 0);   // "vince" occurs nowhere else
}

TEST_CASE("an extractor that has seen other sentences gives the keys a fresh one gives") {
  // Words recur beside neighbours of other casings and shapes, so that keys remembered from one
  // sentence are reused in some later ones and recomputed in others.
  const std::vector<std::vector<std::string_view>> sentences = {
      {"Il", "presidente", "Mario", "Rossi", "parla", "a", "Roma", "."},
      {"il", "Presidente", "parla", "a", "ROMA", "e", "a", "Roma"},
      {"Roma", "parla", "il", "presidente", "mario", "rossi", "2024", "-", "Roma"},
      {"a", "a", "a", "Roma", "Roma", "roma", "A"},
      {},
      {"Rossi"},
      {"Il", "presidente", "Mario", "Rossi", "parla", "a", "Roma", "."}};
  Places places(Resources{});
  PhraseLexicon cues;
  cues.add_tokenised("presidente", kCueTitle);
  FeatureExtractor seasoned(FeatureSet::full, {&places.names(), nullptr, &cues});
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    FeatureExtractor fresh(FeatureSet::full, {&places.names(), nullptr, &cues});
    SentenceFeatures expected, got;
    fresh.extract(sentences[s], expected);
    seasoned.extract(sentences[s], got);
    INFO("sentence " << s);
    REQUIRE(got.size() == expected.size());
    for (std::size_t t = 0; t < got.size(); ++t) {
      const auto a = got.of(t), b = expected.of(t);
      CHECK(std::vector<std::uint32_t>(a.begin(), a.end()) == std::vector<std::uint32_t>(b.begin(), b.end()));
    }
  }
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
  model.stages = 1;
  const std::uint8_t wanted[] = {begin_label(EntityType::person), begin_label(EntityType::person) + 1, kOutside,
                                 begin_label(EntityType::location)};
  for (std::size_t t = 0; t < words.size(); ++t) {
    for (std::uint32_t key : features.of(t)) {
      LabelWeights weights{};
      weights[wanted[t]] = 5;
      model.set_weights(0, key, weights);
    }
  }
  EntityTagger tagger(std::move(model), std::move(cues), places);
  // "lunedì" scored as a place, but a mention made only of a common word is none.
  CHECK(tags(tagger, words) == std::vector<std::string>{"B-PER", "I-PER", "O", "O"});
  CHECK(tagger.tag({}).empty());
  CHECK(tags(tagger, {}).empty());
}

TEST_CASE("a mention keeps a closing exclamation mark after a word, and drops other closing punctuation") {
  const std::vector<std::string_view> words = {"Yahoo", "!", "e", "Roma", "."};
  Places places(Resources{});
  FeatureExtractor extractor(FeatureSet::full, {&places.names(), nullptr, nullptr});
  SentenceFeatures features;
  extractor.extract(words, features);
  NerModel model;
  model.stages = 1;
  const std::uint8_t org = begin_label(EntityType::organization), loc = begin_label(EntityType::location);
  const std::uint8_t wanted[] = {org, static_cast<std::uint8_t>(org + 1), kOutside, loc, static_cast<std::uint8_t>(loc + 1)};
  for (std::size_t t = 0; t < words.size(); ++t) {
    for (std::uint32_t key : features.of(t)) {
      LabelWeights weights{};
      weights[wanted[t]] = 5;
      model.set_weights(0, key, weights);
    }
  }
  EntityTagger tagger(std::move(model), PhraseLexicon{}, places);
  CHECK(tags(tagger, words) == std::vector<std::string>{"B-ORG", "I-ORG", "O", "B-LOC", "O"});
}

TEST_CASE("the tagger's per-word sums score exactly what every key of every token scores") {
  // Random weights on every key the extractor gives these sentences; the tagger sums a word's own
  // keys once per word, and must decode as Viterbi over all the keys does.
  const std::vector<std::vector<std::string_view>> sentences = {
      {"Mario", "Rossi", "Roma", "Milano"}, {"Roma"}, {"Milano", "Mario", "Napoli", "Rossi", "Roma", "Torino"}, {"Torino", "Rossi"}};
  Places places(Resources{});
  FeatureExtractor extractor(FeatureSet::full, {&places.names(), nullptr, nullptr});
  NerModel model;
  model.stages = 1;
  std::uint32_t state = 12345;
  const auto random_weight = [&state] {
    state = state * 1103515245u + 12345u;
    return static_cast<std::int8_t>(static_cast<int>(state >> 16 & 0xFF) - 128);
  };
  for (std::int16_t& t : model.transitions[0]) t = random_weight();
  std::vector<SentenceFeatures> features(sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    extractor.extract(sentences[s], features[s]);
    for (std::uint32_t key : features[s].keys) {
      if (model.weights.find(key)) continue;
      LabelWeights weights{};
      for (int y = 0; y < kLabels; ++y) weights[y] = random_weight();
      model.set_weights(0, key, weights);
    }
  }
  std::vector<std::vector<std::uint8_t>> expected(sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const std::size_t n = sentences[s].size();
    std::vector<std::int32_t> emissions(n * kLabels), transitions(model.transitions[0].begin(), model.transitions[0].end()), best;
    std::vector<std::uint8_t> back;
    for (std::size_t i = 0; i < n; ++i) {
      for (std::uint32_t key : features[s].of(i)) {
        for (int y = 0; y < kLabels; ++y) emissions[i * kLabels + y] += (*model.weights.find(key))[0][y];
      }
    }
    expected[s].resize(n);
    viterbi<std::int32_t>(emissions, transitions, expected[s], best, back);
  }
  EntityTagger tagger(std::move(model), PhraseLexicon{}, places);
  const auto labels = tagger.tag(sentences);
  REQUIRE(labels.size() == sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s) CHECK(labels[s] == expected[s]);
}

TEST_CASE("two stages decode what every key of every token scores, the second's keys as context_features gives them") {
  // Random weights in both stages on every first-stage key of these sentences and on every small
  // template's key (all of the second stage's); the reference sums the keys' weights and decodes
  // with viterbi, as a trainer would see it.
  const std::vector<std::vector<std::string_view>> sentences = {
      {"Mario", "Rossi", "vive", "a", "Roma"}, {"Roma", "e", "Milano"}, {"Rossi", "Mario", "Napoli", "Rossi", "Roma", "Torino"},
      {"Torino", "Rossi"}, {"a", "Roma", "Rossi"}, {"Milano"}, {"Napoli", "e", "Torino", "Mario"}};
  Places places(Resources{});
  FeatureExtractor extractor(FeatureSet::full, {&places.names(), nullptr, nullptr});
  NerModel model;
  model.stages = 2;
  model.context_window = 2;
  std::uint32_t state = 777;
  const auto random_weight = [&state] {
    state = state * 1103515245u + 12345u;
    return static_cast<std::int8_t>(static_cast<int>(state >> 16 & 0xFF) - 128);
  };
  for (auto& stage : model.transitions) {
    for (std::int16_t& t : stage) t = random_weight();
  }
  const auto give_weights = [&](std::uint32_t key) {
    if (model.weights.find(key)) return;
    for (std::size_t stage = 0; stage < 2; ++stage) {
      LabelWeights weights{};
      for (int y = 0; y < kLabels; ++y) weights[y] = random_weight();
      model.set_weights(stage, key, weights);
    }
  };
  std::vector<SentenceFeatures> features(sentences.size());
  std::vector<std::vector<TokenTrace>> traces(sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    extractor.extract(sentences[s], features[s]);
    traces[s].assign(extractor.traces().begin(), extractor.traces().end());
    for (std::uint32_t key : features[s].keys) give_weights(key);
  }
  for (std::uint32_t key : small_keys()) give_weights(key);
  const auto decode = [&](std::size_t stage, const std::vector<std::int32_t>& emissions, std::vector<std::uint8_t>& path) {
    std::vector<std::int32_t> transitions(model.transitions[stage].begin(), model.transitions[stage].end()), best;
    std::vector<std::uint8_t> back;
    path.resize(emissions.size() / kLabels);
    viterbi<std::int32_t>(emissions, transitions, path, best, back);
  };
  const auto add_scores = [&](std::size_t stage, const SentenceFeatures& keys, std::vector<std::int32_t>& emissions) {
    emissions.resize(keys.size() * kLabels);
    for (std::size_t i = 0; i < keys.size(); ++i) {
      for (std::uint32_t key : keys.of(i)) {
        for (int y = 0; y < kLabels; ++y) emissions[i * kLabels + y] += (*model.weights.find(key))[stage][y];
      }
    }
  };
  std::vector<std::vector<std::uint8_t>> expected(sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    std::vector<std::int32_t> emissions;
    add_scores(0, features[s], emissions);
    decode(0, emissions, expected[s]);
    for (std::size_t i = 0; i < traces[s].size(); ++i) traces[s][i].label = expected[s][i];
  }
  ContextWindow window;
  window.slide(traces, model.context_window, [&](std::size_t s) {
    SentenceFeatures context;
    context_features(traces[s], window, context);
    std::vector<std::int32_t> emissions;
    add_scores(1, features[s], emissions);
    add_scores(1, context, emissions);
    decode(1, emissions, expected[s]);
  });
  EntityTagger tagger(std::move(model), PhraseLexicon{}, places);
  const auto labels = tagger.tag(sentences);
  REQUIRE(labels.size() == sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s) CHECK(labels[s] == expected[s]);
}

TEST_CASE("a second stage sees what the first said of the same word in other sentences") {
  // The first stage tags "Alinghi" as a person only after "skipper"; the second stage also tags
  // an "Alinghi" whose form was a person elsewhere in the window.
  Places places(Resources{});
  PhraseLexicon cues;
  FeatureExtractor extractor(FeatureSet::full, {&places.names(), nullptr, &cues});
  const std::vector<std::string_view> bare = {"vince", "Alinghi"}, cued = {"skipper", "Alinghi"};
  const auto keys_of = [&](const std::vector<std::string_view>& words, std::size_t token) {
    SentenceFeatures features;
    extractor.extract(words, features);
    const auto keys = features.of(token);
    return std::vector<std::uint32_t>(keys.begin(), keys.end());
  };
  const auto only_in = [](const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t key : a) {
      if (std::find(b.begin(), b.end(), key) == b.end()) out.push_back(key);
    }
    return out;
  };
  // The second stage's keys for the bare "Alinghi", with and without a person elsewhere.
  const auto context_keys = [&](bool person_elsewhere) {
    SentenceFeatures unused;
    extractor.extract(bare, unused);
    std::vector<std::vector<TokenTrace>> document = {{extractor.traces().begin(), extractor.traces().end()}};
    if (person_elsewhere) document.push_back({TokenTrace{document[0][1].folded, Casing::capitalised, false, false, false, begin_label(EntityType::person)}});
    ContextWindow window;
    SentenceFeatures context;
    window.slide(document, 1, [&](std::size_t s) {
      if (s == 0) context_features(document[0], window, context);
    });
    const auto keys = context.of(1);
    return std::vector<std::uint32_t>(keys.begin(), keys.end());
  };
  LabelWeights person{};
  person[begin_label(EntityType::person)] = 20;
  NerModel model;
  model.context_window = 2;
  model.stages = 2;
  for (std::size_t stage = 0; stage < 2; ++stage) {
    for (std::uint32_t key : only_in(keys_of(cued, 1), keys_of(bare, 1))) model.set_weights(stage, key, person);
  }
  for (std::uint32_t key : only_in(context_keys(true), context_keys(false))) model.set_weights(1, key, person);

  EntityTagger tagger(std::move(model), std::move(cues), places);
  const std::vector<std::vector<std::string_view>> document = {bare, cued}, alone = {bare};
  const auto labels = tagger.tag(document);
  REQUIRE(labels.size() == 2);
  CHECK(label_name(labels[1][1]) == "B-PER");  // the first stage's own
  CHECK(label_name(labels[0][1]) == "B-PER");  // carried over by the second stage
  CHECK(label_name(tagger.tag(alone)[0][1]) == "O");  // nothing to carry over
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
