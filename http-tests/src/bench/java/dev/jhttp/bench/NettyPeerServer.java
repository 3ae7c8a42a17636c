package dev.jhttp.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Netty peer of the load benchmark (scripts/load-bench.sh): Netty 4.2 on its native epoll transport, with one
 * event loop per core (Netty's default), the benchmark's {@code /hello} text and a folder's files sent by
 * {@code sendfile} ({@link DefaultFileRegion}), keep-alive by {@link HttpServerKeepAliveHandler}. Not a general file
 * server: it serves plain file names under the folder and nothing else. Prints its port; serves until killed.
 * Arguments: FOLDER
 */
public final class NettyPeerServer {
    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    private NettyPeerServer() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toRealPath();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(EpollIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(EpollServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpServerCodec(), new HttpServerKeepAliveHandler(),
                                    new HttpObjectAggregator(64 * 1024), new Responder(root));
                        }
                    })
                    .bind("127.0.0.1", 0).sync().channel();
            System.out.println(((InetSocketAddress) server.localAddress()).getPort());
            System.out.flush();
            server.closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }

    /** {@code /hello}: a fixed text; {@code /NAME}: the file NAME under the folder; anything else 404. */
    private static final class Responder extends SimpleChannelInboundHandler<HttpRequest> {
        private final Path root;

        Responder(Path root) {
            this.root = root;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, HttpRequest request) throws IOException {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            String path = request.uri();
            if (path.equals("/hello")) {
                finish(context, text(HttpResponseStatus.OK, Unpooled.wrappedBuffer(HELLO)), keepAlive);
                return;
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (path.indexOf('?') >= 0 || !file.startsWith(root) || !Files.isRegularFile(file)) {
                finish(context, text(HttpResponseStatus.NOT_FOUND, Unpooled.EMPTY_BUFFER), keepAlive);
                return;
            }
            RandomAccessFile opened = new RandomAccessFile(file.toFile(), "r");
            long length = opened.length();
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, (int) length);
            HttpUtil.setKeepAlive(head, keepAlive);
            context.write(head);
            context.write(new DefaultFileRegion(opened.getChannel(), 0, length));
            ChannelFuture last = context.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            if (!keepAlive) {
                last.addListener(ChannelFutureListener.CLOSE);
            }
        }

        private static FullHttpResponse text(HttpResponseStatus status, ByteBuf content) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
            return response;
        }

        private static void finish(ChannelHandlerContext context, FullHttpResponse response, boolean keepAlive) {
            HttpUtil.setKeepAlive(response, keepAlive);
            ChannelFuture written = context.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
