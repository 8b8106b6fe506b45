# Run as `cmake -DFILE=… -DCLASS=… -P antlr_lazy_init.cmake` on a file ANTLR
# 4.7.2 generated: its ATN is deserialized by a static initializer, at the
# start of every program that links it — `zhunru --version` too. This moves
# that work into the first constructor call (a thread-safe function-local
# static), so only commands that parse rules pay for it.
file(READ "${FILE}" text)
set(static_init "${CLASS}::Initializer ${CLASS}::_init;")
string(FIND "${text}" "${static_init}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${FILE}: no `${static_init}` to make lazy (did the ANTLR tool change?)")
endif()
string(REPLACE "${static_init}" "" text "${text}")
string(REGEX REPLACE "(${CLASS}::${CLASS}\\([A-Za-z]+ \\*input\\) : [A-Za-z]+\\(input\\) {)"
       "\\1\n  static const Initializer once;  // zhunru: deserialize the ATN on first use\n  (void)once;" text "${text}")
string(FIND "${text}" "static const Initializer once;" done)
if(done EQUAL -1)
  message(FATAL_ERROR "${FILE}: the ${CLASS} constructor was not found")
endif()
file(WRITE "${FILE}" "${text}")
