package dev.chatroom.server.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The web listener's plain HTTP side: the files of the jar's {@code web/} directory, read-only, at
 * {@code /} ({@code /} itself is {@code index.html}). Only names made of letters, digits, '.', '-',
 * '_' and '/' with a known type are served, never a '.' or '..' segment (after percent-decoding), so
 * nothing outside {@code web/} can be reached. Every answer forbids scripts, styles and connections
 * from anywhere but this origin, and framing, so a page served here cannot be turned against its
 * users. Used on the event loop only.
 */
final class WebFiles {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self'; img-src 'self' data:;"
            + " style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._/-]+");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"));

    /** The files found so far: the jar does not change while the server runs. */
    private final Map<String, byte[]> found = new HashMap<>();

    /** Answers the request (and releases it). */
    void serve(ChannelHandlerContext ctx, FullHttpRequest request) {
        FullHttpResponse response;
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        try {
            response = respond(request.method(), request.uri());
        } finally {
            request.release();
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) written.addListener(ChannelFutureListener.CLOSE);
    }

    FullHttpResponse respond(HttpMethod method, String uri) {
        boolean head = HttpMethod.HEAD.equals(method);
        if (!head && !HttpMethod.GET.equals(method)) {
            FullHttpResponse r = text(HttpResponseStatus.METHOD_NOT_ALLOWED, false);
            r.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            return r;
        }
        String name = name(uri);
        String type = name == null ? null : TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        byte[] body = type == null ? null : read(name);
        if (body == null) return text(HttpResponseStatus.NOT_FOUND, head);
        return response(HttpResponseStatus.OK, type, body, head);
    }

    /** The file a request path names inside web/; null when it names none that may be served. */
    static String name(String uri) {
        String path;
        try {
            path = new QueryStringDecoder(uri).path();
        } catch (IllegalArgumentException e) {
            return null; // bad percent-encoding
        }
        if (!path.startsWith("/")) return null;
        String name = path.equals("/") ? "index.html" : path.substring(1);
        if (!NAME.matcher(name).matches()) return null;
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) return null;
        }
        return name.lastIndexOf('.') > name.lastIndexOf('/') ? name : null;
    }

    private byte[] read(String name) {
        byte[] body = found.get(name);
        if (body != null) return body;
        try (InputStream in = WebFiles.class.getClassLoader().getResourceAsStream("web/" + name)) {
            if (in == null) return null;
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.put(name, body);
        return body;
    }

    /** An error as a short text: its status line's words. */
    private static FullHttpResponse text(HttpResponseStatus status, boolean head) {
        byte[] body = (status.code() + " " + status.reasonPhrase() + "\n").getBytes(StandardCharsets.UTF_8);
        return response(status, "text/plain; charset=utf-8", body, head);
    }

    static FullHttpResponse response(HttpResponseStatus status, String type, byte[] body, boolean head) {
        FullHttpResponse r = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, status, head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        r.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, type)
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY)
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "no-referrer")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        return r;
    }
}
