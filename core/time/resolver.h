#pragma once
// Turns the merged Meaning of a temporal expression into a TimeML value, anchoring what is
// relative ("ieri", "three days ago", "giovedì", "6 gennaio" without a year) to the document date
// or to the previous date in the text. Language-neutral.
#include <optional>
#include <string>

#include "time/calendar.h"
#include "time/meaning.h"

namespace cronaca {

enum class Tense : std::uint8_t { unknown, past, future };

enum class AnchorKind : std::uint8_t {
  text,       // the expression is complete by itself ("6 gennaio 2022", "tre giorni")
  document,   // resolved against the document date
  reference,  // resolved against an earlier date in the text ("il giorno dopo")
  none,       // nothing to anchor to: the value stays underspecified ("XXXX-03-20")
};
const char* to_string(AnchorKind kind);

// How much less likely a date ahead of the anchor is than one behind at the same distance, by the
// tense of its clause. Languages differ: English news narrates in the past and reports with "said"
// whatever the time of what is reported; Italian uses the present for both.
struct FutureCost {
  double past_tense = 4.0;
  double unknown_tense = 1.0;
};

struct AnchorContext {
  std::optional<CalendarDate> document;   // at its own precision (2022-01 has no day)
  std::optional<CalendarDate> reference;  // the last day-precision date before the expression
  std::optional<CalendarDate> reference_period;  // the last date of any precision ("1988", "1988-10")
  // The last quarter named before the expression ("the third quarter"): in reports on a quarter,
  // "a year earlier" is that quarter a year before.
  std::optional<std::pair<int, int>> quarter;  // year, quarter
  // The day of a date just before the expression ("lunedì mattina alle 8"): a bare time of day
  // falls on it.
  std::optional<CalendarDate> adjacent_day;
  Tense tense = Tense::unknown;
  FutureCost future_cost;
  // The expression follows "since": it lies no later than the document date, whatever the tense.
  bool not_after = false;
};

struct Resolution {
  std::string value;
  AnchorKind anchor = AnchorKind::text;
  CalendarDate anchor_date;  // the date used, when anchor is document or reference
  // The calendar day the expression denotes, when it denotes one (for later "il giorno dopo").
  std::optional<CalendarDate> day;
};

// Nothing when the meaning is contradictory or impossible ("31 febbraio").
std::optional<Resolution> resolve(TimexType type, const Meaning& meaning, const AnchorContext& context);

}  // namespace cronaca
