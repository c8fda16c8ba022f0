#===- cmake/CosmInstall.cmake - Install and export cosm -------------------===#
#
# Installs, under the prefix:
#   bin/cosm-lower                   (when the tool target exists)
#   include/cosm/...                 every header of runtime/include/cosm
#   lib/libcosm.a                    the runtime (cosm_runtime)
#   lib/cmake/cosm/cosm-config.cmake + cosm-targets.cmake (cosm::runtime,
#                                    cosm::cosm-lower) + version file
#                                    + CosmLower.cmake (cosm_lower())
#   lib/pkgconfig/cosm.pc            relocatable (prefix from ${pcfiledir})
#   share/cosm/gdb/cosm.py           the gdb extension (cosm tasks, graph)
# and exports the build tree too: find_package(cosm) with
# cosm_DIR=<build dir> works without installing.
#===----------------------------------------------------------------------===#

include(CMakePackageConfigHelpers)

set(COSM_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/cosm" CACHE STRING
    "Where cosm-config.cmake is installed, relative to the prefix")
set(COSM_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig" CACHE STRING
    "Where cosm.pc is installed, relative to the prefix")

install(DIRECTORY "${COSM_RUNTIME_INCLUDE_DIR}/cosm"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
  COMPONENT cosm_dev
  FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp" PATTERN "*.def" PATTERN "*.inc")

set(_cosm_export_targets "")
if(TARGET cosm_runtime)
  list(APPEND _cosm_export_targets cosm_runtime)
endif()
if(TARGET cosm-lower)
  list(APPEND _cosm_export_targets cosm-lower)
endif()

if(_cosm_export_targets)
  install(TARGETS ${_cosm_export_targets} EXPORT cosmTargets
    RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT cosm_tool
    ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT cosm_dev
    LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT cosm_dev)
  install(EXPORT cosmTargets
    NAMESPACE cosm::
    FILE cosm-targets.cmake
    DESTINATION "${COSM_INSTALL_CMAKEDIR}"
    COMPONENT cosm_dev)
  export(EXPORT cosmTargets NAMESPACE cosm::
    FILE "${CMAKE_BINARY_DIR}/cosm-targets.cmake")
endif()

# cosm-config.cmake, for the install tree and for the build tree.
configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/cosm-config.cmake.in"
  "${CMAKE_BINARY_DIR}/cmake/cosm-config.cmake"
  INSTALL_DESTINATION "${COSM_INSTALL_CMAKEDIR}")
configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/cosm-config.cmake.in"
  "${CMAKE_BINARY_DIR}/cosm-config.cmake"
  INSTALL_DESTINATION "${CMAKE_BINARY_DIR}"
  INSTALL_PREFIX "${CMAKE_BINARY_DIR}")
# 0.x: minor versions may break compatibility.
write_basic_package_version_file(
  "${CMAKE_BINARY_DIR}/cosm-config-version.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMinorVersion)
# cosm-config.cmake includes cosm_lower() from beside itself.
configure_file("${PROJECT_SOURCE_DIR}/cmake/CosmLower.cmake"
  "${CMAKE_BINARY_DIR}/CosmLower.cmake" COPYONLY)
install(FILES
  "${CMAKE_BINARY_DIR}/cmake/cosm-config.cmake"
  "${CMAKE_BINARY_DIR}/cosm-config-version.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/CosmLower.cmake"
  DESTINATION "${COSM_INSTALL_CMAKEDIR}"
  COMPONENT cosm_dev)

# cosm.pc: relocatable, the prefix is computed from where the file sits.
file(RELATIVE_PATH COSM_PC_TO_PREFIX
  "/prefix/${COSM_INSTALL_PKGCONFIGDIR}" "/prefix")
string(REGEX REPLACE "/$" "" COSM_PC_TO_PREFIX "${COSM_PC_TO_PREFIX}")
if(NOT COSM_PC_TO_PREFIX)
  set(COSM_PC_TO_PREFIX ".")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/cosm.pc.in"
  "${CMAKE_BINARY_DIR}/cosm.pc" @ONLY)
install(FILES "${CMAKE_BINARY_DIR}/cosm.pc"
  DESTINATION "${COSM_INSTALL_PKGCONFIGDIR}"
  COMPONENT cosm_dev)

# The gdb extension: `cosm tasks`, `cosm graph` (docs/runtime.md, "Where is
# my task?").
install(FILES "${PROJECT_SOURCE_DIR}/share/cosm/gdb/cosm.py"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/cosm/gdb"
  COMPONENT cosm_dev)
