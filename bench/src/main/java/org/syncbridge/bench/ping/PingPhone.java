package org.syncbridge.bench.ping;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.syncbridge.bench.client.EasFailure;
import org.syncbridge.bench.client.EasMessages;
import org.syncbridge.bench.client.SyncCall;
import org.syncbridge.bench.client.SyncPage;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * One phone on one kept-alive connection, as a phone sets itself up and waits for push: Provision (both phases),
 * FolderSync, the first Sync of its contacts folder (key 0, then the changes), then a Ping that stays parked.
 * When the Ping answers that the folder changed, it syncs the change and parks a new Ping. Runs on the
 * connection's event loop; it only reports to {@link Events}, which decides nothing about it.
 */
final class PingPhone extends SimpleChannelInboundHandler<FullHttpResponse> {
    /** What a phone reports. Exactly one of parked or failed ends its setup; ended is a parked Ping that ended without a change. */
    interface Events {
        void parked(PingPhone phone, long setupNanos);

        void failed(PingPhone phone, String reason);

        /** A parked Ping answered that the folder changed; {@code atNanos} is System.nanoTime() when the answer was decoded. */
        void woke(PingPhone phone, long atNanos);

        /** After a wake: the change was synced ({@code items} Adds and Changes) and a new Ping is on its way. */
        void reparked(PingPhone phone, int items);

        void ended(PingPhone phone, String reason);
    }

    private enum State { CONNECTING, PROVISION, ACKNOWLEDGE, FOLDER_SYNC, FIRST_SYNC, SYNC, PARKED, RESYNC, DONE }

    private final PhoneSpec spec;
    private final String authorization;
    private final String host;
    private final String version;
    private final int heartbeat;
    private final Events events;
    private final long started = System.nanoTime();
    private ChannelHandlerContext ctx;
    private State state = State.CONNECTING;
    private boolean everParked;
    private String policyKey;
    private String collection;
    private String syncKey;
    private SyncCall lastSync;
    private int resyncItems;

    PingPhone(PhoneSpec spec, String host, String version, int heartbeat, Events events) {
        this.spec = spec;
        this.authorization = EasMessages.basicAuthorization(spec.login(), spec.password());
        this.host = host;
        this.version = version;
        this.heartbeat = heartbeat;
        this.events = events;
    }

    PhoneSpec spec() {
        return spec;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        state = State.PROVISION;
        send("Provision", EasMessages.provision(null));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
        long at = System.nanoTime();
        if (state == State.DONE) {
            return;
        }
        try {
            String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
            if (response.status().code() != 200 || response.content().readableBytes() == 0 || !type.contains("wbxml")) {
                throw new EasFailure(state + " answered HTTP " + response.status().code() + " (" + type + ", "
                        + response.content().readableBytes() + " bytes)");
            }
            byte[] bytes = ByteBufUtil.getBytes(response.content());
            answer(EasMessages.decode(state.name(), bytes), bytes.length, at);
        } catch (RuntimeException e) {
            problem(e.getMessage());
        }
    }

    private void answer(Element body, int bytes, long at) {
        switch (state) {
            case PROVISION -> {
                policyKey = EasMessages.policyKey(body);
                state = State.ACKNOWLEDGE;
                send("Provision", EasMessages.provision(policyKey));
            }
            case ACKNOWLEDGE -> {
                policyKey = EasMessages.policyKey(body);
                state = State.FOLDER_SYNC;
                send("FolderSync", EasMessages.folderSyncFromStart());
            }
            case FOLDER_SYNC -> {
                collection = EasMessages.folderOfType(body, 9);
                state = State.FIRST_SYNC;
                sync(SyncCall.first(collection));
            }
            case FIRST_SYNC, SYNC, RESYNC -> {
                SyncPage page = EasMessages.syncPage(lastSync, body, bytes);
                syncKey = page.syncKey();
                if (state == State.FIRST_SYNC) {
                    state = State.SYNC;
                    sync(SyncCall.next(collection, syncKey, 100));
                } else {
                    resyncItems += page.adds().size() + page.changes().size();
                    if (page.moreAvailable()) {
                        sync(SyncCall.next(collection, syncKey, 100));
                    } else {
                        park();
                    }
                }
            }
            case PARKED -> {
                String status = EasMessages.pingStatus(body);
                if (!"2".equals(status) || !EasMessages.pingFolders(body).contains(collection)) {
                    throw new EasFailure("the parked Ping answered status " + status + " " + EasMessages.pingFolders(body));
                }
                events.woke(this, at);
                state = State.RESYNC;
                resyncItems = 0;
                sync(SyncCall.next(collection, syncKey, 100));
            }
            default -> throw new EasFailure("an answer in state " + state);
        }
    }

    private void sync(SyncCall call) {
        lastSync = call;
        send("Sync", EasMessages.sync(call));
    }

    private void park() {
        boolean again = everParked;
        everParked = true;
        state = State.PARKED;
        send("Ping", EasMessages.ping(heartbeat, collection)).addListener(f -> {
            if (!f.isSuccess()) {
                problem("the Ping could not be sent: " + f.cause());
            } else if (again) {
                events.reparked(this, resyncItems);
            } else {
                events.parked(this, System.nanoTime() - started);
            }
        });
    }

    private io.netty.channel.ChannelFuture send(String command, Element body) {
        byte[] bytes = EasMessages.encode(body);
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                "/" + EasMessages.pathAndQuery(command, spec.login(), spec.deviceId(), "Android"), Unpooled.wrappedBuffer(bytes));
        request.headers().set(HttpHeaderNames.HOST, host)
                .set(HttpHeaderNames.AUTHORIZATION, authorization)
                .set(HttpHeaderNames.CONTENT_TYPE, "application/vnd.ms-sync.wbxml")
                .set(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
                .set(HttpHeaderNames.USER_AGENT, "Syncbridge-Bench/1.0")
                .set("MS-ASProtocolVersion", version);
        if (policyKey != null) {
            request.headers().set("X-MS-PolicyKey", policyKey);
        }
        return ctx.writeAndFlush(request);
    }

    void connectFailed(String reason) {
        problem("connect failed: " + reason);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        problem("the connection closed while " + state);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        problem(String.valueOf(cause));
    }

    /** Reports the first problem once: a failed setup, or the end of a Ping that had been parked; then closes. */
    private void problem(String reason) {
        if (state == State.DONE) {
            return;
        }
        state = State.DONE;
        if (everParked) {
            events.ended(this, reason);
        } else {
            events.failed(this, reason);
        }
        if (ctx != null) {
            ctx.close();
        }
    }

    /** Closes the connection on purpose: nothing is reported. */
    void close() {
        if (ctx != null) {
            ctx.executor().execute(() -> {
                state = State.DONE;
                ctx.close();
            });
        }
    }
}
