// The command line in Chinese (issue #17 item 4): the Chinese of every
// description `zhunru --help` shows, and of the parser's refusals. Kept
// apart from main.cpp so the table is read (and tested) as one list.
#pragma once

#include <span>
#include <string_view>
#include <utility>

namespace zhunru::cli {

/// The Chinese of a help text written in English in main.cpp; "" when the
/// table has none (tests/cli/test_help.py finds any such gap).
std::string_view help_zh(std::string_view en);

/// The Chinese of CLI11's words in help: headings and type labels
/// ("Usage", "OPTIONS", "REQUIRED", "TEXT", …); "" for any other.
std::string_view label_zh(std::string_view en);
/// All of them, English and Chinese, for CLI11's formatter.
std::span<const std::pair<std::string_view, std::string_view>> labels_zh();

/// What went wrong, in Chinese, by the class of CLI11's error
/// ("RequiredError", "ExtrasError", …).
std::string_view error_zh(std::string_view error_name);

}  // namespace zhunru::cli
