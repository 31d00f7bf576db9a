#include "schema_test_util.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "edi/byte_source.h"
#include "edi/envelope_walker.h"

namespace ordex::edi::testing {

namespace {

// Element "X" marks conditional elements whose condition is a syntax note.
std::string x12_dictionary(const std::string& version) {
  return R"({"standard": "X12", "version": ")" + version + R"(", "sources": ["test"],
  "elements": {
    "143": {"name": "Transaction Set Identifier Code", "type": "ID", "min": 3, "max": 3,
            "codes": ["850", "856"]},
    "329": {"name": "Transaction Set Control Number", "type": "AN", "min": 4, "max": 9},
    "1705": {"name": "Implementation Convention Reference", "type": "AN", "min": 1, "max": 35},
    "96": {"name": "Number of Included Segments", "type": "N0", "min": 1, "max": 10},
    "353": {"name": "Transaction Set Purpose Code", "type": "ID", "min": 2, "max": 2,
            "codes": ["00", "01", "05"]},
    "92": {"name": "Purchase Order Type Code", "type": "ID", "min": 2, "max": 2,
           "codes": ["SA", "NE"]},
    "324": {"name": "Purchase Order Number", "type": "AN", "min": 1, "max": 22},
    "328": {"name": "Release Number", "type": "AN", "min": 1, "max": 30},
    "373": {"name": "Date", "type": "DT", "min": 8, "max": 8},
    "128": {"name": "Reference Identification Qualifier", "type": "ID", "min": 2, "max": 3,
            "codes": ["PO", "VN", "BM", "IA"]},
    "127": {"name": "Reference Identification", "type": "AN", "min": 1, "max": 30},
    "352": {"name": "Description", "type": "AN", "min": 1, "max": 80},
    "374": {"name": "Date/Time Qualifier", "type": "ID", "min": 3, "max": 3,
            "codes": ["002", "010", "011"]},
    "337": {"name": "Time", "type": "TM", "min": 4, "max": 8},
    "623": {"name": "Time Code", "type": "ID", "min": 2, "max": 2, "codes": ["ET", "UT"]},
    "1250": {"name": "Date Time Period Format Qualifier", "type": "ID", "min": 2, "max": 3,
             "codes": ["D8", "RD8", "DT"]},
    "1251": {"name": "Date Time Period", "type": "AN", "min": 1, "max": 35},
    "98": {"name": "Entity Identifier Code", "type": "ID", "min": 2, "max": 3,
           "codes": ["ST", "BT"]},
    "93": {"name": "Name", "type": "AN", "min": 1, "max": 60},
    "66": {"name": "Identification Code Qualifier", "type": "ID", "min": 1, "max": 2,
           "codes": ["92", "1"]},
    "67": {"name": "Identification Code", "type": "AN", "min": 2, "max": 80},
    "166": {"name": "Address Information", "type": "AN", "min": 1, "max": 55},
    "350": {"name": "Assigned Identification", "type": "AN", "min": 1, "max": 20},
    "330": {"name": "Quantity Ordered", "type": "R", "min": 1, "max": 15},
    "355": {"name": "Unit or Basis for Measurement Code", "type": "ID", "min": 2, "max": 2,
            "codes": ["EA", "CA"]},
    "212": {"name": "Unit Price", "type": "R", "min": 1, "max": 17},
    "639": {"name": "Basis of Unit Price Code", "type": "ID", "min": 2, "max": 2,
            "codes": ["PE"]},
    "235": {"name": "Product/Service ID Qualifier", "type": "ID", "min": 2, "max": 2,
            "codes": ["VN", "UP", "BP"]},
    "234": {"name": "Product/Service ID", "type": "AN", "min": 1, "max": 48},
    "349": {"name": "Item Description Type", "type": "ID", "min": 1, "max": 1, "codes": ["F"]},
    "354": {"name": "Number of Line Items", "type": "N0", "min": 1, "max": 6},
    "522": {"name": "Amount Qualifier Code", "type": "ID", "min": 1, "max": 3, "codes": ["TT"]},
    "782": {"name": "Monetary Amount", "type": "R", "min": 1, "max": 18},
    "628": {"name": "Hierarchical ID Number", "type": "AN", "min": 1, "max": 12},
    "734": {"name": "Hierarchical Parent ID Number", "type": "AN", "min": 1, "max": 12},
    "735": {"name": "Hierarchical Level Code", "type": "ID", "min": 1, "max": 2,
            "codes": ["S", "O", "I"]},
    "901": {"name": "Test Implied Decimal", "type": "N2", "min": 1, "max": 6},
    "902": {"name": "Test Text", "type": "AN", "min": 2, "max": 5},
    "903": {"name": "Test Conditional", "type": "AN", "min": 1, "max": 10},
    "904": {"name": "Test Repeating", "type": "AN", "min": 1, "max": 10}
  },
  "composites": {
    "C040": {"name": "Reference Identifier",
             "components": [{"element": "128", "usage": "M"}, {"element": "127", "usage": "M"},
                            {"element": "128", "usage": "X"}, {"element": "127", "usage": "X"}],
             "syntax": ["P0304"]}
  },
  "segments": {
    "ST": {"name": "Transaction Set Header",
           "elements": [{"element": "143", "usage": "M"}, {"element": "329", "usage": "M"},
                        {"element": "1705", "usage": "O"}]},
    "SE": {"name": "Transaction Set Trailer",
           "elements": [{"element": "96", "usage": "M"}, {"element": "329", "usage": "M"}]},
    "BEG": {"name": "Beginning Segment for Purchase Order",
            "elements": [{"element": "353", "usage": "M"}, {"element": "92", "usage": "M"},
                         {"element": "324", "usage": "M"}, {"element": "328", "usage": "O"},
                         {"element": "373", "usage": "M"}]},
    "REF": {"name": "Reference Identification",
            "elements": [{"element": "128", "usage": "M"}, {"element": "127", "usage": "X"},
                         {"element": "352", "usage": "X"}, {"composite": "C040", "usage": "O"}],
            "syntax": ["R0203"]},
    "DTM": {"name": "Date/Time Reference",
            "elements": [{"element": "374", "usage": "M"}, {"element": "373", "usage": "X"},
                         {"element": "337", "usage": "X"}, {"element": "623", "usage": "O"},
                         {"element": "1250", "usage": "X"}, {"element": "1251", "usage": "X"}],
            "syntax": ["R020305", "C0403", "P0506"]},
    "N1": {"name": "Name",
           "elements": [{"element": "98", "usage": "M"}, {"element": "93", "usage": "X"},
                        {"element": "66", "usage": "X"}, {"element": "67", "usage": "X"}],
           "syntax": ["R0203", "P0304"]},
    "N3": {"name": "Address Information", "elements": [{"element": "166", "usage": "M"}]},
    "PO1": {"name": "Baseline Item Data",
            "elements": [{"element": "350", "usage": "O"}, {"element": "330", "usage": "X"},
                         {"element": "355", "usage": "X"}, {"element": "212", "usage": "X"},
                         {"element": "639", "usage": "O"}, {"element": "235", "usage": "X"},
                         {"element": "234", "usage": "X"}],
            "syntax": ["C0302", "P0607"]},
    "PID": {"name": "Product/Item Description",
            "elements": [{"element": "349", "usage": "M"}, {"element": "352", "usage": "O"}]},
    "CTT": {"name": "Transaction Totals", "elements": [{"element": "354", "usage": "M"}]},
    "AMT": {"name": "Monetary Amount",
            "elements": [{"element": "522", "usage": "M"}, {"element": "782", "usage": "M"}]},
    "HL": {"name": "Hierarchical Level",
           "elements": [{"element": "628", "usage": "M"}, {"element": "734", "usage": "O"},
                        {"element": "735", "usage": "O"}]},
    "MSG": {"name": "Message Text", "elements": [{"element": "352", "usage": "M"}]},
    "TST": {"name": "Test Types",
            "elements": [{"element": "901", "usage": "O"}, {"element": "330", "usage": "O"},
                         {"element": "373", "usage": "O"}, {"element": "337", "usage": "O"},
                         {"element": "902", "usage": "O"}, {"element": "355", "usage": "O"},
                         {"element": "903", "usage": "X"}, {"element": "903", "usage": "X"},
                         {"element": "903", "usage": "X"}, {"element": "903", "usage": "X"},
                         {"element": "903", "usage": "X"},
                         {"element": "904", "usage": "O", "repeat": 3}],
            "syntax": ["E0708", "L091011"]}
  }
})";
}

std::string x12_850(const std::string& version) {
  return R"({"standard": "X12", "version": ")" + version + R"(", "id": "850",
  "name": "Purchase Order", "functional_group": "PO", "sources": ["test"],
  "structure": [
    {"segment": "ST", "usage": "M", "max": 1},
    {"segment": "BEG", "usage": "M", "max": 1},
    {"segment": "REF", "usage": "O", "max": ">1"},
    {"segment": "DTM", "usage": "O", "max": 10},
    {"segment": "TST", "usage": "O", "max": 5},
    {"loop": "N1", "usage": "O", "max": 2, "structure": [
      {"segment": "N1", "usage": "M", "max": 1},
      {"segment": "N3", "usage": "O", "max": 2}
    ]},
    {"loop": "PO1", "usage": "M", "max": 3, "structure": [
      {"segment": "PO1", "usage": "M", "max": 1},
      {"segment": "PID", "usage": "O", "max": 2},
      {"loop": "N1", "usage": "O", "max": 1, "structure": [
        {"segment": "N1", "usage": "M", "max": 1},
        {"segment": "N3", "usage": "M", "max": 1}
      ]}
    ]},
    {"loop": "CTT", "usage": "O", "max": 1, "structure": [
      {"segment": "CTT", "usage": "M", "max": 1},
      {"segment": "AMT", "usage": "M", "max": 1}
    ]},
    {"segment": "SE", "usage": "M", "max": 1}
  ]
})";
}

std::string x12_856(const std::string& version) {
  return R"({"standard": "X12", "version": ")" + version + R"(", "id": "856",
  "name": "Ship Notice/Manifest", "functional_group": "SH", "hl_integrity": true,
  "structure": [
    {"segment": "ST", "usage": "M", "max": 1},
    {"loop": "HL", "usage": "M", "max": 200000, "structure": [
      {"segment": "HL", "usage": "M", "max": 1},
      {"segment": "REF", "usage": "O", "max": ">1"}
    ]},
    {"segment": "SE", "usage": "M", "max": 1}
  ]
})";
}

const char* const kEdifactDictionary = R"({"standard": "EDIFACT", "version": "D96A",
  "elements": {
    "0062": {"name": "Message reference number", "type": "an", "min": 1, "max": 14},
    "0065": {"name": "Message type", "type": "an", "min": 1, "max": 6, "codes": ["ORDERS"]},
    "0052": {"name": "Message version number", "type": "an", "min": 1, "max": 3, "codes": ["D"]},
    "0054": {"name": "Message release number", "type": "an", "min": 1, "max": 3,
             "codes": ["96A"]},
    "0051": {"name": "Controlling agency", "type": "an", "min": 1, "max": 2, "codes": ["UN"]},
    "0057": {"name": "Association assigned code", "type": "an", "min": 1, "max": 6},
    "0074": {"name": "Number of segments in a message", "type": "n", "min": 1, "max": 6},
    "1001": {"name": "Document/message name, coded", "type": "an", "min": 1, "max": 3,
             "codes": ["220", "105"]},
    "1004": {"name": "Document/message number", "type": "an", "min": 1, "max": 35},
    "1225": {"name": "Message function, coded", "type": "an", "min": 1, "max": 3,
             "codes": ["9", "5"]},
    "2005": {"name": "Date/time/period qualifier", "type": "an", "min": 1, "max": 3,
             "codes": ["137", "2", "63"]},
    "2380": {"name": "Date/time/period", "type": "an", "min": 1, "max": 35},
    "2379": {"name": "Date/time/period format qualifier", "type": "an", "min": 1, "max": 3,
             "codes": ["102", "203", "204", "718"]},
    "4451": {"name": "Text subject qualifier", "type": "an", "min": 1, "max": 3,
             "codes": ["AAI", "ZZZ"]},
    "4440": {"name": "Free text", "type": "an", "min": 1, "max": 10},
    "3035": {"name": "Party qualifier", "type": "an", "min": 1, "max": 3,
             "codes": ["BY", "SU", "DP"]},
    "3039": {"name": "Party id. identification", "type": "an", "min": 1, "max": 35},
    "3055": {"name": "Code list responsible agency, coded", "type": "an", "min": 1, "max": 3,
             "codes": ["9", "92"]},
    "1082": {"name": "Line item number", "type": "n", "min": 1, "max": 6},
    "6063": {"name": "Quantity qualifier", "type": "an", "min": 1, "max": 3, "codes": ["21"]},
    "6060": {"name": "Quantity", "type": "n", "min": 1, "max": 15},
    "0081": {"name": "Section identification", "type": "a", "min": 1, "max": 1,
             "codes": ["S", "D"]},
    "9999": {"name": "Test dependency element", "type": "an", "min": 1, "max": 3}
  },
  "composites": {
    "S009": {"name": "Message identifier",
             "components": [{"element": "0065", "usage": "M"}, {"element": "0052", "usage": "M"},
                            {"element": "0054", "usage": "M"}, {"element": "0051", "usage": "M"},
                            {"element": "0057", "usage": "C"}]},
    "C002": {"name": "Document/message name",
             "components": [{"element": "1001", "usage": "C"}]},
    "C507": {"name": "Date/time/period",
             "components": [{"element": "2005", "usage": "M"}, {"element": "2380", "usage": "C"},
                            {"element": "2379", "usage": "C"}]},
    "C108": {"name": "Text literal",
             "components": [{"element": "4440", "usage": "M"}, {"element": "4440", "usage": "C"}]},
    "C082": {"name": "Party identification details",
             "components": [{"element": "3039", "usage": "M"}, {"element": "3055", "usage": "C"}]},
    "C186": {"name": "Quantity details",
             "components": [{"element": "6063", "usage": "M"}, {"element": "6060", "usage": "M"}]}
  },
  "segments": {
    "UNH": {"name": "Message header",
            "elements": [{"element": "0062", "usage": "M"}, {"composite": "S009", "usage": "M"}]},
    "UNT": {"name": "Message trailer",
            "elements": [{"element": "0074", "usage": "M"}, {"element": "0062", "usage": "M"}]},
    "BGM": {"name": "Beginning of message",
            "elements": [{"composite": "C002", "usage": "C"}, {"element": "1004", "usage": "C"},
                         {"element": "1225", "usage": "C"}]},
    "DTM": {"name": "Date/time/period", "elements": [{"composite": "C507", "usage": "M"}]},
    "FTX": {"name": "Free text",
            "elements": [{"element": "4451", "usage": "M"}, {"composite": "C108", "usage": "C"}]},
    "NAD": {"name": "Name and address",
            "elements": [{"element": "3035", "usage": "M"}, {"composite": "C082", "usage": "C"}]},
    "LIN": {"name": "Line item", "elements": [{"element": "1082", "usage": "C"}]},
    "QTY": {"name": "Quantity", "elements": [{"composite": "C186", "usage": "M"}]},
    "UNS": {"name": "Section control", "elements": [{"element": "0081", "usage": "M"}]},
    "ALI": {"name": "Additional information", "elements": [{"element": "9999", "usage": "C"}]},
    "DEP": {"name": "Test dependency notes",
            "elements": [
              {"element": "9999", "usage": "C"}, {"element": "9999", "usage": "C"},
              {"element": "9999", "usage": "C"}, {"element": "9999", "usage": "C"},
              {"element": "9999", "usage": "C"}, {"element": "9999", "usage": "C"},
              {"element": "9999", "usage": "C"}, {"element": "9999", "usage": "C"},
              {"element": "9999", "usage": "C"}, {"element": "9999", "usage": "C"},
              {"element": "9999", "usage": "C"}, {"element": "9999", "usage": "C"},
              {"element": "9999", "usage": "C"}, {"element": "9999", "usage": "C"},
              {"element": "9999", "usage": "C"}, {"element": "9999", "usage": "C"},
              {"element": "9999", "usage": "C", "repeat": 2}],
            "syntax": ["D1:0102", "D2:0304", "D3:0506", "D4:0708", "D5:091011", "D6:121314",
                       "D7:151617"]}
  }
})";

const char* const kEdifactOrders = R"({"standard": "EDIFACT", "version": "D96A", "id": "ORDERS",
  "name": "Purchase order message", "functional_group": "ORDERS",
  "structure": [
    {"segment": "UNH", "usage": "M", "max": 1},
    {"segment": "BGM", "usage": "M", "max": 1},
    {"segment": "DTM", "usage": "M", "max": 3},
    {"segment": "FTX", "usage": "C", "max": 5},
    {"segment": "DEP", "usage": "C", "max": 1},
    {"loop": "SG2", "usage": "C", "max": 2, "structure": [
      {"segment": "NAD", "usage": "M", "max": 1}
    ]},
    {"loop": "SG25", "usage": "M", "max": 200, "structure": [
      {"segment": "LIN", "usage": "M", "max": 1},
      {"segment": "QTY", "usage": "C", "max": 2}
    ]},
    {"segment": "UNS", "usage": "M", "max": 1},
    {"segment": "UNT", "usage": "M", "max": 1}
  ]
})";

}  // namespace

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "ordex-schema-XXXXXX").string();
  char* made = mkdtemp(pattern.data());
  if (made == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = made;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void TempDir::write(const std::string& relative, const std::string& text) const {
  const std::filesystem::path file = std::filesystem::path(path_) / relative;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

SchemaFiles test_schema_files() {
  SchemaFiles files;
  for (const std::string version : {"004010", "005010"}) {
    files["x12/" + version + "/dictionary.json"] = x12_dictionary(version);
    files["x12/" + version + "/850.json"] = x12_850(version);
    files["x12/" + version + "/856.json"] = x12_856(version);
  }
  files["edifact/D96A/dictionary.json"] = kEdifactDictionary;
  files["edifact/D96A/ORDERS.json"] = kEdifactOrders;
  return files;
}

SchemaRegistry load_test_schemas(const SchemaFiles& files) {
  TempDir dir;
  for (const auto& [name, text] : files) dir.write(name, text);
  Result<SchemaRegistry> loaded = SchemaRegistry::from_directory(dir.path());
  if (!loaded.ok()) {
    ADD_FAILURE() << loaded.error();
    throw std::runtime_error(loaded.error());
  }
  return std::move(loaded).value();
}

void VerdictRecorder::end_transaction(const TransactionSummary& s) {
  verdicts.push_back(s.verdict);
  RecordingHandler::end_transaction(s);
}

std::vector<std::string> summaries(const RecordingHandler& h) {
  std::vector<std::string> out;
  for (const Finding& f : h.findings) {
    char element[32] = "";
    if (f.element != 0 && f.component != 0) {
      std::snprintf(element, sizeof element, "%02u-%02u", f.element, f.component);
    } else if (f.element != 0) {
      std::snprintf(element, sizeof element, "%02u", f.element);
    }
    std::string line = f.code.str() + " " + f.segment + element;
    if (f.repetition != 0) line += "r" + std::to_string(f.repetition);
    out.push_back(line + "@" + std::to_string(f.segment_position));
  }
  return out;
}

VerdictRecorder validate_bytes(const SchemaRegistry& schemas, std::string_view bytes,
                               ValidatorOptions options) {
  MemorySource source(bytes);
  SegmentReaderOptions reader_options;
  reader_options.block_size = 4096;
  reader_options.index_chunk = 1024;
  SegmentReader reader(source, reader_options);
  VerdictRecorder recorder;
  Validator validator(schemas, recorder, options);
  walk_envelopes(reader, validator, "test");
  return recorder;
}

std::string x12_set(const std::string& set_id, const std::string& body,
                    const std::string& control) {
  int segments = 2;
  for (char c : body) segments += c == '~';
  return "ST*" + set_id + "*" + control + "~" + body + "SE*" + std::to_string(segments) + "*" +
         control + "~";
}

std::string x12_interchange(const std::string& sets, const std::string& version,
                            const std::string& functional_id, int set_count) {
  const bool v5010 = version >= "005010";
  std::string isa =
      "ISA*00*          *00*          *ZZ*NORTHWIND      *ZZ*ACMESUPPLY     *"
      "261116*0815*";
  isa += v5010 ? "^*00501" : "U*00401";
  isa += "*000000101*0*P*>~";
  return isa + "GS*" + functional_id + "*NORTHWIND*ACMESUPPLY*20261116*0815*101*X*" + version +
         "~" + sets + "GE*" + std::to_string(set_count) + "*101~IEA*1*000000101~";
}

std::string edifact_interchange(const std::string& body, char decimal, const std::string& message,
                                int syntax_version) {
  int segments = 2;
  bool released = false;
  for (char c : body) {
    if (!released && c == '\'') ++segments;
    released = !released && c == '?';
  }
  const bool v4 = syntax_version >= 4;
  return std::string("UNA:+") + decimal + "?" + (v4 ? '*' : ' ') +
         "'UNB+UNOC:" + std::to_string(syntax_version) + "+SENDER:14+ACMESUPPLY:14+" +
         (v4 ? "20261116" : "261116") + ":0815+42'UNH+1+" + message + "'" + body + "UNT+" +
         std::to_string(segments) + "+1'UNZ+1+42'";
}

}  // namespace ordex::edi::testing
