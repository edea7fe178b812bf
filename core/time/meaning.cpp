#include "time/meaning.h"

namespace cronaca {

const char* to_string(TimexType type) {
  switch (type) {
    case TimexType::date: return "DATE";
    case TimexType::time: return "TIME";
    case TimexType::duration: return "DURATION";
    case TimexType::set: return "SET";
  }
  return "DATE";
}

void Meaning::merge(const Meaning& other) {
  const auto take = [](int& mine, int theirs) {
    if (!set(mine)) mine = theirs;
  };
  take(year, other.year);
  take(month, other.month);
  take(day, other.day);
  take(weekday, other.weekday);
  take(decade, other.decade);
  take(century, other.century);
  take(quarter, other.quarter);
  take(half, other.half);
  take(hour, other.hour);
  take(minute, other.minute);
  take(day_offset, other.day_offset);
  take(shift, other.shift);
  take(easter_offset, other.easter_offset);
  take(ordinal, other.ordinal);
  take(year_base, other.year_base);
  if (!has_quantity && other.has_quantity) {
    quantity = other.quantity;
    has_quantity = true;
  }
  vague = vague || other.vague;
  half_more = half_more || other.half_more;
  partial = partial || other.partial;
  ignore = ignore || other.ignore;
  reported = reported || other.reported;
  pm = pm || other.pm;
  am = am || other.am;
  if (relation == Relation::none) relation = other.relation;
  for (auto [mine, theirs] : {std::pair{&unit, other.unit}, {&season, other.season}, {&part, other.part},
                              {&ref, other.ref}, {&mod, other.mod}, {&quant, other.quant}, {&value, other.value}}) {
    if (mine->empty()) *mine = theirs;
  }
}

}  // namespace cronaca
