# Generates the C++ lexer and parser from grammar/*.g4 at build time with
# Debian's antlr4 tool (4.7.2; its output compiles against the 4.9 runtime).
# Debian's antlr4_generate() module is broken, so we call the tool ourselves.

find_program(ANTLR4_TOOL antlr4 REQUIRED)

# zhunru_antlr_generate(TARGET LEXER_G4 PARSER_G4 OUTPUT_DIR)
# Creates an object library TARGET holding the generated sources.
function(zhunru_antlr_generate target lexer_g4 parser_g4 out_dir)
  get_filename_component(lexer_name "${lexer_g4}" NAME_WE)
  get_filename_component(parser_name "${parser_g4}" NAME_WE)
  set(generated
    "${out_dir}/${lexer_name}.cpp" "${out_dir}/${lexer_name}.h"
    "${out_dir}/${parser_name}.cpp" "${out_dir}/${parser_name}.h")
  add_custom_command(
    OUTPUT ${generated}
    COMMAND ${CMAKE_COMMAND} -E make_directory "${out_dir}"
    COMMAND ${ANTLR4_TOOL} -Dlanguage=Cpp -no-visitor -no-listener
            -package zhunru::grammar -Xexact-output-dir -o "${out_dir}" "${lexer_g4}"
    COMMAND ${ANTLR4_TOOL} -Dlanguage=Cpp -no-visitor -no-listener
            -package zhunru::grammar -Xexact-output-dir -o "${out_dir}"
            -lib "${out_dir}" "${parser_g4}"
    COMMAND ${CMAKE_COMMAND} -DFILE=${out_dir}/${lexer_name}.cpp -DCLASS=${lexer_name}
            -P "${PROJECT_SOURCE_DIR}/cmake/antlr_lazy_init.cmake"
    COMMAND ${CMAKE_COMMAND} -DFILE=${out_dir}/${parser_name}.cpp -DCLASS=${parser_name}
            -P "${PROJECT_SOURCE_DIR}/cmake/antlr_lazy_init.cmake"
    DEPENDS "${lexer_g4}" "${parser_g4}" "${PROJECT_SOURCE_DIR}/cmake/antlr_lazy_init.cmake"
    COMMENT "Generating the zhunru lexer and parser with ANTLR"
    VERBATIM)
  add_library(${target} OBJECT ${generated})
  # The generated code uses u8"" literals (needs -fno-char8_t under C++20) and
  # warns under -Wall; it is not ours to fix, so it is exempt from -Werror.
  target_compile_options(${target} PRIVATE -fno-char8_t -w)
  target_include_directories(${target} SYSTEM PUBLIC "${out_dir}" "${ANTLR4_INCLUDE_DIR}")
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()
