// Everything a program embedding zhunru needs.
#pragma once

#include "zhunru/applies.hpp"
#include "zhunru/audit.hpp"
#include "zhunru/diff.hpp"
#include "zhunru/rule_tests.hpp"
#include "zhunru/dates.hpp"
#include "zhunru/decision.hpp"
#include "zhunru/diagnostic.hpp"
#include "zhunru/maps.hpp"
#include "zhunru/project.hpp"
#include "zhunru/quantity.hpp"
#include "zhunru/report.hpp"
#include "zhunru/ruleset.hpp"
#include "zhunru/schema.hpp"
#include "zhunru/screen.hpp"
#include "zhunru/snapshot.hpp"
#include "zhunru/vocabulary.hpp"
