package de.schulit.servicedesk.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTests {

    @Test
    void threadsAreCountedByWhatTheyDoFromTheNamesTheKernelKeeps() {
        assertThat(ThreadCpu.kind("ForkJoinPool-1-w")).isEqualTo("turns"); // carriers of virtual request threads
        assertThat(ThreadCpu.kind("http-nio-8080-P")).isEqualTo("turns");
        assertThat(ThreadCpu.kind("C2 CompilerThre")).isEqualTo("JIT");
        assertThat(ThreadCpu.kind("C1 CompilerThre")).isEqualTo("JIT");
        assertThat(ThreadCpu.kind("GC Thread#1")).isEqualTo("GC");
        assertThat(ThreadCpu.kind("G1 Conc#0")).isEqualTo("GC");
        assertThat(ThreadCpu.kind("H2-serializatio")).isEqualTo("H2 store");
        assertThat(ThreadCpu.kind("H12-save")).isEqualTo("H2 store");
        assertThat(ThreadCpu.kind("MVStore backgro")).isEqualTo("H2 store");
        assertThat(ThreadCpu.kind("HikariPool-1 ho")).isEqualTo("other");
    }

    @Test
    void sharesAreOfTheCpuUsedBetweenTwoReadingsLargestFirst() {
        Map<String, Double> before = Map.of("turns", 10.0, "JIT", 30.0, "GC", 1.0);
        Map<String, Double> after = Map.of("turns", 16.0, "JIT", 31.0, "GC", 4.0, "H2 store", 0.5);

        assertThat(ThreadCpu.shares(before, after)).isEqualTo("turns 57%, GC 29%, JIT 10%, H2 store 5%");
        assertThat(ThreadCpu.jitShare(before, after)).isCloseTo(1 / 10.5, within(1e-9));
        assertThat(ThreadCpu.shares(after, after)).isEmpty();
        assertThat(ThreadCpu.jitShare(Map.of(), Map.of())).isZero();
    }

    @Test
    void readsTheThreadsOfARunningProcessFromProc() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc");
        long pid = ProcessHandle.current().pid();
        burnCpu();

        Map<String, Double> seconds = ThreadCpu.of(pid);

        assertThat(seconds).containsKey("other"); // this test's own thread, "main"
        assertThat(seconds.values()).allSatisfy(cpu -> assertThat(cpu).isNotNegative());
        assertThat(seconds.values().stream().mapToDouble(Double::doubleValue).sum()).isPositive();
        assertThat(ThreadCpu.of(Long.MAX_VALUE)).isEmpty(); // no such process
    }

    private static void burnCpu() {
        long end = System.nanoTime() + 200_000_000L;
        double x = 0;
        while (System.nanoTime() < end) {
            x += Math.sqrt(x + 1);
        }
        assertThat(x).isPositive();
    }
}
