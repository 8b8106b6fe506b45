#include "zhunru/decision.hpp"

namespace zhunru {

std::string_view name_of(Verdict v) {
  switch (v) {
    case Verdict::admit: return "admit";
    case Verdict::conditional: return "conditional";
    case Verdict::reject: return "reject";
    case Verdict::incomplete: return "incomplete";
  }
  return "incomplete";
}

std::string_view name_zh(Verdict v) {
  switch (v) {
    case Verdict::admit: return "判定通过";
    case Verdict::conditional: return "受限准入";
    case Verdict::reject: return "判定不通过";
    case Verdict::incomplete: return "待补充信息";
  }
  return "待补充信息";
}

std::string_view name_of(Status s) {
  switch (s) {
    case Status::satisfied: return "satisfied";
    case Status::violated: return "violated";
    case Status::unknown: return "unknown";
    case Status::not_applicable: return "not-applicable";
  }
  return "unknown";
}

std::string_view name_of(Truth t) {
  switch (t) {
    case Truth::is_false: return "false";
    case Truth::is_true: return "true";
    case Truth::unknown: return "unknown";
  }
  return "unknown";
}

}  // namespace zhunru
