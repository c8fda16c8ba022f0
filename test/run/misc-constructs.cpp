// Namespaced and overloaded COSM_ASYNC functions, default arguments, an await as
// a range-for's range, a Coro lvalue, awaits in subscripts, plain-call arguments and
// compound assignments, await of create_task(...) directly, do-while with an await
// in its condition, a static local.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/misc-constructs.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <tuple>
#include <vector>

namespace app {
COSM_ASYNC cosm::Coro<int> get(int v) {
  cosm::await(cosm::sleep(0));
  return v;
}
namespace inner {
COSM_ASYNC cosm::Coro<int> get(int v) {
  cosm::await(cosm::sleep(0));
  return v + 1000;
}
} // namespace inner
} // namespace app

COSM_ASYNC cosm::Coro<int> over(int v) { return v + cosm::await(app::get(1)); }
COSM_ASYNC cosm::Coro<int> over(int v, int w) { return v + w + cosm::await(app::get(2)); }

COSM_ASYNC cosm::Coro<std::vector<int>> getvec(int n) {
  std::vector<int> r;
  for (int i = 0; i < n; ++i)
    r.push_back(cosm::await(app::get(i * i)));
  return r;
}

COSM_ASYNC cosm::Coro<std::string> label(int i, std::string suffix = "!") {
  if (i == 0)
    return "zero" + suffix;
  cosm::await(cosm::sleep(0));
  return std::to_string(i) + suffix;
}

COSM_ASYNC cosm::Coro<void> maybe(bool early) {
  std::puts("maybe start");
  if (early)
    return;
  cosm::await(cosm::sleep(0));
  std::puts("maybe end");
}

COSM_ASYNC cosm::Coro<int> nosuspend(int x) { return x * 2; }

int plain(int a, int b) { return a * 100 + b; }

COSM_ASYNC cosm::Coro<void> main_() {
  for (int x : cosm::await(getvec(4)))
    std::printf("vec %d\n", x);
  std::printf("ns %d %d\n", cosm::await(app::get(5)), cosm::await(app::inner::get(5)));
  std::printf("over %d %d\n", cosm::await(over(1)), cosm::await(over(1, 2)));
  std::printf("name %s %s %s\n", cosm::await(label(0)).c_str(), cosm::await(label(3)).c_str(),
              cosm::await(label(4, "?")).c_str());
  cosm::await(maybe(true));
  cosm::await(maybe(false));
  std::printf("nosuspend %d\n", cosm::await(nosuspend(21)));
  auto c = app::get(77);
  std::printf("lvalue coro %d\n", cosm::await(c));
  int arr[3] = {10, 20, 30};
  std::printf("subscript %d\n", arr[cosm::await(app::get(2))]);
  std::printf("plain %d\n", plain(cosm::await(app::get(3)), cosm::await(app::get(4))));
  int acc = 1;
  acc += cosm::await(app::get(10));
  acc *= cosm::await(app::get(3));
  std::printf("acc %d\n", acc);
  auto pq = cosm::await(cosm::gather(app::get(8), label(9)));
  int p = std::get<0>(pq);
  std::string q = std::get<1>(pq);
  std::printf("bind %d %s\n", p, q.c_str());
  cosm::await(cosm::sleep(0));
  std::printf("bind again %d %s\n", p, q.c_str());
  int t = cosm::await(cosm::create_task(app::get(42)));
  std::printf("direct task %d\n", t);
  int k = 0;
  do {
    ++k;
  } while (cosm::await(app::get(k)) < 3);
  std::printf("k %d\n", k);
  static int calls = 0;
  ++calls;
  std::printf("calls %d\n", calls);
}

int main() { cosm::run(main_()); }
