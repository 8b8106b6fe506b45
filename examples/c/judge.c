/* Judging a project file from C, against an installed zhunru (the shared
 * library and its pkg-config file):
 *
 *   cmake --install build --prefix /tmp/zhunru
 *   export PKG_CONFIG_PATH=/tmp/zhunru/lib/pkgconfig LD_LIBRARY_PATH=/tmp/zhunru/lib
 *   cc examples/c/judge.c $(pkg-config --cflags --libs zhunru) -o judge
 *   ./judge rules/chongqing examples/projects/chongqing/cement-changshou.json 2025-06-01
 *
 * Prints the one-line verdict; exit 0 when judged, 1 otherwise.
 */
#include <stdio.h>
#include <stdlib.h>

#include <zhunru/zhunru.h>

static char* read_all(const char* path, size_t* size) {
  FILE* f = fopen(path, "rb");
  if (f == NULL) return NULL;
  char* text = NULL;
  size_t used = 0;
  size_t capacity = 0;
  for (;;) {
    if (used == capacity) {
      capacity = capacity == 0 ? 65536 : capacity * 2;
      char* grown = realloc(text, capacity);
      if (grown == NULL) break;
      text = grown;
    }
    const size_t n = fread(text + used, 1, capacity - used, f);
    used += n;
    if (n == 0) break;
  }
  fclose(f);
  *size = used;
  return text;
}

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: judge RULESET PROJECT.json YYYY-MM-DD\n");
    return 2;
  }
  zhunru_ruleset* rules = NULL;
  zhunru_error* error = NULL;
  if (zhunru_compile_directory(argv[1], NULL, &rules, &error) != ZHUNRU_OK) {
    fprintf(stderr, "%s\n", zhunru_error_message(error, "zh"));
    zhunru_error_free(error);
    return 1;
  }
  size_t size = 0;
  char* project = read_all(argv[2], &size);
  if (project == NULL) {
    fprintf(stderr, "cannot read %s\n", argv[2]);
    zhunru_ruleset_free(rules);
    return 1;
  }
  char options[96];
  snprintf(options, sizeof options, "{\"as_of\": \"%.10s\", \"verdict_only\": true}", argv[3]);
  char* decision = NULL;
  const zhunru_status status = zhunru_evaluate(rules, project, size, options, &decision, &error);
  if (status == ZHUNRU_OK) {
    fputs(decision, stdout);
    zhunru_string_free(decision);
  } else {
    fprintf(stderr, "%s: %s\n", zhunru_error_code(error), zhunru_error_message(error, "zh"));
    zhunru_error_free(error);
  }
  free(project);
  zhunru_ruleset_free(rules);
  printf("zhunru %s\n", zhunru_version());
  return status == ZHUNRU_OK ? 0 : 1;
}
