// Lambdas that capture a function parameter pack: a class has no pack of
// members, so the frame (or the lifted closure) keeps the pack in a tuple
// and the body sees a pack again. A COSM_ASYNC lambda capturing by
// reference (its increments reach the function's pack) and by value (a
// task made from it runs after the closure is gone, and a second call gets
// fresh copies), a plain lambda kept across an await capturing the pack by
// reference and by value, and the empty pack. Forwarding-reference and
// const-reference packs captured by `[&]` (kept as `Ts &`, never `Ts && &`),
// by a named lambda and by one called where it is written. A ticker task
// interleaves.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: grep -v SHAPE %t.cpp | FileCheck %s --check-prefix=SHAPE
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/pack-captures.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

// SHAPE: struct bump_all_lambda_frame final : cosm::Frame<int> {
// SHAPE: std::tuple<Ids &...> ids_pack;
// SHAPE: return std::apply([this](auto &...ids) { return resume_pack(ids...); },
// SHAPE: struct bump_closure {
// SHAPE-NEXT: std::tuple<std::remove_reference_t<Ids> &...> ids_pack{{[_0-9]*}};
template <class... Ids> COSM_ASYNC cosm::Coro<int> bump_all(Ids... ids) {
  auto bump = [&] COSM_ASYNC() -> cosm::Coro<int> {
    ((ids += 1), ...);
    cosm::await(cosm::sleep(0));
    return (0 + ... + ids);
  };
  int first = cosm::await(bump());
  int second = cosm::await(bump());
  std::printf("bumped %d %d, now %d\n", first, second, (0 + ... + ids));
  return second;
}

template <class... Ss>
COSM_ASYNC cosm::Coro<std::string> joined(std::string sep, Ss... ss) {
  auto join = [sep, ss...] COSM_ASYNC() mutable -> cosm::Coro<std::string> {
    std::string out;
    ((out += ss + sep, ss += "!"), ...);
    cosm::await(cosm::sleep(0));
    return out;
  };
  cosm::Task<std::string> t = cosm::create_task(join());
  std::string again = cosm::await(join());
  return cosm::await(t) + "|" + again;
}

// SHAPE: struct count_closure {
// SHAPE-NEXT: std::tuple<Ns...> ns_pack{{[_0-9]*}};
template <class... Ns> COSM_ASYNC cosm::Coro<int> kept(Ns... ns) {
  auto count = [ns...] { return static_cast<int>(sizeof...(ns)); };
  auto total = [&] { return (0 + ... + ns); };
  cosm::await(cosm::sleep(0));
  ((ns *= 2), ...);
  return count() * 1000 + total();
}

// SHAPE: struct forwarded_lambda_frame final : cosm::Frame<int> {
// SHAPE: std::tuple<Ts &...> ts_pack;
// SHAPE: awaiter_2.start([&]() -> cosm::Coro<int> {
template <class... Ts> COSM_ASYNC cosm::Coro<int> forwarded(Ts &&...ts) {
  auto inc = [&] COSM_ASYNC() -> cosm::Coro<int> {
    ((ts += 1), ...);
    cosm::await(cosm::sleep(0));
    return (0 + ... + ts);
  };
  int a = cosm::await(inc());
  int b = cosm::await([&] COSM_ASYNC() -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    return (1 + ... + ts);
  }());
  return a * 100 + b;
}

// SHAPE: std::tuple<const Ts &...> ts_pack;
template <class... Ts> COSM_ASYNC cosm::Coro<int> summed(const Ts &...ts) {
  auto sum = [&] COSM_ASYNC() -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    return (0 + ... + ts);
  };
  return cosm::await(sum());
}

COSM_ASYNC cosm::Coro<void> main_coro() {
  cosm::Task<void> tick = cosm::create_task([] COSM_ASYNC() -> cosm::Coro<void> {
    for (int i = 0; i < 6; ++i) {
      std::printf("tick %d\n", i);
      cosm::await(cosm::sleep(0));
    }
  }());
  std::printf("bump %d\n", cosm::await(bump_all(1, 2, 3)));
  std::printf("bump %d\n", cosm::await(bump_all()));
  std::printf("joined %s\n",
              cosm::await(joined(",", std::string("a"), std::string("b")))
                  .c_str());
  std::printf("kept %d\n", cosm::await(kept(1, 2, 3)));
  std::printf("kept %d\n", cosm::await(kept()));
  int x = 1, y = 2;
  int f = cosm::await(forwarded(x, y));
  std::printf("forwarded %d, now %d %d\n", f, x, y);
  std::printf("forwarded %d\n", cosm::await(forwarded(5)));
  std::printf("summed %d\n", cosm::await(summed(1, 2, 3)));
  cosm::await(tick);
}

int main() { cosm::run(main_coro()); }
