#include <catch2/catch.hpp>

#include "time/calendar.h"

using namespace cronaca;

TEST_CASE("parse_iso_date keeps the precision it is given") {
  CHECK(parse_iso_date("2022-01")->iso() == "2022-01");
  CHECK(parse_iso_date("2026-02-14")->iso() == "2026-02-14");
  CHECK(parse_iso_date("2022-01-06T10:00:00+01:00")->iso() == "2022-01-06");
  CHECK(parse_iso_date("20220106")->iso() == "2022-01-06");
  CHECK(parse_iso_date("2022/01/06")->iso() == "2022-01-06");
  CHECK(parse_iso_date("1951")->iso() == "1951");
}

TEST_CASE("CalendarDate::iso pads with zeros as %04d and %02d do, on and off its fast path") {
  CHECK(CalendarDate{7, 0, 0}.iso() == "0007");
  CHECK(CalendarDate{998, 3, 0}.iso() == "0998-03");
  CHECK(CalendarDate{2031, 12, 9}.iso() == "2031-12-09");
  CHECK(CalendarDate{9999, 1, 31}.iso() == "9999-01-31");
  CHECK(CalendarDate{10000, 1, 1}.iso() == "10000-01-01");
  CHECK(CalendarDate{-44, 3, 15}.iso() == "-044-03-15");
}

TEST_CASE("parse_iso_date refuses impossible or malformed dates") {
  for (const char* bad : {"2022-13", "2022-02-30", "2023-02-29", "2022-1-6", "22-01-06", "2022-01-061", "gennaio", ""}) {
    INFO(bad);
    CHECK_FALSE(parse_iso_date(bad).has_value());
  }
  CHECK(parse_iso_date("2024-02-29").has_value());
  CHECK(days_in_month(2000, 2) == 29);
  CHECK(days_in_month(1900, 2) == 28);
}
