# `cmake --install` puts the Python package where the interpreter finds it
# under the prefix, self-contained: installs ${BUILD} into ${WORK}/prefix and
# imports zhunru from there (not from the build tree) to judge a project.
file(REMOVE_RECURSE "${WORK}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD}" --prefix "${WORK}/prefix" RESULT_VARIABLE rc
                OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "install failed: ${err}")
endif()
file(GLOB_RECURSE init "${WORK}/prefix/__init__.py")
list(FILTER init INCLUDE REGEX "/zhunru/__init__\\.py$")
list(LENGTH init found)
if(NOT found EQUAL 1)
  message(FATAL_ERROR "expected one installed zhunru package, found: ${init}")
endif()
get_filename_component(package "${init}" DIRECTORY)
get_filename_component(site "${package}" DIRECTORY)
set(ENV{PYTHONPATH} "${site}")
execute_process(COMMAND "${PYTHON}" -c
  "import zhunru, pathlib; assert pathlib.Path(zhunru.__file__).parent == pathlib.Path('${package}'), zhunru.__file__; \
rs = zhunru.compile('${SOURCE}/rules/chongqing'); \
d = rs.evaluate(pathlib.Path('${SOURCE}/examples/projects/chongqing/cement-changshou.json').read_text(), as_of='2025-06-01'); \
print('installed zhunru', zhunru.__version__, 'at', '${site}', d.verdict)"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "importing the installed package failed: ${err}")
endif()
message("${out}")
