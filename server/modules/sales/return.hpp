// Returns, exchanges, damaged-package exchanges and repairs against order lines.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "modules/sales/money_rules.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/core/ids.hpp"
#include "platform/db/database.hpp"

namespace kehu::sales {

inline const std::vector<std::string_view> kReturnKinds = {"return", "exchange", "damaged_package", "repair"};
inline const std::vector<std::string_view> kReturnStatuses = {"requested", "approved", "rejected"};

// Pure rules.
bool within_window(clock::Date order_date, clock::Date request_date, std::int64_t window_days);
struct CreditSplit {
  std::int64_t credited = 0;    // lowers the order's debt
  std::int64_t refund_due = 0;  // already paid: owed back to the customer
};
CreditSplit split_credit(std::int64_t amount, std::int64_t order_outstanding);
// Leads decide any request; service staff decide those within the return window.
bool can_decide(auth::Role role, bool within_window);
// Who may file a request: the customer's writers and service staff.
bool can_request(auth::Role role);

struct ReturnLineInput {
  int line_no = 0;
  std::int64_t quantity = 0;
};
struct ReturnInput {
  std::int64_t order_id = 0;
  std::string kind, reason;
  std::optional<clock::Date> date;
  std::vector<ReturnLineInput> lines;
};
Result<ReturnInput> read_return_input(const nlohmann::json& body);

struct Decision {
  std::int64_t version = 0;
  std::optional<std::string> note;
};
Result<Decision> read_decision(const nlohmann::json& body, bool note_required);

class ReturnStore {
 public:
  explicit ReturnStore(db::Database& db) : db_(db) {}
  Result<nlohmann::json> create(const auth::Principal& p, const ReturnInput& in, clock::Date today, const audit::Actor& actor);
  Result<nlohmann::json> decide(const auth::Principal& p, std::int64_t id, bool approve, const Decision& d,
                                const audit::Actor& actor);
  Result<nlohmann::json> get(const auth::Scope& s, std::int64_t id);
  nlohmann::json list(const auth::Scope& s, const std::optional<std::string>& status,
                      const std::optional<std::int64_t>& customer_id, std::int64_t page, std::int64_t page_size);

 private:
  std::optional<nlohmann::json> load(db::Conn& c, std::int64_t id);
  db::Database& db_;
};

}  // namespace kehu::sales
