// Trains the named-entity tagger: linear-chain CRFs (crf.h; or averaged perceptrons,
// perceptron.h) over the features of core/ner/features.h, decoded with BIO-constrained Viterbi,
// then quantised to 8-bit weights.
// The first stage tags sentences on their own; the second also sees the first stage's labels of
// the same words in nearby sentences (trained on the first stage's labels of held-out folds, as
// it will see them at run time). Deterministic for a given seed. Reports dev scores per epoch
// and for the written model, which it evaluates through the runtime tagger (what the CLI and
// the page run), the dev file read as one document.
//   cronaca-train-ner --train WN_train.tsv --dev WN_dev.tsv [--names FILE]... [--lang it]
//                     [--features full|neutral] [--stages 1|2] [--window N] [--folds N]
//                     [--learner crf|perceptron] [--epochs N] [--dropout P] [--rate R] [--l2 C]
//                     [--l1 C] [--min-weight N[,N]] [--seed N] [--augment N] [--out FILE] [--predictions FILE]
// A names file has "CLASS name tokens" lines, CLASS one of ORG, GIVEN, FAMILY.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "geo/places.h"
#include "lang/language.h"
#include "ner/conll.h"
#include "ner/crf.h"
#include "ner/perceptron.h"
#include "common/shipped_pack.h"
#include "ner/tagger.h"

namespace fs = std::filesystem;
using namespace cronaca;

namespace {

struct Options {
  std::string train, dev, out, predictions, lang = "it", features = "full";
  std::vector<std::string> names;
  std::string learner = "crf";
  PerceptronOptions learning;
  CrfOptions crf;
  int stages = 2;
  int window = 10;  // sentences either side that the second stage sees
  int folds = 5;    // for the first stage's labels of the training data
  // Per stage, quantised weights of at most this magnitude are dropped: most of them are
  // features seen a few times, and they are most of the file.
  int min_weight[kMaxStages] = {0, 0};
  // Extra copies of each training sentence with mentions, for the first stage, each mention
  // swapped for another training mention of its type (the model leans on context more).
  int augment = 0;
};

void read_names(const std::string& path, PhraseLexicon& names) {
  static const std::pair<std::string_view, NameClass> kClasses[] = {{"ORG", kNameOrganisation}, {"GIVEN", kNameGiven}, {"FAMILY", kNameFamily}};
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t space = line.find(' ');
    if (space == std::string::npos) continue;
    for (const auto& [name, bit] : kClasses) {
      if (std::string_view(line).substr(0, space) == name) names.add_tokenised(std::string_view(line).substr(space + 1), bit);
    }
  }
}

// Sentences with what the first stage extracts from them: keys, and each token's trace.
struct Corpus {
  std::vector<conll::Sentence> sentences;
  std::vector<SentenceFeatures> features;
  std::vector<std::vector<TokenTrace>> traces;
};

Corpus extract(const std::string& path, FeatureExtractor& extractor) {
  Corpus c;
  c.sentences = conll::read(path);
  c.features.resize(c.sentences.size());
  c.traces.resize(c.sentences.size());
  std::vector<std::string_view> words;
  for (std::size_t s = 0; s < c.sentences.size(); ++s) {
    words.assign(c.sentences[s].words.begin(), c.sentences[s].words.end());
    extractor.extract(words, c.features[s]);
    c.traces[s].assign(extractor.traces().begin(), extractor.traces().end());
  }
  return c;
}

// Copies of the sentences with mentions, each mention replaced by a mention of the same type
// drawn from all of them (deterministic for the seed); `sources` gets each copy's sentence.
std::vector<conll::Sentence> replace_mentions(const std::vector<conll::Sentence>& sentences, int copies, std::uint64_t seed,
                                              std::vector<std::size_t>& sources) {
  struct Mention {
    std::size_t sentence, begin, end;
  };
  std::vector<Mention> by_type[kEntityTypes];
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    for (const auto& [b, e, type] : conll::chunks(sentences[s].labels)) by_type[type].push_back({s, b, e});
  }
  std::mt19937_64 random(seed * 7919 + 17);
  std::vector<conll::Sentence> out;
  for (int c = 0; c < copies; ++c) {
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      const conll::Sentence& from = sentences[s];
      conll::Sentence copy;
      std::size_t at = 0;
      bool any = false;
      for (const auto& [b, e, type] : conll::chunks(from.labels)) {
        const auto& pool = by_type[type];
        const Mention& m = pool[std::uniform_int_distribution<std::size_t>(0, pool.size() - 1)(random)];
        for (; at < b; ++at) copy.words.push_back(from.words[at]), copy.labels.push_back(from.labels[at]);
        const conll::Sentence& donor = sentences[m.sentence];
        for (std::size_t i = m.begin; i < m.end; ++i) copy.words.push_back(donor.words[i]), copy.labels.push_back(donor.labels[i]);
        at = e;
        any = true;
      }
      if (!any) continue;
      for (; at < from.words.size(); ++at) copy.words.push_back(from.words[at]), copy.labels.push_back(from.labels[at]);
      out.push_back(std::move(copy));
      sources.push_back(s);
    }
  }
  return out;
}

// Feature keys as dense indices, in order of first appearance (so they too are deterministic).
class FeatureIndex {
 public:
  // Keys never seen while growing are dropped.
  Example example(const SentenceFeatures& base, const SentenceFeatures* context, const std::vector<std::uint8_t>& labels, bool grow) {
    Example x;
    x.labels = labels;
    x.offsets.push_back(0);
    const auto add = [&](std::span<const std::uint32_t> keys) {
      for (std::uint32_t key : keys) {
        auto found = index_.find(key);
        if (found == index_.end() && grow) {
          found = index_.emplace(key, static_cast<std::uint32_t>(keys_.size())).first;
          keys_.push_back(key);
        }
        if (found != index_.end()) x.features.push_back(found->second);
      }
    };
    for (std::size_t t = 0; t < labels.size(); ++t) {
      add(base.of(t));
      if (context) add(context->of(t));
      x.offsets.push_back(static_cast<std::uint32_t>(x.features.size()));
    }
    return x;
  }
  const std::vector<std::uint32_t>& keys() const { return keys_; }

 private:
  std::unordered_map<std::uint32_t, std::uint32_t> index_;
  std::vector<std::uint32_t> keys_;
};

LinearModel learn(const Options& o, const std::vector<Example>& train, std::size_t features, const EpochReport& report = {}) {
  if (o.learner == "crf") return train_crf(train, features, o.crf, report);
  return train_perceptron(train, features, o.learning, report);
}

conll::Scores score(const std::vector<Example>& examples, const LinearModel& model) {
  conll::Scores scores;
  for (const Example& x : examples) scores.add(x.labels, decode(x, model));
  return scores;
}

// Trains one stage, printing the dev scores of the averaged model after each epoch.
LinearModel train_stage(const char* name, const std::vector<Example>& train, std::size_t features, const std::vector<Example>& dev,
                        const Options& o) {
  std::fprintf(stderr, "%s: %zu features\n", name, features);
  return learn(o, train, features, [&](int epoch, std::size_t wrong, const LinearModel& model) {
    const conll::Scores s = score(dev, model);
    std::fprintf(stderr, "  epoch %2d: %5zu wrong sentences; dev span F1 %.4f (PER %.4f LOC %.4f ORG %.4f)\n", epoch, wrong,
                 s.span_micro().f1(), s.spans[0].f1(), s.spans[1].f1(), s.spans[2].f1());
  });
}

// The first stage's labels of each training sentence, from models trained without its fold:
// what the second stage will see at run time, where the first stage has not seen the text.
void label_by_folds(Corpus& train, const std::vector<Example>& examples, const std::vector<Example>& extra,
                    const std::vector<std::size_t>& extra_sources, std::size_t features, const Options& o) {
  const std::size_t n = examples.size(), folds = static_cast<std::size_t>(std::max(2, o.folds));
  for (std::size_t f = 0; f < folds; ++f) {
    // Contiguous folds: the sentences of an article stay together.
    const std::size_t begin = n * f / folds, end = n * (f + 1) / folds;
    std::vector<Example> rest;
    rest.reserve(n - (end - begin));
    for (std::size_t i = 0; i < n; ++i) {
      if (i < begin || i >= end) rest.push_back(examples[i]);
    }
    for (std::size_t i = 0; i < extra.size(); ++i) {
      if (extra_sources[i] < begin || extra_sources[i] >= end) rest.push_back(extra[i]);
    }
    const LinearModel model = learn(o, rest, features);
    for (std::size_t i = begin; i < end; ++i) {
      const std::vector<std::uint8_t> labels = decode(examples[i], model);
      for (std::size_t t = 0; t < labels.size(); ++t) train.traces[i][t].label = labels[t];
    }
    std::fprintf(stderr, "  fold %zu of %zu labelled\n", f + 1, folds);
  }
}

std::vector<SentenceFeatures> context_of(const Corpus& c, std::size_t window) {
  std::vector<SentenceFeatures> out(c.sentences.size());
  ContextWindow w;
  w.slide(c.traces, window, [&](std::size_t s) { context_features(c.traces[s], w, out[s]); });
  return out;
}

// Adds a stage to `out`, on one scale for its weights and transitions, the largest weight at 127;
// features whose weights all round to zero are left out (the CRF's L1 penalty leaves most at zero).
void quantise(const LinearModel& model, const std::vector<std::uint32_t>& keys, int min_weight, NerModel& out) {
  const std::size_t stage = out.stages++;
  double largest = 0;
  for (double w : model.weights) largest = std::max(largest, std::abs(w));
  const double scale = largest > 0 ? 127.0 / largest : 1.0;
  for (std::size_t f = 0; f < keys.size(); ++f) {
    LabelWeights q{};
    bool any = false;
    for (int y = 0; y < kLabels; ++y) {
      const long weight = std::lround(model.weights[f * kLabels + y] * scale);
      q[y] = static_cast<std::int8_t>(std::abs(weight) <= min_weight ? 0 : weight);
      any |= q[y] != 0;
    }
    if (any) out.set_weights(stage, keys[f], q);
  }
  for (std::size_t i = 0; i < model.transitions.size(); ++i) {
    out.transitions[stage][i] = static_cast<std::int16_t>(std::clamp<long>(std::lround(model.transitions[i] * scale), -32000, 32000));
  }
}

int usage() {
  std::cerr << "usage: cronaca-train-ner --train FILE --dev FILE [--names FILE]... [--lang it] [--features full|neutral]\n"
               "                         [--stages 1|2] [--window N] [--folds N] [--learner crf|perceptron] [--epochs N]\n"
               "                         [--dropout P] [--rate R] [--l2 C] [--l1 C] [--min-weight N[,N]] [--seed N] [--out FILE]\n"
               "                         [--augment N] [--predictions FILE]\n"
               "  --rate, --l2, --l1: the CRF's AdaGrad base step and penalties (see tools/ner/crf.h)\n"
               "  --augment: copies of each training sentence with its mentions swapped for others of their type (first stage)\n"
               "  --min-weight: quantised weights of at most this magnitude are dropped (first stage, second stage)\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) return usage();
    const std::string value = argv[++i];
    if (flag == "--train") o.train = value;
    else if (flag == "--dev") o.dev = value;
    else if (flag == "--names") o.names.push_back(value);
    else if (flag == "--out") o.out = value;
    else if (flag == "--predictions") o.predictions = value;
    else if (flag == "--lang") o.lang = value;
    else if (flag == "--features") o.features = value;
    else if (flag == "--stages") o.stages = std::clamp(std::stoi(value), 1, 2);
    else if (flag == "--window") o.window = std::clamp(std::stoi(value), 0, 255);
    else if (flag == "--folds") o.folds = std::max(2, std::stoi(value));
    else if (flag == "--learner") o.learner = value;
    else if (flag == "--epochs") o.learning.epochs = o.crf.epochs = std::max(1, std::stoi(value));
    else if (flag == "--seed") o.learning.seed = o.crf.seed = std::stoull(value);
    else if (flag == "--dropout") o.learning.dropout = o.crf.dropout = std::clamp(std::stod(value), 0.0, 0.9);
    else if (flag == "--rate") o.crf.rate = std::stod(value);
    else if (flag == "--l2") o.crf.l2 = std::stod(value);
    else if (flag == "--l1") o.crf.l1 = std::stod(value);
    else if (flag == "--augment") o.augment = std::clamp(std::stoi(value), 0, 8);
    else if (flag == "--min-weight") {
      const std::size_t comma = value.find(',');
      o.min_weight[0] = std::clamp(std::stoi(value.substr(0, comma)), 0, 126);
      o.min_weight[1] = comma == std::string::npos ? o.min_weight[0] : std::clamp(std::stoi(value.substr(comma + 1)), 0, 126);
    }
    else return usage();
  }
  if (o.train.empty() || o.dev.empty() || (o.features != "full" && o.features != "neutral") || (o.learner != "crf" && o.learner != "perceptron")) {
    return usage();
  }
  const auto started = std::chrono::steady_clock::now();
  try {
    const Resources resources = tools::load_shipped_resources();
    std::vector<std::string> errors;
    const Languages languages = Languages::load(resources, errors);
    const LanguageProfile* profile = languages.find(o.lang);
    if (!profile) throw std::runtime_error("no language " + o.lang);
    const Places places(resources);
    const PhraseLexicon cues = load_entity_cues(resources, *profile);

    NerModel model;
    model.feature_set = o.features == "full" ? FeatureSet::full : FeatureSet::neutral;
    for (const std::string& path : o.names) read_names(path, model.names);
    FeatureExtractor extractor(model.feature_set, {&places.names(), &model.names, &cues});
    Corpus train = extract(o.train, extractor), dev = extract(o.dev, extractor);
    std::fprintf(stderr, "train: %zu sentences; dev: %zu; places: %zu names; names: %zu\n", train.sentences.size(), dev.sentences.size(),
                 places.names().size(), model.names.size());

    FeatureIndex first;
    std::vector<Example> train_examples, dev_examples;
    for (std::size_t s = 0; s < train.sentences.size(); ++s) train_examples.push_back(first.example(train.features[s], nullptr, train.sentences[s].labels, true));
    for (std::size_t s = 0; s < dev.sentences.size(); ++s) dev_examples.push_back(first.example(dev.features[s], nullptr, dev.sentences[s].labels, false));
    std::vector<std::size_t> extra_sources;
    std::vector<Example> extra_examples;
    {
      const std::vector<conll::Sentence> extra = replace_mentions(train.sentences, o.augment, o.crf.seed, extra_sources);
      SentenceFeatures features;
      std::vector<std::string_view> words;
      for (const conll::Sentence& sentence : extra) {
        words.assign(sentence.words.begin(), sentence.words.end());
        extractor.extract(words, features);
        extra_examples.push_back(first.example(features, nullptr, sentence.labels, true));
      }
    }
    std::vector<Example> first_examples = train_examples;
    first_examples.insert(first_examples.end(), extra_examples.begin(), extra_examples.end());
    const LinearModel first_model = train_stage("first stage", first_examples, first.keys().size(), dev_examples, o);
    quantise(first_model, first.keys(), o.min_weight[0], model);

    if (o.stages == 2) {
      model.context_window = static_cast<std::uint8_t>(o.window);
      label_by_folds(train, train_examples, extra_examples, extra_sources, first.keys().size(), o);
      for (std::size_t s = 0; s < dev.sentences.size(); ++s) {
        const std::vector<std::uint8_t> labels = decode(dev_examples[s], first_model);
        for (std::size_t t = 0; t < labels.size(); ++t) dev.traces[s][t].label = labels[t];
      }
      const std::vector<SentenceFeatures> train_context = context_of(train, model.context_window), dev_context = context_of(dev, model.context_window);
      FeatureIndex second;
      std::vector<Example> train_second, dev_second;
      for (std::size_t s = 0; s < train.sentences.size(); ++s) {
        train_second.push_back(second.example(train.features[s], &train_context[s], train.sentences[s].labels, true));
      }
      for (std::size_t s = 0; s < dev.sentences.size(); ++s) dev_second.push_back(second.example(dev.features[s], &dev_context[s], dev.sentences[s].labels, false));
      const LinearModel second_model = train_stage("second stage", train_second, second.keys().size(), dev_second, o);
      quantise(second_model, second.keys(), o.min_weight[1], model);
    }

    // The shipped model's scores, through the runtime tagger.
    EntityTagger tagger(NerModel(model), PhraseLexicon(cues), places, profile->entity_names_capitalised);
    std::vector<std::vector<std::string_view>> words(dev.sentences.size());
    for (std::size_t s = 0; s < dev.sentences.size(); ++s) words[s].assign(dev.sentences[s].words.begin(), dev.sentences[s].words.end());
    const auto labels = tagger.tag(words);
    conll::Scores scores;
    std::string predicted;
    for (std::size_t s = 0; s < dev.sentences.size(); ++s) {
      scores.add(dev.sentences[s].labels, labels[s]);
      for (std::size_t t = 0; t < words[s].size(); ++t) predicted.append(words[s][t]).append("\t").append(label_name(labels[s][t])).append("\n");
      predicted += "\n";
    }
    if (!o.predictions.empty() && !(std::ofstream(o.predictions, std::ios::binary) << predicted)) throw std::runtime_error("cannot write " + o.predictions);
    const std::size_t kept = model.weights.size();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr, "quantised model: %d stage(s), %zu features kept; trained in %.0f s\n%s", model.stages, kept, seconds,
                 scores.report().c_str());

    std::vector<std::string> name_files;
    for (const std::string& path : o.names) name_files.push_back(fs::path(path).filename().string());
    nlohmann::ordered_json card = {
        {"language", o.lang},
        {"features", o.features},
        {"training", {{"data", fs::path(o.train).filename().string()}, {"names", name_files}, {"stages", o.stages},
                      {"window", o.window}, {"min_weight", {o.min_weight[0], o.min_weight[1]}}, {"epochs", o.learning.epochs}, {"augment", o.augment}, {"dropout", o.learning.dropout}, {"seed", o.learning.seed},
                      {"sentences", train.sentences.size()}}},
        {"dev", {{"data", fs::path(o.dev).filename().string()},
                 {"span_f1", {{"PER", scores.spans[0].f1()}, {"LOC", scores.spans[1].f1()}, {"ORG", scores.spans[2].f1()}, {"micro", scores.span_micro().f1()}}},
                 {"token_f1", {{"PER", scores.tokens[0].f1()}, {"LOC", scores.tokens[1].f1()}, {"ORG", scores.tokens[2].f1()},
                               {"micro", scores.token_micro().f1()}, {"macro", scores.token_macro_f1()}}}}},
        {"features_kept", kept},
    };
    model.metadata = card.dump();
    if (!o.out.empty()) {
      const std::string bytes = write_model(model);
      std::ofstream out(o.out, std::ios::binary);
      out << bytes;
      if (!out) throw std::runtime_error("cannot write " + o.out);
      std::fprintf(stderr, "wrote %s: %zu bytes\n", o.out.c_str(), bytes.size());
      // The name lists go beside the model, in the file every language's model shares.
      const fs::path names_path = fs::path(o.out).parent_path() / "entity-names.bin";
      const std::string names = write_names(model.names);
      std::ofstream names_out(names_path, std::ios::binary);
      names_out << names;
      if (!names_out) throw std::runtime_error("cannot write " + names_path.string());
      std::fprintf(stderr, "wrote %s: %zu bytes\n", names_path.c_str(), names.size());
    }
  } catch (const std::exception& e) {
    std::cerr << "cronaca-train-ner: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
