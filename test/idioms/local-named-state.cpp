// A user local named 'state' living across awaits in an async member function
// that also needs the generated names ('state' is the frame's resume-state member).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/local-named-state.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

COSM_ASYNC cosm::Coro<int> length(const std::string &s) {
  cosm::await(cosm::sleep(0));
  return (int)s.size();
}

struct Job {
  int base;
  COSM_ASYNC cosm::Coro<int> run(const char *who, int n) {
    int state = n;
    std::string keep = who;
    for (int i = 0; i < 2; ++i) {
      cosm::await(cosm::sleep(0));
      state = state * 10 + i;
      std::printf("%s state %d\n", keep.c_str(), state);
    }
    int other = state + cosm::await(length(keep + "!"));
    return other + base;
  }
};

COSM_ASYNC cosm::Coro<void> main_() {
  Job j{1000};
  cosm::Task<int> a = cosm::create_task(j.run("a", 1));
  cosm::Task<int> b = cosm::create_task(j.run("bb", 2));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
