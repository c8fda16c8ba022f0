// Issue 12, defect 3: frame members of library types are spelled as the
// user spells them (std::vector<int>::iterator), never with the standard
// library's internal names (__gnu_cxx::__normal_iterator with libstdc++,
// std::__wrap_iter with libc++), so the lowered file reads well and compiles
// with either library.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: grep -v '^ *//' %t.cpp | not grep -E '__gnu_cxx|__wrap_iter|__normal_iterator|_Rb_tree|__tree_'
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/library-types.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -
// The same lowered file compiles against libc++ (libcosm is built with
// libstdc++, so this checks the code, not a linked program):
// RUN: %if libcxx %{ %clangxx -stdlib=libc++ %cosm_cxxflags -fsyntax-only %t.cpp %}

#include <cosm/cosm.hpp>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

// CHECK-LABEL: struct walk_frame final
// CHECK-DAG: std::vector<int>::iterator it;
// CHECK-DAG: std::map<std::{{(basic_)?}}string{{(<char>)?}}, int>::const_iterator at;
// CHECK-DAG: {{(unsigned long|std::size_t|size_t)}} n;
COSM_ASYNC cosm::Coro<int> walk(std::vector<int> v,
                                const std::map<std::string, int> &m) {
  int sum = 0;
  for (auto it = v.begin(); it != v.end(); ++it) {
    cosm::await(cosm::sleep(0));
    sum += *it;
  }
  auto at = m.find("b");
  std::vector<std::string> names{"x", "y"};
  auto n = names.size();
  cosm::await(cosm::sleep(0));
  std::printf("%s=%d n=%zu\n", at->first.c_str(), at->second, n);
  return sum;
}

// The body suspends in a range-for over a map: its iterators live in the
// frame too.
// CHECK-LABEL: struct pairs_frame final
// CHECK-NOT: __
// CHECK: cosm::Coro<void> pairs(
COSM_ASYNC cosm::Coro<void> pairs(std::map<std::string, int> m) {
  for (const auto &[key, value] : m) {
    cosm::await(cosm::sleep(0));
    std::printf("%s -> %d\n", key.c_str(), value);
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::map<std::string, int> m{{"a", 1}, {"b", 2}};
  std::printf("sum %d\n", cosm::await(walk({1, 2, 3}, m)));
  cosm::await(pairs(m));
}

int main() { cosm::run(main_()); }
