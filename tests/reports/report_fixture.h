#pragma once
// A small hand-built store for the report tests, on either engine: 7 exceptions, 2 orders,
// 2 ship notices, 3 outbound groups, 4 documents, around kAsOf (Wednesday 2026-11-18 10:00 in
// Chicago). The figures the report must give are worked out by hand in daily_report_test.cc.

#include <memory>
#include <string>

#include "orders/model.h"
#include "orders/store.h"

namespace ordex::reports::testing {

inline constexpr orders::Instant kHour = 3600;
inline constexpr orders::Instant kAsOf = 1795017600;  // 2026-11-18T16:00:00Z

// A temporary folder removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Fills an empty store, on either engine; "" on success, else what failed.
std::string fill_sample_store(orders::Store& store);

}  // namespace ordex::reports::testing
