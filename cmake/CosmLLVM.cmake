#===- cmake/CosmLLVM.cmake - Find LLVM/Clang for cosm-lower and lit -------===#
#
# Finds LLVM and Clang (19 by default, any later major is accepted) under
# COSM_LLVM_ROOT and exposes to the rest of the build:
#
#   imported targets  everything LLVMConfig/ClangConfig export (clangTooling,
#                     clang-cpp, LLVM, LLVMSupport, ...)
#   cosm_clang        INTERFACE target (alias cosm::clang): include dirs,
#                     definitions and libraries a LibTooling tool needs.
#                     Links the shared libclang-cpp + libLLVM when they exist
#                     (fast links), else the static clang* components.
#   COSM_LLVM_VERSION_MAJOR   e.g. 19
#   COSM_CLANG_RESOURCE_DIR   Clang's resource dir (builtin headers live in
#                             its include/), e.g. /usr/lib/llvm-19/lib/clang/19
#   COSM_LIT                  lit.py, e.g. ${COSM_LLVM_ROOT}/build/utils/lit/lit.py
#   COSM_FILECHECK_DIR        directory holding FileCheck and not
#   COSM_CLANGXX              clang++ of that LLVM
#
# When something is missing, configuring stops with the Debian packages that
# provide it.
#===----------------------------------------------------------------------===#

set(COSM_LLVM_ROOT "/usr/lib/llvm-19" CACHE PATH
    "Root of the LLVM/Clang installation cosm-lower is built against (19 or later)")

set(_cosm_llvm_missing "")
set(_cosm_llvm_packages "llvm-19-dev libclang-19-dev clang-19 llvm-19-tools")

# A changed COSM_LLVM_ROOT must not keep the packages found under the old one.
if(DEFINED _COSM_LLVM_ROOT_USED AND NOT _COSM_LLVM_ROOT_USED STREQUAL COSM_LLVM_ROOT)
  unset(LLVM_DIR CACHE)
  unset(Clang_DIR CACHE)
endif()
set(_COSM_LLVM_ROOT_USED "${COSM_LLVM_ROOT}" CACHE INTERNAL "")

# Read the version before loading LLVM's package: an older LLVM's package may
# not even load in this project (LLVM 14's needs the C language enabled).
set(_cosm_llvm_version_file "${COSM_LLVM_ROOT}/lib/cmake/llvm/LLVMConfigVersion.cmake")
if(NOT LLVM_DIR AND EXISTS "${_cosm_llvm_version_file}")
  file(STRINGS "${_cosm_llvm_version_file}" _cosm_llvm_version
    REGEX "^set\\(PACKAGE_VERSION \"[0-9.]+\"\\)" LIMIT_COUNT 1)
  string(REGEX REPLACE ".*\"([0-9]+)[.0-9]*\".*" "\\1" _cosm_llvm_major "${_cosm_llvm_version}")
  if(_cosm_llvm_major MATCHES "^[0-9]+$" AND _cosm_llvm_major LESS 19)
    message(FATAL_ERROR
      "cosm-lower needs LLVM/Clang 19 or later, but COSM_LLVM_ROOT=${COSM_LLVM_ROOT} "
      "holds LLVM ${_cosm_llvm_major}.\n"
      "On Debian 12: sudo apt-get install ${_cosm_llvm_packages}\n"
      "then configure with -DCOSM_LLVM_ROOT=/usr/lib/llvm-19.")
  endif()
endif()

find_package(LLVM CONFIG QUIET
  PATHS "${COSM_LLVM_ROOT}/lib/cmake/llvm" NO_DEFAULT_PATH)
if(LLVM_FOUND)
  find_package(Clang CONFIG QUIET
    PATHS "${COSM_LLVM_ROOT}/lib/cmake/clang" "${LLVM_DIR}/../clang" NO_DEFAULT_PATH)
endif()

if(NOT LLVM_FOUND)
  list(APPEND _cosm_llvm_missing "LLVM's CMake package (${COSM_LLVM_ROOT}/lib/cmake/llvm)")
elseif(NOT Clang_FOUND)
  list(APPEND _cosm_llvm_missing "Clang's CMake package (${COSM_LLVM_ROOT}/lib/cmake/clang)")
elseif(LLVM_VERSION_MAJOR VERSION_LESS 19)
  message(FATAL_ERROR
    "cosm-lower needs LLVM/Clang 19 or later, but COSM_LLVM_ROOT=${COSM_LLVM_ROOT} "
    "holds LLVM ${LLVM_PACKAGE_VERSION}.\n"
    "On Debian 12: sudo apt-get install ${_cosm_llvm_packages}\n"
    "then configure with -DCOSM_LLVM_ROOT=/usr/lib/llvm-19 (or a fresh build dir).")
endif()

# The tools lit tests need: lit itself, FileCheck, not, and clang++.
if(LLVM_FOUND)
  set(_cosm_llvm_bin "${LLVM_TOOLS_BINARY_DIR}")
else()
  set(_cosm_llvm_bin "${COSM_LLVM_ROOT}/bin")
endif()
# Only the tests need lit, FileCheck and not (llvm-N-tools): a tree that
# only builds the tool (COSM_BUILD_TESTS=OFF) does without.
set(COSM_FILECHECK_DIR "${_cosm_llvm_bin}")
set(COSM_LIT "${COSM_LLVM_ROOT}/build/utils/lit/lit.py")
if(COSM_BUILD_TESTS)
  if(NOT EXISTS "${COSM_FILECHECK_DIR}/FileCheck" OR NOT EXISTS "${COSM_FILECHECK_DIR}/not")
    list(APPEND _cosm_llvm_missing "FileCheck and not (${COSM_FILECHECK_DIR})")
  endif()
  if(NOT EXISTS "${COSM_LIT}")
    list(APPEND _cosm_llvm_missing "lit (${COSM_LIT})")
  endif()
endif()
set(COSM_CLANGXX "${_cosm_llvm_bin}/clang++")
if(NOT EXISTS "${COSM_CLANGXX}")
  list(APPEND _cosm_llvm_missing "clang++ (${COSM_CLANGXX})")
endif()

if(_cosm_llvm_missing)
  list(JOIN _cosm_llvm_missing "\n  " _cosm_llvm_missing)
  message(FATAL_ERROR
    "cosm-lower needs LLVM/Clang 19; not found under COSM_LLVM_ROOT=${COSM_LLVM_ROOT}:\n"
    "  ${_cosm_llvm_missing}\n"
    "On Debian 12 install the packages:\n"
    "  sudo apt-get install ${_cosm_llvm_packages}\n"
    "(./scripts/cosm deps does this), or point -DCOSM_LLVM_ROOT=<dir> at another "
    "LLVM/Clang 19+ installation, or configure with -DCOSM_BUILD_TOOL=OFF to build "
    "only the runtime.")
endif()

set(COSM_LLVM_VERSION_MAJOR "${LLVM_VERSION_MAJOR}")
if(NOT LLVM_VERSION_MAJOR EQUAL 19)
  message(STATUS "cosm: using LLVM ${LLVM_PACKAGE_VERSION}; cosm is developed against LLVM 19")
endif()

# Clang's resource directory: ask the clang of this LLVM, else guess its layout.
set(COSM_CLANG_RESOURCE_DIR "")
execute_process(COMMAND "${COSM_CLANGXX}" -print-resource-dir
  OUTPUT_VARIABLE _cosm_resource_dir OUTPUT_STRIP_TRAILING_WHITESPACE
  RESULT_VARIABLE _cosm_rc ERROR_QUIET)
if(_cosm_rc EQUAL 0 AND EXISTS "${_cosm_resource_dir}/include/stddef.h")
  set(COSM_CLANG_RESOURCE_DIR "${_cosm_resource_dir}")
else()
  foreach(_dir "${LLVM_LIBRARY_DIR}/clang/${LLVM_VERSION_MAJOR}"
               "${LLVM_LIBRARY_DIR}/clang/${LLVM_PACKAGE_VERSION}")
    if(EXISTS "${_dir}/include/stddef.h")
      set(COSM_CLANG_RESOURCE_DIR "${_dir}")
      break()
    endif()
  endforeach()
endif()
if(NOT COSM_CLANG_RESOURCE_DIR)
  message(FATAL_ERROR
    "Clang's builtin headers (stddef.h) were not found under "
    "${LLVM_LIBRARY_DIR}/clang/${LLVM_VERSION_MAJOR}/include.\n"
    "On Debian 12: sudo apt-get install ${_cosm_llvm_packages}")
endif()
get_filename_component(COSM_CLANG_RESOURCE_DIR "${COSM_CLANG_RESOURCE_DIR}" REALPATH)

message(STATUS "cosm: LLVM ${LLVM_PACKAGE_VERSION} (${LLVM_DIR}), "
               "Clang resource dir ${COSM_CLANG_RESOURCE_DIR}")

# One target for a LibTooling tool to link.
if(NOT TARGET cosm_clang)
  add_library(cosm_clang INTERFACE)
  add_library(cosm::clang ALIAS cosm_clang)
  target_include_directories(cosm_clang SYSTEM INTERFACE
    ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
  separate_arguments(_cosm_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
  target_compile_definitions(cosm_clang INTERFACE ${_cosm_llvm_defs})
  target_compile_features(cosm_clang INTERFACE cxx_std_17)
  if(NOT LLVM_ENABLE_RTTI)
    target_compile_options(cosm_clang INTERFACE -fno-rtti)
  endif()
  if(TARGET clang-cpp AND TARGET LLVM)
    target_link_libraries(cosm_clang INTERFACE clang-cpp LLVM)
  else()
    target_link_libraries(cosm_clang INTERFACE
      clangTooling clangFrontend clangSerialization clangDriver clangParse
      clangSema clangAnalysis clangEdit clangRewrite clangAST clangASTMatchers
      clangLex clangBasic)
  endif()
endif()
