// Internal helpers of kehu_datagen; not part of the public API.
#pragma once

#include "tools/datagen/datagen.hpp"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace kehu::datagen::detail {

// A weighted choice among items: integer weights, one uniform draw, binary search.
template <class T>
class Weighted {
public:
    struct Entry {
        T value;
        uint32_t weight;
    };
    Weighted() = default;
    Weighted(std::initializer_list<Entry> entries) {
        for (const auto& e : entries) add(e.value, e.weight);
    }
    void add(T value, uint32_t weight) {
        if (weight == 0) return;
        total_ += weight;
        values_.push_back(std::move(value));
        cumulative_.push_back(total_);
    }
    const T& pick(Rng& rng) const {
        const uint64_t r = rng.below(total_);
        auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), r);
        return values_[static_cast<std::size_t>(it - cumulative_.begin())];
    }
    std::size_t size() const { return values_.size(); }
    const std::vector<T>& values() const { return values_; }

private:
    std::vector<T> values_;
    std::vector<uint64_t> cumulative_;
    uint64_t total_ = 0;
};

// Appends n random decimal digits.
inline void append_digits(std::string& out, Rng& rng, int n) {
    for (int i = 0; i < n; ++i) out.push_back(static_cast<char>('0' + rng.below(10)));
}

// Random toneless pinyin syllable ("zhang", "li", ...), for e-mail and WeChat IDs.
std::string_view random_syllable(Rng& rng);

}  // namespace kehu::datagen::detail
