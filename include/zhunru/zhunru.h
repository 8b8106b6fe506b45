/* zhunru's C API: what Java (JNA, Panama), Go (cgo), .NET, Node and Python
 * can call. A thin layer over the C++ API (zhunru/zhunru.hpp): every answer
 * is the same JSON that `zhunru eval|screen|applies|schema|audit --format json`
 * prints (docs/c-api.md).
 *
 *   zhunru_ruleset* rs = NULL;
 *   zhunru_error* err = NULL;
 *   if (zhunru_compile_directory("rules/chongqing", NULL, &rs, &err) != ZHUNRU_OK) {
 *     fprintf(stderr, "%s\n", zhunru_error_message(err, "zh"));
 *     zhunru_error_free(err);
 *     return 1;
 *   }
 *   char* decision = NULL;
 *   if (zhunru_evaluate(rs, project_json, strlen(project_json), "{\"as_of\": \"2025-06-01\"}",
 *                       &decision, &err) == ZHUNRU_OK) {
 *     puts(decision);
 *     zhunru_string_free(decision);
 *   } else {
 *     fprintf(stderr, "%s: %s\n", zhunru_error_code(err), zhunru_error_message(err, "en"));
 *     zhunru_error_free(err);
 *   }
 *   zhunru_ruleset_free(rs);
 *
 * Conventions, for every function:
 * - A function returns ZHUNRU_OK, or another status and, when `error` is not
 *   NULL, a new zhunru_error in *error that the caller frees with
 *   zhunru_error_free. On failure, output pointers are set to NULL.
 * - Text in and out is UTF-8. Strings returned are NUL-terminated, allocated
 *   by zhunru, and owned by the caller: free them with zhunru_string_free.
 * - Options are a JSON object given as text (NULL or "" for the defaults), so
 *   that new options never change this ABI. An unknown option, or one of the
 *   wrong type, is ZHUNRU_ERROR_INVALID_ARGUMENT.
 * - No C++ exception ever crosses this API; running out of memory is
 *   ZHUNRU_ERROR_OUT_OF_MEMORY.
 * - Thread safety: a zhunru_ruleset is immutable once made, so any number of
 *   threads may call evaluate, screen, applies, schema, template, info and
 *   audit on the same ruleset at once. Freeing it while another thread uses it
 *   is the caller's error. Errors and strings belong to the thread that holds
 *   them; the library keeps no global state the caller can change.
 */
#ifndef ZHUNRU_H
#define ZHUNRU_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Raised when a function or an option is added; never when one changes. */
#define ZHUNRU_C_API_VERSION 1

typedef enum zhunru_status {
  ZHUNRU_OK = 0,
  ZHUNRU_ERROR_INVALID_ARGUMENT = 1, /* a NULL where a value is needed, a bad option */
  ZHUNRU_ERROR_RULES = 2,            /* the ruleset has errors (the message lists them) */
  ZHUNRU_ERROR_SNAPSHOT = 3,         /* not a snapshot, another version's, damaged, unreadable */
  ZHUNRU_ERROR_INPUT = 4,            /* a project, batch or query that cannot be judged */
  ZHUNRU_ERROR_OUT_OF_MEMORY = 5,
  ZHUNRU_ERROR_INTERNAL = 6          /* a bug in zhunru: please report it */
} zhunru_status;

/* A compiled ruleset. Opaque; made by zhunru_compile_* or zhunru_load_snapshot*. */
typedef struct zhunru_ruleset zhunru_ruleset;

/* Why a call failed. Opaque. */
typedef struct zhunru_error zhunru_error;

/* "0.1.0". A static string: do not free it. */
const char* zhunru_version(void);

/* ---- errors ------------------------------------------------------------- */

zhunru_status zhunru_error_status(const zhunru_error* error);
/* A stable code (docs/errors.md, docs/diagnostics.md): "project.not-json",
 * "check.unknown-name", "snapshot.damaged", "c-api.invalid-argument", … Owned
 * by the error: valid until it is freed. */
const char* zhunru_error_code(const zhunru_error* error);
/* The message in "en" or "zh" (any other language gives English). Owned by
 * the error. For ZHUNRU_ERROR_RULES, every diagnostic with its file, line and
 * source line. */
const char* zhunru_error_message(const zhunru_error* error, const char* lang);
/* Frees an error; NULL is allowed. */
void zhunru_error_free(zhunru_error* error);

/* Frees a string zhunru returned; NULL is allowed. */
void zhunru_string_free(char* text);

/* ---- rulesets ----------------------------------------------------------- */

/* Compiles every .rules file under `directory` (or the one file named) with
 * the maps they declare. Options: {"strict": bool, "repair_maps": bool,
 * "max_errors": int}. Warnings do not fail the call. */
zhunru_status zhunru_compile_directory(const char* directory, const char* options_json, zhunru_ruleset** ruleset,
                                       zhunru_error** error);

/* Compiles `count` sources held in memory as one ruleset: paths[i] names the
 * text texts[i] (a .rules file, or a map that a `units from`/`layer … from`
 * path names); nothing is read from disk. Options as for compile_directory. */
zhunru_status zhunru_compile_sources(size_t count, const char* const* paths, const char* const* texts,
                                     const char* options_json, zhunru_ruleset** ruleset, zhunru_error** error);

/* Loads a snapshot written by `zhunru compile RULESET -o FILE.zr`. */
zhunru_status zhunru_load_snapshot(const char* file, zhunru_ruleset** ruleset, zhunru_error** error);
zhunru_status zhunru_load_snapshot_bytes(const void* bytes, size_t size, zhunru_ruleset** ruleset,
                                         zhunru_error** error);

/* Writes the ruleset's snapshot to `file`. */
zhunru_status zhunru_save_snapshot(const zhunru_ruleset* ruleset, const char* file, zhunru_error** error);

/* Frees a ruleset; NULL is allowed. */
void zhunru_ruleset_free(zhunru_ruleset* ruleset);

/* {"title", "version", "hash", "effective_from", "effective_until", "rules",
 * "units"} of the ruleset, as JSON. */
zhunru_status zhunru_ruleset_info(const zhunru_ruleset* ruleset, char** info_json, zhunru_error** error);

/* ---- judging ------------------------------------------------------------ */

/* Judges one project file (docs/project-files.md) → the decision JSON of
 * `zhunru eval --format json` (docs/decision-json.md). Options: {"as_of":
 * "YYYY-MM-DD" (default today, UTC), "verdict_only": bool (the one-line
 * answer of `screen --verdict-only`), "compact": bool (one line)}. A project
 * that cannot be judged is ZHUNRU_ERROR_INPUT with every problem in the
 * message and the first one's code. */
zhunru_status zhunru_evaluate(const zhunru_ruleset* ruleset, const char* project_json, size_t length,
                              const char* options_json, char** decision_json, zhunru_error** error);

/* Screens a batch (docs/screening.md) held in memory → one answer per record,
 * in input order, exactly as `zhunru screen` writes them. A record that
 * cannot be judged is answered with its error; it does not fail the call.
 * Options: {"input": "ndjson"|"json"|"geojson"|"csv" (default ndjson),
 * "format": "ndjson"|"csv"|"geojson" (default ndjson), "as_of", "verdict_only",
 * "threads": int (0: every core), "lang": "en"|"zh" (CSV error column)}.
 * `summary_json` may be NULL; if not, it receives {"records", "errors",
 * "verdicts": {admit, conditional, reject, incomplete}, "violated",
 * "missing", "stopped", "seconds"}. */
zhunru_status zhunru_screen(const zhunru_ruleset* ruleset, const char* input, size_t length, const char* options_json,
                            char** answers, char** summary_json, zhunru_error** error);

/* What applies where (`zhunru applies --format json`). Query: {"site": a
 * GeoJSON geometry or Feature in lon/lat} or {"lon": number, "lat": number},
 * and optionally "industry": "C2614", "as_of": "YYYY-MM-DD". */
zhunru_status zhunru_applies(const zhunru_ruleset* ruleset, const char* query_json, char** answer_json,
                             zhunru_error** error);

/* The JSON Schema (2020-12) of the ruleset's project files (`zhunru schema`),
 * and a blank project to fill in (`zhunru schema --template`). */
zhunru_status zhunru_schema(const zhunru_ruleset* ruleset, char** schema_json, zhunru_error** error);
zhunru_status zhunru_template(const zhunru_ruleset* ruleset, char** template_json, zhunru_error** error);

/* Audits the ruleset with Z3 (`zhunru audit --format json`). Options:
 * {"as_of": "YYYY-MM-DD", "timeout_ms": int (per solver query)}. Findings
 * are the answer, not an error. */
zhunru_status zhunru_audit(const zhunru_ruleset* ruleset, const char* options_json, char** report_json,
                           zhunru_error** error);

#ifdef __cplusplus
}
#endif

#endif /* ZHUNRU_H */
