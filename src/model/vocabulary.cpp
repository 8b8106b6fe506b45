#include "zhunru/vocabulary.hpp"

#include "base/enum_names.hpp"

namespace zhunru {
namespace {

constexpr EnumName kUnitClasses[] = {{"priority", "优先保护单元"}, {"key", "重点管控单元"}, {"general", "一般管控单元"}};
constexpr EnumName kRuleForms[] = {
    {"ban", "禁止"}, {"require", "应当"}, {"limit", "限制"}, {"allow", "允许"}, {"encourage", "鼓励"}};
constexpr EnumName kDimensions[] = {{"spatial-layout", "空间布局约束"},
                                    {"emission-control", "污染物排放管控"},
                                    {"risk-control", "环境风险防控"},
                                    {"resource-efficiency", "资源开发效率要求"}};
constexpr EnumName kTierLevels[] = {
    {"nation", "全国"}, {"province", "省级"}, {"city", "市级"}, {"district", "区县"}, {"unit", "单元"}};

}  // namespace

std::string_view name_of(UnitClass v) { return enum_name(v, kUnitClasses).en; }
std::string_view name_of(RuleForm v) { return enum_name(v, kRuleForms).en; }
std::string_view name_of(ControlDimension v) { return enum_name(v, kDimensions).en; }
std::string_view name_of(TierLevel v) { return enum_name(v, kTierLevels).en; }
std::string_view name_zh(UnitClass v) { return enum_name(v, kUnitClasses).zh; }
std::string_view name_zh(RuleForm v) { return enum_name(v, kRuleForms).zh; }
std::string_view name_zh(ControlDimension v) { return enum_name(v, kDimensions).zh; }
std::string_view name_zh(TierLevel v) { return enum_name(v, kTierLevels).zh; }

}  // namespace zhunru
