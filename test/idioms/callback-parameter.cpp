// A callback parameter (std::function and a template functor) called after an
// await: the usual 'on_done' hook of an async helper.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/callback-parameter.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <functional>

COSM_ASYNC cosm::Coro<int> with_hook(int x, std::function<void(int)> on_done) {
  cosm::await(cosm::sleep(0));
  on_done(x * 2);
  return x;
}

template <class F> COSM_ASYNC cosm::Coro<int> with_functor(int x, F f) {
  cosm::await(cosm::sleep(0));
  return f(x);
}

COSM_ASYNC cosm::Coro<void> main_() {
  int seen = 0;
  cosm::Task<int> a = cosm::create_task(with_hook(1, [&seen](int v) { seen += v; std::printf("hook %d\n", v); }));
  cosm::Task<int> b = cosm::create_task(with_hook(5, [](int v) { std::printf("hook %d\n", v); }));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  int rc = cosm::await(with_functor(7, [](int v) { return v + 100; }));
  std::printf("results %d %d %d seen %d\n", ra, rb, rc, seen);
}

int main() { cosm::run(main_()); }
