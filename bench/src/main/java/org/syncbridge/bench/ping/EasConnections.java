package org.syncbridge.bench.ping;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.syncbridge.bench.client.Transport;

/**
 * Connections for many phones on few threads (Netty NIO): TLS that trusts exactly the server's certificate and
 * checks its name, each connection bound to one of the given 127.0.0.x source addresses, so one process is not
 * held to one address's ephemeral ports. Loopback only, like {@link Transport}.
 */
final class EasConnections implements AutoCloseable {
    /** The most a phone here ever receives: a Sync answer of one change. */
    private static final int MAX_ANSWER = 4 << 20;

    private final EventLoopGroup group;
    private final SslContext ssl;
    private final URI base;
    private final InetSocketAddress server;
    private final List<InetAddress> sources;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();

    /**
     * @param base        the server as phones name it (https://localhost:port/), checked to be loopback
     * @param serverIp    the address the server listens on (a loopback address)
     * @param sources     loopback addresses to connect from, in turn
     */
    EasConnections(URI base, InetAddress serverIp, Path certificate, List<InetAddress> sources, int threads) {
        Transport.requireLoopback(base);
        if (!serverIp.isLoopbackAddress() || sources.isEmpty() || !sources.stream().allMatch(InetAddress::isLoopbackAddress)) {
            throw new IllegalArgumentException("the benchmark connects from and to loopback addresses only: " + serverIp + " from " + sources);
        }
        this.base = base;
        this.server = new InetSocketAddress(serverIp, base.getPort());
        this.sources = List.copyOf(sources);
        try {
            this.ssl = SslContextBuilder.forClient().sslProvider(SslProvider.JDK).trustManager(Transport.trustManagers(certificate))
                    .endpointIdentificationAlgorithm("HTTPS").build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
        this.group = new NioEventLoopGroup(threads);
    }

    /** The Host header and the name TLS checks. */
    String host() {
        return base.getHost() + ":" + base.getPort();
    }

    /** Opens a connection for {@code phone}, which drives it from then on; a failed connect is reported to it. */
    void connect(PingPhone phone) {
        InetAddress source = sources.get(Math.floorMod(next.getAndIncrement(), sources.size()));
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        open.incrementAndGet();
                        ch.closeFuture().addListener(f -> open.decrementAndGet());
                        ch.pipeline().addLast(ssl.newHandler(ch.alloc(), base.getHost(), base.getPort()), new HttpClientCodec(),
                                new HttpObjectAggregator(MAX_ANSWER), phone);
                    }
                });
        ChannelFuture connecting = bootstrap.connect(server, new InetSocketAddress(source, 0));
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                phone.connectFailed(source + " -> " + server + ": " + f.cause());
            }
        });
    }

    /** Connections open now. */
    int open() {
        return open.get();
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(30, TimeUnit.SECONDS);
    }
}
