/* The C API from a C program, as Java, Go or Python would call it: every
 * entry point, its errors, ownership (run under valgrind and ASan by ctest)
 * and one ruleset judged from several threads at once.
 *
 *   c_api_test RULES_EXAMPLES RULES_CHONGQING SCRATCH_DIR
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zhunru/zhunru.h"

static int failures = 0;

#define CHECK(cond)                                                  \
  do {                                                               \
    if (!(cond)) {                                                   \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                    \
    }                                                                \
  } while (0)

static int contains(const char* text, const char* part) { return text != NULL && strstr(text, part) != NULL; }

static size_t count_lines(const char* text) {
  size_t n = 0;
  for (; text != NULL && *text != '\0'; ++text) n += *text == '\n';
  return n;
}

static const char* kProject = "{\"industry\": \"C2614\", \"units\": [\"ZH50010320001\"], \"project\": {\"id\": \"P-1\"}}";

static void test_version(void) {
  CHECK(strcmp(zhunru_version(), ZHUNRU_EXPECTED_VERSION) == 0);
  CHECK(ZHUNRU_C_API_VERSION >= 1);
}

static void test_compile_errors(void) {
  zhunru_ruleset* rs = (zhunru_ruleset*)1;
  zhunru_error* err = NULL;
  CHECK(zhunru_compile_directory("/nonexistent/zhunru", NULL, &rs, &err) == ZHUNRU_ERROR_RULES);
  CHECK(rs == NULL);
  CHECK(strcmp(zhunru_error_code(err), "io.read") == 0);
  CHECK(zhunru_error_status(err) == ZHUNRU_ERROR_RULES);
  zhunru_error_free(err);

  const char* paths[] = {"bad.rules"};
  const char* texts[] = {"fact capacity : quantity t/a\ncity 500000 { ban projects; }\n"};
  CHECK(zhunru_compile_sources(1, paths, texts, NULL, &rs, &err) == ZHUNRU_ERROR_RULES);
  CHECK(rs == NULL);
  CHECK(contains(zhunru_error_code(err), "syntax."));
  CHECK(contains(zhunru_error_message(err, "en"), "bad.rules:"));
  CHECK(contains(zhunru_error_message(err, "zh"), "bad.rules:"));
  CHECK(strcmp(zhunru_error_message(err, "en"), zhunru_error_message(err, "zh")) != 0);
  zhunru_error_free(err);

  /* NULL arguments are errors, never crashes; a NULL error pointer is allowed. */
  CHECK(zhunru_compile_directory(NULL, NULL, &rs, &err) == ZHUNRU_ERROR_INVALID_ARGUMENT);
  CHECK(strcmp(zhunru_error_code(err), "c-api.invalid-argument") == 0);
  CHECK(contains(zhunru_error_message(err, "en"), "`directory`"));
  zhunru_error_free(err);
  CHECK(zhunru_compile_directory("x", NULL, NULL, NULL) == ZHUNRU_ERROR_INVALID_ARGUMENT);
  CHECK(zhunru_compile_directory("x", "{\"stict\": true}", &rs, &err) == ZHUNRU_ERROR_INVALID_ARGUMENT);
  CHECK(contains(zhunru_error_message(err, "en"), "unknown member `stict`"));
  zhunru_error_free(err);
  zhunru_error_free(NULL);
  zhunru_string_free(NULL);
  zhunru_ruleset_free(NULL);
}

static void test_evaluate(const zhunru_ruleset* rs) {
  char* out = NULL;
  zhunru_error* err = NULL;
  CHECK(zhunru_evaluate(rs, kProject, strlen(kProject), "{\"as_of\": \"2025-06-01\"}", &out, &err) == ZHUNRU_OK);
  CHECK(err == NULL);
  CHECK(contains(out, "\"verdict\": \"incomplete\""));
  CHECK(contains(out, "\"findings\""));
  zhunru_string_free(out);

  CHECK(zhunru_evaluate(rs, kProject, strlen(kProject), "{\"as_of\": \"2025-06-01\", \"verdict_only\": true}", &out,
                        &err) == ZHUNRU_OK);
  CHECK(count_lines(out) == 1);
  CHECK(contains(out, "\"verdict\":\"incomplete\""));
  CHECK(!contains(out, "\"findings\""));
  zhunru_string_free(out);

  /* The project's length is what counts, not a NUL: the rest is not read. */
  const char* padded = "{\"industry\": \"C2614\", \"units\": [\"ZH50010320001\"]}GARBAGE";
  CHECK(zhunru_evaluate(rs, padded, strlen(padded) - 7, "{\"compact\": true}", &out, &err) == ZHUNRU_OK);
  CHECK(count_lines(out) == 1);
  zhunru_string_free(out);

  out = (char*)1;
  CHECK(zhunru_evaluate(rs, "{\"industry\": ", 13, NULL, &out, &err) == ZHUNRU_ERROR_INPUT);
  CHECK(out == NULL);
  CHECK(strcmp(zhunru_error_code(err), "input.not-json") == 0);
  zhunru_error_free(err);

  const char* unknown_fact = "{\"colour\": \"red\", \"units\": [\"ZH50010320001\"]}";
  CHECK(zhunru_evaluate(rs, unknown_fact, strlen(unknown_fact), NULL, &out, &err) == ZHUNRU_ERROR_INPUT);
  CHECK(contains(zhunru_error_message(err, "en"), "colour"));
  zhunru_error_free(err);

  CHECK(zhunru_evaluate(rs, kProject, strlen(kProject), "{\"as_of\": \"2025-02-30\"}", &out, &err) ==
        ZHUNRU_ERROR_INVALID_ARGUMENT);
  CHECK(contains(zhunru_error_message(err, "en"), "YYYY-MM-DD"));
  zhunru_error_free(err);
  CHECK(zhunru_evaluate(rs, kProject, strlen(kProject), "[1, 2]", &out, &err) == ZHUNRU_ERROR_INVALID_ARGUMENT);
  zhunru_error_free(err);
  char* huge = malloc(70 * 1024);  /* options past 64 KiB: refused before they are read */
  memset(huge, ' ', 70 * 1024 - 3);
  huge[0] = '{';
  strcpy(huge + 70 * 1024 - 3, "}");
  CHECK(zhunru_evaluate(rs, kProject, strlen(kProject), huge, &out, &err) == ZHUNRU_ERROR_INVALID_ARGUMENT);
  CHECK(contains(zhunru_error_message(err, "en"), "larger than 64 KiB"));
  zhunru_error_free(err);
  free(huge);
  CHECK(zhunru_evaluate(NULL, kProject, strlen(kProject), NULL, &out, &err) == ZHUNRU_ERROR_INVALID_ARGUMENT);
  zhunru_error_free(err);
  CHECK(zhunru_evaluate(rs, NULL, 5, NULL, &out, &err) == ZHUNRU_ERROR_INVALID_ARGUMENT);
  zhunru_error_free(err);
}

static void test_screen(const zhunru_ruleset* rs) {
  const char* batch =
      "{\"industry\": \"C2614\", \"units\": [\"ZH50010320001\"]}\n"
      "{\"industry\": \n"
      "{\"industry\": \"C3011\", \"units\": [\"ZH50010320001\"]}\n";
  char* answers = NULL;
  char* summary = NULL;
  zhunru_error* err = NULL;
  CHECK(zhunru_screen(rs, batch, strlen(batch), "{\"as_of\": \"2025-06-01\", \"verdict_only\": true, \"threads\": 2}",
                      &answers, &summary, &err) == ZHUNRU_OK);
  CHECK(count_lines(answers) == 3);
  CHECK(contains(answers, "{\"record\":1,"));
  CHECK(contains(answers, "{\"record\":2,"));
  CHECK(contains(answers, "input.not-json"));
  CHECK(contains(summary, "\"records\":3"));
  CHECK(contains(summary, "\"errors\":1"));
  zhunru_string_free(answers);
  zhunru_string_free(summary);

  CHECK(zhunru_screen(rs, batch, strlen(batch), "{\"format\": \"csv\"}", &answers, NULL, &err) == ZHUNRU_OK);
  CHECK(count_lines(answers) == 4); /* a header and three rows */
  zhunru_string_free(answers);

  CHECK(zhunru_screen(rs, batch, strlen(batch), "{\"format\": \"xml\"}", &answers, NULL, &err) ==
        ZHUNRU_ERROR_INVALID_ARGUMENT);
  CHECK(contains(zhunru_error_message(err, "en"), "ndjson|csv|geojson"));
  zhunru_error_free(err);

  const char* csv = "colour\nred\n";
  CHECK(zhunru_screen(rs, csv, strlen(csv), "{\"input\": \"csv\"}", &answers, &summary, &err) == ZHUNRU_ERROR_INPUT);
  CHECK(answers == NULL && summary == NULL);
  CHECK(strcmp(zhunru_error_code(err), "screen.csv-column") == 0);
  CHECK(contains(zhunru_error_message(err, "zh"), "colour"));
  zhunru_error_free(err);
}

static void test_audit(const zhunru_ruleset* rs) {
  char* report = NULL;
  zhunru_error* err = NULL;
  CHECK(zhunru_audit(rs, "{\"as_of\": \"2025-06-01\", \"timeout_ms\": 5000}", &report, &err) == ZHUNRU_OK);
  CHECK(contains(report, "\"findings\""));
  zhunru_string_free(report);
  CHECK(zhunru_audit(rs, "{\"timeout_ms\": 0}", &report, &err) == ZHUNRU_ERROR_INVALID_ARGUMENT);
  zhunru_error_free(err);
}

static void test_snapshot(const zhunru_ruleset* rs, const char* scratch) {
  char file[4096];
  snprintf(file, sizeof file, "%s/c-api-test.zr", scratch);
  zhunru_error* err = NULL;
  CHECK(zhunru_save_snapshot(rs, file, &err) == ZHUNRU_OK);
  zhunru_ruleset* loaded = NULL;
  CHECK(zhunru_load_snapshot(file, &loaded, &err) == ZHUNRU_OK);
  char* a = NULL;
  char* b = NULL;
  CHECK(zhunru_ruleset_info(rs, &a, &err) == ZHUNRU_OK);
  CHECK(zhunru_ruleset_info(loaded, &b, &err) == ZHUNRU_OK);
  CHECK(a != NULL && b != NULL && strcmp(a, b) == 0);
  CHECK(contains(a, "\"hash\":\"sha256:"));
  zhunru_string_free(a);
  zhunru_string_free(b);
  zhunru_ruleset_free(loaded);

  CHECK(zhunru_load_snapshot_bytes("not a snapshot", 14, &loaded, &err) == ZHUNRU_ERROR_SNAPSHOT);
  CHECK(loaded == NULL);
  CHECK(strcmp(zhunru_error_code(err), "snapshot.not-snapshot") == 0);
  zhunru_error_free(err);
}

static void test_map_queries(const char* chongqing) {
  zhunru_ruleset* rs = NULL;
  zhunru_error* err = NULL;
  CHECK(zhunru_compile_directory(chongqing, NULL, &rs, &err) == ZHUNRU_OK);
  if (rs == NULL) {
    fprintf(stderr, "%s\n", zhunru_error_message(err, "en"));
    zhunru_error_free(err);
    return;
  }
  char* out = NULL;
  CHECK(zhunru_applies(rs, "{\"lon\": 106.551, \"lat\": 29.563, \"industry\": \"C2614\"}", &out, &err) == ZHUNRU_OK);
  CHECK(contains(out, "\"units\""));
  CHECK(contains(out, "\"industry\": \"C2614\""));
  zhunru_string_free(out);
  CHECK(zhunru_applies(rs, "{\"site\": {\"type\": \"Point\", \"coordinates\": [106.551, 29.563]}}", &out, &err) ==
        ZHUNRU_OK);
  zhunru_string_free(out);
  /* A parcel drawn with many vertices is larger than options ever are: a query's site may be as
   * large as a project file. Its ring: 6,000 points on a small circle (about 200 KB of text). */
  enum { kRing = 6000 };
  char* big = malloc(kRing * 48 + 128);
  size_t at = (size_t)sprintf(big, "{\"site\": {\"type\": \"Polygon\", \"coordinates\": [[");
  for (int i = 0; i <= kRing; ++i) {
    const double t = 6.283185307179586 * (i % kRing) / kRing;
    at += (size_t)sprintf(big + at, "%s[%.9f, %.9f]", i ? ", " : "", 106.551 + 0.002 * cos(t), 29.563 + 0.002 * sin(t));
  }
  strcpy(big + at, "]]}}");
  CHECK(strlen(big) > 64 * 1024);
  CHECK(zhunru_applies(rs, big, &out, &err) == ZHUNRU_OK);
  CHECK(contains(out, "\"units\""));
  zhunru_string_free(out);
  free(big);
  /* Nesting is bounded before anything walks it (a deep tree would be dumped recursively). */
  enum { kDeep = 20000 };
  char* deep = malloc(2 * kDeep + 32);
  at = (size_t)sprintf(deep, "{\"site\": ");
  for (int i = 0; i < kDeep; ++i) deep[at++] = '[';
  for (int i = 0; i < kDeep; ++i) deep[at++] = ']';
  strcpy(deep + at, "}");
  CHECK(zhunru_applies(rs, deep, &out, &err) == ZHUNRU_ERROR_INVALID_ARGUMENT);
  CHECK(contains(zhunru_error_message(err, "en"), "nested more than 64 deep"));
  zhunru_error_free(err);
  free(deep);
  CHECK(zhunru_applies(rs, "{\"lon\": 106.551}", &out, &err) == ZHUNRU_ERROR_INVALID_ARGUMENT);
  zhunru_error_free(err);
  CHECK(zhunru_applies(rs, "{\"lon\": 0.0, \"lat\": 0.0}", &out, &err) == ZHUNRU_ERROR_INPUT);
  zhunru_error_free(err);

  CHECK(zhunru_schema(rs, &out, &err) == ZHUNRU_OK);
  CHECK(contains(out, "https://json-schema.org/draft/2020-12/schema"));
  zhunru_string_free(out);
  CHECK(zhunru_template(rs, &out, &err) == ZHUNRU_OK);
  CHECK(out != NULL && out[0] == '{');
  zhunru_string_free(out);
  zhunru_ruleset_free(rs);
}

/* One ruleset, judged from several threads at once: every answer the same. */
enum { kThreads = 4, kRounds = 20 };
struct Job {
  const zhunru_ruleset* rs;
  const char* expected;
  int mismatches;
};

static void* judge_many(void* arg) {
  struct Job* job = (struct Job*)arg;
  for (int i = 0; i < kRounds; ++i) {
    char* out = NULL;
    if (zhunru_evaluate(job->rs, kProject, strlen(kProject), "{\"as_of\": \"2025-06-01\"}", &out, NULL) != ZHUNRU_OK ||
        strcmp(out, job->expected) != 0) {
      ++job->mismatches;
    }
    zhunru_string_free(out);
  }
  return NULL;
}

static void test_threads(const zhunru_ruleset* rs) {
  char* expected = NULL;
  CHECK(zhunru_evaluate(rs, kProject, strlen(kProject), "{\"as_of\": \"2025-06-01\"}", &expected, NULL) == ZHUNRU_OK);
  pthread_t threads[kThreads];
  struct Job jobs[kThreads];
  for (int t = 0; t < kThreads; ++t) {
    jobs[t] = (struct Job){rs, expected, 0};
    CHECK(pthread_create(&threads[t], NULL, judge_many, &jobs[t]) == 0);
  }
  for (int t = 0; t < kThreads; ++t) {
    pthread_join(threads[t], NULL);
    CHECK(jobs[t].mismatches == 0);
  }
  zhunru_string_free(expected);
}

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: c_api_test RULES_EXAMPLES RULES_CHONGQING SCRATCH_DIR\n");
    return 2;
  }
  test_version();
  test_compile_errors();
  zhunru_ruleset* rs = NULL;
  zhunru_error* err = NULL;
  CHECK(zhunru_compile_directory(argv[1], "{\"strict\": false}", &rs, &err) == ZHUNRU_OK);
  if (rs == NULL) {
    fprintf(stderr, "%s\n", zhunru_error_message(err, "en"));
    zhunru_error_free(err);
    return 1;
  }
  test_evaluate(rs);
  test_screen(rs);
  test_audit(rs);
  test_snapshot(rs, argv[3]);
  test_threads(rs);
  zhunru_ruleset_free(rs);
  test_map_queries(argv[2]);
  if (failures != 0) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  puts("c_api_test: all checks passed");
  return 0;
}
