// goto and labels in async functions that suspend, in two tasks that
// interleave: a retry loop jumping back before an object (which ends it),
// a jump out of nested scopes and a loop holding objects, a jump out of a
// try block, a forward jump over a suspension, and a label spelled like a
// generated one. Objects print when they are made and dropped (Python:
// try/finally).
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/goto.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>

struct Noisy {
  std::string name;
  explicit Noisy(std::string n) : name(std::move(n)) {
    std::printf("make %s\n", name.c_str());
  }
  Noisy(const Noisy &) = delete;
  ~Noisy() { std::printf("drop %s\n", name.c_str()); }
};

COSM_ASYNC cosm::Coro<int> echo(const std::string &tag, int i) {
  std::printf("%s echo %d\n", tag.c_str(), i);
  cosm::await(cosm::sleep(0));
  return i;
}

COSM_ASYNC cosm::Coro<int> jumps(std::string tag) {
  int tries = 0;
  Noisy outer{tag + "-outer"};
again:
  Noisy each{tag + "-try" + std::to_string(tries)};
  if (cosm::await(echo(tag, tries)) < 2) {
    ++tries;
    goto again;
  }
  {
    Noisy inner{tag + "-inner"};
    for (int i = 0; i < 5; ++i) {
      Noisy step{tag + "-step" + std::to_string(i)};
      cosm::await(echo(tag, 10 + i));
      if (i == 1)
        goto out;
    }
    std::printf("%s not reached\n", tag.c_str());
  }
out:
  std::printf("%s out\n", tag.c_str());
  if (tries > 0)
    goto resume_1;
  cosm::await(echo(tag, -1));
resume_1:
  std::printf("%s at resume_1\n", tag.c_str());
  try {
    Noisy guarded{tag + "-guarded"};
    cosm::await(echo(tag, 20));
    if (tag == "B")
      throw std::runtime_error(tag + " failed");
    goto done;
  } catch (const std::runtime_error &e) {
    std::printf("%s caught %s\n", tag.c_str(), e.what());
    cosm::await(echo(tag, 21));
    goto done;
  }
done:
  std::printf("%s done\n", tag.c_str());
  return tries;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> one = cosm::create_task(jumps("A"));
  cosm::Task<int> two = cosm::create_task(jumps("B"));
  int a = cosm::await(one);
  int b = cosm::await(two);
  std::printf("results %d %d\n", a, b);
}

int main() { cosm::run(main_()); }
