#include "maps/unit_attributes.hpp"

#include <nlohmann/json.hpp>

#include "model/codes.hpp"
#include "zhunru/vocabulary.hpp"

namespace zhunru::maps {
namespace {

using Result = Expected<MapUnit, LocalizedText>;
using Json = nlohmann::json;

/// A property's value as text: strings as they are, integers in decimal.
std::optional<std::string> text(const Json& props, const char* key) {
  const auto it = props.find(key);
  if (it == props.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer() || it->is_number_unsigned()) return std::to_string(it->get<long long>());
  return std::string("\x01");  // present but neither: refused by the caller
}

/// The value under the national or the plain name; both given must agree.
Expected<std::optional<std::string>, LocalizedText> field(const Json& props, const char* national, const char* plain) {
  using R = Expected<std::optional<std::string>, LocalizedText>;
  const auto a = text(props, national);
  const auto b = text(props, plain);
  for (const auto* v : {&a, &b}) {
    if (*v && **v == "\x01") {
      return R::failure({std::string("property ") + (v == &a ? national : plain) + " must be a string or an integer",
                         std::string("属性 ") + (v == &a ? national : plain) + " 须为字符串或整数"});
    }
  }
  if (a && b && *a != *b) {
    return R::failure({std::string(national) + " \"" + *a + "\" and " + plain + " \"" + *b + "\" disagree",
                       std::string(national) + " \"" + *a + "\" 与 " + plain + " \"" + *b + "\" 不一致"});
  }
  return a ? a : b;
}

std::optional<UnitClass> unit_class(const std::string& v) {
  if (v == "1" || v == "priority" || v == "优先保护" || v == "优先保护单元") return UnitClass::priority;
  if (v == "2" || v == "key" || v == "重点管控" || v == "重点管控单元") return UnitClass::key;
  if (v == "3" || v == "general" || v == "一般管控" || v == "一般管控单元") return UnitClass::general;
  return std::nullopt;
}

}  // namespace

Expected<MapUnit, LocalizedText> read_unit_attributes(const Json& props) {
  if (!props.is_object()) {
    return Result::failure({"a unit needs properties (HJZHGKDYBM or code, ZHGKDYFL or class)",
                            "单元须有属性（HJZHGKDYBM 或 code，ZHGKDYFL 或 class）"});
  }
  const auto code = field(props, "HJZHGKDYBM", "code");
  if (!code) return Result::failure(code.error());
  if (!*code) return Result::failure({"the unit has no code (HJZHGKDYBM or code)", "单元没有编码（HJZHGKDYBM 或 code）"});
  const auto parsed = model::parse_unit_code(**code);
  if (!parsed) {
    return Result::failure({"unit code \"" + **code + "\" does not follow the national pattern ZH + 6-digit district + "
                            "class digit 1/2/3 + 4 digits",
                            "单元编码 \"" + **code + "\" 不符合国家编码规则：ZH + 6 位区县代码 + 类别位 1/2/3 + 4 位序号"});
  }
  MapUnit unit{parsed->code, "", parsed->district, parsed->unit_class};
  const auto name = field(props, "HJZHGKDYMC", "name");
  if (!name) return Result::failure(name.error());
  if (*name) unit.name = **name;
  const auto cls = field(props, "ZHGKDYFL", "class");
  if (!cls) return Result::failure(cls.error());
  if (*cls) {
    const auto c = unit_class(**cls);
    if (!c) {
      return Result::failure({"unknown unit class \"" + **cls + "\" (1/2/3, priority/key/general)",
                              "未知的单元类别 \"" + **cls + "\"（1/2/3，优先保护/重点管控/一般管控）"});
    }
    if (*c != parsed->unit_class) {
      return Result::failure({"class \"" + **cls + "\" contradicts the class digit of code " + unit.code,
                              "类别 \"" + **cls + "\" 与编码 " + unit.code + " 的类别位矛盾"});
    }
  }
  const auto district = text(props, "district");
  if (district && *district == "\x01") {
    return Result::failure({"property district must be a string or an integer", "属性 district 须为字符串或整数"});
  }
  if (district && *district != parsed->district) {
    return Result::failure({"district \"" + *district + "\" contradicts code " + unit.code,
                            "区县 \"" + *district + "\" 与编码 " + unit.code + " 矛盾"});
  }
  return unit;
}

}  // namespace zhunru::maps
