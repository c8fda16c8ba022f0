// COSM_ASYNC lambdas that capture `*this`, and COSM_ASYNC lambdas in
// function templates. `[*this]` copies the object when the lambda is made,
// and the frame copies that copy when the lambda is called, so a task made
// from a temporary object's lambda reads its own copy after the object is
// gone (Python: copy.copy). A plain `[*this]` lambda kept across a
// suspension is lifted with its copy (out of line: in the class the class
// is incomplete). In function templates the frames and the lifted closures
// are templates of the function's parameters; in a member defined in a class
// template, the frame is nested in the class template.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: grep -v SHAPE %t.cpp | FileCheck %s --check-prefix=SHAPE
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/lambda-copies.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

struct Counter {
  int n = 0;
  std::string name = "c";
  // Which overload runs shows the copy's constness.
  int get() const { return n; }
  int get() { return -1; }
  COSM_ASYNC cosm::Coro<int> bump();
};

// SHAPE: struct Counter::bump_lambda_frame final : cosm::Frame<int> {
// SHAPE-NEXT: cosm::ThisCopy<const Counter> self;
// SHAPE: struct tally_closure {
// SHAPE-NEXT: cosm::ThisCopy<Counter> self;
// SHAPE: tally_closure{cosm::ThisCopy<Counter>(*self)}
COSM_ASYNC cosm::Coro<int> Counter::bump() {
  auto report = [*this] COSM_ASYNC (const char *when) -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    std::printf("%s: copy n=%d get=%d name=%s\n", when, n, get(),
                name.c_str());
    return n + 1;
  };
  auto tally = [*this]() mutable { return n += 100; };
  auto peek = [*this] { return get(); };
  n = 5;
  name = "renamed";
  cosm::Task<int> early = cosm::create_task(report("early"));
  n = 6;
  int r = cosm::await(early);
  cosm::await(cosm::sleep(0));
  int first = tally();
  int second = tally();
  std::printf("tally %d %d peek %d n %d\n", first, second, peek(), n);
  return r + cosm::await(report("late"));
}

// SHAPE: template <class Self> struct spawn_lambda_frame final
// SHAPE-NEXT: cosm::ThisCopy<Self> self;
// SHAPE: make<spawn_lambda_frame<Spawner>>(*this);
// SHAPE: template <class T> struct twice_lambda_frame final : cosm::Frame<T> {
// SHAPE: struct doubled_closure {
// SHAPE: struct start_lambda_frame final : cosm::Frame<T> {
// SHAPE: cosm::Coro<T>::template make<start_lambda_frame>(this, n);
struct Spawner {
  int n = 3;
  int get() const { return 0; }
  int get() { return 1; }
  // Made on a temporary: the task keeps its own copy.
  cosm::Task<int> spawn() {
    return cosm::create_task([*this] COSM_ASYNC () mutable -> cosm::Coro<int> {
      n += 1000;
      cosm::await(cosm::sleep(0));
      std::printf("spawned copy n=%d\n", n);
      return n + get();
    }());
  }
};

template <class T> COSM_ASYNC cosm::Coro<T> twice(T x) {
  auto doubled = [x] COSM_ASYNC () -> cosm::Coro<T> {
    cosm::await(cosm::sleep(0));
    return x + x;
  };
  T a = cosm::await(doubled());
  cosm::Task<T> t =
      cosm::create_task([&a, x] COSM_ASYNC (int k) -> cosm::Coro<T> {
        cosm::await(cosm::sleep(0));
        T r = a;
        for (int i = 0; i < k; ++i)
          r = r + x;
        return r;
      }(3));
  return cosm::await(t);
}

template <class T, int N> cosm::Task<T> after(T v) {
  return cosm::create_task([v] COSM_ASYNC () -> cosm::Coro<T> {
    for (int i = 0; i < N; ++i) {
      cosm::await(cosm::sleep(0));
      std::printf("after step %d\n", i);
    }
    return v;
  }());
}

template <class T> struct Worker {
  T base;
  std::string name;
  cosm::Task<T> start(int n) {
    return cosm::create_task([this, n] COSM_ASYNC () -> cosm::Coro<T> {
      T acc = base;
      for (int i = 0; i < n; ++i) {
        cosm::await(cosm::sleep(0));
        acc = acc + base;
        std::printf("%s step %d\n", name.c_str(), i);
      }
      return acc;
    }());
  }
  COSM_ASYNC cosm::Coro<T> twice() {
    T v = base;
    auto add = [v] COSM_ASYNC (T extra) -> cosm::Coro<T> {
      cosm::await(cosm::sleep(0));
      return v + extra;
    };
    T one = cosm::await(add(base));
    return cosm::await(add(one));
  }
};

COSM_ASYNC cosm::Coro<void> workers() {
  Worker<int> w{3, "int"};
  Worker<std::string> s{"ab", "str"};
  cosm::Task<int> t1 = w.start(2);
  cosm::Task<std::string> t2 = s.start(1);
  int r1 = cosm::await(t1);
  std::string r2 = cosm::await(t2);
  std::printf("workers %d %s\n", r1, r2.c_str());
  int d1 = cosm::await(w.twice());
  std::string d2 = cosm::await(s.twice());
  std::printf("workers twice %d %s\n", d1, d2.c_str());
}

COSM_ASYNC cosm::Coro<void> main_() {
  Counter c;
  std::printf("bump %d\n", cosm::await(c.bump()));
  cosm::Task<int> spawned = Spawner{}.spawn();
  cosm::Task<double> slow = after<double, 3>(2.5);
  std::printf("twice %d\n", cosm::await(twice(21)));
  std::printf("twice %s\n", cosm::await(twice(std::string("ab"))).c_str());
  std::printf("spawned %d\n", cosm::await(spawned));
  std::printf("after %g\n", cosm::await(slow));
  cosm::await(workers());
}

int main() { cosm::run(main_()); }
