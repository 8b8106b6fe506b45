# Regenerates rules/chongqing/maps/units.geojson and compares it with the
# committed file. Inputs: GENERATOR, ROOT, OUT.
execute_process(
  COMMAND "${GENERATOR}"
    "${ROOT}/tests/fixtures/maps/chongqing-districts-2016.geojson"
    "${ROOT}/tests/fixtures/maps/chongqing-rivers-gshhg-level1.geojson"
    "${ROOT}/rules/chongqing/maps/parks.geojson"
    "${OUT}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "zhunru_make_unit_map failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${OUT}" "${ROOT}/rules/chongqing/maps/units.geojson"
  RESULT_VARIABLE differ)
if(differ)
  message(FATAL_ERROR "rules/chongqing/maps/units.geojson is not what zhunru_make_unit_map makes; regenerate it "
                      "(see rules/chongqing/maps/README.md)")
endif()
