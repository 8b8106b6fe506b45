// fmt: canonical text that re-reads to the same rules (format_source checks
// that itself), is idempotent, and survives a round trip through the other
// keyword language unchanged. Any difference aborts.
#include "common.hpp"
#include "zhunru/format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace zhunru;
  const FormatResult once = format_source({"fuzz.rules", fuzz::text_of(data, size)});
  if (!once.ok()) {
    for (const Diagnostic& d : once.diagnostics) {
      if (d.code == "format.changes-meaning") fuzz::fail("formatting changes the meaning");
    }
    if (!has_errors(once.diagnostics)) fuzz::fail("no formatted text, and no error saying why");
    return 0;
  }
  const FormatResult twice = format_source({"fuzz.rules", *once.text});
  if (!twice.ok() || *twice.text != *once.text) fuzz::fail("formatting is not idempotent");
  const Lang own = once.source_keywords;
  const Lang other = own == Lang::en ? Lang::zh : Lang::en;
  const FormatResult translated = format_source({"fuzz.rules", *once.text}, {other});
  if (!translated.ok()) fuzz::fail("the translated text does not format:\n" + translated.render(Lang::en));
  const FormatResult back = format_source({"fuzz.rules", *translated.text}, {own});
  if (!back.ok() || *back.text != *once.text) fuzz::fail("a round trip through the other keyword language changes the text");
  return 0;
}
