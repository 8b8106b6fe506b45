// A SAX handler that builds a DOM (nlohmann::json or ordered_json) within
// bounds: depth limited, member names checked for repeats as they come.
// json_input::parse drives it over a whole document; the project-file
// reader feeds it the events of one member (`project`) from its own pass,
// so that member's text is not read a second time.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/json_input.hpp"

namespace zhunru::json_input {

template <class Json>
class DomBuilder {
 public:
  using number_integer_t = typename Json::number_integer_t;
  using number_unsigned_t = typename Json::number_unsigned_t;
  using number_float_t = typename Json::number_float_t;
  using string_t = typename Json::string_t;
  using binary_t = typename Json::binary_t;

  DomBuilder(std::string_view text, std::size_t max_depth, const LocalizedText& what)
      : text_(text), max_depth_(max_depth), what_(what) {}

  bool null() { return put(Json(nullptr)); }
  bool boolean(bool v) { return put(Json(v)); }
  bool number_integer(number_integer_t v) { return put(Json(v)); }
  bool number_unsigned(number_unsigned_t v) { return put(Json(v)); }
  bool number_float(number_float_t v, const string_t&) { return put(Json(v)); }
  bool string(string_t& v) { return put(Json(std::move(v))); }
  bool binary(binary_t& v) { return put(Json::binary(std::move(v))); }  // never from JSON text; SAX asks for it
  bool start_object(std::size_t) { return open(Json::object()); }
  bool start_array(std::size_t) { return open(Json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  /// Any scalar the events above take, for a caller passing on its own events.
  template <class V>
  bool value(V&& v) {
    return put(Json(std::forward<V>(v)));
  }

  bool key(string_t& name) {
    if (!keys_.back().insert(name).second) {
      problem_ = duplicate(name, stack_.size() > 1 ? top_member_ : std::string());
      return false;
    }
    if (stack_.size() == 1) top_member_ = name;
    key_ = std::move(name);
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    problem_ = syntax_problem(text_, position, e.what(), what_);
    return false;
  }

  /// After a failed parse: why it failed.
  [[nodiscard]] Problem problem() const {
    return problem_.value_or(Problem{"input.not-json", "", {"not valid JSON", "不是有效的 JSON"}});
  }
  Json take() { return std::move(root_); }

 private:
  // Adds `v` to the innermost open container (or as the root) and returns
  // where it now lives. An open container is never moved: only the
  // innermost one grows.
  Json* insert(Json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    Json& parent = *stack_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(v));
      return &parent.back();
    }
    auto& members = parent.template get_ref<typename Json::object_t&>();
    if constexpr (std::is_same_v<typename Json::object_t, nlohmann::ordered_json::object_t>) {
      // Names are already known to be new: append without ordered_map's scan.
      auto& list = static_cast<typename Json::object_t::Container&>(members);
      list.emplace_back(std::move(key_), std::move(v));
      return &list.back().second;
    } else {
      return &members.emplace(std::move(key_), std::move(v)).first->second;
    }
  }

  bool put(Json v) {
    insert(std::move(v));
    return true;
  }

  bool open(Json container) {
    if (stack_.size() >= max_depth_) {
      problem_ = too_deep(max_depth_, what_);
      return false;
    }
    stack_.push_back(insert(std::move(container)));
    keys_.emplace_back();
    return true;
  }

  bool close() {
    stack_.pop_back();
    keys_.pop_back();
    return true;
  }

  std::string_view text_;
  std::size_t max_depth_;
  const LocalizedText& what_;
  Json root_;
  std::vector<Json*> stack_;
  // Member names per open container, ordered: a hash set's worst case is
  // quadratic on names crafted to collide, a tree's never is.
  std::vector<std::set<std::string, std::less<>>> keys_;
  std::string key_;
  std::string top_member_;
  std::optional<Problem> problem_;
};

}  // namespace zhunru::json_input
