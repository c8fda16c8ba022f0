// Folds over `<<` and `>>` whose pattern awaits: C++ shifts each element's
// value in before it evaluates the next element, so the shifts interleave
// with the awaits (an ostream-like sink prints as each value arrives). The
// value so far changes type (std::ostringstream& to std::ostream&), is a
// reference or an integer, the fold has an initial operand or not, its
// value is used or discarded, the pack is empty; an element that throws
// stops the fold after the shifts before it. A ticker task interleaves.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: grep -v SHAPE %t.cpp | FileCheck %s --check-prefix=SHAPE
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/pack-shift-folds.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <string>

COSM_ASYNC cosm::Coro<int> fetch(int id) {
  std::printf("fetch %d\n", id);
  cosm::await(cosm::sleep(0));
  if (id < 0)
    throw std::runtime_error("bad id " + std::to_string(id));
  return id * 10;
}

struct Sink {
  int count = 0;
  Sink &operator<<(int v) {
    std::printf("sink %d\n", v);
    ++count;
    return *this;
  }
};

// Each element's coroutine shifts its value into the value so far; the
// fold awaits them in turn, starting from `sink`.
// SHAPE: return_value(cosm::detail::shift_left(fold{{[_0-9]*}}, child.take_result()));
// SHAPE: child = cosm::detail::shift_in_order(
// SHAPE-NEXT: cosm::detail::fold_step(sink), each_1{{[_0-9]*}}, std::forward_as_tuple(ids)...);
// SHAPE: cosm::detail::fold_value(child.take_result());
template <class... Ids> COSM_ASYNC cosm::Coro<int> to_sink(Ids... ids) {
  Sink sink;
  (sink << ... << cosm::await(fetch(ids)));
  return sink.count;
}

template <class... Ids> COSM_ASYNC cosm::Coro<std::string> joined(Ids... ids) {
  std::ostringstream out;
  std::ostream &last = (out << ... << cosm::await(fetch(ids)));
  last << '.';
  return out.str();
}

template <class... Ids> COSM_ASYNC cosm::Coro<long> shifts(Ids... ids) {
  long up = (1L << ... << (cosm::await(fetch(ids)) / 10));
  long down = (... >> (cosm::await(fetch(ids)) / 10));
  return up * 1000 + down;
}

COSM_ASYNC cosm::Coro<void> main_coro() {
  cosm::Task<void> tick =
      cosm::create_task([] COSM_ASYNC() -> cosm::Coro<void> {
        for (int i = 0; i < 8; ++i) {
          std::printf("tick %d\n", i);
          cosm::await(cosm::sleep(0));
        }
      }());
  std::printf("count %d\n", cosm::await(to_sink(1, 2, 3)));
  std::printf("joined %s\n", cosm::await(joined(4, 5)).c_str());
  std::printf("joined %s\n", cosm::await(joined()).c_str());
  std::printf("shifts %ld\n", cosm::await(shifts(1, 2, 0)));
  std::printf("shifts %ld\n", cosm::await(shifts(9)));
  try {
    cosm::await(to_sink(6, -1, 7));
  } catch (const std::runtime_error &e) {
    std::printf("caught %s\n", e.what());
  }
  cosm::await(tick);
}

int main() { cosm::run(main_coro()); }
