#include "resolve/rule_transliterator.h"

#include <unicode/normalizer2.h>
#include <unicode/parsepos.h>
#include <unicode/translit.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace cronaca {

namespace {

// What ICU's NormalizationTransliterator (internal to ICU, made only by ID) does, to the letter:
// normalises the text segment by segment, between normalisation boundaries.
class NormalizationStep final : public icu::Transliterator {
 public:
  explicit NormalizationStep(const icu::Normalizer2& form) : icu::Transliterator(u"normalization", nullptr), form_(form) {}
  NormalizationStep* clone() const override { return new NormalizationStep(*this); }
  UClassID getDynamicClassID() const override { return &class_id; }

 protected:
  void handleTransliterate(icu::Replaceable& text, UTransPosition& offsets, UBool incremental) const override {
    int32_t start = offsets.start;
    int32_t limit = offsets.limit;
    if (start >= limit) return;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString segment, normalized;
    UChar32 c = text.char32At(start);
    do {
      const int32_t segment_start = start;
      segment.remove();
      do {
        segment.append(c);
        start += U16_LENGTH(c);
      } while (start < limit && !form_.hasBoundaryBefore(c = text.char32At(start)));
      if (start == limit && incremental && !form_.hasBoundaryAfter(c)) {
        start = segment_start;
        break;
      }
      form_.normalize(segment, normalized, status);
      if (U_FAILURE(status)) break;
      if (segment != normalized) {
        text.handleReplaceBetween(segment_start, start, normalized);
        const int32_t delta = normalized.length() - (start - segment_start);
        start += delta;
        limit += delta;
      }
    } while (start < limit);
    offsets.start = start;
    offsets.contextLimit += limit - offsets.limit;
    offsets.limit = limit;
  }

 private:
  static inline char class_id = 0;
  const icu::Normalizer2& form_;
};

[[noreturn]] void fail(const std::string& name, const std::string& what) { throw std::runtime_error("transliterator " + name + ": " + what); }

// The normaliser an ID step names ("NFD", "Any-NFKD", "nfc(NFD)": forward form, reverse in
// brackets), null for Null.
const icu::Normalizer2* normalizer_of(std::string_view id, const std::string& name) {
  if (const std::size_t bracket = id.find('('); bracket != std::string_view::npos) id = id.substr(0, bracket);
  std::string form(id);
  std::transform(form.begin(), form.end(), form.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (form.starts_with("ANY-")) form.erase(0, 4);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = nullptr;
  if (form == "NULL") return nullptr;
  if (form == "NFC") normalizer = icu::Normalizer2::getNFCInstance(status);
  else if (form == "NFD") normalizer = icu::Normalizer2::getNFDInstance(status);
  else if (form == "NFKC") normalizer = icu::Normalizer2::getNFKCInstance(status);
  else if (form == "NFKD") normalizer = icu::Normalizer2::getNFKDInstance(status);
  else fail(name, "a step other than normalisation: ::" + std::string(id));
  if (U_FAILURE(status) || !normalizer) fail(name, "ICU has no data for " + form + ": " + u_errorName(status));
  return normalizer;
}

}  // namespace

// What ICU's CompoundTransliterator does with the passes of rules it compiles: each step in turn
// over the whole run, which the global filter (the base class's) cuts the text into.
class RuleTransliterator::Steps final : public icu::Transliterator {
 public:
  Steps(std::vector<std::unique_ptr<icu::Transliterator>> steps, icu::UnicodeFilter* filter)
      : icu::Transliterator(u"steps", filter), steps_(std::move(steps)) {}
  UClassID getDynamicClassID() const override { return &class_id; }

 protected:
  void handleTransliterate(icu::Replaceable& text, UTransPosition& index, UBool incremental) const override {
    if (steps_.empty()) {
      index.start = index.limit;
      return;
    }
    const int32_t start = index.start;
    int32_t delta = 0;
    const int32_t limit = index.limit;
    for (const auto& step : steps_) {
      index.start = start;
      const int32_t step_limit = index.limit;
      if (index.start == index.limit) break;
      step->filteredTransliterate(text, index, incremental);
      if (!incremental && index.start != index.limit) index.start = index.limit;
      delta += index.limit - step_limit;
      if (incremental) index.limit = index.start;
    }
    index.limit = limit + delta;
  }

 private:
  static inline char class_id = 0;
  std::vector<std::unique_ptr<icu::Transliterator>> steps_;
};

RuleTransliterator::RuleTransliterator(std::string name, std::string_view rules) : name_(std::move(name)), rules_(rules) {
  if (!rules.starts_with("::[")) return;
  const std::size_t end = rules.find('\n');
  std::string_view line = rules.substr(0, end);
  if (!line.ends_with(';')) fail(name_, "the global filter does not end with ';'");
  line = line.substr(2, line.size() - 3);
  const icu::UnicodeString pattern = icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
  // As ICU's rule parser reads a global filter.
  icu::ParsePosition position(0);
  UErrorCode status = U_ZERO_ERROR;
  filter_ = std::make_unique<icu::UnicodeSet>(pattern, position, USET_IGNORE_SPACE, nullptr, status);
  if (U_FAILURE(status) || position.getIndex() != pattern.length()) fail(name_, std::string("bad global filter: ") + u_errorName(status));
}

RuleTransliterator::~RuleTransliterator() = default;
RuleTransliterator::RuleTransliterator(RuleTransliterator&&) noexcept = default;
RuleTransliterator& RuleTransliterator::operator=(RuleTransliterator&&) noexcept = default;

void RuleTransliterator::transliterate(icu::UnicodeString& text) const {
  if (filter_) {
    bool filtered = false;
    for (int32_t i = 0; i < text.length() && !filtered; i += U16_LENGTH(text.char32At(i))) filtered = filter_->contains(text.char32At(i));
    if (!filtered) return;
  }
  if (!compiled_) compile();
  compiled_->transliterate(text);
}

void RuleTransliterator::compile() const {
  std::vector<std::unique_ptr<icu::Transliterator>> steps;
  std::string block;  // rules up to the next ID step, one pass of ICU's
  std::size_t block_line = 0, line_number = 0;
  const auto compile_block = [&] {
    if (block.empty()) return;
    UParseError where{};
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> pass(icu::Transliterator::createFromRules(
        icu::UnicodeString::fromUTF8(name_), icu::UnicodeString::fromUTF8(block), UTRANS_FORWARD, where, status));
    if (U_FAILURE(status) || !pass) {
      fail(name_, "ICU cannot compile the rules from line " + std::to_string(block_line) + " (line " + std::to_string(where.line) + " of them): " + u_errorName(status));
    }
    steps.push_back(std::move(pass));
    block.clear();
  };
  for (std::size_t pos = 0; pos < rules_.size();) {
    std::size_t end = rules_.find('\n', pos);
    if (end == std::string_view::npos) end = rules_.size();
    const std::string_view line = rules_.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (line.empty()) continue;
    if (!line.starts_with("::")) {
      if (block.empty()) block_line = line_number;
      block.append(line).push_back('\n');
      continue;
    }
    if (line_number == 1 && filter_) continue;
    if (!line.ends_with(';')) fail(name_, "an ID step does not end with ';': " + std::string(line));
    compile_block();
    if (const icu::Normalizer2* normalizer = normalizer_of(line.substr(2, line.size() - 3), name_)) {
      steps.push_back(std::make_unique<NormalizationStep>(*normalizer));
    }
  }
  compile_block();
  compiled_ = std::make_unique<Steps>(std::move(steps), filter_ ? filter_->clone() : nullptr);
}

}  // namespace cronaca
