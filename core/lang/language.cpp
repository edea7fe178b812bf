#include "lang/language.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "text/utf8.h"

namespace cronaca {

std::string apostrophe_key(std::string_view s) {
  // Most words are ASCII: lower-cased in one pass over the copy, which stops at the first other byte.
  std::string out(s);
  bool ascii = true;
  for (char& c : out) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (ascii) return out;
  out.clear();
  for (std::size_t pos = 0; pos < s.size();) {
    const char32_t cp = decode_utf8(s, pos);
    append_utf8(out, cp == U'\u2019' || cp == U'\u02BC' || cp == U'\u2018' ? U'\'' : cp);
  }
  return fold_case(out);
}

namespace {
const std::string* file_of(const Resources& resources, const std::string& dir, const char* name) {
  return resources.find(dir + name);
}
}  // namespace

Languages Languages::load(const Resources& resources, std::vector<std::string>& errors) {
  Languages languages;
  for (const std::string& manifest_name : resources.names_under("lang/")) {
    if (!manifest_name.ends_with("/language.json")) continue;
    const std::string dir = manifest_name.substr(0, manifest_name.size() - std::string_view("language.json").size());
    auto profile = std::make_unique<LanguageProfile>();
    try {
      const auto manifest = nlohmann::json::parse(*resources.find(manifest_name));
      profile->code = manifest.at("code").get<std::string>();
      profile->name = manifest.value("name", profile->code);
      profile->analysed = manifest.value("analysis", false);
      profile->entity_model = manifest.value("entity_model", std::string());
      profile->entity_names = manifest.value("entity_names", std::string());
      profile->entity_names_capitalised = manifest.value("entity_names_capitalised", false);
    } catch (const std::exception& e) {
      errors.push_back(manifest_name + ": " + e.what());
      continue;
    }
    if (const auto* list = file_of(resources, dir, "stopwords.txt")) {
      for (std::string_view word : list_words(*list)) profile->stopwords.insert(fold_case(word));
    }
    if (const auto* list = file_of(resources, dir, "abbreviations.txt")) {
      for (std::string_view line : list_lines(*list)) {
        const std::size_t space = line.find_first_of(" \t");
        const std::string_view form = line.substr(0, space);
        const bool may_end = space != std::string_view::npos && trim(line.substr(space)) == "may-end";
        profile->abbreviations.emplace(fold_case(form), may_end);
        if (!may_end) profile->never_final_abbreviations.emplace_back(form);
      }
    }
    if (const auto* list = file_of(resources, dir, "elisions.txt")) {
      for (std::string_view form : list_lines(*list)) profile->elisions.insert(apostrophe_key(form));
    }
    if (const auto* list = file_of(resources, dir, "continuations.txt")) {
      for (std::string_view word : list_words(*list)) profile->continuations.insert(fold_case(word));
    }
    if (const auto* list = file_of(resources, dir, "clitics.txt")) {
      for (std::string_view form : list_lines(*list)) profile->clitic_suffixes.push_back(apostrophe_key(form));
      // Longest first, so "n't" is tried before "'t".
      std::sort(profile->clitic_suffixes.begin(), profile->clitic_suffixes.end(),
                [](const std::string& a, const std::string& b) { return a.size() > b.size() || (a.size() == b.size() && a < b); });
    }
    languages.profiles_.push_back(std::move(profile));
  }
  std::sort(languages.profiles_.begin(), languages.profiles_.end(),
            [](const auto& a, const auto& b) { return a->code < b->code; });
  for (std::size_t i = 0; i < languages.profiles_.size() && i < 64; ++i) {
    for (const std::string& word : languages.profiles_[i]->stopwords) languages.stopword_languages_[word] |= std::uint64_t{1} << i;
  }
  return languages;
}

const LanguageProfile* Languages::find(std::string_view code) const {
  for (const auto& profile : profiles_) {
    if (profile->code == code) return profile.get();
  }
  return nullptr;
}

}  // namespace cronaca
