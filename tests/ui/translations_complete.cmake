# Every user-visible string of the sources is translated in translations/vigil_ko.ts, as lrelease
# sees it: a copy of the catalogue is refreshed from the sources (lupdate, the options of
# update_translations), so a tr() string that never reached the catalogue counts as unfinished too.
#   cmake -DLUPDATE=... -DLRELEASE=... -DSOURCE_DIR=... -DWORK_DIR=... -P translations_complete.cmake
cmake_minimum_required(VERSION 3.25)

file(MAKE_DIRECTORY "${WORK_DIR}")
set(ts "${WORK_DIR}/vigil_ko.ts")
file(COPY_FILE "${SOURCE_DIR}/translations/vigil_ko.ts" "${ts}")
execute_process(COMMAND "${LUPDATE}" ui app -ts "${ts}" -no-obsolete -locations none
                WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed:\n${out}")
endif()
execute_process(COMMAND "${LRELEASE}" "${ts}" -qm "${WORK_DIR}/vigil_ko.qm"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
message("${out}")
# lrelease counts an empty translation as "ignored untranslated", a drafted one as "unfinished".
if(NOT rc EQUAL 0 OR NOT out MATCHES "Generated [0-9]+ translation\\(s\\) \\([0-9]+ finished and 0 unfinished\\)"
   OR out MATCHES "Ignored [0-9]+ untranslated")
  # Name the strings, so whoever fills them in knows where to start.
  file(READ "${ts}" xml)
  string(REGEX MATCHALL "<source>[^<]*</source>[ \t\r\n]*(<[a-z]+>[^<]*</[a-z]+>[ \t\r\n]*)*<translation type=\"unfinished\""
         entries "${xml}")
  set(list "")
  foreach(e IN LISTS entries)
    string(REGEX REPLACE "^<source>([^<]*)</source>.*" "\\1" s "${e}")
    string(APPEND list "  ${s}\n")
  endforeach()
  message(FATAL_ERROR "translations/vigil_ko.ts is not complete (run the update_translations target, then "
                      "translate the unfinished entries):\n${list}")
endif()
