// NaN, infinities and extreme integers passed through awaits (as arguments,
// results and locals); printed the way Python prints them.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/nan-and-huge-values.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

COSM_ASYNC cosm::Coro<double> pass(double x) {
  cosm::await(cosm::sleep(0));
  return x;
}

COSM_ASYNC cosm::Coro<std::int64_t> inc(std::int64_t x) {
  cosm::await(cosm::sleep(0));
  return x + 1;
}

COSM_ASYNC cosm::Coro<void> doubles() {
  double nan = std::numeric_limits<double>::quiet_NaN();
  double big = std::numeric_limits<double>::max();
  double inf = std::numeric_limits<double>::infinity();
  double r1 = cosm::await(pass(nan));
  double r2 = cosm::await(pass(big));
  double r3 = cosm::await(pass(-inf));
  std::printf("nan %g isnan %d self-equal %d\n", r1, (int)std::isnan(r1), (int)(r1 == r1));
  std::printf("max %.17g same %d\n", r2, (int)(r2 == big));
  std::printf("-inf %g\n", r3);
  std::printf("nan+1 isnan %d\n", (int)std::isnan(cosm::await(pass(nan)) + 1));
}

COSM_ASYNC cosm::Coro<void> ints() {
  std::int64_t top = INT64_MAX - 1;
  std::int64_t low = INT64_MIN;
  std::int64_t a = cosm::await(inc(top));
  std::int64_t b = cosm::await(inc(low));
  std::uint64_t u = UINT64_MAX;
  cosm::await(cosm::sleep(0));
  std::printf("%" PRId64 " %" PRId64 " %" PRIu64 "\n", a, b, u);
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> t1 = cosm::create_task(doubles());
  cosm::Task<void> t2 = cosm::create_task(ints());
  cosm::await(t1);
  cosm::await(t2);
}

int main() { cosm::run(main_()); }
