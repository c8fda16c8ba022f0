// A case block that keeps a local across an await and falls into the next
// label: the lowering destroys the local at the block's end and marks the
// fall-through ([[fallthrough]];), so neither g++'s -Wextra nor clang's
// -Wimplicit-fallthrough warns (errors with %cosm_cxxflags), and the
// program prints what the same source prints as plain C++
// (test/run/Inputs/plain/cosm/cosm.hpp).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags -Wimplicit-fallthrough %t.cpp %cosm_ldflags -o %t.clang
// RUN: sed -e 's/cosm::await(/(/g' -e 's/cosm::run(/(/g' %s > %t.plain.cpp
// RUN: %cxx -std=c++17 -w -I%S/Inputs/plain %t.plain.cpp -o %t.plain
// RUN: %t.plain > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

struct N {
  const char *s;
  explicit N(const char *x) : s(x) { std::printf("+%s\n", s); }
  ~N() { std::printf("-%s\n", s); }
};

COSM_ASYNC cosm::Coro<int> iv(int v) {
  cosm::await(cosm::sleep(0));
  return v;
}

COSM_ASYNC cosm::Coro<void> main_() {
  for (int i = 3; i < 7; ++i) {
    switch (i) {
    case 3: {
      N t("t3");
      cosm::await(iv(3));
      break;
    }
    case 4: {
      N t("t4");
      if (cosm::await(iv(i == 4 ? 0 : 1)))
        break;
    }
    case 5: {
      N u("u5");
      cosm::await(iv(5));
    }
    default: {
      N d("d");
      cosm::await(iv(6));
    }
    }
  }
}

int main() { cosm::run(main_()); }
