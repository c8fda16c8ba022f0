// Awaits inside catch handlers (lowered since 54c4a3c): the exception object stays
// valid across the await, rethrow with throw;, a new exception from the handler,
// continue from a handler, destructors of objects in the try and in the handler,
// std::current_exception() after the await (the handler runs after the try
// statement, where no exception is active: it reads the one kept).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/await-in-catch.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string>

struct Noisy {
  std::string n;
  explicit Noisy(std::string s) : n(std::move(s)) { std::printf("+%s\n", n.c_str()); }
  ~Noisy() { std::printf("-%s\n", n.c_str()); }
};

COSM_ASYNC cosm::Coro<int> get(int v) {
  cosm::await(cosm::sleep(0));
  return v;
}

COSM_ASYNC cosm::Coro<int> boom(int v) {
  cosm::await(cosm::sleep(0));
  throw std::runtime_error("boom " + std::to_string(v));
}

COSM_ASYNC cosm::Coro<int> handler_awaits(int v) {
  Noisy outer("outer" + std::to_string(v));
  try {
    Noisy in("try");
    return cosm::await(boom(v));
  } catch (const std::runtime_error &e) {
    Noisy h("handler");
    std::printf("caught %s\n", e.what());
    int r = cosm::await(get(v * 2));
    std::printf("after await in handler: %s %d\n", e.what(), r);
    std::printf("current exception %s\n",
                std::current_exception() ? "kept" : "lost");
    if (v == 2)
      throw;
    if (v == 3)
      throw std::logic_error("new error");
    return r;
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::printf("r1 %d\n", cosm::await(handler_awaits(1)));
  try {
    cosm::await(handler_awaits(2));
  } catch (const std::exception &e) {
    std::printf("main caught rethrown %s\n", e.what());
    cosm::await(cosm::sleep(0));
    std::printf("main still has %s\n", e.what());
  }
  try {
    cosm::await(handler_awaits(3));
  } catch (const std::logic_error &e) {
    std::printf("main caught logic %s\n", e.what());
  } catch (const std::exception &e) {
    std::printf("wrong handler %s\n", e.what());
  }
  for (int i = 0; i < 3; ++i) {
    try {
      if (i == 1)
        throw std::runtime_error("loop");
      cosm::await(get(i));
      std::printf("loop ok %d\n", i);
    } catch (...) {
      cosm::await(get(i));
      std::printf("loop caught %d\n", i);
      continue;
    }
    std::printf("after try %d\n", i);
  }
  auto t = cosm::create_task(get(5));
  try {
    throw 42;
  } catch (int x) {
    std::printf("int %d task %d\n", x, cosm::await(t));
  }
}

int main() { cosm::run(main_()); }
