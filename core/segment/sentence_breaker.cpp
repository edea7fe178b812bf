#include "segment/sentence_breaker.h"

#include <unicode/uchar.h>

#include "segment/break_text.h"

namespace cronaca {

namespace {

// Sentence_Break classes as ICU's rules use them: Extend and Format always go together there.
enum Break : std::uint8_t {
  kOther,
  kCR,
  kLF,
  kExtend,  // Extend and Format
  kSep,
  kSp,
  kLower,
  kUpper,
  kOLetter,
  kNumeric,
  kATerm,
  kSContinue,
  kSTerm,
  kClose,
  kUnhandled,  // beyond the table, or invalid UTF-8: the whole text goes to ICU
  kEndOfText,
};

constexpr char32_t kTableEnd = 0x10000;
using BreakTable = BreakScanner<kTableEnd, kUnhandled, kEndOfText>::Table;

Break sentence_break_class(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_OTHER:
      return kOther;
    case U_SB_CR:
      return kCR;
    case U_SB_LF:
      return kLF;
    case U_SB_EXTEND:
    case U_SB_FORMAT:
      return kExtend;
    case U_SB_SEP:
      return kSep;
    case U_SB_SP:
      return kSp;
    case U_SB_LOWER:
      return kLower;
    case U_SB_UPPER:
      return kUpper;
    case U_SB_OLETTER:
      return kOLetter;
    case U_SB_NUMERIC:
      return kNumeric;
    case U_SB_ATERM:
      return kATerm;
    case U_SB_SCONTINUE:
      return kSContinue;
    case U_SB_STERM:
      return kSTerm;
    case U_SB_CLOSE:
      return kClose;
    default:
      return kUnhandled;
  }
}

const BreakTable& break_table() {
  static const BreakTable table = [] {
    BreakTable t{};
    for (char32_t c = 0; c < kTableEnd; ++c) t[c] = sentence_break_class(static_cast<UChar32>(c));
    return t;
  }();
  return table;
}

using Scanner = BreakScanner<kTableEnd, kUnhandled, kEndOfText>;
using Unit = BreakUnit;
using AsciiFlags = std::array<bool, 256>;

// The position after any Extend and Format characters from `pos` (SB5).
std::size_t skip_extends(const Scanner& scanner, std::size_t pos) {
  for (Unit u = scanner.at(pos); u.kind == kExtend; u = scanner.at(pos)) pos += u.length;
  return pos;
}

constexpr std::size_t kUnhandledText = SIZE_MAX;

// Everything but terminators, separators and what the table lacks.
bool continues_sentence(std::uint8_t kind) {
  return kind != kATerm && kind != kSTerm && kind != kSep && kind != kCR && kind != kLF && kind < kUnhandled;
}

// The ASCII characters that continue a sentence, none of them Extend or Format: most of a
// sentence is a run of them, skipped a byte at a time.
const AsciiFlags& ascii_continuing() {
  static const AsciiFlags flags = [] {
    AsciiFlags f{};
    for (std::size_t byte = 0; byte < 0x80; ++byte) f[byte] = continues_sentence(break_table()[byte]) && break_table()[byte] != kExtend;
    return f;
  }();
  return flags;
}

// What SB8 lets stand between a full stop and the lowercase letter that shows the sentence goes on.
bool is_not_letter(std::uint8_t kind) {
  return kind == kOther || kind == kExtend || kind == kSp || kind == kNumeric || kind == kSContinue || kind == kClose;
}

// The next boundary after `pos`, a boundary; kUnhandledText on a character the table lacks.
// ICU runs its rules as one chained match from each boundary, and every match starts as if at the
// start of the text ({bof} in its rule 998): spaces and closing punctuation there belong to the
// sentence that follows them. The sentence then runs on character by character until a
// terminator (. ! ? and their kin) or a paragraph separator; after a terminator it goes on only
// where SB6 to SB8a say so.
std::size_t next_boundary(const Scanner& scanner, const AsciiFlags& continuing, std::size_t pos) {
  Unit unit = scanner.at(pos);
  while (unit.kind == kExtend || unit.kind == kClose || unit.kind == kSp) {
    pos += unit.length;
    unit = scanner.at(pos);
  }
  bool letter_before = false;  // an Upper or Lower right before (SB7)
  for (;;) {
    switch (unit.kind) {
      case kEndOfText:
        return pos;
      case kUnhandled:
        return kUnhandledText;
      case kSep:
      case kLF:  // SB4
        return pos + unit.length;
      case kCR:  // SB3, SB4
        pos += unit.length;
        return scanner.at(pos).kind == kLF ? pos + 1 : pos;
      case kATerm:
      case kSTerm: {
        const bool full_stop = unit.kind == kATerm;
        const std::size_t after = skip_extends(scanner, pos + unit.length);
        const Unit next = scanner.at(after);
        // SB6 "3.5", SB7 "U.S.A": the sentence goes on from that character.
        if (full_stop && (next.kind == kNumeric || (letter_before && next.kind == kUpper))) {
          pos = after;
          unit = next;
          letter_before = false;
          continue;
        }
        // SB9 to SB11: closing punctuation, then spaces, then one paragraph separator end it.
        std::size_t end = after;
        Unit u = next;
        while (u.kind == kClose) {
          end = skip_extends(scanner, end + u.length);
          u = scanner.at(end);
        }
        while (u.kind == kSp) {
          end = skip_extends(scanner, end + u.length);
          u = scanner.at(end);
        }
        // SB8a: a comma, colon or another terminator there continues it.
        if (u.kind == kSContinue || u.kind == kATerm || u.kind == kSTerm) {
          pos = end;
          unit = u;
          letter_before = false;
          continue;
        }
        // SB8: after a full stop, so does a lowercase letter past anything but letters and
        // terminators ("p. 5 of").
        if (full_stop) {
          std::size_t probe = after;
          Unit p = next;
          while (is_not_letter(p.kind)) {
            probe += p.length;
            p = scanner.at(probe);
          }
          if (p.kind == kUnhandled) return kUnhandledText;
          if (p.kind == kLower) {
            pos = probe;
            unit = p;
            letter_before = false;
            continue;
          }
        }
        if (u.kind == kUnhandled) return kUnhandledText;
        if (u.kind == kSep || u.kind == kLF) return end + u.length;
        if (u.kind == kCR) return scanner.at(end + 1).kind == kLF ? end + 2 : end + 1;
        return end;
      }
      default: {  // SB998: any other character continues the sentence, up to a terminator or separator
        std::uint8_t last_base = kOther;  // the last character but Extend and Format
        do {
          if (unit.kind != kExtend) last_base = unit.kind;
          pos += unit.length;
          if (const std::size_t run_end = scanner.ascii_run_end(pos, continuing); run_end > pos) {
            last_base = scanner.at(run_end - 1).kind;
            pos = run_end;
          }
          unit = scanner.at(pos);
        } while (continues_sentence(unit.kind));
        letter_before = last_base == kUpper || last_base == kLower;
        continue;
      }
    }
  }
}

}  // namespace

SentenceBreaker::SentenceBreaker(const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  icu_sentences_.reset(icu::BreakIterator::createSentenceInstance(locale, status));
  check_icu(status, "ICU sentence break rules are missing");
  ascii_continuing();  // built once, with the table, before the first document
}

SentenceBreaker::~SentenceBreaker() = default;

void SentenceBreaker::split(std::string_view text, std::vector<std::uint32_t>& breaks) {
  breaks.clear();
  const Scanner scanner(text, break_table());
  const AsciiFlags& continuing = ascii_continuing();
  for (std::size_t pos = 0; pos < text.size();) {
    pos = next_boundary(scanner, continuing, pos);
    if (pos == kUnhandledText) return split_with_icu(text, breaks);
    breaks.push_back(static_cast<std::uint32_t>(pos));
  }
}

void SentenceBreaker::split_with_icu(std::string_view text, std::vector<std::uint32_t>& breaks) {
  breaks.clear();
  set_icu_text(*icu_sentences_, text, "sentence segmentation");
  for (int32_t found = icu_sentences_->next(); found != icu::BreakIterator::DONE; found = icu_sentences_->next()) {
    breaks.push_back(static_cast<std::uint32_t>(found));
  }
}

}  // namespace cronaca
