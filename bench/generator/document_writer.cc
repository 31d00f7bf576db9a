#include "document_writer.h"

#include <utility>

namespace ordex::bench {

void DocumentWriter::start_transaction(DocKind kind, std::string control) {
  transaction_control_ = std::move(control);
  set_ = std::string(set_name(kind, standard_));
  first_segment_ = out_.segments();
  ++manifest_.transactions;
  ++manifest_.transactions_by_set[set_];
}

void DocumentWriter::note_error(ErrorKind error, std::string_view segment, std::uint32_t element,
                                std::uint32_t component) {
  InjectedError e;
  e.interchange = interchange_control_;
  e.group = group_control_;
  e.transaction = transaction_control_;
  e.set = set_;
  e.segment = std::string(segment);
  e.segment_position = next_position();
  e.element_position = element;
  e.component_position = component;
  e.code = std::string(error_code(error, standard_));
  manifest_.errors.push_back(std::move(e));
}

}  // namespace ordex::bench
