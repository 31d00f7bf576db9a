// EDIFACT CONTRL (syntax and service report) -> FunctionalAck (MAPPING.md, "CONTRL"). One
// acknowledgment per UCF group response, or one for the interchange when there is no UCF.
// Action codes (0083) become AK9 statuses: 7 acknowledged and 8 received are A, 4 rejected
// is R; a group with some rejected messages is P.
#include "orders/mapping/edifact_items.h"
#include "orders/mapping/x12_items.h"

namespace ordex::orders::detail {
namespace {

using edi::tag_code;

std::string_view status_of(std::string_view action) { return action == "4" ? "R" : "A"; }

class MapContrl final : public SetMapper {
 public:
  void begin(Scope& /*scope*/) override {
    acks_.clear();
    interchange_.clear();
    interchange_action_.clear();
    group_actions_.clear();
    uci_position_ = 0;
  }

  void segment(const Fields& f) override {
    switch (f.tag()) {
      case tag_code("UCI"):
        uci_position_ = f.position();
        f.text(1, interchange_);
        interchange_action_.assign(f.at(4));
        return;
      case tag_code("UCF"): {
        FunctionalAck& ack = acks_.emplace_back();
        f.text(1, ack.group_control);
        group_actions_.emplace_back(f.at(4));
        return;
      }
      case tag_code("UCM"):
        return ucm(f);
      default:
        return;
    }
  }

  void finish(Scope& scope) override {
    if (interchange_.empty()) {
      return missing_key(scope, uci_position_ ? "UCI" : "UNH", uci_position_ ? uci_position_ : 1,
                         "CONTRL without the interchange reference it answers (UCI 0020)");
    }
    if (acks_.empty()) open_interchange_ack();
    DocumentSink& sink = scope.sink();
    for (std::size_t i = 0; i < acks_.size(); ++i) {
      FunctionalAck& ack = acks_[i];
      ack.interchange_control = interchange_;
      ack.status = status(ack, group_actions_[i]);
      ack.source = scope.source();
      sink.functional_ack(scope.context(), ack);
    }
  }

 private:
  void open_interchange_ack() {
    // Without UNG/UCF the interchange is the acknowledged unit: its reference is the key.
    acks_.emplace_back().group_control = interchange_;
    group_actions_.emplace_back();
  }

  void ucm(const Fields& f) {
    if (acks_.empty()) open_interchange_ack();
    FunctionalAck& ack = acks_.back();
    auto& set = ack.sets.emplace_back();
    f.text(1, set.first);
    set.second = status_of(f.at(3));
    if (ack.functional_id.empty()) f.text(2, 1, ack.functional_id);
  }

  std::string status(const FunctionalAck& ack, std::string_view group_action) const {
    if (interchange_action_ == "4" || group_action == "4") return "R";
    std::size_t rejected = 0;
    for (const auto& set : ack.sets) rejected += set.second == "R" ? 1 : 0;
    if (rejected == 0) return "A";
    return rejected == ack.sets.size() ? "R" : "P";
  }

  std::vector<FunctionalAck> acks_;
  std::vector<std::string> group_actions_;  // UCF 0083 of each ack ("" for the interchange's)
  std::string interchange_, interchange_action_;
  std::uint32_t uci_position_ = 0;
};

}  // namespace

std::unique_ptr<SetMapper> make_edifact_contrl() { return std::make_unique<MapContrl>(); }

}  // namespace ordex::orders::detail
