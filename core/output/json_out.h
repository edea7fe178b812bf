#pragma once
// A streaming JSON writer: appends compact JSON to a string as it is told, with commas and
// escapes handled, no tree in between (the analysis output holds every article's text, and a
// tree of it would cost more than the analysis). Strings are UTF-8; a byte that is not part of a
// well-formed sequence is written as U+FFFD.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cronaca {

class JsonOut {
 public:
  explicit JsonOut(std::string& out) : out_(out) {}

  JsonOut& begin_object() { return open('{'); }
  JsonOut& end_object() { return close('}'); }
  JsonOut& begin_array() { return open('['); }
  JsonOut& end_array() { return close(']'); }
  JsonOut& key(std::string_view name);

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
  JsonOut& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

 private:
  JsonOut& open(char bracket);
  JsonOut& close(char bracket);
  template <class Integer>
  JsonOut& integer(Integer n);
  void separate();

  std::string& out_;
  std::vector<bool> has_items_;  // per open container
  bool after_key_ = false;
};

}  // namespace cronaca
