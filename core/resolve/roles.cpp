#include "resolve/roles.h"

#include "resolve/tokens_view.h"

namespace cronaca {

using namespace resolve_detail;

std::string RoleReader::description(std::size_t mention_first, std::size_t name_first, std::size_t last) const {
  const std::size_t reach = mention_first >= kReach ? mention_first - kReach : 0;
  // Most names have no title before them: walk back over words a role phrase may hold until a
  // title shows there is one, or another word that there is none.
  bool titled = name_first > mention_first;
  for (std::size_t k = mention_first; !titled && k-- > reach;) {
    titled = title_at(k) > 0;
    if (!titled && !(is_demonym(k) || is_capitalised(k) || is_function_word(k))) break;
  }
  for (std::size_t start = reach; titled && start < name_first; ++start) {
    if (phrase_end(start) == name_first) return text(start, name_first);
  }
  if (last + 1 < doc_.tokens.size() && word(last) == ",") {
    const std::size_t end = phrase_end(last + 1);
    if (end > last + 1) return text(last + 1, end);
  }
  return {};
}

std::string_view RoleReader::word(std::size_t i) const { return slice(doc_.text, doc_.tokens[i].begin, doc_.tokens[i].end); }

// Case-folded, apostrophes normalised; computed once per token, as phrases overlap.
const std::string& RoleReader::folded(std::size_t i) const {
  if (folded_.empty()) folded_.resize(doc_.tokens.size());
  if (folded_[i].empty()) folded_[i] = apostrophe_key(word(i));
  return folded_[i];
}

std::string RoleReader::text(std::size_t first, std::size_t end) const {
  return std::string(slice(doc_.text, doc_.tokens[first].begin, doc_.tokens[end - 1].end));
}

std::size_t RoleReader::phrase_at(std::uint8_t kinds, std::size_t i) const {
  if (i >= doc_.tokens.size()) return 0;
  const std::string& first = folded(i);
  const auto is = [&](const std::string& phrase) {
    const auto found = prefixes_.phrases.find(phrase);
    return found != prefixes_.phrases.end() && (found->second & kinds);
  };
  if (i + 1 < doc_.tokens.size() && prefixes_.heads.count(first) && !is_punctuation(doc_.tokens[i + 1]) && is(first + ' ' + folded(i + 1))) {
    return 2;
  }
  return is(first) ? 1 : 0;
}

bool RoleReader::is_capitalised(std::size_t i) const { return !is_punctuation(doc_.tokens[i]) && starts_upper(word(i)); }

bool RoleReader::is_function_word(std::size_t i) const {
  const std::string& f = folded(i);
  return f.ends_with('\'') || (profile_ && profile_->is_stopword(f));
}

std::size_t RoleReader::phrase_end(std::size_t i) const {
  const std::size_t n = doc_.tokens.size();
  std::size_t at = i;
  for (std::size_t q = 0; q < 2 && at < n && !title_at(at) && (is_demonym(at) || (is_capitalised(at) && !is_function_word(at))); ++q) ++at;
  const std::size_t title = at < n ? title_at(at) : 0;
  if (title == 0) return i;
  at += title;
  if (at < n && is_demonym(at)) ++at;
  // "del Cremlino", "degli Esteri russo", "of the United States"
  std::size_t of = at;
  while (of < n && of < at + 2 && is_function_word(of)) ++of;
  if (of > at && of < n && is_capitalised(of)) {
    while (of < n && (is_capitalised(of) || (is_function_word(of) && of + 1 < n && is_capitalised(of + 1)))) ++of;
    if (of < n && is_demonym(of)) ++of;
    at = of;
  }
  return at;
}

}  // namespace cronaca
