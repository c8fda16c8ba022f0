// Constructs cosm-lower does not lower yet are named, never lowered wrongly.
//
// RUN: %cosm-lower %s -- -std=c++17 -Xclang -verify

#include <cosm/cosm.hpp>
#include <string>
#include <vector>

COSM_ASYNC cosm::Coro<int> leaf() { return 1; }

// C++17 has no std::destroy_at for arrays: an array's elements are
// destroyed one by one, but not an array of arrays'.
COSM_ASYNC cosm::Coro<void> strings() {
  std::string names[2][1] = {{"a"}, {"b"}}; // expected-error {{cosm-lower cannot lower a local array of arrays whose elements have destructors and that lives across a suspension (use std::array) yet}}
  cosm::await(leaf());
  (void)names;
}

// An `auto` local of a template is named through its initialiser (`auto
// v{x}` through x: test/run/dependent-auto-braced.cpp); not a copied braced
// list's (an initializer_list), nor a reference that may extend a
// temporary's life.
template <class C> COSM_ASYNC cosm::Coro<int> deduced(C c) {
  auto v = {c.value()}; // expected-error {{cosm-lower cannot lower an 'auto' local whose type depends on a template parameter initialised with a braced list, that lives across a suspension (write its type) yet}}
  const auto &r = c.value(); // expected-error {{cosm-lower cannot lower an 'auto' local whose type depends on a template parameter bound by reference to what may be a temporary, that lives across a suspension (write its type) yet}}
  cosm::await(leaf());
  return *v.begin() + r;
}

// An init-capture is evaluated by the async function, before the lambda.
COSM_ASYNC cosm::Coro<int> init_capture() {
  auto add = [x = cosm::await(leaf())](int y) { return x + y; }; // expected-error {{cosm-lower cannot lower 'cosm::await' in a lambda's init-capture (await into a local first) yet}}
  return add(1);
}

COSM_ASYNC cosm::Coro<int> function_try(int v) try { // expected-error {{cosm-lower cannot lower a COSM_ASYNC function whose body is a function-try-block (write the try block inside the braces of the body) yet}}
  return cosm::await(leaf()) + v;
} catch (...) {
  return -1;
}

// The base case (an empty pack) has no last(): the frame cannot name the
// child's type in that instantiation.
template <class C, class... Rest>
COSM_ASYNC cosm::Coro<typename C::value_type> last(C first, Rest... rest) {
  typename C::value_type v = cosm::await(first);
  if constexpr (sizeof...(rest) > 0)
    v = cosm::await(last(std::move(rest)...)); // expected-error {{cosm-lower cannot lower an await of a coroutine whose type cosm-lower cannot name in a template (it expands a pack in a branch of a dependent 'if constexpr', and the frame names the type in every instantiation: give the callee a return type that does not depend on its arguments) yet}}
  return v;
}

// The frame constructs a kept temporary before the expression: one that C++
// may skip (a '?:' branch, the right of '&&') would be built when it is not.
COSM_ASYNC cosm::Coro<int> maybe_temporary(const char *p) {
  int n = int(p ? std::string(p).size() : 0) + cosm::await(leaf()); // expected-error {{cosm-lower cannot lower a temporary in a '?:' branch or on the right of '&&' or '||' that C++ evaluates before a later 'cosm::await' in the same expression (store it in a local first) yet}}
  return n;
}
COSM_ASYNC cosm::Coro<int> maybe_temporary_and(const char *p) {
  bool b = (p && std::string(p).size()) + cosm::await(leaf()); // expected-error {{cosm-lower cannot lower a temporary in a '?:' branch or on the right of '&&' or '||' that C++ evaluates before a later 'cosm::await' in the same expression (store it in a local first) yet}}
  return b;
}

// The array behind an initializer_list ends with its declaration.
COSM_ASYNC cosm::Coro<int> braced_list() {
  std::initializer_list<std::string> names = {"a", "b"}; // expected-error {{cosm-lower cannot lower a 'std::initializer_list' local that lives across a suspension (the frame cannot keep the array behind it; use std::array or std::vector) yet}}
  cosm::await(leaf());
  return int(names.size());
}

// C++ keeps a whole temporary alive for a reference to a part of it.
struct Holder {
  std::string text;
};
COSM_ASYNC cosm::Coro<int> part_of_temporary() {
  const std::string &t = Holder{"kept"}.text; // expected-error {{cosm-lower cannot lower a reference bound to a part of a temporary (C++ keeps the whole temporary for it) that lives across a suspension (store the object in a local first) yet}}
  cosm::await(leaf());
  return int(t.size());
}
COSM_ASYNC cosm::Coro<int> range_of_temporary() {
  int n = 0;
  for (char c : Holder{"ab"}.text) { // expected-error {{cosm-lower cannot lower a reference bound to a part of a temporary (C++ keeps the whole temporary for it) that lives across a suspension (store the object in a local first) yet}}
    n += c;
    cosm::await(leaf());
  }
  return n;
}

// A default argument's temporary dies with the statement that makes the
// coroutine, before the coroutine runs. One made of literals is written out
// at the call and kept in the frame (test/run/default-temporaries.cpp); one
// made of more (a constructor named, a name the call's scope could resolve
// differently) is refused. One passed by value, or explicitly, lowers.
COSM_ASYNC cosm::Coro<int> length(const std::string &s = std::string(4, 'w')) {
  cosm::await(cosm::sleep(0));
  return int(s.size());
}
COSM_ASYNC cosm::Coro<int> copied(std::string s = "by value") {
  return int(s.size());
}
COSM_ASYNC cosm::Coro<int> default_temporary() {
  int n = cosm::await(length()); // expected-error {{cosm-lower cannot lower a call whose default argument for the reference parameter 's' makes a temporary of more than literals, which the coroutine would outlive (pass the argument explicitly) yet}}
  return n;
}
COSM_ASYNC cosm::Coro<int> default_temporary_gathered() {
  auto both = cosm::await(cosm::gather(length(), copied())); // expected-error {{cosm-lower cannot lower a call whose default argument for the reference parameter 's' makes a temporary of more than literals, which the coroutine would outlive (pass the argument explicitly) yet}}
  return std::get<0>(both);
}
COSM_ASYNC cosm::Coro<int> default_by_value() {
  return cosm::await(length("explicit")) + cosm::await(copied());
}

// An array whose size a pack decides has none in the template's frame.
template <class... Ts> COSM_ASYNC cosm::Coro<int> sum(Ts... ts) {
  int vals[] = {ts...}; // expected-error {{cosm-lower cannot lower a local array whose size its initialiser decides in each instantiation, that lives across a suspension (use std::array with the size written, or std::vector) yet}}
  int s = 0;
  for (int v : vals)
    s += cosm::await(cosm::sleep(0, v));
  return s;
}

// The type would move into the frame, the local into its storage.
COSM_ASYNC cosm::Coro<int> type_and_local() {
  struct P { int q = 9; } p; // expected-error {{cosm-lower cannot lower a type defined in the declaration of a local kept in the frame ('struct P { ... } p;': define the type in a declaration of its own) yet}}
  cosm::await(cosm::sleep(0));
  return p.q;
}

// The frame, a template with the same parameters, has a member 'state'.
template <class state> COSM_ASYNC cosm::Coro<int> template_state(state s) { // expected-error {{cosm-lower cannot lower a template parameter named 'state' like a member of the frame's base (rename it) yet}}
  cosm::await(cosm::sleep(0));
  return int(s);
}

// Built in the frame before the await, an argument reaches its parameter by
// a move; a type without one is refused where it is made.
struct Pinned {
  explicit Pinned(int v) : v(v) {}
  Pinned(Pinned &&) = delete;
  int v;
};
static int take(Pinned p, int k) { return p.v + k; }
COSM_ASYNC cosm::Coro<int> pinned_argument() {
  return take(Pinned(1), cosm::await(leaf())); // expected-error {{cosm-lower cannot lower an object that can be neither moved nor copied, made before a later 'cosm::await' in the same expression (make it after the await: store the await's result in a local first) yet}}
}

// Class template arguments deduced from values of a template parameter's
// type: the instantiation's deduction guides decide the member's type.
template <class T> COSM_ASYNC cosm::Coro<int> deduced_arguments(T x) {
  std::vector w(2, x); // expected-error {{cosm-lower cannot lower a local whose class template arguments are deduced from values that depend on a template parameter, that lives across a suspension (write its template arguments) yet}}
  cosm::await(leaf());
  return int(w.size());
}
