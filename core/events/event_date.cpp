#include "events/event_date.h"

#include <charconv>

#include "time/calendar.h"

namespace cronaca {

const char* to_string(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::day: return "day";
    case DatePrecision::week: return "week";
    case DatePrecision::month: return "month";
    case DatePrecision::quarter: return "quarter";
    case DatePrecision::season: return "season";
    case DatePrecision::year: return "year";
    case DatePrecision::decade: return "decade";
    case DatePrecision::century: return "century";
  }
  return "day";
}

namespace {

bool digits(std::string_view s, std::size_t at, std::size_t count, int& out) {
  if (at + count > s.size()) return false;
  const auto [ptr, ec] = std::from_chars(s.data() + at, s.data() + at + count, out);
  return ec == std::errc() && ptr == s.data() + at + count;
}

std::string day_iso(int year, int month, int day) { return CalendarDate{year, month, day}.iso(); }

EventDate span(std::string value, DatePrecision precision, const CalendarDate& first, const CalendarDate& last) {
  return {std::move(value), first.iso(), last.iso(), precision};
}

}  // namespace

std::optional<EventDate> event_date(std::string_view value, std::string_view present) {
  if (value == "PRESENT_REF") {
    if (present.empty()) return std::nullopt;
    return event_date(present);
  }
  int year = 0;
  if (value.size() == 4 && value[2] == 'X' && value[3] == 'X' && digits(value, 0, 2, year)) {
    return span(std::string(value), DatePrecision::century, {year * 100, 1, 1}, {year * 100 + 99, 12, 31});
  }
  if (value.size() == 4 && value[3] == 'X' && digits(value, 0, 3, year)) {
    return span(std::string(value), DatePrecision::decade, {year * 10, 1, 1}, {year * 10 + 9, 12, 31});
  }
  if (!digits(value, 0, 4, year)) return std::nullopt;
  if (value.size() == 4) return span(std::string(value), DatePrecision::year, {year, 1, 1}, {year, 12, 31});
  if (value[4] != '-') return std::nullopt;
  int month = 0, day = 0, number = 0;
  if (digits(value, 5, 2, month) && month >= 1 && month <= 12) {
    if (value.size() == 7) return span(std::string(value), DatePrecision::month, {year, month, 1}, {year, month, days_in_month(year, month)});
    if (value.size() >= 10 && value[7] == '-' && digits(value, 8, 2, day) && day >= 1 && day <= days_in_month(year, month) &&
        (value.size() == 10 || value[10] == 'T')) {
      // A time of day dates its day.
      const std::string iso = day_iso(year, month, day);
      return EventDate{iso, iso, iso, DatePrecision::day};
    }
    return std::nullopt;
  }
  const std::string_view rest = value.substr(5);
  if (rest.size() == 3 && rest[0] == 'W' && digits(rest, 1, 2, number) && number >= 1 && number <= 53) {
    const CalendarDate monday = iso_week_start(year, number);
    return span(std::string(value), DatePrecision::week, monday, add_days(monday, 6));
  }
  if (rest.size() == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') {
    const int first = (rest[1] - '1') * 3 + 1;
    return span(std::string(value), DatePrecision::quarter, {year, first, 1}, {year, first + 2, days_in_month(year, first + 2)});
  }
  if (rest.size() == 2 && rest[0] == 'H' && (rest[1] == '1' || rest[1] == '2')) {
    const int first = rest[1] == '1' ? 1 : 7;
    return span(std::string(value), DatePrecision::quarter, {year, first, 1}, {year, first + 5, days_in_month(year, first + 5)});
  }
  // Astronomical seasons, near enough for comparing dates.
  if (rest == "SP") return span(std::string(value), DatePrecision::season, {year, 3, 20}, {year, 6, 20});
  if (rest == "SU") return span(std::string(value), DatePrecision::season, {year, 6, 21}, {year, 9, 22});
  if (rest == "FA") return span(std::string(value), DatePrecision::season, {year, 9, 23}, {year, 12, 20});
  if (rest == "WI") return span(std::string(value), DatePrecision::season, {year, 12, 21}, {year + 1, 3, 19});
  return std::nullopt;
}

bool compatible(const EventDate& a, const EventDate& b) {
  const bool a_in_b = a.start >= b.start && a.end <= b.end;
  const bool b_in_a = b.start >= a.start && b.end <= a.end;
  return a_in_b || b_in_a;
}

const EventDate& finer(const EventDate& a, const EventDate& b) {
  return (a.start >= b.start && a.end <= b.end) ? a : b;
}

std::optional<EventDate> span_until(const EventDate& date, std::string_view duration) {
  if (date.precision != DatePrecision::day || duration.size() < 3 || duration[0] != 'P') return std::nullopt;
  int amount = 0;
  if (!digits(duration, 1, duration.size() - 2, amount) || amount <= 0) return std::nullopt;
  const auto end = parse_iso_date(date.end);
  if (!end) return std::nullopt;
  CalendarDate start;
  switch (duration.back()) {
    case 'D': start = add_days(*end, -(amount - 1)); break;
    case 'W': start = add_days(*end, -(7 * amount - 1)); break;
    case 'M': start = add_days(add_months(*end, -amount), 1); break;
    case 'Y': start = add_days(add_months(*end, -12 * amount), 1); break;
    default: return std::nullopt;
  }
  return EventDate{date.value, start.iso(), date.end, date.precision};
}

}  // namespace cronaca
