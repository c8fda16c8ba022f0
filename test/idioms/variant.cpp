// std::variant locals across awaits, switched between alternatives by awaited
// results and inspected with std::visit, std::get and index().
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/variant.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <type_traits>
#include <variant>

using Value = std::variant<int, double, std::string>;

COSM_ASYNC cosm::Coro<Value> parse(std::string s) {
  cosm::await(cosm::sleep(0));
  if (s.find('.') != std::string::npos)
    return std::stod(s);
  if (!s.empty() && s[0] >= '0' && s[0] <= '9')
    return std::stoi(s);
  return s;
}

COSM_ASYNC cosm::Coro<void> show(const char *who, std::string a, std::string b) {
  Value v = cosm::await(parse(a));
  std::printf("%s first index %zu\n", who, v.index());
  Value w = cosm::await(parse(b));
  std::visit([&](const auto &x) {
    using X = std::decay_t<decltype(x)>;
    if constexpr (std::is_same_v<X, std::string>)
      std::printf("%s second str %s\n", who, x.c_str());
    else
      std::printf("%s second num %g\n", who, static_cast<double>(x));
  }, w);
  if (std::holds_alternative<int>(v))
    std::printf("%s first int %d\n", who, std::get<int>(v));
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> t1 = cosm::create_task(show("a", "42", "hi"));
  cosm::Task<void> t2 = cosm::create_task(show("b", "2.5", "7"));
  cosm::await(t1);
  cosm::await(t2);
}

int main() { cosm::run(main_()); }
