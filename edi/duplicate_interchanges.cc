#include "edi/duplicate_interchanges.h"

namespace ordex::edi {

void DuplicateInterchanges::begin_interchange(const InterchangeHeader& h) {
  next_->begin_interchange(h);
  std::string key(to_string(h.standard));
  key.append("|").append(h.sender_qualifier).append("|").append(h.sender_id);
  key.append("|").append(h.control_number);
  if (seen_.insert(std::move(key)).second) return;
  const bool x12 = h.standard == Standard::kX12;
  Finding f;
  f.code = x12 ? Code{CodeList::kTA1, 25} : Code{CodeList::kCONTRL, 26};
  f.segment = x12 ? "ISA" : "UNB";
  f.element = x12 ? 13 : 5;
  f.bad_value = h.control_number;
  f.message = "interchange control number " + h.control_number + " from " + h.sender_id +
              " was already received in this run";
  f.offset = h.offset;
  next_->finding(f);
}

}  // namespace ordex::edi
