# clang (14 and later) refuses Debian's ANTLR 4.9 runtime header Vocabulary.h:
# its `Vocabulary() = default;` is implicitly deleted because three const
# std::vector members have no initialiser, and InterpreterDataReader.h calls
# it. g++ accepts the header. For clang we compile against a copy of the
# header directory, made at configure time, in which those members get `{}`
# initialisers — the same layout and ABI, so the copy links against the
# unchanged runtime library. Nothing is patched when the header is fine.

if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  return()
endif()
set(_zhunru_vocabulary "${ANTLR4_INCLUDE_DIR}/Vocabulary.h")
if(NOT EXISTS "${_zhunru_vocabulary}")
  return()
endif()
file(READ "${_zhunru_vocabulary}" _zhunru_text)
set(_zhunru_fixed "${_zhunru_text}")
foreach(member _literalNames _symbolicNames _displayNames)
  string(REPLACE "std::vector<std::string> const ${member};" "std::vector<std::string> const ${member}{};"
         _zhunru_fixed "${_zhunru_fixed}")
endforeach()
if(_zhunru_fixed STREQUAL _zhunru_text)
  return()  # a runtime whose header clang reads as it is
endif()
set(_zhunru_patched "${PROJECT_BINARY_DIR}/antlr4-runtime-for-clang")
file(REMOVE_RECURSE "${_zhunru_patched}")
file(COPY "${ANTLR4_INCLUDE_DIR}/" DESTINATION "${_zhunru_patched}")
file(WRITE "${_zhunru_patched}/Vocabulary.h" "${_zhunru_fixed}")
message(STATUS "ANTLR headers: using a copy with Vocabulary.h's const members initialised, for clang: ${_zhunru_patched}")
set(ANTLR4_INCLUDE_DIR "${_zhunru_patched}")
