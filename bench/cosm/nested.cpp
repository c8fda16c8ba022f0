// Workload 3, cosm: nested awaits of coroutines that return a value.
// Variants: await (N calls through DEPTH levels, 1% of leaves yield once),
// plain (the same chain of plain functions), resume (one task suspended at
// DEPTH levels yields N times: ns per resume). DEPTH is 1 or 10 (M).
// The levels are distinct functions (no recursion): same-TU awaits.
#include "bench.hpp"

#include <cosm/cosm.hpp>
#include <cstdint>

COSM_ASYNC cosm::Coro<std::uint64_t> leaf(std::uint64_t I, long Yields) {
  std::uint64_t Yielded = 0; // in the checksum: the resumes happened
  for (long K = 0; K < Yields; ++K) {
    cosm::await(cosm::sleep(0));
    ++Yielded;
  }
  if (Yields == 0 && I % 100 == 0)
    cosm::await(cosm::sleep(0));
  return I * 3 + Yielded;
}

COSM_ASYNC cosm::Coro<std::uint64_t> level1(std::uint64_t I, long Yields) {
  return cosm::await(leaf(I, Yields)) + 1;
}

COSM_ASYNC cosm::Coro<std::uint64_t> level2(std::uint64_t I, long Yields) {
  return cosm::await(level1(I, Yields)) + 1;
}

COSM_ASYNC cosm::Coro<std::uint64_t> level3(std::uint64_t I, long Yields) {
  return cosm::await(level2(I, Yields)) + 1;
}

COSM_ASYNC cosm::Coro<std::uint64_t> level4(std::uint64_t I, long Yields) {
  return cosm::await(level3(I, Yields)) + 1;
}

COSM_ASYNC cosm::Coro<std::uint64_t> level5(std::uint64_t I, long Yields) {
  return cosm::await(level4(I, Yields)) + 1;
}

COSM_ASYNC cosm::Coro<std::uint64_t> level6(std::uint64_t I, long Yields) {
  return cosm::await(level5(I, Yields)) + 1;
}

COSM_ASYNC cosm::Coro<std::uint64_t> level7(std::uint64_t I, long Yields) {
  return cosm::await(level6(I, Yields)) + 1;
}

COSM_ASYNC cosm::Coro<std::uint64_t> level8(std::uint64_t I, long Yields) {
  return cosm::await(level7(I, Yields)) + 1;
}

COSM_ASYNC cosm::Coro<std::uint64_t> level9(std::uint64_t I, long Yields) {
  return cosm::await(level8(I, Yields)) + 1;
}

__attribute__((noinline)) std::uint64_t plainLeaf(std::uint64_t I) {
  return I * 3;
}

__attribute__((noinline)) std::uint64_t plain1(std::uint64_t I) {
  return plainLeaf(I) + 1;
}

__attribute__((noinline)) std::uint64_t plain2(std::uint64_t I) {
  return plain1(I) + 1;
}

__attribute__((noinline)) std::uint64_t plain3(std::uint64_t I) {
  return plain2(I) + 1;
}

__attribute__((noinline)) std::uint64_t plain4(std::uint64_t I) {
  return plain3(I) + 1;
}

__attribute__((noinline)) std::uint64_t plain5(std::uint64_t I) {
  return plain4(I) + 1;
}

__attribute__((noinline)) std::uint64_t plain6(std::uint64_t I) {
  return plain5(I) + 1;
}

__attribute__((noinline)) std::uint64_t plain7(std::uint64_t I) {
  return plain6(I) + 1;
}

__attribute__((noinline)) std::uint64_t plain8(std::uint64_t I) {
  return plain7(I) + 1;
}

__attribute__((noinline)) std::uint64_t plain9(std::uint64_t I) {
  return plain8(I) + 1;
}

COSM_ASYNC cosm::Coro<std::uint64_t> top(long Depth, std::uint64_t I, long Yields) {
  if (Depth == 1)
    return cosm::await(leaf(I, Yields));
  return cosm::await(level9(I, Yields));
}

COSM_ASYNC cosm::Coro<std::uint64_t> calls(long N, long Depth) {
  bench::Phase Calls;
  std::uint64_t Sum = 0;
  for (long I = 0; I < N; ++I)
    Sum += cosm::await(top(Depth, std::uint64_t(I), 0));
  Calls.stop("call", double(N));
  return Sum;
}

COSM_ASYNC cosm::Coro<std::uint64_t> resumes(long N, long Depth) {
  bench::Phase Resumes;
  std::uint64_t Sum = cosm::await(top(Depth, 1, N));
  Resumes.stop("resume", double(N));
  return Sum;
}

int main(int Argc, char **Argv) {
  bench::Args A = bench::parseArgs(Argc, Argv);
  if (A.M != 1 && A.M != 10)
    bench::badVariant(A);
  if (A.Variant == "await") {
    bench::checksum(cosm::run(calls(A.N, A.M)));
  } else if (A.Variant == "resume") {
    bench::checksum(cosm::run(resumes(A.N, A.M)));
  } else if (A.Variant == "plain") {
    bench::Phase Calls;
    std::uint64_t Sum = 0;
    for (long I = 0; I < A.N; ++I)
      Sum += A.M == 1 ? plainLeaf(std::uint64_t(I)) : plain9(std::uint64_t(I));
    Calls.stop("call", double(A.N));
    bench::checksum(Sum);
  } else {
    bench::badVariant(A);
  }
}
