#pragma once
// Turns X12 and EDIFACT transactions into order-model documents as they stream past.
//
// An EdiMapper is an EnvelopeHandler placed after the validator (whose VerdictTracker fills in
// the verdicts), so every document it delivers carries its transaction's verdict:
//
//   walk_envelopes -> Validator -> EdiMapper -> DocumentSink (the store, a test recorder)
//
// It builds one transaction's document at a time from that transaction's segments, never
// buffering the file, and hands it to the sink when the transaction ends (MAPPING.md has the
// element -> field table, the code mappings and every issue it reports). Transactions of sets it
// does not map are reported as one kUnsupportedSet warning each.
//
// Lifetime and threads: one EdiMapper per walk (not thread-safe); the sink must outlive it.
// It allocates per document only what the document holds; its buffers keep their capacity
// from one transaction to the next.

#include <cstdint>
#include <memory>
#include <string>

#include "edi/envelope.h"
#include "orders/mapping/document_sink.h"

namespace ordex::orders {

namespace detail {
class Scope;
class SetMapper;
}  // namespace detail

class EdiMapper final : public edi::EnvelopeHandler {
 public:
  explicit EdiMapper(DocumentSink& sink);
  ~EdiMapper() override;
  EdiMapper(const EdiMapper&) = delete;
  EdiMapper& operator=(const EdiMapper&) = delete;

  // Copied into every SourceRef delivered from now on (the caller's InboundFile id).
  void set_file_id(std::int64_t id) { file_id_ = id; }

  void begin_file(std::string_view name) override;
  void begin_interchange(const edi::InterchangeHeader& h) override;
  void begin_group(const edi::GroupHeader& h) override;
  void begin_transaction(const edi::TransactionHeader& h) override;
  void transaction_segment(const edi::Segment& s, std::uint32_t position) override;
  void end_transaction(const edi::TransactionSummary& s) override;
  void end_group(const edi::GroupSummary& s) override;

 private:
  detail::SetMapper* mapper_for(const edi::TransactionHeader& h);
  void unsupported(const edi::TransactionHeader& h);

  DocumentSink& sink_;
  std::int64_t file_id_ = 0;
  std::string file_;
  edi::InterchangeHeader interchange_;
  edi::GroupHeader group_;
  edi::TransactionHeader transaction_;
  DocumentContext context_;
  std::unique_ptr<detail::Scope> scope_;
  struct Registry;
  std::unique_ptr<Registry> registry_;
  detail::SetMapper* current_ = nullptr;
  // What the open group holds, for outbound_group(): acknowledgments are never acknowledged.
  std::string first_set_;
  bool group_has_documents_ = false;
};

}  // namespace ordex::orders
