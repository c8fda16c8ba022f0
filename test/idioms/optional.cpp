// std::optional locals across awaits: empty, filled by an awaited result, reset;
// and an async function returning std::optional (std::nullopt and a value).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/optional.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <optional>
#include <string>

COSM_ASYNC cosm::Coro<std::optional<int>> find(int key) {
  cosm::await(cosm::sleep(0));
  if (key % 2)
    return std::nullopt;
  return key * 10;
}

COSM_ASYNC cosm::Coro<void> lookup(const char *who, int k1, int k2) {
  std::optional<std::string> label;
  std::optional<int> v = cosm::await(find(k1));
  std::printf("%s k1 %s\n", who, v ? std::to_string(*v).c_str() : "None");
  if (v)
    label = std::string(who) + ":" + std::to_string(*v);
  v = cosm::await(find(k2));
  std::printf("%s k2 %s label %s\n", who, v.has_value() ? std::to_string(v.value()).c_str() : "None",
              label.value_or("None").c_str());
  label.reset();
  cosm::await(cosm::sleep(0));
  std::printf("%s label %s\n", who, label ? label->c_str() : "None");
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> a = cosm::create_task(lookup("a", 2, 3));
  cosm::Task<void> b = cosm::create_task(lookup("b", 1, 4));
  cosm::await(a);
  cosm::await(b);
}

int main() { cosm::run(main_()); }
