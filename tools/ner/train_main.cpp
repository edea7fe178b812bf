// Trains the named-entity tagger: an averaged structured perceptron over the features of
// core/ner/features.h, decoded with BIO-constrained Viterbi, then quantised to 8-bit weights.
// Deterministic for a given seed. Reports dev scores per epoch and for the written model, which
// it evaluates through the runtime tagger (what the CLI and the page run).
//   cronaca-train-ner --train WN_train.tsv --dev WN_dev.tsv --organisations it-ORG-wikipedia.txt
//                     [--lang it] [--features full|neutral] [--epochs N] [--seed N] [--out FILE]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "geo/places.h"
#include "lang/language.h"
#include "ner/conll.h"
#include "ner/tagger.h"
#include "ner/viterbi.h"
#include "ner/word_info.h"

namespace fs = std::filesystem;
using namespace cronaca;

namespace {

struct Options {
  std::string train, dev, organisations, out, lang = "it", features = "full";
  int epochs = 12;
  std::uint64_t seed = 1;
  double dropout = 0;  // share of features hidden from each training update
};

// One sentence's features as indices into the weight table (features never seen in training
// are dropped), and its gold labels.
struct Example {
  std::vector<std::uint32_t> features;
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint8_t> labels;
};

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// "ORG name tokens", one per line (KIND's gazetteer, already tokenised).
PhraseLexicon read_organisations(const std::string& path) {
  PhraseLexicon names;
  if (path.empty()) return names;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t space = line.find(' ');
    if (space != std::string::npos) names.add_tokenised(line.substr(space + 1), 1);
  }
  return names;
}

class Perceptron {
 public:
  Perceptron(std::size_t features, double dropout, std::uint64_t seed)
      : weights_(features * kLabels), totals_(features * kLabels), dropout_(static_cast<std::uint64_t>(dropout * 65536)), random_(seed) {}

  // Trains on one example; returns whether the prediction was wrong. With dropout, a random share
  // of the features is left out of both the prediction and the update, so that the model cannot
  // lean on word identities alone (they are what is missing for unseen names).
  bool learn(const Example& x) {
    const std::size_t n = x.labels.size();
    emissions_.assign(n * kLabels, 0);
    kept_.resize(x.features.size());
    for (std::size_t i = 0; i < kept_.size(); ++i) kept_[i] = dropout_ == 0 || (random_() & 0xFFFF) >= dropout_;
    for (std::size_t t = 0; t < n; ++t) {
      for (std::uint32_t i = x.offsets[t]; i < x.offsets[t + 1]; ++i) {
        if (!kept_[i]) continue;
        const std::int32_t* w = &weights_[static_cast<std::size_t>(x.features[i]) * kLabels];
        for (int y = 0; y < kLabels; ++y) emissions_[t * kLabels + y] += w[y];
      }
    }
    predicted_.resize(n);
    viterbi<std::int32_t>(emissions_, transitions_, predicted_, best_, back_);
    bool wrong = false;
    for (std::size_t t = 0; t < n; ++t) {
      const int gold_previous = t ? x.labels[t - 1] : kLabels, predicted_previous = t ? predicted_[t - 1] : kLabels;
      if (x.labels[t] != predicted_[t]) {
        wrong = true;
        for (std::uint32_t i = x.offsets[t]; i < x.offsets[t + 1]; ++i) {
          if (!kept_[i]) continue;
          const std::size_t row = static_cast<std::size_t>(x.features[i]) * kLabels;
          update(weights_, totals_, row + x.labels[t], 1);
          update(weights_, totals_, row + predicted_[t], -1);
        }
      }
      if (x.labels[t] != predicted_[t] || gold_previous != predicted_previous) {
        update(transitions_, transition_totals_, gold_previous * kLabels + x.labels[t], 1);
        update(transitions_, transition_totals_, predicted_previous * kLabels + predicted_[t], -1);
      }
    }
    ++step_;
    return wrong;
  }

  // The averaged weights: each weight's mean over every step so far.
  std::vector<double> averaged_weights() const { return average(weights_, totals_); }
  std::vector<double> averaged_transitions() const {
    return average(std::vector<std::int32_t>(transitions_.begin(), transitions_.end()),
                   std::vector<std::int64_t>(transition_totals_.begin(), transition_totals_.end()));
  }

 private:
  template <class Weights, class Totals>
  void update(Weights& w, Totals& u, std::size_t i, int delta) {
    w[i] += delta;
    u[i] += static_cast<std::int64_t>(step_) * delta;
  }
  std::vector<double> average(const std::vector<std::int32_t>& w, const std::vector<std::int64_t>& u) const {
    std::vector<double> out(w.size());
    for (std::size_t i = 0; i < w.size(); ++i) out[i] = w[i] - static_cast<double>(u[i]) / static_cast<double>(step_);
    return out;
  }

  std::vector<std::int32_t> weights_;
  std::vector<std::int64_t> totals_;
  std::array<std::int32_t, (kLabels + 1) * kLabels> transitions_{};
  std::array<std::int64_t, (kLabels + 1) * kLabels> transition_totals_{};
  std::uint64_t step_ = 1;
  std::uint64_t dropout_;  // in 1/65536
  std::mt19937_64 random_;
  std::vector<std::int32_t> emissions_, best_;
  std::vector<std::uint8_t> predicted_, back_, kept_;
};

// Decodes with float weights (the averages during training).
std::vector<std::uint8_t> decode(const Example& x, const std::vector<double>& weights, const std::vector<double>& transitions) {
  const std::size_t n = x.labels.size();
  std::vector<double> emissions(n * kLabels, 0), best;
  std::vector<std::uint8_t> path(n), back;
  for (std::size_t t = 0; t < n; ++t) {
    for (std::uint32_t i = x.offsets[t]; i < x.offsets[t + 1]; ++i) {
      for (int y = 0; y < kLabels; ++y) emissions[t * kLabels + y] += weights[static_cast<std::size_t>(x.features[i]) * kLabels + y];
    }
  }
  viterbi<double>(emissions, transitions, path, best, back);
  return path;
}

void shuffle(std::vector<std::size_t>& order, std::mt19937_64& random) {
  // Fisher-Yates with the generator's raw output: std::shuffle's algorithm differs between
  // standard libraries, and the order must not.
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random() % i]);
}

int usage() {
  std::cerr << "usage: cronaca-train-ner --train FILE --dev FILE [--organisations FILE] [--lang it]\n"
               "                         [--features full|neutral] [--epochs N] [--seed N] [--out FILE]\n";
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
    else if (flag == "--organisations") o.organisations = value;
    else if (flag == "--out") o.out = value;
    else if (flag == "--lang") o.lang = value;
    else if (flag == "--features") o.features = value;
    else if (flag == "--epochs") o.epochs = std::max(1, std::stoi(value));
    else if (flag == "--seed") o.seed = std::stoull(value);
    else if (flag == "--dropout") o.dropout = std::clamp(std::stod(value), 0.0, 0.9);
    else return usage();
  }
  if (o.train.empty() || o.dev.empty() || (o.features != "full" && o.features != "neutral")) return usage();
  const auto started = std::chrono::steady_clock::now();
  try {
    const char* pack_path = std::getenv("CRONACA_RESOURCES");
    const fs::path pack = pack_path ? fs::path(pack_path) : fs::read_symlink("/proc/self/exe").parent_path() / ".." / "share" / "cronaca" / "resources.pack";
    Resources resources;
    std::string error;
    if (!resources.add_pack(read_all(pack), error)) throw std::runtime_error(pack.string() + ": " + error);
    std::vector<std::string> errors;
    const Languages languages = Languages::load(resources, errors);
    const LanguageProfile* profile = languages.find(o.lang);
    if (!profile) throw std::runtime_error("no language " + o.lang);
    const Places places(resources);
    const PhraseLexicon cues = load_entity_cues(resources, *profile);

    NerModel model;
    model.feature_set = o.features == "full" ? FeatureSet::full : FeatureSet::neutral;
    model.organisations = read_organisations(o.organisations);
    const std::vector<conll::Sentence> train = conll::read(o.train), dev = conll::read(o.dev);
    std::fprintf(stderr, "train: %zu sentences; dev: %zu; places: %zu names; organisations: %zu names\n", train.size(), dev.size(),
                 places.names().size(), model.organisations.size());

    // Features, extracted once. Indices are assigned in order of first appearance, so they too
    // are deterministic.
    FeatureExtractor extractor(model.feature_set, {&places.names(), &model.organisations, &cues});
    std::unordered_map<std::uint32_t, std::uint32_t> index;
    std::vector<std::uint32_t> keys;
    SentenceFeatures features;
    const auto examples_of = [&](const std::vector<conll::Sentence>& sentences, bool grow) {
      std::vector<Example> examples;
      std::vector<std::string_view> words;
      for (const conll::Sentence& s : sentences) {
        words.assign(s.words.begin(), s.words.end());
        extractor.extract(words, features);
        Example x;
        x.labels = s.labels;
        x.offsets.push_back(0);
        for (std::size_t t = 0; t < words.size(); ++t) {
          for (std::uint32_t key : features.of(t)) {
            auto found = index.find(key);
            if (found == index.end() && grow) {
              found = index.emplace(key, static_cast<std::uint32_t>(keys.size())).first;
              keys.push_back(key);
            }
            if (found != index.end()) x.features.push_back(found->second);
          }
          x.offsets.push_back(static_cast<std::uint32_t>(x.features.size()));
        }
        examples.push_back(std::move(x));
      }
      return examples;
    };
    const std::vector<Example> train_examples = examples_of(train, true), dev_examples = examples_of(dev, false);
    std::fprintf(stderr, "features: %zu\n", keys.size());

    Perceptron perceptron(keys.size(), o.dropout, o.seed + 1);
    std::mt19937_64 random(o.seed);
    std::vector<std::size_t> order(train_examples.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    for (int epoch = 1; epoch <= o.epochs; ++epoch) {
      shuffle(order, random);
      std::size_t wrong = 0;
      for (std::size_t i : order) wrong += perceptron.learn(train_examples[i]) ? 1 : 0;
      const std::vector<double> weights = perceptron.averaged_weights(), transitions = perceptron.averaged_transitions();
      conll::Scores scores;
      for (const Example& x : dev_examples) scores.add(x.labels, decode(x, weights, transitions));
      std::fprintf(stderr, "epoch %2d: %5zu wrong sentences; dev span F1 %.4f (PER %.4f LOC %.4f ORG %.4f)\n", epoch, wrong,
                   scores.span_micro().f1(), scores.spans[0].f1(), scores.spans[1].f1(), scores.spans[2].f1());
    }

    // Quantisation: one scale for weights and transitions, the largest weight at 127.
    const std::vector<double> weights = perceptron.averaged_weights(), transitions = perceptron.averaged_transitions();
    double largest = 0;
    for (double w : weights) largest = std::max(largest, std::abs(w));
    const double scale = largest > 0 ? 127.0 / largest : 1.0;
    for (std::size_t f = 0; f < keys.size(); ++f) {
      LabelWeights q{};
      bool any = false;
      for (int y = 0; y < kLabels; ++y) {
        q[y] = static_cast<std::int8_t>(std::lround(weights[f * kLabels + y] * scale));
        any |= q[y] != 0;
      }
      if (any) model.weights.insert(keys[f], q);
    }
    for (std::size_t i = 0; i < transitions.size(); ++i) {
      model.transitions[i] = static_cast<std::int16_t>(std::clamp<long>(std::lround(transitions[i] * scale), -32000, 32000));
    }

    // The shipped model's scores, through the runtime tagger.
    EntityTagger tagger(NerModel(model), PhraseLexicon(cues), places, profile->entity_names_capitalised);
    conll::Scores scores;
    std::vector<std::string_view> words;
    for (const conll::Sentence& s : dev) {
      words.assign(s.words.begin(), s.words.end());
      const auto labels = tagger.tag(words);
      scores.add(s.labels, std::vector<std::uint8_t>(labels.begin(), labels.end()));
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr, "quantised model: %zu features kept of %zu; trained in %.0f s\n%s", model.weights.size(), keys.size(), seconds,
                 scores.report().c_str());

    nlohmann::ordered_json card = {
        {"language", o.lang},
        {"features", o.features},
        {"training", {{"data", fs::path(o.train).filename().string()}, {"organisations", fs::path(o.organisations).filename().string()},
                      {"epochs", o.epochs}, {"seed", o.seed}, {"sentences", train.size()}}},
        {"dev", {{"data", fs::path(o.dev).filename().string()},
                 {"span_f1", {{"PER", scores.spans[0].f1()}, {"LOC", scores.spans[1].f1()}, {"ORG", scores.spans[2].f1()}, {"micro", scores.span_micro().f1()}}},
                 {"token_f1", {{"PER", scores.tokens[0].f1()}, {"LOC", scores.tokens[1].f1()}, {"ORG", scores.tokens[2].f1()},
                               {"micro", scores.token_micro().f1()}, {"macro", scores.token_macro_f1()}}}}},
        {"features_kept", model.weights.size()},
    };
    model.metadata = card.dump();
    if (!o.out.empty()) {
      const std::string bytes = write_model(model);
      std::ofstream out(o.out, std::ios::binary);
      out << bytes;
      if (!out) throw std::runtime_error("cannot write " + o.out);
      std::fprintf(stderr, "wrote %s: %zu bytes\n", o.out.c_str(), bytes.size());
    }
  } catch (const std::exception& e) {
    std::cerr << "cronaca-train-ner: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
