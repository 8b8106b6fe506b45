# Golden tests (see zhunru_golden in tests/CMakeLists.txt).
