// Range-for over braced lists whose bodies suspend: the frame keeps the
// list's elements, so two tasks interleave over their own lists. Ints,
// strings, objects that print when made and dropped (Python: the list is
// built once; the C++ list's elements die when the loop ends, in reverse),
// an await inside the list, `break` and `continue`, and a list that ends by
// an exception.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: grep -v SHAPE %t.cpp | FileCheck %s --check-prefix=SHAPE
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/braced-range.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>

struct Noisy {
  int v;
  Noisy(int v) : v(v) { std::printf("make %d\n", v); }
  Noisy(const Noisy &Other) : v(Other.v) { std::printf("copy %d\n", v); }
  ~Noisy() { std::printf("drop %d\n", v); }
};

COSM_ASYNC cosm::Coro<int> echo(const char *tag, int x) {
  cosm::await(cosm::sleep(0));
  std::printf("%s echo %d\n", tag, x);
  return x;
}

// SHAPE: struct walk_frame final
// SHAPE: std::array<int, 3> range;
// SHAPE: std::array<std::basic_string<char>, 2> range_2;
// SHAPE: std::array<Noisy, 3> range_3;
// SHAPE: ::new (&range) std::array<int, 3>{{[{][{]}}base, base + 1, base + 2{{[}][}]}};
// SHAPE-NEXT: for (range_begin = std::as_const(range).begin(),
COSM_ASYNC cosm::Coro<int> walk(std::string tag, int base) {
  int total = 0;
  for (int v : {base, base + 1, base + 2}) {
    total += cosm::await(echo(tag.c_str(), v));
  }
  for (const std::string &word : {tag + "-x", tag + "-y"}) {
    cosm::await(cosm::sleep(0));
    std::printf("%s word %s\n", tag.c_str(), word.c_str());
  }
  for (auto &n : {Noisy(base * 10), Noisy(base * 10 + 1), Noisy(base * 10 + 2)}) {
    if (n.v % 10 == 0)
      continue;
    total += cosm::await(echo(tag.c_str(), n.v));
    if (n.v % 10 == 1)
      break;
  }
  for (int w : {cosm::await(echo(tag.c_str(), 100)), 200}) {
    cosm::await(cosm::sleep(0));
    total += w;
  }
  return total;
}

COSM_ASYNC cosm::Coro<void> fail_midway() {
  try {
    for (const Noisy &n : {Noisy(7), Noisy(8)}) {
      cosm::await(cosm::sleep(0));
      if (n.v == 8)
        throw std::runtime_error("eight");
      std::printf("passed %d\n", n.v);
    }
  } catch (const std::exception &e) {
    std::printf("caught %s\n", e.what());
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(walk("A", 1));
  cosm::Task<int> b = cosm::create_task(walk("B", 5));
  int ta = cosm::await(a);
  int tb = cosm::await(b);
  std::printf("totals %d %d\n", ta, tb);
  cosm::await(fail_midway());
}

int main() { cosm::run(main_()); }
