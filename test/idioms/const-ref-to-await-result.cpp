// 'const auto &r = cosm::await(f());' (a const reference bound to the awaited
// result, lifetime-extended), used after a later await.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/const-ref-to-await-result.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <vector>

COSM_ASYNC cosm::Coro<std::vector<std::string>> list(const char *who) {
  cosm::await(cosm::sleep(0));
  return {std::string(who) + "1", std::string(who) + "2"};
}

COSM_ASYNC cosm::Coro<std::size_t> show(const char *who) {
  const auto &items = cosm::await(list(who));
  cosm::await(cosm::sleep(0));
  for (const auto &s : items)
    std::printf("%s item %s\n", who, s.c_str());
  return items.size();
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<std::size_t> a = cosm::create_task(show("a"));
  cosm::Task<std::size_t> b = cosm::create_task(show("b"));
  std::size_t ra = cosm::await(a);
  std::size_t rb = cosm::await(b);
  std::printf("sizes %zu %zu\n", ra, rb);
}

int main() { cosm::run(main_()); }
