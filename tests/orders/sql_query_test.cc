// Queries through Database::prepare on each engine: NULLs read as Poco read them, rows of an
// earlier, longer result are out of range, a failed run is an error value and the query runs
// again, and a statement is prepared when it first runs, not before.
#include "orders/sql_query.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "orders/database.h"
#include "store_test_base.h"
#include "test_records.h"

namespace ordex::orders::testing {
namespace {

template <typename E>
class SqlQueryTest : public StoreTest<E> {
 protected:
  std::unique_ptr<Query> prepare(const SqlQuery& spec) {
    Result<std::unique_ptr<Query>> q = this->store().database().prepare(spec);
    EXPECT_TRUE(q.ok()) << q.error();
    return q.ok() ? std::move(q).value() : nullptr;
  }
  Status run(Query& q) { return this->store().database().run(q); }
};

TYPED_TEST_SUITE(SqlQueryTest, StoreEngines, StoreEngineNames);

TYPED_TEST(SqlQueryTest, NullsReadAsEmptyZeroOrNothing) {
  auto q = this->prepare({"nulls", "", "tinnti",
                          "SELECT CAST(NULL AS TEXT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), "
                          "CAST(42 AS BIGINT), 'x', CAST(-7 AS BIGINT)"});
  ASSERT_TRUE(q);
  ASSERT_TRUE(this->run(*q).ok());
  ASSERT_EQ(q->rows(), 1u);
  EXPECT_EQ(q->text(0, 0), "");
  EXPECT_EQ(q->integer(0, 1), 0);
  EXPECT_EQ(q->optional(0, 2), std::nullopt);
  EXPECT_EQ(q->optional(0, 3), 42);
  EXPECT_EQ(q->text(0, 4), "x");
  EXPECT_EQ(q->integer(0, 5), -7);
}

TYPED_TEST(SqlQueryTest, ASecondShorterResultHidesTheFirst) {
  for (const char* id : {"A", "B-with-a-name-longer-than-short-strings", "C"}) {
    ASSERT_TRUE(this->store().upsert_partner(customer(id)).ok());
  }
  auto q = this->prepare({"partners_from", "t", "ti",
                          "SELECT partner_id, registered FROM partners WHERE partner_id >= ? "
                          "ORDER BY partner_id"});
  ASSERT_TRUE(q);
  q->set(0, std::string_view("A"));
  ASSERT_TRUE(this->run(*q).ok());
  ASSERT_EQ(q->rows(), 3u);
  EXPECT_EQ(q->text(1, 0), "B-with-a-name-longer-than-short-strings");
  q->set(0, std::string_view("C"));
  ASSERT_TRUE(this->run(*q).ok());
  ASSERT_EQ(q->rows(), 1u);
  EXPECT_EQ(q->text(0, 0), "C");
  EXPECT_THROW((void)q->text(1, 0), std::out_of_range);
  EXPECT_THROW((void)q->integer(2, 1), std::out_of_range);
  q->set(0, std::string_view("D"));
  ASSERT_TRUE(this->run(*q).ok());
  EXPECT_EQ(q->rows(), 0u);
}

TYPED_TEST(SqlQueryTest, PreparedAtItsFirstRunAndRunsAgainAfterAFailure) {
  // Prepared before its table exists, as a module may prepare statements at start-up.
  auto q =
      this->prepare({"later", "i", "t", "SELECT name FROM later_things WHERE n > ? ORDER BY n"});
  ASSERT_TRUE(q);
  q->set(0, std::int64_t{0});
  Status missing = this->run(*q);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().find("later"), std::string::npos) << missing.error();
  EXPECT_EQ(q->rows(), 0u);
  ASSERT_EQ(this->db().execute("CREATE TABLE later_things (n BIGINT, name TEXT)"), "");
  ASSERT_EQ(this->db().execute("INSERT INTO later_things VALUES (1, 'one'), (2, 'two')"), "");
  ASSERT_TRUE(this->run(*q).ok());
  ASSERT_EQ(q->rows(), 2u);
  EXPECT_EQ(q->text(1, 0), "two");
}

}  // namespace
}  // namespace ordex::orders::testing
