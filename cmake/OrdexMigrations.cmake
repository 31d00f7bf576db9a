# ordex_embed_migrations(OUTPUT FILE FUNCTION ns::name MIGRATIONS NNNN_a.sql ...)
# Compiles the numbered migrations in ${CMAKE_CURRENT_SOURCE_DIR}/migrations into FILE, a
# source defining `std::span<const ordex::orders::Migration> ns::name()` (see
# embed_migrations.cmake): each module's schema track ships inside the binary, reviewable as
# plain SQL. List the files in version order.
set(ORDEX_EMBED_MIGRATIONS_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_migrations.cmake)

function(ordex_embed_migrations)
  cmake_parse_arguments(M "" "OUTPUT;FUNCTION" "MIGRATIONS" ${ARGN})
  set(dir ${CMAKE_CURRENT_SOURCE_DIR}/migrations)
  list(TRANSFORM M_MIGRATIONS PREPEND "${dir}/" OUTPUT_VARIABLE paths)
  string(REPLACE ";" "," list "${M_MIGRATIONS}")
  file(RELATIVE_PATH shown ${PROJECT_SOURCE_DIR} ${dir})
  add_custom_command(
    OUTPUT ${M_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DMIGRATION_DIR=${dir} -DMIGRATIONS=${list} -DOUTPUT=${M_OUTPUT}
            -DFUNCTION=${M_FUNCTION} -P ${ORDEX_EMBED_MIGRATIONS_SCRIPT}
    DEPENDS ${paths} ${ORDEX_EMBED_MIGRATIONS_SCRIPT}
    COMMENT "Embedding ${shown}/*.sql"
    VERBATIM)
endfunction()
