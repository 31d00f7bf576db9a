#include "orders/ingest/file_scan.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string_view>

#include "edi/byte_source.h"
#include "edi/envelope_walker.h"
#include "edi/segment_reader.h"
#include "orders/ingest/sha256.h"

namespace ordex::orders::ingest {
namespace {

constexpr std::size_t kReadBlock = std::size_t{1} << 20;

std::string_view skip_bom_and_space(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  while (!head.empty() && (head[0] == ' ' || head[0] == '\t' || head[0] == '\r' ||
                           head[0] == '\n' || head[0] == '\0')) {
    head.remove_prefix(1);
  }
  return head;
}

// Hashes every byte the segment reader pulls, so the file hash costs no extra read.
class HashingSource final : public edi::ByteSource {
 public:
  explicit HashingSource(const std::string& path) : file_(path) {}
  std::size_t read(char* dst, std::size_t n) override {
    const std::size_t got = file_.read(dst, n);
    if (got == 0 && !file_.error().empty()) error_ = file_.error();
    hasher_.update({dst, got});
    bytes_ += got;
    return got;
  }
  bool is_open() const { return file_.is_open(); }
  std::string digest() { return hasher_.hex_digest(); }
  std::uint64_t bytes() const { return bytes_; }

 private:
  edi::FileSource file_;
  Sha256 hasher_;
  std::uint64_t bytes_ = 0;
};

// Records where each interchange starts and ends; needs nothing else from the walk.
class SpanRecorder final : public edi::EnvelopeHandler {
 public:
  SpanRecorder(const edi::SegmentReader& reader, std::vector<InterchangeSpan>& spans)
      : reader_(reader), spans_(spans) {}
  void begin_interchange(const edi::InterchangeHeader& h) override {
    spans_.push_back(InterchangeSpan{h.ordinal, h.offset, h.offset, {}, h.offset});
    edifact_.push_back(h.standard == edi::Standard::kEdifact);
  }
  // Per span: an EDIFACT interchange, which may have a UNA before its UNB.
  const std::vector<bool>& edifact() const { return edifact_; }
  void end_interchange(const edi::InterchangeSummary&) override {
    if (!spans_.empty()) spans_.back().end = reader_.offset();
  }

 private:
  const edi::SegmentReader& reader_;
  std::vector<InterchangeSpan>& spans_;
  std::vector<bool> edifact_;
};

// The UNA service string advice ("UNA" and six characters) right before a UNB at `unb`, with
// only line breaks or spaces between: where it starts, else `unb`.
std::uint64_t una_before(int fd, std::uint64_t unb) {
  constexpr std::size_t kLook = 24;
  const std::uint64_t from = unb > kLook ? unb - kLook : 0;
  char bytes[kLook];
  const ssize_t got =
      ::pread(fd, bytes, static_cast<std::size_t>(unb - from), static_cast<off_t>(from));
  if (got != static_cast<ssize_t>(unb - from)) return unb;
  std::size_t end = static_cast<std::size_t>(got);
  while (end > 0 && (bytes[end - 1] == '\r' || bytes[end - 1] == '\n' || bytes[end - 1] == ' ')) {
    --end;
  }
  if (end < 9 || std::string_view(bytes + end - 9, 3) != "UNA") return unb;
  return from + end - 9;
}

edi::Result<std::string> read_head(const std::string& path) {
  edi::FileSource source(path);
  std::string head(512, '\0');
  const std::size_t got = source.read(head.data(), head.size());
  if (got == 0 && !source.error().empty()) return edi::Failure{source.error()};
  head.resize(got);
  return head;
}

// Hashes each span's bytes with pread, in file order, and finds the UNA of EDIFACT ones.
edi::Result<bool> hash_spans(const std::string& path, std::vector<InterchangeSpan>& spans,
                             const std::vector<bool>& edifact) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return edi::Failure{std::strerror(errno)};
  std::unique_ptr<char[]> buffer(new char[kReadBlock]);
  Sha256 hasher;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    InterchangeSpan& span = spans[i];
    if (i < edifact.size() && edifact[i]) span.read_offset = una_before(fd, span.offset);
    for (std::uint64_t at = span.offset; at < span.end;) {
      const std::size_t want =
          static_cast<std::size_t>(std::min<std::uint64_t>(kReadBlock, span.end - at));
      const ssize_t got = ::pread(fd, buffer.get(), want, static_cast<off_t>(at));
      if (got <= 0) {
        const std::string why = got < 0 ? std::strerror(errno) : "file shrank while read";
        ::close(fd);
        return edi::Failure{why};
      }
      hasher.update({buffer.get(), static_cast<std::size_t>(got)});
      at += static_cast<std::uint64_t>(got);
    }
    span.sha256 = hasher.hex_digest();
  }
  ::close(fd);
  return true;
}

}  // namespace

const char* to_string(InputKind kind) {
  switch (kind) {
    case InputKind::kEdi:
      return "edi";
    case InputKind::kXmlFeed:
      return "xml-feed";
    case InputKind::kCsvFeed:
      return "csv-feed";
    case InputKind::kUnknown:
      break;
  }
  return "unknown";
}

InputKind detect_input(std::string_view head) {
  const std::string_view body = skip_bom_and_space(head);
  const std::string_view tag = body.substr(0, 3);
  if (tag == "ISA" || tag == "UNA" || tag == "UNB") return InputKind::kEdi;
  if (body.substr(0, 1) == "<") return InputKind::kXmlFeed;
  const std::string_view first_line = body.substr(0, body.find_first_of("\r\n"));
  if (first_line.find("carrier_scac") != std::string_view::npos &&
      first_line.find("status_code") != std::string_view::npos) {
    return InputKind::kCsvFeed;
  }
  return InputKind::kUnknown;
}

const InterchangeSpan* FileScan::span(std::uint32_t ordinal) const {
  // In ordinal order (a file's interchanges are walked front to back): binary search, as the
  // import asks once per interchange.
  auto it =
      std::lower_bound(interchanges.begin(), interchanges.end(), ordinal,
                       [](const InterchangeSpan& s, std::uint32_t o) { return s.ordinal < o; });
  return it != interchanges.end() && it->ordinal == ordinal ? &*it : nullptr;
}

edi::Result<std::string> file_sha256(const std::string& path) {
  HashingSource source(path);
  std::unique_ptr<char[]> buffer(new char[kReadBlock]);
  while (source.read(buffer.get(), kReadBlock) > 0) {
  }
  if (!source.error().empty()) return edi::Failure{source.error()};
  return source.digest();
}

edi::Result<FileScan> scan_file(const std::string& path) {
  edi::Result<std::string> head = read_head(path);
  if (!head.ok()) return edi::Failure{head.error()};
  FileScan scan;
  scan.kind = detect_input(head.value());
  HashingSource source(path);
  std::vector<bool> edifact;
  if (scan.kind == InputKind::kEdi) {
    edi::SegmentReader reader(source);
    SpanRecorder recorder(reader, scan.interchanges);
    edi::walk_envelopes(reader, recorder, path);
    edifact = recorder.edifact();
    // The walk may stop early (bytes that are not EDI): hash what is left too.
  }
  std::unique_ptr<char[]> buffer(new char[kReadBlock]);
  while (source.read(buffer.get(), kReadBlock) > 0) {
  }
  if (!source.error().empty()) return edi::Failure{source.error()};
  scan.bytes = source.bytes();
  scan.sha256 = source.digest();
  if (edi::Result<bool> hashed = hash_spans(path, scan.interchanges, edifact); !hashed.ok()) {
    return edi::Failure{hashed.error()};
  }
  return scan;
}

}  // namespace ordex::orders::ingest
