// Real GB/T 4754-2017 classes for generated rulesets: rules and projects are
// checked against the standard, so benchmarks draw their codes from it.
#pragma once

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace zhunru::bench {

/// The first `count` 4-digit classes of section C (manufacturing), in code
/// order, from data/gbt4754-2017.csv.
inline std::vector<std::string> manufacturing_classes(std::size_t count) {
  std::ifstream in(std::string(ZHUNRU_SOURCE_DIR) + "/data/gbt4754-2017.csv");
  if (!in) throw std::runtime_error("cannot read data/gbt4754-2017.csv");
  std::vector<std::string> out;
  std::string line;
  while (out.size() < count && std::getline(in, line)) {
    const auto comma = line.find(',');
    if (comma == 5 && line[0] == 'C' && line.compare(comma, 3, ",4,") == 0) out.push_back(line.substr(0, comma));
  }
  return out;
}

}  // namespace zhunru::bench
