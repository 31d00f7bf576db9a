// Statements for what an import records: files, interchanges, documents and findings,
// control numbers, and the functional-acknowledgment bookkeeping.
#include "orders/statements.h"

namespace ordex::orders {

const QuerySpec kIngestQueries[] = {
    {Q::kFileInsert, "file_insert", "ttitti", "i",
     "INSERT INTO inbound_files (sha256, path, bytes, disposition, reason, imported_at) "
     "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING RETURNING id"},
    {Q::kFileByHash, "file_by_hash", "t", "ittitti",
     "SELECT id, path, sha256, bytes, disposition, reason, imported_at "
     "FROM inbound_files WHERE sha256 = ?"},
    {Q::kFileSetDisposition, "file_set_disposition", "tti", "",
     "UPDATE inbound_files SET disposition = ?, reason = ? WHERE id = ?"},
    {Q::kInterchangeHash, "interchange_hash", "ttt", "t",
     "SELECT content_hash FROM interchanges "
     "WHERE sender_qualifier = ? AND sender_id = ? AND control_number = ?"},
    {Q::kInterchangeInsert, "interchange_insert", "ittttttti", "i",
     "INSERT INTO interchanges (file_id, standard, sender_qualifier, sender_id, "
     "receiver_qualifier, receiver_id, control_number, content_hash, received_at) "
     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
     "ON CONFLICT (sender_qualifier, sender_id, control_number) DO NOTHING RETURNING id"},
    {Q::kNextControlNumber, "next_control_number", "ti", "i",
     "INSERT INTO control_numbers (name, value) VALUES (?, 1) "
     "ON CONFLICT (name) DO UPDATE SET value = CASE WHEN control_numbers.value >= ? THEN 1 "
     "ELSE control_numbers.value + 1 END RETURNING value"},
    {Q::kDocumentsInFile, "documents_in_file", "i", "{src_types}ttti",
     "SELECT {src_select}, partner_id, po_number, status, findings FROM documents "
     "WHERE src_file_id = ? ORDER BY id"},
    {Q::kFindingsInFile, "findings_in_file", "i",
     "ittttt"
     "iiii"
     "ttt",
     "SELECT file_id, interchange, group_control, transaction_control, set_id, segment, "
     "segment_position, element, component, byte_offset, code, severity, message "
     "FROM findings WHERE file_id = ? ORDER BY id"},
    {Q::kOutboundGroups, "outbound_groups", "", "ttti{src_types}t",
     "SELECT g.partner_id, g.functional_id, g.group_control, g.sent_at, {src_select}, "
     "COALESCE((SELECT a.status FROM functional_acks a WHERE a.partner_id = g.partner_id "
     "AND ((a.acked_group = g.group_control AND a.acked_functional_id = g.functional_id) "
     // EDIFACT CONTRL acknowledges the interchange (UCI 0020), not a group.
     "OR (a.acked_interchange <> '' AND a.acked_interchange = g.src_interchange)) "
     "ORDER BY a.received_at DESC, a.id DESC LIMIT 1), '') "
     "FROM outbound_groups g ORDER BY g.sent_at, g.id"},
};
const std::size_t kIngestQueryCount = std::size(kIngestQueries);

const BatchSpec kIngestBatches[] = {
    {B::kDocuments,
     "documents",
     "{src} partner_id:t po_number:t status:t findings:i",
     {"INSERT INTO documents ({src_cols}, partner_id, po_number, status, findings) "
      "SELECT {src_vals}, :partner_id, :po_number, :status, :findings {rows} "
      "WHERE true ON CONFLICT DO NOTHING",
      nullptr, nullptr}},
    {B::kFindings,
     "findings",
     "file_id:i interchange:t group_control:t transaction_control:t set_id:t segment:t "
     "segment_position:i element:i component:i byte_offset:i code:t severity:t message:t",
     {"INSERT INTO findings (file_id, interchange, group_control, transaction_control, set_id, "
      "segment, segment_position, element, component, byte_offset, code, severity, message) "
      "SELECT :file_id, :interchange, :group_control, :transaction_control, :set_id, :segment, "
      ":segment_position, :element, :component, :byte_offset, :code, :severity, :message "
      "{rows}",
      nullptr, nullptr}},
    {B::kFunctionalAcks,
     "functional_acks",
     "partner_id:t acked_group:t acked_functional_id:t acked_interchange:t status:t {src}",
     {"INSERT INTO functional_acks (partner_id, acked_group, acked_functional_id, "
      "acked_interchange, status, {src_cols}) SELECT :partner_id, :acked_group, "
      ":acked_functional_id, :acked_interchange, :status, {src_vals} {rows} "
      "WHERE true ON CONFLICT DO NOTHING",
      nullptr, nullptr}},
    {B::kFunctionalAckSets,
     "functional_ack_sets",
     "src_interchange_id:i src_group:t src_transaction:t position:i set_control:t set_status:t",
     {"INSERT INTO functional_ack_sets (ack_id, position, set_control, set_status) "
      "SELECT a.id, :position, :set_control, :set_status {from} functional_acks a "
      "WHERE a.src_interchange_id = :src_interchange_id AND a.src_group = :src_group "
      "AND a.src_transaction = :src_transaction ON CONFLICT DO NOTHING",
      nullptr, nullptr}},
    {B::kOutboundGroups,
     "outbound_groups",
     "partner_id:t functional_id:t group_control:t sent_at:i {src}",
     {"INSERT INTO outbound_groups (partner_id, functional_id, group_control, sent_at, "
      "{src_cols}) SELECT :partner_id, :functional_id, :group_control, :sent_at, {src_vals} "
      "{rows} WHERE true ON CONFLICT DO NOTHING",
      nullptr, nullptr}},
};
const std::size_t kIngestBatchCount = std::size(kIngestBatches);

}  // namespace ordex::orders
