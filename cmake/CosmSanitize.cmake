#===- cmake/CosmSanitize.cmake - Sanitizer builds (COSM_SANITIZE) ---------===#
#
# COSM_SANITIZE (cache string):
#   ""         no sanitizer (default)
#   address    AddressSanitizer + UndefinedBehaviorSanitizer, LeakSanitizer on
#              (the ASan default on Linux), -fno-sanitize-recover=all so that
#              any UBSan report fails the program
#   thread     ThreadSanitizer
#
# The flags are added to every target of this project (the tool, the runtime,
# the GoogleTest programs, the examples) and exported as
# COSM_SANITIZE_FLAGS, which test/CMakeLists.txt writes into the lit site
# config: lit then adds them to %cosm_cxxflags and %cosm_ldflags, so every
# program a lit test lowers and compiles (with %cxx and %clangxx) is built
# with them too, and sets ASAN_OPTIONS/UBSAN_OPTIONS/TSAN_OPTIONS.
#
# The tool links LLVM/Clang, which are not instrumented and built without
# RTTI: UBSan's vptr check (which needs RTTI) is off for cosm-lower.
#
# COSM_LOWER_EXECUTABLE: with COSM_BUILD_TOOL=OFF, lit still runs using this
# already built cosm-lower (scripts/cosm test builds its ASan tree this way:
# an instrumented LLVM-linked tool takes too long to build in CI).
#===----------------------------------------------------------------------===#

set(COSM_SANITIZE "" CACHE STRING
    "Build with sanitizers: '' (none), 'address' (ASan+UBSan+LSan) or 'thread' (TSan)")
set_property(CACHE COSM_SANITIZE PROPERTY STRINGS "" address thread)

# The top-level CMakeLists calls this once cosm-lower exists.
function(cosm_sanitize_tool target)
  if(COSM_SANITIZE STREQUAL "address" AND TARGET ${target})
    target_compile_options(${target} PRIVATE -fno-sanitize=vptr)
    target_link_options(${target} PRIVATE -fno-sanitize=vptr)
  endif()
endfunction()

set(COSM_SANITIZE_FLAGS "")
if(COSM_SANITIZE STREQUAL "")
  return()
elseif(COSM_SANITIZE STREQUAL "address")
  set(COSM_SANITIZE_FLAGS
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
elseif(COSM_SANITIZE STREQUAL "thread")
  set(COSM_SANITIZE_FLAGS -fsanitize=thread -fno-omit-frame-pointer)
else()
  message(FATAL_ERROR "COSM_SANITIZE must be '', 'address' or 'thread', not '${COSM_SANITIZE}'")
endif()
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  message(FATAL_ERROR "COSM_SANITIZE needs GCC or Clang, not ${CMAKE_CXX_COMPILER_ID}")
endif()

add_compile_options(${COSM_SANITIZE_FLAGS})
add_link_options(${COSM_SANITIZE_FLAGS})
message(STATUS "cosm: sanitizers: ${COSM_SANITIZE} (${COSM_SANITIZE_FLAGS})")

