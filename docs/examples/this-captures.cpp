// Lambdas that capture `this` in an async member function.
#include <cosm/cosm.hpp>
#include <algorithm>
#include <vector>

class Ranker {
public:
  COSM_ASYNC cosm::Coro<int> best(std::vector<int> v) {
    cosm::await(cosm::sleep(0));
    std::sort(v.begin(), v.end(),
              [this](int a, int b) { return score(a) > score(b); });
    auto bonus = [*this](int x) { return x + weight_; };
    return bonus(v.front());
  }

private:
  int score(int x) const { return x * weight_; }
  int weight_ = 2;
};
