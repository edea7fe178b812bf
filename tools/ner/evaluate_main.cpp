// Scores a tagger's output against gold CoNLL data: exact-span precision, recall and F1 per type
// and micro-averaged, and the per-token scores of EVALITA 2023 NERMuD.
//   cronaca-ner-eval GOLD PREDICTED     (both token<TAB>tag, the same tokens in the same order)
// For example: build/bin/cronaca tag --conll < WN_dev.tsv > dev.out && cronaca-ner-eval WN_dev.tsv dev.out
#include <cstdio>
#include <iostream>

#include "ner/conll.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: cronaca-ner-eval GOLD PREDICTED\n";
    return 2;
  }
  try {
    const auto gold = cronaca::conll::read(argv[1]);
    const auto predicted = cronaca::conll::read(argv[2]);
    if (gold.size() != predicted.size()) throw std::runtime_error("the files have different numbers of sentences");
    cronaca::conll::Scores scores;
    for (std::size_t i = 0; i < gold.size(); ++i) {
      if (gold[i].words != predicted[i].words) throw std::runtime_error("sentence " + std::to_string(i + 1) + " has different tokens");
      scores.add(gold[i].labels, predicted[i].labels);
    }
    std::fputs(scores.report().c_str(), stdout);
  } catch (const std::exception& e) {
    std::cerr << "cronaca-ner-eval: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
