#include "app/http/http_service.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include <chrono>
#include <ctime>
#include <mutex>
#include <thread>

#include "app/http/auth_middleware.h"
#include "app/http/dispatcher.h"
#include "app/http/routes.h"

namespace ordex::app::http {

namespace {

// How long a request waits for a free database session before answering 503.
constexpr std::chrono::milliseconds kSessionWait{10000};

void initialize_ssl_once() {
  static std::once_flag once;
  std::call_once(once, [] { Poco::Net::initializeSSL(); });
}

orders::Result<Poco::Net::ServerSocket> bind(const HttpSettings& s) {
  try {
    const Poco::Net::SocketAddress address(s.host, s.port);
    if (s.tls_cert.empty() != s.tls_key.empty()) {
      return orders::Failure{"TLS needs both serve.http.tls.cert and serve.http.tls.key"};
    }
    if (s.tls_cert.empty()) {
      Poco::Net::ServerSocket socket(address, 128);
      // Poco writes a body in 4 KB pieces: without TCP_NODELAY (inherited by the accepted
      // connections on Linux) the last short piece may wait for the client's delayed ACK.
      socket.setNoDelay(true);
      return socket;
    }
    initialize_ssl_once();
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, s.tls_key, s.tls_cert, "",
                               Poco::Net::Context::VERIFY_NONE, 9, false, "HIGH:!aNULL:!MD5:!RC4");
    context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                              Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
    Poco::Net::SecureServerSocket socket(address, 128, context);
    socket.setNoDelay(true);
    return socket;
  } catch (const Poco::Exception& e) {
    return orders::Failure{"cannot listen on " + s.host + ":" + std::to_string(s.port) + ": " +
                           e.displayText()};
  }
}

std::function<exceptions::Instant()> clock_of(const HttpSettings& s) {
  if (s.clock) return s.clock;
  return [] { return static_cast<exceptions::Instant>(std::time(nullptr)); };
}

}  // namespace

struct HttpService::Impl {
  Impl(HttpSettings settings, ServiceHooks hooks) {
    context.settings = std::move(settings);
    context.hooks = std::move(hooks);
    context.clock = clock_of(context.settings);
    context.tls = !context.settings.tls_cert.empty();
    const int request_threads = std::max(1, context.settings.threads);
    const int per_cores = std::max(2, 2 * static_cast<int>(std::thread::hardware_concurrency()));
    const int sessions = context.settings.store_sessions > 0 ? context.settings.store_sessions
                                                             : std::min(request_threads, per_cores);
    pool = std::make_unique<StorePool>(
        SessionOptions{context.settings.db, &context.settings.rules, context.clock},
        static_cast<std::size_t>(sessions), kSessionWait);
    context.pool = pool.get();
    context.metrics = &metrics;
    context.tokens = &tokens;
    rules = std::make_unique<RulesVersions>(context.settings.rules);
    context.rules = rules.get();
    add_routes(router, context);
  }

  ServiceContext context;
  HttpMetrics metrics;
  TokenCache tokens{TokenCache::kDefaultTtl};
  std::unique_ptr<RulesVersions> rules;
  Router router;
  std::unique_ptr<StorePool> pool;
  std::unique_ptr<Poco::ThreadPool> threads;
  std::unique_ptr<Poco::Net::HTTPServer> server;
  std::uint16_t port = 0;
};

HttpService::HttpService(HttpSettings settings, ServiceHooks hooks)
    : impl_(std::make_unique<Impl>(std::move(settings), std::move(hooks))) {}

HttpService::~HttpService() { stop(); }

orders::Status HttpService::start() {
  if (impl_->server) return orders::Failure{"the HTTP service is already running"};
  auto socket = bind(impl_->context.settings);
  if (!socket.ok()) return orders::Failure{socket.error()};
  const int threads = std::max(1, impl_->context.settings.threads);
  try {
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(threads);
    // Connections beyond the threads wait here rather than being refused.
    params->setMaxQueued(std::max(64, threads * 16));
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(5, 0));
    params->setTimeout(Poco::Timespan(30, 0));
    params->setServerName("ordex");
    impl_->threads = std::make_unique<Poco::ThreadPool>("ordex-http", 2, threads + 1);
    impl_->port = socket.value().address().port();
    impl_->server = std::make_unique<Poco::Net::HTTPServer>(
        new DispatcherFactory(impl_->context, impl_->router, authenticate), *impl_->threads,
        socket.value(), params);
    impl_->server->start();
  } catch (const Poco::Exception& e) {
    impl_->server.reset();
    return orders::Failure{"cannot start the HTTP server: " + e.displayText()};
  }
  return orders::Status();
}

void HttpService::stop() {
  if (!impl_->server) return;
  // Stops accepting, lets each request in flight finish, closes idle keep-alive connections.
  impl_->server->stopAll(false);
  impl_->threads->joinAll();
  impl_->server.reset();
  impl_->threads.reset();
}

void HttpService::set_rules(exceptions::ExceptionsConfig rules) {
  impl_->rules->replace(std::move(rules));
}

std::uint16_t HttpService::port() const { return impl_->port; }

}  // namespace ordex::app::http
