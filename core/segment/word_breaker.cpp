#include "segment/word_breaker.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "segment/break_text.h"
#include "text/utf8.h"

namespace cronaca {

namespace {

// The Word_Break classes ICU's rules tell apart, merged where they act alike in text the table
// accepts. Single_Quote and Double_Quote differ from MidNumLet and Other only next to Hebrew
// letters, and Extended_Pictographic from Other only after a zero-width joiner; Hebrew letters and
// the joiner are unhandled, so nothing the fast path sees tells them apart.
enum Break : std::uint8_t {
  kOther,
  kOtherSpace,    // Other and white space (tab, no-break space): a piece of it alone is blank
  kLetter,        // ALetter outside the dictionary scripts
  kNumeric,
  kMidLetter,     // joins letters: "a·b"
  kMidNum,        // joins digits: "1,5"
  kMidNumLet,     // joins either: "U.S", "3.5", "l'uomo"
  kExtendNumLet,  // "_"
  kExtend,        // Extend and Format: combining marks, soft hyphen
  kSegSpace,      // WSegSpace: runs of spaces stay one piece
  kCR,
  kLF,
  kNewline,
  kUnhandled,     // left to ICU: dictionary scripts, Katakana, Hebrew, joiners, invalid UTF-8
  kEndOfText,
};

// Code points below U+3000: every alphabet news is written in, general punctuation, currency and
// symbols. Above lie CJK and the rarer blocks, which ICU handles.
constexpr char32_t kTableEnd = 0x3000;
using BreakTable = BreakScanner<kTableEnd, kUnhandled, kEndOfText>::Table;

Break word_break_class(UChar32 c) {
  UErrorCode error = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &error);
  // ICU's dictionary engines take over text in these (Chinese, Japanese, Thai, Lao, Khmer,
  // Burmese and a few more).
  if (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
      u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) ||
      u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT) {
    return kUnhandled;
  }
  // ICU 72 tailors the Unicode property in its rules: "@" is a letter (an e-mail address stays
  // one piece) and the colon joins nothing ("a:b" is three pieces). The table test holds every
  // code point here to ICU's own boundaries, so another tailoring would not pass unnoticed.
  if (c == '@') return kLetter;
  if (c == ':') return kOther;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_OTHER:
    case U_WB_DOUBLE_QUOTE:
      return kOther;
    case U_WB_ALETTER:
      return kLetter;
    case U_WB_NUMERIC:
      return kNumeric;
    case U_WB_MIDLETTER:
      return kMidLetter;
    case U_WB_MIDNUM:
      return kMidNum;
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE:
      return kMidNumLet;
    case U_WB_EXTENDNUMLET:
      return kExtendNumLet;
    case U_WB_EXTEND:
    case U_WB_FORMAT:
      return kExtend;
    case U_WB_WSEGSPACE:
      return kSegSpace;
    case U_WB_CR:
      return kCR;
    case U_WB_LF:
      return kLF;
    case U_WB_NEWLINE:
      return kNewline;
    default:  // ZWJ, Hebrew_Letter, Katakana, Regional_Indicator, emoji modifiers
      return kUnhandled;
  }
}

const BreakTable& break_table() {
  static const BreakTable table = [] {
    BreakTable t{};
    for (char32_t c = 0; c < kTableEnd; ++c) {
      Break kind = word_break_class(static_cast<UChar32>(c));
      // Whether a piece is blank (is_space throughout) then follows from its class alone.
      if (is_space(c) && kind != kSegSpace && kind != kCR && kind != kLF && kind != kNewline) {
        kind = kind == kOther ? kOtherSpace : kUnhandled;  // the narrow no-break space is ExtendNumLet
      }
      t[c] = kind;
    }
    return t;
  }();
  return table;
}

using Scanner = BreakScanner<kTableEnd, kUnhandled, kEndOfText>;
using Unit = BreakUnit;

// ICU's rule status groups: UBRK_WORD_NONE, UBRK_WORD_NUMBER, UBRK_WORD_LETTER.
enum class Status : std::uint8_t { none, number, letter };

struct Piece {
  std::size_t end;
  Status status;
  bool blank;
  bool unhandled;  // a character the table cannot decide stands at `end`
};

Piece unhandled_at(std::size_t pos) { return {pos, Status::none, false, true}; }

bool is_word_base(std::uint8_t kind) { return kind == kLetter || kind == kNumeric || kind == kExtendNumLet; }

// WB6/7 and WB11/12: a middle character joins two letters or two digits.
bool joins(std::uint8_t base, std::uint8_t middle) {
  return middle == kMidNumLet || (base == kLetter && middle == kMidLetter) || (base == kNumeric && middle == kMidNum);
}

// ICU's rules give a piece the status of its last base character: letter or number. A final "_"
// (ExtendNumLet) takes the status of the WB13a rule that joined it, after a letter or "_" letter,
// after a digit number; alone, or with marks after it, the piece has none.
Status status_of(std::uint8_t last, std::uint8_t before_last, bool marks_after_last) {
  if (last == kLetter) return Status::letter;
  if (last == kNumeric) return Status::number;
  if (marks_after_last) return Status::none;
  if (before_last == kNumeric) return Status::number;
  if (before_last == kLetter || before_last == kExtendNumLet) return Status::letter;
  return Status::none;
}

// The piece from `pos`, a boundary, to the next boundary: the word rules of UAX #29 (WB3 to WB13b)
// as ICU 72 chains them, for text without unhandled characters.
Piece scan_piece(const Scanner& scanner, std::size_t pos) {
  const Unit first = scanner.at(pos);
  if (first.kind == kUnhandled) return unhandled_at(pos);
  bool blank = false;
  pos += first.length;
  Unit next = scanner.at(pos);
  const auto advance = [&] {
    pos += next.length;
    next = scanner.at(pos);
  };
  // WB4: marks and format characters belong to the character before them.
  const auto absorb_marks = [&] {
    bool any = false;
    while (next.kind == kExtend) {
      advance();
      any = true;
    }
    return any;
  };
  switch (first.kind) {
    case kCR:  // WB3
      if (next.kind == kLF) advance();
      return {pos, Status::none, true, false};
    case kLF:
    case kNewline:  // WB3a: nothing attaches to a line break
      return {pos, Status::none, true, false};
    case kExtend:  // marks after a boundary group on their own
      absorb_marks();
      break;
    case kSegSpace:  // WB3d: directly adjacent spaces stay together
      while (next.kind == kSegSpace) advance();
      blank = !absorb_marks();
      break;
    case kOtherSpace:
      blank = !absorb_marks();
      break;
    case kLetter:
    case kNumeric:
    case kExtendNumLet: {
      std::uint8_t last = first.kind;
      std::uint8_t before_last = kOther;
      for (;;) {
        const bool marks = absorb_marks();
        const std::size_t end = pos;
        if (is_word_base(next.kind)) {  // WB5, WB8 to WB10, WB13a/b
          before_last = last;
          last = next.kind;
          advance();
          while (next.kind == last) {
            before_last = last;
            advance();
          }
          continue;
        }
        if (last != kExtendNumLet && joins(last, next.kind)) {
          // Look past the middle character (and its marks) for the same base on the other side.
          std::size_t after_pos = pos + next.length;
          Unit after = scanner.at(after_pos);
          while (after.kind == kExtend) {
            after_pos += after.length;
            after = scanner.at(after_pos);
          }
          if (after.kind == last) {
            before_last = last;
            pos = after_pos + after.length;
            next = scanner.at(pos);
            continue;
          }
          if (after.kind == kUnhandled) return unhandled_at(after_pos);
        }
        if (next.kind == kUnhandled) return unhandled_at(pos);
        return {end, status_of(last, before_last, marks), false, false};
      }
    }
    default:  // punctuation and symbols, one at a time with their marks
      absorb_marks();
      break;
  }
  if (next.kind == kUnhandled) return unhandled_at(pos);
  return {pos, Status::none, blank, false};
}

// The first position after `pos` that is a word boundary whatever precedes it: before a line
// break (not between CR and LF) or before a run of spaces. No rule of ICU's joins anything to a
// line break or a following space, except CR LF and WB3d's space runs.
std::size_t next_certain_boundary(const Scanner& scanner, std::size_t pos, std::size_t size) {
  // `pos` itself is unhandled, so the answer lies past it. A space after an unhandled character
  // is not certain: that character may be one ICU counts as a space (U+3000).
  std::uint8_t previous = kUnhandled;
  while (pos < size) {
    const Unit unit = scanner.at(pos);
    const bool certain = unit.kind == kCR || unit.kind == kNewline || (unit.kind == kLF && previous != kCR) ||
                         (unit.kind == kSegSpace && previous != kSegSpace && previous != kUnhandled);
    if (certain) return pos;
    previous = unit.kind;
    pos += unit.length;
  }
  return size;
}

TokenKind token_kind(Status status) {
  switch (status) {
    case Status::letter:
      return TokenKind::word;
    case Status::number:
      return TokenKind::number;
    case Status::none:
      break;
  }
  return TokenKind::punctuation;
}

}  // namespace

WordBreaker::WordBreaker(const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  icu_words_.reset(icu::BreakIterator::createWordInstance(locale, status));
  check_icu(status, "ICU word break rules are missing");
  break_table();  // built once, before the first document
}

WordBreaker::~WordBreaker() = default;

void WordBreaker::split(std::string_view text, std::vector<Token>& tokens) {
  tokens.clear();
  tokens.reserve(text.size() / 5);
  const BreakTable& table = break_table();
  const Scanner scanner(text, table);
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Most pieces of white space are one space before an ASCII character that starts a piece of
    // its own (not a space, mark or unhandled character): a blank piece, no token.
    if (text[pos] == ' ' && pos + 1 < text.size() && static_cast<unsigned char>(text[pos + 1]) < 0x80) {
      const std::uint8_t after = table[static_cast<unsigned char>(text[pos + 1])];
      if (after != kSegSpace && after != kExtend && after != kUnhandled) {
        ++pos;
        continue;
      }
    }
    const Piece piece = scan_piece(scanner, pos);
    if (piece.unhandled) {
      // Every piece so far was decided without the unhandled character, so `pos` is one of ICU's
      // boundaries; ICU takes over up to a boundary that does not depend on what it found.
      const std::size_t end = next_certain_boundary(scanner, piece.end, text.size());
      split_with_icu(text, pos, end, tokens);
      pos = end;
      continue;
    }
    if (!(piece.status == Status::none && piece.blank)) {
      tokens.push_back({static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(piece.end), token_kind(piece.status)});
    }
    pos = piece.end;
  }
}

void WordBreaker::split_with_icu(std::string_view text, std::size_t begin, std::size_t end, std::vector<Token>& tokens) {
  const std::string_view span = text.substr(begin, end - begin);
  set_icu_text(*icu_words_, span, "word segmentation");
  int32_t start = icu_words_->first();
  for (int32_t stop = icu_words_->next(); stop != icu::BreakIterator::DONE; start = stop, stop = icu_words_->next()) {
    const int32_t rule = icu_words_->getRuleStatus();
    const std::string_view piece = span.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(stop - start));
    const Status piece_status = rule < UBRK_WORD_NONE_LIMIT ? Status::none : rule < UBRK_WORD_NUMBER_LIMIT ? Status::number : Status::letter;
    if (piece_status == Status::none && is_blank(piece)) continue;
    tokens.push_back({static_cast<std::uint32_t>(begin + start), static_cast<std::uint32_t>(begin + stop), token_kind(piece_status)});
  }
}

}  // namespace cronaca
