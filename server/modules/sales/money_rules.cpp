#include "modules/sales/money_rules.hpp"

#include <algorithm>

namespace kehu::sales {

Result<Totals> order_totals(const std::vector<LineAmounts>& lines, std::int64_t discount) {
  Totals t;
  for (const auto& l : lines) {
    if (l.quantity <= 0 || l.quantity > kMaxQuantity || l.unit_price < 0 || l.unit_price > kMaxUnitPrice)
      return Error(ErrorCode::kValidationFailed, "error.validation_failed").field("lines", "field.out_of_range");
    t.subtotal += l.quantity * l.unit_price;
  }
  if (discount < 0 || discount > t.subtotal)
    return Error(ErrorCode::kValidationFailed, "error.validation_failed").field("discount", "sales.discount_too_large");
  t.total = t.subtotal - discount;
  return t;
}

std::string_view settlement_name(Settlement s) {
  switch (s) {
    case Settlement::kUnpaid: return "unpaid";
    case Settlement::kPartlyPaid: return "partly_paid";
    case Settlement::kPaid: return "paid";
  }
  return "unpaid";
}

Settlement settlement(std::int64_t total, std::int64_t paid, std::int64_t credited) {
  if (outstanding(total, paid, credited) <= 0) return Settlement::kPaid;
  if (paid + credited > 0) return Settlement::kPartlyPaid;
  return Settlement::kUnpaid;
}

CreditCheck check_credit(std::int64_t limit, std::int64_t outstanding_before, std::int64_t order_total,
                         std::int64_t paid_with_order) {
  CreditCheck c;
  c.limit = limit;
  c.outstanding_before = outstanding_before;
  c.order_amount = order_total - paid_with_order;
  c.outstanding_after = outstanding_before + c.order_amount;
  // An order paid in full never needs credit, even for a customer already over the limit.
  c.within = c.order_amount <= 0 || c.outstanding_after <= limit;
  return c;
}

std::string format_yuan(std::int64_t fen) {
  const bool negative = fen < 0;
  const std::uint64_t v = negative ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  std::string digits = std::to_string(v / 100);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  const auto cents = v % 100;
  return std::string(negative ? "-" : "") + "¥" + grouped + "." + (cents < 10 ? "0" : "") + std::to_string(cents);
}

std::int64_t days_between(clock::Date from, clock::Date to) { return day_number(to) - day_number(from); }

clock::Date month_start(clock::Date d) { return {d.year, d.month, 1}; }
clock::Date year_start(clock::Date d) { return {d.year, 1, 1}; }

clock::Date same_day_last_year(clock::Date d) {
  clock::Date out{d.year - 1, d.month, d.day};
  if (!clock::valid_date(out.year, out.month, out.day)) out.day = 28;
  return out;
}

Aging aging(const std::vector<OpenItem>& items, clock::Date today) {
  Aging a{};
  for (const auto& it : items) {
    if (it.outstanding <= 0) continue;
    const auto age = days_between(it.date, today);
    const std::size_t bucket = age <= 30 ? 0 : age <= 60 ? 1 : age <= 90 ? 2 : 3;
    a[bucket] += it.outstanding;
  }
  return a;
}

WorkingDays working_days(clock::Date d, const calendar::WorkingCalendar& cal) {
  WorkingDays w;
  const auto first = day_number(month_start(d));
  for (std::int64_t n = first;; ++n) {
    const auto day = from_day_number(n);
    if (day.month != d.month) break;
    if (cal.is_working_day(day)) {
      ++w.total;
      if (day.day <= d.day) ++w.elapsed;
    }
  }
  return w;
}

std::int64_t per_mille(std::int64_t part, std::int64_t whole) { return whole <= 0 ? 0 : part * 1000 / whole; }

std::optional<std::int64_t> usual_interval(const std::vector<clock::Date>& days) {
  if (days.size() < 3) return std::nullopt;
  std::vector<std::int64_t> gaps;
  for (std::size_t i = 1; i < days.size(); ++i) gaps.push_back(days_between(days[i - 1], days[i]));
  std::sort(gaps.begin(), gaps.end());
  const auto n = gaps.size();
  return n % 2 ? gaps[n / 2] : (gaps[n / 2 - 1] + gaps[n / 2]) / 2;
}

}  // namespace kehu::sales
