// String literals, raw strings and comments that contain 'cosm::await(' inside
// an async function: text, not code; it must come out byte for byte.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/await-in-strings.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

COSM_ASYNC cosm::Coro<std::size_t> docs(const char *who) {
  std::string plain = "call cosm::await(x) to wait";
  // a comment mentioning cosm::await(sleep(0)) is not an await
  cosm::await(cosm::sleep(0));
  const char *raw = R"(cosm::await(cosm::sleep(1)); "quoted" \n)";
  std::string delim = R"xx(x = cosm::await(get()) + 1; )" )xx";
  cosm::await(cosm::sleep(0));
  std::printf("%s | %s | %s | %s\n", who, plain.c_str(), raw, delim.c_str());
  return plain.size() + delim.size();
}

// CHECK: "call cosm::await(x) to wait"
// CHECK: // a comment mentioning cosm::await(sleep(0)) is not an await
// CHECK: R"(cosm::await(cosm::sleep(1)); "quoted" \n)"
// CHECK: R"xx(x = cosm::await(get()) + 1; )" )xx"

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<std::size_t> a = cosm::create_task(docs("a"));
  cosm::Task<std::size_t> b = cosm::create_task(docs("b"));
  std::size_t n = cosm::await(a) + cosm::await(b);
  std::printf("n %zu\n", n);
}

int main() { cosm::run(main_()); }
