// Strong ids: a CustomerId is not a UserId.
#pragma once
#include <cstdint>
#include <functional>

namespace kehu {

template <class Tag>
struct Id {
  std::int64_t value = 0;
  constexpr Id() = default;
  constexpr explicit Id(std::int64_t v) : value(v) {}
  constexpr bool valid() const { return value > 0; }
  friend constexpr bool operator==(Id, Id) = default;
  friend constexpr auto operator<=>(Id, Id) = default;
};

using UserId = Id<struct UserTag>;
using TeamId = Id<struct TeamTag>;
using CustomerId = Id<struct CustomerTag>;
using ContactId = Id<struct ContactTag>;

}  // namespace kehu

template <class Tag>
struct std::hash<kehu::Id<Tag>> {
  std::size_t operator()(kehu::Id<Tag> id) const noexcept { return std::hash<std::int64_t>{}(id.value); }
};
