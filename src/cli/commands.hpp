// The subcommands of `zhunru`, callable without the argument parser (tests
// drive them directly; main.cpp maps the command line onto these options).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "zhunru/localized.hpp"

namespace zhunru::cli {

/// Message language from LC_ALL / LC_MESSAGES / LANG: Chinese for zh_*.
Lang language_from_environment();

struct CheckOptions {
  std::string path;             // a directory of .rules files, or one file
  Lang lang = Lang::en;         // of messages
  std::size_t max_errors = 50;  // per file
  bool strict = false;          // every rule must have an explicit id
  bool repair_maps = false;     // make invalid map features valid (and say so)
  bool json = false;            // --format json: the diagnostics as data, on stdout
};
int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err);

struct EvalOptions {
  std::string ruleset;                 // directory of .rules files
  std::string project;                 // project file (JSON)
  std::optional<std::string> as_of;    // YYYY-MM-DD; default today
  std::string format = "text";         // text, json or html (the applicant's report)
  Lang lang = Lang::en;                // of messages and of the text form
  bool lang_given = false;             // --lang was given (the report is Chinese unless it was)
  bool repair_maps = false;            // make invalid map features valid (and say so)
  std::size_t max_project_mib = 64;    // larger project files are refused unread
};
int run_eval(const EvalOptions& options, std::ostream& out, std::ostream& err);

struct ScreenCliOptions {
  std::string ruleset;                 // directory of .rules files
  std::string input = "-";             // a batch file, a directory of project files, or - (stdin)
  std::string input_format;            // ndjson, json, geojson, csv; "" = from the extension
  std::string output = "-";            // a file, or - (stdout)
  std::string format = "ndjson";       // of the answers: ndjson, csv, geojson
  unsigned threads = 0;                // 0: every core
  std::optional<std::string> as_of;    // YYYY-MM-DD; default today
  bool verdict_only = false;           // no findings or traces
  std::string fail_on;                 // "", "reject", "conditional": exit 3 when a verdict is that bad
  bool quiet = false;                  // no progress line and no summary
  Lang lang = Lang::en;
  bool repair_maps = false;
  std::size_t max_project_mib = 64;    // per record
};
int run_screen(const ScreenCliOptions& options, std::ostream& out, std::ostream& err);

struct AppliesCliOptions {
  std::string ruleset;
  std::string at;                      // "LON,LAT"
  std::string site;                    // a GeoJSON file
  std::string industry;                // a GB/T 4754-2017 code; "" for any
  std::optional<std::string> as_of;
  bool json = false;
  Lang lang = Lang::en;
};
int run_applies(const AppliesCliOptions& options, std::ostream& out, std::ostream& err);

struct CompileCliOptions {
  std::string ruleset;                 // directory of .rules files
  std::string output;                  // the snapshot to write (FILE.zr)
  bool repair_maps = false;
  Lang lang = Lang::en;
};
int run_compile(const CompileCliOptions& options, std::ostream& out, std::ostream& err);

struct SchemaCliOptions {
  std::string ruleset;
  bool template_only = false;          // a blank project instead of the schema
  Lang lang = Lang::en;                // of messages
};
int run_schema(const SchemaCliOptions& options, std::ostream& out, std::ostream& err);

struct ServeCliOptions {
  std::string ruleset;                 // directory of .rules files, or a snapshot
  std::string bind = "127.0.0.1";
  int port = 8080;                     // 0: any free port (the log's `listening` line names it)
  unsigned threads = 0;                // 0: max(128, 32 × cores)
  std::size_t max_body_mib = 16;
  std::size_t max_in_flight = 256;
  unsigned reload_ms = 1000;           // 0: reload only on SIGHUP or POST /v1/reload
  std::string page;                    // the self-check page's folder; "" = the repository's web/
  bool no_page = false;                // serve the API only
  std::string log;                     // JSON lines; "" = stderr
  std::string token_file;              // bearer token for /v1/screen and /v1/reload
  bool repair_maps = false;
  Lang lang = Lang::en;
};
int run_serve(const ServeCliOptions& options, std::ostream& err);

struct AuditCliOptions {
  std::string ruleset;                 // directory of .rules files
  std::optional<std::string> as_of;    // YYYY-MM-DD; default today
  unsigned timeout_ms = 5000;          // per solver query
  bool json = false;                   // --format json
  Lang lang = Lang::en;
  std::optional<std::string> baseline;        // --baseline FILE: accepted findings
  std::optional<std::string> write_baseline;  // --write-baseline FILE
  bool warnings_fail = true;                  // --fail-on warning (default) or error
  unsigned threads = 0;                       // 0: every core
};
int run_audit(const AuditCliOptions& options, std::ostream& out, std::ostream& err);

struct DiffCliOptions {
  std::string older;                   // OLD: a ruleset directory or snapshot
  std::string newer;                   // NEW
  std::optional<std::string> as_of;    // YYYY-MM-DD; default today
  std::optional<std::string> projects; // NDJSON of real projects: verdict changes counted by rule
  unsigned timeout_ms = 5000;          // per solver query
  bool json = false;                   // --format json
  Lang lang = Lang::en;
};
/// Exit 0 when NEW loosens nothing, 3 when it does, 1/2 as for `audit`.
int run_diff(const DiffCliOptions& options, std::ostream& out, std::ostream& err);

struct TestCliOptions {
  std::string ruleset;                 // a ruleset directory or snapshot
  std::vector<std::string> paths;      // test files or directories; none: RULESET/tests
  std::optional<std::string> as_of;    // YYYY-MM-DD; default today (a test's expect.as_of wins)
  std::string format = "text";         // text, json, junit
  bool coverage = false;               // text: list the rules no test reached or saw violated
  Lang lang = Lang::en;
};
/// Exit 0 when every test passes, 1 when one fails, 2 for bad arguments or no tests.
int run_test(const TestCliOptions& options, std::ostream& out, std::ostream& err);

struct FmtOptions {
  std::string file;
  std::optional<Lang> keywords;  // output keyword language; default: the file's own
  Lang lang = Lang::en;          // of messages
  bool write = false;            // rewrite the file in place
  bool check = false;            // only report whether the file is formatted
};
int run_fmt(const FmtOptions& options, std::ostream& out, std::ostream& err);

/// `zhunru lsp`: a Language Server on `in`/`out` until `exit` (docs/editors.md).
int run_lsp(Lang lang, std::istream& in, std::ostream& out);

}  // namespace zhunru::cli
