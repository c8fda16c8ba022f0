// `__func__`, `__FUNCTION__` and `__LINE__` written in an async function
// (a free function, a member, a COSM_ASYNC lambda, a plain lambda inside,
// function templates and members of class templates)
// print what they print in the source: the function's name, not resume()'s,
// and the user's line, not the output's (without --line-directives).
// Lowered, the program prints what the same source prints as ordinary C++
// (the plain build: awaits and run removed).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: sed -e 's/cosm::await(/(/g' -e 's/cosm::run(/(/g' %s > %t.plain.cpp
// RUN: %cxx -std=c++17 -w -I%S/Inputs/plain %t.plain.cpp -o %t.plain
// RUN: %t.plain > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<void> worker() {
  cosm::await(cosm::sleep(0));
  std::printf("%s %s line %d\n", __func__, __FUNCTION__, __LINE__);
  auto local = [] { return __func__; };
  cosm::await(cosm::sleep(0));
  std::printf("%s at %d, %zu\n", local(), __LINE__, sizeof(__func__));
}

struct Service {
  COSM_ASYNC cosm::Coro<int> serve(int n) {
    cosm::await(cosm::sleep(0));
    std::printf("%s %d\n", __func__, __LINE__);
    return n;
  }
};

template <int N> COSM_ASYNC cosm::Coro<void> numbered() {
  cosm::await(cosm::sleep(0));
  auto inner = [] { return __func__; };
  std::printf("%s %s %d %s\n", __func__, __FUNCTION__, N, inner());
}

template <class T> struct Holder {
  COSM_ASYNC cosm::Coro<T> get(T v) {
    cosm::await(cosm::sleep(0));
    std::printf("%s %d\n", __func__, __LINE__);
    return v;
  }
  template <class U> COSM_ASYNC cosm::Coro<U> convert() {
    cosm::await(cosm::sleep(0));
    std::printf("%s %d\n", __FUNCTION__, __LINE__);
    return U{};
  }
};

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::await(numbered<3>());
  Holder<int> h;
  cosm::await(h.get(4));
  cosm::await(h.convert<long>());
  auto generic = [] COSM_ASYNC(auto x) -> cosm::Coro<void> {
    cosm::await(cosm::sleep(0));
    std::printf("%s %d\n", __func__, (int)x);
  };
  cosm::await(generic(5));
  cosm::await(worker());
  Service s;
  int n = cosm::await(s.serve(2));
  auto lambda = [n] COSM_ASYNC() -> cosm::Coro<void> {
    cosm::await(cosm::sleep(0));
    std::printf("%s %d %d\n", __func__, n, __LINE__);
  };
  cosm::await(lambda());
}

int main() { cosm::run(main_()); }
