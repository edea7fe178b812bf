#pragma once
// Proleptic Gregorian calendar arithmetic and ISO 8601 date strings, shared by ingestion (document
// dates) and the temporal tagger.
#include <optional>
#include <string>
#include <string_view>

namespace cronaca {

bool is_leap_year(int year);
int days_in_month(int year, int month);

struct CalendarDate {
  int year = 0;
  int month = 0;  // 0 when unknown (year precision)
  int day = 0;    // 0 when unknown (month or year precision)

  // "YYYY", "YYYY-MM" or "YYYY-MM-DD".
  std::string iso() const;
  bool has_day() const { return day != 0; }
  bool has_month() const { return month != 0; }
  friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
};

// Parses an ISO 8601 date or date-time as found in headers and metadata ("2022-01",
// "2026-02-14", "2022-01-06T10:00:00+01:00", "20220106", "2022/01/06") and keeps the date part.
// Returns nothing for anything else or an impossible date (2022-02-30).
std::optional<CalendarDate> parse_iso_date(std::string_view s);

// Days since 1970-01-01 for a complete date, and back.
long days_from_civil(int year, int month, int day);
CalendarDate civil_from_days(long days);

CalendarDate add_days(const CalendarDate& date, long days);
// Adds months keeping the day when it exists in the target month, else its last day.
CalendarDate add_months(const CalendarDate& date, int months);

// ISO 8601 weekday, 1 = Monday ... 7 = Sunday.
int iso_weekday(const CalendarDate& date);

struct IsoWeek {
  int year;
  int week;
};
IsoWeek iso_week(const CalendarDate& date);
// The Monday of an ISO week.
CalendarDate iso_week_start(int year, int week);

// Western (Gregorian) Easter Sunday.
CalendarDate easter(int year);

}  // namespace cronaca
