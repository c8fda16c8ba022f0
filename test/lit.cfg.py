# -*- Python -*-
"""lit configuration for cosm.

CMake generates build/test/lit.site.cfg.py, which sets the config.* paths used
below and then loads this file. Run lit on the build tree or on the sources:
    python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv build/test
    python3 /usr/lib/llvm-19/build/utils/lit/lit.py -v test/run/runtime-link.cpp
(on the sources, the site config is taken from $COSM_BUILD_DIR, default build/).

Substitutions for RUN lines (which run in bash):
  %cosm-lower      the built cosm-lower, with --verify (it checks that its
                   output compiles; see docs/cosm-lower.md), but in a
                   sanitized-tool tree
  %cosm-lower-bin  the built cosm-lower's path alone: for scripts that take
                   it as an argument, and for tests of --verify itself
  %cxx             the C++ compiler under test (CMake's, g++)
  %clangxx         clang++ of COSM_LLVM_ROOT
  %cosm_cxxflags   -std=c++17 -Wall -Wextra -Werror -I<runtime/include>
                   (+ the sanitizer flags in a COSM_SANITIZE build)
  %cosm_ldflags    <build>/runtime/libcosm.a -pthread (after the sources)
                   (+ the sanitizer flags in a COSM_SANITIZE build, so that
                   a program compiled and linked in one command, or linked
                   by a script given only these flags, is instrumented)
  %cosm_incdir     runtime/include in the source tree
  %python          the CPython 3.11 first on PATH (3.11.7 here), for the
                   asyncio twins; Debian's python3 if there is none
FileCheck and not (from COSM_LLVM_ROOT/bin) are on PATH.
Features: cosm-lower (the tool is built), cosm-runtime (libcosm is built),
asan / tsan (a COSM_SANITIZE=address / thread build), sanitized-tool (that
build also built cosm-lower, instrumented), libcxx (%clangxx -stdlib=libc++
works: Debian's libc++-19-dev).
"""

import os
import shlex
import shutil

import lit.formats


def load_site_config():
    """lit was pointed at the sources: load the build tree's site config,
    which sets the paths and loads this file again."""
    here = os.path.dirname(os.path.abspath(__file__))
    build_dir = os.environ.get("COSM_BUILD_DIR", os.path.join(here, "..", "build"))
    if not os.path.isabs(build_dir):
        build_dir = os.path.join(here, "..", build_dir)
    site = os.path.join(os.path.abspath(build_dir), "test", "lit.site.cfg.py")
    if not os.path.exists(site):
        lit_config.fatal(
            "%s does not exist: configure cosm first (./scripts/cosm build), "
            "or set COSM_BUILD_DIR to the build tree" % site
        )
    lit_config.load_config(config, site)


def configure():
    config.name = "cosm"
    config.test_format = lit.formats.ShTest(execute_external=True)
    config.suffixes = [".cpp", ".test"]
    # Inputs/: files tests share. runtime/: GoogleTest. package/: the
    # packaging test's consumer project (run by ctest).
    config.excludes = ["Inputs", "runtime", "package", "CMakeLists.txt", "README.md"]
    config.test_source_root = os.path.dirname(os.path.abspath(__file__))
    config.test_exec_root = config.cosm_test_obj_root

    # LLVM's tools first on PATH; keep what the compilers need.
    config.environment["PATH"] = os.pathsep.join(
        [config.llvm_tools_dir, os.environ.get("PATH", "")]
    )
    for var in ("HOME", "TMPDIR", "TEMP", "TMP", "LANG", "LC_ALL", "PKG_CONFIG_PATH"):
        if var in os.environ:
            config.environment[var] = os.environ[var]
    # Debug mode is a test's explicit choice, never inherited from the shell.
    config.environment.pop("COSM_DEBUG", None)

    cxxflags = ["-std=c++17", "-Wall", "-Wextra", "-Werror", "-I" + config.cosm_include_dir]
    ldflags = []
    if config.cosm_runtime_lib:
        ldflags.append(config.cosm_runtime_lib)
        config.available_features.add("cosm-runtime")
    ldflags.append("-pthread")

    # COSM_SANITIZE build: instrument every program the tests compile; any
    # report fails the program (and so the test).
    sanitize = getattr(config, "cosm_sanitize", "")
    san_flags = shlex.split(getattr(config, "cosm_sanitize_flags", ""))
    if sanitize and san_flags:
        cxxflags += san_flags
        ldflags += san_flags
        config.available_features.add({"address": "asan", "thread": "tsan"}.get(sanitize, sanitize))
        if getattr(config, "cosm_lower_in_tree", "") == "ON":
            config.available_features.add("sanitized-tool")
        config.environment["ASAN_OPTIONS"] = "detect_leaks=1:detect_stack_use_after_return=1:halt_on_error=1"
        config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
        config.environment["TSAN_OPTIONS"] = "halt_on_error=1"

    q = shlex.quote
    if config.cosm_lower:
        config.available_features.add("cosm-lower")
        cosm_lower_bin = q(config.cosm_lower)
        # --verify parses the output again with Clang (not instrumented): the
        # sanitized tree leaves that check to the main tree, and to the
        # compilers that build the output in both (it is a third of a test's
        # lowering time there).
        sanitized = "sanitized-tool" in config.available_features
        cosm_lower = cosm_lower_bin + ("" if sanitized else " --verify")
    else:
        # Not built: a test using it fails saying so (give it REQUIRES: cosm-lower).
        cosm_lower = cosm_lower_bin = "false cosm-lower-is-not-built"

    # libc++ for %clangxx -stdlib=libc++ (lowered code must compile with it).
    if os.path.exists(os.path.join(os.path.dirname(os.path.dirname(config.clangxx)),
                                   "include", "c++", "v1", "vector")):
        config.available_features.add("libcxx")

    # Programs the inspection tests (test/emit/) drive, when installed.
    for program, feature in (("dot", "graphviz"), ("chromium", "chromium"), ("gdb", "gdb")):
        if shutil.which(program, path=config.environment["PATH"]):
            config.available_features.add(feature)

    # A device that takes no bytes, for the tool's write errors.
    if os.path.exists("/dev/full"):
        config.available_features.add("dev-full")

    # Longest names first: lit applies substitutions in order.
    config.substitutions.extend(
        [
            ("%cosm_cxxflags", " ".join(q(f) for f in cxxflags)),
            ("%cosm_ldflags", " ".join(q(f) for f in ldflags)),
            ("%cosm_incdir", q(config.cosm_include_dir)),
            ("%cosm-lower-bin", cosm_lower_bin),
            ("%cosm-lower", cosm_lower),
            ("%clangxx", q(config.clangxx)),
            ("%python", q(config.python)),
            ("%cxx", q(config.cxx)),
        ]
    )


if hasattr(config, "cosm_obj_root"):
    configure()
else:
    load_site_config()
