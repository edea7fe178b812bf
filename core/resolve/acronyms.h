#pragma once
// Acronyms the text ties to their expansion: "Csto (l'Organizzazione del trattato per la
// sicurezza collettiva)" and "Organizzazione del trattato per la sicurezza collettiva (Csto)".
#include <string>
#include <vector>

#include "analysis/document.h"
#include "lang/language.h"

namespace cronaca {

struct AcronymLink {
  std::string acronym;    // folded
  std::string expansion;  // as written, without a leading article
};

// Every acronym-expansion pair of the document: the acronym's letters are the initials of the
// expansion's content words, in any order (an English acronym for an Italian name). `profile`
// may be null.
std::vector<AcronymLink> acronym_links(const Document& doc, const LanguageProfile* profile);

}  // namespace cronaca
