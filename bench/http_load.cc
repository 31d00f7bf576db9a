#include "bench/http_load.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

namespace ordex::bench {

namespace {

using Clock = std::chrono::steady_clock;

struct ClientTally {
  std::vector<double> latencies_ms;
  std::size_t failures = 0;
};

void client(const LoadSpec& spec, Clock::time_point start, Clock::time_point end,
            ClientTally& tally) {
  Poco::Net::HTTPClientSession session("127.0.0.1", spec.port);
  session.setKeepAlive(true);
  session.setTimeout(Poco::Timespan(30, 0));
  std::this_thread::sleep_until(start);
  while (Clock::now() < end) {
    const auto sent = Clock::now();
    try {
      Poco::Net::HTTPRequest request("GET", spec.target, Poco::Net::HTTPMessage::HTTP_1_1);
      request.setKeepAlive(true);
      for (const auto& [name, value] : spec.headers) request.set(name, value);
      session.sendRequest(request);
      Poco::Net::HTTPResponse response;
      std::istream& body = session.receiveResponse(response);
      // Read in blocks: Poco's null stream would take the body one character at a time.
      char block[16384];
      while (body.read(block, sizeof block) || body.gcount() > 0) {
      }
      if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK) {
        ++tally.failures;
        continue;
      }
    } catch (const Poco::Exception&) {
      ++tally.failures;
      session.reset();
      continue;
    }
    const std::chrono::duration<double, std::milli> took = Clock::now() - sent;
    tally.latencies_ms.push_back(took.count());
  }
}

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto at = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(at, sorted.size() - 1)];
}

}  // namespace

LoadResult run_load(const LoadSpec& spec) {
  std::vector<ClientTally> tallies(static_cast<std::size_t>(spec.connections));
  // Every client connects first; the clock starts when all are ready to send.
  const auto start = Clock::now() + std::chrono::milliseconds(500);
  const auto end = start + std::chrono::duration_cast<Clock::duration>(
                               std::chrono::duration<double>(spec.seconds));
  std::vector<std::thread> threads;
  for (ClientTally& tally : tallies) {
    threads.emplace_back([&spec, start, end, &tally] { client(spec, start, end, tally); });
  }
  for (std::thread& t : threads) t.join();
  const std::chrono::duration<double> ran = Clock::now() - start;
  LoadResult result;
  std::vector<double> all;
  for (const ClientTally& t : tallies) {
    all.insert(all.end(), t.latencies_ms.begin(), t.latencies_ms.end());
    result.failures += t.failures;
  }
  std::sort(all.begin(), all.end());
  result.requests = all.size();
  result.seconds = ran.count();
  result.p50_ms = percentile(all, 0.50);
  result.p90_ms = percentile(all, 0.90);
  result.p99_ms = percentile(all, 0.99);
  result.max_ms = all.empty() ? 0 : all.back();
  return result;
}

}  // namespace ordex::bench
