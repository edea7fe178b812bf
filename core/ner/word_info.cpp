#include "ner/word_info.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "text/string_hash.h"
#include "text/utf8.h"

namespace cronaca {

namespace {

std::uint64_t hash_code_point(std::uint64_t hash, char32_t cp) {
  // The UTF-32 value, little-endian: cheaper than re-encoding and as stable.
  for (int shift = 0; shift < 32; shift += 8) hash = fnv1a_byte(hash, static_cast<unsigned char>((cp >> shift) & 0xFF));
  return hash;
}

char32_t shape_of(char32_t cp) {
  if (u_isupper(cp) || u_istitle(cp)) return 'X';
  if (u_isalpha(cp)) return 'x';
  if (u_isdigit(cp)) return 'd';
  return cp < 0x80 ? cp : U'o';
}

bool is_apostrophe(char32_t cp) { return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC'; }
bool is_hyphen(char32_t cp) { return cp == U'-' || cp == U'\u2010' || cp == U'\u2011' || cp == U'\u2013'; }

}  // namespace

std::uint64_t folded_hash(std::string_view word) {
  std::uint64_t hash = kFnvOffset;
  for (std::size_t pos = 0; pos < word.size();) {
    // ASCII, most of every name list and text, folds without asking ICU.
    const auto byte = static_cast<unsigned char>(word[pos]);
    if (byte < 0x80) {
      hash = hash_code_point(hash, byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte);
      ++pos;
    } else {
      hash = hash_code_point(hash, u_foldCase(decode_utf8(word, pos), U_FOLD_CASE_DEFAULT));
    }
  }
  return hash;
}

WordInfo describe_word(std::string_view word) {
  WordInfo info;
  // The last code points, folded, for the suffixes; the shape's tail.
  char32_t tail[WordInfo::kAffixes] = {};
  char32_t shape_tail[4] = {};
  std::uint64_t form = kFnvOffset, folded = kFnvOffset, shape = kFnvOffset, short_shape = kFnvOffset;
  char32_t last_shape = 0;
  int uppers = 0, lowers = 0, digits = 0, count = 0;
  bool first_upper = false;
  for (std::size_t pos = 0; pos < word.size();) {
    const char32_t cp = decode_utf8(word, pos);
    const char32_t lower = u_foldCase(cp, U_FOLD_CASE_DEFAULT);
    form = hash_code_point(form, cp);
    folded = hash_code_point(folded, lower);
    if (count < WordInfo::kAffixes) info.prefix[count] = folded;
    for (int i = WordInfo::kAffixes - 1; i > 0; --i) tail[i] = tail[i - 1];
    tail[0] = lower;
    const char32_t s = shape_of(cp);
    if (count < 8) shape = hash_code_point(shape, s);
    for (int i = 3; i > 0; --i) shape_tail[i] = shape_tail[i - 1];
    shape_tail[0] = s;
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
    for (int i = k - 1; i >= 0; --i) hash = hash_code_point(hash, tail[i]);
    info.suffix[k - 1] = hash;
  }
  if (count > 8) {
    shape = fnv1a_byte(shape, '~');
    for (int i = std::min(count - 8, 4) - 1; i >= 0; --i) shape = hash_code_point(shape, shape_tail[i]);
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
