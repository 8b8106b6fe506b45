// Everything a program embedding zhunru needs.
#pragma once

#include "zhunru/audit.hpp"
#include "zhunru/decision.hpp"
#include "zhunru/diagnostic.hpp"
#include "zhunru/project.hpp"
#include "zhunru/quantity.hpp"
#include "zhunru/ruleset.hpp"
#include "zhunru/vocabulary.hpp"
