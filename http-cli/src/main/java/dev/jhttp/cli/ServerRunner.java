package dev.jhttp.cli;

import dev.jhttp.cli.demo.Json;
import dev.jhttp.core.parse.ParserLimits;
import dev.jhttp.server.Handler;
import dev.jhttp.server.filters.BasicAuth;
import dev.jhttp.server.Http2Config;
import dev.jhttp.server.HttpServer;
import dev.jhttp.server.ServerConfig;
import dev.jhttp.server.tls.HttpsRedirect;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** Starts a server for a command, announces it, and serves until interrupted or the JVM shuts down. */
final class ServerRunner {
    static final int OK = 0;
    static final int BAD_ARGUMENTS = 1;
    static final int COULD_NOT_START = 2;
    private static final Duration GRACE = Duration.ofSeconds(5);

    private ServerRunner() {
    }

    /**
     * Serves until this thread is interrupted or the JVM shuts down; returns the exit code.
     *
     * @param maxContent the octets of content a request may carry
     */
    static int serve(Handler app, ServerOptions options, long maxContent, Path root, PrintWriter out,
                     PrintWriter err) {
        InetAddress address;
        try {
            address = InetAddress.getByName(options.bind);
        } catch (UnknownHostException e) {
            err.println("jhttp: cannot bind to '" + options.bind + "': unknown address");
            return BAD_ARGUMENTS;
        }
        if (options.port < 0 || options.port > 65535) {
            err.println("jhttp: --port must be from 0 to 65535, not " + options.port);
            return BAD_ARGUMENTS;
        }
        if (options.eventLoops < 0 || options.eventLoops > ServerConfig.MAX_EVENT_LOOPS) {
            err.println("jhttp: --event-loops must be from 0 (one per core but one) to "
                    + ServerConfig.MAX_EVENT_LOOPS + ", not " + options.eventLoops);
            return BAD_ARGUMENTS;
        }
        Optional<TlsSetup.Served> tls;
        Handler guarded = app;
        try {
            tls = TlsSetup.from(options.tls, System.getenv(), err);
            Optional<BasicAuth> auth = AuthSetup.from(options.auth.users);
            if (auth.isPresent()) {
                guarded = auth.get().wrap(app);
            }
        } catch (Refused e) {
            err.println("jhttp: " + e.getMessage());
            return BAD_ARGUMENTS;
        }
        ServerConfig config;
        try {
            config = ServerConfig.defaults().withAddress(new InetSocketAddress(address, options.port))
                    .withHttp2(options.http2.config()).withEventLoops(options.eventLoops)
                    .withLimits(ParserLimits.defaults().withMaxBodySize(maxContent));
        } catch (IllegalArgumentException e) {
            err.println("jhttp: " + e.getMessage());
            return BAD_ARGUMENTS;
        }
        if (tls.isPresent()) {
            config = config.withTls(tls.get().config());
        }
        HttpServer server;
        try {
            server = HttpServer.create(config, AppBuilder.withFilters(guarded, options, out)).start();
        } catch (BindException e) {
            err.println("jhttp: port " + options.port + " on " + options.bind
                    + " is in use or not available; try another with --port, or --port 0 for any free port");
            return COULD_NOT_START;
        } catch (IOException e) {
            err.println("jhttp: could not start: " + e.getMessage());
            return COULD_NOT_START;
        }
        HttpServer redirect = null;
        if (options.tls.redirectHttp != null) {
            try {
                redirect = HttpServer.create(ServerConfig.defaults().withAddress(new InetSocketAddress(address,
                        options.tls.redirectHttp)), AppBuilder.withFilters(HttpsRedirect.toPort(server.port()),
                        options, out)).start();
            } catch (IOException e) {
                server.stop(GRACE);
                err.println("jhttp: --redirect-http port " + options.tls.redirectHttp + " on " + options.bind
                        + " is in use or not available");
                return COULD_NOT_START;
            }
        }
        List<HttpServer> servers = redirect == null ? List.of(server) : List.of(server, redirect);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            servers.forEach(each -> each.stop(GRACE));
            stopped.countDown();
        }, "jhttp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        announce(server, redirect, options, root, tls.map(served -> served.certificate().fingerprintSha256()), out,
                err);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            servers.forEach(each -> each.stop(GRACE));
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    /**
     * The banner, or the ready line; {@code fingerprint} is the TLS certificate's, for https, and {@code redirect}
     * the cleartext server that sends clients there, if any.
     */
    private static void announce(HttpServer server, HttpServer redirect, ServerOptions options, Path root,
                                 Optional<String> fingerprint, PrintWriter out, PrintWriter err) {
        List<String> urls = urls(fingerprint.isPresent() ? "https" : "http", server.address());
        List<String> protocols = protocols(options.http2.config(), fingerprint.isPresent());
        if (options.readyJson) {
            Map<String, Object> ready = new LinkedHashMap<>();
            ready.put("port", server.port());
            ready.put("urls", urls);
            ready.put("pid", ProcessHandle.current().pid());
            ready.put("root", root == null ? null : root.toString());
            ready.put("tlsSha256", fingerprint.orElse(null));
            ready.put("redirectPort", redirect == null ? null : redirect.port());
            ready.put("protocols", protocols);
            out.println(Json.object(ready));
        } else if (!options.quiet) {
            out.println((root == null ? "Serving demo routes" : "Serving " + root) + " at:");
            urls.forEach(url -> out.println("  " + url));
            out.println("Protocols: " + String.join(", ", protocols));
            fingerprint.ifPresent(sha256 -> out.println("TLS certificate SHA-256: " + sha256));
            if (redirect != null) {
                out.println("Redirecting http on port " + redirect.port() + " to https");
            }
            if (options.tls.save != null) {
                out.println("Certificate saved to " + options.tls.save.resolve("jhttp-localhost.pem")
                        + " (for curl --cacert, a browser or a trust store)");
            }
            out.println("Press Ctrl-C to stop.");
        }
        boolean auth = !options.auth.users.isEmpty();
        if (server.address().getAddress().isAnyLocalAddress() && !options.quiet && !auth) {
            err.println("jhttp: warning: listening on every network interface; anyone who can reach this machine "
                    + "can read what it serves");
        }
        if (auth && fingerprint.isEmpty() && !server.address().getAddress().isLoopbackAddress() && !options.quiet) {
            err.println("jhttp: warning: --auth without TLS sends passwords in the clear; add --tls-self-signed or "
                    + "--tls-cert/--tls-key");
        }
        out.flush();
        err.flush();
    }

    /** What a client may speak, by the names ALPN uses (h2c for HTTP/2 with prior knowledge in cleartext). */
    private static List<String> protocols(Http2Config http2, boolean tls) {
        return http2.offeredOn(tls) ? List.of(tls ? "h2" : "h2c", "http/1.1") : List.of("http/1.1");
    }

    /** One URL per address the server can be reached at: every interface when bound to the wildcard address. */
    private static List<String> urls(String scheme, InetSocketAddress bound) {
        List<InetAddress> addresses = new ArrayList<>();
        if (bound.getAddress().isAnyLocalAddress()) {
            try {
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    if (nic.isUp()) {
                        addresses.addAll(Collections.list(nic.getInetAddresses()));
                    }
                }
            } catch (SocketException e) {
                addresses.add(InetAddress.getLoopbackAddress());
            }
        } else {
            addresses.add(bound.getAddress());
        }
        return addresses.stream().filter(a -> !a.isLinkLocalAddress()).map(a -> {
            String host = a.getHostAddress();
            return scheme + "://" + (host.contains(":") ? "[" + host.replaceAll("%.*", "") + "]" : host) + ":"
                    + bound.getPort() + "/";
        }).toList();
    }
}
