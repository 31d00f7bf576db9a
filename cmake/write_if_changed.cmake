# ordex_write_if_changed(PATH CONTENT): the embed scripts' one way to write generated source.
# The file is rewritten only when its content changes, so an unrelated reconfigure or rebuild
# does not recompile the library that includes it.
function(ordex_write_if_changed path content)
  if(EXISTS "${path}")
    file(READ "${path}" previous)
    if(previous STREQUAL content)
      return()
    endif()
  endif()
  file(WRITE "${path}" "${content}")
endfunction()
