#include "time/resolver.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace cronaca {

const char* to_string(AnchorKind kind) {
  switch (kind) {
    case AnchorKind::text: return "text";
    case AnchorKind::document: return "document";
    case AnchorKind::reference: return "reference";
    case AnchorKind::none: return "none";
  }
  return "none";
}

namespace {

using M = Meaning;

std::string format(const char* pattern, int a, int b = 0) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, pattern, a, b);
  return buffer;
}

std::string quantity_text(double quantity) {
  if (quantity == std::floor(quantity)) return format("%d", static_cast<int>(quantity));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", quantity);
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  return text;
}

// A duration in `unit`: "P3D", "PT2H", "P18M", "PXY"; half units spelled out as TimeML does
// ("P2Y6M", "PT1M30S").
std::string duration_value(std::string_view unit, bool vague, double quantity) {
  if (unit.empty()) return {};
  const double whole = std::floor(quantity);
  if (!vague && quantity - whole == 0.5 && whole >= 1) {
    const std::string n = quantity_text(whole);
    if (unit == "Y") return "P" + n + "Y6M";
    if (unit == "M") return "P" + n + "M15D";
    if (unit == "D") return "P" + n + "DT12H";
    if (unit == "H") return "PT" + n + "H30M";
    if (unit == "MIN") return "PT" + n + "M30S";
  }
  std::string amount;
  if (vague) {
    amount = "X";
  } else if (unit == "DE" || unit == "CE") {
    return "P" + quantity_text(quantity * (unit == "DE" ? 10 : 100)) + "Y";
  } else if (unit == "HALF") {
    amount = quantity_text(quantity * 6);
  } else {
    amount = quantity_text(quantity);
  }
  if (unit == "H") return "PT" + amount + "H";
  if (unit == "MIN") return "PT" + amount + "M";
  if (unit == "S") return "PT" + amount + "S";
  if (unit == "HALF") return "P" + amount + "M";
  if (unit == "WE") return "P" + (vague ? amount : quantity_text(quantity * 2)) + "D";
  return "P" + amount + std::string(unit);
}

std::string time_suffix(const Meaning& m) {
  if (M::set(m.hour)) {
    int hour = m.hour;
    if (m.pm && hour < 12) hour += 12;
    if (m.am && hour == 12) hour = 0;
    return format("T%02d:%02d", hour, M::set(m.minute) ? m.minute : 0);
  }
  if (!m.part.empty()) return "T" + std::string(m.part);
  return {};
}

// How unlikely a date `distance` days from the anchor is, given the tense: a sentence in the past
// tense may still name a date a few weeks ahead ("will meet on March 12", reported), and news in
// an unknown tense is more often about what happened than about what will.
double cost(long distance, Tense tense, const FutureCost& future_cost) {
  const double d = static_cast<double>(distance < 0 ? -distance : distance);
  // Behind the document date in a future-tense clause, plausibility falls as fast: "will be named
  // for a mission in December" in March is next December, not the last one.
  if (distance <= 0) return tense == Tense::future ? d * 4.0 + d * d / 60.0 : d;
  if (tense == Tense::future) return d;
  // Ahead of the document date, plausibility falls fast with distance: "lunedì si riparte" is
  // next Monday, but "9 dicembre" in June is last December.
  return d * (tense == Tense::past ? future_cost.past_tense : future_cost.unknown_tense) + d * d / 60.0;
}

// The year that puts month/day (day 0: the whole month) nearest the anchor, in the direction the
// tense points to, and on the right weekday when one is given.
int infer_year(int month, int day, int weekday, const CalendarDate& anchor, Tense tense, const FutureCost& future_cost) {
  if (!anchor.has_month()) return anchor.year;
  const long reference = days_from_civil(anchor.year, anchor.month, anchor.has_day() ? anchor.day : 15);
  int best_year = anchor.year;
  double best_cost = 0;
  bool found = false;
  for (int year = anchor.year - 1; year <= anchor.year + 1; ++year) {
    if (day > days_in_month(year, month)) continue;
    if (weekday > 0 && day > 0 && iso_weekday({year, month, day}) != weekday) continue;
    long distance;
    if (day > 0) {
      distance = days_from_civil(year, month, day) - reference;
    } else {
      // A whole month is as near as its nearest day.
      const long first = days_from_civil(year, month, 1) - reference;
      const long last = days_from_civil(year, month, days_in_month(year, month)) - reference;
      distance = first > 0 ? first : last < 0 ? last : 0;
    }
    // Within a month-precision anchor's own month, nothing is known about the direction.
    const double c = !anchor.has_day() && year == anchor.year && month == anchor.month ? 0 : cost(distance, tense, future_cost);
    if (!found || c < best_cost) {
      best_year = year;
      best_cost = c;
      found = true;
    }
  }
  if (!found && weekday > 0) return infer_year(month, day, 0, anchor, tense, future_cost);
  return best_year;
}

// The anchor moved by `count` units, at that unit's granularity. Coarser anchors give coarser
// values rather than invented precision.
std::optional<std::string> shifted(const CalendarDate& anchor, std::string_view unit, int count) {
  if (unit == "Y") return format("%04d", anchor.year + count);
  if (unit == "DE") return format("%03dX", anchor.year / 10 + count);
  if (unit == "CE") return format("%02d", anchor.year / 100 + count);
  if (!anchor.has_month()) return format("%04d", anchor.year);
  if (unit == "M") return add_months({anchor.year, anchor.month, 0}, count).iso();
  if (unit == "Q") {
    const int index = anchor.year * 4 + (anchor.month - 1) / 3 + count;
    return format("%04d-Q%d", index / 4, index % 4 + 1);
  }
  if (unit == "HALF") {
    const int index = anchor.year * 2 + (anchor.month - 1) / 6 + count;
    return format("%04d-H%d", index / 2, index % 2 + 1);
  }
  if (!anchor.has_day()) return CalendarDate{anchor.year, anchor.month, 0}.iso();
  if (unit == "W") {
    const IsoWeek week = iso_week(add_days(anchor, 7L * count));
    return format("%04d-W%02d", week.year, week.week);
  }
  if (unit == "D" || unit == "H" || unit == "MIN" || unit == "S") return add_days(anchor, unit == "D" ? count : 0).iso();
  return std::nullopt;
}

long day_number_of(const CalendarDate& d) { return days_from_civil(d.year, d.month, d.day); }

// First month of each season (northern hemisphere, meteorological).
int season_first_month(std::string_view season) {
  if (season == "SP") return 3;
  if (season == "SU") return 6;
  if (season == "FA") return 9;
  return 12;
}

// A weekday relative to a day: shift -1 the last one before, +1 the next one after, 0 the one in
// the same ISO week; with no shift, the tense decides.
CalendarDate weekday_near(const CalendarDate& day, int weekday, int shift, Tense tense, const FutureCost& future_cost) {
  const int today = iso_weekday(day);
  const int back = (today - weekday + 7) % 7;     // 0..6 days back
  const int forward = (weekday - today + 7) % 7;  // 0..6 days ahead
  if (Meaning::set(shift)) {
    if (shift == 0) return add_days(day, weekday - today);
    return shift < 0 ? add_days(day, -(back == 0 ? 7 : back)) : add_days(day, forward == 0 ? 7 : forward);
  }
  return cost(-back, tense, future_cost) <= cost(forward, tense, future_cost) ? add_days(day, -back) : add_days(day, forward);
}

}  // namespace

std::optional<Resolution> resolve(TimexType type, const Meaning& m, const AnchorContext& given) {
  // "since Friday", "since year-end": a day ahead costs more than any behind.
  AnchorContext context = given;
  if (context.not_after) {
    context.tense = Tense::past;
    context.future_cost.past_tense = 1e6;
  }
  Resolution out;
  if (!m.ref.empty()) {
    out.value = std::string(m.ref);
    return out;
  }
  if (!m.value.empty()) {
    out.value = std::string(m.value);
    return out;
  }
  const double quantity = (m.has_quantity ? m.quantity : 1) + (m.half_more ? 0.5 : 0);
  if (M::set(m.year_base) && !M::set(m.year)) {
    if (!m.has_quantity || m.quantity < 0 || m.quantity > 99 || m.quantity != std::floor(m.quantity)) return std::nullopt;
    Meaning spoken = m;
    spoken.year = m.year_base * 100 + static_cast<int>(m.quantity);
    spoken.has_quantity = false;
    return resolve(type, spoken, context);
  }

  if (type == TimexType::duration) {
    out.value = duration_value(m.unit, m.vague, quantity);
    if (out.value.empty()) return std::nullopt;
    return out;
  }

  if (type == TimexType::set) {
    if (!m.unit.empty()) {
      out.value = duration_value(m.unit, false, quantity);
    } else if (M::set(m.weekday)) {
      out.value = format("XXXX-WXX-%d", m.weekday) + time_suffix(m);  // "every Tuesday night"
    } else if (M::set(m.month)) {
      out.value = M::set(m.day) ? format("XXXX-%02d-%02d", m.month, m.day) : format("XXXX-%02d", m.month);
    } else if (!m.part.empty() || M::set(m.hour)) {
      out.value = "XXXX-XX-XX" + time_suffix(m);
    } else {
      return std::nullopt;
    }
    return out;
  }

  const CalendarDate* document = context.document ? &*context.document : nullptr;
  const auto anchored_to_document = [&](std::string value) {
    out.value = std::move(value);
    out.anchor = AnchorKind::document;
    out.anchor_date = *document;
    return out;
  };
  const bool explicit_day = M::set(m.day) && M::set(m.month);

  // "ieri", "domani", "stasera": a day counted from the document date.
  if (M::set(m.day_offset) && !explicit_day) {
    if (!document) {
      out.value = "XXXX-XX-XX" + time_suffix(m);
      out.anchor = AnchorKind::none;
      return out;
    }
    if (!document->has_day()) return anchored_to_document(document->iso());
    out.day = add_days(*document, m.day_offset);
    return anchored_to_document(out.day->iso() + time_suffix(m));
  }

  // "tre giorni fa", "two weeks later", "un anno prima".
  if (m.relation != Relation::none && !m.unit.empty()) {
    // "three days later" counts from the last day named, "that year" from the last period.
    const bool coarse_unit = m.unit == "Y" || m.unit == "M" || m.unit == "Q" || m.unit == "HALF" || m.unit == "DE" || m.unit == "CE";
    const std::optional<CalendarDate>& reference =
        coarse_unit && context.reference_period ? context.reference_period : context.reference;
    const bool from_reference = m.relation != Relation::ago && reference;
    if (m.vague) {
      out.value = m.relation == Relation::later ? "FUTURE_REF" : "PAST_REF";
      return out;
    }
    const CalendarDate* base = from_reference ? &*reference : document;
    if (!base) {
      out.anchor = AnchorKind::none;
      out.value = m.unit == "Y" ? "XXXX" : m.unit == "M" ? "XXXX-XX" : "XXXX-XX-XX";
      return out;
    }
    const int count = static_cast<int>(std::lround(quantity)) * (m.relation == Relation::later ? 1 : -1);
    if (m.unit == "Y" && context.quarter && m.relation != Relation::later) {
      out.value = format("%04d-Q%d", context.quarter->first + count, context.quarter->second);
      out.anchor = AnchorKind::reference;
      out.anchor_date = CalendarDate{context.quarter->first, context.quarter->second * 3 - 2, 0};
      return out;
    }
    // "a decade ago" names a year, where "the last decade" names a decade.
    const auto value = m.unit == "DE" || m.unit == "CE" ? shifted(*base, "Y", count * (m.unit == "DE" ? 10 : 100))
                                                        : shifted(*base, m.unit, count);
    if (!value) return std::nullopt;
    out.value = *value;
    out.anchor = from_reference ? AnchorKind::reference : AnchorKind::document;
    out.anchor_date = *base;
    if (m.unit == "D" && base->has_day()) {
      out.day = add_days(*base, count);
      out.value += time_suffix(m);  // "il mattino dopo"
    }
    return out;
  }

  // "last Thanksgiving", "il prossimo Natale": the nearest occurrence before or after.
  const bool holiday = (M::set(m.month) && (M::set(m.day) || M::set(m.ordinal))) || M::set(m.easter_offset);
  if (M::set(m.shift) && m.shift != 0 && !M::set(m.year) && holiday && document && document->has_month()) {
    Meaning dated = m;
    dated.shift = Meaning::kUnset;
    for (int year = document->year - 1; year <= document->year + 1; ++year) {
      dated.year = year;
      const auto candidate = resolve(type, dated, context);
      if (!candidate || !candidate->day) continue;
      const long distance = day_number_of(*candidate->day) - day_number_of(document->has_day() ? *document : CalendarDate{document->year, document->month, 15});
      if ((m.shift < 0 && distance < 0 && distance > -366) || (m.shift > 0 && distance > 0 && distance < 366)) {
        Resolution found = *candidate;
        found.anchor = AnchorKind::document;
        found.anchor_date = *document;
        return found;
      }
    }
  }

  // "July last year", "gennaio dell'anno prossimo": a month in the shifted year.
  if (M::set(m.shift) && m.unit == "Y" && M::set(m.month) && !M::set(m.year) && document) {
    Meaning dated = m;
    dated.shift = Meaning::kUnset;
    dated.unit = {};
    dated.year = document->year + m.shift;
    auto resolved = resolve(type, dated, context);
    if (resolved) {
      resolved->anchor = AnchorKind::document;
      resolved->anchor_date = *document;
    }
    return resolved;
  }

  // "la settimana scorsa", "l'anno prossimo", "questo mese", "venerdì scorso", "last night".
  // "the previous Friday": the one before the last day named, not before the document date.
  if (M::set(m.shift) && m.relation == Relation::earlier && M::set(m.weekday) && m.unit.empty() && context.reference) {
    out.day = weekday_near(*context.reference, m.weekday, -1, context.tense, context.future_cost);
    out.value = out.day->iso() + time_suffix(m);
    out.anchor = AnchorKind::reference;
    out.anchor_date = *context.reference;
    return out;
  }
  if (M::set(m.shift) && !M::set(m.year) && !explicit_day) {
    if (!document) {
      out.anchor = AnchorKind::none;
      out.value = M::set(m.weekday) ? format("XXXX-WXX-%d", m.weekday) : "XXXX";
      return out;
    }
    if (M::set(m.weekday)) {
      if (!document->has_day()) return anchored_to_document(document->iso());
      out.day = weekday_near(*document, m.weekday, m.shift, context.tense, context.future_cost);
      return anchored_to_document(out.day->iso() + time_suffix(m));
    }
    if (M::set(m.month)) {
      const int anchor_month = document->has_month() ? document->month : 6;
      int year = document->year;
      if (m.shift < 0 && m.month >= anchor_month) --year;
      if (m.shift > 0 && m.month <= anchor_month) ++year;
      return anchored_to_document(format("%04d-%02d", year, m.month));
    }
    if (!m.season.empty()) {
      const int first = season_first_month(m.season);
      const int anchor_month = document->has_month() ? document->month : 6;
      int year = document->year;
      if (m.shift < 0 && first >= anchor_month) --year;
      if (m.shift > 0 && first + 2 < anchor_month) ++year;
      return anchored_to_document(format("%04d-", year) + std::string(m.season));
    }
    if (!m.part.empty() || M::set(m.hour)) {
      if (!document->has_day()) return anchored_to_document(document->iso());
      out.day = add_days(*document, m.shift);
      return anchored_to_document(out.day->iso() + time_suffix(m));
    }
    if (M::set(m.ordinal) && (m.unit == "Q" || m.unit == "HALF")) {
      // "next year's first quarter": a numbered part of the shifted year.
      const int year = document->year + m.shift;
      if (m.unit == "Q" && m.ordinal >= 1 && m.ordinal <= 4) return anchored_to_document(format("%04d-Q%d", year, m.ordinal));
      if (m.unit == "HALF" && m.ordinal >= 1 && m.ordinal <= 2) return anchored_to_document(format("%04d-H%d", year, m.ordinal));
      return std::nullopt;
    }
    if (m.unit == "WE") {
      // The weekend of the Saturday the shift (or the tense) points to.
      if (!document->has_day()) return anchored_to_document(document->iso());
      const IsoWeek week = iso_week(weekday_near(*document, 6, m.shift == 0 ? Meaning::kUnset : m.shift, context.tense, context.future_cost));
      return anchored_to_document(format("%04d-W%02d", week.year, week.week) + "-WE");
    }
    if (!m.unit.empty()) {
      const auto value = shifted(*document, m.unit, m.shift);
      if (!value) return std::nullopt;
      if (m.unit == "D" && document->has_day()) out.day = add_days(*document, m.shift);
      return anchored_to_document(*value);
    }
    return std::nullopt;
  }

  // Explicit calendar fields, completed from the document date where the text leaves them out.
  if (M::set(m.decade)) {
    out.value = format("%03dX", m.decade);
    return out;
  }
  int century = m.century;
  int quarter = m.quarter, half = m.half;
  if (M::set(m.ordinal) && m.unit == "CE") century = m.ordinal - 1;
  if (M::set(m.ordinal) && m.unit == "Q") quarter = m.ordinal;
  if (M::set(m.ordinal) && m.unit == "HALF") half = m.ordinal;
  if (M::set(century)) {
    out.value = format("%02d", century);
    return out;
  }
  // "the week of March 6", "Easter week": the ISO week the day falls in, which names no day for a
  // later "the next day".
  const auto week_of_day = [&] {
    const IsoWeek week = iso_week(*out.day);
    out.value = format("%04d-W%02d", week.year, week.week);
    out.day.reset();
  };
  const auto year_or_anchor = [&](int month, int day, int weekday) -> std::optional<int> {
    if (M::set(m.year)) return m.year;
    if (!document) return std::nullopt;
    out.anchor = AnchorKind::document;
    out.anchor_date = *document;
    return month > 0 ? infer_year(month, day, weekday, *document, context.tense, context.future_cost) : document->year;
  };
  if (M::set(quarter) || M::set(half) || !m.season.empty()) {
    if ((M::set(quarter) && (quarter < 1 || quarter > 4)) || (M::set(half) && (half < 1 || half > 2))) return std::nullopt;
    auto year = year_or_anchor(0, 0, 0);
    // A quarter or half of the anchor's year that has not begun yet is last year's, when that one
    // ended nearer and the clause does not look ahead: "profits for the fourth quarter" in January.
    const int first_month = M::set(quarter) ? quarter * 3 - 2 : M::set(half) ? half * 6 - 5 : 0;
    if (year && !M::set(m.year) && first_month > 0 && document->has_month() && first_month > document->month &&
        context.tense != Tense::future) {
      const int months = M::set(quarter) ? 3 : 6;
      const CalendarDate anchor_day = document->has_day() ? *document : CalendarDate{document->year, document->month, 15};
      const long ahead = days_from_civil(*year, first_month, 1) - day_number_of(anchor_day);
      const int last_month = first_month + months - 1;
      const long behind = day_number_of(anchor_day) - days_from_civil(*year - 1, last_month, days_in_month(*year - 1, last_month));
      if (behind < ahead) --*year;
    }
    const std::string prefix = year ? format("%04d", *year) : "XXXX";
    if (!year) out.anchor = AnchorKind::none;
    out.value = prefix + (M::set(quarter) ? format("-Q%d", quarter) : M::set(half) ? format("-H%d", half) : "-" + std::string(m.season));
    return out;
  }
  if (M::set(m.easter_offset)) {
    const auto year = year_or_anchor(0, 0, 0);
    if (!year) {
      out.anchor = AnchorKind::none;
      out.value = "XXXX-XX-XX";
      return out;
    }
    out.day = add_days(easter(*year), m.easter_offset);
    out.value = out.day->iso() + time_suffix(m);
    if (m.unit == "W") week_of_day();
    return out;
  }
  if (M::set(m.month) && M::set(m.weekday) && M::set(m.ordinal) && !M::set(m.day)) {
    // The nth weekday of a month: "Thanksgiving", the fourth Thursday of November.
    const auto year = year_or_anchor(m.month, 0, 0);
    if (!year) {
      out.anchor = AnchorKind::none;
      out.value = format("XXXX-%02d-XX", m.month);
      return out;
    }
    const CalendarDate first{*year, m.month, 1};
    const int offset = (m.weekday - iso_weekday(first) + 7) % 7 + 7 * (m.ordinal - 1);
    if (offset >= days_in_month(*year, m.month)) return std::nullopt;
    out.day = add_days(first, offset);
    out.value = out.day->iso() + time_suffix(m);
    return out;
  }
  if (M::set(m.month)) {
    if (m.month < 1 || m.month > 12) return std::nullopt;
    if (M::set(m.day) && (m.day < 1 || m.day > (M::set(m.year) ? days_in_month(m.year, m.month) : days_in_month(2000, m.month)))) {
      return std::nullopt;
    }
    const int day = M::set(m.day) ? m.day : 0;
    const auto year = year_or_anchor(m.month, day, M::set(m.weekday) ? m.weekday : 0);
    if (!year) {
      out.anchor = AnchorKind::none;
      out.value = (day ? format("XXXX-%02d-%02d", m.month, day) : format("XXXX-%02d", m.month)) + (day ? time_suffix(m) : "");
      return out;
    }
    if (day > days_in_month(*year, m.month)) return std::nullopt;
    if (day == 0) {
      out.value = format("%04d-%02d", *year, m.month);
      return out;
    }
    out.day = CalendarDate{*year, m.month, day};
    out.value = out.day->iso() + time_suffix(m);
    if (m.unit == "W") week_of_day();
    return out;
  }
  if (M::set(m.weekday)) {
    if (!document) {
      out.anchor = AnchorKind::none;
      out.value = format("XXXX-WXX-%d", m.weekday);
      return out;
    }
    if (!document->has_day()) return anchored_to_document(document->iso());
    out.day = weekday_near(*document, m.weekday, Meaning::kUnset, context.tense, context.future_cost);
    return anchored_to_document(out.day->iso() + time_suffix(m));
  }
  if (M::set(m.year)) {
    if (m.year < 1 || m.year > 9999) return std::nullopt;
    out.value = format("%04d", m.year);
    // "the 1988 period" in a report on a quarter is that quarter of 1988.
    if (m.unit == "Q" && context.quarter) out.value += format("-Q%d", context.quarter->second);
    return out;
  }
  if (M::set(m.hour) || !m.part.empty()) {
    if ((M::set(m.hour) && m.hour > 24) || (M::set(m.minute) && m.minute > 59)) return std::nullopt;
    if (context.adjacent_day) {
      out.day = *context.adjacent_day;
      out.value = out.day->iso() + time_suffix(m);
      out.anchor = AnchorKind::reference;
      out.anchor_date = *context.adjacent_day;
      return out;
    }
    if (!document || !document->has_day()) {
      out.anchor = AnchorKind::none;
      out.value = "XXXX-XX-XX" + time_suffix(m);
      return out;
    }
    out.day = *document;
    return anchored_to_document(document->iso() + time_suffix(m));
  }
  return std::nullopt;
}

}  // namespace cronaca
