// A `?:` whose result is an object (a std::string, a class with a
// destructor) and whose sides await: whichever side runs constructs the one
// result slot, so the result is the chosen side's value and is destroyed
// once. Awaits on the true side, the false side, both, nested, in a call's
// argument and in an if's condition; Tracked counts live objects (the run
// ends with none) and ASan sees every construction and destruction.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %python %S/Inputs/conditional-objects.py > %t.want
// RUN: %t.gcc | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

static int Live = 0;

struct Tracked {
  std::string Text;
  explicit Tracked(std::string T) : Text(std::move(T)) { ++Live; }
  Tracked(const Tracked &O) : Text(O.Text) { ++Live; }
  Tracked(Tracked &&O) noexcept : Text(std::move(O.Text)) { ++Live; }
  ~Tracked() { --Live; }
};

COSM_ASYNC cosm::Coro<std::string> word(std::string w) {
  cosm::await(cosm::sleep(0));
  return w;
}

COSM_ASYNC cosm::Coro<Tracked> tracked(std::string w) {
  cosm::await(cosm::sleep(0));
  return Tracked(w);
}

static std::string shout(const std::string &s) { return s + "!"; }

COSM_ASYNC cosm::Coro<void> main_() {
  for (int i = 0; i < 2; ++i) {
    bool b = i == 0;
    std::string t = b ? cosm::await(word("awaited")) : std::string("plain");
    std::string f = b ? std::string("plain") : cosm::await(word("awaited"));
    std::string both =
        b ? cosm::await(word("left")) : cosm::await(word("right"));
    std::string nested = b ? (i < 5 ? cosm::await(word("in-in"))
                                    : std::string("in-out"))
                           : cosm::await(word("out"));
    std::printf("%d: %s %s %s %s\n", i, t.c_str(), f.c_str(), both.c_str(),
                nested.c_str());
    std::printf("%d: %s\n", i,
                shout(b ? cosm::await(word("arg")) : std::string("no-arg"))
                    .c_str());
    if ((b ? cosm::await(word("x")) : std::string("yy")).size() == 1)
      std::printf("%d: short\n", i);
    else
      std::printf("%d: long\n", i);
    Tracked k = b ? cosm::await(tracked("tracked")) : Tracked("local");
    std::printf("%d: %s, %d live\n", i, k.Text.c_str(), Live);
  }
  std::printf("%d live\n", Live);
}

int main() {
  cosm::run(main_());
  std::printf("%d live at exit\n", Live);
}
