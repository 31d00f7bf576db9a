#include "edi/validation_codes.h"

namespace ordex::edi {

namespace {

Code ak5(std::uint16_t v) { return {CodeList::kAK5, v}; }
Code ak3(std::uint16_t v) { return {CodeList::kAK3, v}; }
Code ak4(std::uint16_t v) { return {CodeList::kAK4, v}; }

Code x12_code(Problem problem, bool v5010) {
  switch (problem) {
    case Problem::kNone:
      break;
    case Problem::kSetNotSupported:
      return ak5(1);
    case Problem::kSetNotInGroup:
      // 005010 has "transaction set not in functional group" (18); 004010's list does
      // not, and "missing or invalid transaction set identifier" (6) is the nearest.
      return ak5(v5010 ? 18 : 6);
    case Problem::kFindingsSuppressed:
      return ak5(5);  // one or more segments in error
    case Problem::kUnrecognizedSegment:
      return ak3(1);
    case Problem::kUnexpectedSegment:
      return ak3(2);
    case Problem::kSegmentMissing:
      return ak3(3);
    case Problem::kLoopOverMax:
      return ak3(4);
    case Problem::kSegmentOverMax:
      return ak3(5);
    case Problem::kSegmentOutOfSequence:
      return ak3(7);
    case Problem::kElementMissing:
      return ak4(1);
    case Problem::kConditionalMissing:
      return ak4(2);
    case Problem::kTooManyElements:
      return ak4(3);
    case Problem::kTooShort:
      return ak4(4);
    case Problem::kTooLong:
      return ak4(5);
    case Problem::kInvalidCharacter:
    case Problem::kInvalidCharacterType:
    case Problem::kInvalidDecimalNotation:
    case Problem::kMissingDigitBeforeDecimal:
      return ak4(6);
    case Problem::kInvalidCode:
      return ak4(7);
    case Problem::kInvalidDate:
      return ak4(8);
    case Problem::kInvalidTime:
      return ak4(9);
    case Problem::kExclusionViolated:
      return ak4(10);
    // 004010's AK403 list stops at 10: an extra repetition or component is, there, one
    // data element too many.
    case Problem::kTooManyRepetitions:
      return ak4(v5010 ? 12 : 3);
    case Problem::kTooManyComponents:
      return ak4(v5010 ? 13 : 3);
  }
  return ak4(0);
}

// ISO 9735 service code list 0085.
std::uint16_t edifact_code(Problem problem) {
  switch (problem) {
    case Problem::kNone:
      break;
    case Problem::kSetNotSupported:
      // "Value not supported in this position": the message type/version in UNH S009 is
      // valid UN/EDIFACT, this receiver just has no schema for it.
      return 14;
    case Problem::kSetNotInGroup:
      return 31;  // more than one message type in group
    case Problem::kFindingsSuppressed:
      return 18;  // unspecified error
    case Problem::kUnrecognizedSegment:
    case Problem::kUnexpectedSegment:
    case Problem::kSegmentOutOfSequence:
    case Problem::kExclusionViolated:
      return 15;  // not supported in this position
    case Problem::kSegmentMissing:
    case Problem::kElementMissing:
    case Problem::kConditionalMissing:
      return 13;  // missing
    case Problem::kLoopOverMax:
      return 36;
    case Problem::kSegmentOverMax:
    case Problem::kTooManyRepetitions:
      return 35;
    case Problem::kTooManyElements:
    case Problem::kTooManyComponents:
      return 16;  // too many constituents
    case Problem::kTooShort:
      return 40;
    case Problem::kTooLong:
      return 39;
    case Problem::kInvalidCharacter:
      return 21;
    case Problem::kInvalidCharacterType:
      return 37;
    case Problem::kInvalidCode:
    case Problem::kInvalidDate:
    case Problem::kInvalidTime:
      return 12;  // invalid value
    case Problem::kInvalidDecimalNotation:
      return 19;
    case Problem::kMissingDigitBeforeDecimal:
      return 38;
  }
  return 18;
}

}  // namespace

Code code_for(Problem problem, const CodeContext& context) {
  if (context.standard == Standard::kEdifact) return {CodeList::kCONTRL, edifact_code(problem)};
  return x12_code(problem, context.x12_005010);
}

std::string_view describe(Problem problem) {
  switch (problem) {
    case Problem::kNone:
      return "no problem";
    case Problem::kSetNotSupported:
      return "transaction set not supported";
    case Problem::kSetNotInGroup:
      return "transaction set not in its functional group";
    case Problem::kFindingsSuppressed:
      return "further findings suppressed";
    case Problem::kUnrecognizedSegment:
      return "unrecognized segment";
    case Problem::kUnexpectedSegment:
      return "unexpected segment";
    case Problem::kSegmentMissing:
      return "mandatory segment missing";
    case Problem::kLoopOverMax:
      return "loop occurs over maximum times";
    case Problem::kSegmentOverMax:
      return "segment exceeds maximum use";
    case Problem::kSegmentOutOfSequence:
      return "segment not in proper sequence";
    case Problem::kElementMissing:
      return "mandatory element missing";
    case Problem::kConditionalMissing:
      return "conditional required element missing";
    case Problem::kExclusionViolated:
      return "exclusion condition violated";
    case Problem::kTooManyElements:
      return "too many data elements";
    case Problem::kTooShort:
      return "data element too short";
    case Problem::kTooLong:
      return "data element too long";
    case Problem::kInvalidCharacter:
      return "invalid character";
    case Problem::kInvalidCharacterType:
      return "invalid type of character";
    case Problem::kInvalidCode:
      return "invalid code value";
    case Problem::kInvalidDate:
      return "invalid date";
    case Problem::kInvalidTime:
      return "invalid time";
    case Problem::kTooManyRepetitions:
      return "too many repetitions";
    case Problem::kTooManyComponents:
      return "too many components";
    case Problem::kInvalidDecimalNotation:
      return "invalid decimal notation";
    case Problem::kMissingDigitBeforeDecimal:
      return "missing digit in front of decimal mark";
  }
  return "problem";
}

}  // namespace ordex::edi
