package de.schulit.servicedesk.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The app's CPU time by kind of thread, from Linux's {@code /proc/<pid>/task/<tid>/stat}: dialog turns (the carriers
 * of the virtual request threads), H2 writing commits to the file, the garbage collector, the JIT compiler and the
 * rest. The compiler's share tells whether a run was warmed up: on two cores C2 is busy for about two minutes of
 * load, and whatever it uses then is not a cost of the turns. Empty where {@code /proc} is missing.
 */
final class ThreadCpu {

    /** Thread name prefixes (as the kernel keeps them: at most 15 characters) and the kind they count as. */
    private static final List<Map.Entry<String, String>> KINDS = List.of(
            Map.entry("ForkJoinPool", "turns"),
            Map.entry("tomcat", "turns"),
            Map.entry("http-nio", "turns"),
            Map.entry("C1 CompilerThre", "JIT"),
            Map.entry("C2 CompilerThre", "JIT"),
            Map.entry("GC Thread", "GC"),
            Map.entry("G1 ", "GC"),
            Map.entry("MVStore", "H2 store"));

    /** Linux's clock ticks per second for /proc times; 100 on every common kernel. */
    private static final double TICKS_PER_SECOND = 100;

    private ThreadCpu() {
    }

    /** CPU seconds by kind, summed over the process's live threads. */
    static Map<String, Double> of(long pid) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return seconds;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(thread -> {
                try {
                    String name = Files.readString(thread.resolve("comm")).strip();
                    String stat = Files.readString(thread.resolve("stat"));
                    // the fields after the name in parentheses, which may itself contain spaces
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    seconds.merge(kind(name), cpu, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            return seconds;
        }
        return seconds;
    }

    static String kind(String name) {
        if (name.matches("H\\d+-(serializatio|save).*")) { // H2's threads that serialise and write each commit
            return "H2 store";
        }
        return KINDS.stream().filter(k -> name.startsWith(k.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse("other");
    }

    /** "turns 61%, H2 store 20%, ..." of the CPU used between the two readings, largest first. */
    static String shares(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = used(before, after);
        double total = total(used);
        if (total <= 0) {
            return "";
        }
        return used.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100 * e.getValue() / total))
                .collect(Collectors.joining(", "));
    }

    /** The JIT compiler's share of the CPU used between the two readings, 0 to 1. */
    static double jitShare(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = used(before, after);
        double total = total(used);
        return total > 0 ? used.getOrDefault("JIT", 0.0) / total : 0;
    }

    /** CPU seconds by kind between the two readings. */
    private static Map<String, Double> used(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((kind, cpu) -> used.put(kind, cpu - before.getOrDefault(kind, 0.0)));
        return used;
    }

    private static double total(Map<String, Double> used) {
        return used.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
