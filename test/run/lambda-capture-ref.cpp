// A lambda given to call_soon captures a reference local that lives in the
// frame, implicitly ([&]) and explicitly ([&loop]).
//
// Fails: F3 in test/fuzz/FINDINGS.md (the capture becomes [&(*loop)]).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/lambda-capture-ref.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Loop &loop = cosm::get_running_loop();
  cosm::await(cosm::sleep(0));
  loop.call_soon([&] { loop.call_soon([] { std::puts("nested"); }); });
  loop.call_soon([&loop] { std::puts("explicit"); loop.call_soon([] { std::puts("nested2"); }); });
  cosm::await(cosm::sleep(0));
  cosm::await(cosm::sleep(0));
}
int main() { cosm::run(main_()); }
