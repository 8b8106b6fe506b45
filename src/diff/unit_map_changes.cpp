#include "diff/unit_map_changes.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "zhunru/vocabulary.hpp"

namespace zhunru::diffing {
namespace {

// A unit is "the same area" as another when each holds this much of the other.
constexpr double kSameArea = 0.99;
// Area moves smaller than this between kept units are survey noise.
constexpr double kMoved = 0.01;

std::string_view class_en(UnitClass c) { return name_of(c); }
std::string_view class_zh(UnitClass c) { return name_zh(c); }

std::string percent(double share) { return fmt::format("{:.1f}%", share * 100.0); }

Change unit_change(std::vector<std::string> units, LocalizedText message) {
  Change c;
  c.kind = ChangeKind::unit_map;
  c.units = std::move(units);
  c.message = std::move(message);
  return c;
}

/// "ZH…02 (63.0%), ZH…05 (37.0%)": where a unit's area lies in the other map.
template <class Code, class Share>
std::string spread(const std::vector<const UnitPair*>& parts, Code code, Share share) {
  std::string out;
  for (const UnitPair* p : parts) {
    if (!out.empty()) out += ", ";
    out += code(*p) + " (" + percent(share(*p)) + ")";
  }
  return out;
}

}  // namespace

void unit_map_changes(const maps::UnitMap& older, const maps::UnitMap& newer, const std::vector<UnitPair>& pairs,
                      std::vector<Change>& out) {
  std::vector<std::vector<const UnitPair*>> of_old(older.size());
  std::vector<std::vector<const UnitPair*>> of_new(newer.size());
  for (const UnitPair& p : pairs) {
    of_old[p.old_unit].push_back(&p);
    of_new[p.new_unit].push_back(&p);
  }
  const auto by_share = [](auto share) {
    return [share](const UnitPair* a, const UnitPair* b) { return share(*a) > share(*b); };
  };
  const auto new_code = [&](const UnitPair& p) { return newer.unit(p.new_unit).code; };
  const auto old_code = [&](const UnitPair& p) { return older.unit(p.old_unit).code; };
  std::vector<bool> new_explained(newer.size(), false);
  for (std::uint32_t u = 0; u < older.size(); ++u) {
    const maps::MapUnit& o = older.unit(u);
    auto& parts = of_old[u];
    std::sort(parts.begin(), parts.end(), by_share([](const UnitPair& p) { return p.old_share; }));
    if (newer.find(o.code)) {
      // Kept: report area it gave to other units.
      std::vector<const UnitPair*> moved;
      for (const UnitPair* p : parts) {
        if (new_code(*p) != o.code && p->old_share >= kMoved) moved.push_back(p);
      }
      if (!moved.empty()) {
        const std::string to = spread(moved, new_code, [](const UnitPair& p) { return p.old_share; });
        out.push_back(unit_change({o.code}, {"area of unit " + o.code + " moved to " + to,
                                             "单元 " + o.code + " 的部分区域划入 " + to}));
      }
      continue;
    }
    const UnitPair* same = !parts.empty() && parts.front()->old_share >= kSameArea && parts.front()->new_share >= kSameArea
                               ? parts.front()
                               : nullptr;
    if (same) {
      const maps::MapUnit& n = newer.unit(same->new_unit);
      new_explained[same->new_unit] = true;
      if (n.unit_class != o.unit_class) {
        out.push_back(unit_change(
            {o.code, n.code},
            {fmt::format("unit {} ({}) is reclassified: the same area is now {} ({})", o.code, class_en(o.unit_class), n.code,
                         class_en(n.unit_class)),
             fmt::format("单元 {}（{}）被调整类别：同一区域现为 {}（{}）", o.code, class_zh(o.unit_class), n.code,
                         class_zh(n.unit_class))}));
      } else {
        out.push_back(unit_change({o.code, n.code}, {"unit " + o.code + " is re-coded " + n.code + " (the same area and class)",
                                                     "单元 " + o.code + " 改编码为 " + n.code + "（区域与类别不变）"}));
      }
      continue;
    }
    const std::string to = parts.empty() ? std::string("no unit") : spread(parts, new_code, [](const UnitPair& p) { return p.old_share; });
    out.push_back(unit_change({o.code}, {"unit " + o.code + " is removed; its area now lies in " + to,
                                         "单元 " + o.code + " 被撤销；其区域现属 " + (parts.empty() ? std::string("无单元") : to)}));
  }
  for (std::uint32_t v = 0; v < newer.size(); ++v) {
    const maps::MapUnit& n = newer.unit(v);
    if (older.find(n.code) || new_explained[v]) continue;
    auto& parts = of_new[v];
    std::sort(parts.begin(), parts.end(), by_share([](const UnitPair& p) { return p.new_share; }));
    const std::string from = parts.empty() ? std::string() : spread(parts, old_code, [](const UnitPair& p) { return p.new_share; });
    out.push_back(unit_change({n.code}, {"unit " + n.code + " (" + std::string(class_en(n.unit_class)) + ") is added" +
                                             (from.empty() ? std::string() : "; its area was in " + from),
                                         "新增单元 " + n.code + "（" + std::string(class_zh(n.unit_class)) + "）" +
                                             (from.empty() ? std::string() : "；其区域原属 " + from)}));
  }
}

}  // namespace zhunru::diffing
