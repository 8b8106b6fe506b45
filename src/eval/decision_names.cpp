#include "base/enum_names.hpp"
#include "zhunru/decision.hpp"

namespace zhunru {
namespace {

constexpr EnumName kVerdicts[] = {
    {"admit", "判定通过"}, {"conditional", "受限准入"}, {"reject", "判定不通过"}, {"incomplete", "待补充信息"}};
constexpr EnumName kStatuses[] = {
    {"satisfied", "满足"}, {"violated", "违反"}, {"unknown", "待定"}, {"not-applicable", "不适用"}};
constexpr EnumName kTruths[] = {{"false", "否"}, {"true", "是"}, {"unknown", "未知"}};

}  // namespace

std::string_view name_of(Verdict v) { return enum_name(v, kVerdicts).en; }
std::string_view name_zh(Verdict v) { return enum_name(v, kVerdicts).zh; }
std::string_view name_of(Status s) { return enum_name(s, kStatuses).en; }
std::string_view name_zh(Status s) { return enum_name(s, kStatuses).zh; }
std::string_view name_of(Truth t) { return enum_name(t, kTruths).en; }
std::string_view name_zh(Truth t) { return enum_name(t, kTruths).zh; }

}  // namespace zhunru
