// Exit codes of the zhunru command (docs/language.md, "Command line and answers").
#pragma once

namespace zhunru::cli {

enum ExitCode : int {
  kSuccess = 0,       // for `eval`, whatever the verdict
  kRuleErrors = 1,    // errors in the rules (or `fmt --check`: not formatted)
  kBadInput = 2,      // bad project file or arguments, missing files
  kFindings = 3,      // `audit` found problems
  kInternalError = 70,
};

}  // namespace zhunru::cli
