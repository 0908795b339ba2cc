// A WHERE clause built from fixed fragments and their parameters, for lists with optional
// filters: `sql.add("c.grade = ?", {grade})`. User text only ever travels as a parameter.
#pragma once
#include <initializer_list>
#include <string>

#include "platform/db/database.hpp"

namespace kehu::db {

struct Sql {
  std::string where;
  Params params;
  void add(const std::string& clause, std::initializer_list<Param> ps = {}) {
    where += where.empty() ? "WHERE " : " AND ";
    where += clause;
    params.insert(params.end(), ps.begin(), ps.end());
  }
  void add(const std::string& clause, const Params& ps) {
    where += where.empty() ? "WHERE " : " AND ";
    where += clause;
    params.insert(params.end(), ps.begin(), ps.end());
  }
};

}  // namespace kehu::db
