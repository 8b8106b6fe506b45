#include "cli/help_zh.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace zhunru::cli {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

constexpr std::array kHelp{
    Pair{"zhunru — executable ecological-environment access lists (生态环境准入清单)", "zhunru —— 可执行的生态环境准入清单"},
    Pair{"Print this help message and exit", "显示此帮助并退出"},
    Pair{"Display program version information and exit", "显示版本并退出"},
    Pair{"Output: text or json", "输出格式：text 或 json"},
    Pair{"Parse and check every .rules file under a directory", "解析并检查目录下的每个 .rules 文件"},
    Pair{"Ruleset directory or a single .rules file", "清单目录，或单个 .rules 文件"},
    Pair{"Language of messages: en or zh", "信息的语言：en 或 zh"},
    Pair{"Stop reporting a file after this many errors", "每个文件报告这么多个错误后停止"},
    Pair{"Require an explicit id on every rule", "要求每条规则都写明编号"},
    Pair{"Make invalid map features valid with GEOS MakeValid (reported), as if every map said `repair`",
         "用 GEOS MakeValid 修复无效的地图要素（并报告），如同每个图层都写了 `repair`"},
    Pair{"Judge a project (JSON facts, site and/or units) against a ruleset", "按清单研判一个建设项目（JSON：事实、选址和/或单元）"},
    Pair{"Ruleset directory, or a snapshot (FILE.zr)", "清单目录，或编译快照（FILE.zr）"},
    Pair{"Project file (JSON)", "项目文件（JSON）"},
    Pair{"Judge as of this date (YYYY-MM-DD); default today", "按该日期研判（YYYY-MM-DD）；默认今天"},
    Pair{"Output: text, json, or html (the applicant's report, Chinese unless --lang en)",
         "输出格式：text、json 或 html（给申请人的报告，默认中文，--lang en 为英文）"},
    Pair{"Language of messages and of the text output: en or zh", "信息和文本输出的语言：en 或 zh"},
    Pair{"Refuse project files larger than this many MiB (default 64)", "拒绝大于这么多 MiB 的项目文件（默认 64）"},
    Pair{"Make invalid map features valid with GEOS MakeValid; every answer that used one says so",
         "用 GEOS MakeValid 修复无效的地图要素；用到修复要素的每个结果都会注明"},
    Pair{"Judge a batch of projects (NDJSON, JSON list, GeoJSON, CSV or a directory): one answer per record, in order",
         "批量研判项目（NDJSON、JSON 列表、GeoJSON、CSV 或目录）：每条记录一个结果，顺序不变"},
    Pair{"Batch file, directory of project files, or - for stdin (default -)", "批量文件、项目文件目录，或 - 表示标准输入（默认 -）"},
    Pair{"ndjson, json (a list), geojson (a FeatureCollection) or csv; default: from the extension",
         "ndjson、json（列表）、geojson（FeatureCollection）或 csv；默认按扩展名"},
    Pair{"Where the answers go (default - for stdout)", "结果写到哪里（默认 - 表示标准输出）"},
    Pair{"Answers as ndjson (default), csv or geojson", "结果格式：ndjson（默认）、csv 或 geojson"},
    Pair{"Threads that judge (default: every core)", "研判所用线程数（默认：全部核心）"},
    Pair{"Verdicts, missing facts and units only: no findings", "只输出结论、缺少的事实和单元，不含逐条结果"},
    Pair{"Exit 3 when any record is judged reject (or conditional or worse)", "任一记录判定为不通过（或受限准入及更差）时以 3 退出"},
    Pair{"No progress line and no summary on stderr", "标准错误上不显示进度和汇总"},
    Pair{"Language of messages, the summary and CSV errors: en or zh", "信息、汇总和 CSV 错误的语言：en 或 zh"},
    Pair{"Refuse records larger than this many MiB (default 64)", "拒绝大于这么多 MiB 的记录（默认 64）"},
    Pair{"The units a site touches and every rule that can apply in each (成果查询)", "选址涉及的单元及各单元可能适用的全部规则（成果查询）"},
    Pair{"A point: longitude,latitude in degrees (EPSG:4490/4326)", "一个点：经度,纬度（度，EPSG:4490/4326）"},
    Pair{"A GeoJSON file: one geometry or Feature in lon/lat", "GeoJSON 文件：一个经纬度几何或要素"},
    Pair{"Only rules that can apply to this GB/T 4754-2017 class", "只列出可能适用于该 GB/T 4754-2017 行业类别的规则"},
    Pair{"The rules in force on this date (YYYY-MM-DD); default today", "该日期有效的规则（YYYY-MM-DD）；默认今天"},
    Pair{"Compile a ruleset once into a snapshot (FILE.zr) that eval, screen, applies and schema load fast",
         "把清单一次编译为快照（FILE.zr），供 eval、screen、applies 和 schema 快速加载"},
    Pair{"Ruleset directory", "清单目录"},
    Pair{"The snapshot file to write", "要写出的快照文件"},
    Pair{"The ruleset's project file as JSON Schema 2020-12 (or a blank one)", "清单的项目文件格式，JSON Schema 2020-12（或一份空白项目文件）"},
    Pair{"Print a blank project file to fill in instead", "改为输出一份待填写的空白项目文件"},
    Pair{"Serve the ruleset over HTTP: /v1/evaluate, /v1/screen, /v1/applies, … (docs/service.md)",
         "通过 HTTP 提供清单服务：/v1/evaluate、/v1/screen、/v1/applies 等（docs/service.md）"},
    Pair{"Address to listen on (default 127.0.0.1: this machine only)", "监听地址（默认 127.0.0.1：仅本机）"},
    Pair{"Port (default 8080; 0: any free port, named in the log)", "端口（默认 8080；0：任一空闲端口，记入日志）"},
    Pair{"Connections served at once (default: max(128, 32 x cores))", "同时服务的连接数（默认：max(128, 32 × 核心数)）"},
    Pair{"Refuse larger request bodies with 413 (default 16)", "请求体超过此大小（MiB）时以 413 拒绝（默认 16）"},
    Pair{"Refuse requests beyond this many at once with 503 (default 256)", "同时处理的请求超过此数时以 503 拒绝（默认 256）"},
    Pair{"Look for a changed ruleset this often (default 1000; 0: only on SIGHUP or POST /v1/reload)",
         "每隔这么多毫秒检查清单是否改动（默认 1000；0：仅在 SIGHUP 或 POST /v1/reload 时）"},
    Pair{"Serve the self-check page from this folder at / (default: the repository's web/)", "在 / 提供此目录中的自查页面（默认：仓库的 web/）"},
    Pair{"Serve the API only, no page at /", "只提供接口，不在 / 提供页面"},
    Pair{"Write the JSON-lines log to this file (default stderr)", "把 JSON 行日志写到此文件（默认标准错误）"},
    Pair{"Require this bearer token for /v1/screen and /v1/reload (or set ZHUNRU_TOKEN)",
         "/v1/screen 和 /v1/reload 须带此令牌（或设置 ZHUNRU_TOKEN）"},
    Pair{"Language of start-up messages: en or zh", "启动信息的语言：en 或 zh"},
    Pair{"Find conflicting, dead, loosened and redundant rules, with witness projects", "查找冲突、失效、放宽和冗余的规则，并给出见证项目"},
    Pair{"Ruleset directory, or a compiled snapshot (FILE.zr)", "清单目录，或编译快照（FILE.zr）"},
    Pair{"Audit the rules in force on this date (YYYY-MM-DD); default today", "审查该日期有效的规则（YYYY-MM-DD）；默认今天"},
    Pair{"Give each solver query at most this long (default 5000); a query that runs out is reported",
         "每次求解最长这么多毫秒（默认 5000）；超时的求解会被报告"},
    Pair{"Solve on at most this many threads (default: every core; the answer is the same)", "最多用这么多线程求解（默认：全部核心；结果相同）"},
    Pair{"Findings reviewed and accepted (JSON: {\"accepted\": [{\"fingerprint\", \"reason\"}]}): shown, but only new findings fail",
         "已审查并接受的问题（JSON：{\"accepted\": [{\"fingerprint\", \"reason\"}]}）：照常显示，只有新问题导致失败"},
    Pair{"Write a baseline accepting every finding of this run (each with a reason to edit)", "写出接受本次全部问题的基线文件（每条理由需人工填写）"},
    Pair{"Exit 3 on a new finding of this severity or worse: warning (default) or error", "出现此严重程度及以上的新问题时以 3 退出：warning（默认）或 error"},
    Pair{"Compare two versions of a list: rules added, removed and changed, what is loosened or tightened (with witness projects), and the unit map",
         "比较清单的两个版本：新增、删除和修改的规则，放宽或收紧之处（附见证项目），以及单元图的变化"},
    Pair{"The earlier version: a ruleset directory or a compiled snapshot (FILE.zr)", "较早的版本：清单目录或编译快照（FILE.zr）"},
    Pair{"The later version: a ruleset directory or a compiled snapshot (FILE.zr)", "较新的版本：清单目录或编译快照（FILE.zr）"},
    Pair{"Compare the rules in force on this date (YYYY-MM-DD); default today", "比较该日期有效的规则（YYYY-MM-DD）；默认今天"},
    Pair{"Also judge these projects (NDJSON) on both versions and count what changed", "另按两个版本研判这些项目（NDJSON），统计结论的变化"},
    Pair{"Give each solver query at most this long (default 5000)", "每次求解最长这么多毫秒（默认 5000）"},
    Pair{"Run the tests kept with a ruleset (project files with an `expect` member), with coverage of its rules",
         "运行随清单保存的测试（含 `expect` 成员的项目文件），并统计规则覆盖"},
    Pair{"Test files or directories (default: RULESET/tests)", "测试文件或目录（默认：清单目录/tests）"},
    Pair{"Judge as of this date (YYYY-MM-DD) unless a test says; default today", "按该日期研判（YYYY-MM-DD），测试自行指定的除外；默认今天"},
    Pair{"Output: text, json or junit", "输出格式：text、json 或 junit"},
    Pair{"List the rules no test reached and those never seen violated (text; JSON always has them)",
         "列出没有测试涉及的规则和从未被违反的规则（文本输出；JSON 总是包含）"},
    Pair{"Print a .rules file in canonical layout", "按规范版式输出 .rules 文件"},
    Pair{"The .rules file, or a directory (with --check or --write: every .rules file under it)",
         ".rules 文件，或目录（配合 --check 或 --write：其下每个 .rules 文件）"},
    Pair{"Keyword language of the output (and of messages): en or zh", "输出所用关键字的语言（及信息的语言）：en 或 zh"},
    Pair{"Rewrite the file in place instead of printing it", "直接改写文件，而不是输出"},
    Pair{"Exit 1 and print the name if the file is not formatted", "文件未按规范版式时输出文件名并以 1 退出"},
    Pair{"Language Server for editors, over stdin/stdout (docs/editors.md)", "供编辑器使用的语言服务器，经标准输入输出通信（docs/editors.md）"},
    Pair{"Language of diagnostics, unless the editor's locale says otherwise: en or zh", "诊断信息的语言（编辑器另有设置时从编辑器）：en 或 zh"},
};

constexpr std::array kLabels{
    Pair{"Usage", "用法"},         Pair{"OPTIONS", "选项"},       Pair{"SUBCOMMAND", "子命令"},
    Pair{"SUBCOMMANDS", "子命令"}, Pair{"Positionals", "位置参数"}, Pair{"REQUIRED", "必需"},
    Pair{"Options", "选项"},       Pair{"Subcommands", "子命令"},   Pair{"TEXT", "文本"},
    Pair{"UINT", "非负整数"},      Pair{"INT", "整数"},           Pair{"FLOAT", "数值"},
    Pair{"Env", "环境变量"},       Pair{"Needs", "需要"},         Pair{"Excludes", "不能同用"},
};

constexpr std::array kErrors{
    Pair{"RequiredError", "缺少必需的参数"},
    Pair{"ExtrasError", "有多余的参数"},
    Pair{"ValidationError", "参数值无效"},
    Pair{"ConversionError", "参数值的类型不对"},
    Pair{"ArgumentMismatch", "参数的个数不对"},
    Pair{"RequiresError", "此参数须与另一参数同用"},
    Pair{"ExcludesError", "这两个参数不能同用"},
    Pair{"FileError", "文件不存在或无法读取"},
};

template <std::size_t N>
std::string_view find(const std::array<Pair, N>& table, std::string_view en) {
  const auto it = std::find_if(table.begin(), table.end(), [&](const Pair& p) { return p.first == en; });
  return it == table.end() ? std::string_view() : it->second;
}

}  // namespace

std::string_view help_zh(std::string_view en) { return find(kHelp, en); }
std::string_view label_zh(std::string_view en) { return find(kLabels, en); }
std::span<const Pair> labels_zh() { return kLabels; }
std::string_view error_zh(std::string_view error_name) {
  const std::string_view zh = find(kErrors, error_name);
  return zh.empty() ? "命令行参数有误" : zh;
}

}  // namespace zhunru::cli
