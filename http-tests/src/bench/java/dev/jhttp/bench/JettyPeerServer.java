package dev.jhttp.bench;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The Jetty peer of the load benchmark (scripts/load-bench.sh): a minimal Jetty 12 server on loopback with the
 * benchmark's {@code /hello} text and a folder's files, in Jetty's defaults otherwise. Prints its port; serves until
 * killed. Arguments: FOLDER
 */
public final class JettyPeerServer {
    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    private JettyPeerServer() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
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
