#pragma once
// CoNLL-style named-entity data (one "token<TAB>tag" per line, a blank line between sentences)
// and its scores: exact-span precision, recall and F1 per type and micro-averaged (as conlleval),
// and the per-token scores of EVALITA 2023 NERMuD (B-/I- prefixes dropped, each token scored by
// its type, micro and macro averages over PER, LOC, ORG).
#include <array>
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "ner/labels.h"

namespace cronaca::conll {

struct Sentence {
  std::vector<std::string> words;
  std::vector<std::uint8_t> labels;
};

// Throws std::runtime_error naming the file and line for an unreadable file or an unknown tag.
std::vector<Sentence> read(const std::string& path);

// The mentions of a label sequence as (begin, end, type) in order, as conlleval reads them: an
// I- that does not continue its type starts a new mention.
std::vector<std::tuple<std::size_t, std::size_t, int>> chunks(const std::vector<std::uint8_t>& labels);

struct Counts {
  long true_positives = 0, predicted = 0, gold = 0;
  double precision() const { return predicted ? static_cast<double>(true_positives) / predicted : 0; }
  double recall() const { return gold ? static_cast<double>(true_positives) / gold : 0; }
  double f1() const { return predicted + gold ? 2.0 * true_positives / (predicted + gold) : 0; }
  Counts& operator+=(const Counts& o) {
    true_positives += o.true_positives, predicted += o.predicted, gold += o.gold;
    return *this;
  }
};

struct Scores {
  std::array<Counts, kEntityTypes> spans{};   // exact spans per type
  std::array<Counts, kEntityTypes> tokens{};  // NERMuD per-token per type

  void add(const std::vector<std::uint8_t>& gold, const std::vector<std::uint8_t>& predicted);
  Counts span_micro() const;
  Counts token_micro() const;
  double token_macro_f1() const;
  // A plain-text report of both scores.
  std::string report() const;
};

}  // namespace cronaca::conll
