#include "model/node_identity.hpp"

#include <bit>
#include <cstdint>
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

namespace zhunru::model {
namespace {

/// Every member of a node, in order, fed to `f` (numbers as their bits).
template <class F>
void members(const NumNode& node, F&& f) {
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, NumConst>) f(std::bit_cast<std::uint64_t>(n.value));
        if constexpr (std::is_same_v<T, NumFact>) f(n.fact);
        if constexpr (std::is_same_v<T, NumArith>) f(static_cast<int>(n.op), n.lhs, n.rhs);
        if constexpr (std::is_same_v<T, NumNeg>) f(n.operand);
        if constexpr (std::is_same_v<T, NumItem>) f(n.fact, n.value);
      },
      node);
}

template <class F>
void members(const CondNode& node, F&& f) {
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, BoolConst>) f(n.value);
        if constexpr (std::is_same_v<T, BoolFact>) f(n.fact);
        if constexpr (std::is_same_v<T, Compare>) f(static_cast<int>(n.op), n.lhs, n.rhs);
        if constexpr (std::is_same_v<T, EnumIn>) f(n.fact, n.values);
        if constexpr (std::is_same_v<T, EnumHas>) f(n.fact, n.values);
        if constexpr (std::is_same_v<T, IndustryIn>) f(n.fact, n.codes, n.exact);
        if constexpr (std::is_same_v<T, TextIn>) f(n.fact, n.values);
        if constexpr (std::is_same_v<T, Not>) f(n.operand);
        if constexpr (std::is_same_v<T, All>) f(n.operands);
        if constexpr (std::is_same_v<T, Any>) f(n.operands);
        if constexpr (std::is_same_v<T, IsKind>) f(n.kind);
        if constexpr (std::is_same_v<T, AsOfIn>) f(n.from_day, n.until_day);
        if constexpr (std::is_same_v<T, SiteSpatial>) {
          f(static_cast<int>(n.op), n.layer, std::bit_cast<std::uint64_t>(n.amount), static_cast<int>(n.by), n.geometry);
        }
      },
      node);
}

struct Hasher {
  std::size_t h;
  template <class T>
  void mix(const T& v) {
    if constexpr (std::is_same_v<T, std::string> || std::is_arithmetic_v<T>) {
      h = (h ^ std::hash<T>{}(v)) * 0x100000001b3ULL;
    } else {  // a vector
      mix(v.size());
      for (const auto& item : v) mix(item);
    }
  }
  template <class... T>
  void operator()(const T&... values) {
    (mix(values), ...);
  }
};

template <class Node>
std::size_t hash_of(const Node& node) {
  Hasher hasher{0xcbf29ce484222325ULL ^ node.index()};
  members(node, hasher);
  return hasher.h;
}

template <class Node>
bool same(const Node& a, const Node& b) {
  if (a.index() != b.index()) return false;
  // The same alternative: its members compared pairwise.
  bool equal = false;
  members(a, [&](const auto&... x) {
    members(b, [&](const auto&... y) {
      if constexpr (sizeof...(x) == sizeof...(y)) {
        if constexpr ((std::is_same_v<std::decay_t<decltype(x)>, std::decay_t<decltype(y)>> && ...)) {
          equal = ((x == y) && ...);
        }
      }
    });
  });
  return equal;
}

}  // namespace

std::size_t NodeIdentity::operator()(const CondNode& node) const { return hash_of(node); }
std::size_t NodeIdentity::operator()(const NumNode& node) const { return hash_of(node); }
bool NodeIdentity::operator()(const CondNode& a, const CondNode& b) const { return same(a, b); }
bool NodeIdentity::operator()(const NumNode& a, const NumNode& b) const { return same(a, b); }

}  // namespace zhunru::model
