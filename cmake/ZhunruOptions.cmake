# Compile options shared by every target we write ourselves.
# Generated ANTLR code gets its own, laxer flags (see ZhunruAntlr.cmake).

add_library(zhunru_warnings INTERFACE)
target_compile_options(zhunru_warnings INTERFACE -Wall -Wextra -Werror)

if(ZHUNRU_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
