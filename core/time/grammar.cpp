#include "time/grammar.h"

#include <algorithm>
#include <stdexcept>

#include "lang/language.h"
#include "text/utf8.h"

namespace cronaca {

namespace {

bool parse_type(std::string_view name, TimexType& type) {
  for (TimexType candidate : {TimexType::date, TimexType::time, TimexType::duration, TimexType::set}) {
    if (name == to_string(candidate)) {
      type = candidate;
      return true;
    }
  }
  return false;
}

bool is_upper_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; });
}

}  // namespace

TemporalGrammar::TemporalGrammar(std::string_view text, const std::string& file_name) {
  by_category_.resize(kCategoryCount);
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (const auto hash = line.find(" #"); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    const auto fail = [&](const std::string& message) {
      throw std::runtime_error(file_name + ":" + std::to_string(line_number) + ": " + message);
    };
    TemporalRule rule;
    rule.line = line_number;
    std::string_view flags;
    if (const auto arrow = line.find("=>"); arrow != std::string_view::npos) {
      flags = trim(line.substr(arrow + 2));
      line = trim(line.substr(0, arrow));
    }
    const std::vector<std::string_view> words = list_words(line);
    if (words.size() < 2 || !parse_type(words[0], rule.type)) fail("expected DATE, TIME, DURATION or SET and a pattern");
    for (std::size_t w = 1; w < words.size(); ++w) {
      std::string_view word = words[w];
      PatternElement element;
      if (word.front() == '!') {
        element.negative = true;
        word.remove_prefix(1);
      }
      if (word.size() > 1 && word.back() == '?') {
        element.optional = true;
        word.remove_suffix(1);
      }
      if (word.front() == '<') {
        if (word.back() != '>') fail("unclosed " + std::string(word));
        element.context = true;
        word = word.substr(1, word.size() - 2);
      }
      if (!word.empty() && word.back() == '?' && !element.optional) {
        element.optional = true;
        word.remove_suffix(1);
      }
      if (word.empty()) fail("empty element");
      for (std::size_t start = 0; start <= word.size();) {
        std::size_t bar = word.find('|', start);
        if (bar == std::string_view::npos) bar = word.size();
        const std::string_view option = word.substr(start, bar - start);
        if (option.empty()) fail("empty alternative in " + std::string(word));
        PatternElement::Alternative alternative;
        const std::size_t colon = option.find(':');
        if (colon != std::string_view::npos && colon > 0 && colon + 1 < option.size() && is_upper_name(option.substr(0, colon))) {
          if (!category_from_name(option.substr(0, colon), alternative.category)) fail("unknown category " + std::string(option));
          alternative.is_category = true;
          alternative.word = apostrophe_key(option.substr(colon + 1));
          alternative.word_id = intern(alternative.word);
        } else if (is_upper_name(option)) {
          if (!category_from_name(option, alternative.category)) fail("unknown category " + std::string(option));
          alternative.is_category = true;
        } else {
          alternative.word = apostrophe_key(option);
          alternative.word_id = intern(alternative.word);
        }
        if (alternative.is_category) {
          element.categories |= std::uint64_t{1} << static_cast<unsigned>(alternative.category);
        } else {
          element.word_ids.push_back(alternative.word_id);
        }
        element.alternatives.push_back(std::move(alternative));
        start = bar + 1;
      }
      std::sort(element.word_ids.begin(), element.word_ids.end());
      if (element.negative && (element.optional || element.context)) fail("a ! element is neither optional nor context");
      rule.elements.push_back(std::move(element));
    }
    if (rule.elements.front().negative) fail("a rule cannot start with a ! element");
    for (std::string_view flag : list_words(flags)) {
      const std::size_t equals = flag.find('=');
      const std::string_view key = flag.substr(0, equals);
      const std::string_view value = equals == std::string_view::npos ? std::string_view{} : flag.substr(equals + 1);
      if (const std::string error = apply_meaning_flag(rule.flags, key, value, store_); !error.empty()) fail(error);
    }
    rules_.push_back(std::move(rule));
    index(rules_.size() - 1);
  }
  for (WordStart& start : by_word_) {
    for (std::uint32_t rule_index : start.rules) start.add(rule_index, follows_[rule_index]);
    std::sort(start.by_next_word.begin(), start.by_next_word.end());
    starts_rules_.push_back(!start.rules.empty() || !start.limited_rules.empty());
  }
  for (std::vector<Follow>* list : {&follows_, &category_follows_}) {
    for (Follow& follow : *list) std::sort(follow.words.begin(), follow.words.end());
  }
}

std::uint32_t TemporalGrammar::intern(const std::string& word) {
  const std::uint32_t id = word_ids_.index(word);
  word_ids_.at(id) = id;
  if (words_.size() <= id) words_.push_back(word);
  if (by_word_.size() <= id) by_word_.resize(id + 1);
  return id;
}

bool TemporalGrammar::Follow::admits(const MatchInput& input, std::size_t next) const {
  if (any) return true;
  if (next >= input.end) return false;
  return (categories & input.categories[next]) != 0 || std::binary_search(words.begin(), words.end(), input.word_ids[next]);
}

void TemporalGrammar::WordStart::add(std::uint32_t rule, const Follow& follow) {
  if (follow.any) {
    ending_rules.push_back(rule);
    return;
  }
  for (std::uint32_t word : follow.words) by_next_word.emplace_back(word, rule);
  if (follow.categories != 0) {
    by_next_categories.emplace_back(follow.categories, rule);
    next_categories |= follow.categories;
  }
}

void TemporalGrammar::WordStart::follow(const MatchInput& input, std::size_t next, std::vector<std::uint32_t>& candidates) const {
  candidates.insert(candidates.end(), ending_rules.begin(), ending_rules.end());
  if (next >= input.end) return;
  if (next_categories & input.categories[next]) {
    for (const auto& [categories, rule] : by_next_categories) {
      if (categories & input.categories[next]) candidates.push_back(rule);
    }
  }
  const std::uint32_t word = input.word_ids[next];
  auto it = std::lower_bound(by_next_word.begin(), by_next_word.end(), std::make_pair(word, std::uint32_t{0}));
  for (; it != by_next_word.end() && it->first == word; ++it) candidates.push_back(it->second);
}

void TemporalGrammar::index(std::size_t rule_index) {
  const TemporalRule& rule = rules_[rule_index];
  Follow& follow = follows_.emplace_back();
  Follow& category_follow = category_follows_.emplace_back();
  // A rule can start at any element up to and including its first required one.
  for (std::size_t e = 0; e < rule.elements.size(); ++e) {
    const PatternElement& element = rule.elements[e];
    if (element.negative) continue;
    bool literal = false, category = false;
    for (const auto& alternative : element.alternatives) {
      auto& list = !alternative.is_category  ? by_word_[alternative.word_id].rules
                   : alternative.word.empty() ? by_category_[static_cast<std::size_t>(alternative.category)]
                                              : by_word_[alternative.word_id].limited_rules;
      if (list.empty() || list.back() != rule_index) list.push_back(static_cast<std::uint32_t>(rule_index));
      literal |= !alternative.is_category;
      category |= alternative.is_category;
    }
    if (literal) add_follow(rule, e + 1, follow);
    if (category) add_follow(rule, e + 1, category_follow);
    if (!element.optional) break;
  }
}

void TemporalGrammar::add_follow(const TemporalRule& rule, std::size_t element, Follow& follow) const {
  for (std::size_t e = element; e < rule.elements.size(); ++e) {
    const PatternElement& next = rule.elements[e];
    if (next.negative) break;
    for (const auto& alternative : next.alternatives) {
      if (alternative.is_category) {
        follow.categories |= std::uint64_t{1} << static_cast<unsigned>(alternative.category);
      } else {
        follow.words.push_back(alternative.word_id);
      }
    }
    if (!next.optional) return;
  }
  follow.any = true;
}

bool TemporalGrammar::element_matches(const PatternElement::Alternative& alternative, const MatchInput& input,
                                      std::size_t at, std::size_t& length, const Meaning*& meaning) const {
  // Literal words cover one token and say nothing; categories may cover several.
  if (!alternative.is_category) {
    length = 1;
    meaning = nullptr;
    return input.word_ids[at] == alternative.word_id && input.folded[at] == alternative.word;
  }
  return false;
}

void TemporalGrammar::extend(const TemporalRule& rule, std::size_t element, std::size_t at, const MatchInput& input,
                             std::vector<std::pair<std::size_t, const Meaning*>>& path, std::vector<std::size_t>& starts,
                             std::vector<std::size_t>& ends, std::optional<RuleMatch>& best) const {
  if (element == rule.elements.size()) {
    // The extent runs from the first to the last token matched by a non-context element.
    std::size_t begin = SIZE_MAX, end = 0;
    for (std::size_t e = 0; e < rule.elements.size(); ++e) {
      if (rule.elements[e].context || starts[e] == ends[e]) continue;
      begin = std::min(begin, starts[e]);
      end = std::max(end, ends[e]);
    }
    if (begin >= end) return;
    const std::size_t length = end - begin;
    if (best) {
      const std::size_t best_length = best->extent_end - best->extent_begin;
      if (length < best_length || (length == best_length && rule.line >= best->rule->line)) return;
    }
    RuleMatch match;
    match.rule = &rule;
    match.extent_begin = begin;
    match.extent_end = end;
    match.match_end = at;
    for (const auto& [index, meaning] : path) {
      (void)index;
      if (meaning) match.meaning.merge(*meaning);
    }
    match.meaning.merge(rule.flags);
    best = std::move(match);
    return;
  }
  const PatternElement& pattern = rule.elements[element];
  if (pattern.negative) {
    bool blocked = false;
    if (at < input.end && pattern.may_take(input.word_ids[at], input.categories[at])) {
      for (const auto& alternative : pattern.alternatives) {
        std::size_t length = 0;
        const Meaning* meaning = nullptr;
        if (element_matches(alternative, input, at, length, meaning)) blocked = true;
        for (std::uint32_t f = input.fact_begin[at]; f < input.fact_begin[at + 1] && !blocked; ++f) {
          blocked = alternative.is_category && input.facts[f].category == alternative.category &&
                    (alternative.word.empty() || input.folded[at] == alternative.word);
        }
      }
    }
    if (!blocked) {
      starts[element] = ends[element] = at;
      extend(rule, element + 1, at, input, path, starts, ends, best);
    }
    return;
  }
  if (at < input.end && pattern.may_take(input.word_ids[at], input.categories[at])) {
    for (const auto& alternative : pattern.alternatives) {
      std::size_t length = 0;
      const Meaning* meaning = nullptr;
      if (element_matches(alternative, input, at, length, meaning)) {
        starts[element] = at;
        ends[element] = at + length;
        path.emplace_back(element, nullptr);
        extend(rule, element + 1, at + length, input, path, starts, ends, best);
        path.pop_back();
      }
      if (!alternative.is_category) continue;
      for (std::uint32_t f = input.fact_begin[at]; f < input.fact_begin[at + 1]; ++f) {
        const TokenFact& fact = input.facts[f];
        if (fact.category != alternative.category || at + fact.length > input.end) continue;
        if (!alternative.word.empty() &&
            (fact.length != 1 || input.word_ids[at] != alternative.word_id || input.folded[at] != alternative.word)) {
          continue;
        }
        starts[element] = at;
        ends[element] = at + fact.length;
        path.emplace_back(element, fact.meaning);
        extend(rule, element + 1, at + fact.length, input, path, starts, ends, best);
        path.pop_back();
      }
    }
  }
  if (pattern.optional) {
    starts[element] = ends[element] = at;
    extend(rule, element + 1, at, input, path, starts, ends, best);
  }
}

std::optional<RuleMatch> TemporalGrammar::match_from(const MatchInput& input, std::size_t at, MatchScratch& scratch) const {
  // Only rules that can start with this token's word or one of its categories are tried.
  std::vector<std::uint32_t>& candidates = scratch.candidates;
  candidates.clear();
  // A rule a literal word starts is worth trying only when its next element can take the next
  // token; the rules the token's facts start, and those a category limited to its word starts,
  // are tried whatever follows.
  const std::uint32_t word = input.word_ids[at];
  const bool has_facts = input.fact_begin[at] != input.fact_begin[at + 1];
  if (word != kNoWord) {
    const WordStart& start = by_word_[word];
    start.follow(input, at + 1, candidates);
    if (has_facts) candidates.insert(candidates.end(), start.limited_rules.begin(), start.limited_rules.end());
  }
  if (has_facts) {
    // When every fact covers this token alone, a rule one of them starts goes on at the next.
    bool single_tokens = true;
    for (std::uint32_t f = input.fact_begin[at]; f < input.fact_begin[at + 1]; ++f) single_tokens &= input.facts[f].length == 1;
    for (std::uint32_t f = input.fact_begin[at]; f < input.fact_begin[at + 1]; ++f) {
      const auto& list = by_category_[static_cast<std::size_t>(input.facts[f].category)];
      if (!single_tokens) {
        candidates.insert(candidates.end(), list.begin(), list.end());
        continue;
      }
      for (std::uint32_t index : list) {
        if (category_follows_[index].admits(input, at + 1)) candidates.push_back(index);
      }
    }
  }
  if (candidates.size() > 1) {  // a rule may be listed under several of its starts
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  }
  if (candidates.empty()) return std::nullopt;

  std::optional<RuleMatch> best;
  for (std::uint32_t index : candidates) {
    const TemporalRule& rule = rules_[index];
    // extend sets each element's span before the rule's end reads it.
    if (scratch.starts.size() < rule.elements.size()) {
      scratch.starts.resize(rule.elements.size());
      scratch.ends.resize(rule.elements.size());
    }
    scratch.path.clear();
    // The match must begin at `at`: skip the optional leading elements that cannot.
    extend(rule, 0, at, input, scratch.path, scratch.starts, scratch.ends, best);
  }
  if (best && best->extent_begin < at) best.reset();
  return best;
}

}  // namespace cronaca
