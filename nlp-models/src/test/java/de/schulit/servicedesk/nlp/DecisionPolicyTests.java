package de.schulit.servicedesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class DecisionPolicyTests {

    private static final String[] LABELS = {"drucken", "email", "kein_it", "konto", "sicherheit", "wlan"};
    private final DecisionPolicy policy = new DecisionPolicy(1.0, 0.6, 0.5, 0.1, 0.45, 0.9);

    private DecisionPolicy.Decision decide(boolean rule, double... p) {
        return policy.decide(LABELS, p, rule ? SecurityRules.Verdict.CERTAIN : SecurityRules.Verdict.NONE, "stoerung", "de");
    }

    @Test
    void decidesTheTopServiceWhenConfident() {
        Prediction p = decide(false, 0.80, 0.10, 0.02, 0.05, 0.01, 0.02).prediction();
        assertThat(p.serviceId()).isEqualTo("drucken");
        assertThat(p.confidence()).isCloseTo(0.80, within(1e-9));
        assertThat(p.requestType()).isEqualTo("stoerung");
        assertThat(p.outOfScope()).isFalse();
        assertThat(p.candidates()).extracting(ScoredLabel::label).containsExactly("drucken", "email", "konto");
    }

    @Test
    void abstainsBelowTheThresholdButStillOffersCandidates() {
        Prediction p = decide(false, 0.45, 0.40, 0.05, 0.06, 0.02, 0.02).prediction();
        assertThat(p.serviceId()).isNull();
        assertThat(p.outOfScope()).isFalse();
        assertThat(p.requestType()).isEqualTo("stoerung");
        assertThat(p.confidence()).isCloseTo(0.45, within(1e-9));
        assertThat(p.candidates()).extracting(ScoredLabel::label).containsExactly("drucken", "email", "konto");
    }

    @Test
    void recognisesNoItMatterAndNeverOffersKeinItAsCandidate() {
        DecisionPolicy.Decision d = decide(false, 0.05, 0.05, 0.80, 0.05, 0.02, 0.03);
        assertThat(d.prediction().outOfScope()).isTrue();
        assertThat(d.prediction().serviceId()).isNull();
        assertThat(d.prediction().requestType()).isNull();
        assertThat(d.prediction().candidates()).hasSize(3).noneMatch(c -> c.label().equals("kein_it"));
        assertThat(d.label()).isEqualTo("kein_it");
    }

    @Test
    void weakNoItTopLabelAbstainsInsteadOfClaimingOutOfScope() {
        Prediction p = decide(false, 0.30, 0.10, 0.40, 0.10, 0.05, 0.05).prediction();
        assertThat(p.outOfScope()).isFalse();
        assertThat(p.serviceId()).isNull();
    }

    @Test
    void securityRuleWinsOverALowConfidenceAlternative() {
        Prediction p = decide(true, 0.05, 0.50, 0.05, 0.30, 0.05, 0.05).prediction();
        assertThat(p.serviceId()).isEqualTo("sicherheit");
        assertThat(p.confidence()).isCloseTo(0.9, within(1e-9));
        assertThat(p.candidates().get(0).label()).isEqualTo("sicherheit");
    }

    @Test
    void securityRuleVetoesOutOfScope() {
        Prediction p = decide(true, 0.02, 0.02, 0.90, 0.02, 0.02, 0.02).prediction();
        assertThat(p.outOfScope()).isFalse();
        assertThat(p.serviceId()).isEqualTo("sicherheit");
    }

    @Test
    void aFiredRuleDecidesSecurityEvenAgainstAConfidentModel() {
        Prediction p = decide(true, 0.01, 0.95, 0.01, 0.01, 0.01, 0.01).prediction();
        assertThat(p.serviceId()).isEqualTo("sicherheit");
        assertThat(p.candidates()).extracting(ScoredLabel::label).containsExactly("sicherheit", "email", "drucken");
    }

    @Test
    void securityAsTopCandidateIsDecidedFromALowerThreshold() {
        Prediction p = decide(false, 0.30, 0.10, 0.05, 0.05, 0.48, 0.02).prediction();
        assertThat(p.serviceId()).isEqualTo("sicherheit");
        Prediction other = decide(false, 0.05, 0.30, 0.05, 0.05, 0.02, 0.48).prediction();
        assertThat(other.serviceId()).isNull();
    }

    @Test
    void securityAsTopCandidateIsAlwaysAnIncident() {
        Prediction ruled = policy.decide(LABELS, new double[] {0.30, 0.30, 0.10, 0.10, 0.10, 0.10}, SecurityRules.Verdict.CERTAIN, "bedarf", "de")
                .prediction();
        assertThat(ruled.requestType()).isEqualTo("stoerung");
        Prediction undecided = policy.decide(LABELS, new double[] {0.20, 0.20, 0.05, 0.10, 0.40, 0.05}, SecurityRules.Verdict.NONE,
                "anfrage", "de").prediction();
        assertThat(undecided.serviceId()).isNull();
        assertThat(undecided.requestType()).isEqualTo("stoerung");
        Prediction other = policy.decide(LABELS, new double[] {0.80, 0.05, 0.02, 0.05, 0.06, 0.02}, SecurityRules.Verdict.NONE,
                "anfrage", "de").prediction();
        assertThat(other.requestType()).isEqualTo("anfrage");
    }

    @Test
    void aModestSecurityScoreKeepsSecurityAmongTheCandidates() {
        Prediction p = decide(false, 0.40, 0.25, 0.02, 0.20, 0.11, 0.02).prediction();
        assertThat(p.candidates()).extracting(ScoredLabel::label).containsExactly("drucken", "email", "sicherheit");
        Prediction below = decide(false, 0.40, 0.25, 0.02, 0.24, 0.07, 0.02).prediction();
        assertThat(below.candidates()).extracting(ScoredLabel::label).doesNotContain("sicherheit");
    }

    @Test
    void aSecurityCueOffersSecurityAndVetoesNoItButDecidesNothing() {
        Prediction confident = policy.decide(LABELS, new double[] {0.80, 0.05, 0.02, 0.05, 0.01, 0.07},
                SecurityRules.Verdict.SUSPECTED, "stoerung", "de").prediction();
        assertThat(confident.serviceId()).isEqualTo("drucken");
        assertThat(confident.candidates()).extracting(ScoredLabel::label).containsExactly("drucken", "wlan", "sicherheit");
        Prediction noIt = policy.decide(LABELS, new double[] {0.02, 0.02, 0.90, 0.02, 0.02, 0.02},
                SecurityRules.Verdict.SUSPECTED, "stoerung", "de").prediction();
        assertThat(noIt.outOfScope()).isFalse();
        assertThat(noIt.serviceId()).isNull();
        assertThat(noIt.candidates()).extracting(ScoredLabel::label).contains("sicherheit");
    }

    @Test
    void temperatureSharpensOrFlattensWithoutChangingTheOrder() {
        double[] p = {0.6, 0.3, 0.1};
        double[] sharp = DecisionPolicy.calibrate(p, 0.5);
        double[] flat = DecisionPolicy.calibrate(p, 2.0);
        assertThat(sharp[0]).isGreaterThan(0.6);
        assertThat(flat[0]).isLessThan(0.6);
        assertThat(Arrays.stream(sharp).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(DecisionPolicy.calibrate(p, 1.0)).containsExactly(new double[] {0.6, 0.3, 0.1}, within(1e-9));
    }

    @Test
    void choosesTheLowestThresholdThatKeepsWrongConfidentAnswersRare() {
        // 10 texts of label a: right with 0.9 on 8, wrong with 0.7 on one and with 0.55 on another
        String[] labels = {"a", "b"};
        java.util.List<ModelTrainer.Doc> docs = new java.util.ArrayList<>();
        double[][] scores = new double[10][];
        for (int i = 0; i < 10; i++) {
            docs.add(new ModelTrainer.Doc(new LabeledText("a", null, "de", "x"), java.util.List.of("x"), "de", null, SecurityRules.Verdict.NONE));
            scores[i] = new double[] {0.9, 0.1};
        }
        scores[8] = new double[] {0.3, 0.7};
        scores[9] = new double[] {0.45, 0.55};
        DecisionPolicy base = new DecisionPolicy(1.0, 0.5, 0.5, 0.1, 0.5, 0.9);
        assertThat(Calibration.chooseThreshold(docs, scores, labels, base, 0.0, 0.3)).isEqualTo(0.71);
        assertThat(Calibration.chooseThreshold(docs, scores, labels, base, 0.1, 0.3)).isEqualTo(0.56);
    }
}
