// Plain lambdas kept in locals across suspensions: each becomes a named
// function object in the frame. Captures by value, by reference, by default
// ([=], [&]), an init-capture that moves a unique_ptr, a mutable lambda whose
// state carries across awaits, a generic lambda, `this` in an async member,
// `const auto` and `auto &&` locals, one in a loop, and a user's name equal to
// the one the tool would give the lifted type. A lambda captures a
// std::function made from another lambda (it was refused as capturing a
// lambda).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/kept-lambdas.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>

struct Tracer {
  std::string name;
  explicit Tracer(std::string n) : name(std::move(n)) {
    std::printf("make %s\n", name.c_str());
  }
  ~Tracer() { std::printf("drop %s\n", name.c_str()); }
};

struct Account {
  int balance = 0;
  COSM_ASYNC cosm::Coro<int> deposit(int amount) {
    auto report = [this](const char *when) {
      std::printf("%s: balance %d\n", when, balance);
    };
    report("before");
    cosm::await(cosm::sleep(0));
    balance += amount;
    report("after");
    return balance;
  }
};

COSM_ASYNC cosm::Coro<void> worker(std::string tag) {
  int hits = 0;
  std::string prefix = tag + ":";
  auto say = [prefix](int n) { std::printf("%s say %d\n", prefix.c_str(), n); };
  auto hit = [&hits] { return ++hits; };
  auto both = [=] { return prefix + std::to_string(hits); };
  auto all = [&] { return prefix + std::to_string(hits); };
  int calls = 0;
  auto count = [calls]() mutable { return ++calls; };
  auto fmt = [](auto v) { return std::to_string(v); };
  const auto twice = [](int v) { return 2 * v; };
  auto &&half = [](int v) { return v / 2; };
  int count_closure = 100; // the name the lifted `count` would take
  say(1);
  cosm::await(cosm::sleep(0));
  hit();
  say(hit());
  std::printf("%s both=%s all=%s count=%d fmt=%s twice=%d half=%d cc=%d\n",
              tag.c_str(), both().c_str(), all().c_str(), count(),
              fmt(2.5).c_str(), twice(21), half(9), count_closure);
  cosm::await(cosm::sleep(0));
  int first = count();
  int second = count();
  std::printf("%s count=%d count=%d fmt=%s\n", tag.c_str(), first, second,
              fmt(7).c_str());
  {
    auto owned = std::make_unique<Tracer>(tag + "-tracer");
    auto keep = [t = std::move(owned)] { return t->name.size(); };
    cosm::await(cosm::sleep(0));
    std::printf("%s keeps %zu\n", tag.c_str(), keep());
  }
  for (int i = 0; i < 2; ++i) {
    auto step = [i, &tag] { std::printf("%s step %d\n", tag.c_str(), i); };
    cosm::await(cosm::sleep(0));
    step();
  }
}

COSM_ASYNC cosm::Coro<int> through_function() {
  int total = 0;
  std::function<void(int)> add = [&total](int k) { total += k; };
  auto slow = [&add] COSM_ASYNC(int k) -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    add(k);
    return k;
  };
  auto again = [add](int k) { add(k * 10); };
  int a = cosm::await(slow(1));
  int b = cosm::await(slow(2));
  again(3);
  return a + b + total;
}

COSM_ASYNC cosm::Coro<void> amain() {
  cosm::Task<void> a = cosm::create_task(worker("a"));
  cosm::Task<void> b = cosm::create_task(worker("b"));
  cosm::await(a);
  cosm::await(b);
  Account account;
  std::printf("deposit -> %d\n", cosm::await(account.deposit(5)));
  std::printf("through_function -> %d\n", cosm::await(through_function()));
}

int main() { cosm::run(amain()); }
