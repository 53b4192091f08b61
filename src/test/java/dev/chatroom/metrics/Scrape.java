package dev.chatroom.metrics;

import dev.chatroom.config.HostPort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One real HTTP GET of the metrics server, and the value of a series in the text it got. */
record Scrape(int status, String body) {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Scrape get(HostPort at, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + at + path))
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Scrape(r.statusCode(), r.body());
    }

    static Scrape metrics(HostPort at) throws IOException, InterruptedException {
        return get(at, "/metrics");
    }

    /** The value of a series written as it appears, {@code chatroom_connections{transport="tls"}}; -1 when absent. */
    double value(String series) {
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
