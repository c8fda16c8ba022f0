# -*- Python -*-
"""lit configuration for cosm.

Run through CMake's generated build/test/lit.site.cfg.py (which sets the
config.* paths below), e.g.  python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv build/test
or a single test:           ... lit.py -v build/test/run/runtime-link.cpp

Substitutions for RUN lines:
  %cosm-lower      the built cosm-lower
  %cxx             the C++ compiler under test (CMake's, g++)
  %clangxx         clang++ of COSM_LLVM_ROOT
  %cosm_cxxflags   -std=c++17 -Wall -Wextra -Werror -I<runtime/include>
  %cosm_ldflags    <build>/runtime/libcosm.a -pthread
  %cosm_incdir     runtime/include in the source tree
  %python          python3
FileCheck and not (from COSM_LLVM_ROOT/bin) are on PATH.
Features: cosm-lower (the tool is built), cosm-runtime (libcosm is built).
"""

import os
import shlex

import lit.formats

config.name = "cosm"

if not hasattr(config, "cosm_obj_root"):
    lit_config.fatal(
        "run lit on the build tree (build/test), not on the sources: "
        "lit.site.cfg.py is generated there by CMake"
    )

# Bash runs the RUN lines, so `$(...)` and pipes work as in a terminal.
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".test"]
# Inputs/: shared headers and programs used by tests. runtime/: GoogleTest.
# package/: the packaging test's consumer project (run by ctest).
config.excludes = ["Inputs", "runtime", "package", "CMakeLists.txt", "README.md"]

config.test_source_root = os.path.dirname(os.path.abspath(__file__))
config.test_exec_root = config.cosm_test_obj_root

# Environment: LLVM's tools first on PATH; keep what the compilers need.
path = os.pathsep.join([config.llvm_tools_dir, os.environ.get("PATH", "")])
config.environment["PATH"] = path
for var in ("HOME", "TMPDIR", "TEMP", "TMP", "LANG", "LC_ALL", "PKG_CONFIG_PATH"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
# Debug mode is a test's explicit choice, never inherited from the shell.
config.environment.pop("COSM_DEBUG", None)

cxxflags = [
    "-std=c++17",
    "-Wall",
    "-Wextra",
    "-Werror",
    "-I" + config.cosm_include_dir,
]
ldflags = []
if config.cosm_runtime_lib:
    ldflags.append(config.cosm_runtime_lib)
    config.available_features.add("cosm-runtime")
ldflags.append("-pthread")

if config.cosm_lower:
    config.available_features.add("cosm-lower")
    cosm_lower = config.cosm_lower
else:
    # Not built: any test that uses it fails saying so (mark it REQUIRES: cosm-lower).
    cosm_lower = "false cosm-lower-is-not-built"

q = shlex.quote
# Longest names first: lit applies substitutions in order.
config.substitutions.extend(
    [
        ("%cosm_cxxflags", " ".join(q(f) for f in cxxflags)),
        ("%cosm_ldflags", " ".join(q(f) for f in ldflags)),
        ("%cosm_incdir", q(config.cosm_include_dir)),
        ("%cosm-lower", q(cosm_lower) if config.cosm_lower else cosm_lower),
        ("%clangxx", q(config.clangxx)),
        ("%python", q(config.python)),
        ("%cxx", q(config.cxx)),
    ]
)
