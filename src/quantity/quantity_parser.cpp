// Reads quantities ("30万t/a", "0.5 tce/万元", "85%") and units ("吨/年").
//
// Spirit X3 recognises the pieces on raw UTF-8 bytes. Only explicit byte sets
// and literal UTF-8 sequences are used: x3::space/digit/alpha misread bytes
// ≥ 0x80. The input is checked to be valid UTF-8 first, so multi-byte atoms
// and multipliers match as plain byte strings. When X3 stops early, the code
// around it looks at where and why, to say so in English and Chinese.
#include <boost/fusion/include/at_c.hpp>
#include <boost/spirit/home/x3.hpp>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <memory>
#include <unordered_set>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.hpp"
#include "quantity/unit_later.hpp"
#include "quantity/unit_registry.hpp"
#include "zhunru/quantity.hpp"

namespace zhunru {
namespace {

namespace x3 = boost::spirit::x3;
using quantity::AtomicUnit;
using quantity::Multiplier;

// A unit rarely has more than three parts; the cap keeps dimension exponents
// far inside their int8 range.
constexpr int kMaxUnitTerms = 8;

// ---------------------------------------------------------------- grammar --

// Space between pieces: ASCII space, tab and the ideographic space U+3000.
const auto ws = x3::lit(' ') | x3::lit('\t') | x3::lit("\u3000");
const auto sign = x3::lit('+') | x3::lit('-');
const auto digits = +x3::char_('0', '9');
// ASCII only, so "inf", "nan" and full-width digits never match.
const auto number_syntax = -sign >> digits >> -('.' >> digits) >> -((x3::lit('e') | x3::lit('E')) >> -sign >> digits);
// A unit term ends at '/', at space or at the end: "tc" is not "t" then "c".
const auto term_end = &(x3::lit('/') | ws | x3::eoi);

struct Scale {
  double factor = 1.0;
  Dimension dimension;
};

struct UnitValue {
  double factor = 1.0;
  Dimension dimension;
  int terms = 0;
};

struct TermTag;
struct UnitTag;

const auto take_atom = [](auto& ctx) {
  const AtomicUnit& atom = x3::_attr(ctx);
  x3::_val(ctx) = Scale{atom.factor, atom.dimension};
};
const auto take_prefixed_atom = [](auto& ctx) {
  const Multiplier& m = boost::fusion::at_c<0>(x3::_attr(ctx));
  const AtomicUnit& atom = boost::fusion::at_c<1>(x3::_attr(ctx));
  x3::_val(ctx) = Scale{m.factor * atom.factor, atom.dimension};
};
const auto take_multiplier = [](auto& ctx) { x3::_val(ctx) = Scale{x3::_attr(ctx).factor, Dimension{}}; };
const auto first_term = [](auto& ctx) {
  const Scale& s = x3::_attr(ctx);
  x3::_val(ctx) = UnitValue{s.factor, s.dimension, 1};
};
// Past the cap the unit is refused later; stop combining so exponents stay small.
const auto next_term = [](auto& ctx) {
  UnitValue& u = x3::_val(ctx);
  const Scale& s = x3::_attr(ctx);
  if (++u.terms > kMaxUnitTerms) return;
  u.factor /= s.factor;
  u.dimension = u.dimension / s.dimension;
};

struct Tables {
  x3::symbols<AtomicUnit> atoms;  // longest match: "mg" before "m", "tce" before "t"
  x3::symbols<Multiplier> multipliers;
};

Tables build_tables(const std::vector<AtomicUnit>& declared) {
  Tables lex;
  for (const AtomicUnit& a : quantity::atomic_units()) lex.atoms.add(std::string(a.symbol), a);
  for (const AtomicUnit& a : declared) lex.atoms.add(std::string(a.symbol), a);
  for (const Multiplier& m : quantity::multipliers()) lex.multipliers.add(std::string(m.symbol), m);
  return lex;
}

// term := atom | multiplier atom | multiplier, tried in that order so that an
// atom starting with a multiplier ("千克标准煤", "千瓦时") wins over 千 + rest.
// unit := term ('/' term)*
auto make_unit_parser(const Tables& lex) {
  const auto term = x3::rule<TermTag, Scale>{"term"} =
      (lex.atoms >> term_end)[take_atom] |
      (lex.multipliers >> lex.atoms >> term_end)[take_prefixed_atom] |
      (lex.multipliers >> term_end)[take_multiplier];
  return x3::rule<UnitTag, UnitValue>{"unit"} = term[first_term] >> *('/' >> term[next_term]);
}
using UnitParser = decltype(make_unit_parser(std::declval<const Tables&>()));

std::vector<AtomicUnit> atoms_of(const std::vector<UnitDefinition>& declared) {
  std::vector<AtomicUnit> atoms;
  atoms.reserve(declared.size());
  for (const UnitDefinition& d : declared) atoms.push_back({d.symbol, d.factor, d.dimension});
  return atoms;
}

}  // namespace

// Built once per set and never moved: the atoms view the declared symbols.
struct UnitSet::Lexicon {
  explicit Lexicon(std::vector<UnitDefinition> units)
      : declared(std::move(units)), declared_atoms(atoms_of(declared)), tables(build_tables(declared_atoms)),
        parser(make_unit_parser(tables)) {}
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  std::vector<UnitDefinition> declared;
  std::vector<AtomicUnit> declared_atoms;
  Tables tables;
  UnitParser parser;
};

namespace {

using Lexicon = UnitSet::Lexicon;

const std::shared_ptr<const Lexicon>& builtin_lexicon() {
  static const std::shared_ptr<const Lexicon> lex = std::make_shared<const Lexicon>(std::vector<UnitDefinition>{});
  return lex;
}

// ------------------------------------------------------------ positions --

// The input text, with byte pointers into it and their code-point columns.
struct Text {
  std::string_view all;
  [[nodiscard]] const char* begin() const { return all.data(); }
  [[nodiscard]] const char* end() const { return all.data() + all.size(); }
  [[nodiscard]] std::size_t column(const char* p) const {
    return utf8::length(all.substr(0, static_cast<std::size_t>(p - begin())));
  }
};

const char* skip_ws(const char* p, const char* end) {
  x3::parse(p, end, *ws);
  return p;
}

bool at_ws(const char* p, const char* end) { return x3::parse(p, end, ws); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Bytes up to the next space (or '/' too when `stop_at_slash`). Walking bytes
// is safe: ' ', '\t', '/' and the lead byte of U+3000 never occur inside
// another character's encoding.
std::string_view run_at(const char* p, const char* end, bool stop_at_slash) {
  const char* q = p;
  while (q != end && !at_ws(q, end) && !(stop_at_slash && *q == '/')) ++q;
  return {p, static_cast<std::size_t>(q - p)};
}

std::optional<char32_t> code_point_at(const char* p, const char* end) {
  if (p == end) return std::nullopt;
  std::size_t pos = 0;
  return utf8::next(std::string_view(p, static_cast<std::size_t>(end - p)), pos);
}

bool is_full_width_digit(std::optional<char32_t> cp) { return cp && *cp >= U'０' && *cp <= U'９'; }

// ------------------------------------------------------------- messages --

// Long input is shortened so a message stays one line.
std::string clip(std::string_view s) {
  constexpr std::size_t kMax = 24;
  if (utf8::length(s) <= kMax) return std::string(s);
  return std::string(s.substr(0, utf8::offset_of(s, kMax))) + "…";
}

// Builds a message by appending pieces. (`"literal" + std::string` trips a
// false -Wrestrict in GCC 12 at -O3, so messages avoid that form.)
std::string cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (const std::string_view part : parts) out += part;
  return out;
}

std::string en_quote(std::string_view s) { return cat({"`", clip(s), "`"}); }
std::string zh_quote(std::string_view s) { return cat({"“", clip(s), "”"}); }

QuantityError error_at(const Text& t, const char* where, std::string en, std::string zh) {
  return {t.column(where), {std::move(en), std::move(zh)}};
}

// "; did you mean `km`?" / "，是否应为“km”？", or nothing.
LocalizedText did_you_mean(const std::vector<std::string>& options) {
  if (options.empty()) return {};
  std::string en = "; did you mean ";
  std::string zh = "，是否应为";
  for (std::size_t i = 0; i < options.size(); ++i) {
    const bool last = i + 1 == options.size();
    if (i > 0) {
      en += last ? " or " : ", ";
      zh += last ? "或" : "、";
    }
    en += en_quote(options[i]);
    zh += zh_quote(options[i]);
  }
  return {en + "?", zh + "？"};
}

// --------------------------------------------------------------- checks --

std::optional<QuantityError> invalid_utf8(const Text& t) {
  std::vector<utf8::InvalidSequence> invalid;
  utf8::repair(t.all, invalid);
  if (invalid.empty()) return std::nullopt;
  const std::size_t offset = invalid.front().offset;
  const std::string byte = std::to_string(offset);
  return error_at(t, t.begin() + offset, cat({"invalid UTF-8 at byte ", byte}), cat({"第 ", byte, " 字节处的 UTF-8 编码无效"}));
}

// "inf", "-Infinity", "NaN": words X3's double_ would take, refused by name.
std::optional<QuantityError> non_finite_word(const Text& t, const char* start) {
  const char* p = start;
  x3::parse(p, t.end(), sign);
  std::string lower;
  for (; p != t.end() && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')); ++p) {
    lower += static_cast<char>(*p | 0x20);
  }
  if (lower != "inf" && lower != "infinity" && lower != "nan") return std::nullopt;
  const std::string_view word(start, static_cast<std::size_t>(p - start));
  return error_at(t, start, en_quote(word) + " is not a finite number", zh_quote(word) + "不是有限数值");
}

// "５００" → "500": the number as it should have been typed, from `start`.
std::string ascii_number(const char* start, const char* end) {
  const std::string_view rest(start, static_cast<std::size_t>(end - start));
  std::string out;
  for (std::size_t pos = 0; pos < rest.size();) {
    const char32_t cp = utf8::next(rest, pos);
    if (cp >= U'０' && cp <= U'９') out += static_cast<char>('0' + (cp - U'０'));
    else if (cp == U'．') out += '.';
    else if ((cp >= U'0' && cp <= U'9') || cp == U'.' || ((cp == U'-' || cp == U'+') && out.empty())) out += static_cast<char>(cp);
    else break;
  }
  return out;
}

QuantityError full_width_error(const Text& t, const char* number_start, const char* where) {
  const std::string fixed = ascii_number(number_start, t.end());
  return error_at(t, where, cat({"full-width digits are not accepted: write ", fixed}), cat({"不接受全角数字：请写作 ", fixed}));
}

// "1,000" → "1000", from `start` through every digit group.
std::string without_separators(const char* start, const char* end) {
  std::string out;
  for (const char* p = start; p != end;) {
    if (std::string_view(p, static_cast<std::size_t>(end - p)).starts_with("，")) {
      p += std::string_view("，").size();
    } else if (is_ascii_digit(*p) || *p == '.' || *p == '+' || *p == '-' || *p == ',') {
      if (*p != ',') out += *p;
      ++p;
    } else {
      break;
    }
  }
  return out;
}

// A comma (ASCII or full-width) between digits after the number.
bool separator_at(const char* p, const char* end) {
  const std::string_view rest(p, static_cast<std::size_t>(end - p));
  std::size_t width = 0;
  if (rest.starts_with(",")) width = 1;
  else if (rest.starts_with("，")) width = std::string_view("，").size();
  return width > 0 && width < rest.size() && is_ascii_digit(rest[width]);
}

// What X3's number stopped at, when that is a known mistake.
std::optional<QuantityError> problem_after_number(const Text& t, const char* start, const char* p) {
  if (separator_at(p, t.end())) {
    const std::string fixed = without_separators(start, t.end());
    return error_at(t, p, cat({"thousands separators are not accepted: write ", fixed}),
                    cat({"不接受千位分隔符：请写作 ", fixed}));
  }
  if (is_full_width_digit(code_point_at(p, t.end()))) return full_width_error(t, start, p);
  if (p != t.end() && *p == '.' && (p + 1 == t.end() || !is_ascii_digit(p[1]))) {
    return error_at(t, p, "a decimal point must be followed by digits", "小数点后应有数字");
  }
  return std::nullopt;
}

// For an out-of-range number: is it huge (else too close to zero)? Judged by
// the place of its first significant digit plus its exponent.
bool is_huge(std::string_view number) {
  const std::size_t e_pos = number.find_first_of("eE");
  const std::string_view mantissa = number.substr(0, e_pos);
  long long exponent = 0;
  if (e_pos != std::string_view::npos) {
    for (const char c : number.substr(e_pos + 1)) {
      if (is_ascii_digit(c) && exponent < 1'000'000) exponent = exponent * 10 + (c - '0');
    }
    if (number.find('-', e_pos) != std::string_view::npos) exponent = -exponent;
  }
  const std::size_t point = std::min(mantissa.find('.'), mantissa.size());
  for (std::size_t i = 0; i < mantissa.size(); ++i) {
    if (mantissa[i] < '1' || mantissa[i] > '9') continue;
    const long long place = i < point ? static_cast<long long>(point - i - 1) : -static_cast<long long>(i - point);
    return place + exponent > 0;
  }
  return false;
}

QuantityError out_of_range(const Text& t, const char* start, std::string_view number) {
  if (is_huge(number)) {
    return error_at(t, start, cat({"the number ", en_quote(number), " is too large: it is not a finite number"}),
                    cat({"数值", zh_quote(number), "过大，不是有限数值"}));
  }
  return error_at(t, start, cat({"the number ", en_quote(number), " is too small to represent"}),
                  cat({"数值", zh_quote(number), "过小，无法表示"}));
}

// ---------------------------------------------------------------- number --

struct NumberPart {
  double value;
  std::string_view text;
  const char* end;
};

// Correctly rounded, unlike x3::double_, which can be off in the last bit;
// X3 has already checked the syntax, so only the range can fail here.
std::optional<double> to_double(std::string_view number) {
  if (number.starts_with('+')) number.remove_prefix(1);  // from_chars takes no '+'
  double value = 0.0;
  const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (ec != std::errc{} || ptr != number.data() + number.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

Expected<NumberPart, QuantityError> read_number(const Text& t, const char* start) {
  using Result = Expected<NumberPart, QuantityError>;
  if (auto e = non_finite_word(t, start)) return Result::failure(*e);
  const char* digits_start = start;
  x3::parse(digits_start, t.end(), sign);
  if (is_full_width_digit(code_point_at(digits_start, t.end()))) return Result::failure(full_width_error(t, start, digits_start));

  const char* p = start;
  if (!x3::parse(p, t.end(), number_syntax)) {
    const std::string_view found = run_at(start, t.end(), false);
    return Result::failure(error_at(t, start, cat({"expected a number, found ", en_quote(found)}),
                                    cat({"此处应为数值，却是", zh_quote(found)})));
  }
  if (auto e = problem_after_number(t, start, p)) return Result::failure(*e);
  const std::string_view text(start, static_cast<std::size_t>(p - start));
  const std::optional<double> value = to_double(text);
  if (!value) return Result::failure(out_of_range(t, start, text));
  return NumberPart{*value, text, p};
}

// ------------------------------------------------------------------ unit --

enum class Subject { quantity, unit };

struct UnitPart {
  Unit unit;
  const char* end;
};

/// "万吨年" → "万吨/年", "吨年" → "吨/年", "kgh" → "kg/h": a word that is two
/// units (the first with an optional multiplier) written without the `/`.
std::optional<std::string> split_rate(const Lexicon& lex, std::string_view term) {
  const auto unit_of = [&](std::string_view part, bool multiplier) -> const quantity::AtomicUnit* {
    if (const quantity::AtomicUnit* u = quantity::find_atomic_unit(part, lex.declared_atoms)) return u;
    if (!multiplier) return nullptr;
    for (const quantity::Multiplier& m : quantity::multipliers()) {
      if (part.starts_with(m.symbol) && part.size() > m.symbol.size()) {
        if (const auto* u = quantity::find_atomic_unit(part.substr(m.symbol.size()), lex.declared_atoms)) return u;
      }
    }
    return nullptr;
  };
  for (std::size_t cut = 1; cut < term.size(); ++cut) {
    if ((static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) continue;  // inside a character
    const std::string_view head = term.substr(0, cut);
    const std::string_view tail = term.substr(cut);
    const quantity::AtomicUnit* a = unit_of(head, true);
    const quantity::AtomicUnit* b = unit_of(tail, false);
    // Of two dimensions: "tt" is a misspelt t, not t/t.
    if (a && b && !(a->dimension == b->dimension)) return std::string(head) + "/" + std::string(tail);
  }
  return std::nullopt;
}

QuantityError unknown_unit(const Lexicon& lex, const Text& t, const char* unit_start, const char* term_start) {
  const std::string_view term = run_at(term_start, t.end(), true);
  const std::string_view whole = run_at(unit_start, t.end(), false);
  std::string en = cat({"unknown unit ", en_quote(term)});
  std::string zh = cat({"未知单位", zh_quote(term)});
  if (whole != term) {
    en = cat({en, " in ", en_quote(whole)});
    zh = cat({zh_quote(whole), "中的", zh});
  }
  // 万吨年: two units run together, as a rate is said aloud — 万吨/年.
  QuantityError e;
  if (const auto rate = split_rate(lex, term)) {
    e = error_at(t, term_start, cat({en, "; did you mean ", en_quote(*rate), " (a rate: `/` between the units)?"}),
                 cat({zh, "；是否应为", zh_quote(*rate), "（比率：单位之间加“/”）？"}));
  } else {
    const LocalizedText hint = did_you_mean(quantity::similar_units(term, lex.declared_atoms));
    e = error_at(t, term_start, en + hint.en, zh + hint.zh);
  }
  e.unknown_unit = true;
  return e;
}

// "t / a" → "t/a": the unit with the spaces around its slashes removed.
std::string without_inner_spaces(const char* p, const char* end) {
  std::string out;
  while (p != end) {
    if (!at_ws(p, end)) {
      out += *p++;
      continue;
    }
    const char* next = skip_ws(p, end);
    const bool joins_slash = (!out.empty() && out.back() == '/') || (next != end && *next == '/');
    if (!joins_slash) break;
    p = next;
  }
  return out;
}

QuantityError spaces_in_unit(const Text& t, const char* unit_start, const char* space) {
  const std::string fixed = without_inner_spaces(unit_start, t.end());
  return error_at(t, space, cat({"spaces are not allowed inside a unit: write ", en_quote(fixed)}),
                  cat({"单位内不能有空格：请写作", zh_quote(fixed)}));
}

// X3 read the unit up to a '/' it could not go past: say what follows it.
QuantityError after_slash(const Lexicon& lex, const Text& t, const char* unit_start, const char* slash) {
  const char* next = slash + 1;
  if (next != t.end() && at_ws(next, t.end())) return spaces_in_unit(t, unit_start, next);
  if (next == t.end() || *next == '/') return error_at(t, next, "expected a unit after `/`", "“/”后应为单位");
  return unknown_unit(lex, t, unit_start, next);
}

Expected<UnitPart, QuantityError> read_unit(const Lexicon& lex, const Text& t, const char* start) {
  using Result = Expected<UnitPart, QuantityError>;
  UnitValue value;
  const char* p = start;
  if (!x3::parse(p, t.end(), lex.parser, value)) {
    if (*start == '/') return Result::failure(error_at(t, start, "expected a unit before `/`", "“/”前应为单位"));
    return Result::failure(unknown_unit(lex, t, start, start));
  }
  if (p != t.end() && *p == '/') return Result::failure(after_slash(lex, t, start, p));
  if (const char* next = skip_ws(p, t.end()); next != p && next != t.end() && *next == '/') {
    return Result::failure(spaces_in_unit(t, start, p));
  }
  if (value.terms > kMaxUnitTerms) {
    const std::string most = std::to_string(kMaxUnitTerms);
    return Result::failure(error_at(t, start, cat({"a unit may have at most ", most, " parts separated by `/`"}),
                                    cat({"单位最多由 ", most, " 个以“/”分隔的部分组成"})));
  }
  const std::string_view text(start, static_cast<std::size_t>(p - start));
  return UnitPart{Unit{std::string(text), value.factor, value.dimension}, p};
}

QuantityError trailing_text(const Text& t, const char* p, Subject subject) {
  const std::string_view rest(p, static_cast<std::size_t>(t.end() - p));
  const bool q = subject == Subject::quantity;
  return error_at(t, p, cat({"unexpected text after the ", q ? "quantity: " : "unit: ", en_quote(rest)}),
                  cat({q ? "数量" : "单位", "后有多余的内容：", zh_quote(rest)}));
}

// ws* [unit] ws* end. Without a unit the result is a plain number's Unit.
Expected<Unit, QuantityError> read_unit_to_end(const Lexicon& lex, const Text& t, const char* p, Subject subject) {
  using Result = Expected<Unit, QuantityError>;
  p = skip_ws(p, t.end());
  if (p == t.end()) {
    if (subject == Subject::quantity) return Unit{};
    return Result::failure(error_at(t, p, "empty unit: expected a unit such as `t/a`", "单位为空：应为单位，例如“t/a”"));
  }
  // "5 5" or "5 000": a second number is not a unit.
  if (subject == Subject::quantity && is_ascii_digit(*p)) return Result::failure(trailing_text(t, p, subject));
  auto unit = read_unit(lex, t, p);
  if (!unit) return Result::failure(unit.error());
  const char* rest = skip_ws(unit->end, t.end());
  if (rest != t.end()) return Result::failure(trailing_text(t, rest, subject));
  return unit->unit;
}

// ------------------------------------------------------------- quantity --

QuantityError internal_error() {
  return {0, {"internal error while reading a quantity", "读取数量时发生内部错误"}};
}

Expected<Quantity, QuantityError> read_quantity(const Lexicon& lex, std::string_view input) {
  using Result = Expected<Quantity, QuantityError>;
  const Text t{input};
  if (auto e = invalid_utf8(t)) return Result::failure(*e);
  const char* start = skip_ws(t.begin(), t.end());
  if (start == t.end()) {
    return Result::failure(error_at(t, t.begin(), "empty quantity: expected a number such as `30万t/a`",
                                    "数量为空：应为数值，例如“30万t/a”"));
  }
  auto number = read_number(t, start);
  if (!number) return Result::failure(number.error());

  // A multiplier glued to the number belongs to it ("30万t/a") unless the rest
  // then fails to read while "multiplier + rest" is a unit ("5千克标准煤").
  Multiplier multiplier{"", 1.0};
  const char* after_multiplier = number->end;
  const bool has_multiplier = x3::parse(after_multiplier, t.end(), lex.tables.multipliers, multiplier);
  auto unit = read_unit_to_end(lex, t, after_multiplier, Subject::quantity);
  const bool glued = after_multiplier != t.end() && !at_ws(after_multiplier, t.end());
  if (!unit && has_multiplier && glued) {
    multiplier = Multiplier{"", 1.0};
    unit = read_unit_to_end(lex, t, number->end, Subject::quantity);
  }
  if (!unit) return Result::failure(unit.error());

  const double value = number->value * multiplier.factor * unit->factor;
  if (!std::isfinite(value) || (value == 0.0 && number->value != 0.0)) {
    const std::string_view written = run_at(start, t.end(), false);
    return Result::failure(error_at(t, start, cat({"the quantity ", en_quote(written), " is out of range"}),
                                    cat({"数量", zh_quote(written), "超出可表示的范围"})));
  }
  return Quantity{number->value, std::string(number->text), std::string(multiplier.symbol), unit.value(), value};
}

Expected<Unit, QuantityError> read_unit_alone(const Lexicon& lex, std::string_view input) {
  const Text t{input};
  if (auto e = invalid_utf8(t)) return Expected<Unit, QuantityError>::failure(*e);
  return read_unit_to_end(lex, t, t.begin(), Subject::unit);
}

// Why a declared unit cannot join the built-in ones, or nothing.
std::optional<LocalizedText> refuse_definition(const UnitDefinition& d, std::unordered_set<std::string_view>& seen) {
  const std::string_view s = d.symbol;
  const std::string q_en = en_quote(s);
  const std::string q_zh = zh_quote(s);
  std::vector<utf8::InvalidSequence> invalid;
  utf8::repair(s, invalid);
  const bool one_word = !s.empty() && invalid.empty() && s.find_first_of(" \t/") == std::string_view::npos &&
                        s.find("\u3000") == std::string_view::npos && !is_ascii_digit(s.front()) &&
                        s.front() != '.' && s.front() != '+' && s.front() != '-';
  if (!one_word) return LocalizedText{cat({q_en, " is not a unit word"}), cat({q_zh, "不是单位名称"})};
  for (const Multiplier& m : quantity::multipliers()) {
    if (m.symbol == s) return LocalizedText{cat({q_en, " is a multiplier"}), cat({q_zh, "是倍数词"})};
  }
  if (quantity::is_built_in_word(s)) return LocalizedText{cat({q_en, " is a built-in unit"}), cat({q_zh, "是内置单位"})};
  if (!seen.insert(s).second) return LocalizedText{cat({q_en, " is declared twice"}), cat({q_zh, "重复声明"})};
  if (!quantity::exponents_within_limit(d.dimension)) {
    return LocalizedText{cat({q_en, " has a dimension exponent out of range"}), cat({q_zh, "的量纲指数超出范围"})};
  }
  if (!std::isfinite(d.factor) || d.factor <= 0.0) {
    return LocalizedText{cat({q_en, " must be worth a positive finite amount"}), cat({q_zh, "的换算值须为有限正数"})};
  }
  return std::nullopt;
}

// How a unit is named in a conversion error: "`t/a` (mass rate)".
LocalizedText describe(const Unit& u) {
  const LocalizedText dim = u.dimension.name();
  if (u.text.empty()) return {cat({"a plain number (", dim.en, ")"}), cat({"纯数值（", dim.zh, "）"})};
  return {cat({en_quote(u.text), " (", dim.en, ")"}), cat({zh_quote(u.text), "（", dim.zh, "）"})};
}

}  // namespace

std::string quantity::pending_text(const Quantity& q) { return q.number_text + q.multiplier + " " + q.unit.text; }

// Any unit the built-in atoms and multipliers read: `万` (a multiplier alone
// is a unit term), `t`, and `万吨` (万 × 吨).
bool quantity::is_built_in_word(std::string_view word) {
  try {
    return read_unit_alone(*builtin_lexicon(), word).has_value();
  } catch (...) {
    return true;  // unreadable here: not a name to give a unit
  }
}

bool quantity::exponents_within_limit(const Dimension& d) {
  for (std::size_t b = 0; b < kBaseDimensionCount; ++b) {
    const int e = d.exponent(static_cast<BaseDimension>(b));
    if (e > kMaxDeclaredExponent || e < -kMaxDeclaredExponent) return false;
  }
  return true;
}

std::optional<quantity::NumberAndUnitText> quantity::split_number_and_unit(std::string_view text) {
  try {
    const Text t{text};
    if (invalid_utf8(t)) return std::nullopt;
    const auto number = read_number(t, skip_ws(t.begin(), t.end()));
    if (!number) return std::nullopt;
    Multiplier multiplier{"", 1.0};
    const char* after_multiplier = number->end;
    if (!x3::parse(after_multiplier, t.end(), builtin_lexicon()->tables.multipliers, multiplier) ||
        skip_ws(after_multiplier, t.end()) == t.end()) {
      multiplier = Multiplier{"", 1.0};
      after_multiplier = number->end;
    }
    const char* unit_start = skip_ws(after_multiplier, t.end());
    const char* unit_end = t.end();
    while (unit_end != unit_start && (unit_end[-1] == ' ' || unit_end[-1] == '\t')) --unit_end;
    if (unit_start == unit_end) return std::nullopt;
    return NumberAndUnitText{std::string(number->text), number->value, std::string(multiplier.symbol),
                             std::string(unit_start, static_cast<std::size_t>(unit_end - unit_start))};
  } catch (...) {
    return std::nullopt;
  }
}

UnitSet::UnitSet() : lexicon_(builtin_lexicon()) {}

Expected<UnitSet, LocalizedText> UnitSet::with(std::vector<UnitDefinition> declared) {
  if (declared.empty()) return UnitSet{};
  try {
    std::unordered_set<std::string_view> seen;
    for (const UnitDefinition& d : declared) {
      if (auto problem = refuse_definition(d, seen)) return Expected<UnitSet, LocalizedText>::failure(*problem);
    }
    return UnitSet(std::make_shared<const Lexicon>(std::move(declared)));
  } catch (...) {
    return Expected<UnitSet, LocalizedText>::failure(internal_error().message);
  }
}

const std::vector<UnitDefinition>& UnitSet::declared() const { return lexicon_->declared; }

namespace {

// bad_alloc, or anything X3 might throw: never escapes a parse.
template <class Read>
auto never_throwing(Read read) -> decltype(read()) {
  try {
    return read();
  } catch (...) {
    return decltype(read())::failure(internal_error());
  }
}

}  // namespace

Expected<Quantity, QuantityError> parse_quantity(std::string_view text) {
  return never_throwing([&] { return read_quantity(*builtin_lexicon(), text); });
}

Expected<Quantity, QuantityError> parse_quantity(std::string_view text, const UnitSet& units) {
  return never_throwing([&] { return read_quantity(units.lexicon(), text); });
}

Expected<Unit, QuantityError> parse_unit(std::string_view text) {
  return never_throwing([&] { return read_unit_alone(*builtin_lexicon(), text); });
}

Expected<Unit, QuantityError> parse_unit(std::string_view text, const UnitSet& units) {
  return never_throwing([&] { return read_unit_alone(units.lexicon(), text); });
}

Expected<double, QuantityError> convert(double value, const Unit& from, const Unit& to) {
  using Result = Expected<double, QuantityError>;
  try {
    if (from.dimension != to.dimension) {
      const LocalizedText a = describe(from);
      const LocalizedText b = describe(to);
      return Result::failure({0, {cat({"cannot convert ", a.en, " to ", b.en, ": the dimensions differ"}),
                                  cat({"无法将", a.zh, "换算为", b.zh, "：量纲不同"})}});
    }
    const double result = value * from.factor / to.factor;
    if (!std::isfinite(result)) {
      return Result::failure({0, {"the converted value is not a finite number", "换算结果不是有限数值"}});
    }
    return result;
  } catch (...) {
    return Result::failure(internal_error());
  }
}

}  // namespace zhunru
