// An analyzer outside the project, built against timeline through find_package(timeline).
#include <cstdlib>
#include <iostream>

#include <timeline/grammar/extract.hpp>

int main() {
  using namespace date::literals;
  auto const mentions = timeline::grammar::extract("The summit was held last Friday.",
                                                   {date::sys_days{2013_y / 2 / 12}, std::nullopt});
  if (mentions.size() != 1 || mentions.front().value != "2013-02-08") {
    std::cerr << "consumer: expected one mention valued 2013-02-08\n";
    return EXIT_FAILURE;
  }
  std::cout << "consumer: " << mentions.front().value << '\n';
  return EXIT_SUCCESS;
}
