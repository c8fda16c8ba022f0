# Runs PROGRAM and the Python asyncio twin TWIN; fails unless they print the
# same lines.
execute_process(COMMAND ${PROGRAM} OUTPUT_VARIABLE got RESULT_VARIABLE got_status)
execute_process(COMMAND python3 ${TWIN} OUTPUT_VARIABLE want RESULT_VARIABLE want_status)
if(NOT got_status EQUAL 0 OR NOT want_status EQUAL 0)
  message(FATAL_ERROR "exit status: ${PROGRAM} ${got_status}, ${TWIN} ${want_status}")
endif()
if(NOT got STREQUAL want)
  message(FATAL_ERROR "output differs from asyncio\n--- asyncio\n${want}--- cosm\n${got}")
endif()
message(STATUS "same output as asyncio:\n${got}")
