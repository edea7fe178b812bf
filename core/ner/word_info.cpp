#include "ner/word_info.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "text/string_hash.h"
#include "text/utf8.h"

namespace cronaca {

namespace {

// FNV-1a over the four bytes of the UTF-32 value, little-endian: cheaper than re-encoding and as
// stable. A zero byte only multiplies, so the high bytes of most code points cost one
// multiplication together, not a step each.
std::uint64_t hash_code_point(std::uint64_t hash, char32_t cp) {
  constexpr std::uint64_t kPrime2 = kFnvPrime * kFnvPrime, kPrime3 = kPrime2 * kFnvPrime;
  hash = fnv1a_byte(hash, static_cast<unsigned char>(cp & 0xFF));
  if (cp < 0x100) return hash * kPrime3;
  hash = fnv1a_byte(hash, static_cast<unsigned char>((cp >> 8) & 0xFF));
  if (cp < 0x10000) return hash * kPrime2;
  hash = fnv1a_byte(hash, static_cast<unsigned char>((cp >> 16) & 0xFF));
  return fnv1a_byte(hash, static_cast<unsigned char>(cp >> 24));
}

// ASCII, most of every text and name list, is decoded, folded and classified without ICU.
char32_t next_code_point(std::string_view word, std::size_t& pos) {
  const auto byte = static_cast<unsigned char>(word[pos]);
  if (byte < 0x80) {
    ++pos;
    return byte;
  }
  return decode_utf8(word, pos);
}

char32_t fold(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
  return u_foldCase(cp, U_FOLD_CASE_DEFAULT);
}

char32_t shape_of(char32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') return 'X';
    if (cp >= 'a' && cp <= 'z') return 'x';
    if (cp >= '0' && cp <= '9') return 'd';
    return cp;
  }
  if (u_isupper(cp) || u_istitle(cp)) return 'X';
  if (u_isalpha(cp)) return 'x';
  if (u_isdigit(cp)) return 'd';
  return U'o';
}

bool is_apostrophe(char32_t cp) { return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC'; }
bool is_hyphen(char32_t cp) { return cp == U'-' || cp == U'\u2010' || cp == U'\u2011' || cp == U'\u2013'; }

}  // namespace

std::uint64_t folded_hash(std::string_view word) {
  std::uint64_t hash = kFnvOffset;
  for (std::size_t pos = 0; pos < word.size();) hash = hash_code_point(hash, fold(next_code_point(word, pos)));
  return hash;
}

WordInfo describe_word(std::string_view word) {
  WordInfo info;
  // The last code points, folded, for the suffixes, and their shapes for the shape's tail: rings
  // indexed by position.
  char32_t tail[WordInfo::kAffixes] = {};
  char32_t shape_tail[4] = {};
  std::uint64_t form = kFnvOffset, folded = kFnvOffset, shape = kFnvOffset, short_shape = kFnvOffset;
  char32_t last_shape = 0;
  int uppers = 0, lowers = 0, digits = 0, count = 0;
  bool first_upper = false;
  for (std::size_t pos = 0; pos < word.size();) {
    const char32_t cp = next_code_point(word, pos);
    const char32_t lower = fold(cp);
    form = hash_code_point(form, cp);
    folded = hash_code_point(folded, lower);
    if (count < WordInfo::kAffixes) info.prefix[count] = folded;
    tail[count % WordInfo::kAffixes] = lower;
    const char32_t s = shape_of(cp);
    if (count < 8) shape = hash_code_point(shape, s);
    shape_tail[count % 4] = s;
    if (s != last_shape) short_shape = hash_code_point(short_shape, s);
    last_shape = s;
    if (s == 'X') {
      ++uppers;
      if (count == 0) first_upper = true;
    } else if (s == 'x') {
      ++lowers;
    } else if (s == 'd') {
      ++digits;
    }
    info.has_hyphen |= is_hyphen(cp);
    info.has_period |= cp == '.';
    info.has_apostrophe |= is_apostrophe(cp);
    ++count;
  }
  info.form = form;
  info.folded = folded;
  for (int k = 1; k <= WordInfo::kAffixes && k <= count; ++k) {
    std::uint64_t hash = kFnvOffset;
    for (int at = count - k; at < count; ++at) hash = hash_code_point(hash, tail[at % WordInfo::kAffixes]);
    info.suffix[k - 1] = hash;
  }
  if (count > 8) {
    shape = fnv1a_byte(shape, '~');
    for (int at = count - std::min(count - 8, 4); at < count; ++at) shape = hash_code_point(shape, shape_tail[at % 4]);
  }
  info.shape = shape;
  info.short_shape = short_shape;
  info.length = static_cast<std::uint8_t>(count > 255 ? 255 : count);
  info.has_digit = digits > 0;
  if (uppers + lowers == 0) {
    info.casing = digits > 0 ? Casing::number : Casing::symbol;
  } else if (lowers == 0) {
    info.casing = uppers > 1 ? Casing::upper : Casing::capitalised;
  } else if (uppers == 0) {
    info.casing = Casing::lower;
  } else {
    info.casing = first_upper ? Casing::capitalised : Casing::mixed;
  }
  return info;
}

}  // namespace cronaca
