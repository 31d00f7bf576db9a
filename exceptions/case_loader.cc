// Staging and paging for the case loader; the parts of a case are read in case_loader_read.cc.
#include "exceptions/case_loader.h"

#include <array>
#include <utility>

#include "exceptions/case_loader_read.h"
#include "exceptions/case_loader_sql.h"

namespace ordex::exceptions {

struct CaseLoader::Statements {
  std::array<std::unique_ptr<orders::Query>, case_sql::kPartCount> parts;
  std::unique_ptr<orders::Query> stage, unstage, count;
  ZoneCache zones;
};

CaseLoader::CaseLoader(orders::Database db, std::unique_ptr<Statements> statements)
    : db_(db), statements_(std::move(statements)) {}
CaseLoader::~CaseLoader() = default;

Result<std::unique_ptr<CaseLoader>> CaseLoader::prepare(orders::Database db) {
  auto st = std::make_unique<Statements>();
  auto one = [&](const orders::SqlQuery& spec, std::unique_ptr<orders::Query>& into) -> Status {
    Result<std::unique_ptr<orders::Query>> q = db.prepare(spec);
    if (!q.ok()) return Failure{q.error()};
    into = std::move(q).value();
    return Status();
  };
  for (std::size_t p = 0; p < case_sql::kPartCount; ++p) {
    if (Status s = one(case_sql::page_query(static_cast<case_sql::Part>(p)), st->parts[p]);
        !s.ok()) {
      return Failure{s.error()};
    }
  }
  for (auto [spec, into] :
       {std::pair{&case_sql::kStage, &st->stage}, std::pair{&case_sql::kUnstage, &st->unstage},
        std::pair{&case_sql::kStagedCount, &st->count}}) {
    if (Status s = one(*spec, *into); !s.ok()) return Failure{s.error()};
  }
  return std::unique_ptr<CaseLoader>(new CaseLoader(db, std::move(st)));
}

Result<std::int64_t> CaseLoader::stage(std::int64_t file_id) {
  if (Status s = unstage(file_id); !s.ok()) return Failure{s.error()};
  orders::Query& stage = *statements_->stage;
  for (std::size_t i = 0; i < 8; ++i) stage.set(i, file_id);
  if (Status s = db_.run(stage); !s.ok()) return Failure{s.error()};
  orders::Query& count = *statements_->count;
  count.set(0, file_id);
  if (Status s = db_.run(count); !s.ok()) return Failure{s.error()};
  return count.rows() == 1 ? count.integer(0, 0) : 0;
}

Status CaseLoader::unstage(std::int64_t file_id) {
  statements_->unstage->set(0, file_id);
  return db_.run(*statements_->unstage);
}

Status CaseLoader::load(std::int64_t file_id, std::int64_t from, std::int64_t to,
                        std::vector<LoadedCase>& out) {
  PageReader page(file_id, from, to, out, statements_->zones);
  // Keys first (they create the cases), orders before their lines and the items and ship-to
  // they name, parents before children.
  for (std::size_t p = 0; p < case_sql::kPartCount; ++p) {
    orders::Query& q = *statements_->parts[p];
    page.bind(q, static_cast<case_sql::Part>(p));
    if (Status s = db_.run(q); !s.ok()) return s;
    if (Status s = page.read(q, static_cast<case_sql::Part>(p)); !s.ok()) return s;
  }
  page.finish();
  return Status();
}

}  // namespace ordex::exceptions
