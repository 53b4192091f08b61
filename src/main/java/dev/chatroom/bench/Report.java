package dev.chatroom.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Results as a readable table and as JSON. */
final class Report {
    private final String title;
    private final Map<String, Object> values = new LinkedHashMap<>();

    Report(String title) {
        this.title = title;
    }

    Report put(String key, Object value) {
        values.put(key, value);
        return this;
    }

    void print(PrintWriter out) {
        out.println(title);
        int width = values.keySet().stream().mapToInt(String::length).max().orElse(10);
        values.forEach((k, v) -> out.printf("  %-" + width + "s  %s%n", k, format(v)));
        out.flush();
    }

    private static String format(Object v) {
        if (v instanceof Double d) return String.format("%.2f", d);
        return String.valueOf(v);
    }

    /** "deliveries/s" -> "deliveries_per_s", "latency p99 (ms)" -> "latency_p99_ms". */
    static String jsonKey(String label) {
        return label.replace("/", " per ")
                .replaceAll("[()]", "")
                .trim()
                .replaceAll("\\s+", "_")
                .replaceAll("[^A-Za-z0-9_.]", "");
    }

    void writeJson(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            sb.append("  \"").append(jsonKey(e.getKey())).append("\": ");
            Object v = e.getValue();
            if (v instanceof Number) sb.append(v instanceof Double d ? String.format("%.3f", d) : v.toString());
            else
                sb.append('"')
                        .append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            sb.append(++i < values.size() ? ",\n" : "\n");
        }
        sb.append("}\n");
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }
}
