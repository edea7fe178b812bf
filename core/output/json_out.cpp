#include "output/json_out.h"

#include <nlohmann/json.hpp>

#include <charconv>

#include "text/byte_runs.h"
#include "text/utf8.h"

namespace cronaca {

namespace {

// The end of the bytes from `i` on that JSON takes as they are (printable ASCII but '"' and
// '\\'), eight at a time: the article texts are most of the output and mostly such bytes.
std::size_t plain_run_end(std::string_view s, std::size_t i) {
  using namespace byte_runs;
  return run_end(
      s, i, [](std::uint64_t x) { return below(x, 0x20) | high(x) | equal(x, '"') | equal(x, '\\'); },
      [](unsigned char c) { return c < 0x20 || c >= 0x80 || c == '"' || c == '\\'; });
}

}  // namespace

JsonOut& JsonOut::open(char bracket) {
  separate();
  out_ += bracket;
  needs_comma_ = false;
  return *this;
}

JsonOut& JsonOut::close(char bracket) {
  out_ += bracket;
  needs_comma_ = true;
  return *this;
}

JsonOut& JsonOut::value(std::string_view s) {
  separate();
  out_ += '"';
  static constexpr char kHex[] = "0123456789abcdef";
  std::size_t run = 0;  // start of the bytes copied as they are
  const auto flush = [&](std::size_t end) { out_.append(s.data() + run, end - run); };
  for (std::size_t i = plain_run_end(s, 0); i < s.size(); i = plain_run_end(s, i)) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      if (const std::size_t length = utf8_sequence_length(s, i)) {
        i += length;
        continue;
      }
      flush(i);
      out_ += "\xEF\xBF\xBD";
      run = ++i;
      continue;
    }
    flush(i);
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default:
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 15];
    }
    run = ++i;
  }
  flush(s.size());
  out_ += '"';
  return *this;
}

JsonOut& JsonOut::value(bool b) {
  separate();
  out_ += b ? "true" : "false";
  return *this;
}

template <class Integer>
JsonOut& JsonOut::integer(Integer n) {
  separate();
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, n);
  out_.append(digits, result.ptr);
  return *this;
}

JsonOut& JsonOut::value(std::int64_t n) { return integer(n); }
JsonOut& JsonOut::value(std::uint64_t n) { return integer(n); }

JsonOut& JsonOut::value(double d) {
  separate();
  // nlohmann's shortest round-trip form ("43.2567", "1.0"); few numbers are not integers.
  out_ += nlohmann::json(d).dump();
  return *this;
}

JsonOut& JsonOut::null() {
  separate();
  out_ += "null";
  return *this;
}

JsonOut& JsonOut::strings(const std::vector<std::string>& list) {
  begin_array();
  for (const std::string& s : list) value(s);
  return end_array();
}

}  // namespace cronaca
