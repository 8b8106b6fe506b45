#include "model/industry_classification.hpp"

#include <algorithm>
#include <charconv>

#include "base/edit_distance.hpp"

namespace zhunru::model {

extern const char kGbt4754Csv[];

namespace {

std::string_view next_field(std::string_view& line) {
  const auto comma = line.find(',');
  const std::string_view field = line.substr(0, comma);
  line.remove_prefix(comma == std::string_view::npos ? line.size() : comma + 1);
  return field;
}

bool is_code_shaped(std::string_view text) {
  return !text.empty() && text.front() >= 'A' && text.front() <= 'Z' && text.size() <= 5 &&
         std::all_of(text.begin() + 1, text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

LocalizedText did_you_mean(const std::vector<const IndustryEntry*>& found) {
  std::string list;
  for (const IndustryEntry* e : found) list += (list.empty() ? "" : ", ") + describe_industry(e->code);
  return {"did you mean " + list + "?", "是否应为 " + list + "？"};
}

}  // namespace

IndustryClassification::IndustryClassification() {
  std::string_view text(kGbt4754Csv);
  bool header = true;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (header || line.empty()) {
      header = false;
      continue;
    }
    IndustryEntry e;
    e.code = next_field(line);
    const std::string_view level = next_field(line);
    std::from_chars(level.data(), level.data() + level.size(), e.level);
    e.name = next_field(line);
    entries_.push_back(e);
  }
  std::sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
}

const IndustryClassification& IndustryClassification::gbt4754_2017() {
  static const IndustryClassification table;
  return table;
}

const IndustryEntry* IndustryClassification::find(std::string_view code) const {
  const auto it = std::lower_bound(entries_.begin(), entries_.end(), code,
                                   [](const IndustryEntry& e, std::string_view c) { return e.code < c; });
  return it != entries_.end() && it->code == code ? &*it : nullptr;
}

std::span<const IndustryEntry> IndustryClassification::under(std::string_view prefix) const {
  // Codes under a prefix sort together, right after it: C26 < C261 < C2611 < … < C2689 < C27.
  const auto first = std::lower_bound(entries_.begin(), entries_.end(), prefix,
                                      [](const IndustryEntry& e, std::string_view p) { return e.code < p; });
  auto last = first;
  while (last != entries_.end() && last->code.starts_with(prefix)) ++last;
  return {first, last};
}

LocalizedText IndustryClassification::suggestion(std::string_view written_as) const {
  std::vector<const IndustryEntry*> found;
  // " C2614 " and c2614 are C2614 mistyped.
  const auto first = written_as.find_first_not_of(" \t");
  const auto last = written_as.find_last_not_of(" \t");
  std::string upper(first == std::string_view::npos ? std::string_view() : written_as.substr(first, last - first + 1));
  if (!upper.empty() && upper.front() >= 'a' && upper.front() <= 'z') upper.front() = static_cast<char>(upper.front() - 'a' + 'A');
  if (const IndustryEntry* e = upper != written_as ? find(upper) : nullptr) return did_you_mean({e});
  const std::string_view written = upper;
  if (is_code_shaped(written)) {
    // The nearest level that exists: G5932 → G593, C2699 → C26 (there is no C269).
    const IndustryEntry* level = nullptr;
    for (std::size_t n = written.size() - 1; level == nullptr && n >= 1; --n) level = find(written.substr(0, n));
    if (level != nullptr && level->level >= 2) {
      const auto below = under(level->code);
      const auto classes = std::count_if(below.begin(), below.end(), [](const IndustryEntry& e) { return e.level == 4; });
      if (classes == 1) {  // a group of one class, as G593 低温仓储 is of G5930
        for (const IndustryEntry& e : below) {
          if (e.level == 4) found.push_back(&e);
        }
      } else {
        found.push_back(level);
      }
      return did_you_mean(found);
    }
    // Only the section is right (or not even that): a code one edit away.
    std::vector<std::string_view> codes;
    std::vector<const IndustryEntry*> same_length;
    for (const IndustryEntry& e : entries_) {
      if (e.code.size() != written.size()) continue;
      codes.push_back(e.code);
      same_length.push_back(&e);
    }
    const auto near = closest_near_miss(written, codes);
    if (near && edit_distance(written, codes[*near]) == 1) found.push_back(same_length[*near]);
    return found.empty() ? LocalizedText{} : did_you_mean(found);
  }
  // A name: exact first (a class rather than its single-class group), then as part of names.
  for (const IndustryEntry& e : entries_) {
    if (e.name == written && (found.empty() || e.level > found.front()->level)) found = {&e};
  }
  if (found.empty() && !written.empty()) {
    for (const IndustryEntry& e : entries_) {
      if (e.name.find(written) != std::string_view::npos && found.size() < 3) found.push_back(&e);
    }
  }
  return found.empty() ? LocalizedText{} : did_you_mean(found);
}

std::string describe_industry(std::string_view code) {
  const IndustryEntry* e = IndustryClassification::gbt4754_2017().find(code);
  return e ? std::string(code) + " (" + std::string(e->name) + ")" : std::string(code);
}

IndustryMatch industry_match(std::string_view code, const std::vector<std::string>& codes, bool exact) {
  const auto covers = [exact](std::string_view rule_code, std::string_view c) {
    return exact ? c == rule_code : c.starts_with(rule_code);
  };
  bool finer = false;  // some rule code lies under the project's code
  for (const std::string& c : codes) {
    if (covers(c, code)) return IndustryMatch::yes;
    finer = finer || (c.size() > code.size() && std::string_view(c).starts_with(code));
  }
  if (!finer) return IndustryMatch::no;
  // A coarse code whose every class is covered is covered (C301 by C3011 and C3012).
  const auto entries = IndustryClassification::gbt4754_2017().under(code);
  const bool all = !entries.empty() && std::all_of(entries.begin(), entries.end(), [&](const IndustryEntry& e) {
    return e.level < 4 || std::any_of(codes.begin(), codes.end(), [&](const std::string& c) { return covers(c, e.code); });
  });
  return all ? IndustryMatch::yes : IndustryMatch::maybe;
}

}  // namespace zhunru::model
