// Pack expansions that await where the element lambda needs a place of its
// own: a condition of an `if` and of a `while`, a `case`, the body of a `for`
// without braces (braces are added), and an out-of-line member template whose
// pattern calls a member (the lambda captures the object).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/pack-awaits-statements.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

COSM_ASYNC cosm::Coro<int> fetch(int id) {
  std::printf("fetch %d\n", id);
  cosm::await(cosm::sleep(0));
  return id;
}

struct Box {
  int base = 100;
  COSM_ASYNC cosm::Coro<int> get(int id) {
    cosm::await(cosm::sleep(0));
    return base + id;
  }
  template <class... Ids> COSM_ASYNC cosm::Coro<int> sum(Ids... ids);
};

template <class... Ids> COSM_ASYNC cosm::Coro<int> Box::sum(Ids... ids) {
  return (0 + ... + cosm::await(get(ids)));
}

template <class... Ids> COSM_ASYNC cosm::Coro<int> conds(Ids... ids) {
  int n = 0;
  if ((cosm::await(fetch(ids)) && ...))
    ++n;
  while (n < 3 && (cosm::await(fetch(ids + n)) || ...))
    ++n;
  switch (n) {
  case 3:
    (std::printf("case %d\n", cosm::await(fetch(ids))), ...);
    break;
  default:
    break;
  }
  for (int i = 0; i < 2; ++i)
    n += (0 + ... + cosm::await(fetch(ids * i)));
  return n;
}

COSM_ASYNC cosm::Coro<void> amain() {
  Box b;
  std::printf("box %d\n", cosm::await(b.sum(1, 2)));
  std::printf("conds %d\n", cosm::await(conds(1, 2)));
}

int main() { cosm::run(amain()); }
