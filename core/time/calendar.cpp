#include "time/calendar.h"

#include <cstdio>

namespace cronaca {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

std::string CalendarDate::iso() const {
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
