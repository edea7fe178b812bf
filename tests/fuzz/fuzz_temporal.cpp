// The temporal tagger and normaliser on any sentence, in Italian and English, against any document
// date: every expression found lies inside the text and has a TimeML value. When the input starts
// with a line that is an ISO date, that line is the document date (so the fuzzer explores dates);
// otherwise the date is one of a few, extremes included, picked by the input's size.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "analysis/document.h"
#include "fuzz_check.h"
#include "segment/segmenter.h"
#include "time/calendar.h"
#include "time/temporal_tagger.h"

using namespace cronaca;

namespace {

struct Language {
  std::unique_ptr<Segmenter> segmenter;
  std::unique_ptr<TemporalTagger> tagger;
};

Language& language(std::size_t choice) {
  static Language languages[2];
  static constexpr const char* kCodes[] = {"it", "en"};
  Language& lang = languages[choice % 2];
  if (!lang.tagger) {
    lang.segmenter = std::make_unique<Segmenter>(test::shipped_languages().find(kCodes[choice % 2]));
    lang.tagger = std::make_unique<TemporalTagger>(test::shipped_resources(), kCodes[choice % 2]);
  }
  return lang;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Document doc;
  static constexpr std::string_view kDates[] = {"", "2022-01-06", "2022-01", "0001-01-01", "9999-12-31", "2024-02-29", "1970"};
  std::string_view text = bytes;
  const std::size_t line_end = bytes.find('\n');
  if (const auto date = parse_iso_date(bytes.substr(0, line_end)); date && line_end != std::string_view::npos) {
    doc.date = {date->iso(), DateSource::header};
    text.remove_prefix(line_end + 1);
  } else if (!kDates[size % 7].empty()) {
    doc.date = {std::string(kDates[size % 7]), DateSource::argument};
  }
  doc.text = repair_utf8(text).text;
  Language& lang = language(size / 7);
  doc.lang = size / 7 % 2 == 0 ? "it" : "en";
  lang.segmenter->segment(doc.text, doc.tokens, doc.sentences);
  lang.tagger->tag(doc);
  for (const Timex& t : doc.timexes) {
    FUZZ_CHECK(t.begin < t.end && t.end <= doc.text.size());
    FUZZ_CHECK(!t.value.empty() && fuzz::valid_utf8(t.value));
    FUZZ_CHECK(t.anchor_timex < static_cast<std::int32_t>(doc.timexes.size()));
  }
  for (const TimexInterval& interval : doc.intervals) {
    FUZZ_CHECK(interval.from < doc.timexes.size() && interval.to < doc.timexes.size());
  }
  return 0;
}
