// A review of this session's lowering changes found these; each compiled or
// ran correctly before them, or is a near relative: a range-for over a
// temporary after a frame object, a declaration mixing a constant with a
// variable, a constexpr local captured by a lambda, a typedef of an
// anonymous namespace and a private typedef reached through `auto`, a
// local type with a trailing comment, a const object moved into the frame
// (its const overloads), and `using` declarations in the body.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/13-review-findings.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

struct N {
  const char *name;
  ~N() { std::printf("~%s\n", name); }
};

std::vector<std::string> names() { return {"ab", "cde"}; }

namespace {
using Id = std::string;
Id make_id() { return "anon"; }
} // namespace

class Box {
  using Key = std::string;

public:
  Key key() const { return "box"; }
};

struct C {
  const char *f() { return "non-const"; }
  const char *f() const { return "const"; }
  ~C() {}
};

COSM_ASYNC cosm::Coro<int> findings(int n) {
  N a{"a"};
  cosm::await(cosm::sleep(0));
  int total = 0;
  for (std::string s : names())
    total += static_cast<int>(s.size());
  const int one = 1, twice = 2 * n;
  constexpr int k = 3;
  auto id = make_id();
  auto key = Box().key();
  struct Pair { int x, y; }; // a local type
  Pair p{one, twice};
  const C c{};
  using std::string;
  string tail = "!";
  cosm::await(cosm::sleep(0));
  auto times = [k](int x) { return x * k; };
  std::printf("%d %d %s %s %d %s%s\n", total, times(p.x + p.y), id.c_str(),
              key.c_str(), p.y, c.f(), tail.c_str());
  return total + p.y;
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::printf("-> %d\n", cosm::await(findings(10)));
  std::printf("-> %d\n", cosm::await(findings(20)));
}

int main() { cosm::run(main_()); }
