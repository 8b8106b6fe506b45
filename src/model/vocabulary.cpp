#include "zhunru/vocabulary.hpp"

namespace zhunru {
namespace {

template <class E, std::size_t N>
std::string_view pick(E value, const std::string_view (&names)[N]) {
  const auto i = static_cast<std::size_t>(value);
  return i < N ? names[i] : std::string_view("?");
}

}  // namespace

std::string_view name_of(UnitClass v) {
  static const std::string_view names[] = {"priority", "key", "general"};
  return pick(v, names);
}
std::string_view name_of(RuleForm v) {
  static const std::string_view names[] = {"ban", "require", "limit", "allow", "encourage"};
  return pick(v, names);
}
std::string_view name_of(ControlDimension v) {
  static const std::string_view names[] = {"spatial-layout", "emission-control", "risk-control",
                                           "resource-efficiency"};
  return pick(v, names);
}
std::string_view name_of(TierLevel v) {
  static const std::string_view names[] = {"city", "district", "unit"};
  return pick(v, names);
}
std::string_view name_zh(UnitClass v) {
  static const std::string_view names[] = {"优先保护单元", "重点管控单元", "一般管控单元"};
  return pick(v, names);
}
std::string_view name_zh(RuleForm v) {
  static const std::string_view names[] = {"禁止", "应当", "限制", "允许", "鼓励"};
  return pick(v, names);
}
std::string_view name_zh(ControlDimension v) {
  static const std::string_view names[] = {"空间布局约束", "污染物排放管控", "环境风险防控", "资源开发效率要求"};
  return pick(v, names);
}
std::string_view name_zh(TierLevel v) {
  static const std::string_view names[] = {"市级", "区县", "单元"};
  return pick(v, names);
}

}  // namespace zhunru
