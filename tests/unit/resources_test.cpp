#include <catch2/catch.hpp>

#include "resources/resources.h"

using namespace cronaca;

TEST_CASE("a pack holds named files and reads back exactly") {
  std::map<std::string, std::string, std::less<>> files = {
      {"lang/it/stopwords.txt", "il\nla\n"}, {"models/x.bin", std::string("\0\1\2", 3)}, {"empty", ""}};
  const std::string pack = write_pack(files);
  Resources resources;
  std::string error;
  REQUIRE(resources.add_pack(pack, error));
  CHECK(*resources.find("models/x.bin") == std::string("\0\1\2", 3));
  CHECK(resources.find("empty")->empty());
  CHECK(resources.find("missing") == nullptr);
  CHECK(resources.names_under("lang/") == std::vector<std::string>{"lang/it/stopwords.txt"});
}

TEST_CASE("a damaged pack is refused with a reason and changes nothing") {
  Resources resources;
  resources.add_file("keep", "me");
  std::string error;
  CHECK_FALSE(resources.add_pack("not a pack", error));
  CHECK(error.find("magic") != std::string::npos);
  const std::string pack = write_pack({{"a", "0123456789"}});
  CHECK_FALSE(resources.add_pack(pack.substr(0, pack.size() - 3), error));
  CHECK(error.find("truncated") != std::string::npos);
  CHECK(resources.find("a") == nullptr);
  CHECK(*resources.find("keep") == "me");
}

TEST_CASE("list files drop comments and blank lines") {
  const std::string list = "# heading\nSig.\n\n  Dott.   # doctor\nC#\n";
  CHECK(list_lines(list) == std::vector<std::string_view>{"Sig.", "Dott.", "C#"});
  CHECK(list_words("il lo la # articles\n\ndi  a\n") == std::vector<std::string_view>{"il", "lo", "la", "di", "a"});
}
