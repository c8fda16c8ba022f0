// COSM_ASYNC lambdas: stored and called twice, given straight to
// create_task from a temporary closure (its by-value captures were copied
// into the frame, so the task outlives the closure), capturing by
// reference, invoked immediately and awaited inline, generic (`auto`
// parameters), capturing `this` in a member, capturing `this` (explicitly,
// and implicitly under [&]) in a COSM_ASYNC member, where `this` is the frame
// and a user's local is named `self`, and one nested in another.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/async-lambdas.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <vector>

struct Counter {
  std::string name;
  int count = 0;
  // Not async itself: it returns the lambda's coroutine.
  cosm::Coro<int> bump(int by) {
    return [this, by] COSM_ASYNC () -> cosm::Coro<int> {
      cosm::await(cosm::sleep(0));
      count += by;
      std::printf("%s bumped by %d to %d\n", name.c_str(), by, count);
      return count;
    }();
  }
};

// An async member whose lambdas capture `this`: in its lowered body `this`
// is the frame, and the lambdas' tasks outlive it.
struct Team {
  std::string name;
  int done = 0;
  COSM_ASYNC cosm::Coro<void> start(int n, std::vector<cosm::Task<void>> &out) {
    int self = n; // a user's name equal to the frame's pointer to the object
    cosm::await(cosm::sleep(0));
    for (int i = 0; i < self; ++i)
      out.push_back(cosm::create_task([this, i] COSM_ASYNC () -> cosm::Coro<void> {
        cosm::await(cosm::sleep(0));
        ++done;
        std::printf("%s member %d done (%d)\n", name.c_str(), i, done);
      }()));
    out.push_back(cosm::create_task([&] COSM_ASYNC () -> cosm::Coro<void> {
      cosm::await(cosm::sleep(0));
      std::printf("%s implicit this, %d done\n", name.c_str(), done);
    }()));
    std::printf("%s started %d\n", name.c_str(), self);
  }
};

COSM_ASYNC cosm::Coro<void> amain() {
  int shared = 0;
  std::vector<cosm::Task<int>> tasks;
  for (int i = 0; i < 3; ++i) {
    std::string label = "job" + std::to_string(i);
    // The closure is a temporary: gone when this statement ends.
    tasks.push_back(cosm::create_task(
        [label, i, &shared] COSM_ASYNC () -> cosm::Coro<int> {
          std::printf("%s starts\n", label.c_str());
          cosm::await(cosm::sleep(0));
          shared += i;
          std::printf("%s sees shared=%d\n", label.c_str(), shared);
          return i * 10;
        }()));
  }
  for (cosm::Task<int> &t : tasks)
    std::printf("result %d\n", cosm::await(t));

  // Invoked in place and awaited: a coroutine, run inline.
  int twice = cosm::await([shared] COSM_ASYNC () -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    return shared * 2;
  }());
  std::printf("twice %d\n", twice);

  // Generic: one frame template, instantiated for int and for std::string.
  auto show = [] COSM_ASYNC (auto value, const auto &tag) -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    std::printf("%s %s\n", std::string(tag).c_str(), std::to_string(value).c_str());
    return 1;
  };
  int shown = cosm::await(show(7, "int"));
  shown += cosm::await(show(2.5, std::string("double")));
  std::printf("shown %d\n", shown);

  Counter counter{"c"};
  cosm::Task<int> a = cosm::create_task(counter.bump(2));
  cosm::Task<int> b = cosm::create_task(counter.bump(3));
  std::printf("counter %d %d\n", cosm::await(a), cosm::await(b));

  // A lambda that makes tasks of another.
  int total = cosm::await([] COSM_ASYNC (int n) -> cosm::Coro<int> {
    auto square = [] COSM_ASYNC (int k) -> cosm::Coro<int> {
      cosm::await(cosm::sleep(0));
      return k * k;
    };
    int sum = 0;
    for (int k = 1; k <= n; ++k)
      sum += cosm::await(square(k));
    return sum;
  }(3));
  std::printf("total %d\n", total);
  Team team{"team", 0};
  std::vector<cosm::Task<void>> members;
  cosm::await(team.start(2, members));
  for (cosm::Task<void> &t : members)
    cosm::await(t);
  std::printf("team done %d\n", team.done);
}

int main() {
  // An async lambda in a function that is not async.
  auto greet = [] COSM_ASYNC (std::string who) -> cosm::Coro<void> {
    cosm::await(cosm::sleep(0));
    std::printf("hello %s\n", who.c_str());
  };
  cosm::run(greet("world"));
  cosm::run(amain());
}
