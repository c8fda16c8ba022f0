// A forwarding parameter: a template async function taking T&& and passing it
// on with std::forward<T> after an await (lvalues stay lvalues, rvalues move).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/forwarding-parameter.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <utility>

void sink(const std::string &s) { std::printf("sink lvalue %s\n", s.c_str()); }
void sink(std::string &&s) {
  std::string taken = std::move(s);
  std::printf("sink rvalue %s\n", taken.c_str());
}

template <class T> COSM_ASYNC cosm::Coro<int> relay(T &&value, const char *who) {
  cosm::await(cosm::sleep(0));
  std::printf("%s relaying\n", who);
  sink(std::forward<T>(value));
  return 1;
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::string kept = "kept";
  std::string moved = "moved";
  cosm::Task<int> a = cosm::create_task(relay(kept, "a"));
  cosm::Task<int> b = cosm::create_task(relay(std::move(moved), "b"));
  int n = cosm::await(a) + cosm::await(b);
  std::printf("n %d kept '%s' moved '%s'\n", n, kept.c_str(), moved.c_str());
}

int main() { cosm::run(main_()); }
