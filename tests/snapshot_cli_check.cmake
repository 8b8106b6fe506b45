# `zhunru compile rules/chongqing -o FILE.zr`, then every command that takes a
# ruleset given the snapshot instead: the same bytes out as from the directory.
execute_process(COMMAND ${ZHUNRU} compile rules/chongqing -o ${OUT} WORKING_DIRECTORY ${ROOT}
                RESULT_VARIABLE rc OUTPUT_VARIABLE said ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "zhunru compile failed (${rc}): ${said}${err}")
endif()
set(commands
  "eval|--project|examples/projects/chongqing/chemical-yangtze-bank.json|--as-of|2025-06-01|--format|json"
  "eval|--project|examples/projects/chongqing/road-across-units.json|--as-of|2025-06-01|--lang|zh"
  "screen|--input|tests/fixtures/screen/chongqing.ndjson|--as-of|2025-06-01|--quiet"
  "screen|--input|tests/fixtures/screen/chongqing.csv|--as-of|2025-06-01|--quiet|--format|geojson"
  "applies|--at|106.551,29.563|--as-of|2025-06-01|--format|json"
  "audit|--as-of|2025-06-01|--format|json"
  "schema")
foreach(line IN LISTS commands)  # arguments separated by | (a CMake list of lists would flatten)
  string(REPLACE "|" ";" args "${line}")
  string(REPLACE "|" " " shown "${line}")
  list(POP_FRONT args command)
  execute_process(COMMAND ${ZHUNRU} ${command} rules/chongqing ${args} WORKING_DIRECTORY ${ROOT}
                  OUTPUT_VARIABLE from_dir RESULT_VARIABLE rc_dir ERROR_QUIET)
  execute_process(COMMAND ${ZHUNRU} ${command} ${OUT} ${args} WORKING_DIRECTORY ${ROOT}
                  OUTPUT_VARIABLE from_snapshot RESULT_VARIABLE rc_snapshot ERROR_QUIET)
  if(NOT from_dir STREQUAL from_snapshot OR NOT rc_dir EQUAL rc_snapshot)
    message(FATAL_ERROR "`zhunru ${shown}` differs between rules/chongqing and ${OUT}")
  endif()
  string(LENGTH "${from_dir}" n)
  if(n LESS 100)
    message(FATAL_ERROR "`zhunru ${shown}` printed almost nothing: ${from_dir}")
  endif()
endforeach()
# A file that is not a snapshot, given as one, is refused with the reason.
execute_process(COMMAND ${ZHUNRU} eval ${ROOT}/README.md.zr --project x.json WORKING_DIRECTORY ${ROOT}
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "a missing snapshot gave exit ${rc}: ${err}")
endif()
