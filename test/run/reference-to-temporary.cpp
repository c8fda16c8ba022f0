// A reference bound to a temporary (whose lifetime is extended to the
// reference's scope) that lives across an await; also when the initialiser
// itself awaits.
//
// Fails: F16 in test/fuzz/FINDINGS.md (the reference becomes a pointer set by
// std::addressof of the temporary, which does not compile).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/reference-to-temporary.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

struct Noisy {
  std::string n;
  explicit Noisy(std::string s) : n(std::move(s)) { std::printf("+%s\n", n.c_str()); }
  Noisy(const Noisy &) = delete;
  ~Noisy() { std::printf("-%s\n", n.c_str()); }
};

COSM_ASYNC cosm::Coro<std::string> word(const char *w) {
  cosm::await(cosm::sleep(0));
  return w;
}

COSM_ASYNC cosm::Coro<void> main_() {
  {
    const Noisy &r = Noisy("bound");
    const Noisy *before = &r;
    cosm::await(cosm::sleep(0));
    std::printf("r is %s, same object %s\n", r.n.c_str(), &r == before ? "yes" : "no");
  }
  std::puts("after block");
  const std::string &s = std::string("pre-") + cosm::await(word("post"));
  cosm::await(cosm::sleep(0));
  std::printf("s is %s\n", s.c_str());
}

int main() { cosm::run(main_()); }
