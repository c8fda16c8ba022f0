// A call in a template that depends on a template parameter is resolved only
// where the template is instantiated: a temporary it binds there to a
// coroutine's reference parameter (a conversion, a prvalue, a default
// argument) would be destroyed before the coroutine runs, and the frame,
// written from the template, cannot keep it. Each is refused by name; the
// same call with an lvalue, or with a parameter taken by value, lowers.
//
// RUN: %cosm-lower %s -- -std=c++17 -Xclang -verify

#include <cosm/cosm.hpp>
#include <string>

struct Name {
  std::string s;
  explicit Name(const char *p) : s(p) {}
};

COSM_ASYNC cosm::Coro<int> use(const Name &name, int v) {
  cosm::await(cosm::sleep(0));
  return (int)name.s.size() + v;
}

COSM_ASYNC cosm::Coro<int> greet(const std::string &text, int v) {
  cosm::await(cosm::sleep(0));
  return (int)text.size() + v;
}

COSM_ASYNC cosm::Coro<int> copy(std::string text, int v) {
  cosm::await(cosm::sleep(0));
  return (int)text.size() + v;
}

template <class T>
COSM_ASYNC cosm::Coro<std::size_t> sized(const T &s = T("abc")) {
  cosm::await(cosm::sleep(0));
  return s.s.size();
}

template <class T> COSM_ASYNC cosm::Coro<int> prvalue(T seed) {
  return cosm::await(use(Name("w"), seed)); // expected-error {{cosm-lower cannot lower a temporary made for the reference parameter 'name' where the template is instantiated: the coroutine would outlive it (store the argument in a local first) yet}}
}

template <class T> COSM_ASYNC cosm::Coro<int> converted(T seed) {
  return cosm::await(greet("text", seed)); // expected-error {{a temporary made for the reference parameter 'text' where the template}}
}

template <class T> COSM_ASYNC cosm::Coro<std::size_t> defaulted() {
  return cosm::await(sized<T>()); // expected-error {{a call whose default argument for the reference parameter 's' makes a temporary where the template is instantiated, which the coroutine would outlive (pass the argument explicitly)}}
}

template <class T> struct Holder {
  COSM_ASYNC cosm::Coro<int> gathered(T seed) {
    auto both = cosm::await(cosm::gather(greet(std::string("g"), seed), // expected-error {{reference parameter 'text' where the template}}
                                         copy("c", seed)));
    return std::get<0>(both) + std::get<1>(both);
  }
};

// A COSM_ASYNC lambda of the template (a closure of a dependent type),
// called with a temporary for its reference parameter.
template <class T> COSM_ASYNC cosm::Coro<T> through_lambda(T seed) {
  auto show = [seed] COSM_ASYNC(const std::string &tag) -> cosm::Coro<T> {
    cosm::await(cosm::sleep(0));
    return seed + T(tag.size());
  };
  return cosm::await(show(std::string("a temporary longer than SSO"))); // expected-error {{a temporary made for the reference parameter 'tag' where the template}}
}

template <class T> COSM_ASYNC cosm::Coro<int> fine(T seed) {
  Name name("kept");
  std::string text = "text";
  int a = cosm::await(use(name, seed)) + cosm::await(greet(text, seed));
  return a + cosm::await(copy("by value", seed));
}

COSM_ASYNC cosm::Coro<void> amain() {
  cosm::await(prvalue(1));
  cosm::await(converted(2));
  cosm::await(defaulted<Name>());
  Holder<int> h;
  cosm::await(h.gathered(3));
  cosm::await(fine(4));
  cosm::await(through_lambda(6));
  auto generic = [] COSM_ASYNC(auto seed) -> cosm::Coro<int> {
    return cosm::await(greet("lambda", seed)); // expected-error {{reference parameter 'text' where the template}}
  };
  cosm::await(generic(5));
}
