// Types named like the members of a frame and of its bases (`state`,
// `resume`, `unwind`, `lines`, `finish`, ...), used in an async function:
// kept in the frame, inside a template argument (`std::vector<state>`), and
// as ordinary locals of resume(). Each is named from the global scope where
// a member would hide it, and the frame's own names (`lines`) avoid them;
// local types of those names are renamed (`state_2`). A parameter or a
// kept local named like a type the function names (`Config Config`) is a
// frame member of another name, which would hide the type.
// Lowered, the program prints what the same source prints as ordinary C++.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: sed -e 's/cosm::await(/(/g' -e 's/cosm::run(/(/g' %s > %t.plain.cpp
// RUN: %cxx -std=c++17 -w -I%S/Inputs/plain %t.plain.cpp -o %t.plain
// RUN: %t.plain > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <vector>

struct state {
  int x = 5;
};
struct resume {
  int x = 6;
};
struct unwind {
  int x = 7;
};
struct lines {
  int x = 8;
};
using finish = int;

COSM_ASYNC cosm::Coro<int> tick(int x) {
  cosm::await(cosm::sleep(0));
  return x;
}

// CHECK-LABEL: struct user_frame
// CHECK: ::state a;
// CHECK: std::vector<::state> many;
// CHECK: {{^ *}}lines l;
// CHECK: ::finish total;
// CHECK: static constexpr cosm::FrameLines<{{[0-9]+}}> lines_2
COSM_ASYNC cosm::Coro<int> user() {
  state a;
  std::vector<state> many(2);
  lines l;
  finish total = cosm::await(tick(1));
  resume r;
  unwind u;
  state b;
  b.x += a.x + many[1].x + l.x + cosm::await(tick(r.x + u.x));
  total += b.x;
  return total;
}

// Local types of those names move into the frame with the others, where
// they would hide its members: they are renamed.
// CHECK-LABEL: struct local_frame
// CHECK: struct state_2 {
// CHECK: using unwind_2 = long;
// CHECK: std::vector<state_2> v;
COSM_ASYNC cosm::Coro<int> local() {
  struct state {
    int x = 3;
  };
  using unwind = long;
  state s;
  std::vector<state> v(2);
  unwind u = cosm::await(tick(4));
  return s.x + v[1].x + int(u);
}

struct Config {
  int x = 3;
};
using Count = int;

// CHECK-LABEL: struct named_like_types_frame
// CHECK: Config Config_2;
// CHECK: Count Count_2;
COSM_ASYNC cosm::Coro<int> named_like_types(Config Config, int n) {
  Count Count = n;
  cosm::await(cosm::sleep(0));
  struct Config copy = Config;
  return copy.x + Config.x * 10 + Count * 100;
}

COSM_ASYNC cosm::Coro<void> amain() {
  std::printf("%d\n", cosm::await(user()));
  std::printf("%d\n", cosm::await(local()));
  std::printf("%d\n", cosm::await(named_like_types(Config{4}, 5)));
}

int main() { cosm::run(amain()); }
