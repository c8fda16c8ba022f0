// `auto` locals of templates whose type the instantiation decides, kept in
// the frame across suspensions: the frame names each through its
// initialiser (`std::decay_t<decltype(init)>`), a reference as a pointer to
// `std::remove_reference_t<decltype((init))>`, a range-for's variable
// through the range. One template awaiting a coroutine, a task and a future
// (`auto x = cosm::await(a)`), a copied container and a range-for over it
// by value, by reference and by const reference, a const local, a pointer,
// a local of a generic COSM_ASYNC lambda, a local naming another deduced
// local, and objects with destructors among them on every exit path
// (return, break, an exception).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v SHAPE %t.cpp | FileCheck %s --check-prefix=SHAPE
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/dependent-auto.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

struct Noisy {
  std::string name;
  explicit Noisy(std::string n) : name(std::move(n)) {
    std::printf("make %s\n", name.c_str());
  }
  Noisy(const Noisy &) = delete;
  ~Noisy() { std::printf("drop %s\n", name.c_str()); }
};

COSM_ASYNC cosm::Coro<int> seven(const char *who) {
  std::printf("%s: seven\n", who);
  cosm::await(cosm::sleep(0));
  return 7;
}

// SHAPE-LABEL: struct plus_one_frame
// SHAPE: std::decay_t<decltype(cosm::await(a))> x;
template <class A> COSM_ASYNC cosm::Coro<int> plus_one(A a) {
  auto x = cosm::await(a);
  cosm::await(cosm::sleep(0));
  return x + 1;
}

// SHAPE-LABEL: struct walk_frame
// SHAPE: std::decay_t<decltype(items)> copy;
// SHAPE: const std::remove_reference_t<decltype((*std::begin(
template <class C> COSM_ASYNC cosm::Coro<int> walk(C items, int stop) {
  auto copy = items;
  const auto count = copy.size();
  auto *first = &copy.front();
  auto guard = Noisy("walk " + std::to_string(stop));
  int sum = 0;
  cosm::await(cosm::sleep(0));
  std::printf("walk %d items, first %d\n", static_cast<int>(count),
              static_cast<int>(first->size()));
  for (const auto &e : copy) {
    auto twice = e.size() * 2;
    auto inner = Noisy(e);
    cosm::await(cosm::sleep(0));
    if (static_cast<int>(twice) == stop)
      break;
    sum += static_cast<int>(twice);
  }
  for (auto e : copy) {
    cosm::await(cosm::sleep(0));
    if (static_cast<int>(e.size()) == stop)
      return -sum;
  }
  for (auto &e : copy) {
    cosm::await(cosm::sleep(0));
    e += "!";
  }
  std::printf("last %s, items unchanged: %s\n", copy.back().c_str(),
              items.back().c_str());
  return sum;
}

// A deduced local naming another one, and an exception past both.
template <class T> COSM_ASYNC cosm::Coro<void> chain(T seed, bool fail) {
  auto first = seed;
  auto second = Noisy(first + "+");
  cosm::await(cosm::sleep(0));
  if (fail)
    throw std::runtime_error("chain " + second.name);
  std::printf("chain %s %s\n", first.c_str(), second.name.c_str());
}

// `return {};` and `return {x};` where the result type is the template's.
template <class T> COSM_ASYNC cosm::Coro<T> made(bool empty) {
  cosm::await(cosm::sleep(0));
  if (empty)
    return {};
  return {"xxx"};
}

// An await of an element of a dependent container.
template <class T>
COSM_ASYNC cosm::Coro<T> sum_tasks(std::vector<cosm::Task<T>> tasks) {
  T total{};
  for (std::size_t i = 0; i < tasks.size(); ++i)
    total += cosm::await(tasks[i]);
  return total;
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::printf("coroutine %d\n", cosm::await(plus_one(seven("inline"))));
  auto task = cosm::create_task(seven("task"));
  std::printf("task %d\n", cosm::await(plus_one(task)));
  cosm::Future<int> future;
  cosm::get_running_loop().call_soon([future] { future.set_result(41); });
  std::printf("future %d\n", cosm::await(plus_one(future)));

  std::vector<std::string> items{"ab", "abc", "abcd"};
  std::printf("walk -> %d\n", cosm::await(walk(items, 6)));
  std::printf("walk -> %d\n", cosm::await(walk(items, 4)));
  std::printf("walk -> %d\n", cosm::await(walk(items, 99)));

  cosm::await(chain(std::string("n"), false));
  try {
    cosm::await(chain(std::string("m"), true));
  } catch (const std::runtime_error &e) {
    std::printf("caught %s\n", e.what());
  }

  auto scale = [] COSM_ASYNC(auto v, auto k) -> cosm::Coro<int> {
    auto product = v * k;
    cosm::await(cosm::sleep(0));
    return static_cast<int>(product);
  };
  std::printf("lambda %d %d\n", cosm::await(scale(3, 4)),
              cosm::await(scale(2.5, 2)));

  std::string s = cosm::await(made<std::string>(false));
  std::printf("made '%s' '%s'\n", s.c_str(),
              cosm::await(made<std::string>(true)).c_str());
  std::vector<cosm::Task<int>> tasks;
  tasks.push_back(cosm::create_task(seven("first")));
  tasks.push_back(cosm::create_task(seven("second")));
  std::printf("sum %d\n", cosm::await(sum_tasks(tasks)));
  // A generic lambda awaiting its `auto` parameter: a coroutine or a task.
  auto waiter = [] COSM_ASYNC(auto awaitable) -> cosm::Coro<int> {
    return cosm::await(awaitable) + 1;
  };
  std::printf("waiter %d\n", cosm::await(waiter(seven("coro"))));
  std::printf("waiter %d\n",
              cosm::await(waiter(cosm::create_task(seven("tasked")))));
}

int main() { cosm::run(main_()); }
