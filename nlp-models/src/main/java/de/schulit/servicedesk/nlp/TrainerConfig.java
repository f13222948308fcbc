package de.schulit.servicedesk.nlp;

/**
 * How a classifier is trained. The defaults are the measured choices recorded in README-nlp.md.
 *
 * @param features              feature extraction
 * @param algorithm             OpenNLP trainer: MAXENT_QN (L-BFGS), MAXENT (GIS), NAIVEBAYES or PERCEPTRON
 * @param iterations            trainer iterations
 * @param cutoff                minimum number of occurrences of a feature
 * @param l2                    L2 regularisation (MAXENT_QN only)
 * @param calibrationFolds      folds of the inner cross-validation that yields the out-of-fold scores
 *                              for temperature and threshold
 * @param wrongConfidentTarget  the abstention threshold is the lowest one whose out-of-fold rate of wrong
 *                              but confident answers stays at or below this
 * @param minThreshold          the abstention threshold never goes below this
 * @param noItThreshold         "kein_it" must reach this probability (and be the top label) to mark a
 *                              message as no IT matter
 * @param securityFloor         a "sicherheit" probability at or above this keeps the service among the
 *                              candidates and vetoes "no IT matter"
 * @param securityThreshold     "sicherheit" as top candidate is decided from this probability on
 * @param catalogWeight         how often each catalog phrase is repeated in training
 * @param languageMethod        how the language is detected
 * @param seed                  shuffling seed for the folds
 */
record TrainerConfig(FeatureConfig features, String algorithm, int iterations, int cutoff, double l2,
                     int calibrationFolds, double wrongConfidentTarget, double minThreshold,
                     double noItThreshold, double securityFloor, double securityThreshold, int catalogWeight,
                     LanguageDetector.Method languageMethod, long seed) {

    static TrainerConfig defaults() {
        return new TrainerConfig(FeatureConfig.defaults(), "MAXENT_QN", 100, 2, 4.0,
                5, 0.025, 0.3, 0.5, 0.1, 0.5, 2, LanguageDetector.Method.FUNCTION_WORDS, 42L);
    }

    TrainerConfig withFeatures(FeatureConfig value) {
        return new TrainerConfig(value, algorithm, iterations, cutoff, l2, calibrationFolds,
                wrongConfidentTarget, minThreshold, noItThreshold, securityFloor, securityThreshold, catalogWeight,
                languageMethod, seed);
    }

    TrainerConfig withAlgorithm(String value, int iterationsValue) {
        return new TrainerConfig(features, value, iterationsValue, cutoff, l2, calibrationFolds,
                wrongConfidentTarget, minThreshold, noItThreshold, securityFloor, securityThreshold, catalogWeight,
                languageMethod, seed);
    }

    TrainerConfig withL2(double value) {
        return new TrainerConfig(features, algorithm, iterations, cutoff, value, calibrationFolds,
                wrongConfidentTarget, minThreshold, noItThreshold, securityFloor, securityThreshold, catalogWeight,
                languageMethod, seed);
    }

    TrainerConfig withCutoff(int value) {
        return new TrainerConfig(features, algorithm, iterations, value, l2, calibrationFolds,
                wrongConfidentTarget, minThreshold, noItThreshold, securityFloor, securityThreshold, catalogWeight,
                languageMethod, seed);
    }

    TrainerConfig withCalibrationFolds(int value) {
        return new TrainerConfig(features, algorithm, iterations, cutoff, l2, value,
                wrongConfidentTarget, minThreshold, noItThreshold, securityFloor, securityThreshold, catalogWeight,
                languageMethod, seed);
    }

    TrainerConfig withWrongConfidentTarget(double value) {
        return new TrainerConfig(features, algorithm, iterations, cutoff, l2, calibrationFolds,
                value, minThreshold, noItThreshold, securityFloor, securityThreshold, catalogWeight, languageMethod, seed);
    }

    TrainerConfig withNoItThreshold(double value) {
        return new TrainerConfig(features, algorithm, iterations, cutoff, l2, calibrationFolds,
                wrongConfidentTarget, minThreshold, value, securityFloor, securityThreshold, catalogWeight, languageMethod, seed);
    }

    TrainerConfig withSecurityFloor(double value) {
        return new TrainerConfig(features, algorithm, iterations, cutoff, l2, calibrationFolds,
                wrongConfidentTarget, minThreshold, noItThreshold, value, securityThreshold, catalogWeight, languageMethod, seed);
    }

    TrainerConfig withSecurityThreshold(double value) {
        return new TrainerConfig(features, algorithm, iterations, cutoff, l2, calibrationFolds,
                wrongConfidentTarget, minThreshold, noItThreshold, securityFloor, value, catalogWeight, languageMethod, seed);
    }

    TrainerConfig withCatalogWeight(int value) {
        return new TrainerConfig(features, algorithm, iterations, cutoff, l2, calibrationFolds,
                wrongConfidentTarget, minThreshold, noItThreshold, securityFloor, securityThreshold, value, languageMethod, seed);
    }

    TrainerConfig withLanguageMethod(LanguageDetector.Method value) {
        return new TrainerConfig(features, algorithm, iterations, cutoff, l2, calibrationFolds,
                wrongConfidentTarget, minThreshold, noItThreshold, securityFloor, securityThreshold, catalogWeight, value, seed);
    }

    TrainerConfig withSeed(long value) {
        return new TrainerConfig(features, algorithm, iterations, cutoff, l2, calibrationFolds,
                wrongConfidentTarget, minThreshold, noItThreshold, securityFloor, securityThreshold, catalogWeight,
                languageMethod, value);
    }

    @Override
    public String toString() {
        return algorithm + "(it=" + iterations + ", cutoff=" + cutoff
                + ("MAXENT_QN".equals(algorithm) ? ", l2=" + l2 : "") + ") " + features
                + " calib=" + calibrationFolds + "-fold wbc<=" + wrongConfidentTarget + " lang=" + languageMethod;
    }
}
