#include "events/event_merger.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "events/event_date.h"
#include "text/string_hash.h"
#include "text/utf8.h"

namespace cronaca {

namespace {

constexpr std::size_t kCandidates = 32;       // latest events of a bucket an event is compared with
constexpr std::size_t kContentWordBytes = 4;  // shorter words say little about what happened
constexpr double kSameDocumentSimilarity = 0.5;
constexpr double kSameCategorySimilarity = 0.1;
constexpr double kSimilarity = 0.3;

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void unite(std::uint32_t a, std::uint32_t b) {
    a = find(a), b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<std::uint32_t> parent_;
};

bool word_byte(char c) {
  return static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Hashes of the headline's longer words, case-folded, sorted and unique; read in place, the words
// of ASCII folded while hashed.
std::vector<std::uint64_t> content_words(std::string_view headline) {
  std::vector<std::uint64_t> words;
  for (std::size_t i = 0; i < headline.size();) {
    if (!word_byte(headline[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    bool ascii = true;
    for (; end < headline.size() && word_byte(headline[end]); ++end) ascii = ascii && static_cast<unsigned char>(headline[end]) < 0x80;
    const std::string_view word = headline.substr(i, end - i);
    if (word.size() >= kContentWordBytes) {
      if (ascii) {
        std::uint64_t hash = kFnvOffset;
        for (char c : word) hash = fnv1a_byte(hash, static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        words.push_back(hash);
      } else {
        words.push_back(fnv1a(fold_case(word)));
      }
    }
    i = end;
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t shared = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) ++shared, ++i, ++j;
    else if (a[i] < b[j]) ++i;
    else ++j;
  }
  return static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - shared);
}

// The period whose events may be the same happening: a month for days, weeks and months, a year
// for coarser dates within a year, the value itself beyond.
std::string period(const EventDate& date) {
  switch (date.precision) {
    case DatePrecision::day:
    case DatePrecision::week:
    case DatePrecision::month: return date.start.substr(0, 7);
    case DatePrecision::quarter:
    case DatePrecision::season:
    case DatePrecision::year: return date.start.substr(0, 4);
    default: return date.value;
  }
}

bool shares_category(const Event& a, const Event& b) {
  return std::any_of(a.categories.begin(), a.categories.end(),
                     [&](const std::string& c) { return std::find(b.categories.begin(), b.categories.end(), c) != b.categories.end(); });
}

template <class T>
void add_unique(std::vector<T>& to, const std::vector<T>& from) {
  for (const T& x : from) {
    if (std::find(to.begin(), to.end(), x) == to.end()) to.push_back(x);
  }
}

}  // namespace

void merge_events(std::vector<Event> events, AnalysisResult& result) {
  const std::size_t n = events.size();
  std::vector<std::vector<std::uint64_t>> words(n);
  for (std::size_t i = 0; i < n; ++i) words[i] = content_words(events[i].headline);
  UnionFind sets(n);
  StringMap<std::uint32_t> periods;  // each period met, numbered
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> buckets;  // period << 32 | entity -> events
  std::vector<std::uint32_t> shared;
  for (std::uint32_t i = 0; i < n; ++i) {
    const Event& e = events[i];
    shared.clear();
    const std::uint64_t event_period = periods.emplace(period(e.date), static_cast<std::uint32_t>(periods.size())).first->second;
    const auto visit = [&](std::uint32_t entity) {
      if (result.entities[entity].generic) return;
      std::vector<std::uint32_t>& bucket = buckets[event_period << 32 | entity];
      const std::size_t from = bucket.size() > kCandidates ? bucket.size() - kCandidates : 0;
      for (std::size_t k = from; k < bucket.size(); ++k) shared.push_back(bucket[k]);
      bucket.push_back(i);
    };
    for (std::uint32_t entity : e.entities) visit(entity);
    for (std::uint32_t entity : e.places) visit(entity);
    std::sort(shared.begin(), shared.end());
    shared.erase(std::unique(shared.begin(), shared.end()), shared.end());
    for (std::uint32_t j : shared) {
      const Event& other = events[j];
      if (other.background != e.background || !compatible(other.date, e.date)) continue;
      const double similarity = jaccard(words[i], words[j]);
      const bool same_document = other.sources.front().doc == e.sources.front().doc;
      const bool same = same_document ? similarity >= kSameDocumentSimilarity
                                      : similarity >= kSimilarity || (shares_category(other, e) && similarity >= kSameCategorySimilarity);
      if (same) sets.unite(i, j);
    }
  }

  // One event per group: its headline and date from the member dated most precisely (by a
  // temporal expression rather than an article's date, then the first).
  std::vector<std::vector<std::uint32_t>> groups;
  std::unordered_map<std::uint32_t, std::uint32_t> group_of_root;
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto [it, inserted] = group_of_root.emplace(sets.find(i), static_cast<std::uint32_t>(groups.size()));
    if (inserted) groups.emplace_back();
    groups[it->second].push_back(i);
  }
  std::vector<Event> merged_events;
  merged_events.reserve(groups.size());
  for (const std::vector<std::uint32_t>& members : groups) {
    std::uint32_t lead = members.front();
    for (std::uint32_t m : members) {
      const Event& a = events[m];
      const Event& b = events[lead];
      const bool finer_date = a.date.precision < b.date.precision || (a.date.precision == b.date.precision && a.anchor_timex >= 0 && b.anchor_timex < 0);
      if (finer_date) lead = m;
    }
    Event merged = std::move(events[lead]);
    for (std::uint32_t m : members) {
      if (m == lead) continue;
      Event& other = events[m];
      merged.sources.insert(merged.sources.end(), other.sources.begin(), other.sources.end());
      add_unique(merged.entities, other.entities);
      add_unique(merged.places, other.places);
      add_unique(merged.categories, other.categories);
      merged.figures.insert(merged.figures.end(), other.figures.begin(), other.figures.end());
      merged.announced = merged.announced && other.announced;
      if (merged.duration.empty()) merged.duration = other.duration;
    }
    // Sources in corpus order after the one the headline comes from.
    std::stable_sort(merged.sources.begin() + 1, merged.sources.end(),
                     [](const EventSource& a, const EventSource& b) { return a.doc != b.doc ? a.doc < b.doc : a.begin < b.begin; });
    merged_events.push_back(std::move(merged));
  }
  // Sorted by index, then moved once: an event is a dozen strings and vectors.
  std::vector<std::uint32_t> order(merged_events.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t i, std::uint32_t j) {
    const Event& a = merged_events[i];
    const Event& b = merged_events[j];
    if (a.date.start != b.date.start) return a.date.start < b.date.start;
    if (a.date.end != b.date.end) return a.date.end < b.date.end;
    const EventSource& x = a.sources.front();
    const EventSource& y = b.sources.front();
    return x.doc != y.doc ? x.doc < y.doc : x.begin < y.begin;
  });
  result.events.clear();
  result.events.reserve(order.size());
  for (std::uint32_t i : order) result.events.push_back(std::move(merged_events[i]));
}

}  // namespace cronaca
