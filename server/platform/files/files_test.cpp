#include "platform/files/files.hpp"

#include <gtest/gtest.h>

namespace kehu::files {
namespace {

TEST(Files, TypeComesFromTheContent) {
  EXPECT_EQ(sniff_type(std::string("\x89PNG\r\n\x1a\n....", 12)), "image/png");
  EXPECT_EQ(sniff_type("\xFF\xD8\xFF\xE0...."), "image/jpeg");
  EXPECT_EQ(sniff_type("GIF89a...."), "image/gif");
  EXPECT_EQ(sniff_type("RIFF\x10\x00\x00\x00WEBPVP8 "), std::nullopt);  // NUL bytes cut the literal short
  EXPECT_EQ(sniff_type(std::string("RIFF\x10\x00\x00\x00WEBPVP8 ", 16)), "image/webp");
  EXPECT_EQ(sniff_type("%PDF-1.7\n"), "application/pdf");
  for (const char* bad : {"<html><script>alert(1)</script>", "<svg xmlns='http://www.w3.org/2000/svg'/>", "MZ\x90", "PK\x03\x04", ""})
    EXPECT_EQ(sniff_type(bad), std::nullopt) << bad;
}

TEST(Files, NamesLoseFoldersAndControlCharacters) {
  EXPECT_EQ(clean_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(clean_name("C:\\Users\\李\\报价单.pdf"), "报价单.pdf");
  EXPECT_EQ(clean_name(std::string("a.pdf\0.php", 10)), "a.pdf.php");
  EXPECT_EQ(clean_name("..."), "attachment");
  EXPECT_EQ(clean_name(".htaccess"), "htaccess");
  EXPECT_EQ(clean_name("say \"hi\".png"), "say hi.png");
  EXPECT_EQ(clean_name("\xff\xfe"), "attachment");
  EXPECT_EQ(clean_name(std::string(300, 'x')).size(), 100u);
}

TEST(Files, DownloadHeaderQuotesNothingDangerous) {
  EXPECT_EQ(content_disposition("桶.png"), "attachment; filename=\"___.png\"; filename*=UTF-8''%E6%A1%B6.png");
  EXPECT_EQ(content_disposition("a b;c.pdf"), "attachment; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%20b%3Bc.pdf");
}

}  // namespace
}  // namespace kehu::files
