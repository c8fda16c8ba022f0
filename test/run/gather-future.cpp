// gather() returns its gathering future, as asyncio's does: awaited, given
// a done callback, cancelled (cancelling the children; 3.11's choice of
// CancelledError), and gather(return_exceptions, ...) putting errors and
// cancellations in the results.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/gather-future.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <tuple>

COSM_ASYNC cosm::Coro<int> val(std::string name, int n, int v, bool fail) {
  try {
    for (int i = 0; i < n; ++i)
      cosm::await(cosm::sleep(0));
  } catch (const cosm::CancelledError &e) {
    std::printf("cancelled %s '%s'\n", name.c_str(), e.what());
    throw;
  }
  std::printf("end %s\n", name.c_str());
  if (fail)
    throw cosm::ValueError(name);
  return v;
}

std::string describe(const cosm::ResultOrError<int> &r) {
  if (r.index() == 0)
    return std::to_string(std::get<0>(r));
  try {
    std::rethrow_exception(std::get<1>(r));
  } catch (const cosm::ValueError &e) {
    return std::string("ValueError('") + e.what() + "')";
  } catch (const cosm::CancelledError &e) {
    return std::string("CancelledError('") + e.what() + "')";
  }
  return "?";
}

using Pair = std::tuple<cosm::ResultOrError<int>, cosm::ResultOrError<int>>;
using Triple = std::tuple<cosm::ResultOrError<int>, cosm::ResultOrError<int>,
                          cosm::ResultOrError<int>>;

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::GatherFuture<Pair> g1 = cosm::gather(
      cosm::return_exceptions, val("a", 1, 1, false), val("b", 0, 2, true));
  g1.add_done_callback([](const cosm::Future<Pair> &f) {
    std::printf("callback, done: %s\n", f.done() ? "True" : "False");
  });
  Pair r1 = cosm::await(g1);
  std::printf("results: %s %s\n", describe(std::get<0>(r1)).c_str(),
              describe(std::get<1>(r1)).c_str());

  cosm::GatherFuture<std::tuple<int, int>> g2 =
      cosm::gather(val("c", 3, 1, false), val("d", 3, 2, false));
  cosm::await(cosm::sleep(0));
  bool first = g2.cancel("stop");
  bool second = g2.cancel("again");
  std::printf("cancel: %s %s\n", first ? "True" : "False",
              second ? "True" : "False");
  try {
    cosm::await(g2);
  } catch (const cosm::CancelledError &e) {
    std::printf("gather raised CancelledError '%s', cancelled() %s\n",
                e.what(), g2.cancelled() ? "True" : "False");
  }

  cosm::Task<int> t = cosm::create_task(val("e", 3, 1, false));
  cosm::Future<int> fut;
  cosm::GatherFuture<Triple> g3 =
      cosm::gather(cosm::return_exceptions, t, val("f", 1, 2, false), fut);
  cosm::await(cosm::sleep(0));
  t.cancel("ce");
  fut.cancel("fe");
  Triple r3 = cosm::await(g3);
  std::printf("results: %s %s %s\n", describe(std::get<0>(r3)).c_str(),
              describe(std::get<1>(r3)).c_str(),
              describe(std::get<2>(r3)).c_str());
  std::printf("cancel after done: %s\n", g3.cancel() ? "True" : "False");

  cosm::GatherFuture<std::tuple<cosm::ResultOrError<int>>> g4 =
      cosm::gather(cosm::return_exceptions, val("g", 2, 1, false));
  cosm::await(cosm::sleep(0));
  g4.cancel("gm");
  try {
    cosm::await(g4);
  } catch (const cosm::CancelledError &e) {
    std::printf("return_exceptions gather raised CancelledError '%s'\n",
                e.what());
  }

  try {
    cosm::await(cosm::gather(val("h", 2, 1, false), val("i", 0, 0, true)));
  } catch (const cosm::ValueError &e) {
    std::printf("raised ValueError %s\n", e.what());
  }
  cosm::await(cosm::sleep(0));
  cosm::await(cosm::sleep(0));

  cosm::GatherFuture<std::tuple<>> g5 = cosm::gather();
  bool cancelled = g5.cancel();
  std::printf("empty: %s %zu %s\n", g5.done() ? "True" : "False",
              std::tuple_size<std::tuple<>>::value,
              cancelled ? "True" : "False");
}

int main() { cosm::run(main_()); }
