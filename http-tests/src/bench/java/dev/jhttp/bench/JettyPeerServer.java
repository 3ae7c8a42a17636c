package dev.jhttp.bench;

import dev.jhttp.server.tls.ServerCertificate;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;

/**
 * The Jetty peer of the load benchmark (scripts/load-bench.sh): a minimal Jetty 12 server on loopback with the
 * benchmark's {@code /hello} text and a folder's files, in Jetty's defaults otherwise; with a PEM certificate and
 * key, over https (Jetty's TLS defaults); with {@code h2} last, HTTP/2 as well (h2 by ALPN over https, h2c with prior
 * knowledge in cleartext), for scripts/h2-bench.sh. Prints its port; serves until killed.
 * Arguments: FOLDER [CERT KEY] [h2]
 */
public final class JettyPeerServer {
    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    private JettyPeerServer() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        boolean http2 = args[args.length - 1].equals("h2");
        boolean https = args.length - (http2 ? 1 : 0) == 3;
        HttpConnectionFactory http11 = new HttpConnectionFactory();
        ServerConnector connector;
        if (https && http2) {
            ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
            connector = new ServerConnector(server, tls(Path.of(args[1]), Path.of(args[2]), alpn.getProtocol()), alpn,
                    new HTTP2ServerConnectionFactory(), http11);
        } else if (https) {
            connector = new ServerConnector(server, tls(Path.of(args[1]), Path.of(args[2]), "http/1.1"), http11);
        } else if (http2) {
            connector = new ServerConnector(server, http11, new HTTP2CServerConnectionFactory());
        } else {
            connector = new ServerConnector(server);
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.of(server).newResource(Path.of(args[0])));
        server.setHandler(new Handler.Sequence(new HelloHandler(), files));
        server.start();
        System.out.println(connector.getLocalPort());
        System.out.flush();
        server.join();
    }

    /** TLS with the certificate and key of two PEM files, in a keystore made in memory; then protocol {@code next}. */
    private static SslConnectionFactory tls(Path certificate, Path key, String next) throws Exception {
        ServerCertificate read = ServerCertificate.fromPem(certificate, key);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", read.privateKey(), new char[0], read.chain().toArray(Certificate[]::new));
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(store);
        ssl.setKeyStorePassword("");
        return new SslConnectionFactory(ssl, next);
    }

    /** {@code /hello}: a fixed text response. */
    private static final class HelloHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (!"/hello".equals(Request.getPathInContext(request))) {
                return false;
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
            response.write(true, ByteBuffer.wrap(HELLO), callback);
            return true;
        }
    }
}
