#===- cmake/CosmLower.cmake - cosm_lower(): lower sources at build time ---===#
#
#   cosm_lower(<target> <source>... [EXTRA_ARGS <arg>...])
#
# For each <source> (relative to the current source directory or absolute),
# a build rule runs cosm-lower on it, writing
#   ${CMAKE_CURRENT_BINARY_DIR}/cosm_lower/<target>/<name>.lowered.cpp
# and adds that file to <target>, which is also linked to cosm::runtime.
#
# The rule re-runs when the source, cosm-lower, or any header the source
# includes changes: cosm-lower writes a Make-style depfile (--depfile) that
# Ninja and the Makefile generators read.
#
# cosm-lower parses the source with the target's include directories, compile
# definitions and C++ standard (the same generator expressions the compile
# uses, usage requirements of linked targets included), passed after `--`,
# then EXTRA_ARGS. Compile options are not passed: they are meant for the
# compiler that builds the target, which need not be Clang.
#
# The lowered file is compiled with the target's flags plus `-iquote <the
# source's directory>`, so that `#include "local.hpp"` still finds the
# header beside the original source.
#
# COSM_LOWER_LINE_DIRECTIVES (default ON) adds --line-directives: compile
# errors and debugger steps in lowered code point at the original source.
#
# In the Debug configuration the rule also passes --verify: cosm-lower
# checks that its output compiles and otherwise reports the input line that
# produced the bad code (a cosm-lower bug) instead of writing it.
#
# The tool is cosm::cosm-lower (the installed package) or cosm-lower (cosm's
# own build tree); set COSM_LOWER_TOOL to another executable target to
# override.
#===----------------------------------------------------------------------===#

include_guard(GLOBAL)

option(COSM_LOWER_LINE_DIRECTIVES
  "cosm_lower(): emit #line directives pointing at the original source" ON)

# The rules below give DEPFILE and its paths relative to
# CMAKE_CURRENT_BINARY_DIR, which needs CMP0116 (CMake 3.20) under Ninja.
# A function runs with the policies of its definition, whatever the caller's.
cmake_policy(PUSH)
cmake_policy(VERSION 3.20)

# Sets _cosm_lower_line_directives and _cosm_lower_verify in the caller:
# whether the tool knows --line-directives and --verify. An installed tool is
# asked once (its --help); cosm's own build is assumed to match its sources.
function(_cosm_lower_probe tool imported)
  if(NOT imported)
    set(_cosm_lower_line_directives ON PARENT_SCOPE)
    set(_cosm_lower_verify ON PARENT_SCOPE)
    return()
  endif()
  get_target_property(exe ${tool} LOCATION)
  if(NOT DEFINED _COSM_LOWER_PROBED OR NOT _COSM_LOWER_PROBED STREQUAL exe)
    execute_process(COMMAND "${exe}" --help
      OUTPUT_VARIABLE help ERROR_QUIET RESULT_VARIABLE rc)
    set(supported OFF)
    set(verify OFF)
    if(rc EQUAL 0 AND help MATCHES "--line-directives")
      set(supported ON)
    endif()
    if(rc EQUAL 0 AND help MATCHES "--verify")
      set(verify ON)
    endif()
    set(_COSM_LOWER_PROBED "${exe}" CACHE INTERNAL "")
    set(_COSM_LOWER_HAS_LINE_DIRECTIVES ${supported} CACHE INTERNAL "")
    set(_COSM_LOWER_HAS_VERIFY ${verify} CACHE INTERNAL "")
    if(NOT supported AND COSM_LOWER_LINE_DIRECTIVES)
      message(STATUS "cosm_lower: ${exe} has no --line-directives; "
        "lowered code will carry no #line directives")
    endif()
  endif()
  set(_cosm_lower_line_directives ${_COSM_LOWER_HAS_LINE_DIRECTIVES}
    PARENT_SCOPE)
  set(_cosm_lower_verify ${_COSM_LOWER_HAS_VERIFY} PARENT_SCOPE)
endfunction()

function(cosm_lower target)
  cmake_parse_arguments(PARSE_ARGV 1 _cl "" "" "EXTRA_ARGS")
  set(sources ${_cl_UNPARSED_ARGUMENTS})
  if(NOT TARGET "${target}")
    message(FATAL_ERROR "cosm_lower: '${target}' is not a target; "
      "create it first with add_executable() or add_library()")
  endif()
  if(NOT sources)
    message(FATAL_ERROR "cosm_lower(${target}): no source files given")
  endif()

  if(COSM_LOWER_TOOL)
    set(tool "${COSM_LOWER_TOOL}")
  elseif(TARGET cosm::cosm-lower)
    set(tool cosm::cosm-lower)
  elseif(TARGET cosm-lower)
    set(tool cosm-lower)
  else()
    message(FATAL_ERROR "cosm_lower(${target}): no cosm-lower: the cosm "
      "package was installed without the tool (COSM_BUILD_TOOL=OFF)")
  endif()
  # A target built here is a target-level dependency too; an imported one
  # is only its file.
  set(tool_deps "$<TARGET_FILE:${tool}>")
  get_target_property(tool_imported ${tool} IMPORTED)
  if(NOT tool_imported)
    list(APPEND tool_deps ${tool})
  endif()
  _cosm_lower_probe(${tool} ${tool_imported})

  # What the compiler of <target> would see, as cosm-lower flags.
  set(incs "$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>")
  set(defs "$<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>")
  set(std "$<TARGET_PROPERTY:${target},CXX_STANDARD>")
  set(flags
    "$<$<BOOL:${incs}>:-I$<JOIN:${incs},$<SEMICOLON>-I>>"
    "$<$<BOOL:${defs}>:-D$<JOIN:${defs},$<SEMICOLON>-D>>"
    "$<$<BOOL:${std}>:-std=c++${std}>"
    ${_cl_EXTRA_ARGS})
  set(options "")
  if(COSM_LOWER_LINE_DIRECTIVES AND _cosm_lower_line_directives)
    list(APPEND options --line-directives)
  endif()
  if(_cosm_lower_verify)
    # Empty in other configurations: COMMAND_EXPAND_LISTS drops it.
    list(APPEND options "$<$<CONFIG:Debug>:--verify>")
  endif()

  set(outdir "cosm_lower/${target}")
  set(seen "")
  foreach(src IN LISTS sources)
    get_filename_component(src "${src}" ABSOLUTE
      BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    get_filename_component(srcdir "${src}" DIRECTORY)
    get_filename_component(name "${src}" NAME_WE)
    # Paths relative to CMAKE_CURRENT_BINARY_DIR, where the rule runs: the
    # depfile's target is then the rule's OUTPUT as CMake expects it.
    set(lowered "${outdir}/${name}.lowered.cpp")
    set(depfile "${outdir}/${name}.lowered.cpp.d")
    if(lowered IN_LIST seen)
      message(FATAL_ERROR "cosm_lower(${target}): two sources named "
        "${name}.* would be lowered to the same file ${lowered}")
    endif()
    list(APPEND seen "${lowered}")
    file(RELATIVE_PATH shown "${PROJECT_SOURCE_DIR}" "${src}")
    add_custom_command(
      OUTPUT "${lowered}"
      COMMAND "${CMAKE_COMMAND}" -E make_directory "${outdir}"
      COMMAND ${tool} ${options} "${src}" -o "${lowered}"
              "--depfile=${depfile}" -- ${flags}
      DEPENDS "${src}" ${tool_deps}
      DEPFILE "${depfile}"
      WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
      COMMENT "Lowering ${shown}"
      COMMAND_EXPAND_LISTS
      VERBATIM)
    set(lowered_abs "${CMAKE_CURRENT_BINARY_DIR}/${lowered}")
    target_sources(${target} PRIVATE "${lowered_abs}")
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
      # Joined: CMake de-duplicates repeated option words.
      set_property(SOURCE "${lowered_abs}" APPEND PROPERTY
        COMPILE_OPTIONS "-iquote${srcdir}")
    else()
      set_property(SOURCE "${lowered_abs}" APPEND PROPERTY
        INCLUDE_DIRECTORIES "${srcdir}")
    endif()
  endforeach()

  target_link_libraries(${target} PRIVATE cosm::runtime)
endfunction()

cmake_policy(POP)
