// The `zhunru` command line. CLI11 is slow to compile, so it stays in this
// one file; each subcommand lives in its own file and takes plain options.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>

#include "base/edit_distance.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/help_zh.hpp"

namespace zhunru::cli {

Lang language_from_environment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') return std::string_view(value).starts_with("zh") ? Lang::zh : Lang::en;
  }
  return Lang::en;
}

namespace {

const std::map<std::string, Lang> kLanguages{{"en", Lang::en}, {"zh", Lang::zh}};

// `en`/`zh` to the enum's number, with a message in the user's words (CLI11's
// own CheckedTransformer shows its mapping: `value in {en->0,zh->1} OR {0,1}`).
const CLI::Validator kLanguageWord(
    [](std::string& value) {
      const auto it = kLanguages.find(value);
      if (it == kLanguages.end()) return "`" + value + "` is not a language: en or zh (语言为 en 或 zh)";
      value = std::to_string(static_cast<int>(it->second));
      return std::string();
    },
    "");

// Help in Chinese: every description, heading and type label from help_zh;
// a text the table lacks stays in English rather than vanish.
class ChineseHelp : public CLI::Formatter {
 public:
  ChineseHelp() {
    for (const auto& [en, zh] : labels_zh()) label(std::string(en), std::string(zh));
  }
  static std::string zh(const std::string& en) {
    const std::string_view t = help_zh(en);
    return t.empty() ? en : std::string(t);
  }
  std::string make_option_desc(const CLI::Option* opt) const override { return zh(opt->get_description()); }
  std::string make_group(std::string group, bool is_positional, std::vector<const CLI::Option*> opts) const override {
    const std::string_view t = label_zh(group);
    return CLI::Formatter::make_group(t.empty() ? group : std::string(t), is_positional, std::move(opts));
  }
  std::string make_description(const CLI::App* app) const override {
    std::string out = CLI::Formatter::make_description(app);
    const std::string& en = app->get_description();
    if (const auto at = out.find(en); !en.empty() && at != std::string::npos) out.replace(at, en.size(), zh(en));
    return out;
  }
  std::string make_subcommand(const CLI::App* sub) const override {
    std::stringstream out;
    CLI::detail::format_help(out, sub->get_display_name(true), zh(sub->get_description()), column_width_);
    return out.str();
  }
};

/// The language of help and of the parser's refusals, known before parsing:
/// `--lang zh` (or `--lang=zh`) anywhere, else the environment's.
Lang command_line_language(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--lang" && i + 1 < argc) return std::string_view(argv[i + 1]) == "zh" ? Lang::zh : Lang::en;
    if (a.starts_with("--lang=")) return a.substr(7) == "zh" ? Lang::zh : Lang::en;
  }
  return language_from_environment();
}

/// The kind of a CLI11 refusal, by its class (its get_name() is sometimes
/// the subcommand's name instead).
std::string kind_of(const CLI::Error& e) {
  if (dynamic_cast<const CLI::RequiredError*>(&e)) return "RequiredError";
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) return "ExtrasError";
  if (dynamic_cast<const CLI::ValidationError*>(&e)) return "ValidationError";
  if (dynamic_cast<const CLI::ConversionError*>(&e)) return "ConversionError";
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) return "ArgumentMismatch";
  if (dynamic_cast<const CLI::RequiresError*>(&e)) return "RequiresError";
  if (dynamic_cast<const CLI::ExcludesError*>(&e)) return "ExcludesError";
  return e.get_name();
}

/// CLI11's refusal in Chinese first, with its English detail (which names
/// the option) and where to find help.
std::string chinese_failure(const CLI::App*, const CLI::Error& e) {
  return "zhunru：" + std::string(error_zh(kind_of(e))) + "：" + e.what() + "\n（运行 zhunru --help 查看用法）\n";
}

int run(int argc, char** argv) {
  const Lang ui = command_line_language(argc, argv);
  CLI::App app{"zhunru — executable ecological-environment access lists (生态环境准入清单)", "zhunru"};
  if (ui == Lang::zh) {
    app.formatter(std::make_shared<ChineseHelp>());
    app.failure_message(chinese_failure);
  }
  app.set_version_flag("--version", "zhunru 0.1.0");
  app.require_subcommand(1);

  // Options several subcommands share.
  const auto add_lang = [](CLI::App* cmd, Lang& lang, const std::string& help) {
    lang = language_from_environment();
    // Shown as `en|zh`, not the transformer's own `ENUM:value in {en->0,zh->1} OR {0,1}`.
    cmd->add_option("--lang", lang, help)->transform(kLanguageWord)->type_name("en|zh");
  };
  const auto add_format = [](CLI::App* cmd, std::string& format) {
    format = "text";
    cmd->add_option("--format", format, "Output: text or json")->check(CLI::IsMember({"text", "json"}));
  };

  CheckOptions check;
  auto* check_cmd = app.add_subcommand("check", "Parse and check every .rules file under a directory");
  check_cmd->add_option("path", check.path, "Ruleset directory or a single .rules file")->required();
  add_lang(check_cmd, check.lang, "Language of messages: en or zh");
  check_cmd->add_option("--max-errors", check.max_errors, "Stop reporting a file after this many errors")
      ->check(CLI::PositiveNumber);
  check_cmd->add_flag("--strict", check.strict, "Require an explicit id on every rule");
  check_cmd->add_flag("--repair-maps", check.repair_maps,
                      "Make invalid map features valid with GEOS MakeValid (reported), as if every map said `repair`");
  std::string check_format;
  add_format(check_cmd, check_format);

  EvalOptions eval;
  auto* eval_cmd = app.add_subcommand("eval", "Judge a project (JSON facts, site and/or units) against a ruleset");
  eval_cmd->add_option("ruleset", eval.ruleset, "Ruleset directory, or a snapshot (FILE.zr)")->required();
  eval_cmd->add_option("--project", eval.project, "Project file (JSON)")->required();
  eval_cmd->add_option("--as-of", eval.as_of, "Judge as of this date (YYYY-MM-DD); default today");
  eval_cmd->add_option("--format", eval.format, "Output: text, json, or html (the applicant's report, Chinese unless --lang en)")
      ->check(CLI::IsMember({"text", "json", "html"}));
  add_lang(eval_cmd, eval.lang, "Language of messages and of the text output: en or zh");
  eval_cmd->add_option("--max-project-mib", eval.max_project_mib,
                       "Refuse project files larger than this many MiB (default 64)")
      ->check(CLI::Range(1, 4096));
  eval_cmd->add_flag("--repair-maps", eval.repair_maps,
                     "Make invalid map features valid with GEOS MakeValid; every answer that used one says so");

  ScreenCliOptions screen;
  auto* screen_cmd = app.add_subcommand(
      "screen", "Judge a batch of projects (NDJSON, JSON list, GeoJSON, CSV or a directory): one answer per record, in order");
  screen_cmd->add_option("ruleset", screen.ruleset, "Ruleset directory, or a snapshot (FILE.zr)")->required();
  screen_cmd->add_option("--input", screen.input, "Batch file, directory of project files, or - for stdin (default -)");
  screen_cmd->add_option("--input-format", screen.input_format,
                         "ndjson, json (a list), geojson (a FeatureCollection) or csv; default: from the extension")
      ->check(CLI::IsMember({"ndjson", "json", "geojson", "csv"}));
  screen_cmd->add_option("--output", screen.output, "Where the answers go (default - for stdout)");
  screen_cmd->add_option("--format", screen.format, "Answers as ndjson (default), csv or geojson")
      ->check(CLI::IsMember({"ndjson", "csv", "geojson"}));
  screen_cmd->add_option("--threads", screen.threads, "Threads that judge (default: every core)")
      ->check(CLI::Range(1, 1024));
  screen_cmd->add_option("--as-of", screen.as_of, "Judge as of this date (YYYY-MM-DD); default today");
  screen_cmd->add_flag("--verdict-only", screen.verdict_only, "Verdicts, missing facts and units only: no findings");
  screen_cmd->add_option("--fail-on", screen.fail_on, "Exit 3 when any record is judged reject (or conditional or worse)")
      ->check(CLI::IsMember({"reject", "conditional"}));
  screen_cmd->add_flag("--quiet", screen.quiet, "No progress line and no summary on stderr");
  add_lang(screen_cmd, screen.lang, "Language of messages, the summary and CSV errors: en or zh");
  screen_cmd->add_option("--max-project-mib", screen.max_project_mib, "Refuse records larger than this many MiB (default 64)")
      ->check(CLI::Range(1, 4096));
  screen_cmd->add_flag("--repair-maps", screen.repair_maps,
                       "Make invalid map features valid with GEOS MakeValid; every answer that used one says so");

  AppliesCliOptions applies;
  std::string applies_format;
  auto* applies_cmd =
      app.add_subcommand("applies", "The units a site touches and every rule that can apply in each (成果查询)");
  applies_cmd->add_option("ruleset", applies.ruleset, "Ruleset directory, or a snapshot (FILE.zr)")->required();
  applies_cmd->add_option("--at", applies.at, "A point: longitude,latitude in degrees (EPSG:4490/4326)");
  applies_cmd->add_option("--site", applies.site, "A GeoJSON file: one geometry or Feature in lon/lat");
  applies_cmd->add_option("--industry", applies.industry, "Only rules that can apply to this GB/T 4754-2017 class");
  applies_cmd->add_option("--as-of", applies.as_of, "The rules in force on this date (YYYY-MM-DD); default today");
  add_format(applies_cmd, applies_format);
  add_lang(applies_cmd, applies.lang, "Language of messages and of the text output: en or zh");

  CompileCliOptions compile;
  auto* compile_cmd = app.add_subcommand(
      "compile", "Compile a ruleset once into a snapshot (FILE.zr) that eval, screen, applies and schema load fast");
  compile_cmd->add_option("ruleset", compile.ruleset, "Ruleset directory")->required();
  compile_cmd->add_option("-o,--output", compile.output, "The snapshot file to write")->required();
  compile_cmd->add_flag("--repair-maps", compile.repair_maps,
                        "Make invalid map features valid with GEOS MakeValid; every answer that used one says so");
  add_lang(compile_cmd, compile.lang, "Language of messages: en or zh");

  SchemaCliOptions schema;
  auto* schema_cmd = app.add_subcommand("schema", "The ruleset's project file as JSON Schema 2020-12 (or a blank one)");
  schema_cmd->add_option("ruleset", schema.ruleset, "Ruleset directory, or a snapshot (FILE.zr)")->required();
  schema_cmd->add_flag("--template", schema.template_only, "Print a blank project file to fill in instead");
  add_lang(schema_cmd, schema.lang, "Language of messages: en or zh");

  ServeCliOptions serve;
  auto* serve_cmd = app.add_subcommand(
      "serve", "Serve the ruleset over HTTP: /v1/evaluate, /v1/screen, /v1/applies, … (docs/service.md)");
  serve_cmd->add_option("ruleset", serve.ruleset, "Ruleset directory, or a snapshot (FILE.zr)")->required();
  serve_cmd->add_option("--bind", serve.bind, "Address to listen on (default 127.0.0.1: this machine only)");
  serve_cmd->add_option("--port", serve.port, "Port (default 8080; 0: any free port, named in the log)")
      ->check(CLI::Range(0, 65535));
  serve_cmd->add_option("--threads", serve.threads, "Connections served at once (default: max(128, 32 x cores))")
      ->check(CLI::Range(1, 1024));
  serve_cmd->add_option("--max-body-mib", serve.max_body_mib, "Refuse larger request bodies with 413 (default 16)")
      ->check(CLI::Range(1, 4096));
  serve_cmd->add_option("--max-in-flight", serve.max_in_flight, "Refuse requests beyond this many at once with 503 (default 256)")
      ->check(CLI::Range(1, 100000));
  serve_cmd->add_option("--reload-ms", serve.reload_ms,
                        "Look for a changed ruleset this often (default 1000; 0: only on SIGHUP or POST /v1/reload)")
      ->check(CLI::Range(0, 86400000));
  serve_cmd->add_option("--page", serve.page, "Serve the self-check page from this folder at / (default: the repository's web/)");
  serve_cmd->add_flag("--no-page", serve.no_page, "Serve the API only, no page at /");
  serve_cmd->add_option("--log", serve.log, "Write the JSON-lines log to this file (default stderr)");
  serve_cmd->add_option("--token-file", serve.token_file,
                        "Require this bearer token for /v1/screen and /v1/reload (or set ZHUNRU_TOKEN)");
  serve_cmd->add_flag("--repair-maps", serve.repair_maps,
                      "Make invalid map features valid with GEOS MakeValid; every answer that used one says so");
  add_lang(serve_cmd, serve.lang, "Language of start-up messages: en or zh");

  AuditCliOptions audit;
  std::string audit_format;
  auto* audit_cmd = app.add_subcommand("audit", "Find conflicting, dead, loosened and redundant rules, with witness projects");
  audit_cmd->add_option("ruleset", audit.ruleset, "Ruleset directory, or a compiled snapshot (FILE.zr)")->required();
  audit_cmd->add_option("--as-of", audit.as_of, "Audit the rules in force on this date (YYYY-MM-DD); default today");
  audit_cmd->add_option("--timeout-ms", audit.timeout_ms,
                        "Give each solver query at most this long (default 5000); a query that runs out is reported")
      ->check(CLI::Range(1, 3600000));
  audit_cmd->add_option("--threads", audit.threads, "Solve on at most this many threads (default: every core; the answer is the same)")
      ->check(CLI::Range(1, 1024));
  add_format(audit_cmd, audit_format);
  add_lang(audit_cmd, audit.lang, "Language of messages: en or zh");
  audit_cmd->add_option("--baseline", audit.baseline,
                        "Findings reviewed and accepted (JSON: {\"accepted\": [{\"fingerprint\", \"reason\"}]}): "
                        "shown, but only new findings fail");
  audit_cmd->add_option("--write-baseline", audit.write_baseline,
                        "Write a baseline accepting every finding of this run (each with a reason to edit)");
  std::string fail_on = "warning";
  audit_cmd->add_option("--fail-on", fail_on, "Exit 3 on a new finding of this severity or worse: warning (default) or error")
      ->check(CLI::IsMember({"warning", "error"}));

  DiffCliOptions diff;
  std::string diff_format;
  auto* diff_cmd = app.add_subcommand("diff", "Compare two versions of a list: rules added, removed and changed, what is "
                                              "loosened or tightened (with witness projects), and the unit map");
  diff_cmd->add_option("old", diff.older, "The earlier version: a ruleset directory or a compiled snapshot (FILE.zr)")->required();
  diff_cmd->add_option("new", diff.newer, "The later version: a ruleset directory or a compiled snapshot (FILE.zr)")->required();
  diff_cmd->add_option("--as-of", diff.as_of, "Compare the rules in force on this date (YYYY-MM-DD); default today");
  diff_cmd->add_option("--projects", diff.projects, "Also judge these projects (NDJSON) on both versions and count what changed");
  diff_cmd->add_option("--timeout-ms", diff.timeout_ms, "Give each solver query at most this long (default 5000)")
      ->check(CLI::Range(1, 3600000));
  add_format(diff_cmd, diff_format);
  add_lang(diff_cmd, diff.lang, "Language of messages: en or zh");

  TestCliOptions test;
  auto* test_cmd = app.add_subcommand("test", "Run the tests kept with a ruleset (project files with an `expect` member), "
                                              "with coverage of its rules");
  test_cmd->add_option("ruleset", test.ruleset, "Ruleset directory, or a compiled snapshot (FILE.zr)")->required();
  test_cmd->add_option("paths", test.paths, "Test files or directories (default: RULESET/tests)");
  test_cmd->add_option("--as-of", test.as_of, "Judge as of this date (YYYY-MM-DD) unless a test says; default today");
  test_cmd->add_option("--format", test.format, "Output: text, json or junit")->check(CLI::IsMember({"text", "json", "junit"}));
  test_cmd->add_flag("--coverage", test.coverage, "List the rules no test reached and those never seen violated (text; JSON always has them)");
  add_lang(test_cmd, test.lang, "Language of messages: en or zh");

  FmtOptions fmt;
  fmt.lang = language_from_environment();
  std::optional<Lang> fmt_lang;
  auto* fmt_cmd = app.add_subcommand("fmt", "Print a .rules file in canonical layout");
  fmt_cmd->add_option("file", fmt.file, "The .rules file, or a directory (with --check or --write: every .rules file under it)")->required();
  fmt_cmd->add_option("--lang", fmt_lang, "Keyword language of the output (and of messages): en or zh")
      ->transform(kLanguageWord)
      ->type_name("en|zh");
  fmt_cmd->add_flag("--write", fmt.write, "Rewrite the file in place instead of printing it");
  fmt_cmd->add_flag("--check", fmt.check, "Exit 1 and print the name if the file is not formatted");

  Lang lsp_lang = Lang::en;
  auto* lsp_cmd = app.add_subcommand("lsp", "Language Server for editors, over stdin/stdout (docs/editors.md)");
  add_lang(lsp_cmd, lsp_lang, "Language of diagnostics, unless the editor's locale says otherwise: en or zh");

  if (ui == Lang::zh) {  // headings of the groups subcommands and options are listed under
    for (CLI::App* sub : app.get_subcommands({})) {
      sub->group(std::string(label_zh("Subcommands")));
      for (CLI::Option* opt : sub->get_options()) {
        if (opt->get_group() == "Options") opt->group(std::string(label_zh("Options")));
      }
    }
    for (CLI::Option* opt : app.get_options()) {
      if (opt->get_group() == "Options") opt->group(std::string(label_zh("Options")));
    }
  }

  // `zhunru evl`: name the command meant, in both languages, not "A subcommand is required".
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  if (argc > 1 && argv[1][0] != '-' && std::find(names.begin(), names.end(), argv[1]) == names.end()) {
    const std::vector<std::string_view> views(names.begin(), names.end());
    const auto near = closest_near_miss(argv[1], views);
    std::cerr << "zhunru: unknown command `" << argv[1] << "`" << (near ? "; did you mean `" + names[*near] + "`?" : "")
              << " (zhunru --help lists them)\n"
              << "zhunru：没有“" << argv[1] << "”命令" << (near ? "；是否应为“" + names[*near] + "”？" : "")
              << "（zhunru --help 列出全部命令）\n";
    return kBadInput;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kSuccess : kBadInput;
  }
  if (check_cmd->parsed()) {
    check.json = check_format == "json";
    return run_check(check, std::cout, std::cerr);
  }
  if (eval_cmd->parsed()) {
    eval.lang_given = eval_cmd->get_option("--lang")->count() > 0;
    return run_eval(eval, std::cout, std::cerr);
  }
  if (screen_cmd->parsed()) return run_screen(screen, std::cout, std::cerr);
  if (applies_cmd->parsed()) {
    applies.json = applies_format == "json";
    return run_applies(applies, std::cout, std::cerr);
  }
  if (serve_cmd->parsed()) return run_serve(serve, std::cerr);
  if (schema_cmd->parsed()) return run_schema(schema, std::cout, std::cerr);
  if (compile_cmd->parsed()) return run_compile(compile, std::cout, std::cerr);
  if (audit_cmd->parsed()) {
    audit.json = audit_format == "json";
    audit.warnings_fail = fail_on == "warning";
    return run_audit(audit, std::cout, std::cerr);
  }
  if (test_cmd->parsed()) return run_test(test, std::cout, std::cerr);
  if (diff_cmd->parsed()) {
    diff.json = diff_format == "json";
    return run_diff(diff, std::cout, std::cerr);
  }
  if (lsp_cmd->parsed()) return run_lsp(lsp_lang, std::cin, std::cout);
  if (fmt_lang) {
    fmt.keywords = fmt_lang;
    fmt.lang = *fmt_lang;
  }
  return run_fmt(fmt, std::cout, std::cerr);
}

}  // namespace
}  // namespace zhunru::cli

int main(int argc, char** argv) {
  try {
    return zhunru::cli::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "zhunru: internal error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "zhunru: internal error\n";
  }
  return zhunru::cli::kInternalError;
}
