#pragma once
// Merging across articles: events that report the same happening (compatible dates, shared
// participants or places, similar wording or category) become one event with all its sources.
// Candidates are found through (period, entity) buckets, so the cost grows with the corpus and
// not with its square.
#include <vector>

#include "analysis/document.h"

namespace cronaca {

// Merges `events` and stores them in result.events, ordered by date, then by first source.
void merge_events(std::vector<Event> events, AnalysisResult& result);

}  // namespace cronaca
