#include "app/http/exception_json.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include "app/exception_table.h"
#include "app/http/json_out.h"
#include "orders/time_zone.h"

namespace ordex::app::http {

namespace {

std::string when(std::optional<exceptions::Instant> t) {
  return t ? "\"" + orders::format_utc(*t) + "\"" : "null";
}

}  // namespace

std::string stored_object(const std::string& text) {
  try {
    Poco::JSON::Parser parser;
    if (parser.parse(text).type() == typeid(Poco::JSON::Object::Ptr)) return text;
  } catch (const Poco::Exception&) {
  } catch (const std::exception&) {
  }
  std::string quoted;
  orders::append_json_string(quoted, text);
  return quoted;
}

std::string exception_detail_json(const ExceptionDetailJson& d, exceptions::Instant now) {
  std::string out = exception_json(*d.record, now);
  out.pop_back();  // the list item's closing brace: the detail goes on from there
  const exceptions::ExceptionRecord& r = *d.record;
  JsonOut extra('{');
  extra.key("first_opened_at").raw(when(r.first_opened_at));
  extra.key("reopen_count").integer(r.reopen_count);
  extra.key("responded_at").raw(when(r.responded_at));
  extra.key("resolved_at").raw(when(r.resolved_at));
  extra.key("resolution").string(r.resolution).key("resolved_by").string(r.resolved_by);
  extra.key("wait_until").raw(when(r.wait_until)).key("waiting_on").string(r.waiting_on);
  extra.key("merged_into").optional(r.merged_into);
  extra.key("sla_policy").string(r.sla_policy).key("escalation").string(r.escalation);
  extra.key("evidence").raw(stored_object(r.evidence));
  JsonOut waits('[');
  for (const exceptions::WaitPeriod& w : *d.waits) {
    JsonOut o('{');
    o.key("started_at").raw(when(w.started_at)).key("ended_at").raw(when(w.ended_at));
    o.key("waiting_on").string(w.waiting_on);
    waits.raw(o.close());
  }
  extra.key("waits").raw(waits.close());
  JsonOut audit('[');
  for (const exceptions::AuditEntry& e : *d.audit) {
    JsonOut o('{');
    o.key("id").integer(e.id).key("at").raw(when(e.at)).key("actor").string(e.actor);
    o.key("action").string(e.action).key("note").string(e.note);
    o.key("before").raw(stored_object(e.before)).key("after").raw(stored_object(e.after));
    audit.raw(o.close());
  }
  extra.key("audit").raw(audit.close());
  extra.key("order").raw(d.order ? *d.order : "null");
  std::string rest = extra.close();
  return out + "," + rest.substr(1);
}

}  // namespace ordex::app::http
