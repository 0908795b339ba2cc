// `kehu calendar …`: the lunar calendar and festivals on the command line, no database.
//   kehu calendar festivals 2027        [{"date":"2027-01-01","name":"new_year"},…]
//   kehu calendar lunar 2027-02-06      {"day":1,"leap":false,"month":1,"year":2027}
//   kehu calendar solar --lunar-year 2023 --month 2 --day 1 --leap   {"date":"2023-03-22"}
//   kehu calendar dump                  every lunar year's month starts (for the cross-check)
// Bad input: one line on stderr, exit code 2.
#pragma once
#include <string>

namespace CLI {
class App;
}

namespace kehu::app {

class CalendarCommand {
 public:
  // Adds the subcommands to `cli`; the object must outlive parsing (options bind to it).
  explicit CalendarCommand(CLI::App& cli);
  CalendarCommand(const CalendarCommand&) = delete;
  CalendarCommand& operator=(const CalendarCommand&) = delete;

  bool parsed() const;
  int run() const;

 private:
  CLI::App* root_ = nullptr;
  CLI::App* festivals_ = nullptr;
  CLI::App* lunar_ = nullptr;
  CLI::App* solar_ = nullptr;
  CLI::App* dump_ = nullptr;
  std::string year_, date_, lunar_year_, month_, day_;
  bool leap_ = false;
};

}  // namespace kehu::app
