// Declarations in conditions and init-statements whose statements suspend.
#include <cosm/cosm.hpp>
#include <string>

/// A word, false once the words run out.
struct Word {
  std::string text;
  explicit operator bool() const { return !text.empty(); }
};

cosm::Coro<Word> next_word();
cosm::Coro<int> step(int n);

COSM_ASYNC cosm::Coro<int> count() {
  int total = 0;
  if (Word first = cosm::await(next_word()); first.text != "skip")
    total += cosm::await(step(int(first.text.size())));
  while (Word word = cosm::await(next_word()))
    total += cosm::await(step(int(word.text.size())));
  for (int i = 0; int n = cosm::await(step(i)); ++i)
    total += n;
  int a = cosm::await(step(1)), b = cosm::await(step(a));
  return total + a + b;
}
