package dev.jhttp.cli;

import dev.jhttp.cli.demo.Json;
import dev.jhttp.server.Handler;
import dev.jhttp.server.HttpServer;
import dev.jhttp.server.ServerConfig;

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
import java.util.concurrent.CountDownLatch;

/** Starts a server for a command, announces it, and serves until interrupted or the JVM shuts down. */
final class ServerRunner {
    static final int OK = 0;
    static final int BAD_ARGUMENTS = 1;
    static final int COULD_NOT_START = 2;
    private static final Duration GRACE = Duration.ofSeconds(5);

    private ServerRunner() {
    }

    /** Serves until this thread is interrupted or the JVM shuts down; returns the exit code. */
    static int serve(Handler app, ServerOptions options, Path root, PrintWriter out, PrintWriter err) {
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
        ServerConfig config = ServerConfig.defaults().withAddress(new InetSocketAddress(address, options.port));
        HttpServer server;
        try {
            server = HttpServer.create(config, AppBuilder.withFilters(app, options, out)).start();
        } catch (BindException e) {
            err.println("jhttp: port " + options.port + " on " + options.bind
                    + " is in use or not available; try another with --port, or --port 0 for any free port");
            return COULD_NOT_START;
        } catch (IOException e) {
            err.println("jhttp: could not start: " + e.getMessage());
            return COULD_NOT_START;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.stop(GRACE);
            stopped.countDown();
        }, "jhttp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        announce(server, options, root, out, err);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            server.stop(GRACE);
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    private static void announce(HttpServer server, ServerOptions options, Path root, PrintWriter out,
                                 PrintWriter err) {
        List<String> urls = urls(server.address());
        if (options.readyJson) {
            Map<String, Object> ready = new LinkedHashMap<>();
            ready.put("port", server.port());
            ready.put("urls", urls);
            ready.put("pid", ProcessHandle.current().pid());
            ready.put("root", root == null ? null : root.toString());
            out.println(Json.object(ready));
        } else if (!options.quiet) {
            out.println((root == null ? "Serving demo routes" : "Serving " + root) + " at:");
            urls.forEach(url -> out.println("  " + url));
            out.println("Press Ctrl-C to stop.");
        }
        if (server.address().getAddress().isAnyLocalAddress() && !options.quiet) {
            err.println("jhttp: warning: listening on every network interface; anyone who can reach this machine "
                    + "can read what it serves");
        }
        out.flush();
        err.flush();
    }

    /** One URL per address the server can be reached at: every interface when bound to the wildcard address. */
    private static List<String> urls(InetSocketAddress bound) {
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
            return "http://" + (host.contains(":") ? "[" + host.replaceAll("%.*", "") + "]" : host) + ":"
                    + bound.getPort() + "/";
        }).toList();
    }
}
