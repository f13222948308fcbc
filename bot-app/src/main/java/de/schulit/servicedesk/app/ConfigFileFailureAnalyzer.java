package de.schulit.servicedesk.app;

import de.schulit.servicedesk.catalog.ConfigFileException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A broken catalog.yml or schools.yml ends the start with the file, entry and field, not with a stack trace. */
class ConfigFileFailureAnalyzer extends AbstractFailureAnalyzer<ConfigFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigFileException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the file named above (or point servicedesk.catalog-file / servicedesk.schools-file to a valid one)"
                        + " and start again.", cause);
    }
}
