// Pure arithmetic of sales records: totals, settlement, aging, periods, purchase rhythm.
// Integer fen everywhere; no floating point touches an amount.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/calendar/working_days.hpp"
#include "platform/core/clock.hpp"
#include "platform/core/result.hpp"

namespace kehu::sales {

constexpr std::int64_t kMaxQuantity = 10'000'000;
constexpr std::int64_t kMaxUnitPrice = 1'000'000'000;  // 10,000,000 yuan per unit
constexpr std::size_t kMaxLines = 200;

struct LineAmounts {
  std::int64_t quantity = 0;
  std::int64_t unit_price = 0;
};

struct Totals {
  std::int64_t subtotal = 0;
  std::int64_t total = 0;
};
// Sum of quantity × unit price, less the discount; the discount may not exceed the subtotal.
// The limits above keep every sum far inside int64.
Result<Totals> order_totals(const std::vector<LineAmounts>& lines, std::int64_t discount);

enum class Settlement { kUnpaid, kPartlyPaid, kPaid };
std::string_view settlement_name(Settlement s);
Settlement settlement(std::int64_t total, std::int64_t paid, std::int64_t credited);
inline std::int64_t outstanding(std::int64_t total, std::int64_t paid, std::int64_t credited) {
  return total - paid - credited;
}

struct CreditCheck {
  bool within = true;
  std::int64_t limit = 0, outstanding_before = 0, order_amount = 0, outstanding_after = 0;
};
// The debt after the order (less any payment made with it) may not exceed the limit.
CreditCheck check_credit(std::int64_t limit, std::int64_t outstanding_before, std::int64_t order_total,
                         std::int64_t paid_with_order);

struct OpenItem {
  clock::Date date;
  std::int64_t outstanding = 0;
};
// Receivables by the age of the order: 0–30, 31–60, 61–90, over 90 days.
using Aging = std::array<std::int64_t, 4>;
Aging aging(const std::vector<OpenItem>& items, clock::Date today);

// "¥12,345.67" (negative: "-¥12.00"), for messages; the UI formats for itself.
std::string format_yuan(std::int64_t fen);

// Day arithmetic on civil dates (the clock's day numbers).
using clock::day_number;
using clock::from_day_number;
std::int64_t days_between(clock::Date from, clock::Date to);
clock::Date month_start(clock::Date d);
clock::Date year_start(clock::Date d);
// The same day a year earlier; 29 February becomes 28 February.
clock::Date same_day_last_year(clock::Date d);

// The median gap in days between consecutive distinct purchase days (sorted ascending);
// nullopt with fewer than three purchase days, where a rhythm means nothing yet.
std::optional<std::int64_t> usual_interval(const std::vector<clock::Date>& purchase_days);

// Working days of the month of `d` on `cal` (Monday to Friday, minus public holidays, plus
// make-up working days): in all, and elapsed up to and including `d`.
struct WorkingDays {
  int total = 0, elapsed = 0;
};
WorkingDays working_days(clock::Date d, const calendar::WorkingCalendar& cal = {});
// Share in per mille (0–…), rounded down; 0 when the base is 0.
std::int64_t per_mille(std::int64_t part, std::int64_t whole);

}  // namespace kehu::sales
