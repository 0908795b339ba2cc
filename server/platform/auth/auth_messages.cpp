#include "platform/auth/auth_messages.hpp"

#include "platform/core/messages.hpp"

namespace kehu::auth {

void register_messages() {
  using messages::add;
  add("auth.unauthenticated", {"请先登录，或用户名、密码错误", "請先登入，或帳號、密碼錯誤", "Sign in first, or wrong username or password"});
  add("auth.locked", {"登录失败次数过多，账户已锁定 {minutes} 分钟", "登入失敗次數過多，帳號已鎖定 {minutes} 分鐘",
                      "Too many failed sign-ins; the account is locked for {minutes} minutes"});
  add("auth.too_many_attempts", {"尝试次数过多，请稍后再试", "嘗試次數過多，請稍後再試", "Too many attempts; try again later"});
  add("auth.csrf_failed", {"安全校验失败，请刷新页面后重试", "安全驗證失敗，請重新整理頁面後再試",
                           "Security check failed; reload the page and try again"});
  add("auth.password_change_required", {"首次登录请先修改密码", "首次登入請先變更密碼", "Change your password first"});
  add("auth.wrong_password", {"原密码错误", "原密碼錯誤", "The current password is wrong"});
  add("auth.password_too_short", {"密码至少 {min} 位", "密碼至少 {min} 位", "At least {min} characters"});
  add("auth.password_too_simple", {"密码不能全是数字或全是字母", "密碼不能全是數字或全是字母", "Mix letters with digits or symbols"});
  add("auth.password_unchanged", {"新密码不能与原密码相同", "新密碼不能與原密碼相同", "The new password must differ from the old one"});
  add("user.username_taken", {"用户名已存在", "帳號已存在", "This username is taken"});
  add("user.no_such_team", {"团队不存在", "團隊不存在", "No such team"});
  add("user.invalid_username", {"用户名只能包含字母、数字、点、下划线和横线", "帳號只能包含字母、數字、點、底線和連字號",
                                "Letters, digits, dots, underscores and dashes only"});
  add("team.name_taken", {"团队名称已存在", "團隊名稱已存在", "This team name is taken"});
  add("team.no_such_user", {"用户不存在", "使用者不存在", "No such user"});
}

}  // namespace kehu::auth
