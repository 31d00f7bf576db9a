// X12 997 Functional Acknowledgment and 999 Implementation Acknowledgment -> FunctionalAck
// (MAPPING.md, "997 / 999").
#include "orders/mapping/x12_items.h"

namespace ordex::orders::detail {
namespace {

using edi::tag_code;

class Map997 final : public SetMapper {
 public:
  void begin(Scope& /*scope*/) override {
    ack_ = FunctionalAck{};
    ak1_position_ = 0;
  }

  void segment(const Fields& f) override {
    switch (f.tag()) {
      case tag_code("AK1"):
        ak1_position_ = f.position();
        f.text(1, ack_.functional_id);
        f.text(2, ack_.group_control);
        return;
      case tag_code("AK2"): {
        auto& set = ack_.sets.emplace_back();
        f.text(2, set.first);
        return;
      }
      case tag_code("AK5"):  // 997
      case tag_code("IK5"):  // 999
        if (ack_.sets.empty()) {
          f.issue(IssueCode::kStructure, IssueSeverity::kWarning, 0, 0,
                  "set response without an AK2 before it; ignored");
          return;
        }
        ack_.sets.back().second.assign(f.at(1));
        return;
      case tag_code("AK9"):
        ack_.status.assign(f.at(1));
        return;
      default:
        return;
    }
  }

  void finish(Scope& scope) override {
    if (ack_.group_control.empty()) {
      return missing_key(scope, ak1_position_ ? "AK1" : "ST", ak1_position_ ? ak1_position_ : 1,
                         "functional acknowledgment without a group control number (AK102)");
    }
    ack_.source = scope.source();
    scope.sink().functional_ack(scope.context(), ack_);
  }

 private:
  FunctionalAck ack_;
  std::uint32_t ak1_position_ = 0;
};

}  // namespace

std::unique_ptr<SetMapper> make_x12_997() { return std::make_unique<Map997>(); }

}  // namespace ordex::orders::detail
