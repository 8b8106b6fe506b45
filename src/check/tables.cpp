// Reference tables (`table hazardous "危险化学品目录" from "tables/hc.csv"
// column "CAS号";`, `table eliminated = catalogue where class = "淘汰类";`):
// each file read as CSV (RFC 4180, UTF-8, a header row), filtered by its
// test, and its column's distinct values kept for the rules that look facts
// up in it. Every problem names the file, and the row or column.
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "base/csv_row.hpp"
#include "base/edit_distance.hpp"
#include "base/utf8.hpp"
#include "check/layer_filter.hpp"
#include "check/passes.hpp"
#include "format/printer.hpp"
#include "zhunru/quantity.hpp"

namespace zhunru::check {
namespace {

/// A table's rows, as read (the header apart), and where they came from.
struct Rows {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::string file;  // for messages
  bool ok = false;
};

// A table holds at most this many rows, and a row this many bytes: a
// catalogue has thousands of rows, a chemicals list tens of thousands.
constexpr std::size_t kMaxRows = 1'000'000;
constexpr std::size_t kMaxRowBytes = std::size_t{1} << 20;
// A table of numbers holds at most this many keys: a lookup is compiled into
// one condition per key (check/lookups.cpp). Benchmark and factor lists have
// hundreds.
constexpr std::size_t kMaxNumberKeys = 10'000;

/// The bytes of a table's file, as read_csv_row() takes them.
class ByteView {
 public:
  explicit ByteView(std::string_view bytes) : bytes_(bytes) {}
  int get() { return at_ < bytes_.size() ? static_cast<unsigned char>(bytes_[at_++]) : -1; }
  int peek() const { return at_ < bytes_.size() ? static_cast<unsigned char>(bytes_[at_]) : -1; }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

/// `column`'s index in `header`, or an error at `span` listing the columns.
std::optional<std::size_t> column_of(Context& ctx, const Rows& t, const std::string& column, const Span& span) {
  const auto it = std::find(t.header.begin(), t.header.end(), column);
  if (it != t.header.end()) return static_cast<std::size_t>(it - t.header.begin());
  std::string all;
  for (const std::string& h : t.header) all += (all.empty() ? "" : ", ") + h;
  const std::vector<std::string_view> candidates(t.header.begin(), t.header.end());
  const auto best = closest_near_miss(column, candidates);
  ctx.error("check.table-column", span,
            {t.file + " has no column " + q(column) + " (its columns: " + all + ")",
             t.file + " 没有列" + qz(column) + "（其列为：" + all + "）"},
            best ? LocalizedText{"did you mean " + q(t.header[*best]) + "?", "是否应为" + qz(t.header[*best]) + "？"}
                 : LocalizedText{});
  return std::nullopt;
}

class TableReading {
 public:
  explicit TableReading(Context& ctx) : ctx_(ctx), rows_(ctx.model.tables.size()) {}

  void run() {
    for (model::TableId t = 0; t < rows_.size(); ++t) {
      if (!decl(t).filter) read_file(t);
    }
    // Filtered tables, in as many rounds as they are built on each other.
    std::vector<bool> done(rows_.size(), false);
    for (model::TableId t = 0; t < rows_.size(); ++t) done[t] = !decl(t).filter;
    for (bool progress = true; progress;) {
      progress = false;
      for (model::TableId t = 0; t < rows_.size(); ++t) {
        if (done[t]) continue;
        const auto of = source_table(t);
        if (of && !done[*of]) continue;
        done[t] = progress = true;
        if (of) filter(t, *of);
      }
    }
    for (model::TableId t = 0; t < rows_.size(); ++t) {
      if (!done[t]) {
        ctx_.error("check.table-cycle", decl(t).of->span,
                   {"table " + q(decl(t).name.text) + " is filtered from a table filtered from it",
                    "名录" + qz(decl(t).name.text) + "筛选自由其自身筛选而来的名录"});
      }
    }
  }

 private:
  const ast::TableDecl& decl(model::TableId t) const { return *ctx_.table_definitions[t].decl; }

  /// The table `t` is filtered from, if it names one (an error otherwise).
  std::optional<model::TableId> source_table(model::TableId t) {
    const ast::Name& of = *decl(t).of;
    const auto s = ctx_.lookup(of.text);
    if (s && s->kind == Symbol::Kind::table && ctx_.table_versions.count(s->index) > 0) {
      ctx_.error("check.table-versions", of.span,
                 {"table " + q(of.text) + " has dated versions: filter one version, declared under a name of its own",
                  "名录" + qz(of.text) + "有多个生效时段的版本：请筛选以独立名称声明的单个版本"});
      return std::nullopt;
    }
    if (s && s->kind == Symbol::Kind::table) return s->index;
    ctx_.error("check.unknown-table", of.span,
               {q(of.text) + " is not a table", qz(of.text) + " 不是名录"}, s ? LocalizedText{} : ctx_.suggest(of.text));
    return std::nullopt;
  }

  void read_file(model::TableId t) {
    const ast::TableDecl& d = decl(t);
    const ast::File& file = *ctx_.table_definitions[t].file;
    if (!ctx_.options.read_table) {
      ctx_.error("check.table-file", d.path.span,
                 {"tables are read only when a ruleset is compiled from its directory",
                  "名录仅在从清单目录编译时读取"});
      return;
    }
    auto read = ctx_.options.read_table(d.path.value, file.path);
    if (!read) {
      ctx_.error("check.table-file", d.path.span, read.error());
      return;
    }
    Rows& out = rows_[t];
    out.file = read->relative;
    if (parse(*read, out, d)) {
      if (const auto key = column_of(ctx_, out, d.column.value, d.column.span)) {
        keep_values(t, *key, out.rows);
        out.ok = !d.numbers || keep_numbers(t, *key, out);
      }
    }
    ctx_.table_files.push_back(std::move(read).value());
  }

  /// The CSV's header and rows; false after reporting what is wrong.
  bool parse(const TableFile& f, Rows& out, const ast::TableDecl& d) {
    ByteView bytes(f.bytes);
    std::vector<std::string> fields;
    bool oversized = false;
    const auto problem = [&](std::size_t row, LocalizedText what) {
      ctx_.error("check.table-file", d.path.span,
                 {f.relative + (row ? ", row " + std::to_string(row) : "") + ": " + what.en,
                  f.relative + (row ? " 第 " + std::to_string(row) + " 行" : "") + "：" + what.zh});
      return false;
    };
    for (std::size_t row = 1; read_csv_row(bytes, fields, kMaxRowBytes, oversized); ++row) {
      if (oversized) return problem(row, {"the row is longer than 1 MiB", "该行超过 1 MiB"});
      if (row > kMaxRows) return problem(0, {"more than 1,000,000 rows", "超过 1,000,000 行"});
      for (std::string& cell : fields) {
        if (utf8::first_invalid(cell)) {
          return problem(row, {"not UTF-8 text (save the file as UTF-8; Excel on a Chinese system writes GBK)",
                               "不是 UTF-8 文本（请将文件另存为 UTF-8；中文系统的 Excel 默认保存为 GBK）"});
        }
        cell = csv_trim(cell);
      }
      if (row == 1) {
        if (!fields.empty() && fields[0].starts_with("\xEF\xBB\xBF")) fields[0] = csv_trim(fields[0].substr(3));  // a BOM
        out.header = fields;
      } else if (!(fields.size() == 1 && fields[0].empty())) {  // blank lines are skipped
        fields.resize(out.header.size());                      // short rows: empty cells
        out.rows.push_back(fields);
      }
    }
    if (out.header.empty()) return problem(0, {"the file is empty: a header row is needed", "文件为空：需要表头行"});
    return true;
  }

  /// The distinct, non-empty values of column `key` in `rows`, sorted.
  void keep_values(model::TableId t, std::size_t key, const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::string>& values = ctx_.table_values[t];
    for (const auto& r : rows) {
      if (key < r.size() && !r[key].empty()) values.push_back(r[key]);
    }
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    ctx_.model.tables[t].values = static_cast<std::uint32_t>(values.size());
    if (values.empty()) {
      const std::string& name = decl(t).name.text;
      ctx_.warning("check.table-empty", decl(t).span,
                   {"table " + q(name) + " holds no value in its column: a rule that looks a fact up in it never holds",
                    "名录" + qz(name) + "的列中没有任何值：以其查询事实的规则永远不成立"});
    }
  }

  /// A table of numbers: each key's number, converted to the canonical unit;
  /// false after reporting a cell that is no number of the table's unit, or
  /// a key given two numbers.
  bool keep_numbers(model::TableId t, std::size_t key, const Rows& in) {
    const ast::TableNumbers& declared = *decl(t).numbers;
    const auto column = column_of(ctx_, in, declared.column.value, declared.column.span);
    if (!column) return false;
    Context::TableNumbers& out = ctx_.table_numbers[t];
    const auto problem = [&](std::size_t r, const LocalizedText& what) {
      ctx_.error("check.table-value", declared.column.span,
                 {in.file + ", row " + std::to_string(r + 2) + ": column " + q(declared.column.value) + " " + what.en,
                  in.file + " 第 " + std::to_string(r + 2) + " 行：列" + qz(declared.column.value) + what.zh});
      return false;
    };
    const double factor =
        declared.unit ? ctx_.unit(*declared.unit, declared.unit_span, declared.unit_pending).factor : 1.0;
    std::unordered_map<std::string, std::size_t> first_row;  // of each key
    for (std::size_t r = 0; r < in.rows.size(); ++r) {
      const std::string& k = in.rows[r][key];
      const std::string& cell = in.rows[r][*column];
      if (k.empty() || cell.empty()) continue;  // a key with no number is not looked up
      const auto quantity = parse_quantity(cell, ctx_.model.unit_set);
      if (!quantity) {
        return problem(r, {"holds \"" + cell + "\", which is not a number: " + quantity.error().message.en,
                           "的值 \"" + cell + "\" 不是数值：" + quantity.error().message.zh});
      }
      double value = quantity->value * factor;
      if (!quantity->unit.text.empty()) {
        if (quantity->dimension() != out.dimension) {
          const std::string unit = declared.unit ? declared.unit->text : "";
          return problem(r, {"holds \"" + cell + "\", which is not " + (unit.empty() ? "a plain number" : "in a unit of " + unit),
                             "的值 \"" + cell + "\" " + (unit.empty() ? "不是无单位的数" : "的单位与 " + unit + " 的量纲不同")});
        }
        value = quantity->value;
      }
      const auto [seen, fresh] = first_row.emplace(k, out.rows.size());
      if (fresh && out.rows.size() == kMaxNumberKeys) {
        // Each lookup becomes one condition per key, evaluated for every project the rule reaches.
        return problem(r, {"gives a 10,001st key a number: a table of numbers holds at most 10,000 keys",
                           "给出了第 10,001 个键的数值：数值名录最多 10,000 个键"});
      }
      if (fresh) {
        out.rows.emplace_back(k, value);
      } else if (out.rows[seen->second].second != value) {
        return problem(r, {"gives " + q(k) + " a second number, " + cell + ": a lookup must find one",
                           "为" + qz(k) + "给出了第二个数值 " + cell + "：查表只能得到一个数"});
      }
    }
    std::sort(out.rows.begin(), out.rows.end());
    keys_with_numbers(t);
    return true;
  }

  /// A table of numbers holds the keys it has a number for: `product in
  /// benchmark` holds exactly when `benchmark[product]` finds one.
  void keys_with_numbers(model::TableId t) {
    std::vector<std::string>& values = ctx_.table_values[t];
    const bool had_keys = !values.empty();  // (a table without any was warned about)
    values.clear();
    for (const auto& row : ctx_.table_numbers[t].rows) values.push_back(row.first);  // sorted, each once
    ctx_.model.tables[t].values = static_cast<std::uint32_t>(values.size());
    if (had_keys && values.empty()) {
      const std::string& name = decl(t).name.text;
      ctx_.warning("check.table-empty", decl(t).span,
                   {"table " + q(name) + " gives no key a number: a comparison with a number looked up in it never holds",
                    "名录" + qz(name) + "没有任何键有数值：与其查得的数值比较永远不成立"});
    }
  }

  void filter(model::TableId t, model::TableId of) {
    const ast::TableDecl& d = decl(t);
    model::Table& table = ctx_.model.tables[t];
    table.of = of;
    table.column = ctx_.model.tables[of].column;
    // The rows of a table in force for a period are in force for it too, unless the test's table says when.
    if (!table.effective_from) {
      table.effective_from = ctx_.model.tables[of].effective_from;
      table.effective_until = ctx_.model.tables[of].effective_until;
    }
    const Rows& source = rows_[of];
    if (!source.ok) return;  // its own problem is reported
    const auto test = layer_filter(ctx_, *ctx_.table_definitions[t].file, *d.filter);
    if (!test) return;
    if (test->names_facts()) {
      ctx_.error("check.table-filter", ctx_.table_definitions[t].file->expr(*d.filter).span,
                 {"a table's test compares its cells with values written in the rule, not with facts",
                  "名录的筛选条件以规则中写明的值比较其单元格，不能与事实比较"});
      return;
    }
    Rows& out = rows_[t];
    out.header = source.header;
    out.file = source.file;
    if (!columns_of(*test, source, ctx_.table_definitions[t].file->expr(*d.filter).span)) return;
    for (std::size_t r = 0; r < source.rows.size(); ++r) {
      const auto pass = passes(source, r, *test);
      if (!pass) {
        ctx_.error("check.table-filter", ctx_.table_definitions[t].file->expr(*d.filter).span, misfit_);
        return;
      }
      if (*pass) out.rows.push_back(source.rows[r]);
    }
    keep_values(t, *column_of(ctx_, source, table.column, d.span), out.rows);
    out.ok = true;
    numbers_of_rows_kept(t, of);
    table.filter_text = format::Printer(*ctx_.table_definitions[t].file, Lang::en).expr(*d.filter);
  }

  /// A table filtered from a table of numbers is one too: the numbers of the keys its rows kept.
  void numbers_of_rows_kept(model::TableId t, model::TableId of) {
    const Context::TableNumbers& source = ctx_.table_numbers[of];
    if (!source.numeric) return;
    Context::TableNumbers& out = ctx_.table_numbers[t];
    out.numeric = true;
    out.dimension = source.dimension;
    ctx_.model.tables[t].number_column = ctx_.model.tables[of].number_column;
    ctx_.model.tables[t].number_unit = ctx_.model.tables[of].number_unit;
    const std::vector<std::string>& kept = ctx_.table_values[t];
    for (const auto& row : source.rows) {
      if (std::binary_search(kept.begin(), kept.end(), row.first)) out.rows.push_back(row);
    }
    keys_with_numbers(t);
  }

  /// Every column the test names exists; false after reporting one that does not.
  bool columns_of(const model::FeatureFilter& f, const Rows& t, const Span& span) {
    if (f.kind != model::FeatureFilter::Kind::test) {
      return std::all_of(f.operands.begin(), f.operands.end(), [&](const auto& o) { return columns_of(o, t, span); });
    }
    return column_of(ctx_, t, f.property, span).has_value();
  }

  /// Whether row `r` passes; nullopt (with misfit_ set) when a cell cannot
  /// be compared as the test asks (a number expected).
  std::optional<bool> passes(const Rows& t, std::size_t r, const model::FeatureFilter& f) {
    switch (f.kind) {
      case model::FeatureFilter::Kind::negate: {
        const auto inner = passes(t, r, f.operands.front());
        return inner ? std::optional(!*inner) : std::nullopt;
      }
      case model::FeatureFilter::Kind::all:
      case model::FeatureFilter::Kind::any: {
        const bool all = f.kind == model::FeatureFilter::Kind::all;
        for (const auto& o : f.operands) {
          const auto p = passes(t, r, o);
          if (!p) return std::nullopt;
          if (*p != all) return !all;
        }
        return all;
      }
      case model::FeatureFilter::Kind::test: break;
    }
    const std::size_t c = static_cast<std::size_t>(std::find(t.header.begin(), t.header.end(), f.property) - t.header.begin());
    const std::string& cell = t.rows[r][c];
    bool any = false;
    for (const model::PropertyValue& v : f.values) {
      const auto held = compare(cell, f.op, v);
      if (!held) {
        misfit_ = {t.file + ", row " + std::to_string(r + 2) + ": column " + q(f.property) + " holds \"" + cell +
                       "\", which is not a number",
                   t.file + " 第 " + std::to_string(r + 2) + " 行：列" + qz(f.property) + "的值 \"" + cell + "\" 不是数值"};
        return std::nullopt;
      }
      any = any || *held;
    }
    return any;
  }

  /// A cell against a value of the test: as text, or as a number when the
  /// value is one (nullopt when the cell is not). true/false are text here.
  static std::optional<bool> compare(const std::string& cell, ast::CompareOp op, const model::PropertyValue& v) {
    if (const auto* n = std::get_if<double>(&v)) {
      const auto x = csv_number(cell);
      if (!x) return std::nullopt;
      switch (op) {
        case ast::CompareOp::eq: return *x == *n;
        case ast::CompareOp::ne: return *x != *n;
        case ast::CompareOp::lt: return *x < *n;
        case ast::CompareOp::le: return *x <= *n;
        case ast::CompareOp::gt: return *x > *n;
        case ast::CompareOp::ge: return *x >= *n;
      }
    }
    const std::string text = std::holds_alternative<std::string>(v) ? std::get<std::string>(v)
                                                                     : (std::get<bool>(v) ? "true" : "false");
    return op == ast::CompareOp::ne ? cell != text : cell == text;
  }

  Context& ctx_;
  std::vector<Rows> rows_;
  LocalizedText misfit_;
};

}  // namespace

void read_tables(Context& ctx) { TableReading(ctx).run(); }

}  // namespace zhunru::check
