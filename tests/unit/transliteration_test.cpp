// RuleTransliterator against ICU's own compilation of the same rules (createFromRules), which it
// must match character for character: the pack's transliterators one by one and in their chain,
// on names and on random strings of the scripts, marks and punctuation they handle.
#include <unicode/translit.h>

#include <catch2/catch.hpp>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "resolve/rule_transliterator.h"
#include "resources/resources.h"
#include "test_resources.h"

using namespace cronaca;

namespace {

struct Pair {
  std::string name;
  std::unique_ptr<icu::Transliterator> icu_rules;
  RuleTransliterator ours;
};

std::vector<Pair> shipped_transliterators() {
  const Resources& resources = test::shipped_resources();
  std::vector<Pair> pairs;
  for (std::string_view line : list_lines(*resources.find("translit/order.txt"))) {
    const std::vector<std::string_view> fields = list_words(line);
    const std::string& rules = *resources.find("translit/" + std::string(fields[0]));
    UParseError where{};
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> reference(icu::Transliterator::createFromRules(
        icu::UnicodeString::fromUTF8(std::string(fields[1])), icu::UnicodeString::fromUTF8(rules), UTRANS_FORWARD, where, status));
    REQUIRE(U_SUCCESS(status));
    pairs.push_back({std::string(fields[1]), std::move(reference), RuleTransliterator(std::string(fields[1]), rules)});
  }
  return pairs;
}

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Code point ranges the rules read, as characters, marks or context.
constexpr std::pair<UChar32, UChar32> kRanges[] = {
    {0x20, 0x7E},       {0xA0, 0xFF},       {0x100, 0x24F},     {0x250, 0x2FF},     {0x300, 0x36F},
    {0x370, 0x3FF},     {0x400, 0x52F},     {0x530, 0x58F},     {0x590, 0x5FF},     {0x600, 0x6FF},
    {0x750, 0x77F},     {0x10A0, 0x10FF},   {0x1C90, 0x1CBF},   {0x1E00, 0x1EFF},   {0x1F00, 0x1FFF},
    {0x2000, 0x206F},   {0x2070, 0x20CF},   {0x2100, 0x218F},   {0x2460, 0x24FF},   {0x3000, 0x303F},
    {0xAC00, 0xAC20},   {0xF000, 0xF010},   {0xFB00, 0xFB4F},   {0xFB50, 0xFDFF},   {0xFE70, 0xFEFF},
    {0xFF00, 0xFFEF},   {0x1D400, 0x1D7FF}, {0x1F600, 0x1F64F},
};

// Mostly one range, as names are written in one script, with a mark or a character of another
// now and then, so that the rules' contexts meet what they are written for and what they are not.
icu::UnicodeString random_text(std::mt19937& random) {
  const auto pick = [&](std::size_t range) {
    const auto [low, high] = kRanges[range];
    return std::uniform_int_distribution<UChar32>(low, high)(random);
  };
  const std::size_t main_range = std::uniform_int_distribution<std::size_t>(0, std::size(kRanges) - 1)(random);
  const int length = std::uniform_int_distribution<int>(1, 14)(random);
  icu::UnicodeString text;
  for (int i = 0; i < length; ++i) {
    const int roll = std::uniform_int_distribution<int>(0, 9)(random);
    if (roll < 6) text.append(pick(main_range));
    else if (roll == 6) text.append(pick(4));  // a combining mark
    else if (roll == 7) text.append(UChar32{' '});
    else text.append(pick(std::uniform_int_distribution<std::size_t>(0, std::size(kRanges) - 1)(random)));
  }
  return text;
}

const char* const kNames[] = {
    "Владимир Путин", "Касым-Жомарт Токаев", "Володимир Зеленський", "Юлія Тимошенко", "Nikita Chruščёv", "Ёлкин Объедков",
    "Кыргызстан Ӧмүр", "Κυριάκος Μητσοτάκης", "Αλέξης Τσίπρας", "Ευάγγελος ΰ", "Նիկոլ Փաշինյան", "Ռոբերտ Քոչարյան",
    "მიხეილ სააკაშვილი", "ირაკლი ღარიბაშვილი", "محمد بن سلمان", "رجب طیب اردوغان", "٣٫٥ ١٬٠٠٠", "בנימין נתניהו",
    "יִצְחָק רַבִּין", "19ª flottiglia", "Majlis al-Aʿyān", "Ærøskøbing", "Ǆoković ǈ", "ﬁnance ℌ 𝐀𝐁", "Łódź Straße",
    "José Martínez", "Nguyễn Tấn Dũng", "Ørsted ĳ", "e\u0301 a\u0308\u0308 \u0306", "Ａｂｃ　１２", "\uF000\uF001 x",
};

}  // namespace

TEST_CASE("rule transliterators match ICU's compilation of the same rules") {
  const std::vector<Pair> pairs = shipped_transliterators();
  REQUIRE(pairs.size() >= 9);
  std::mt19937 random(20240611);
  std::vector<icu::UnicodeString> texts;
  for (const char* name : kNames) texts.push_back(icu::UnicodeString::fromUTF8(name));
  for (int i = 0; i < 3000; ++i) texts.push_back(random_text(random));
  int changed = 0;
  for (const icu::UnicodeString& text : texts) {
    icu::UnicodeString icu_chain = text, our_chain = text;
    for (const Pair& pair : pairs) {
      icu::UnicodeString by_icu = text, by_us = text;
      pair.icu_rules->transliterate(by_icu);
      pair.ours.transliterate(by_us);
      INFO(pair.name << " on \"" << utf8(text) << "\"");
      CHECK(utf8(by_us) == utf8(by_icu));
      changed += by_icu != text;
      pair.icu_rules->transliterate(icu_chain);
      pair.ours.transliterate(our_chain);
    }
    INFO("the chain on \"" << utf8(text) << "\"");
    CHECK(utf8(our_chain) == utf8(icu_chain));
  }
  CHECK(changed > 3000);  // the texts are ones the rules work on
}
