#pragma once
// A streaming JSON writer: appends compact JSON to a string as it is told, with commas and
// escapes handled, no tree in between (the analysis output holds every article's text, and a
// tree of it would cost more than the analysis). Strings are UTF-8; a byte that is not part of a
// well-formed sequence is written as U+FFFD.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace cronaca {

// An object key: a literal of printable ASCII that needs no escape, which the compiler checks, so
// that writing one is a copy.
class JsonKey {
 public:
  template <std::size_t N>
  consteval JsonKey(const char (&name)[N]) : name_(name, N - 1) {
    static_assert(N <= kMaxSize + 1, "JSON keys are short");
    for (char c : name_) {
      if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') throw "JSON keys are printable ASCII without quotes or backslashes";
    }
  }
  std::string_view name() const { return name_; }
  static constexpr std::size_t kMaxSize = 29;

 private:
  std::string_view name_;
};

class JsonOut {
 public:
  explicit JsonOut(std::string& out) : out_(out) {}

  JsonOut& begin_object() { return open('{'); }
  JsonOut& end_object() { return close('}'); }
  JsonOut& begin_array() { return open('['); }
  JsonOut& end_array() { return close(']'); }
  // Inline, so that each key's length is a constant where it is written.
  JsonOut& key(JsonKey key) {
    const std::string_view name = key.name();
    char quoted[JsonKey::kMaxSize + 3];  // quoted in one append: one capacity check instead of three
    separate();
    quoted[0] = '"';
    std::memcpy(quoted + 1, name.data(), name.size());
    quoted[name.size() + 1] = '"';
    quoted[name.size() + 2] = ':';
    out_.append(quoted, name.size() + 3);
    needs_comma_ = false;
    return *this;
  }

  JsonOut& value(std::string_view s);
  JsonOut& value(const char* s) { return value(std::string_view(s)); }
  JsonOut& value(const std::string& s) { return value(std::string_view(s)); }
  JsonOut& value(bool b);
  JsonOut& value(std::int64_t n);
  JsonOut& value(std::uint64_t n);
  JsonOut& value(std::int32_t n) { return value(static_cast<std::int64_t>(n)); }
  JsonOut& value(std::uint32_t n) { return value(static_cast<std::uint64_t>(n)); }
  JsonOut& value(double d);
  JsonOut& null();
  // A string, or null when it is empty.
  JsonOut& string_or_null(std::string_view s) { return s.empty() ? null() : value(s); }
  JsonOut& strings(const std::vector<std::string>& list);

  // key(name).value(v) in one call.
  template <class T>
  JsonOut& field(JsonKey name, const T& v) {
    key(name);
    return value(v);
  }

 private:
  JsonOut& open(char bracket);
  JsonOut& close(char bracket);
  template <class Integer>
  JsonOut& integer(Integer n);
  void separate() {
    if (needs_comma_) out_ += ',';
    needs_comma_ = true;
  }

  std::string& out_;
  // Whether the next item follows another in its container. After a key, a value does not; after a
  // container closes, whatever comes next in its parent does.
  bool needs_comma_ = false;
};

}  // namespace cronaca
