// The C handle of a compiled ruleset: a shared pointer to an immutable one.
#pragma once

#include <memory>

#include "zhunru/ruleset.hpp"

struct zhunru_ruleset {
  std::shared_ptr<const zhunru::Ruleset> ruleset;
};

namespace zhunru::c_api {

/// The ruleset behind a handle; invalid_argument when the handle is NULL.
const Ruleset& ruleset_of(const zhunru_ruleset* handle);

}  // namespace zhunru::c_api
