#include "time/number_words.h"

#include <charconv>
#include <stdexcept>

#include "text/utf8.h"
#include "time/lexicon.h"

namespace cronaca {

namespace {

struct WordLine {
  std::string_view kind, list, words;
  int index = 0;
};

// The lines of words/LANG.txt of one kind ("calendar", "spellout") and list, in file order.
std::vector<WordLine> word_lines(const Resources& resources, const std::string& lang, std::string_view kind, std::string_view list) {
  const std::string name = "words/" + lang + ".txt";
  const std::string* text = resources.find(name);
  if (!text) throw std::runtime_error("no ICU words for \"" + lang + "\" (" + name + ")");
  std::vector<WordLine> lines;
  std::size_t pos = 0;
  while (pos < text->size()) {
    std::size_t end = text->find('\n', pos);
    if (end == std::string::npos) end = text->size();
    const std::string_view line(text->data() + pos, end - pos);
    pos = end + 1;
    if (line.empty() || line.front() == '#') continue;
    std::string_view fields[4];
    std::size_t start = 0;
    for (int f = 0; f < 4; ++f) {
      std::size_t tab = f < 3 ? line.find('\t', start) : std::string_view::npos;
      if (tab == std::string_view::npos) {
        if (f < 3) throw std::runtime_error(name + ": malformed line");
        tab = line.size();
      }
      fields[f] = line.substr(start, tab - start);
      start = tab + 1;
    }
    if (fields[0] != kind || fields[1] != list) continue;
    WordLine item{fields[0], fields[1], fields[3]};
    if (std::from_chars(fields[2].data(), fields[2].data() + fields[2].size(), item.index).ec != std::errc{}) {
      throw std::runtime_error(name + ": malformed number");
    }
    lines.push_back(item);
  }
  return lines;
}

}  // namespace

std::vector<SpelledNumber> spelled_numbers(const Resources& resources, const std::string& lang,
                                           const std::vector<std::string>& rule_sets, int limit) {
  std::vector<SpelledNumber> out;
  for (const std::string& set : rule_sets) {
    const std::vector<WordLine> lines = word_lines(resources, lang, "spellout", set);
    if (lines.empty()) throw std::runtime_error("spell-out rule set \"" + set + "\" is unknown for " + lang);
    for (const WordLine& line : lines) {
      if (line.index > limit) break;
      SpelledNumber number{phrase_tokens(fold_case(line.words)), line.index};
      // "twenty-four" is also written "twenty four".
      SpelledNumber unhyphenated = number;
      std::erase(unhyphenated.tokens, std::string("-"));
      if (unhyphenated.tokens.size() != number.tokens.size()) out.push_back(std::move(unhyphenated));
      out.push_back(std::move(number));
    }
  }
  return out;
}

std::vector<std::string> calendar_names(const Resources& resources, const std::string& lang, std::string_view names) {
  std::vector<std::string> out;
  for (const WordLine& line : word_lines(resources, lang, "calendar", names)) {
    if (line.index != static_cast<int>(out.size())) throw std::runtime_error("words/" + lang + ".txt: calendar names out of order");
    out.emplace_back(line.words);
  }
  if (out.empty()) throw std::runtime_error("no calendar names " + std::string(names) + " for \"" + lang + "\"");
  return out;
}

}  // namespace cronaca
