#include <catch2/catch.hpp>

#include "geo/places.h"
#include "ner/word_info.h"
#include "test_resources.h"

using namespace cronaca;

TEST_CASE("the gazetteer reads kinds, countries, coordinates, populations and names") {
  Resources resources;
  resources.add_file(Places::kResource,
                     "# comment\n"
                     "country\tKZ\t51.1801\t71.4460\t0\tKazakistan\tKazakhstan\n"
                     "region\t\t\t\t0\tEuropa\tEurope\n"
                     "city\tRU\t55.7522\t37.6156\t10381222\tMoscow\tMosca\n"
                     "city\tAR\t-34.6132\t-58.3772\t13076300\tBuenos Aires\n");
  const Places places(resources);
  REQUIRE(places.all().size() == 4);
  const Place& moscow = places.all()[2];
  CHECK(moscow.kind == PlaceKind::city);
  CHECK(moscow.country == "RU");
  CHECK(moscow.lat_e4 == 557522);
  CHECK(moscow.population == 10381222);
  CHECK(moscow.names == std::vector<std::string_view>{"Moscow", "Mosca"});
  CHECK(places.all()[3].lon_e4 == -583772);
  CHECK_FALSE(places.all()[1].located);
  CHECK(places.all()[1].country.empty());
  const std::uint64_t mosca[] = {folded_hash("mosca")};
  CHECK(places.names().classes_of(mosca) == 1u << static_cast<unsigned>(PlaceKind::city));
  const std::uint64_t buenos_aires[] = {folded_hash("Buenos"), folded_hash("Aires")};
  CHECK(places.names().classes_of(buenos_aires) != 0);
}

TEST_CASE("the binary gazetteer reads back as the same places and names") {
  Resources text;
  text.add_file(Places::kResource,
                "country\tKZ\t51.1801\t71.4460\t0\tKazakistan\tKazakhstan\n"
                "region\t\t\t\t0\tEuropa\tEurope\n"
                "city\tRU\t55.7522\t37.6156\t10381222\tMoscow\tMosca\n"
                "city\tAR\t-34.6132\t-58.3772\t13076300\tBuenos Aires\n"
                "city\tKZ\t43.2500\t76.9167\t2000900\tAlmaty\tAlma-Ata\n");
  const Places original(text);
  Resources binary;
  binary.add_file(Places::kBinaryResource, original.encode());
  const Places read(binary);
  REQUIRE(read.all().size() == original.all().size());
  for (std::size_t i = 0; i < read.all().size(); ++i) {
    const Place& a = original.all()[i];
    const Place& b = read.all()[i];
    CHECK(a.kind == b.kind);
    CHECK(a.country == b.country);
    CHECK(a.located == b.located);
    CHECK(a.lat_e4 == b.lat_e4);
    CHECK(a.lon_e4 == b.lon_e4);
    CHECK(a.population == b.population);
    CHECK(a.names == b.names);
  }
  const std::uint64_t buenos_aires[] = {folded_hash("Buenos"), folded_hash("Aires")};
  CHECK(read.names().classes_of(buenos_aires) == original.names().classes_of(buenos_aires));
  const auto almaty = read.named("alma-ata");
  CHECK(std::vector<std::uint32_t>(almaty.begin(), almaty.end()) == std::vector<std::uint32_t>{4});
  CHECK(read.named("Alma").empty());

  std::string truncated = original.encode();
  truncated.pop_back();
  binary.add_file(Places::kBinaryResource, truncated);
  CHECK_THROWS_WITH(Places(binary), Catch::Contains("places.bin"));
}

TEST_CASE("the binary gazetteer front-codes names: prefixes of the name before, repeats, long and multi-byte ones") {
  const std::string long_name(300, 'a');
  Resources text;
  text.add_file(Places::kResource,
                "country\tBA\t43.8563\t18.4131\t0\tBosnia ed Erzegovina\tBosnia & Herzegovina\tBosnia\n"
                "city\tBA\t43.8563\t18.4131\t4294967295\tBosnia\tBosna\n"
                "city\tRU\t-89.9999\t-179.9999\t1\tМосква\tМосквб\n"  // shares half of the last letter
                "city\tRU\t89.9999\t179.9999\t0\t" + long_name + "x\t" + long_name + "y\t" + long_name + "\n");
  const Places original(text);
  Resources binary;
  binary.add_file(Places::kBinaryResource, original.encode());
  Places read(binary);
  const Places moved(std::move(read));  // the names view a buffer the gazetteer owns
  REQUIRE(moved.all().size() == 4);
  for (std::size_t i = 0; i < moved.all().size(); ++i) {
    CHECK(moved.all()[i].names == original.all()[i].names);
    CHECK(moved.all()[i].population == original.all()[i].population);
    CHECK(moved.all()[i].lat_e4 == original.all()[i].lat_e4);
    CHECK(moved.all()[i].lon_e4 == original.all()[i].lon_e4);
  }
  CHECK(moved.named("bosnia").size() == 2);
  CHECK(moved.named(long_name + "y").size() == 1);

  // A shared count longer than the name before it is damage, refused: the first name's count
  // (0: nothing comes before it) is set to 1.
  std::string bytes = original.encode();
  const std::size_t suffixes = bytes.find("Bosnia ed Erzegovina\n");
  REQUIRE(suffixes != std::string::npos);
  const std::size_t first_shared = suffixes - 4 /* the suffixes' length */ - 10 /* one count per name */;
  REQUIRE(bytes[first_shared] == 0);
  bytes[first_shared] = 1;
  binary.add_file(Places::kBinaryResource, bytes);
  CHECK_THROWS_WITH(Places(binary), Catch::Contains("places.bin"));
}

TEST_CASE("a malformed gazetteer line is reported with its number") {
  Resources resources;
  resources.add_file(Places::kResource, "city\tRU\t55.75\t37.6156\t1\tMoscow\n");
  CHECK_THROWS_WITH(Places(resources), Catch::Contains("places.tsv:1"));
}

TEST_CASE("the gazetteer ranks the places of one name: countries, regions, then cities by population") {
  Resources resources;
  resources.add_file(Places::kResource,
                     "city\tUS\t33.9526\t-84.5499\t1000\tGeorgia\n"
                     "country\tGE\t41.6941\t44.8337\t0\tGeorgia\n"
                     "city\tZA\t-33.9608\t22.4581\t5000\tGEORGIA\tGeorge\n"
                     "city\tUS\t40.7128\t-74.0060\t5000\tgeorgia\n");
  const Places places(resources);
  const auto georgia = places.named("Georgia");
  CHECK(std::vector<std::uint32_t>(georgia.begin(), georgia.end()) == std::vector<std::uint32_t>{1, 2, 3, 0});
}

TEST_CASE("the shipped gazetteer knows Italian and English names of countries and cities") {
  const Places places(test::shipped_resources());
  CHECK_FALSE(places.named("Mosca").empty());  // also builds the index, which refuses hash collisions
  std::size_t found = 0;
  for (const Place& place : places.all()) {
    for (std::string_view name : place.names) {
      if (place.kind == PlaceKind::country && name == "Kazakistan") found += place.country == "KZ";
      if (place.kind == PlaceKind::city && name == "Mosca") found += place.country == "RU" && place.population > 1000000;
      if (place.kind == PlaceKind::city && name == "Almaty") found += place.located;
      if (place.kind == PlaceKind::region && name == "Europa") ++found;
    }
  }
  CHECK(found == 4);
}
