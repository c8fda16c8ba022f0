# ctest -P script: builds examples/consumer against the installed cosm as a
# user would, runs it, then edits the header main.cpp includes and checks
# that the rebuild lowers main.cpp again (cosm_lower()'s depfile) and that
# the program reflects the edit.
#
#   -DSOURCE=<examples/consumer> -DWORK=<scratch dir> -DPREFIX=<install prefix>
#   -DGENERATOR=<CMake generator> -DCXX=<C++ compiler>
foreach(var SOURCE WORK PREFIX GENERATOR CXX)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "consumer-rebuild.cmake: -D${var}=... is required")
  endif()
endforeach()

# Runs a command; fails the test unless it succeeds. Its output goes to
# the variable named by OUT.
function(run OUT)
  execute_process(COMMAND ${ARGN}
    OUTPUT_VARIABLE out ERROR_VARIABLE out RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    list(JOIN ARGN " " cmd)
    message(FATAL_ERROR "failed (${rc}): ${cmd}\n${out}")
  endif()
  set(${OUT} "${out}" PARENT_SCOPE)
endfunction()

function(expect WHAT TEXT REGEX)
  if(NOT TEXT MATCHES "${REGEX}")
    message(FATAL_ERROR "${WHAT}: expected to match '${REGEX}', got:\n${TEXT}")
  endif()
endfunction()

function(expect_not WHAT TEXT REGEX)
  if(TEXT MATCHES "${REGEX}")
    message(FATAL_ERROR "${WHAT}: expected no match for '${REGEX}', got:\n${TEXT}")
  endif()
endfunction()

# A scratch copy: the edit below must not touch the source tree.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(COPY "${SOURCE}/" DESTINATION "${WORK}/src")
set(build "${WORK}/build")

run(out "${CMAKE_COMMAND}" -S "${WORK}/src" -B "${build}" -G "${GENERATOR}"
  "-DCMAKE_PREFIX_PATH=${PREFIX}" "-DCMAKE_CXX_COMPILER=${CXX}")
run(out "${CMAKE_COMMAND}" --build "${build}")
expect("first build" "${out}" "Lowering main\\.cpp")
expect_not("first build (-Wall -Wextra)" "${out}" "warning:")
run(out "${build}/consumer")
message(STATUS "consumer prints:\n${out}")
expect("first run" "${out}" "\n3 workers, sum of results 5\n")

run(out "${CMAKE_COMMAND}" --build "${build}")
expect_not("build with nothing changed" "${out}" "Lowering")

# Edit the header only: main.cpp itself is unchanged.
file(READ "${WORK}/src/workers.hpp" header)
string(REPLACE "WorkerCount = 3;" "WorkerCount = 4;" edited "${header}")
if(edited STREQUAL header)
  message(FATAL_ERROR "workers.hpp no longer sets WorkerCount = 3")
endif()
file(WRITE "${WORK}/src/workers.hpp" "${edited}")

run(out "${CMAKE_COMMAND}" --build "${build}")
expect("build after editing workers.hpp" "${out}" "Lowering main\\.cpp")
run(out "${build}/consumer")
expect("run after editing workers.hpp" "${out}" "\n4 workers, sum of results 14\n")
message(STATUS "re-lowered after the header edit; consumer prints:\n${out}")
