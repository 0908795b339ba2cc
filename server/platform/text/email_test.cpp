#include "platform/text/email.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kehu::text {
namespace {

TEST(ValidEmail, Table) {
  const std::pair<std::string, bool> cases[] = {
      {"zhang.wei@example.com.cn", true},
      {"a+b@x.cn", true},
      {"Zhang_Wei-1@sub.example-mail.com", true},
      {"o'brien@example.ie", true},
      {"user@xn--fiqs8s.xn--fiqs8s", true},
      {"a@b", false},
      {"a..b@x.com", false},
      {".a@x.com", false},
      {"a.@x.com", false},
      {"a@@x.com", false},
      {"a@b@x.com", false},
      {"@x.com", false},
      {"a@", false},
      {"a@x..com", false},
      {"a@.x.com", false},
      {"a@x.com.", false},
      {"a@-x.com", false},
      {"a@x-.com", false},
      {"a@x_y.com", false},
      {"a@1.2.3.4", false},
      {"a b@x.com", false},
      {"a@x.com\r\nBcc: c@y.com", false},
      {"a@x.com\n", false},
      {std::string("a\0b@x.com", 9), false},
      {"\"a\"@x.com", false},
      {"张伟@example.com", false},
      {"a@例子.中国", false},
      {std::string(65, 'a') + "@x.com", false},
      {std::string(64, 'a') + "@x.com", true},
      {"a@" + std::string(64, 'b') + ".com", false},
      {"", false},
  };
  for (const auto& [s, want] : cases) EXPECT_EQ(valid_email(s), want) << s;
}

TEST(ValidHttpUrl, Table) {
  const std::pair<std::string, bool> cases[] = {
      {"http://example.com", true},
      {"https://www.example.com.cn/about?x=1#top", true},
      {"HTTPS://Example.com", true},
      {"https://example.com:8443/path", true},
      {"http://[::1]:8080/", true},
      {"https://例子.中国/", true},
      {"https://example.com/路径", true},
      {"javascript:alert(1)", false},
      {"JavaScript:alert(1)", false},
      {"data:text/html;base64,PHNjcmlwdD4=", false},
      {"file:///etc/passwd", false},
      {"ftp://example.com", false},
      {"//example.com", false},
      {"example.com", false},
      {"http://", false},
      {"http:///path", false},
      {"http://:80", false},
      {"http://example.com:0", false},
      {"http://example.com:65536", false},
      {"http://example.com:abc", false},
      {"http://user:pass@example.com", false},
      {"http://good.com@evil.com", false},
      {"http://exa mple.com", false},
      {"http://example.com/a b", false},
      {"http://example.com/\n", false},
      {"http://example.com\\@evil.com", false},
      {"http://example.com/\xE2\x80\xAEgpj.exe", false},  // RLO
      {"http://\xC0\xAF", false},
      {"http://.example.com", false},
      {"http://a..b.com", false},
      {"", false},
  };
  for (const auto& [s, want] : cases) EXPECT_EQ(valid_http_url(s), want) << s;
}

}  // namespace
}  // namespace kehu::text
