#pragma once
// The rules of a language's temporal expressions (assets/lang/<code>/temporal/rules.txt) and the
// matcher that finds them in a sentence. A rule is a type and a sequence of elements:
//
//   DATE   WEEKDAY? DAY MONTH di|del? YEAR
//   DATE   <nel|del|dal> YEAR                 <...> must match but stays outside the extent
//   DATE   DAY !UNIT                          !X: the next token must not be X (takes no token)
//   DURATION  MOD? NUM UNIT  => mod=APPROX    flags after => add to the expression's Meaning
//
// An element is one or more alternatives separated by |: a category (upper case, see lexicon.h),
// a literal word (case-folded), or a category limited to one word, which keeps the word's
// meaning ("UNIT:years"). A trailing ? makes it optional.
#include <algorithm>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "resources/resources.h"
#include "text/word_map.h"
#include "time/lexicon.h"
#include "time/meaning.h"

namespace cronaca {

struct PatternElement {
  struct Alternative {
    bool is_category = false;
    Category category = Category::num;
    std::string word;  // a literal, or the one word a category is limited to
    std::uint32_t word_id = UINT32_MAX;  // of `word` (TemporalGrammar::word_id)
  };
  std::vector<Alternative> alternatives;
  bool optional = false;
  bool context = false;
  bool negative = false;
  // What any alternative needs, to skip at once the tokens none can take: a category bit of the
  // token's facts, or one of the sorted word ids.
  std::uint64_t categories = 0;
  std::vector<std::uint32_t> word_ids;
  bool may_take(std::uint32_t word_id, std::uint64_t token_categories) const {
    return (categories & token_categories) != 0 || std::binary_search(word_ids.begin(), word_ids.end(), word_id);
  }
};

struct TemporalRule {
  TimexType type = TimexType::date;
  std::vector<PatternElement> elements;
  Meaning flags;
  std::size_t line = 0;  // in rules.txt; earlier lines win ties
};

// What is known about one token: the categories it (and possibly the tokens after it) belongs to.
struct TokenFact {
  Category category;
  std::uint8_t length;     // tokens covered
  const Meaning* meaning;  // what it says
};

// The tokens of one sentence as the matcher sees them.
struct MatchInput {
  const std::vector<std::string_view>& folded;
  // TemporalGrammar::word_id of each folded token: the matcher compares numbers, not strings.
  const std::vector<std::uint32_t>& word_ids;
  // A bit per Category of each token's facts.
  const std::vector<std::uint64_t>& categories;
  // Facts of token i are facts[fact_begin[i] .. fact_begin[i + 1]).
  const std::vector<TokenFact>& facts;
  const std::vector<std::uint32_t>& fact_begin;
  std::size_t begin;  // first token of the sentence
  std::size_t end;    // one past its last token
};

struct RuleMatch {
  const TemporalRule* rule = nullptr;
  std::size_t extent_begin = 0;  // tokens
  std::size_t extent_end = 0;
  std::size_t match_end = 0;     // including trailing context
  Meaning meaning;               // merged from the matched tokens and the rule's flags
};

// What match_at works in, kept by the caller from one call to the next so that matching a token
// allocates nothing (the grammar itself is shared and const).
struct MatchScratch {
  std::vector<std::uint32_t> candidates;
  std::vector<std::pair<std::size_t, const Meaning*>> path;
  std::vector<std::size_t> starts, ends;
};

class TemporalGrammar {
 public:
  // Throws std::runtime_error naming the line of any malformed rule.
  TemporalGrammar(std::string_view rules_text, const std::string& file_name);

  // The best rule match whose first token is `at`: the longest extent, then the earliest rule.
  std::optional<RuleMatch> match_at(const MatchInput& input, std::size_t at, MatchScratch& scratch) const {
    // Most tokens start no rule: they have no facts and are no rule's word. Inline, they cost a
    // test or two.
    const bool may_start = input.fact_begin[at] != input.fact_begin[at + 1] ||
                           (input.word_ids[at] != kNoWord && starts_rules_[input.word_ids[at]]);
    if (!may_start) return std::nullopt;
    return match_from(input, at, scratch);
  }

  std::size_t size() const { return rules_.size(); }

  // The words the rules name, numbered: the tagger looks each token's number up once (kNoWord for
  // any other word), and matching compares these numbers before comparing strings.
  static constexpr std::uint32_t kNoWord = UINT32_MAX;
  const std::vector<std::string>& words() const { return words_; }

 private:
  struct Candidate;
  std::optional<RuleMatch> match_from(const MatchInput& input, std::size_t at, MatchScratch& scratch) const;
  std::uint32_t intern(const std::string& word);
  void index(std::size_t rule_index);
  bool element_matches(const PatternElement::Alternative& alternative, const MatchInput& input, std::size_t at,
                       std::size_t& length, const Meaning*& meaning) const;
  void extend(const TemporalRule& rule, std::size_t element, std::size_t at, const MatchInput& input,
              std::vector<std::pair<std::size_t, const Meaning*>>& path, std::vector<std::size_t>& starts,
              std::vector<std::size_t>& ends, std::optional<RuleMatch>& best) const;

  // What may come right after a rule's first token, when a literal word took it (follows_) or one
  // of the rule's categories did (category_follows_): most rules start with a common word ("the",
  // "a", "in") or a number and fail on the next token, so the next token tells which of them are
  // worth trying.
  struct Follow {
    bool any = false;              // the rule may end there, or a ! element is checked there
    std::uint64_t categories = 0;  // bit per Category
    std::vector<std::uint32_t> words;  // word ids, sorted
    bool admits(const MatchInput& input, std::size_t next) const;
  };
  static_assert(kCategoryCount <= 64, "Follow::categories has a bit per category");
  void add_follow(const TemporalRule& rule, std::size_t element, Follow& follow) const;

  // The rules a word may start. Those it starts as a literal are indexed by what may follow it:
  // the common words that start dozens of rules ("the", "a", "in", ",") are mostly followed by a
  // word none of them takes, which then costs a lookup or two, not a test per rule.
  struct WordStart {
    std::vector<std::uint32_t> rules;          // by the word as a literal
    std::vector<std::uint32_t> limited_rules;  // by a category limited to the word ("UNIT:years")
    std::vector<std::uint32_t> ending_rules;   // of `rules`, those whose Follow::any is set
    std::vector<std::pair<std::uint32_t, std::uint32_t>> by_next_word;       // (word id, rule), sorted
    std::vector<std::pair<std::uint64_t, std::uint32_t>> by_next_categories;  // (Follow::categories, rule)
    std::uint64_t next_categories = 0;         // of all by_next_categories
    void add(std::uint32_t rule, const Follow& follow);
    // Appends the rules whose next element may take the token after the word.
    void follow(const MatchInput& input, std::size_t next, std::vector<std::uint32_t>& candidates) const;
  };

  std::vector<TemporalRule> rules_;
  std::vector<Follow> follows_;                          // by rule, after a literal first token
  // By rule, after a first token one of the rule's categories took: a number starts some 25
  // rules, and the next token tells which are worth trying.
  std::vector<Follow> category_follows_;
  std::vector<std::vector<std::uint32_t>> by_category_;  // first-element index
  WordMap<std::uint32_t> word_ids_;
  std::vector<std::string> words_;  // by id
  std::vector<WordStart> by_word_;  // by word id
  std::vector<bool> starts_rules_;  // by word id: whether the word starts any rule
  std::deque<std::string> store_;
};

}  // namespace cronaca
