#pragma once
// What a word, or a whole temporal expression, says about time. Lexicon entries and rule flags
// each set a few fields; the fields of a match are merged and the resolver turns them into a
// TimeML value. Language-neutral: languages differ only in which words set which fields.
#include <climits>
#include <cstdint>
#include <string_view>

namespace cronaca {

enum class TimexType : std::uint8_t { date, time, duration, set };
const char* to_string(TimexType type);

// How an expression relates to its reference point.
enum class Relation : std::uint8_t {
  none,
  ago,      // before the document date: "tre giorni fa", "two years ago"
  later,    // after the previous date in the text: "tre giorni dopo", "a week later"
  earlier,  // before the previous date in the text: "il giorno prima", "a year earlier"
};

struct Meaning {
  static constexpr int kUnset = INT_MIN;

  int year = kUnset;
  int month = kUnset;
  int day = kUnset;
  int weekday = kUnset;  // ISO: 1 Monday .. 7 Sunday
  int decade = kUnset;   // 198 for the 1980s
  int century = kUnset;  // 19 for the 1900s
  int quarter = kUnset;
  int half = kUnset;
  int hour = kUnset;
  int minute = kUnset;
  int day_offset = kUnset;     // from the document date: "ieri" -1
  int shift = kUnset;          // -1 previous, 0 this, +1 next
  int easter_offset = kUnset;  // holidays that move with Easter
  int ordinal = kUnset;        // "primo", "third": a quarter, half or century number
  int year_base = kUnset;      // spoken years: "nineteen ninety-six" is 19 * 100 + 96
  double quantity = 0;
  bool has_quantity = false;
  bool vague = false;   // a quantity nobody counted: "alcuni", "decine", "several"
  bool half_more = false;  // "e mezzo": add half a unit
  bool partial = false;    // an incomplete date that only a list or range completes ("3" in "dal 3 al 5 gennaio")
  bool ignore = false;     // looks temporal but is not ("6-year-old"): matched so that nothing else is
  bool reported = false;   // whatever span a report is on ("the 1988 period"), not a quarter by itself
  bool pm = false;
  bool am = false;
  Relation relation = Relation::none;
  std::string_view unit;    // Y, M, W, D, H, MIN, S, DE, CE, Q, HALF, WE (weekend)
  std::string_view season;  // SP, SU, FA, WI
  std::string_view part;    // MO, AF, EV, NI, DT
  std::string_view ref;     // PRESENT_REF, PAST_REF, FUTURE_REF
  std::string_view mod;     // START, MID, END, APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_MORE, ...
  std::string_view quant;   // EVERY, EACH
  std::string_view value;   // a value given outright ("daily": P1D)

  // Takes every field `other` sets and this one does not.
  void merge(const Meaning& other);
  static bool set(int field) { return field != kUnset; }
};

}  // namespace cronaca
