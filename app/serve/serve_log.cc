#include "app/serve/serve_log.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/Exception.h>
#include <Poco/FileChannel.h>
#include <Poco/Formatter.h>
#include <Poco/FormattingChannel.h>

#include <ctime>
#include <iostream>

#include "orders/json_text.h"
#include "orders/time_zone.h"

namespace ordex::app::serve {

namespace {

// Message parameters the formatter reads (Poco 1.11's Message cannot list its parameters).
constexpr const char* kIdParam = "ordex.id";
constexpr const char* kTextParam = "ordex.text";  // " key=value ..."
constexpr const char* kJsonParam = "ordex.json";  // ",\"key\":value..."

const char* level(Poco::Message::Priority p) {
  switch (p) {
    case Poco::Message::PRIO_FATAL:
      return "fatal";
    case Poco::Message::PRIO_CRITICAL:
      return "critical";
    case Poco::Message::PRIO_ERROR:
      return "error";
    case Poco::Message::PRIO_WARNING:
      return "warning";
    case Poco::Message::PRIO_NOTICE:
      return "notice";
    case Poco::Message::PRIO_INFORMATION:
      return "info";
    case Poco::Message::PRIO_DEBUG:
      return "debug";
    case Poco::Message::PRIO_TRACE:
      break;
  }
  return "trace";
}

std::string utc_now(const Poco::Message& m) {
  return orders::format_utc(static_cast<orders::Instant>(m.getTime().epochTime()));
}

class LineFormatter final : public Poco::Formatter {
 public:
  explicit LineFormatter(bool json) : json_(json) {}

  void format(const Poco::Message& m, std::string& out) override {
    const std::string& id = m.get(kIdParam, empty_);
    if (!json_) {
      out = utc_now(m) + " " + level(m.getPriority()) + " ";
      if (!id.empty()) out += id + " ";
      out += m.getText() + m.get(kTextParam, empty_);
      if (id.empty() && !m.getSource().empty()) out += " source=" + m.getSource();
      return;
    }
    out = "{\"time\":\"" + utc_now(m) + "\",\"level\":\"" + level(m.getPriority()) + "\"";
    if (!id.empty()) out += ",\"id\":\"" + id + "\"";
    out += ",\"message\":";
    orders::append_json_string(out, m.getText());
    out += ",\"pid\":" + std::to_string(m.getPid());
    if (id.empty()) {
      out += ",\"source\":";
      orders::append_json_string(out, m.getSource());
    }
    out += m.get(kJsonParam, empty_) + "}";
  }

 private:
  bool json_;
  const std::string empty_;
};

}  // namespace

Poco::Logger& serve_logger() { return Poco::Logger::get("ordex.serve"); }

void log_event(Poco::Logger& logger, Poco::Message::Priority priority, const MessageId& id,
               const std::vector<LogField>& fields) {
  if (!logger.is(priority)) return;
  Poco::Message m(logger.name(), id.text, priority);
  std::string text, json;
  for (const LogField& f : fields) {
    const bool quote = f.value.empty() || f.value.find_first_of(" \"=") != std::string::npos;
    text += " " + f.key + "=";
    if (quote) {
      orders::append_json_string(text, f.value);
    } else {
      text += f.value;
    }
    json += ",";
    orders::append_json_string(json, f.key);
    json += ":";
    if (f.number) {
      json += f.value;
    } else {
      orders::append_json_string(json, f.value);
    }
  }
  m.set(kIdParam, id.id);
  m.set(kTextParam, text);
  m.set(kJsonParam, json);
  logger.log(m);
}

orders::Status configure_logging(const std::string& format, const std::string& file) {
  try {
    Poco::AutoPtr<Poco::Channel> sink;
    if (file.empty()) {
      sink = new Poco::ConsoleChannel(std::cerr);
    } else {
      Poco::AutoPtr<Poco::FileChannel> f(new Poco::FileChannel(file));
      f->open();  // now, so that a path that cannot be written is an error at start
      sink = f;
    }
    Poco::AutoPtr<Poco::Formatter> formatter(new LineFormatter(format == "json"));
    Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(formatter, sink));
    Poco::Logger::root().setChannel(channel);
    Poco::Logger::root().setLevel(Poco::Message::PRIO_INFORMATION);
    serve_logger().setChannel(channel);
    serve_logger().setLevel(Poco::Message::PRIO_INFORMATION);
    return orders::Status();
  } catch (const Poco::Exception& e) {
    return orders::Failure{"serve.log.file " + file + ": " + e.displayText()};
  }
}

}  // namespace ordex::app::serve
