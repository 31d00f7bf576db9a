#include "edi/verdicts.h"

namespace ordex::edi {

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::kAccepted:
      return "accepted";
    case Verdict::kAcceptedWithErrors:
      return "accepted_with_errors";
    case Verdict::kPartiallyAccepted:
      return "partially_accepted";
    case Verdict::kRejected:
      return "rejected";
  }
  return "?";
}

void VerdictTracker::begin_interchange(const InterchangeHeader& h) {
  standard_ = h.standard;
  in_interchange_ = true;
  interchange_ = {};
  next_.begin_interchange(h);
}

void VerdictTracker::begin_group(const GroupHeader& h) {
  in_group_ = true;
  group_ = {};
  sets_ = sets_accepted_ = sets_with_errors_ = 0;
  next_.begin_group(h);
}

void VerdictTracker::begin_transaction(const TransactionHeader& h) {
  in_transaction_ = true;
  transaction_ = {};
  next_.begin_transaction(h);
  next_interest_ = next_.segment_interest();
}

VerdictTracker::Level VerdictTracker::level_of(const Finding& f) const {
  switch (f.code.list) {
    case CodeList::kAK5:
    case CodeList::kAK3:
    case CodeList::kAK4:
      return in_transaction_ ? Level::kTransaction : Level::kGroup;
    case CodeList::kAK9:
      return in_group_ ? Level::kGroup : Level::kInterchange;
    case CodeList::kTA1:
      return in_interchange_ ? Level::kInterchange : Level::kNone;
    case CodeList::kCONTRL:
      if (in_transaction_) return Level::kTransaction;
      if (in_group_) return Level::kGroup;
      return in_interchange_ ? Level::kInterchange : Level::kNone;
    case CodeList::kFile:
      break;
  }
  return in_interchange_ ? Level::kInterchange : Level::kNone;
}

void VerdictTracker::finding(const Finding& f) {
  switch (level_of(f)) {
    case Level::kTransaction:
      transaction_.add(f.severity);
      break;
    case Level::kGroup:
      group_.add(f.severity);
      break;
    case Level::kInterchange:
      interchange_.add(f.severity);
      break;
    case Level::kNone:
      break;
  }
  next_.finding(f);
}

namespace {

Verdict simple_verdict(std::uint32_t errors, std::uint32_t warnings) {
  if (errors > 0) return Verdict::kRejected;
  return warnings > 0 ? Verdict::kAcceptedWithErrors : Verdict::kAccepted;
}

}  // namespace

Verdict own_verdict(const TransactionSummary& s) { return simple_verdict(s.errors, s.warnings); }

void VerdictTracker::end_transaction(const TransactionSummary& s) {
  TransactionSummary out = s;
  out.errors = transaction_.errors;
  out.warnings = transaction_.warnings;
  out.verdict = own_verdict(out);
  // The group's counts (AK904) follow each set's own verdict, as its AK5 does.
  ++sets_;
  if (out.verdict != Verdict::kRejected) ++sets_accepted_;
  if (out.verdict == Verdict::kAcceptedWithErrors) ++sets_with_errors_;
  // A set inside an interchange or group already known to be in error is not accepted either:
  // its envelope cannot be trusted (a translator answers such an interchange with TA1 R).
  // Errors found later, in the trailers, reach the group and interchange verdicts only.
  if (interchange_.errors > 0 || group_.errors > 0) out.verdict = Verdict::kRejected;
  in_transaction_ = false;
  next_.end_transaction(out);
}

void VerdictTracker::end_group(const GroupSummary& s) {
  GroupSummary out = s;
  out.errors = group_.errors;
  out.accepted = sets_accepted_;
  if (group_.errors > 0 || interchange_.errors > 0 || (sets_ > 0 && sets_accepted_ == 0)) {
    out.verdict = Verdict::kRejected;
  } else if (sets_accepted_ < sets_) {
    out.verdict = Verdict::kPartiallyAccepted;
  } else if (sets_with_errors_ > 0 || group_.warnings > 0) {
    out.verdict = Verdict::kAcceptedWithErrors;
  } else {
    out.verdict = Verdict::kAccepted;
  }
  in_group_ = false;
  next_.end_group(out);
}

void VerdictTracker::end_interchange(const InterchangeSummary& s) {
  InterchangeSummary out = s;
  out.errors = interchange_.errors;
  out.verdict = simple_verdict(interchange_.errors, interchange_.warnings);
  in_interchange_ = false;
  next_.end_interchange(out);
}

}  // namespace ordex::edi
