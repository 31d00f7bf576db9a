#pragma once
// How `ordex serve` logs: through Poco logging (so Poco's own messages land in the same place),
// one line per event, to stderr (systemd's journal) or a file (serve.log.file), as text or as
// JSON lines (serve.log.format):
//
//   2026-11-25T04:50:00Z info  ORDX-S022 file imported job=inbound file=/in/po.x12 orders=3
//   {"time":"2026-11-25T04:50:00Z","level":"info","id":"ORDX-S022","message":"file imported",
//    "pid":4242,"job":"inbound","file":"/in/po.x12","orders":3}
//
// Every event has a stable id (message_ids.h); its fields follow in the order given.
// Thread-safe (Poco's loggers and channels are).

#include <Poco/Logger.h>
#include <Poco/Message.h>

#include <cstdint>
#include <string>
#include <vector>

#include "app/serve/message_ids.h"
#include "orders/status.h"

namespace ordex::app::serve {

struct LogField {
  LogField(std::string k, std::string v) : key(std::move(k)), value(std::move(v)) {}
  LogField(std::string k, const char* v) : key(std::move(k)), value(v) {}
  LogField(std::string k, std::int64_t v)
      : key(std::move(k)), value(std::to_string(v)), number(true) {}
  LogField(std::string k, int v) : LogField(std::move(k), static_cast<std::int64_t>(v)) {}
  std::string key;
  std::string value;
  bool number = false;
};

void log_event(Poco::Logger& logger, Poco::Message::Priority priority, const MessageId& id,
               const std::vector<LogField>& fields = {});

// Points the root logger at stderr or `file` (appended to, created when missing) with the
// text or JSON line formatter. The error names the file.
orders::Status configure_logging(const std::string& format, const std::string& file);

// The daemon's logger ("ordex.serve").
Poco::Logger& serve_logger();

}  // namespace ordex::app::serve
