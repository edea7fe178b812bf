#pragma once
// Event dates from TimeML values: "2022-01-06" is a day, "2022-01" a month, "198X" a decade,
// "2011-W05" a week; each covers a span of days events can be compared by.
#include <optional>
#include <string>
#include <string_view>

#include "analysis/document.h"

namespace cronaca {

// The date a DATE or TIME value names, or nothing for values that name no span of the calendar
// ("PAST_REF", "XXXX-03-20", "P3D"). "PRESENT_REF" is `present`, a document's date.
std::optional<EventDate> event_date(std::string_view value, std::string_view present = {});

// Whether one date's span holds the other's: "2022-01" and "2022-01-06" are compatible,
// "2022-01-06" and "2022-01-07" are not.
bool compatible(const EventDate& a, const EventDate& b);

// The finer of two compatible dates.
const EventDate& finer(const EventDate& a, const EventDate& b);

// The span that ends at `date`'s end and lasts `duration` ("P3D", "P2W", "P1M", "P1Y"), for
// "da tre giorni"; nothing for other durations.
std::optional<EventDate> span_until(const EventDate& date, std::string_view duration);

}  // namespace cronaca
