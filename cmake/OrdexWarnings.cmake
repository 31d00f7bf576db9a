# One place that sets warnings and sanitizers for every ordex target.
add_library(ordex_build_flags INTERFACE)
target_compile_options(ordex_build_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wconversion -Wno-sign-conversion
  $<$<BOOL:${ORDEX_WERROR}>:-Werror>)
if(ORDEX_SANITIZE)
  target_compile_options(ordex_build_flags INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(ordex_build_flags INTERFACE -fsanitize=address,undefined)
endif()

# ordex_add_test(NAME SOURCES... LIBS ... LABELS ...)
function(ordex_add_test name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_LIBS} GTest::gtest GTest::gtest_main ordex_build_flags)
  target_compile_definitions(${name} PRIVATE
    ORDEX_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    ORDEX_BINARY_DIR="${PROJECT_BINARY_DIR}")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60)
  # The labels are set by a script ctest reads after the discovered tests (whose names it
  # lists in ${name}_TESTS): passed through gtest_discover_tests' PROPERTIES, every label after
  # the first was taken for a property name (CMake 3.25).
  if(T_LABELS)
    set(labels_script "${CMAKE_CURRENT_BINARY_DIR}/${name}_labels.cmake")
    file(WRITE "${labels_script}"
      "foreach(t IN LISTS ${name}_TESTS)\n"
      "  set_tests_properties(\"\${t}\" PROPERTIES LABELS \"${T_LABELS}\")\n"
      "endforeach()\n")
    set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${labels_script}")
  endif()
endfunction()

# In the fuzz build every library is instrumented for coverage, not just the fuzz target.
if(ORDEX_BUILD_FUZZERS)
  target_compile_options(ordex_build_flags INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  target_link_options(ordex_build_flags INTERFACE -fsanitize=address,undefined)
endif()
