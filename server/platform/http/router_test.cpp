#include "platform/http/router.hpp"

#include <gtest/gtest.h>

namespace kehu::http {

TEST(Router, LiteralsWinOverParametersAndMethodsAreListed) {
  Router r;
  std::string hit;
  r.get("/api/v1/customers/{id}", [&](Request&) -> Result<Response> { hit = "get"; return Response::no_content(); });
  r.patch("/api/v1/customers/{id}", [&](Request&) -> Result<Response> { hit = "patch"; return Response::no_content(); });
  r.get("/api/v1/customers/recycle-bin", [&](Request&) -> Result<Response> { hit = "bin"; return Response::no_content(); });

  Request a;
  a.path = "/api/v1/customers/recycle-bin";
  auto m = r.match(a);
  ASSERT_TRUE(m.handler);
  (void)(*m.handler)(a);
  EXPECT_EQ(hit, "bin");

  Request b;
  b.path = "/api/v1/customers/42";
  m = r.match(b);
  ASSERT_TRUE(m.handler);
  EXPECT_EQ(b.params["id"], "42");

  Request c;
  c.method = Method::kDelete;
  c.path = "/api/v1/customers/42";
  m = r.match(c);
  EXPECT_FALSE(m.handler);
  EXPECT_EQ(m.allow, "GET, PATCH");

  Request d;
  d.path = "/api/v1/nothing";
  m = r.match(d);
  EXPECT_FALSE(m.handler);
  EXPECT_TRUE(m.allow.empty());
}

}  // namespace kehu::http
