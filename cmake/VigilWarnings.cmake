# vigil_set_warnings(<target>): the project's warning level for its own code.
function(vigil_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
endfunction()
