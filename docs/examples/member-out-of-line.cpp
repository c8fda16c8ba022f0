// A member function defined out of line: the frame is declared in the class
// (so it shares the member's access) and defined with the function.
#include <cosm/cosm.hpp>

class Account {
public:
  cosm::Coro<bool> withdraw(int amount);

private:
  int balance_ = 0;
};

COSM_ASYNC cosm::Coro<bool> Account::withdraw(int amount) {
  if (amount > balance_)
    return false;
  cosm::await(cosm::sleep(0));
  balance_ -= amount;
  return true;
}
