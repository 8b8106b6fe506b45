#include "format/formatter.hpp"

#include "base/utf8.hpp"
#include "format/printer.hpp"

namespace zhunru::format {
namespace {

using ast::Keyword;

constexpr std::size_t kIndent = 2;
constexpr std::size_t kContinuation = 4;

struct Line {
  std::size_t extra_indent;  // beyond the statement's own indent
  std::string text;
};

class Formatter {
 public:
  Formatter(const ast::File& file, const FormatOptions& options)
      : file_(file), options_(options), print_(file, options.lang) {}

  std::string run() {
    for (std::size_t i = 0; i < file_.items.size(); ++i) {
      const ast::Item& item = file_.items[i];
      const bool tier = std::holds_alternative<ast::TierBlock>(item);
      // Tier blocks always stand apart from what precedes them.
      if (tier && i > 0) force_blank_ = true;
      std::visit([this](const auto& it) { this->item(it); }, item);
    }
    flush_comments_before(Position{UINT32_MAX, UINT32_MAX}, 0);
    return std::move(out_);
  }

 private:
  // ---- output with comments ------------------------------------------------------
  void blank_line_if_needed(std::uint32_t next_line) {
    const bool author_blank = last_line_ != 0 && next_line > last_line_ + 1;
    const bool already_blank = out_.ends_with("\n\n");
    if (!out_.empty() && (force_blank_ || author_blank) && !at_block_start_ && !already_blank) out_ += '\n';
    force_blank_ = false;
  }

  void emit_line(std::size_t indent, const std::string& text) {
    out_.append(indent, ' ');
    out_ += text;
    out_ += '\n';
    at_block_start_ = false;
  }

  // Own-line comments that begin before `pos`, at `indent`.
  void flush_comments_before(Position pos, std::size_t indent) {
    while (next_comment_ < file_.comments.size() && file_.comments[next_comment_].span.begin < pos) {
      const ast::Comment& c = file_.comments[next_comment_++];
      blank_line_if_needed(c.span.begin.line);
      emit_line(indent, c.text);
      last_line_ = c.span.end.line;
    }
  }

  // A comment on the statement's last line, after it, goes on the same line.
  void attach_trailing_comment(const Span& statement) {
    if (next_comment_ >= file_.comments.size()) return;
    const ast::Comment& c = file_.comments[next_comment_];
    if (c.span.begin.line != statement.end.line || c.span.begin < statement.end) return;
    out_.pop_back();  // the newline
    out_ += "  " + c.text + '\n';
    ++next_comment_;
  }

  // Writes a statement (one or more lines) that spans `span` in the source.
  void statement(const Span& span, std::size_t indent, const std::vector<Line>& lines) {
    flush_comments_before(span.begin, indent);
    blank_line_if_needed(span.begin.line);
    flush_comments_before(span.end, indent);  // comments inside the statement go before it
    for (const Line& line : lines) emit_line(indent + line.extra_indent, line.text);
    last_line_ = span.end.line;
    attach_trailing_comment(span);
  }

  void statement(const Span& span, std::size_t indent, const std::string& line) { statement(span, indent, {{0, line}}); }

  void open_block(const Span& header, std::size_t indent, const std::string& text) {
    statement(header, indent, text + " {");
    at_block_start_ = true;
  }

  void close_block(const Span& block, std::size_t indent) {
    flush_comments_before(block.end, indent + kIndent);
    emit_line(indent, "}");
    last_line_ = block.end.line;
    attach_trailing_comment(block);
  }

  [[nodiscard]] bool fits(std::size_t indent, const std::string& text) const {
    return indent + utf8::display_width(text) <= options_.max_width;
  }

  // ---- declarations ------------------------------------------------------------------
  std::string kw(Keyword k) const { return print_.keyword(k); }

  void item(const ast::RulesetDecl& d) {
    std::string line = kw(Keyword::ruleset) + " " + Printer::string_literal(d.title.value);
    if (d.version) line += " " + kw(Keyword::version) + " " + Printer::string_literal(d.version->value);
    if (d.effective) line += " " + print_.effectivity(*d.effective);
    statement(d.span, 0, line + ";");
  }

  void item(const ast::FactDecl& d) {
    const std::string label = d.label ? " " + Printer::string_literal(d.label->value) : "";
    const std::string head = kw(Keyword::fact) + " " + d.name.text + " : ";
    const std::string one_line = head + print_.fact_type(d.type) + label + ";";
    if (d.type.kind != ast::FactTypeKind::one_of || fits(0, one_line)) {
      statement(d.span, 0, one_line);
      return;
    }
    statement(d.span, 0, enum_lines(head + kw(d.type.many ? Keyword::set_of : Keyword::one_of) + " {", d.type.values,
                                    "}" + label + ";"));
  }

  /// A long enumeration: `open`, one value per line, `close`.
  std::vector<Line> enum_lines(const std::string& open, const std::vector<ast::EnumValue>& values,
                               const std::string& close) const {
    std::vector<Line> lines{{0, open}};
    for (const ast::EnumValue& v : values) lines.push_back({kIndent, print_.enum_value(v) + ","});
    lines.push_back({0, close});
    return lines;
  }

  void item(const ast::GeometryDecl& d) {
    const std::string label = d.label ? " " + Printer::string_literal(d.label->value) : "";
    statement(d.span, 0, kw(Keyword::geometry) + " " + d.name.text + label + ";");
  }

  void item(const ast::EnumDecl& d) {
    const std::string label = d.label ? " " + Printer::string_literal(d.label->value) : "";
    const std::string period = d.effective ? " " + print_.effectivity(*d.effective) : "";
    const std::string head = kw(Keyword::enumeration) + " " + d.name.text + label + period + " = " +
                             (d.one_of ? kw(Keyword::one_of) + " " : std::string());
    const std::string one_line = head + "{ " + print_.enum_values(d.values) + " };";
    if (fits(0, one_line)) {
      statement(d.span, 0, one_line);
      return;
    }
    statement(d.span, 0, enum_lines(head + "{", d.values, "};"));
  }

  void item(const ast::KindDecl& d) {
    const std::string label = d.label ? " " + Printer::string_literal(d.label->value) : "";
    const std::string period = d.effective ? " " + print_.effectivity(*d.effective) : "";
    std::vector<Line> lines =
        condition_lines(kw(Keyword::kind) + " " + d.name.text + label + period + " = ", d.condition, 0, 0);
    lines.back().text += ";";
    statement(d.span, 0, lines);
  }

  // `PREFIX condition`, on one line if it fits; otherwise broken before each
  // top-level `and`/`or`, the way an author lays out a long condition.
  std::vector<Line> condition_lines(const std::string& prefix, ast::ExprId e, std::size_t indent,
                                    std::size_t first_extra) {
    const std::string one_line = prefix + print_.expr(e);
    const ast::Expr& expr = file_.expr(e);
    const auto* logic = std::get_if<ast::LogicExpr>(&expr.node);
    if (fits(indent + first_extra, one_line + ";") || logic == nullptr || expr.parenthesized) {
      return {{first_extra, one_line}};
    }
    const std::string op = kw(logic->op == ast::LogicOp::logical_and ? Keyword::and_ : Keyword::or_) + " ";
    std::vector<Line> lines{{first_extra, prefix + print_.expr(logic->operands[0])}};
    for (std::size_t i = 1; i < logic->operands.size(); ++i) {
      lines.push_back({first_extra + kContinuation, op + print_.expr(logic->operands[i])});
    }
    return lines;
  }

  void item(const ast::LayerDecl& d) {
    const std::string label = d.label ? " " + Printer::string_literal(d.label->value) : "";
    if (d.filter) {
      statement(d.span, 0,
                kw(Keyword::layer) + " " + d.name.text + label + " = " + d.of.front().text + " " + kw(Keyword::where) +
                    " " + print_.expr(*d.filter) + ";");
      return;
    }
    if (!d.of.empty()) {
      std::string operands;
      for (const ast::Name& n : d.of) operands += (operands.empty() ? "" : " " + kw(Keyword::and_) + " ") + n.text;
      statement(d.span, 0, kw(Keyword::layer) + " " + d.name.text + label + " = " + operands + ";");
      return;
    }
    statement(d.span, 0,
              kw(Keyword::layer) + " " + d.name.text + label + " " + kw(Keyword::from) + " " +
                  Printer::string_literal(d.path.value) + repair(d.repair) + ";");
  }

  std::string repair(bool on) const { return on ? " " + kw(Keyword::repair) : ""; }

  void item(const ast::TableDecl& d) {
    std::string line = kw(Keyword::table) + " " + d.name.text + (d.label ? " " + Printer::string_literal(d.label->value) : "");
    if (d.filter) {
      line += " = " + d.of->text + " " + kw(Keyword::where) + " " + print_.expr(*d.filter);
    } else {
      line += " " + kw(Keyword::from) + " " + Printer::string_literal(d.path.value) + " " + kw(Keyword::column) + " " +
              Printer::string_literal(d.column.value);
      if (d.numbers) {
        line += " " + kw(d.numbers->unit ? Keyword::quantity_type : Keyword::number_type) + " " +
                Printer::string_literal(d.numbers->column.value) + (d.numbers->unit ? " " + d.numbers->unit->text : "");
      }
    }
    if (d.effective) line += " " + print_.effectivity(*d.effective);
    statement(d.span, 0, line + ";");
  }

  void item(const ast::UnitDecl& d) {
    const std::string label = d.label ? " " + Printer::string_literal(d.label->value) : "";
    const std::string divisor = d.divisor ? " / " + Printer::quantity(d.divisor->quantity) : "";
    statement(d.span, 0, kw(Keyword::unit_measure) + " " + d.name.text + label + " = " +
                             Printer::quantity(d.amount.quantity) + divisor + ";");
  }

  void item(const ast::UnitsDecl& d) {
    statement(d.span, 0, kw(Keyword::units) + " " + kw(Keyword::from) + " " + Printer::string_literal(d.path.value) +
                             repair(d.repair) + ";");
  }

  void item(const ast::TierBlock& t) {
    std::string header = print_.tier(t.level);
    if (!t.code.text.empty()) header += " " + t.code.text;
    Span header_span{t.span.file, t.span.begin, t.code.span.end};
    if (t.name) {
      header += " " + Printer::string_literal(t.name->value);
      header_span.end = t.name->span.end;
    }
    open_block(header_span, 0, header);
    for (const ast::Section& s : t.sections) section(s);
    close_block(t.span, 0);
  }

  void section(const ast::Section& s) {
    open_block(s.header_span, kIndent, print_.dimension(s.dimension));
    for (const ast::Rule& r : s.rules) rule(r, 2 * kIndent);
    close_block(s.span, kIndent);
  }

  // ---- rules -------------------------------------------------------------------------
  void rule(const ast::Rule& r, std::size_t indent) {
    std::string head = r.id ? r.id->text + ": " : "";
    head += r.limit ? print_.limit_head(*r.limit) : print_.form(r.form);
    head += " " + print_.subject(r.subject);
    std::vector<Line> lines{{0, head}};
    if (!r.scope.empty()) {
      const std::string scope = print_.scope(r.scope);
      if (fits(indent, head + " " + scope)) {
        lines[0].text += " " + scope;
      } else {
        lines.push_back({kContinuation, scope});
      }
    }
    auto clause = [&](Keyword k, const std::optional<ast::ExprId>& e) {
      if (!e) return;
      const std::string text = kw(k) + " " + print_.expr(*e);
      if (lines.size() == 1 && fits(indent, lines[0].text + " " + text + ";")) {
        lines[0].text += " " + text;
        return;
      }
      for (Line& line : condition_lines(kw(k) + " ", *e, indent, kContinuation)) lines.push_back(std::move(line));
    };
    clause(Keyword::to_have, r.requirement);
    clause(Keyword::where, r.where);
    clause(Keyword::unless, r.unless);

    const ast::Metadata& m = r.metadata;
    if (m.restates) lines.push_back({kContinuation, kw(Keyword::restates) + " " + m.restates->text});
    if (m.because) lines.push_back({kContinuation, kw(Keyword::because) + " " + Printer::string_literal(m.because->value)});
    for (const ast::StringLit& c : m.cites) {
      lines.push_back({kContinuation, kw(Keyword::cite) + " " + Printer::string_literal(c.value)});
    }
    for (const ast::StringLit& c : m.quotes) {
      lines.push_back({kContinuation, kw(Keyword::quote) + " " + Printer::string_literal(c.value)});
    }
    if (m.weight) lines.push_back({kContinuation, kw(Keyword::weight) + " " + m.weight->text});
    if (m.effective) lines.push_back({kContinuation, print_.effectivity(*m.effective)});
    lines.back().text += ";";
    statement(r.span, indent, lines);
  }

  const ast::File& file_;
  const FormatOptions& options_;
  Printer print_;
  std::string out_;
  std::size_t next_comment_ = 0;
  std::uint32_t last_line_ = 0;    // last source line written
  bool force_blank_ = false;
  bool at_block_start_ = false;
};

}  // namespace

std::string format(const ast::File& file, const FormatOptions& options) { return Formatter(file, options).run(); }

}  // namespace zhunru::format
