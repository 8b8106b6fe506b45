// Embedding zhunru: compile a ruleset once, then judge projects from many
// threads. Uses only the public headers (include/zhunru/).
//
//   judge_project RULESET_DIR AS_OF
//
// Judges two projects built in code — one with FactsBuilder, one from JSON —
// and prints one line per project: the verdict, the violated rules and the
// facts still missing.
#include <zhunru/zhunru.hpp>

#include <cstdio>
#include <iostream>
#include <thread>
#include <vector>

namespace {

std::string summary(const zhunru::Decision& d) {
  std::string line = std::string(zhunru::name_of(d.verdict)) + " (" + std::string(zhunru::name_zh(d.verdict)) + ")";
  for (const zhunru::Finding& f : d.findings) {
    if (f.status == zhunru::Status::violated) line += " " + f.rule + "@" + f.unit;
  }
  if (!d.missing.empty()) {
    line += " missing:";
    for (const std::string& m : d.missing) line += " " + m;
  }
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: judge_project RULESET_DIR AS_OF(YYYY-MM-DD)\n";
    return 2;
  }
  // 1. Compile. Bad rules come back as diagnostics, never as exceptions.
  const zhunru::CompileResult compiled = zhunru::compile_directory(argv[1]);
  if (!compiled.ok()) {
    std::cerr << compiled.render(zhunru::Lang::en);
    return 1;
  }
  const std::shared_ptr<const zhunru::Ruleset> rules = compiled.ruleset;

  int y = 0;
  unsigned m = 0, d = 0;
  if (std::sscanf(argv[2], "%d-%u-%u", &y, &m, &d) != 3) return 2;
  zhunru::EvaluateOptions options;
  options.as_of = std::chrono::year_month_day{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};

  // 2. Projects: one from the facts builder, located by its site (a point at
  // Jiefangbei) on the ruleset's unit map; one from a project file's text.
  zhunru::FactsBuilder builder(*rules);
  builder.set_text("industry", "C2614")
      .set_text("nature", "新建")
      .set_text("capacity", "30万吨/年")
      .set_bool("low-voc-materials", true)
      .set_site(R"({"type": "Point", "coordinates": [106.5770, 29.5570]})");
  zhunru::ProjectResult chemical = std::move(builder).build();
  zhunru::ProjectResult office = zhunru::load_project_json(
      *rules, R"({"industry": "I6513", "nature": "new", "low-voc-materials": true, "voc-emission": 0.5,
                  "catalogue": "permitted", "units": ["ZH50010320001"]})");
  // Each result is checked before its value is read; an error has a stable
  // code to branch on (docs/errors.md) and a message in both languages.
  for (const auto* p : {&chemical, &office}) {
    if (!p->has_value()) {
      for (const zhunru::ProjectError& e : p->error()) {
        std::cerr << e.code << ": " << e.fact << ": " << e.message.en << '\n';
      }
      return 2;
    }
  }

  // 3. Judge them from two threads at once: the compiled ruleset is immutable.
  // Judging can fail too (a unit outside the ruleset's territory, a date
  // outside its effective period).
  const auto judge = [&](const zhunru::Project& project) -> std::string {
    const auto decision = zhunru::evaluate(*rules, project, options);
    if (!decision) return "not judged: " + decision.error().code + ": " + decision.error().message.en;
    return summary(decision.value());
  };
  std::vector<std::string> lines(2);
  std::thread a([&] { lines[0] = judge(chemical.value()); });
  std::thread b([&] { lines[1] = judge(office.value()); });
  a.join();
  b.join();
  std::cout << "chemical plant: " << lines[0] << '\n' << "office: " << lines[1] << '\n';
  return 0;
}
