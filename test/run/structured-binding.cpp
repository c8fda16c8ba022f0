// Structured bindings alive across awaits, one of them taking gather's tuple apart.
//
// Fails: F5 in test/fuzz/FINDINGS.md (the frame gets an unnamed union member).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/structured-binding.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <utility>

COSM_ASYNC cosm::Coro<int> num(int v) {
  cosm::await(cosm::sleep(0));
  return v;
}

COSM_ASYNC cosm::Coro<std::string> word(std::string w) {
  cosm::await(cosm::sleep(0));
  return w + "!";
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::pair<int, int> pr{1, 2};
  auto [p, q] = pr;
  cosm::await(cosm::sleep(0));
  std::printf("%d %d\n", p, q);
  auto [n, w] = cosm::await(cosm::gather(num(5), word("hi")));
  cosm::await(cosm::sleep(0));
  std::printf("%d %s\n", n, w.c_str());
}

int main() { cosm::run(main_()); }
