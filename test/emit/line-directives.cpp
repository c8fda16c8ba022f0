// --line-directives: a type error in code that cosm-lower moved into a frame
// is reported at the user's file and line, by g++ and by clang++, and so is
// one in ordinary code after the lowered function; without the option the
// errors point into the lowered file.
//
// The errors exist only for the compiler of the lowered file: cosm-lower
// parses with COSM_LOWERING defined, where Count is an int. (So the tool
// runs without --verify, %cosm-lower-bin: the output is meant to fail.)
//
// RUN: %cosm-lower-bin --line-directives %s -o %t.mapped.cpp
// RUN: not %cxx %cosm_cxxflags -fsyntax-only %t.mapped.cpp 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MAPPED -DFILE=%s
// RUN: not %clangxx %cosm_cxxflags -fsyntax-only %t.mapped.cpp 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MAPPED -DFILE=%s
// RUN: %cosm-lower-bin %s -o %t.plain.cpp
// RUN: not %cxx %cosm_cxxflags -fsyntax-only %t.plain.cpp 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PLAIN -DFILE=%s
// The option is off by default: the plain output has no directive.
// RUN: not grep -n '^#line' %t.plain.cpp

#include <cosm/cosm.hpp>
#include <string>

#ifdef COSM_LOWERING
using Count = int;
#else
using Count = std::string;
#endif

COSM_ASYNC cosm::Coro<int> one() {
  cosm::await(cosm::sleep(0));
  return 1;
}

COSM_ASYNC cosm::Coro<int> total(int rounds) {
  int sum = 0;
  for (int i = 0; i < rounds; ++i) {
    sum += cosm::await(one());
    if (sum > 1) {
      // MAPPED: [[FILE]]:[[#@LINE+1]]:{{[0-9]+}}: error:
      Count doubled = sum * 2;
      (void)doubled;
    }
  }
  return sum;
}

int main() {
  // MAPPED: [[FILE]]:[[#@LINE+1]]:{{[0-9]+}}: error:
  Count rounds = 3;
  return cosm::run(total(3));
}

// PLAIN: line-directives.cpp.tmp.plain.cpp:{{[0-9]+}}:{{[0-9]+}}: error:
// PLAIN-NOT: [[FILE]]:
