#include "ner/context_window.h"

namespace cronaca {

namespace {
void count(FormCounts& c, const TokenTrace& t, int delta) {
  c.labels[t.label] = static_cast<std::uint16_t>(c.labels[t.label] + delta);
  if (t.casing == Casing::lower) c.lower = static_cast<std::uint16_t>(c.lower + delta);
  if (t.casing == Casing::capitalised && !t.initial) c.capitalised_inner = static_cast<std::uint16_t>(c.capitalised_inner + delta);
}
}  // namespace

void ContextWindow::update(std::span<const TokenTrace> sentence, int delta) {
  for (const TokenTrace& t : sentence) {
    if (t.casing == Casing::symbol || t.casing == Casing::number) continue;
    count(counts_.insert(key(t.folded), FormCounts{}), t, delta);
  }
}

FormCounts ContextWindow::others(const TokenTrace& token) const {
  if (token.casing == Casing::symbol || token.casing == Casing::number) return {};
  const FormCounts* found = counts_.find(key(token.folded));
  if (!found) return {};
  FormCounts c = *found;
  count(c, token, -1);
  return c;
}

}  // namespace cronaca
