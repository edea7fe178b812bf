#include "resolve/name_keys.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <stdexcept>

#include "resolve/rule_transliterator.h"
#include "text/utf8.h"

namespace cronaca {

struct NameKeys::Transliterator {
  std::vector<RuleTransliterator> steps;  // applied in order
  bool loaded = false;
};

NameKeys::NameKeys(const Resources& resources) : resources_(resources), transliterator_(std::make_unique<Transliterator>()) {
  if (const std::string* text = resources.find("resolve/variants.txt")) {
    for (std::string_view line : list_lines(*text)) {
      const std::vector<std::string_view> words = list_words(line);
      if (words.size() != 2) throw std::runtime_error("resolve/variants.txt: expected \"pattern replacement\": " + std::string(line));
      Rule rule{std::string(words[0]), std::string(words[1]), false, false};
      if (rule.from.starts_with('^')) rule.from.erase(0, 1), rule.at_start = true;
      if (rule.from.ends_with('$')) rule.from.pop_back(), rule.at_end = true;
      rule.bytes = byte_mask(rule.from);
      rules_.push_back(std::move(rule));
    }
  }
}

NameKeys::~NameKeys() = default;

namespace {

// Names in Latin letters with accents ("José Martínez", "Chávez", "Łukaszenka") lose their marks
// without ICU's rules, which take milliseconds to compile on first use; "" when the name has
// letters of another script.
std::string latin_to_ascii(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return {};
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  const icu::UnicodeString decomposed = nfd->normalize(text, status);
  if (U_FAILURE(status)) return {};
  std::string out;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    UErrorCode script_status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &script_status);
    if (script != USCRIPT_LATIN) {
      if (script == USCRIPT_COMMON || script == USCRIPT_INHERITED) {
        out.push_back(' ');  // punctuation and spaces of other alphabets separate words
        continue;
      }
      return {};
    }
    // Latin letters that are not a base letter with marks.
    switch (c) {
      case 0x00DF: out += "ss"; break;                  // ß
      case 0x00C6: case 0x00E6: out += "ae"; break;     // Æ æ
      case 0x0152: case 0x0153: out += "oe"; break;     // Œ œ
      case 0x00D8: case 0x00F8: out += 'o'; break;      // Ø ø
      case 0x0141: case 0x0142: out += 'l'; break;      // Ł ł
      case 0x0110: case 0x0111: case 0x00D0: case 0x00F0: out += 'd'; break;  // Đ đ Ð ð
      case 0x0131: out += 'i'; break;                   // ı
      case 0x00DE: case 0x00FE: out += "th"; break;     // Þ þ
      default: return {};                               // rarer letters: the full rules
    }
  }
  return out;
}

}  // namespace

std::string NameKeys::to_ascii(std::string_view name) const {
  if (std::string latin = latin_to_ascii(name); !latin.empty()) return latin;
  // Read on first need from the rules in the pack (translit/, from ICU's CLDR data at build
  // time): most names are already ASCII.
  if (!transliterator_->loaded) {
    const std::string* order = resources_.find("translit/order.txt");
    if (!order) throw std::runtime_error("the resource pack has no transliteration rules (translit/order.txt)");
    std::vector<RuleTransliterator> steps;
    for (std::string_view line : list_lines(*order)) {
      const std::vector<std::string_view> fields = list_words(line);
      const std::string* rules = fields.size() == 2 ? resources_.find("translit/" + std::string(fields[0])) : nullptr;
      if (!rules) throw std::runtime_error("translit/order.txt: bad line or missing rules: " + std::string(line));
      steps.emplace_back(std::string(fields[1]), *rules);
    }
    transliterator_->steps = std::move(steps);
    transliterator_->loaded = true;
  }
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  for (const RuleTransliterator& step : transliterator_->steps) step.transliterate(text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string NameKeys::token_key(std::string_view token) const {
  std::string key(token);
  std::uint64_t present = byte_mask(key);
  for (const Rule& rule : rules_) {
    // Most rules name a letter the word lacks: no search for them.
    if ((rule.bytes & ~present) != 0) continue;
    bool replaced = false;
    for (std::size_t at = key.find(rule.from); at != std::string::npos; at = key.find(rule.from, at)) {
      if ((rule.at_start && at != 0) || (rule.at_end && at + rule.from.size() != key.size())) {
        at += 1;
        continue;
      }
      key.replace(at, rule.from.size(), rule.to);
      replaced = true;
      at += rule.to.size();
      if (rule.at_start) break;
    }
    if (replaced) present = byte_mask(key);  // "x" -> "ks" brings letters later rules look for
  }
  std::string collapsed;
  for (char c : key) {
    if (collapsed.empty() || collapsed.back() != c) collapsed.push_back(c);
  }
  return collapsed;
}

const std::vector<std::string>& NameKeys::tokens(std::string_view name) const {
  if (const auto found = cache_.find(name); found != cache_.end()) return found->second;
  const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  const std::string plain = ascii ? std::string(name) : to_ascii(name);
  std::vector<std::string> keys;
  std::string word;
  const auto flush = [&] {
    if (!word.empty()) keys.push_back(token_key(word));
    word.clear();
  };
  for (char c : plain) {
    if (c >= 'A' && c <= 'Z') {
      word.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word.push_back(c);
    } else if (c == '.' && !word.empty()) {
      // "U.S." and "US" meet; a period inside a word ends nothing.
    } else {
      flush();
    }
  }
  flush();
  return cache_.emplace(std::string(name), std::move(keys)).first->second;
}

}  // namespace cronaca
