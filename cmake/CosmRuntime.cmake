#===- cmake/CosmRuntime.cmake - Make cosm_runtime installable -------------===#
#
# runtime/CMakeLists.txt defines cosm_runtime. This fills in, only where the
# runtime left it unset, what installing and exporting it needs:
#   alias cosm::runtime, OUTPUT_NAME cosm (libcosm.a), EXPORT_NAME runtime,
#   include directories split into BUILD_INTERFACE / INSTALL_INTERFACE.
# Sets COSM_RUNTIME_OUTPUT_NAME for cosm.pc.
#===----------------------------------------------------------------------===#

set(COSM_RUNTIME_OUTPUT_NAME cosm)
if(NOT TARGET cosm_runtime)
  message(STATUS "cosm: runtime/ defines no cosm_runtime target yet")
  return()
endif()

get_target_property(_cosm_aliased cosm_runtime ALIASED_TARGET)
if(_cosm_aliased)
  message(FATAL_ERROR "cosm_runtime must be the real target, not an alias")
endif()
if(NOT TARGET cosm::runtime)
  add_library(cosm::runtime ALIAS cosm_runtime)
endif()

get_target_property(_cosm_type cosm_runtime TYPE)
if(NOT _cosm_type STREQUAL "INTERFACE_LIBRARY")
  get_target_property(_cosm_out cosm_runtime OUTPUT_NAME)
  if(NOT _cosm_out)
    set_target_properties(cosm_runtime PROPERTIES OUTPUT_NAME cosm)
  else()
    set(COSM_RUNTIME_OUTPUT_NAME "${_cosm_out}")
  endif()
endif()
get_target_property(_cosm_export_name cosm_runtime EXPORT_NAME)
if(NOT _cosm_export_name)
  set_target_properties(cosm_runtime PROPERTIES EXPORT_NAME runtime)
endif()

# Wrap bare source/build-tree include paths in BUILD_INTERFACE so the target
# can be exported, and add the installed include dir.
get_target_property(_cosm_incs cosm_runtime INTERFACE_INCLUDE_DIRECTORIES)
set(_cosm_new_incs "")
set(_cosm_has_install_iface OFF)
if(_cosm_incs)
  foreach(_inc IN LISTS _cosm_incs)
    if(_inc MATCHES "INSTALL_INTERFACE")
      set(_cosm_has_install_iface ON)
    endif()
    if(NOT _inc MATCHES "^\\$<" AND IS_ABSOLUTE "${_inc}")
      list(APPEND _cosm_new_incs "$<BUILD_INTERFACE:${_inc}>")
    else()
      list(APPEND _cosm_new_incs "${_inc}")
    endif()
  endforeach()
else()
  list(APPEND _cosm_new_incs "$<BUILD_INTERFACE:${COSM_RUNTIME_INCLUDE_DIR}>")
endif()
if(NOT _cosm_has_install_iface)
  list(APPEND _cosm_new_incs "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")
endif()
set_target_properties(cosm_runtime PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${_cosm_new_incs}")
