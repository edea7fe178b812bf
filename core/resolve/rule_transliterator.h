#pragma once
// One transliterator of the resource pack (translit/N.txt: ICU rules as tools/translit/dump_rules.cpp
// writes them), with the results of icu::Transliterator::createFromRules on the same rules but
// cheaper to set up, as most analyses meet no name that needs it:
// - the normalisation steps of the rules (::NFD; and the like) are Normalizer2 instances. ICU makes
//   them by ID, and the first transliterator it makes by ID loads its registry of every
//   transliterator in its data: with Debian's full data 140M instructions, three quarters of the
//   cost of compiling all the rules of the pack.
// - the rules compile on first need. A text with no character in the rules' global filter (their
//   leading "::[...];") is one ICU leaves as it is, so it needs no compiled rules.
#include <unicode/unistr.h>
#include <unicode/uniset.h>

#include <memory>
#include <string>
#include <string_view>

namespace cronaca {

class RuleTransliterator {
 public:
  // `rules` must outlive the transliterator. Throws std::runtime_error when the rules have an ID
  // step other than a normalisation form or Null, or a global filter ICU cannot parse.
  RuleTransliterator(std::string name, std::string_view rules);
  ~RuleTransliterator();
  RuleTransliterator(RuleTransliterator&&) noexcept;
  RuleTransliterator& operator=(RuleTransliterator&&) noexcept;

  // Throws std::runtime_error when the rules, compiled now if they are needed for the first time,
  // do not compile.
  void transliterate(icu::UnicodeString& text) const;

 private:
  void compile() const;

  std::string name_;
  std::string_view rules_;
  std::unique_ptr<icu::UnicodeSet> filter_;  // null when the rules have none
  class Steps;
  mutable std::unique_ptr<Steps> compiled_;
};

}  // namespace cronaca
