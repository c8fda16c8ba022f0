// Structured bindings from an awaited std::pair and an awaited struct
// (auto [ok, value] = cosm::await(...)), used after further awaits.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/structured-binding-from-await.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <utility>

struct Reply {
  int code;
  std::string body;
};

COSM_ASYNC cosm::Coro<std::pair<bool, int>> check(int x) {
  cosm::await(cosm::sleep(0));
  return {x > 0, x * 2};
}

COSM_ASYNC cosm::Coro<Reply> get(std::string path) {
  cosm::await(cosm::sleep(0));
  return Reply{path == "/" ? 200 : 404, "body of " + path};
}

COSM_ASYNC cosm::Coro<void> client(const char *who, int x, std::string path) {
  auto [ok, value] = cosm::await(check(x));
  auto [code, body] = cosm::await(get(path));
  cosm::await(cosm::sleep(0));
  std::printf("%s ok %d value %d code %d body %s\n", who, (int)ok, value, code, body.c_str());
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> a = cosm::create_task(client("a", 3, "/"));
  cosm::Task<void> b = cosm::create_task(client("b", -1, "/x"));
  cosm::await(a);
  cosm::await(b);
}

int main() { cosm::run(main_()); }
