package de.schulit.servicedesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when the quality of the shipped pipeline drops: the targets on the held-out files, and
 * floors on a cross-validation of the corpus.
 *
 * <p>Held-out: the model the build trained, on all held-out files together (2,264 texts in ten files written by
 * people who had not seen the corpus; none is trained on, see CorpusTests), is held to the targets -
 * measured top-1 0.921, top-3 0.993, wrong-but-confident 0.021, no IT recognised 0.966, request type 0.934.
 *
 * <p>Cross-validation runs the shipped features and trainer; the abstention threshold is not calibrated per fold
 * here (that would multiply the run time), so it checks the figures that do not depend on it. Top-3 and request
 * type are held to the targets (0.98 and 0.90): this 5-fold run measures top-3 0.985 and request type 0.923 on the
 * current corpus (3,828 texts; see nlp-models/README.md). Its top-1 (0.883; 0.898 on the 3,338 texts of 6 Dec) is
 * below the held-out figure because the corpus' later rounds were written at the model's errors on purpose, so its
 * floor sits half a point below the measured figure and guards against regressions; {@code -Dnlp.gate.top1=0.92} enforces the target. The folds
 * are fixed by the trainer's seed, so the figures only move when corpus or pipeline change. The CLI prints the
 * complete, calibrated evaluation.
 */
class QualityGateTests {

    static final double TOP1_FLOOR = Double.parseDouble(System.getProperty("nlp.gate.top1", "0.878"));
    static final double TOP3_FLOOR = Double.parseDouble(System.getProperty("nlp.gate.top3", "0.98"));
    static final double REQUEST_TYPE_FLOOR = Double.parseDouble(System.getProperty("nlp.gate.requestType", "0.90"));

    /** Every file was written by someone who had not seen the corpus; no training round used them. */
    static final List<String> HELD_OUT = List.of("heldout.tsv", "heldout-staff.tsv", "heldout-fresh.tsv",
            "heldout-fresh2.tsv", "heldout-fresh3.tsv", "heldout-fresh4.tsv", "heldout-fresh5.tsv", "heldout-fresh6.tsv",
            "heldout-fresh7.tsv", "heldout-fresh8.tsv");

    private static Evaluation evaluation;
    private static Evaluation heldOut;

    @BeforeAll
    static void crossValidate() {
        List<LabeledText> texts = new ArrayList<>();
        HELD_OUT.forEach(file -> texts.addAll(Corpus.readHeldOut(Path.of("src/test/resources/corpus", file))));
        heldOut = CrossValidation.evaluate(ServiceClassifier.loadDefault().model(), texts);
        System.out.println(heldOut.report("quality gate: the built model on all held-out files"));

        List<LabeledText> corpus = Corpus.readBundled();
        Map<String, List<String>> catalog = CatalogExamples.read(Path.of("../config/catalog.yml"));
        ModelTrainer trainer = new ModelTrainer(TrainerConfig.defaults().withCalibrationFolds(0));
        evaluation = CrossValidation.run(corpus, catalog, trainer, 5, 2);
        System.out.println(evaluation.report("quality gate: 5-fold cross-validation"));
    }

    @Test
    void serviceTop1AccuracyStaysAboveTheFloor() {
        assertThat(evaluation.top1()).as("cross-validated service top-1 accuracy").isGreaterThanOrEqualTo(TOP1_FLOOR);
    }

    @Test
    void serviceTop3AccuracyStaysAboveTheFloor() {
        assertThat(evaluation.top3()).as("cross-validated service top-3 accuracy").isGreaterThanOrEqualTo(TOP3_FLOOR);
    }

    @Test
    void requestTypeAccuracyStaysAboveTheFloor() {
        assertThat(evaluation.requestType()).as("cross-validated request type accuracy")
                .isGreaterThanOrEqualTo(REQUEST_TYPE_FLOOR);
    }

    @Test
    void unseenTextsMeetTheTargets() {
        assertThat(heldOut.top1()).as("held-out service top-1 accuracy").isGreaterThanOrEqualTo(0.92);
        assertThat(heldOut.top3()).as("held-out service top-3 accuracy").isGreaterThanOrEqualTo(0.98);
        assertThat(heldOut.wrongConfident()).as("held-out wrong-but-confident rate").isLessThanOrEqualTo(0.03);
        assertThat(heldOut.noItRecognised()).as("held-out no-IT recognised").isGreaterThanOrEqualTo(0.85);
        assertThat(heldOut.requestType()).as("held-out request type accuracy").isGreaterThanOrEqualTo(0.90);
        assertThat(heldOut.securityCandidateRecall()).as("held-out security among the candidates").isEqualTo(1.0);
    }

    @Test
    void noSecurityIncidentIsMissed() {
        assertThat(evaluation.securityCandidateRecall()).as("security incidents among the candidates").isEqualTo(1.0);
    }
}
