// The diff as JSON ({"changes": […], "old": {…}, "new": {…}}) and as text
// for a reviewer, changes grouped by kind.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/dates.hpp"
#include "base/enum_names.hpp"
#include "audit/witness_text.hpp"
#include "zhunru/diff.hpp"

namespace zhunru {
namespace {

using Json = nlohmann::ordered_json;

constexpr EnumName kKinds[] = {  // by ChangeKind
    {"added", "新增"}, {"removed", "删除"}, {"changed", "修改"},
    {"loosened", "放宽"}, {"tightened", "收紧"}, {"unit-map", "单元图变化"},
};

Json version_json(const VersionInfo& v) { return {{"title", v.title}, {"version", v.version}, {"hash", v.hash}}; }

Json corpus_json(const CorpusDiff& c) {
  return {{"projects", c.projects}, {"changed", c.changed},         {"loosened", c.loosened}, {"tightened", c.tightened},
          {"errors", c.errors},     {"transitions", c.transitions}, {"by_rule", c.by_rule}};
}

std::string corpus_text(const CorpusDiff& c, bool zh) {
  std::string out = fmt::format(
      fmt::runtime(zh ? "项目集：{} 个项目，{} 个判定改变（放宽 {}，收紧 {}），{} 个被某一版本拒绝\n"
                      : "projects: {} read, {} verdict(s) changed ({} loosened, {} tightened), {} refused by a version\n"),
      c.projects, c.changed, c.loosened, c.tightened, c.errors.size());
  if (!c.errors.empty()) {
    std::string records;
    for (std::size_t r : c.errors) records += (records.empty() ? "" : ", ") + std::to_string(r);
    out += fmt::format(fmt::runtime(zh ? "  被拒绝的记录：{}（zhunru screen 逐条说明原因）\n" : "  records refused: {} (zhunru screen says why, record by record)\n"), records);
  }
  for (const auto& [t, n] : c.transitions) out += fmt::format("  {} × {}\n", t, n);
  for (const auto& [id, n] : c.by_rule) {
    out += fmt::format(fmt::runtime(zh ? "  规则 {}：{} 个项目的违反情况改变\n" : "  rule {}: violated in one version only for {} project(s)\n"), id, n);
  }
  return out;
}

}  // namespace

std::string to_json(const DiffResult& r) {
  Json changes = Json::array();
  for (const Change& c : r.changes) {
    Json j = {{"kind", name_of(c.kind)}, {"rules", c.rules}};
    if (!c.units.empty()) j["units"] = c.units;
    j["message"] = c.message.en;
    j["message_zh"] = c.message.zh;
    if (c.old_text) {
      j["old_text"] = c.old_text->en;
      j["old_text_zh"] = c.old_text->zh;
    }
    if (c.new_text) {
      j["new_text"] = c.new_text->en;
      j["new_text_zh"] = c.new_text->zh;
    }
    if (c.kind == ChangeKind::loosened || c.kind == ChangeKind::tightened) {
      j["witness"] = c.witness ? Json::parse(*c.witness) : Json(nullptr);
      j["witness_note"] = c.witness_note.en.empty() ? Json(nullptr) : Json(c.witness_note.en);
    } else {
      j["witness"] = nullptr;
    }
    changes.push_back(std::move(j));
  }
  Json out;
  out["changes"] = std::move(changes);
  out["old"] = version_json(r.old_version);
  out["new"] = version_json(r.new_version);
  out["as_of"] = iso_date(r.as_of);
  out["engine"] = std::string("zhunru ") + ZHUNRU_VERSION;
  out["reworded"] = r.reworded;
  out["loosens"] = r.loosens();
  out["undecided"] = r.undecided;
  if (r.corpus) out["projects"] = corpus_json(*r.corpus);
  return out.dump(2) + "\n";
}

std::string to_text(const DiffResult& r, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::string out = fmt::format("{} {} ({}) → {} ({})\n\n", zh ? "比较" : "diff", r.old_version.title,
                                r.old_version.version, r.new_version.title, r.new_version.version);
  for (const Change& c : r.changes) {
    // One label, then the message — or, for a rule added, removed or
    // changed, its id and its text, which say it all.
    const std::string_view label = zh ? enum_name(c.kind, kKinds).zh : name_of(c.kind);
    const bool rule_level = c.kind == ChangeKind::added || c.kind == ChangeKind::removed || c.kind == ChangeKind::changed;
    const bool reads_same = c.old_text && c.new_text && c.old_text->en == c.new_text->en;
    if (rule_level && !reads_same) {
      out += fmt::format("{} {}\n", label, c.rules.front());
    } else {
      out += fmt::format("{} {}\n", label, c.message.in(lang));
    }
    if (c.old_text && c.new_text && !reads_same) {
      out += fmt::format("  {} {}\n  {} {}\n", zh ? "旧：" : "old:", c.old_text->in(lang), zh ? "新：" : "new:", c.new_text->in(lang));
    } else if (c.kind == ChangeKind::removed && c.old_text) {
      out += "  " + c.old_text->in(lang) + "\n";
    } else if (c.kind == ChangeKind::added && c.new_text) {
      out += "  " + c.new_text->in(lang) + "\n";
    }
    out += auditing::witness_text(c.witness, c.witness_note,
                                  {"witness (zhunru eval reproduces it on both versions):", "见证项目（zhunru eval 在两个版本上均可复现）："},
                                  lang);
    out += "\n";
  }
  std::size_t counts[6] = {};
  for (const Change& c : r.changes) ++counts[static_cast<int>(c.kind)];
  out += fmt::format(fmt::runtime(zh ? "新增 {}，删除 {}，修改 {}，放宽 {}，收紧 {}，单元图变化 {}"
                                     : "{} added, {} removed, {} changed, {} loosened, {} tightened, {} unit-map change(s)"),
                     counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
  if (!r.reworded.empty()) {
    out += fmt::format(fmt::runtime(zh ? "；{} 条规则仅措辞改变，含义不变" : "; {} rule(s) reworded with the same meaning"), r.reworded.size());
  }
  if (r.undecided > 0) out += fmt::format(fmt::runtime(zh ? "；{} 次求解超时" : "; {} solver queries timed out"), r.undecided);
  out += "\n";
  if (r.corpus) out += corpus_text(*r.corpus, zh);
  return out;
}

}  // namespace zhunru
