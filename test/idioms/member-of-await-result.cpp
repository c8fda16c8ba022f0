// Using a member of the awaited result directly (cosm::await(f()).size(),
// cosm::await(g())->name, cosm::await(h())[1]) without naming it first.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/member-of-await-result.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

struct User {
  std::string name;
};

COSM_ASYNC cosm::Coro<std::string> text(const char *who) {
  cosm::await(cosm::sleep(0));
  return std::string("text of ") + who;
}

COSM_ASYNC cosm::Coro<std::shared_ptr<User>> user(const char *who) {
  cosm::await(cosm::sleep(0));
  return std::make_shared<User>(User{who});
}

COSM_ASYNC cosm::Coro<std::vector<int>> nums(int base) {
  cosm::await(cosm::sleep(0));
  return {base, base + 1, base + 2};
}

COSM_ASYNC cosm::Coro<void> client(const char *who, int base) {
  std::size_t len = cosm::await(text(who)).size();
  std::string name = cosm::await(user(who))->name;
  int second = cosm::await(nums(base))[1];
  std::printf("%s len %zu name %s second %d\n", who, len, name.c_str(), second);
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> a = cosm::create_task(client("a", 10));
  cosm::Task<void> b = cosm::create_task(client("bob", 20));
  cosm::await(a);
  cosm::await(b);
}

int main() { cosm::run(main_()); }
