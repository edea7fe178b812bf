#include "ner/conll.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <tuple>

#include "analysis/document.h"

namespace cronaca::conll {

std::vector<Sentence> read(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<Sentence> sentences(1);
  std::string line;
  long number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!sentences.back().words.empty()) sentences.emplace_back();
      continue;
    }
    const std::size_t tab = line.find('\t');
    std::uint8_t label = kOutside;
    if (tab != std::string::npos && !parse_label(line.substr(tab + 1), label)) {
      throw std::runtime_error(path + ":" + std::to_string(number) + ": unknown tag \"" + line.substr(tab + 1) + "\"");
    }
    sentences.back().words.push_back(line.substr(0, tab));
    sentences.back().labels.push_back(label);
  }
  if (sentences.back().words.empty()) sentences.pop_back();
  return sentences;
}

std::vector<std::tuple<std::size_t, std::size_t, int>> chunks(const std::vector<std::uint8_t>& labels) {
  std::vector<std::tuple<std::size_t, std::size_t, int>> out;
  for (std::size_t i = 0; i < labels.size();) {
    if (labels[i] == kOutside) {
      ++i;
      continue;
    }
    const int type = static_cast<int>(type_of(labels[i]));
    std::size_t end = i + 1;
    while (end < labels.size() && is_inside(labels[end]) && static_cast<int>(type_of(labels[end])) == type) ++end;
    out.emplace_back(i, end, type);
    i = end;
  }
  return out;
}

void Scores::add(const std::vector<std::uint8_t>& gold, const std::vector<std::uint8_t>& predicted) {
  const auto gold_chunks = chunks(gold), predicted_chunks = chunks(predicted);
  for (const auto& c : gold_chunks) ++spans[std::get<2>(c)].gold;
  for (const auto& c : predicted_chunks) {
    ++spans[std::get<2>(c)].predicted;
    if (std::binary_search(gold_chunks.begin(), gold_chunks.end(), c)) ++spans[std::get<2>(c)].true_positives;
  }
  for (std::size_t i = 0; i < gold.size(); ++i) {
    const int g = gold[i] == kOutside ? -1 : static_cast<int>(type_of(gold[i]));
    const int p = predicted[i] == kOutside ? -1 : static_cast<int>(type_of(predicted[i]));
    if (g >= 0) ++tokens[g].gold;
    if (p >= 0) ++tokens[p].predicted;
    if (g >= 0 && g == p) ++tokens[g].true_positives;
  }
}

Counts Scores::span_micro() const {
  Counts total;
  for (const Counts& c : spans) total += c;
  return total;
}

Counts Scores::token_micro() const {
  Counts total;
  for (const Counts& c : tokens) total += c;
  return total;
}

double Scores::token_macro_f1() const {
  double sum = 0;
  for (const Counts& c : tokens) sum += c.f1();
  return sum / kEntityTypes;
}

std::string Scores::report() const {
  std::string out;
  char line[160];
  const auto row = [&](const char* name, const Counts& c) {
    std::snprintf(line, sizeof line, "  %-6s %9.4f %9.4f %9.4f %8ld\n", name, c.precision(), c.recall(), c.f1(), c.gold);
    out += line;
  };
  out += "exact spans (CoNLL)\n  type   precision    recall        F1     gold\n";
  for (int t = 0; t < kEntityTypes; ++t) row(label(static_cast<EntityType>(t)), spans[t]);
  row("micro", span_micro());
  out += "per token (EVALITA 2023 NERMuD)\n  type   precision    recall        F1   tokens\n";
  for (int t = 0; t < kEntityTypes; ++t) row(label(static_cast<EntityType>(t)), tokens[t]);
  row("micro", token_micro());
  std::snprintf(line, sizeof line, "  macro  F1 %.4f\n", token_macro_f1());
  out += line;
  return out;
}

}  // namespace cronaca::conll
