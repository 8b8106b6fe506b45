#include "eval/project_site.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "spatial/locate.hpp"

namespace zhunru::eval {
namespace {

std::string percent(double share) { return fmt::format("{:.1f}%", share * 100.0); }

void note_repaired(const maps::UnitMap& map, std::uint32_t u, std::vector<LocalizedText>& notes) {
  const maps::MapFeature& f = map.feature(u);
  if (!f.repaired()) return;
  const LocalizedText what = f.describe(map.path());
  notes.push_back({"the boundary of unit " + map.unit(u).code + " (" + what.en + ") was repaired when the map was "
                   "loaded: " + f.repairs.front().en,
                   "单元 " + map.unit(u).code + "（" + what.zh + "）的边界在载入地图时经过修复：" + f.repairs.front().zh});
}

}  // namespace

void place_site(const Ruleset::Data& ruleset, Project::Data& data, std::vector<ProjectError>& errors) {
  const maps::UnitMap* map = ruleset.maps.units.get();
  if (!data.site) return;
  if (!map) {  // no map: the units given, each judged on the whole site
    for (std::size_t i = 0; i < data.units.size(); ++i) {
      data.parts[i] = std::shared_ptr<const geo::Geometry>(data.site, data.site->geometry.get());
    }
    return;
  }
  auto located = spatial::locate(*map, *data.site, ruleset.metrics);
  if (!located) {
    errors.push_back({"project.site-not-located", "site", located.error()});
    return;
  }
  std::string found;
  for (const spatial::UnitPart& p : located->units) found += (found.empty() ? "" : ", ") + map->unit(p.unit).code;
  for (const ProjectUnit& given : data.units) {
    const bool touched = std::any_of(located->units.begin(), located->units.end(),
                                     [&](const spatial::UnitPart& p) { return map->unit(p.unit).code == given.code; });
    if (!touched) {
      errors.push_back({"project.site-units", "units", {"unit " + given.code + " is given in `units`, but the site does not touch it (it "
                                  "lies in " + found + ")",
                                  "`units` 中给出了单元 " + given.code + "，但选址并未落入该单元（选址位于 " + found + "）"}});
    }
    if (given.share) {
      errors.push_back({"project.site-units", "units", {"unit " + given.code + " has a share, but the site already determines the shares: "
                                  "give the site, or shares, not both",
                                  "单元 " + given.code + " 给出了占比，但占比已由选址决定：请只给选址或只给占比"}});
    }
  }
  data.units.clear();
  data.parts.clear();
  for (spatial::UnitPart& p : located.value().units) {
    const maps::MapUnit& u = map->unit(p.unit);
    data.units.push_back({u.code, u.district, u.unit_class, p.share, u.name, true});
    if (p.part) {
      geo::warm_envelopes(*p.part);  // read by evaluations in many threads
      data.parts.push_back(std::move(p.part));
    } else {  // the whole site (already warmed): shared, not copied
      data.parts.push_back(std::shared_ptr<const geo::Geometry>(data.site, data.site->geometry.get()));
    }
    note_repaired(*map, p.unit, data.notes);
  }
  if (located->outside > 0.0) {
    const std::string share = percent(located->outside);
    data.notes.push_back({share + " of the site lies in no unit of the map; only the part inside units is judged",
                          "选址有 " + share + " 不在单元图的任何单元内；仅判定位于单元内的部分"});
  }
}

}  // namespace zhunru::eval
