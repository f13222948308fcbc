package de.schulit.servicedesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTests {

    @Test
    void theBundledCorpusIsTheSourceCorpus() {
        List<LabeledText> bundled = Corpus.readBundled();
        assertThat(bundled).isEqualTo(Corpus.readTrainingDirectory(Path.of("src/main/resources/corpus/train")));
        assertThat(bundled.stream().map(LabeledText::service).collect(Collectors.toSet()))
                .hasSize(16).contains("kein_it", "sicherheit");
    }

    @Test
    void noHeldOutTextIsTrainedOn() {
        Set<String> training = Corpus.readBundled().stream()
                .map(t -> TextNormalizer.normalize(t.text())).collect(Collectors.toSet());
        for (String file : List.of("heldout.tsv", "heldout-staff.tsv", "heldout-fresh.tsv", "heldout-fresh2.tsv",
                "heldout-fresh3.tsv", "heldout-fresh4.tsv", "heldout-fresh5.tsv", "heldout-fresh6.tsv",
                "heldout-fresh7.tsv", "heldout-fresh8.tsv")) {
            List<LabeledText> heldOut = Corpus.readHeldOut(Path.of("src/test/resources/corpus", file));
            assertThat(heldOut).as(file).isNotEmpty();
            // all of them at once, so that a new file or corpus round can be cleaned in one go
            assertThat(heldOut).as(file + ": texts that are also training texts")
                    .filteredOn(t -> training.contains(TextNormalizer.normalize(t.text())))
                    .extracting(LabeledText::text)
                    .isEmpty();
        }
    }

    @Test
    void readsLabelFilesAndTheHeldOutFormat(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("drucken.tsv"), "stoerung\tde\tDrucker kaputt\n\n# comment\nanfrage\ten\tHow do I print?\n");
        Files.writeString(dir.resolve("kein_it.tsv"), "-\tde\tHallo\n");
        Files.writeString(dir.resolve("notes.txt"), "not a corpus file");
        assertThat(Corpus.readTrainingDirectory(dir)).containsExactly(
                new LabeledText("drucken", "stoerung", "de", "Drucker kaputt"),
                new LabeledText("drucken", "anfrage", "en", "How do I print?"),
                new LabeledText("kein_it", null, "de", "Hallo"));

        Path heldOut = dir.resolve("heldout.tsv");
        Files.writeString(heldOut, "wlan\tstoerung\tde\tWLAN weg\nkein_it\t-\tde\tMensa zu\n");
        assertThat(Corpus.readHeldOut(heldOut)).containsExactly(
                new LabeledText("wlan", "stoerung", "de", "WLAN weg"),
                new LabeledText("kein_it", null, "de", "Mensa zu"));
    }

    @Test
    void rejectsMalformedLines(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("drucken.tsv"), "stoerung Drucker kaputt\n");
        assertThatThrownBy(() -> Corpus.readTrainingDirectory(dir)).hasMessageContaining("drucken.tsv:1");
    }
}
