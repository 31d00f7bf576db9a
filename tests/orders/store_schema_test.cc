// Opening a store: migrations from empty, the schema version check, read-only sessions.
#include <gtest/gtest.h>

#include "orders/connection.h"
#include "orders/dialect.h"
#include "orders/migrations.h"
#include "store_test_base.h"
#include "test_records.h"

namespace ordex::orders::testing {
namespace {

template <typename E>
class StoreSchemaTest : public StoreTest<E> {
 protected:
  // A raw session on the test database, for driving migrations directly.
  std::unique_ptr<Poco::Data::Session> raw_session() {
    Result<StoreTarget> target = parse_store_url(this->url());
    EXPECT_TRUE(target.ok());
    auto session = open_session(target.value(), StoreOptions{});
    EXPECT_TRUE(session.ok()) << session.error();
    return std::move(session).value();
  }
  const Dialect& dialect() { return Dialect::of(this->store().engine()); }
};
TYPED_TEST_SUITE(StoreSchemaTest, StoreEngines, StoreEngineNames);

TYPED_TEST(StoreSchemaTest, EmptyDatabaseIsMigratedToTheLatestVersion) {
  EXPECT_EQ(this->store().schema_version(), Store::latest_schema_version());
  auto again = this->open_again();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->schema_version(), Store::latest_schema_version());
}

TYPED_TEST(StoreSchemaTest, NewerDatabaseIsRefused) {
  const int future = Store::latest_schema_version() + 1;
  ASSERT_EQ(this->db().execute("INSERT INTO schema_version (version, applied_at) VALUES (" +
                               std::to_string(future) + ", 0)"),
            "");
  Result<std::unique_ptr<Store>> opened = Store::open(this->url());
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.error().find("schema version " + std::to_string(future) + " is newer"),
            std::string::npos)
      << opened.error();
}

TYPED_TEST(StoreSchemaTest, OlderDatabaseIsMigratedInOrder) {
  auto session = this->raw_session();
  const Migration base = embedded_migrations().back();
  const Migration next{base.version + 1, "extra",
                       "CREATE TABLE extra (x BIGINT);\n"
                       "CREATE INDEX extra_x ON extra (x);\n"};
  const Migration later[] = {base, next};
  Result<int> v = prepare_schema(*session, this->dialect(), later, false, 7);
  ORDEX_ASSERT_OK(v);
  EXPECT_EQ(v.value(), next.version);
  EXPECT_EQ(this->db().execute("INSERT INTO extra (x) VALUES (1)"), "");
  // The binary that only knows `base` now refuses the database.
  const Migration only_base[] = {base};
  Result<int> refused = prepare_schema(*session, this->dialect(), only_base, false, 7);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().find("newer"), std::string::npos) << refused.error();
}

TYPED_TEST(StoreSchemaTest, FailedMigrationChangesNothing) {
  auto session = this->raw_session();
  const Migration base = embedded_migrations().back();
  const Migration bad{base.version + 1, "bad",
                      "CREATE TABLE half_done (x BIGINT);\n"
                      "CREATE TABLE broken (x NOSUCHTYPE BOGUS(;\n"};
  const Migration list[] = {base, bad};
  Result<int> v = prepare_schema(*session, this->dialect(), list, false, 7);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.error().find("cannot migrate"), std::string::npos) << v.error();
  Result<int> now_at = schema_version_of(*session, this->dialect());
  ORDEX_ASSERT_OK(now_at);
  EXPECT_EQ(now_at.value(), base.version);
  EXPECT_NE(this->db().execute("SELECT x FROM half_done"), "");  // rolled back with the rest
}

TYPED_TEST(StoreSchemaTest, ReadOnlySessionReadsButRefusesWrites) {
  ORDEX_ASSERT_OK(this->store().upsert_partner(customer("ACME")));
  StoreOptions options;
  options.read_only = true;
  auto reader = this->open_again(options);
  ASSERT_TRUE(reader);
  Result<std::optional<TradingPartner>> p = reader->partner("ACME");
  ORDEX_ASSERT_OK(p);
  EXPECT_TRUE(p.value().has_value());
  Status write = reader->upsert_partner(customer("OTHER"));
  ASSERT_FALSE(write.ok());
  EXPECT_NE(write.error().find("read-only"), std::string::npos) << write.error();
  Result<std::int64_t> counter = reader->next_control_number("isa");
  EXPECT_FALSE(counter.ok());
}

TEST(Migrations, AreNumberedFromOneWithoutGaps) {
  int expected = 1;
  for (const Migration& m : embedded_migrations()) EXPECT_EQ(m.version, expected++) << m.name;
  EXPECT_GE(Store::latest_schema_version(), 1);
}

TEST(Migrations, SplitAtSemicolonsEndingLines) {
  const auto parts = split_statements(
      "-- a comment;\nCREATE TABLE a (x TEXT DEFAULT ';');\n\n-- only a comment\n"
      "CREATE INDEX b ON a (x);\n");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_NE(parts[0].find("DEFAULT ';')"), std::string::npos);
  EXPECT_EQ(parts[1].substr(parts[1].size() - 23), "CREATE INDEX b ON a (x)");
}

}  // namespace
}  // namespace ordex::orders::testing
