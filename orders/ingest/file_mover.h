#pragma once
// Moves an imported file into the archive folder, or a rejected one into the quarantine folder
// with a `<name>.reason` file beside it, without ever losing it (DESIGN: nothing is lost).
//
// A rename when source and folder share a file system; otherwise the bytes are copied to a
// temporary name inside the folder, flushed to disk (fsync), renamed to the final name, and
// only then is the original removed. A crash at any point leaves the file in at least one of
// the two places, never half a file under the final name. An existing file of the same name
// with the same content is taken as this file (a re-run after a crash between the copy and
// the removal); one with other content gets the new file a ".1", ".2", ... suffix.
//
// Errors are values: the message names the path and the system's reason.

#include <string>

#include "edi/result.h"
#include "orders/status.h"

namespace ordex::orders::ingest {

// Moves `path` (whose SHA-256 is `sha256`) into `dir`, creating `dir` when missing, and
// returns where it now is. With a non-empty `reason`, writes `<destination>.reason` first.
edi::Result<std::string> move_into(const std::string& path, const std::string& dir,
                                   const std::string& sha256, const std::string& reason = "");

}  // namespace ordex::orders::ingest
