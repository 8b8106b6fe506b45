#include "api/ruleset_data.hpp"

#include <tbb/parallel_invoke.h>

#include "base/sanitizers.hpp"
#include "compile/lower.hpp"

namespace zhunru {

void Ruleset::Data::build_evaluation() {
  const auto lower = [this] {
    ir::Lowered lowered = ir::lower(model);
    program = std::move(lowered.program);
    rules = std::move(lowered.rules);
  };
  const auto index_rules = [this] { index = ir::RuleIndex(model); };
  const auto names = [this] { index_names(); };
  // Each task writes only its own members and reads the model, which no
  // task changes. Under ThreadSanitizer one after another (base/sanitizers.hpp).
  if constexpr (kUnderThreadSanitizer) {
    lower();
    index_rules();
    names();
  } else {
    tbb::parallel_invoke(lower, index_rules, names);
  }
}

}  // namespace zhunru
