# Runs `${ZHUNRU} ${ARGS}` in ${WORKDIR} and compares exit code, stdout and
# stderr with ${EXPECTED}. With the environment variable ZHUNRU_UPDATE_GOLDEN
# set, rewrites ${EXPECTED} instead.
execute_process(
  COMMAND ${ZHUNRU} ${ARGS}
  WORKING_DIRECTORY ${WORKDIR}
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  RESULT_VARIABLE rc)
# Screening summaries say how long they took: the one thing a golden file cannot hold.
string(REGEX REPLACE "in [0-9]+\\.[0-9]+ s \\([0-9]+/s\\)" "in <seconds> (<rate>)" err "${err}")
string(REGEX REPLACE "用时 [0-9]+\\.[0-9]+ 秒（每秒 [0-9]+ 条）" "用时 <秒>（<速率>）" err "${err}")
set(actual "exit: ${rc}\n--- stdout\n${out}--- stderr\n${err}")

if(DEFINED ENV{ZHUNRU_UPDATE_GOLDEN})
  file(WRITE "${EXPECTED}" "${actual}")
  message(STATUS "updated ${EXPECTED}")
  return()
endif()

if(NOT EXISTS "${EXPECTED}")
  message(FATAL_ERROR "missing golden file ${EXPECTED}; run with ZHUNRU_UPDATE_GOLDEN=1 to create it")
endif()
file(READ "${EXPECTED}" expected)
if(NOT actual STREQUAL expected)
  get_filename_component(name "${EXPECTED}" NAME)
  set(actual_file "${CMAKE_CURRENT_BINARY_DIR}/${name}.actual")
  file(WRITE "${actual_file}" "${actual}")
  execute_process(COMMAND diff -u "${EXPECTED}" "${actual_file}" OUTPUT_VARIABLE diff)
  message(FATAL_ERROR "output differs from ${EXPECTED}:\n${diff}")
endif()
