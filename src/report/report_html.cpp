// The applicant's report as one HTML page: everything inline (styles, the
// SVG map), nothing fetched, so it can be mailed, archived or printed to PDF.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <set>

#include "base/dates.hpp"
#include "eval/answer_words.hpp"
#include "report/html_text.hpp"
#include "report/site_map.hpp"
#include "zhunru/report.hpp"

namespace zhunru {
namespace {

using report::escape;


constexpr const char* kStyle = R"(
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.55}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:1.8rem}
.verdict{display:inline-block;padding:.35rem .9rem;border-radius:.3rem;font-size:1.3rem;font-weight:bold;color:#fff}
.v-admit{background:#2e7d32}.v-conditional{background:#ef6c00}.v-reject{background:#c62828}.v-incomplete{background:#546e7a}
.meta{font-size:.85rem;color:#444}.meta td{padding:.1rem .8rem .1rem 0;vertical-align:top}.hash{font-family:monospace;word-break:break-all}
table.list{border-collapse:collapse;width:100%;font-size:.9rem}table.list th,table.list td{border:1px solid #ddd;padding:.3rem .45rem;text-align:left;vertical-align:top}
.demand{border-left:4px solid #c62828;padding:.2rem .8rem;margin:.8rem 0}.demand.conditional{border-color:#ef6c00}
blockquote{margin:.3rem 0;padding:.2rem .7rem;background:#f5f5f5;border-left:3px solid #bbb;font-size:.9rem}
.s-violated{color:#c62828;font-weight:bold}.list td.s-violated,.list td.s-unknown,.list td.s-satisfied{white-space:nowrap}.s-unknown{color:#546e7a;font-weight:bold}.s-satisfied{color:#2e7d32}
ul.trace{margin:.2rem 0;padding-left:1.1rem;font-size:.85rem}
svg.site-map{width:100%;height:auto;border:1px solid #ccc}.sea{fill:#fafafa}
.unit path{stroke:#555;stroke-width:1}.unit.priority path{fill:#e57373;fill-opacity:.35}.unit.key path{fill:#ffb74d;fill-opacity:.35}.unit.general path{fill:#81c784;fill-opacity:.35}
.layer path{fill:#1e88e5;fill-opacity:.15;stroke:#1565c0;stroke-width:2.5}.layer circle{fill:#1565c0}
.site path{fill:#000;fill-opacity:.25;stroke:#000;stroke-width:2.5}.site circle{fill:#000;stroke:#fff;stroke-width:2}
.legend span{display:inline-block;margin-right:1rem;font-size:.85rem}.key-box{display:inline-block;width:.9rem;height:.9rem;vertical-align:middle;margin-right:.3rem;border:1px solid #555}
footer{margin-top:2rem;font-size:.8rem;color:#666;border-top:1px solid #ccc;padding-top:.5rem}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}.demand,tr{break-inside:avoid}}
)";

std::string plain_verdict(const Decision& d, const Words& w) {
  switch (d.verdict) {
    case Verdict::admit:
      return w("On the facts given, the project meets every requirement of this list that applies to it.",
               "根据所提供的信息，本项目符合本清单中适用于它的全部准入要求。");
    case Verdict::conditional:
      return w("The project may proceed, on the conditions below.", "本项目可以准入，但须满足下列要求。");
    case Verdict::reject:
      return w("The project does not meet this list: the rules below forbid it or are not met.",
               "本项目不符合本清单：下列规定禁止本项目，或其要求未得到满足。");
    case Verdict::incomplete: break;
  }
  return fmt::format("{} {} {} {}{}",
                     w("Not enough is known to decide. Depending on the missing facts, the verdict lies between",
                       "信息不足，尚无法判定。视所缺信息而定，结论介于"),
                     w.name(d.best), w("and", "与"), w.name(d.worst), w(".", "之间。"));
}

void header(std::string& out, const Ruleset& rs, const Decision& d, const Words& w) {
  out += fmt::format("<h1>{}</h1>\n", w("Environmental access screening report", "生态环境准入研判报告"));
  out += fmt::format(R"(<p><span class="verdict v-{}">{}</span> <span class="meta">{}</span></p>)", name_of(d.verdict),
                     escape(w.name(d.verdict)), escape(w.lang == Lang::zh ? name_of(d.verdict) : name_zh(d.verdict)));
  out += fmt::format("\n<p>{}</p>\n<table class=\"meta\">", escape(plain_verdict(d, w)));
  const auto row = [&](std::string_view label, const std::string& value, const char* css = "") {
    out += fmt::format(R"(<tr><td>{}</td><td class="{}">{}</td></tr>)", label, css, escape(value));
  };
  if (!d.project_id.empty()) row(w("Project", "项目"), d.project_id);
  row(w("Access list", "准入清单"), rs.title().empty() ? w("(untitled)", "（无标题）") : rs.title());
  row(w("Version", "版本"), rs.version());
  row(w("Content hash", "内容校验值"), rs.hash(), "hash");
  row(w("Judged as of", "判定日期"), iso_date(d.as_of));
  out += "</table>\n";
}

std::string cites_html(const Finding& f, const Words& w) {
  std::string out;
  if (!f.because.empty()) out += fmt::format("<p><b>{}</b>{}</p>", w("Because: ", "理由："), escape(f.because));
  for (const std::string& c : f.cites) out += fmt::format("<p><b>{}</b>{}</p>", w("Source: ", "依据："), escape(c));
  for (const std::string& q : f.quotes) out += fmt::format("<blockquote>{}</blockquote>", escape(q));
  return out;
}

std::string rule_heading(const Finding& f, const Words& w) {
  return fmt::format("{} · {} · {}", f.rule, w.tier(f.tier, f.tier_code), w.name(f.dimension));
}

void demands(std::string& out, const Decision& d, const Words& w) {
  std::set<std::string> seen;
  std::string body;
  for (const Finding& f : d.findings) {
    if (f.status != Status::violated || !seen.insert(f.rule).second) continue;
    const bool ban = f.form == RuleForm::ban;
    body += fmt::format(R"(<div class="demand{}"><p><b>{}</b></p><p>{}{}</p>{}</div>)", ban ? "" : " conditional",
                        escape(rule_heading(f, w)), ban ? w("Forbids this project.", "禁止本项目。") : w("Requires: ", "要求："),
                        escape(ban ? "" : f.requirement_in(w.lang)), cites_html(f, w));
    body += "\n";
  }
  if (body.empty()) return;
  out += fmt::format("<h2>{}</h2>\n{}", w("What must change", "须改正的问题"), body);
}

void fact_items(std::string& out, const Ruleset& rs, const std::vector<std::string>& names, const Words& w) {
  const auto facts = rs.facts();
  out += "<ul>";
  for (const std::string& name : names) {
    const auto f = std::find_if(facts.begin(), facts.end(), [&](const FactInfo& i) { return i.name == name; });
    std::string label = name == "site" ? w("the site (where the project is)", "项目选址") : "";
    if (f != facts.end() && !f->label.empty()) label = f->label;
    out += label.empty() ? fmt::format("<li><code>{}</code></li>", escape(name))
                         : fmt::format("<li>{} (<code>{}</code>)</li>", escape(label), escape(name));
  }
  out += "</ul>\n";
}

// The facts that can change the verdict first; then those that leave a rule
// undecided but cannot change the verdict.
void missing(std::string& out, const Ruleset& rs, const Decision& d, const Words& w) {
  if (d.missing.empty()) return;
  if (!d.needed.empty()) {
    out += fmt::format("<h2>{}</h2>\n<p>{}</p>\n", w("Facts still needed", "尚需补充的信息"),
                       w("Each of these leaves a rule undecided that can change the verdict; state them to get one.",
                         "下列每项信息都使某条可能改变结论的规定无法判定；补充后即可得出结论。"));
    fact_items(out, rs, d.needed, w);
  }
  std::vector<std::string> others;
  std::set_difference(d.missing.begin(), d.missing.end(), d.needed.begin(), d.needed.end(), std::back_inserter(others));
  if (others.empty()) return;
  out += fmt::format("<h2>{}</h2>\n<p>{}</p>\n", w("Not given", "未提供的信息"),
                     w("These leave a rule undecided, but whatever they are, the verdict stays the same.",
                       "下列信息使某条规定无法判定，但无论取何值，结论都不变。"));
  fact_items(out, rs, others, w);
}

void units(std::string& out, const Decision& d, const Words& w) {
  out += fmt::format("<h2>{}</h2>\n<table class=\"list\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
                     w("Environmental control units", "所在环境管控单元"), w("Code", "编码"), w("Name", "名称"),
                     w("Class", "类别"), w("District", "区县"), w("Share of the site", "占选址比例"), w("Verdict", "结论"));
  for (const UnitDecision& u : d.units) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", escape(u.code),
                       escape(u.name), escape(w.name(u.unit_class)), escape(u.district),
                       u.share ? fmt::format("{:.1f}%", *u.share * 100) : w("unknown", "未知"), escape(w.name(u.verdict)));
  }
  out += "</table>\n";
  for (const LocalizedText& n : d.notes) out += fmt::format("<p class=\"meta\">{}</p>\n", escape(n.in(w.lang)));
}

void map(std::string& out, const Ruleset& rs, const Project& p, const Decision& d, const Words& w) {
  const std::string svg = report::site_map_svg(rs.data(), p.data(), d, w.lang);
  if (svg.empty()) return;
  out += fmt::format("<h2>{}</h2>\n<figure>{}\n<figcaption class=\"legend\">", w("Map", "位置示意"), svg);
  out += fmt::format(R"(<span><i class="key-box" style="background:#000;opacity:.5"></i>{}</span>)",
                     w("the site", "项目选址"));
  for (const UnitClass c : {UnitClass::priority, UnitClass::key, UnitClass::general}) {
    const char* colour = c == UnitClass::priority ? "#e57373" : c == UnitClass::key ? "#ffb74d" : "#81c784";
    out += fmt::format(R"(<span><i class="key-box" style="background:{}"></i>{}</span>)", colour, escape(w.name(c)));
  }
  for (const model::LayerId id : report::deciding_layers(rs.data(), d)) {
    const model::Layer& layer = rs.data().model.layers[id];
    out += fmt::format(R"(<span><i class="key-box" style="background:#1e88e5"></i>{}</span>)",
                       escape(layer.label.empty() ? layer.name : layer.label));
  }
  out += "</figcaption></figure>\n";
}

void rule_by_rule(std::string& out, const Decision& d, const Words& w) {
  if (d.findings.empty()) return;
  out += fmt::format("<h2>{}</h2>\n<table class=\"list\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
                     w("Rule by rule", "逐条判定"), w("Rule", "规定"), w("Unit", "单元"), w("Result", "结果"),
                     w("How it was judged", "判定过程"));
  for (const Finding& f : d.findings) {
    std::string trace = "<ul class=\"trace\">";
    for (const TraceStep& s : f.trace) {
      trace += fmt::format("<li>{}{}{} — <b>{}</b></li>", escape(part_name(s.part, w.lang)), w(": ", "："), escape(s.text_in(w.lang)),
                           escape(truth_name(s.value, w.lang)));
    }
    trace += "</ul>";
    out += fmt::format(R"(<tr><td>{}<br><span class="meta">{}</span></td><td>{}</td><td class="s-{}">{}</td><td>{}{}</td></tr>)",
                       escape(f.rule), escape(w.tier(f.tier, f.tier_code) + " · " + w.name(f.dimension)),
                       escape(f.unit), name_of(f.status), escape(w.name(f.status)), trace, cites_html(f, w));
    out += "\n";
  }
  out += "</table>\n";
}

}  // namespace

std::string to_html(const Ruleset& rs, const Project& project, const Decision& d, const ReportOptions& options) {
  const Words w{options.lang};
  std::string out = fmt::format(
      "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}{}</title>\n<style>{}</style>\n"
      "</head>\n<body>\n",
      options.lang == Lang::zh ? "zh-CN" : "en", w("Access screening report", "准入研判报告"),
      d.project_id.empty() ? "" : " — " + escape(d.project_id), kStyle);
  header(out, rs, d, w);
  demands(out, d, w);
  missing(out, rs, d, w);
  units(out, d, w);
  map(out, rs, project, d, w);
  rule_by_rule(out, d, w);
  out += fmt::format("<footer>{} zhunru {} · {}</footer>\n</body>\n</html>\n", w("Made by", "生成工具："), ZHUNRU_VERSION,
                     w("Generated from the facts given, to help prepare an application; the competent authority's "
                       "review decides.",
                       "本报告依据申请人提供的信息自动生成，供准备申请参考；以生态环境主管部门的审查意见为准。"));
  return out;
}

}  // namespace zhunru
