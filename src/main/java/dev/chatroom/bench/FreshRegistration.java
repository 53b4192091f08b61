package dev.chatroom.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The overload check's question: after the load, can a newcomer still get in? Opens one
 * connection, registers a nick, and times the wait from connecting to {@code 001}.
 */
final class FreshRegistration {
    /** Milliseconds to 001, or why there was none ({@code millis} is then NaN). */
    record Result(double millis, String failure) {
        boolean ok() {
            return failure == null;
        }

        /** For the report: the milliseconds, or "none ..." saying why. */
        Object reportValue() {
            return ok() ? (Object) millis : "none " + failure;
        }
    }

    private FreshRegistration() {}

    static Result attempt(Bootstrap bootstrap, String host, int port, String nick, String password, Duration timeout)
            throws InterruptedException {
        Newcomer newcomer = new Newcomer(nick, password, System.nanoTime());
        ChannelFuture connect = bootstrap.clone().handler(newcomer).connect(host, port);
        connect.addListener(f -> {
            if (!f.isSuccess()) newcomer.fail(String.valueOf(f.cause()));
        });
        try {
            return newcomer.outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            long ms = timeout.toMillis();
            return new Result(Double.NaN, "within " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms"));
        } catch (ExecutionException e) {
            return new Result(Double.NaN, "(" + e.getCause() + ")");
        } finally {
            Channel ch = connect.channel();
            if (ch.isActive()) LineClient.send(ch, "QUIT :bench check done");
            ch.close();
        }
    }

    /** Registers, answers PINGs and waits for 001, or for the reason there will be none. */
    private static final class Newcomer extends LineClient {
        final CompletableFuture<Result> outcome = new CompletableFuture<>();
        private final String nick;
        private final String password;
        private final long startedNanos;

        Newcomer(String nick, String password, long startedNanos) {
            this.nick = nick;
            this.password = password;
            this.startedNanos = startedNanos;
        }

        void fail(String why) {
            outcome.complete(new Result(Double.NaN, "(" + why + ")"));
        }

        @Override
        void opened() {
            register(password, nick, "chatroom bench check");
        }

        @Override
        void line(ByteBuf b, int start, int end) {
            String line = b.toString(start, end - start, StandardCharsets.UTF_8);
            if (line.startsWith("ERROR")) {
                fail(line);
                return;
            }
            int space = b.indexOf(start, end, (byte) ' ');
            switch (space < 0 ? -1 : numeric(b, space, end)) {
                case 1 -> outcome.complete(new Result((System.nanoTime() - startedNanos) / 1e6, null));
                case 432, 433, 464, 465 -> fail(line);
                default -> {}
            }
        }

        @Override
        void closed() {
            fail("closed by the server");
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(String.valueOf(cause));
            super.exceptionCaught(ctx, cause);
        }
    }
}
