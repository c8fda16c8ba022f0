// std::string_view parameters and locals of async functions (views of strings
// that outlive the call), sliced and compared after awaits.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/string-view-parameter.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <string_view>

COSM_ASYNC cosm::Coro<std::size_t> words(std::string_view text, std::string_view who) {
  std::size_t n = 0;
  std::string_view rest = text;
  while (!rest.empty()) {
    std::size_t sp = rest.find(' ');
    std::string_view word = rest.substr(0, sp);
    cosm::await(cosm::sleep(0));
    std::printf("%.*s word %.*s\n", (int)who.size(), who.data(), (int)word.size(), word.data());
    ++n;
    rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
  }
  return n;
}

COSM_ASYNC cosm::Coro<void> main_() {
  static const std::string text = "to be or";
  cosm::Task<std::size_t> a = cosm::create_task(words(text, "a"));
  cosm::Task<std::size_t> b = cosm::create_task(words("not", "b"));
  std::size_t ra = cosm::await(a);
  std::size_t rb = cosm::await(b);
  std::printf("counts %zu %zu\n", ra, rb);
}

int main() { cosm::run(main_()); }
