// A function-local static with a printing constructor (a lazily built registry):
// built once, when the first call's body reaches it (not when the call is made).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/static-local-lazy-init.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <vector>

struct Registry {
  std::vector<std::string> names;
  Registry() { std::printf("registry built\n"); }
};

COSM_ASYNC cosm::Coro<std::size_t> enroll(std::string who) {
  std::printf("%s before wait\n", who.c_str());
  cosm::await(cosm::sleep(0));
  static Registry reg;
  reg.names.push_back(who);
  cosm::await(cosm::sleep(0));
  std::printf("%s enrolled, %zu so far\n", who.c_str(), reg.names.size());
  return reg.names.size();
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Coro<std::size_t> pending = enroll("early");
  std::printf("made a coroutine\n");
  cosm::Task<std::size_t> a = cosm::create_task(enroll("a"));
  cosm::Task<std::size_t> b = cosm::create_task(std::move(pending));
  std::size_t ra = cosm::await(a);
  std::size_t rb = cosm::await(b);
  std::printf("results %zu %zu\n", ra, rb);
}

int main() { cosm::run(main_()); }
