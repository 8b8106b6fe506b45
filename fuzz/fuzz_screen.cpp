// A batch in every input format → screen → NDJSON: whatever the bytes, one
// answer line per record, numbered 1…N in order, each a JSON object that is
// a decision or says why not; the summary counts what was written.
#include <nlohmann/json.hpp>

#include "common.hpp"

namespace {

void check_answers(const std::string& out, const zhunru::ScreenSummary& summary) {
  std::istringstream lines(out);
  std::size_t n = 0;
  std::size_t errors = 0;
  for (std::string line; std::getline(lines, line);) {
    ++n;
    const auto answer = nlohmann::json::parse(line, nullptr, false);
    if (answer.is_discarded() || !answer.is_object()) zhunru::fuzz::fail("an answer is not a JSON object: " + line);
    if (answer.value("record", std::size_t{0}) != n) zhunru::fuzz::fail("answers out of order at " + std::to_string(n));
    const bool judged = answer.contains("verdict");
    if (judged == answer.contains("errors")) zhunru::fuzz::fail("an answer is neither a decision nor errors: " + line);
    errors += judged ? 0 : 1;
  }
  if (n != summary.records || errors != summary.errors) {
    zhunru::fuzz::fail("the summary says " + std::to_string(summary.records) + " records, " +
                       std::to_string(summary.errors) + " errors; the output has " + std::to_string(n) + ", " +
                       std::to_string(errors));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace zhunru;
  const std::string text = fuzz::text_of(data, size);
  for (const BatchInput format : {BatchInput::ndjson, BatchInput::json_array, BatchInput::geojson, BatchInput::csv}) {
    ScreenOptions options;
    options.input = format;
    options.threads = 1;
    options.evaluate.as_of = fuzz::as_of();
    options.limits.max_bytes = 1 << 16;
    std::istringstream in(text);
    std::ostringstream out;
    const auto summary = screen(fuzz::chongqing(), in, out, options);
    if (!summary) {
      if (summary.error().code.empty() || summary.error().message.en.empty()) fuzz::fail("a refusal without a reason");
      continue;
    }
    check_answers(out.str(), *summary);
  }
  return 0;
}
