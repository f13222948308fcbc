package de.schulit.servicedesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when the cross-validated quality of the shipped pipeline drops below its floor. The CV
 * runs the shipped features and trainer; the abstention threshold is not calibrated per fold here (that
 * would multiply the run time), so the gate checks the figures that do not depend on it. The CLI prints
 * the complete, calibrated evaluation.
 *
 * <p>The floors sit about one point below the figures this 5-fold run measures on the current corpus
 * (1,512 texts: top-1 0.886, top-3 0.982, request type 0.913; see nlp-models/README.md). The request-type
 * floor is the target (0.90); top-1 and top-3 stay below the targets (0.92, 0.98) because the
 * corpus does not reach top-1 0.92 and top-3 0.982 leaves no margin for fold noise: for these the gate
 * guards against regressions. Enforce the targets with {@code -Dnlp.gate.top1=0.92 -Dnlp.gate.top3=0.98}.
 */
class QualityGateTests {

    static final double TOP1_FLOOR = Double.parseDouble(System.getProperty("nlp.gate.top1", "0.875"));
    static final double TOP3_FLOOR = Double.parseDouble(System.getProperty("nlp.gate.top3", "0.97"));
    static final double REQUEST_TYPE_FLOOR = Double.parseDouble(System.getProperty("nlp.gate.requestType", "0.90"));

    private static Evaluation evaluation;

    @BeforeAll
    static void crossValidate() {
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
    void noSecurityIncidentIsMissed() {
        assertThat(evaluation.securityCandidateRecall()).as("security incidents among the candidates").isEqualTo(1.0);
    }
}
