// Objects whose destructors print (Python: try/finally), alive across awaits,
// ended by continue/break, by exceptions unwinding through frames, and by catch (...).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/raii-destructors.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

struct Noisy {
  std::string n;
  explicit Noisy(std::string s) : n(std::move(s)) { std::printf("+%s\n", n.c_str()); }
  Noisy(const Noisy &o) : n(o.n + "'") { std::printf("+%s (copy)\n", n.c_str()); }
  ~Noisy() { std::printf("-%s\n", n.c_str()); }
};

COSM_ASYNC cosm::Coro<int> leaf(int v, bool fail) {
  Noisy a("leaf" + std::to_string(v));
  cosm::await(cosm::sleep(0));
  if (fail)
    throw std::runtime_error("leaf failed " + std::to_string(v));
  Noisy b("leafb" + std::to_string(v));
  cosm::await(cosm::sleep(0));
  return v;
}

COSM_ASYNC cosm::Coro<int> mid(int v) {
  Noisy m("mid" + std::to_string(v));
  int total = 0;
  for (int i = 0; i < 3; ++i) {
    Noisy it("it" + std::to_string(i));
    if (i == 1)
      continue;
    try {
      Noisy t("try" + std::to_string(i));
      total += cosm::await(leaf(i, v == i));
    } catch (const std::exception &e) {
      std::printf("mid caught: %s\n", e.what());
      total += 100;
    }
  }
  return total;
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::printf("mid0 -> %d\n", cosm::await(mid(0)));
  std::printf("mid2 -> %d\n", cosm::await(mid(2)));
  std::vector<std::string> names = {"x", "y", "z"};
  for (const auto &nm : names) {
    Noisy n(nm);
    if (nm == "y")
      continue;
    cosm::await(cosm::sleep(0));
    if (nm == "z")
      break;
  }
  try {
    Noisy outer("outer");
    cosm::await(leaf(9, true));
  } catch (...) {
    std::puts("caught all");
  }
  do {
    Noisy d("do");
    cosm::await(cosm::sleep(0));
  } while (false);
  std::puts("end");
}

int main() { cosm::run(main_()); }
