// The Asio idiom 'auto self = shared_from_this();' in an async member function:
// a local named self keeps the object alive across awaits once its owner drops it.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/shared-from-this.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <memory>
#include <string>

class Session : public std::enable_shared_from_this<Session> {
public:
  explicit Session(std::string n) : name(std::move(n)) {}
  ~Session() { std::printf("%s destroyed\n", name.c_str()); }
  COSM_ASYNC cosm::Coro<void> serve() {
    auto self = shared_from_this();
    for (int i = 0; i < 2; ++i) {
      cosm::await(cosm::sleep(0));
      ++served;
      std::printf("%s served %d uses %ld\n", name.c_str(), served, self.use_count());
    }
  }
  std::string name;
  int served = 0;
};

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> a, b;
  {
    auto s1 = std::make_shared<Session>("s1");
    auto s2 = std::make_shared<Session>("s2");
    a = cosm::create_task(s1->serve());
    b = cosm::create_task(s2->serve());
    cosm::await(cosm::sleep(0)); // calling serve() runs nothing: let both start while s1, s2 live
  }
  std::printf("owners gone\n");
  cosm::await(a);
  cosm::await(b);
  std::printf("end\n");
}

int main() { cosm::run(main_()); }
