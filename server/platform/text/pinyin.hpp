// Toneless pinyin readings of Han characters, from Unihan (scripts/gen_pinyin.py →
// pinyin_table.inc), plus the readings characters take as surnames.
#pragma once
#include <span>
#include <string_view>
#include <vector>

namespace kehu::text {

// Lower-case toneless readings of `cp`, most common first (kMandarin, then kHanyuPinlu by
// frequency, then the dictionaries' further readings); ü is written v (绿 → "lv").
// Empty for anything without a Mandarin reading (non-Han, punctuation). The vectors live
// for the whole process; thread-safe.
const std::vector<std::string_view>& readings(char32_t cp);

// The readings in common modern use (kMandarin and kHanyuPinlu): a non-empty prefix of
// readings(cp) for Han characters (重 → zhong, chong; 行 → xing, hang), empty otherwise.
std::span<const std::string_view> common_readings(char32_t cp);

// The primary reading (readings(cp)[0]), or "" when there is none.
std::string_view primary_reading(char32_t cp);

// The reading of `cp` as a one-character surname, for the characters of the override
// list whose surname reading differs from (or is easily confused with) the everyday
// one: 单 → "shan", 曾 → "zeng", 区 → "ou", 朴 → "piao", 纪 → "ji"; else "".
// Simplified forms (callers fold first).
std::string_view surname_reading(char32_t cp);

// When `name` starts with a two-character compound surname (欧阳, 尉迟, 长孙, 万俟 ...),
// its two syllables, else two empty views. Simplified forms.
struct CompoundSurname {
  std::string_view first;
  std::string_view second;
};
CompoundSurname compound_surname(std::u32string_view name);

}  // namespace kehu::text
