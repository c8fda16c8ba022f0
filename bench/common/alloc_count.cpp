//===- bench/common/alloc_count.cpp - Counting malloc shim ----------------===//
///
/// \file
/// Linked into every C++ peer: replaces the malloc family so that every
/// allocation (operator new calls malloc in libstdc++) bumps a counter before
/// going to glibc. The counters are plain integers, not atomics: the
/// benchmarks are single-threaded and a locked increment would tax the peers
/// that allocate most. Read them with bench::allocs() (bench.hpp).
///
//===----------------------------------------------------------------------===//
#include <cerrno>
#include <cstddef>
#include <cstdint>

extern "C" {
void *__libc_malloc(std::size_t);
void *__libc_calloc(std::size_t, std::size_t);
void *__libc_realloc(void *, std::size_t);
void *__libc_memalign(std::size_t, std::size_t);
void __libc_free(void *);

std::uint64_t bench_alloc_count = 0;
std::uint64_t bench_alloc_bytes = 0;

void *malloc(std::size_t Size) {
  ++bench_alloc_count;
  bench_alloc_bytes += Size;
  return __libc_malloc(Size);
}

void *calloc(std::size_t N, std::size_t Size) {
  ++bench_alloc_count;
  bench_alloc_bytes += N * Size;
  return __libc_calloc(N, Size);
}

void *realloc(void *P, std::size_t Size) {
  ++bench_alloc_count;
  bench_alloc_bytes += Size;
  return __libc_realloc(P, Size);
}

void *aligned_alloc(std::size_t Align, std::size_t Size) {
  ++bench_alloc_count;
  bench_alloc_bytes += Size;
  return __libc_memalign(Align, Size);
}

void *memalign(std::size_t Align, std::size_t Size) {
  return aligned_alloc(Align, Size);
}

int posix_memalign(void **Out, std::size_t Align, std::size_t Size) {
  void *P = aligned_alloc(Align, Size);
  if (!P)
    return ENOMEM;
  *Out = P;
  return 0;
}

void free(void *P) { __libc_free(P); }
}
