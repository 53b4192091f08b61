package dev.chatroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package level, as docs/ARCHITECTURE.md describes it: read from the compiled classes by
 * the JDK's own jdeps, so an import that breaks the layering fails the build here.
 */
class ArchitectureTest {
    private static final Path CLASSES = Path.of("target", "classes");
    /** The core's own cycle: the hub hands its commands and output their context, they call back into it. */
    private static final Set<String> CORE =
            Set.of("dev.chatroom.server", "dev.chatroom.server.commands", "dev.chatroom.server.output");

    @Test
    void noPackageCyclesButTheCoresOwn() {
        Map<String, Set<String>> graph = packageGraph();
        assertThat(graph).containsKeys("dev.chatroom.server", "dev.chatroom.store", "dev.chatroom.cluster");
        List<Set<String>> cycles =
                stronglyConnected(graph).stream().filter(c -> c.size() > 1).toList();
        assertThat(cycles).allSatisfy(c -> assertThat(c).isEqualTo(CORE));
    }

    @Test
    void theStoresKnowNothingOfTheServerAndTheCoreNothingOfItsImplementations() {
        Map<String, Set<String>> graph = packageGraph();
        for (String store : List.of("dev.chatroom.store", "dev.chatroom.store.sqlite", "dev.chatroom.store.redis")) {
            assertThat(graph.get(store))
                    .as(store)
                    .noneMatch(p -> p.startsWith("dev.chatroom.server") || p.startsWith("dev.chatroom.cluster"));
        }
        assertThat(graph.get("dev.chatroom.irc")).as("the codec").allMatch(p -> p.equals("dev.chatroom.irc"));
        for (String core : CORE) {
            assertThat(graph.get(core))
                    .as(core)
                    .noneMatch(p -> p.startsWith("dev.chatroom.store.")
                            || p.startsWith("dev.chatroom.cluster")
                            || p.startsWith("dev.chatroom.launch")
                            || p.equals("dev.chatroom.server.net"));
        }
    }

    @Test
    void noMainFileIsOver350Lines() throws IOException {
        Map<String, Long> tooLong = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                long lines;
                try (Stream<String> l = Files.lines(f)) {
                    lines = l.count();
                }
                if (lines > 350) tooLong.put(f.toString(), lines);
            }
        }
        assertThat(tooLong).isEmpty();
    }

    /** Package -> the packages of ours it uses, itself left out. */
    static Map<String, Set<String>> packageGraph() {
        ToolProvider jdeps =
                ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("this JDK has no jdeps"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = jdeps.run(
                print, print, "-verbose:package", "-filter:none", "-e", "dev\\.chatroom.*", CLASSES.toString());
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(text).isZero();
        Map<String, Set<String>> graph = new HashMap<>();
        Matcher m = Pattern.compile(
                        "^\\s+(dev\\.chatroom[\\w.]*)\\s+->\\s+(dev\\.chatroom[\\w.]*)\\s", Pattern.MULTILINE)
                .matcher(text);
        while (m.find()) {
            graph.computeIfAbsent(m.group(1), k -> new TreeSet<>());
            if (!m.group(1).equals(m.group(2))) graph.get(m.group(1)).add(m.group(2));
        }
        return graph;
    }

    /** Tarjan's strongly connected components: each set is a cycle when it holds more than one package. */
    static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] next = {0};
        for (String v : graph.keySet())
            if (!index.containsKey(v)) connect(v, graph, index, low, stack, onStack, out, next);
        return out;
    }

    private static void connect(
            String v,
            Map<String, Set<String>> graph,
            Map<String, Integer> index,
            Map<String, Integer> low,
            Deque<String> stack,
            Set<String> onStack,
            List<Set<String>> out,
            int[] next) {
        index.put(v, next[0]);
        low.put(v, next[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, out, next);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
        }
    }
}
