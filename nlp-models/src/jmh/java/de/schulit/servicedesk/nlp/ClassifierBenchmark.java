package de.schulit.servicedesk.nlp;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Classification throughput (one thread) and latency percentiles, model load time, training time.
 * Run: {@code ./mvnw -pl nlp-models -Pbenchmark test-compile exec:exec@benchmark} (see README-nlp.md).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class ClassifierBenchmark {

    /** Messages of the kinds the desk gets: short and long, German and English, IT and not. */
    static final List<String> MESSAGES = List.of(
            "Beamer in 2.14 zeigt kein Bild, Unterricht in 10 min",
            "Drucker im Lehrerzimmer hat schon wieder Papierstau",
            "kein internet",
            "Guten Morgen, bei uns im Sekretariat laden seit heute früh keine Webseiten mehr, auch WebUntis geht "
                    + "nicht. Die Netzlaufwerke funktionieren aber. Können Sie bitte schnell nachsehen? Danke, Frau Meier",
            "Ich habe auf einen Link in einer komischen Mail geklickt und mein Passwort eingegeben",
            "Wir brauchen 30 neue iPads für die fünften Klassen",
            "The wifi in the staff room keeps dropping",
            "Passwort vergessen",
            "Die Heizung im Musikraum ist kalt",
            "Kann man die Lernsoftware auch zu Hause installieren?");

    @State(Scope.Benchmark)
    public static class Loaded {
        ServiceClassifier classifier;
        int next;

        @Setup(Level.Trial)
        public void load() {
            classifier = ServiceClassifier.loadDefault();
        }

        String nextMessage() {
            next = (next + 1) % MESSAGES.size();
            return MESSAGES.get(next);
        }
    }

    @State(Scope.Benchmark)
    public static class Catalog {
        Map<String, List<String>> phrases;

        @Setup(Level.Trial)
        public void read() {
            phrases = CatalogExamples.read(Path.of(System.getProperty("nlp.catalog", "../config/catalog.yml")));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Prediction classifyThroughput(Loaded state) {
        return state.classifier.classify(state.nextMessage());
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Prediction classifyLatency(Loaded state) {
        return state.classifier.classify(state.nextMessage());
    }

    /** Cold: each of 5 fresh JVMs loads the model once, as the bot does at start-up. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(value = 5, jvmArgsAppend = {"-Xmx1g"})
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public ServiceClassifier loadModel() {
        return ServiceClassifier.loadDefault();
    }

    /** Cold: each of 3 fresh JVMs retrains once, as the bot does when the catalog changed. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Fork(value = 3, jvmArgsAppend = {"-Xmx1g"})
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public ServiceClassifier train(Catalog catalog) {
        return ServiceClassifier.train(catalog.phrases);
    }
}
