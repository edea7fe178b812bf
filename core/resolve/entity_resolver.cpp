#include "resolve/entity_resolver.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <map>
#include <span>
#include <stdexcept>
#include <unordered_map>

#include "lang/language.h"
#include "resolve/acronyms.h"
#include "resolve/roles.h"
#include "resolve/tokens_view.h"
#include "text/utf8.h"
#include "text/word_map.h"

namespace cronaca {

namespace {

using namespace resolve_detail;

std::string join(const std::vector<std::string>& parts, char separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

class UnionFind {
 public:
  std::uint32_t add() {
    parent_.push_back(static_cast<std::uint32_t>(parent_.size()));
    return parent_.back();
  }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // The smaller root wins, so results never depend on the order of unions.
  void unite(std::uint32_t a, std::uint32_t b) {
    a = find(a), b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
  }
  void detach(std::uint32_t x) { parent_[x] = x; }
  std::size_t size() const { return parent_.size(); }

 private:
  std::vector<std::uint32_t> parent_;
};

// One mention being resolved.
struct Item {
  std::uint32_t doc;
  std::uint32_t mention;  // index in the document's mentions
  std::string surface;    // the name without a leading title
  std::string description;
  std::uint32_t local = 0;
};

// The mentions of one entity within one document.
struct Local {
  std::uint32_t doc;
  EntityType type;
  std::vector<std::uint32_t> items;
  std::vector<std::string> full_keys;  // people: "first|last" name keys
  std::string surname;                 // people: the last name's key
  std::string first_name;              // people named in full: the first name's key
  std::string name_key;                // places and organisations: the name's keys
  std::vector<std::string> name_tokens;  // the same, one per word
  bool generic = false;                  // "governo": kept to its document
  std::int32_t place = -1;             // gazetteer index
  std::string acronym;                 // folded acronym the text ties to an expansion
  std::vector<std::string> expansions;
  std::array<std::uint32_t, 3> votes{};
};

// "l'asse Mosca-Astana": one hyphenated token that joins the names of places is a mention of
// each, unless the whole is itself a place's name ("Emilia-Romagna").
void split_joined_places(Document& doc, const Places& places) {
  std::vector<Mention> split;
  bool changed = false;
  for (const Mention& mention : doc.mentions) {
    const std::string_view name = slice(doc.text, mention.begin, mention.end);
    const bool candidate = mention.role == MentionRole::name && mention.type != EntityType::person &&
                           name.find('-') != std::string_view::npos && name.find(' ') == std::string_view::npos;
    std::vector<Mention> parts;
    if (candidate && places.named(name).empty()) {
      for (std::size_t from = 0;;) {
        const std::size_t dash = std::min(name.find('-', from), name.size());
        const std::string_view part = name.substr(from, dash - from);
        if (part.empty() || places.named(part).empty()) {
          parts.clear();
          break;
        }
        const auto offset = static_cast<std::uint32_t>(from);
        parts.push_back({mention.begin + offset, mention.begin + offset + static_cast<std::uint32_t>(part.size()), EntityType::location});
        if (dash == name.size()) break;
        from = dash + 1;
      }
    }
    if (parts.size() >= 2) {
      split.insert(split.end(), parts.begin(), parts.end());
      changed = true;
    } else {
      split.push_back(mention);
    }
  }
  if (changed) doc.mentions.swap(split);
}

// "Camera" ... "Camera dei deputati", "Lega" ... "Lega Nord": an organisation's name that begins
// longer organisation names of the same article is the organisation they name, when they all
// name one. Longer names go first, so that "Tribunale speciale" has joined "Tribunale speciale
// iracheno" before "Tribunale" looks. Only names sharing a first word are compared.
void join_shortened_organisations(const std::vector<Local>& locals, std::uint32_t first_local, UnionFind& sets) {
  std::vector<std::uint32_t> organisations;
  for (std::uint32_t l = first_local; l < locals.size(); ++l) {
    if (locals[l].type == EntityType::organization && locals[l].place < 0 && !locals[l].name_tokens.empty()) organisations.push_back(l);
  }
  if (organisations.size() < 2) return;
  std::stable_sort(organisations.begin(), organisations.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return locals[a].name_tokens.size() > locals[b].name_tokens.size(); });
  StringMap<std::vector<std::uint32_t>> by_first_word;
  for (std::uint32_t l : organisations) by_first_word[locals[l].name_tokens.front()].push_back(l);
  for (std::uint32_t l : organisations) {
    const std::vector<std::string>& mine = locals[l].name_tokens;
    std::int64_t root = -1;
    bool one = true;
    for (std::uint32_t other : by_first_word[mine.front()]) {
      const std::vector<std::string>& theirs = locals[other].name_tokens;
      if (theirs.size() <= mine.size() || !std::equal(mine.begin(), mine.end(), theirs.begin())) continue;
      const std::uint32_t other_root = sets.find(other);
      if (root >= 0 && other_root != root) one = false;
      root = other_root;
    }
    if (root >= 0 && one) sets.unite(l, static_cast<std::uint32_t>(root));
  }
}

std::size_t sentence_of(const Document& doc, std::uint32_t offset) {
  const auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), offset,
                                   [](std::uint32_t value, const Sentence& s) { return value < s.begin; });
  return it == doc.sentences.begin() ? 0 : static_cast<std::size_t>(it - doc.sentences.begin() - 1);
}

}  // namespace

EntityResolver::EntityResolver(const Resources& resources, const Languages& languages, const Places* places)
    : resources_(resources), languages_(languages), places_(places), keys_(resources) {
  if (places_) {
    for (std::uint32_t p = 0; p < places_->all().size(); ++p) {
      const Place& place = places_->all()[p];
      if (place.kind == PlaceKind::country) country_places_.emplace(std::string(place.country), static_cast<std::int32_t>(p));
    }
  }
  if (const std::string* text = resources.find("resolve/places.txt")) {
    for (std::string_view line : list_lines(*text)) {
      const std::size_t space = line.find(' ');
      const std::string_view kind = line.substr(0, space);
      const std::string_view rest = space == std::string_view::npos ? std::string_view{} : trim(line.substr(space));
      if (kind == "alias") {
        const std::size_t code_end = rest.find(' ');
        if (code_end != 2) throw std::runtime_error("resolve/places.txt: bad alias line: " + std::string(line));
        country_aliases_[join(keys_.tokens(rest.substr(3)), ' ')] = std::string(rest.substr(0, 2));
      } else if (kind == "state") {
        state_words_.insert(fold_case(rest));
      } else {
        throw std::runtime_error("resolve/places.txt: unknown line: " + std::string(line));
      }
    }
  }
}

EntityResolver::~EntityResolver() = default;

const EntityResolver::LanguageData* EntityResolver::language(const std::string& code) const {
  auto& data = languages_data_[code];
  if (data) return data.get();
  data = std::make_unique<LanguageData>();
  data->profile = languages_.find(code);
  const std::string dir = "lang/" + code + "/";
  if (const std::string* cues = resources_.find(dir + "entity-cues.txt")) {
    for (std::string_view line : list_lines(*cues)) {
      const std::size_t space = line.find(' ');
      const std::string_view kind = line.substr(0, space);
      if (kind != "title" && kind != "honorific") continue;
      const std::string phrase = apostrophe_key(trim(line.substr(space)));
      data->prefixes.phrases[phrase] |= kind == "title" ? NamePrefixes::title : NamePrefixes::honorific;
      if (const std::size_t gap = phrase.find(' '); gap != std::string::npos) data->prefixes.heads.insert(phrase.substr(0, gap));
    }
  }
  if (const std::string* generic = resources_.find(dir + "generic-names.txt")) {
    for (std::string_view line : list_lines(*generic)) {
      for (std::string_view word : list_words(line)) data->generic_words.insert(fold_case(word));
    }
  }
  if (const std::string* demonyms = resources_.find(dir + "demonyms.txt")) {
    for (std::string_view line : list_lines(*demonyms)) {
      const std::vector<std::string_view> words = list_words(line);
      if (words.size() < 2 || words[0].size() != 2) throw std::runtime_error(dir + "demonyms.txt: bad line: " + std::string(line));
      // Forms of two words ("South Korean") are matched on their last word after the first.
      for (std::size_t i = 1; i < words.size(); ++i) {
        const std::string form = fold_case(words[i]);
        data->demonyms[form] = std::string(words[0]);
        data->demonym_lengths.first = std::min(data->demonym_lengths.first, form.size());
        data->demonym_lengths.second = std::max(data->demonym_lengths.second, form.size());
        data->demonym_starts.set(LanguageData::start_of(form));
      }
    }
  }
  return data.get();
}

const EntityResolver::NameFacts& EntityResolver::facts_of(const LanguageData& lang, std::span<const std::string_view> words,
                                                          StringMap<NameFacts>& known, std::string& tokenised) const {
  // Words joined by one space: how the gazetteer spells a name ("Stati Uniti d' America").
  tokenised.clear();
  if (lang.profile) tokenised += lang.profile->code;
  tokenised += '\t';
  const std::size_t name_at = tokenised.size();
  for (std::string_view word : words) {
    if (tokenised.size() > name_at) tokenised += ' ';
    tokenised += word;
  }
  if (const auto found = known.find(tokenised); found != known.end()) return found->second;
  const std::string_view name = std::string_view(tokenised).substr(name_at);

  NameFacts facts;
  facts.keys = &keys_.tokens(name);
  facts.name_key = join(*facts.keys, ' ');
  if (places_) {
    if (const auto& found = places_->named(name); !found.empty()) facts.place = static_cast<std::int32_t>(found.front());
  }
  if (facts.place < 0 && !facts.keys->empty()) {
    std::string country;
    if (const auto alias = country_aliases_.find(facts.name_key); alias != country_aliases_.end()) {
      country = alias->second;
    } else if (facts.keys->size() >= 2 && state_words_.count(facts.keys->front())) {
      // "Federazione Russa", "Federazione Russia": a state named after its country.
      const std::string last_word = fold_case(words.back());
      if (const auto demonym = lang.demonyms.find(last_word); demonym != lang.demonyms.end()) {
        country = demonym->second;
      } else if (places_) {
        for (std::uint32_t p : places_->named(last_word)) {
          if (places_->all()[p].kind == PlaceKind::country) {
            country = std::string(places_->all()[p].country);
            break;
          }
        }
      }
    }
    if (const auto found = country_places_.find(country); found != country_places_.end()) facts.place = found->second;
  }
  facts.generic = std::all_of(words.begin(), words.end(), [&](std::string_view w) {
    const std::string word = apostrophe_key(w);
    const bool letters = std::any_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c)); });
    return !letters || word.ends_with('\'') || (lang.profile && lang.profile->is_stopword(word)) || lang.generic_words.count(word);
  });
  return known.emplace(tokenised, std::move(facts)).first->second;
}

void EntityResolver::resolve(AnalysisResult& result, const Corrections& corrections) const {
  std::vector<Item> items;
  std::vector<Local> locals;
  UnionFind sets;
  StringMap<NameFacts> known_names;  // the facts of every name met, as most names recur
  std::vector<std::string_view> words;
  std::string name_scratch;  // facts_of's key, kept to keep its capacity
  std::string local_key;     // a mention's key within its document
  std::size_t mention_count = 0;
  for (const Document& doc : result.documents) mention_count += doc.mentions.size();
  items.reserve(mention_count);
  locals.reserve(mention_count);

  // ---- Within each document
  for (std::uint32_t d = 0; d < result.documents.size(); ++d) {
    Document& doc = result.documents[d];
    const std::uint32_t doc_locals = static_cast<std::uint32_t>(locals.size());
    if (places_) split_joined_places(doc, *places_);
    const LanguageData* lang = language(doc.lang);
    const LanguageProfile* profile = lang->profile;
    const RoleReader roles{doc, lang->prefixes, lang->demonyms, profile};
    const std::string_view text = doc.text;
    const std::vector<AcronymLink> links = acronym_links(doc, profile);
    std::vector<std::string> folded_expansions;  // compared with every organisation's mention
    for (const AcronymLink& link : links) folded_expansions.push_back(fold_case(link.expansion));
    StringMap<std::uint32_t> by_key;    // local entity of a key in this document
    std::vector<std::uint32_t> people;  // local people in order of their last mention

    // Token index of each mention's first token, found by walking both in order.
    std::size_t token = 0;
    for (std::uint32_t m = 0; m < doc.mentions.size(); ++m) {
      Mention& mention = doc.mentions[m];
      if (mention.role != MentionRole::name) continue;
      while (token < doc.tokens.size() && doc.tokens[token].end <= mention.begin) ++token;
      std::size_t first = token, last = token;
      while (last < doc.tokens.size() && doc.tokens[last].begin < mention.end) ++last;

      // A title at the start of the mention ("presidente Putin") is a description, not a name.
      Item item{d, m, {}, {}};
      while (first < last && roles.prefix_at(first)) first += roles.prefix_at(first);
      if (first == last) continue;
      // A mention may be part of a token ("Mosca" in "Mosca-Astana").
      const std::uint32_t surface_begin = std::max(doc.tokens[first].begin, mention.begin);
      const std::uint32_t surface_end = std::min(doc.tokens[last - 1].end, mention.end);
      item.surface = std::string(slice(text, surface_begin, surface_end));
      if (mention.type == EntityType::person) item.description = roles.description(token, first, last);
      words.clear();
      for (std::size_t t = first; t < last; ++t) {
        words.push_back(slice(text, std::max(doc.tokens[t].begin, surface_begin), std::min(doc.tokens[t].end, surface_end)));
      }
      const NameFacts& facts = facts_of(*lang, words, known_names, name_scratch);
      const std::vector<std::string>& keys = *facts.keys;
      if (keys.empty()) continue;

      // The last person of this document named with `key` as surname (or first name), or -1.
      const auto person_named = [&](const std::string& key, bool or_first_name) -> std::int64_t {
        for (auto it = people.rbegin(); it != people.rend(); ++it) {
          const Local& p = locals[*it];
          if (p.surname == key || (or_first_name && p.first_name == key)) return *it;
        }
        return -1;
      };

      local_key.clear();  // reused: its capacity stays
      std::int64_t joins = -1;  // the local this mention joins, when found without a key
      std::int32_t place = -1;
      std::string acronym;
      std::vector<std::string> expansions;
      bool generic = false;
      if (mention.type == EntityType::person) {
        if (keys.size() >= 2) {
          local_key.append("f:").append(keys.front()).append("|").append(keys.back());
        } else {
          // A lone name joins the last person named with it as surname (or first name).
          joins = person_named(keys[0], true);
          local_key.append("s:").append(keys[0]);
        }
      } else {
        const std::string folded = links.empty() ? std::string() : fold_case(item.surface);
        for (std::size_t k = 0; k < links.size(); ++k) {
          const AcronymLink& link = links[k];
          if (link.acronym == folded || folded_expansions[k] == folded) {
            acronym = link.acronym;
            expansions.push_back(link.expansion);
          }
        }
        place = facts.place;
        const std::string& name_key = facts.name_key;
        if (place >= 0) local_key.append("p:").append(std::to_string(place));
        else if (!acronym.empty()) local_key.append("a:").append(acronym);
        else local_key.append("n:").append(name_key);
        // "ha detto Profumo" tagged as an organisation: a lone name that is no place and the
        // surname of someone this article names is that person.
        if (place < 0 && acronym.empty() && keys.size() == 1) joins = person_named(keys[0], false);
        generic = place < 0 && acronym.empty() && facts.generic;
      }

      std::uint32_t local;
      if (joins >= 0) {
        local = static_cast<std::uint32_t>(joins);
      } else if (const auto found = by_key.find(local_key); found != by_key.end()) {
        local = found->second;
      } else {
        local = static_cast<std::uint32_t>(locals.size());
        locals.push_back({d, mention.type});
        sets.add();
        by_key.emplace(local_key, local);
        if (mention.type == EntityType::person) {
          Local& person = locals.back();
          person.surname = keys.back();
          if (keys.size() >= 2) {
            person.full_keys.push_back(keys.front() + "|" + keys.back());
            person.first_name = keys.front();
            // "Putin ... Vladimir Putin", "Irma ... Irma Testa": a lone name met first joins the
            // first full name it is part of, and only that one.
            for (const std::string& part : {keys.back(), keys.front()}) {
              if (const auto lone = by_key.find("s:" + part); lone != by_key.end()) {
                sets.unite(local, lone->second);
                by_key.erase(lone);
                break;
              }
            }
          }
        } else {
          // A generic name ("Procura") is this article's body: its key carries the document.
          locals.back().name_key = generic ? std::to_string(d) + "#" + facts.name_key : facts.name_key;
          locals.back().generic = generic;
          locals.back().name_tokens = keys;
        }
      }
      Local& target = locals[local];
      if (place >= 0) target.place = place;
      if (!acronym.empty()) target.acronym = acronym;
      target.expansions.insert(target.expansions.end(), expansions.begin(), expansions.end());
      ++target.votes[static_cast<std::size_t>(mention.type)];
      if (mention.type == EntityType::person) {
        people.erase(std::remove(people.begin(), people.end(), local), people.end());
        people.push_back(local);
      }
      item.local = local;
      target.items.push_back(static_cast<std::uint32_t>(items.size()));
      items.push_back(std::move(item));
    }
    join_shortened_organisations(locals, doc_locals, sets);
  }

  // ---- Across documents: hash joins on keys, never comparing all pairs.
  {
    StringMap<std::uint32_t> first_with;
    std::string key;  // built in place, copied only when new
    const auto join_on = [&](std::string_view prefix, std::string_view rest, std::uint32_t local) {
      key.assign(prefix).append(rest);
      if (const auto found = first_with.find(key); found != first_with.end()) sets.unite(found->second, local);
      else first_with.emplace(key, local);
    };
    for (std::uint32_t l = 0; l < locals.size(); ++l) {
      const Local& local = locals[l];
      for (const std::string& full : local.full_keys) join_on("f:", full, l);
      if (local.place >= 0) join_on("p:", std::to_string(local.place), l);
      if (!local.acronym.empty()) join_on("a:", local.acronym, l);
      if (!local.name_key.empty()) join_on("n:", local.name_key, l);
      for (const std::string& expansion : local.expansions) join_on("n:", join(keys_.tokens(expansion), ' '), l);
    }
    // A lone surname joins the one person of the corpus with that surname; with none, lone
    // surnames join each other (and an organisation or place of that name: "Sputnik"); with
    // several, it stays apart rather than guess.
    StringMap<std::vector<std::uint32_t>> surname_roots;
    for (std::uint32_t l = 0; l < locals.size(); ++l) {
      if (locals[l].full_keys.empty()) continue;
      auto& roots = surname_roots[locals[l].surname];
      const std::uint32_t root = sets.find(l);
      if (std::find(roots.begin(), roots.end(), root) == roots.end()) roots.push_back(root);
    }
    for (std::uint32_t l = 0; l < locals.size(); ++l) {
      const Local& local = locals[l];
      if (local.type != EntityType::person || !local.full_keys.empty()) continue;
      const auto found = surname_roots.find(local.surname);
      if (found != surname_roots.end()) {
        if (found->second.size() == 1) sets.unite(found->second.front(), l);
        continue;
      }
      join_on("s:", local.surname, l);
      key.assign("n:").append(local.surname);
      if (const auto named = first_with.find(key); named != first_with.end()) sets.unite(named->second, l);
    }
  }

  // ---- The user's merges and splits, by any name an entity goes by.
  const auto locals_named = [&](const std::string& name) {
    const std::string key = fold_case(name);
    std::vector<std::uint32_t> found;
    for (const Item& item : items) {
      if (fold_case(item.surface) == key) found.push_back(item.local);
    }
    for (std::uint32_t l = 0; l < locals.size(); ++l) {
      for (const std::string& expansion : locals[l].expansions) {
        if (fold_case(expansion) == key) found.push_back(l);
      }
    }
    return found;
  };
  for (std::size_t c = 0; c < corrections.size(); ++c) {
    const Correction& correction = corrections[c];
    if (correction.op != CorrectionOp::merge && correction.op != CorrectionOp::split) continue;
    const std::vector<std::uint32_t> a = locals_named(correction.entity);
    if (a.empty()) {
      result.warnings.push_back("correction " + std::to_string(c + 1) + ": no entity is named \"" + correction.entity + "\"");
      continue;
    }
    if (correction.op == CorrectionOp::merge) {
      const std::vector<std::uint32_t> b = locals_named(correction.argument);
      if (b.empty()) {
        result.warnings.push_back("correction " + std::to_string(c + 1) + ": no entity is named \"" + correction.argument + "\"");
        continue;
      }
      sets.unite(a.front(), b.front());
    } else {
      // The locals whose mentions use the alias leave; the rest of the entity keeps together.
      const std::string alias = fold_case(correction.argument);
      const std::uint32_t root = sets.find(a.front());
      std::vector<std::uint32_t> leaving, staying;
      for (std::uint32_t l = 0; l < locals.size(); ++l) {
        if (sets.find(l) != root) continue;
        const bool uses = std::any_of(locals[l].items.begin(), locals[l].items.end(),
                                      [&](std::uint32_t i) { return fold_case(items[i].surface) == alias; });
        (uses ? leaving : staying).push_back(l);
      }
      if (leaving.empty() || staying.empty()) {
        result.warnings.push_back("correction " + std::to_string(c + 1) + ": \"" + correction.argument + "\" is not an alias of \"" + correction.entity + "\" to split off");
        continue;
      }
      for (std::uint32_t l : leaving) sets.detach(l);
      for (std::uint32_t l : staying) sets.detach(l);
      for (std::uint32_t l : leaving) sets.unite(leaving.front(), l);
      for (std::uint32_t l : staying) sets.unite(staying.front(), l);
    }
  }

  // ---- Entities, in order of first mention.
  std::map<std::uint32_t, std::uint32_t> entity_of_root;
  std::vector<std::vector<std::uint32_t>> members;  // locals per entity
  for (std::uint32_t l = 0; l < locals.size(); ++l) {
    const std::uint32_t root = sets.find(l);
    const auto [it, inserted] = entity_of_root.emplace(root, static_cast<std::uint32_t>(members.size()));
    if (inserted) members.emplace_back();
    members[it->second].push_back(l);
  }
  result.entities.assign(members.size(), Entity{});
  for (std::uint32_t e = 0; e < members.size(); ++e) {
    Entity& entity = result.entities[e];
    std::array<std::uint32_t, 3> votes{};
    std::int32_t place = -1;
    // Every name used, with the size of the local entity that used it, and every description.
    std::vector<std::pair<std::string_view, std::uint32_t>> uses;
    std::vector<std::string_view> described;
    std::vector<std::string> expansions;
    std::uint32_t mentions = 0;
    entity.generic = true;
    for (std::uint32_t l : members[e]) {
      const Local& local = locals[l];
      entity.generic = entity.generic && local.generic;
      for (std::size_t t = 0; t < 3; ++t) votes[t] += local.votes[t];
      if (place < 0) place = local.place;
      expansions.insert(expansions.end(), local.expansions.begin(), local.expansions.end());
      for (std::uint32_t i : local.items) {
        uses.emplace_back(items[i].surface, static_cast<std::uint32_t>(local.items.size()));
        if (!items[i].description.empty()) described.push_back(items[i].description);
        result.documents[items[i].doc].mentions[items[i].mention].entity = static_cast<std::int32_t>(e);
        ++mentions;
      }
      // Locals come in document order: a document already listed is the last one.
      const Document& doc = result.documents[local.doc];
      if (entity.documents.empty() || entity.documents.back() != doc.id) entity.documents.push_back(doc.id);
      const std::string& date = doc.anchor_date.empty() ? doc.date.value : doc.anchor_date;
      if (!date.empty() && (entity.first.empty() || date < entity.first)) entity.first = date;
      if (!date.empty() && (entity.last.empty() || date > entity.last)) entity.last = date;
    }
    entity.mentions = mentions;
    // Places the gazetteer knows are places, whatever role the tagger saw them in.
    const Place* known = place >= 0 && places_ ? &places_->all()[static_cast<std::size_t>(place)] : nullptr;
    if (known && votes[0] <= votes[1] + votes[2]) {
      entity.type = EntityType::location;
    } else {
      entity.type = static_cast<EntityType>(std::max_element(votes.begin(), votes.end()) - votes.begin());
    }
    if (known) {
      entity.place_kind = to_string(known->kind);
      entity.country = std::string(known->country);
      entity.located = known->located;
      entity.lat_e4 = known->lat_e4;
      entity.lon_e4 = known->lon_e4;
    }

    // The canonical name: for people the most used full name (then the one whose article says
    // most about them, then the longer); for organisations an expansion of their acronym; else
    // the most used name, capitalised, then longer.
    struct Name {
      std::string_view text;
      std::uint32_t count = 0, largest_local = 0;
    };
    std::sort(uses.begin(), uses.end());
    std::vector<Name> names;
    for (const auto& [surface, local_size] : uses) {
      if (names.empty() || names.back().text != surface) names.push_back({surface});
      ++names.back().count;
      names.back().largest_local = std::max(names.back().largest_local, local_size);
    }
    const auto words = [](std::string_view s) { return std::count(s.begin(), s.end(), ' ') + std::count(s.begin(), s.end(), '-') + 1; };
    const auto latin = [](std::string_view s) {
      // Letters of Latin script (ASCII or accented: "Chávez") make up most of the name.
      std::size_t latin_letters = 0, letters = 0;
      for (std::size_t pos = 0; pos < s.size();) {
        const char32_t c = decode_utf8(s, pos);
        if (!u_isalpha(static_cast<UChar32>(c))) continue;
        ++letters;
        UErrorCode status = U_ZERO_ERROR;
        latin_letters += uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_LATIN;
      }
      return 2 * latin_letters > letters;
    };
    const auto better = [&](const Name& a, const Name& b) {
      if (entity.type == EntityType::person && (words(a.text) >= 2) != (words(b.text) >= 2)) return words(a.text) >= 2;
      if (a.count != b.count) return a.count > b.count;
      if (a.largest_local != b.largest_local) return a.largest_local > b.largest_local;
      if (starts_upper(a.text) != starts_upper(b.text)) return starts_upper(a.text);
      // The corpus's languages write in Latin letters: "Vladimir Putin" over "Владимир Путин".
      if (latin(a.text) != latin(b.text)) return latin(a.text);
      if (a.text.size() != b.text.size()) return a.text.size() > b.text.size();
      return a.text < b.text;
    };
    entity.name = std::string(std::min_element(names.begin(), names.end(), better)->text);
    for (const Name& name : names) entity.aliases.emplace_back(name.text);
    if (!expansions.empty()) {
      std::sort(expansions.begin(), expansions.end());
      expansions.erase(std::unique(expansions.begin(), expansions.end()), expansions.end());
      entity.name = *std::max_element(expansions.begin(), expansions.end(),
                                      [](const std::string& a, const std::string& b) { return a.size() < b.size() || (a.size() == b.size() && a > b); });
      entity.aliases.insert(entity.aliases.end(), expansions.begin(), expansions.end());
      std::sort(entity.aliases.begin(), entity.aliases.end());
      entity.aliases.erase(std::unique(entity.aliases.begin(), entity.aliases.end()), entity.aliases.end());
    }

    std::sort(described.begin(), described.end());
    std::vector<std::pair<std::string_view, std::uint32_t>> descriptions;
    for (std::string_view d : described) {
      if (descriptions.empty() || descriptions.back().first != d) descriptions.emplace_back(d, 0);
      ++descriptions.back().second;
    }

    std::sort(descriptions.begin(), descriptions.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    // "presidente" says nothing "presidente kazako" does not.
    const auto words_of = [](std::string_view s) {
      std::vector<std::string> words;
      for (std::string_view w : list_words(s)) words.push_back(fold_case(w));
      std::sort(words.begin(), words.end());
      return words;
    };
    std::vector<std::vector<std::string>> kept_words;
    for (const auto& [description, count] : descriptions) kept_words.push_back(words_of(description));
    for (std::size_t i = 0; i < descriptions.size(); ++i) {
      const bool covered = std::any_of(kept_words.begin(), kept_words.end(), [&](const std::vector<std::string>& other) {
        return other.size() > kept_words[i].size() && std::includes(other.begin(), other.end(), kept_words[i].begin(), kept_words[i].end());
      });
      if (!covered) entity.descriptions.emplace_back(descriptions[i].first);
    }
  }

  // ---- The user's renames, type changes and removals.
  const auto entity_named = [&](const std::string& name) -> std::int32_t {
    const std::string key = fold_case(name);
    for (std::size_t e = 0; e < result.entities.size(); ++e) {
      const Entity& entity = result.entities[e];
      if (fold_case(entity.name) == key) return static_cast<std::int32_t>(e);
      for (const std::string& alias : entity.aliases) {
        if (fold_case(alias) == key) return static_cast<std::int32_t>(e);
      }
    }
    return -1;
  };
  std::vector<bool> removed(result.entities.size(), false);
  for (std::size_t c = 0; c < corrections.size(); ++c) {
    const Correction& correction = corrections[c];
    if (correction.op == CorrectionOp::merge || correction.op == CorrectionOp::split) continue;
    const std::int32_t e = entity_named(correction.entity);
    if (e < 0) {
      result.warnings.push_back("correction " + std::to_string(c + 1) + ": no entity is named \"" + correction.entity + "\"");
      continue;
    }
    Entity& entity = result.entities[static_cast<std::size_t>(e)];
    if (correction.op == CorrectionOp::rename) {
      entity.name = correction.argument;
      if (std::find(entity.aliases.begin(), entity.aliases.end(), entity.name) == entity.aliases.end()) {
        entity.aliases.push_back(entity.name);
        std::sort(entity.aliases.begin(), entity.aliases.end());
      }
    } else if (correction.op == CorrectionOp::retype) {
      entity.type = correction.type;
    } else {
      removed[static_cast<std::size_t>(e)] = true;
    }
  }

  // ---- Demonyms become related mentions of their country.
  std::map<std::string, std::int32_t> country_entity;
  for (std::size_t e = 0; e < result.entities.size(); ++e) {
    const Entity& entity = result.entities[e];
    if (entity.place_kind == "country" && !removed[e]) country_entity.emplace(entity.country, static_cast<std::int32_t>(e));
  }
  // Each word as written is folded and looked up once per language: most recur.
  std::map<const LanguageData*, WordMap<const std::string*>> demonym_of_word;  // country code, or null
  for (Document& doc : result.documents) {
    const LanguageData* lang = language(doc.lang);
    if (lang->demonyms.empty() || country_entity.empty()) continue;
    WordMap<const std::string*>& demonym_of = demonym_of_word[lang];
    std::vector<Mention> related;
    std::size_t m = 0;
    for (const Token& token : doc.tokens) {
      while (m < doc.mentions.size() && doc.mentions[m].end <= token.begin) ++m;
      if (m < doc.mentions.size() && doc.mentions[m].begin < token.end) continue;  // inside a name
      if (token.kind != TokenKind::word) continue;
      const std::string_view word = slice(doc.text, token.begin, token.end);
      if (!lang->may_be_demonym(word)) continue;
      const std::size_t known = demonym_of.size();
      const std::uint32_t id = demonym_of.index(word);
      if (demonym_of.size() > known) {
        const auto demonym = lang->demonyms.find(fold_case(word));
        demonym_of.at(id) = demonym == lang->demonyms.end() ? nullptr : &demonym->second;
      }
      const std::string* code = demonym_of.at(id);
      if (!code) continue;
      const auto country = country_entity.find(*code);
      if (country == country_entity.end()) continue;
      related.push_back({token.begin, token.end, EntityType::location, country->second, MentionRole::demonym});
      ++result.entities[static_cast<std::size_t>(country->second)].related;
    }
    if (related.empty()) continue;
    std::vector<Mention> merged;
    merged.reserve(doc.mentions.size() + related.size());
    std::merge(doc.mentions.begin(), doc.mentions.end(), related.begin(), related.end(), std::back_inserter(merged),
               [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
    doc.mentions.swap(merged);
  }

  // ---- Removed entities go, with their mentions; indices close up.
  std::vector<std::int32_t> renumber(result.entities.size(), -1);
  std::vector<Entity> kept;
  for (std::size_t e = 0; e < result.entities.size(); ++e) {
    if (removed[e]) continue;
    renumber[e] = static_cast<std::int32_t>(kept.size());
    kept.push_back(std::move(result.entities[e]));
  }
  result.entities.swap(kept);
  for (Document& doc : result.documents) {
    std::erase_if(doc.mentions, [&](const Mention& m) { return m.entity >= 0 && renumber[static_cast<std::size_t>(m.entity)] < 0; });
    for (Mention& m : doc.mentions) {
      if (m.entity >= 0) m.entity = renumber[static_cast<std::size_t>(m.entity)];
    }
  }

  // ---- Entities named in the same sentence.
  std::unordered_map<std::uint64_t, std::uint32_t> pairs;  // (a << 32 | b) -> sentences
  for (const Document& doc : result.documents) {
    std::size_t current = SIZE_MAX;
    std::vector<std::uint32_t> in_sentence;
    const auto flush = [&] {
      std::sort(in_sentence.begin(), in_sentence.end());
      in_sentence.erase(std::unique(in_sentence.begin(), in_sentence.end()), in_sentence.end());
      for (std::size_t i = 0; i < in_sentence.size(); ++i) {
        for (std::size_t j = i + 1; j < in_sentence.size(); ++j) ++pairs[std::uint64_t{in_sentence[i]} << 32 | in_sentence[j]];
      }
      in_sentence.clear();
    };
    for (const Mention& m : doc.mentions) {
      if (m.entity < 0 || m.role != MentionRole::name) continue;
      const std::size_t sentence = sentence_of(doc, m.begin);
      if (sentence != current) {
        flush();
        current = sentence;
      }
      in_sentence.push_back(static_cast<std::uint32_t>(m.entity));
    }
    flush();
  }
  // By pair: a << 32 | b orders as (a, b) does, in one comparison.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> sorted(pairs.begin(), pairs.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  result.cooccurrences.clear();
  result.cooccurrences.reserve(sorted.size());
  for (const auto& [pair, count] : sorted) {
    result.cooccurrences.push_back({static_cast<std::uint32_t>(pair >> 32), static_cast<std::uint32_t>(pair), count});
  }
}

}  // namespace cronaca
