// Declarations in conditions and init-statements of statements that
// suspend, in two tasks that interleave: if and switch init-statements and
// condition variables (alive through the else branch), while and for
// condition variables declared anew by each iteration (alive through a for's
// increment, ended by break, continue and the failing condition), and one
// declaration of several variables awaited in turn. Objects print when they
// are made and dropped (Python: try/finally).
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/condition-declarations.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

struct Noisy {
  std::string name;
  explicit Noisy(std::string n) : name(std::move(n)) {
    std::printf("make %s\n", name.c_str());
  }
  Noisy(const Noisy &) = delete;
  ~Noisy() { std::printf("drop %s\n", name.c_str()); }
  explicit operator bool() const { return name.find("stop") == std::string::npos; }
};

COSM_ASYNC cosm::Coro<int> echo(const std::string &tag, int i) {
  std::printf("%s echo %d\n", tag.c_str(), i);
  cosm::await(cosm::sleep(0));
  return i;
}

COSM_ASYNC cosm::Coro<std::string> word(std::string tag, int i) {
  cosm::await(cosm::sleep(0));
  return tag + (i < 3 ? "-w" + std::to_string(i) : std::string("-stop"));
}

COSM_ASYNC cosm::Coro<void> walk(std::string tag) {
  if (Noisy n{tag + "-if"}; cosm::await(echo(tag, 1)) == 2) {
    std::printf("%s then %s\n", tag.c_str(), n.name.c_str());
  } else {
    cosm::await(echo(tag, 0));
    std::printf("%s else %s\n", tag.c_str(), n.name.c_str());
  }
  if (int v = cosm::await(echo(tag, 7)))
    std::printf("%s v=%d\n", tag.c_str(), v);
  if (Noisy n{cosm::await(word(tag, 5))}) {
    std::printf("%s not reached\n", tag.c_str());
  } else {
    cosm::await(echo(tag, 0));
    std::printf("%s else %s\n", tag.c_str(), n.name.c_str());
  }
  switch (Noisy s{tag + "-switch"}; cosm::await(echo(tag, 2))) {
  case 2:
    std::printf("%s two %s\n", tag.c_str(), s.name.c_str());
    cosm::await(echo(tag, 0));
    break;
  default:
    std::printf("%s other\n", tag.c_str());
  }
  switch (int k = cosm::await(echo(tag, 3))) {
  case 3:
    cosm::await(echo(tag, k));
    std::printf("%s k=%d\n", tag.c_str(), k);
  }
  int i = 0;
  while (Noisy n{cosm::await(word(tag, i))}) {
    ++i;
    if (i == 2) {
      std::printf("%s continue at %s\n", tag.c_str(), n.name.c_str());
      continue;
    }
    cosm::await(echo(tag, i));
    std::printf("%s body %s\n", tag.c_str(), n.name.c_str());
  }
  for (int j = 0; Noisy n{cosm::await(word(tag, j))};
       ++j, std::printf("%s inc %d\n", tag.c_str(), j)) {
    if (j == 1)
      continue;
    std::printf("%s for body %s\n", tag.c_str(), n.name.c_str());
    if (j == 2)
      break;
  }
  int a = cosm::await(echo(tag, 10)), b = cosm::await(echo(tag, 20)) + a;
  Noisy c{tag + "-c"}, d{cosm::await(word(tag, b))};
  std::printf("%s a=%d b=%d %s %s\n", tag.c_str(), a, b, c.name.c_str(),
              d.name.c_str());
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> one = cosm::create_task(walk("A"));
  cosm::Task<void> two = cosm::create_task(walk("B"));
  cosm::await(one);
  cosm::await(two);
}

int main() { cosm::run(main_()); }
