// Function parameter packs in COSM_ASYNC templates: the frame keeps the pack
// in a std::tuple and resume_pack() sees it as a pack again. Expansions in
// ordinary calls, sizeof..., if constexpr on the pack with an await in the
// branch taken, an await of cosm::gather over the pack (of coroutines
// passed by forwarding reference, kept alive by the caller's frame, and of
// tasks), recursion over the pack (each level a different frame type), a
// member function template with a pack, and a pack named `state`, a name the
// frame's base uses.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v SHAPE %t.cpp | FileCheck %s --check-prefix=SHAPE
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/parameter-packs.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <tuple>

COSM_ASYNC cosm::Coro<int> get(const char *who, int v) {
  std::printf("%s starts\n", who);
  cosm::await(cosm::sleep(0));
  std::printf("%s ends\n", who);
  return v;
}

void show() { std::printf("\n"); }
template <class T, class... Rest> void show(const T &v, const Rest &...rest) {
  std::printf(" %g", static_cast<double>(v));
  show(rest...);
}

// SHAPE: template <class... Args> struct describe_frame final
// SHAPE: std::tuple<Args...> args_pack;
// SHAPE: explicit describe_frame(Args... args) : args_pack(std::move(args)...) {}
// SHAPE: cosm::Step resume() override {
// SHAPE-NEXT: return std::apply([this](auto &...args) { return resume_pack(args...); },
// SHAPE: cosm::Step resume_pack(Args &...args) {
template <class... Args> COSM_ASYNC cosm::Coro<int> describe(Args... args) {
  std::printf("describe of %d:", static_cast<int>(sizeof...(args)));
  show(args...);
  cosm::await(cosm::sleep(0));
  if constexpr (sizeof...(Args) > 2) {
    int extra = cosm::await(get("extra", 100));
    return extra + static_cast<int>(sizeof...(args));
  } else {
    return static_cast<int>(sizeof...(args));
  }
}

template <class... Cs> COSM_ASYNC cosm::Coro<int> sum_all(Cs &&...cs) {
  std::printf("sum_all of %d\n", static_cast<int>(sizeof...(cs)));
  auto all = cosm::await(cosm::gather(std::forward<Cs>(cs)...));
  int total = 0;
  std::apply([&](auto... v) { ((total += v), ...); }, all);
  return total;
}

// Recursion over the pack: awaits one element per level, in order.
template <class C, class... Rest>
COSM_ASYNC cosm::Coro<int> in_order(C first, Rest... rest) {
  int v = cosm::await(first);
  if constexpr (sizeof...(rest) > 0)
    v += cosm::await(in_order(std::move(rest)...));
  return v;
}

struct Log {
  std::string prefix;
  template <class... Ts> COSM_ASYNC cosm::Coro<void> line(Ts... parts) {
    cosm::await(cosm::sleep(0));
    std::printf("%s", prefix.c_str());
    show(parts...);
  }
};

template <class... Ts> COSM_ASYNC cosm::Coro<int> named_state(Ts... state) {
  cosm::await(cosm::sleep(0));
  return static_cast<int>(sizeof...(state)) + (0 + ... + state);
}

COSM_ASYNC cosm::Coro<void> amain() {
  std::printf("-> %d\n", cosm::await(describe(1, 2)));
  std::printf("-> %d\n", cosm::await(describe(1, 2.5, 'c')));
  std::printf("-> %d\n", cosm::await(describe()));
  std::printf("-> %d\n", cosm::await(sum_all(get("a", 1), get("b", 2))));
  cosm::Task<int> t1 = cosm::create_task(get("t1", 10));
  cosm::Task<int> t2 = cosm::create_task(get("t2", 20));
  std::printf("-> %d\n", cosm::await(sum_all(t1, t2)));
  std::printf("-> %d\n",
              cosm::await(in_order(get("x", 1), get("y", 2), get("z", 3))));
  Log log{"log:"};
  cosm::await(log.line(1, 2.5));
  std::printf("-> %d\n", cosm::await(named_state(4, 5)));
}

int main() { cosm::run(amain()); }
