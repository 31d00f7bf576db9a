#include "exceptions/condition.h"

namespace ordex::exceptions {

// '|' separates the parts; ids never contain it in practice, and a clash would only merge two
// conditions of the same type on the same order, never lose one.
std::string Condition::dedupe_key() const {
  std::string key(to_string(type));
  key += '|';
  key += partner_id;
  key += '|';
  key += po_number;
  key += '|';
  key += subject;
  return key;
}

}  // namespace ordex::exceptions
