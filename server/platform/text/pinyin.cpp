#include "platform/text/pinyin.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace kehu::text {
namespace {

#include "platform/text/pinyin_table.inc"

constexpr std::size_t kListsSize = sizeof(kLists) / sizeof(kLists[0]);

// Each distinct reading list of kLists as a vector, built once (a few thousand small
// vectors), indexed by the list's offset in kLists.
struct ListCache {
  std::vector<std::vector<std::string_view>> by_offset;
  ListCache() : by_offset(kListsSize) {
    for (std::size_t at = 0; at < kListsSize;) {
      const std::size_t n = kLists[at];
      auto& v = by_offset[at];
      v.reserve(n);
      for (std::size_t k = 0; k < n; ++k) v.push_back(kSyllables[kLists[at + 2 + k]]);
      at += 2 + n;
    }
  }
};

const ListCache& cache() {
  static const ListCache instance;
  return instance;
}

// Offset in kLists of cp's reading list, or -1.
long list_offset(char32_t cp) {
  const auto* end = std::end(kRuns);
  const auto* it = std::upper_bound(std::begin(kRuns), end, static_cast<std::uint32_t>(cp),
                                    [](std::uint32_t c, const Run& r) { return c < r.first; });
  if (it == std::begin(kRuns)) return -1;
  --it;
  if (cp - it->first >= it->count) return -1;
  return kListOfCp[it->offset + (cp - it->first)];
}

struct SurnameEntry {
  char32_t cp;
  std::string_view reading;
};
// Characters whose surname reading differs from, or is easily confused with, the
// everyday one. A linear scan: the list is short and only the first character is asked.
constexpr SurnameEntry kSurnames[] = {
    {U'万', "wan"},  {U'乐', "yue"},  {U'仇', "qiu"},  {U'传', "chuan"}, {U'佴', "nai"},
    {U'区', "ou"},   {U'单', "shan"}, {U'卜', "bu"},   {U'厍', "she"},  {U'句', "gou"},
    {U'召', "shao"}, {U'员', "yun"},  {U'宓', "fu"},   {U'射', "she"},  {U'尉', "wei"},
    {U'种', "chong"}, {U'秘', "bi"},  {U'纪', "ji"},   {U'缪', "miao"}, {U'翟', "zhai"},
    {U'折', "she"},  {U'曾', "zeng"}, {U'朴', "piao"}, {U'查', "zha"},  {U'柏', "bai"},
    {U'沈', "shen"}, {U'燕', "yan"},  {U'盖', "ge"},   {U'石', "shi"},  {U'祭', "zhai"},
    {U'繁', "po"},   {U'能', "nai"},  {U'葛', "ge"},   {U'薄', "bo"},   {U'覃', "qin"},
    {U'解', "xie"},  {U'谌', "chen"}, {U'费', "fei"},  {U'贲', "ben"},  {U'那', "na"},
    {U'长', "chang"}, {U'阚', "kan"}, {U'隗', "wei"},  {U'华', "hua"},  {U'冼', "xian"},
    {U'洗', "xian"}, {U'褚', "chu"},  {U'藏', "zang"}, {U'过', "guo"},  {U'逄', "pang"},
    {U'粘', "nian"}, {U'曲', "qu"},   {U'重', "chong"}, {U'朝', "chao"}, {U'相', "xiang"},
    {U'应', "ying"}, {U'瞿', "qu"},  {U'的', "di"},   {U'都', "du"},
};

struct CompoundEntry {
  char32_t a, b;
  std::string_view ra, rb;
};
constexpr CompoundEntry kCompounds[] = {
    {U'尉', U'迟', "yu", "chi"},     {U'长', U'孙', "zhang", "sun"},  {U'万', U'俟', "mo", "qi"},
    {U'单', U'于', "chan", "yu"},    {U'澹', U'台', "tan", "tai"},    {U'令', U'狐', "ling", "hu"},
    {U'欧', U'阳', "ou", "yang"},    {U'司', U'马', "si", "ma"},      {U'上', U'官', "shang", "guan"},
    {U'诸', U'葛', "zhu", "ge"},     {U'东', U'方', "dong", "fang"},  {U'皇', U'甫', "huang", "fu"},
    {U'夏', U'侯', "xia", "hou"},    {U'公', U'孙', "gong", "sun"},   {U'慕', U'容', "mu", "rong"},
    {U'宇', U'文', "yu", "wen"},     {U'呼', U'延', "hu", "yan"},     {U'钟', U'离', "zhong", "li"},
    {U'端', U'木', "duan", "mu"},    {U'轩', U'辕', "xuan", "yuan"},  {U'司', U'徒', "si", "tu"},
    {U'西', U'门', "xi", "men"},     {U'南', U'宫', "nan", "gong"},   {U'闻', U'人', "wen", "ren"},
    {U'亓', U'官', "qi", "guan"},    {U'仉', U'督', "zhang", "du"},   {U'乐', U'正', "yue", "zheng"},
};

}  // namespace

const std::vector<std::string_view>& readings(char32_t cp) {
  static const std::vector<std::string_view> kNone;
  const long at = list_offset(cp);
  return at < 0 ? kNone : cache().by_offset[static_cast<std::size_t>(at)];
}

std::span<const std::string_view> common_readings(char32_t cp) {
  const long at = list_offset(cp);
  if (at < 0) return {};
  const auto& v = cache().by_offset[static_cast<std::size_t>(at)];
  return std::span<const std::string_view>(v.data(), kLists[at + 1]);
}

std::string_view primary_reading(char32_t cp) {
  const auto& r = readings(cp);
  return r.empty() ? std::string_view() : r.front();
}

std::string_view surname_reading(char32_t cp) {
  for (const auto& e : kSurnames) {
    if (e.cp == cp) return e.reading;
  }
  return {};
}

CompoundSurname compound_surname(std::u32string_view name) {
  if (name.size() < 2) return {};
  for (const auto& e : kCompounds) {
    if (e.a == name[0] && e.b == name[1]) return {e.ra, e.rb};
  }
  return {};
}

}  // namespace kehu::text
