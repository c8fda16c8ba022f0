// Names and arrays that lowered to code that did not compile, or computed
// the wrong value:
// - a call that depends on a template parameter, of a function named like a
//   frame member (`finish(x)`, `state(x)` from an inline namespace,
//   `resume` from an anonymous one), found the frame's member: it is
//   qualified, as the non-dependent calls and names are;
// - an async function of an anonymous or inline namespace and one of the
//   namespace around it, or of a namespace opened twice, got the same frame
//   name (ambiguous, or redefined);
// - template parameters named like the members the tool adds (`live`,
//   `lines`, `awaiter`) were redeclared by them;
// - a const array kept in the frame was built as `new const T[2]`, which
//   does not convert to `void *`; its reads stay const (overloads);
// - an array of arrays in a template was built through an alias, which
//   clang++ 19 miscompiled (it read 10 for 13);
// - `auto [a, b] = arr;` copies the array element by element.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/names-and-arrays.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

int finish(int x) { return x + 1; }
namespace util {
namespace {
int resume(int x) { return x * 3; }
} // namespace
inline namespace v1 {
int state(int x) { return x - 1; }
} // namespace v1
} // namespace util
namespace {
int started = 7;
}

// CHECK-LABEL: struct combined_frame
// CHECK: return_value(::finish(x) * 2 + util::resume(x) + ::util::state(x) +
template <class T> COSM_ASYNC cosm::Coro<T> combined(T x) {
  using namespace util;
  cosm::await(cosm::sleep(0));
  return finish(x) * 2 + util::resume(x) + state(x) + started;
}

// CHECK: struct work_frame final
// CHECK: struct work_frame_2 final
COSM_ASYNC cosm::Coro<int> work(int x) {
  cosm::await(cosm::sleep(0));
  return x + 1;
}
namespace {
COSM_ASYNC cosm::Coro<int> work(double d) {
  cosm::await(cosm::sleep(0));
  return int(d * 2);
}
} // namespace
namespace lib {
inline namespace v2 {
COSM_ASYNC cosm::Coro<int> twice(int x) {
  cosm::await(cosm::sleep(0));
  return 2 * x;
}
} // namespace v2
COSM_ASYNC cosm::Coro<int> twice(double d) {
  cosm::await(cosm::sleep(0));
  return int(2 * d) + 100;
}
} // namespace lib
namespace lib {
COSM_ASYNC cosm::Coro<int> twice(long x) {
  cosm::await(cosm::sleep(0));
  return int(2 * x) + 1000;
}
} // namespace lib

COSM_ASYNC cosm::Coro<int> value(int x) {
  cosm::await(cosm::sleep(0));
  return x;
}

// CHECK-LABEL: struct named_frame
// CHECK: std::bitset<1> live_2;
template <class live> COSM_ASYNC cosm::Coro<int> named(live a) {
  std::string s = "k";
  int y = cosm::await(a);
  cosm::await(cosm::sleep(0));
  return y + int(s.size());
}
template <class lines> struct Box {
  template <class awaiter> COSM_ASYNC cosm::Coro<int> get(awaiter a) {
    std::string s = "kk";
    int y = cosm::await(a);
    return y + int(s.size()) + int(sizeof(lines));
  }
};

void show(const std::string &s) { std::printf("const %s\n", s.c_str()); }
void show(std::string &s) { std::printf("mutable %s\n", s.c_str()); }

// CHECK-LABEL: struct arrays_frame
// CHECK: ::new (&names) std::string[2]{{[{]}}"a", "b"};
// CHECK: ::new (&grid) int[2][2]{{[{][{]}}1, 2}, {3, 4}};
// CHECK: std::uninitialized_copy_n(std::begin(words), 2, std::begin(bound));
template <class T> COSM_ASYNC cosm::Coro<T> arrays(T base) {
  const std::string names[2] = {"a", "b"};
  int grid[2][2] = {{1, 2}, {3, 4}};
  std::string words[2] = {"x", "yz"};
  auto [w1, w2] = words;
  words[0] = "changed";
  cosm::await(cosm::sleep(0));
  show(names[1]);
  show(words[1]);
  std::printf("%s %s %s\n", w1.c_str(), w2.c_str(), words[0].c_str());
  return base + grid[1][0];
}

COSM_ASYNC cosm::Coro<void> amain() {
  std::printf("combined %d\n", cosm::await(combined(20)));
  std::printf("work %d %d\n", cosm::await(work(1)), cosm::await(work(2.5)));
  std::printf("twice %d %d %d\n", cosm::await(lib::twice(3)),
              cosm::await(lib::twice(1.5)), cosm::await(lib::twice(4L)));
  std::printf("named %d %d\n", cosm::await(named(value(2))),
              cosm::await(Box<short>().get(value(5))));
  std::printf("arrays %d\n", cosm::await(arrays(10)));
}

int main() { cosm::run(amain()); }
