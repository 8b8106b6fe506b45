# The national-scale generator (bench/make_national.cpp) at a hundredth of
# its size: it writes the same bytes twice, and what it writes compiles with
# as many rules as it says it wrote, and judges alike from a snapshot.
foreach(run a b)
  file(REMOVE_RECURSE ${OUT}/${run})
  execute_process(COMMAND ${GENERATOR} ${OUT}/${run} --scale 0.01 RESULT_VARIABLE rc OUTPUT_VARIABLE said_${run})
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "zhunru_make_national failed (${rc}): ${said_${run}}")
  endif()
endforeach()
foreach(file schema.rules maps/units.geojson province-11/city-110100.rules)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT}/a/${file} ${OUT}/b/${file} RESULT_VARIABLE differ)
  if(differ)
    message(FATAL_ERROR "two runs of zhunru_make_national wrote different ${file}")
  endif()
endforeach()
if(NOT said_a MATCHES ", ([0-9]+) units, ([0-9]+) rules")
  message(FATAL_ERROR "zhunru_make_national did not say what it wrote: ${said_a}")
endif()
set(units ${CMAKE_MATCH_1})
set(rules ${CMAKE_MATCH_2})
execute_process(COMMAND ${ZHUNRU} compile ${OUT}/a -o ${OUT}/national.zr RESULT_VARIABLE rc OUTPUT_VARIABLE said ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT said MATCHES " ${rules} rules, ${units} units")
  message(FATAL_ERROR "compiling the generated ruleset (${rules} rules, ${units} units) gave ${rc}: ${said}${err}")
endif()
file(WRITE ${OUT}/project.json
     [=[{"industry": "C2614", "nature": "new", "capacity": "50万 t/a", "voc": "30 t/a", "low-voc": false,
        "in-park": false, "site": {"type": "Point", "coordinates": [73.3, 18.2]}}]=])
execute_process(COMMAND ${ZHUNRU} eval ${OUT}/a --project ${OUT}/project.json --format json --as-of 2025-01-01
                OUTPUT_VARIABLE from_dir RESULT_VARIABLE rc_dir)
execute_process(COMMAND ${ZHUNRU} eval ${OUT}/national.zr --project ${OUT}/project.json --format json --as-of 2025-01-01
                OUTPUT_VARIABLE from_snapshot RESULT_VARIABLE rc_snapshot)
if(NOT from_dir STREQUAL from_snapshot OR NOT rc_dir EQUAL rc_snapshot)
  message(FATAL_ERROR "a project is judged differently from the directory and from its snapshot")
endif()
if(NOT from_dir MATCHES "\"missing\": \[\]" OR NOT from_dir MATCHES "\"code\": \"ZH11010110001\"")
  message(FATAL_ERROR "a project with every fact, in the first unit, was not judged there definitively: ${from_dir}")
endif()
