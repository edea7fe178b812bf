#include "time/calendar.h"

#include <algorithm>
#include <cstdio>

namespace cronaca {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

std::string CalendarDate::iso() const {
  // Written by hand for the dates of news text, snprintf costing more than the rest of a
  // timex's resolution; anything else takes snprintf's way.
  if (year >= 0 && year <= 9999 && month >= 0 && month <= 99 && day >= 0 && day <= 99) {
    const auto digits = [](char* out, int value, int count) {
      for (int i = count - 1; i >= 0; --i, value /= 10) out[i] = static_cast<char>('0' + value % 10);
    };
    char buffer[10] = {0, 0, 0, 0, '-', 0, 0, '-', 0, 0};
    digits(buffer, year, 4);
    if (month == 0) return std::string(buffer, 4);
    digits(buffer + 5, month, 2);
    if (day == 0) return std::string(buffer, 7);
    digits(buffer + 8, day, 2);
    return std::string(buffer, 10);
  }
  char buffer[16];
  if (month == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d", year);
  } else if (day == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  }
  return buffer;
}

namespace {
bool read_digits(std::string_view s, std::size_t& pos, std::size_t count, int& value) {
  if (s.size() - pos < count) return false;
  value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  pos += count;
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

std::optional<CalendarDate> parse_iso_date(std::string_view s) {
  std::size_t pos = 0;
  CalendarDate date;
  if (!read_digits(s, pos, 4, date.year)) return std::nullopt;
  if (pos < s.size() && is_digit(s[pos])) {
    // Basic format: YYYYMMDD.
    if (!read_digits(s, pos, 2, date.month) || !read_digits(s, pos, 2, date.day)) return std::nullopt;
  } else if (pos < s.size() && (s[pos] == '-' || s[pos] == '/')) {
    const char separator = s[pos++];
    if (!read_digits(s, pos, 2, date.month)) return std::nullopt;
    if (pos < s.size() && s[pos] == separator) {
      ++pos;
      if (!read_digits(s, pos, 2, date.day)) return std::nullopt;
    }
  }
  // Whatever follows must be a time part or the end, not more digits ("2022-01-061").
  if (pos < s.size() && s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ' && s[pos] != 'Z') return std::nullopt;
  if (date.year < 1 || (date.month != 0 && (date.month < 1 || date.month > 12))) return std::nullopt;
  if (date.day != 0 && (date.day < 1 || date.day > days_in_month(date.year, date.month))) return std::nullopt;
  return date;
}

}  // namespace cronaca

namespace cronaca {

// Howard Hinnant's days_from_civil/civil_from_days algorithms.
long days_from_civil(int year, int month, int day) {
  year -= month <= 2;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const long year_of_era = year - era * 400;
  const long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CalendarDate civil_from_days(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long day_of_era = days - era * 146097;
  const long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long mp = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(year_of_era + era * 400 + (month <= 2)), month, day};
}

CalendarDate add_days(const CalendarDate& date, long days) {
  return civil_from_days(days_from_civil(date.year, date.month, date.day) + days);
}

CalendarDate add_months(const CalendarDate& date, int months) {
  const int index = date.year * 12 + (date.month - 1) + months;
  CalendarDate out{index / 12, index % 12 + 1, date.day};
  if (out.day > 0) out.day = std::min(out.day, days_in_month(out.year, out.month));
  return out;
}

int iso_weekday(const CalendarDate& date) {
  const long days = days_from_civil(date.year, date.month, date.day);
  // 1970-01-01 was a Thursday (4).
  return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1;
}

IsoWeek iso_week(const CalendarDate& date) {
  // The week belongs to the year of its Thursday.
  const CalendarDate thursday = add_days(date, 4 - iso_weekday(date));
  const long first = days_from_civil(thursday.year, 1, 1);
  const long now = days_from_civil(thursday.year, thursday.month, thursday.day);
  return {thursday.year, static_cast<int>((now - first) / 7 + 1)};
}

CalendarDate iso_week_start(int year, int week) {
  const CalendarDate jan4{year, 1, 4};
  const CalendarDate week1 = add_days(jan4, 1 - iso_weekday(jan4));
  return add_days(week1, 7L * (week - 1));
}

CalendarDate easter(int year) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  return {year, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1};
}

}  // namespace cronaca
