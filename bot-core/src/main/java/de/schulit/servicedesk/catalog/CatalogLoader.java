package de.schulit.servicedesk.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Loads {@code catalog.yml} and validates every entry; a bad entry stops the start with file, entry and field. */
public final class CatalogLoader {

    static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    static final int MAX_LABEL = 30;

    record CatalogFile(List<CatalogService> services) {
    }

    private CatalogLoader() {
    }

    public static ServiceCatalog load(Path file) {
        CatalogFile parsed = YamlConfigReader.read(file, CatalogFile.class);
        List<String> errors = validate(parsed);
        if (!errors.isEmpty()) {
            throw new ConfigFileException(file + " is invalid:\n  - " + String.join("\n  - ", errors));
        }
        return new ServiceCatalog(parsed.services());
    }

    static List<String> validate(CatalogFile catalog) {
        List<String> errors = new ArrayList<>();
        if (catalog.services() == null || catalog.services().isEmpty()) {
            errors.add("field 'services': at least one service is required");
            return errors;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < catalog.services().size(); i++) {
            CatalogService service = catalog.services().get(i);
            String entry = "service " + (service.id() == null ? "#" + (i + 1) : "'" + service.id() + "'");
            Problems p = new Problems(entry, errors);
            if (service.id() == null || !ID.matcher(service.id()).matches()) {
                p.add("id", "must be lowercase letters, digits, '-' or '_' (got '" + service.id() + "')");
            } else if (!ids.add(service.id())) {
                p.add("id", "is used twice");
            }
            p.required("name", service.name());
            p.required("description", service.description());
            p.required("team", service.team());
            if (service.requestTypes().isEmpty()) {
                p.add("request-types", "needs at least one of stoerung, anfrage, bedarf");
            }
            validateQuestions(service, p);
            for (int h = 0; h < service.selfHelp().size(); h++) {
                SelfHelpHint hint = service.selfHelp().get(h);
                p.required("self-help[" + h + "].title", hint.title());
                p.required("self-help[" + h + "].text", hint.text());
                checkSubset(p, "self-help[" + h + "].request-types", hint.requestTypes(), service);
            }
        }
        return errors;
    }

    private static void validateQuestions(CatalogService service, Problems p) {
        Set<String> questionIds = new HashSet<>();
        for (int q = 0; q < service.questions().size(); q++) {
            Question question = service.questions().get(q);
            String field = "questions[" + q + "]";
            if (question.id() == null || !ID.matcher(question.id()).matches()) {
                p.add(field + ".id", "must be lowercase letters, digits, '-' or '_' (got '" + question.id() + "')");
            } else if (!questionIds.add(question.id())) {
                p.add(field + ".id", "'" + question.id() + "' is used twice in this service");
            }
            p.required(field + ".prompt", question.prompt());
            if (question.type() == null) {
                p.add(field + ".type", "is required (text, choice or number)");
                continue;
            }
            checkSubset(p, field + ".request-types", question.requestTypes(), service);
            if (question.type() == QuestionType.CHOICE) {
                validateChoices(question, field, p);
            } else if (!question.choices().isEmpty()) {
                p.add(field + ".choices", "only a choice question has choices");
            }
            validateRules(question, field, p);
        }
    }

    private static void validateChoices(Question question, String field, Problems p) {
        if (question.choices().size() < 2) {
            p.add(field + ".choices", "a choice question needs at least two choices");
        }
        Set<String> choiceIds = new HashSet<>();
        for (int c = 0; c < question.choices().size(); c++) {
            Choice choice = question.choices().get(c);
            String choiceField = field + ".choices[" + c + "]";
            if (choice.id() == null || !ID.matcher(choice.id()).matches()) {
                p.add(choiceField + ".id", "must be lowercase letters, digits, '-' or '_' (got '" + choice.id() + "')");
            } else if (!choiceIds.add(choice.id())) {
                p.add(choiceField + ".id", "'" + choice.id() + "' is used twice in this question");
            }
            p.required(choiceField + ".label", choice.label());
            if (choice.label() != null && choice.label().length() > MAX_LABEL) {
                p.add(choiceField + ".label", "is longer than " + MAX_LABEL + " characters");
            }
        }
    }

    private static void validateRules(Question question, String field, Problems p) {
        Validation v = question.validation();
        if (v.minLength() != null && v.minLength() < 0) {
            p.add(field + ".validation.min-length", "must not be negative");
        }
        if (v.minLength() != null && v.maxLength() != null && v.minLength() > v.maxLength()) {
            p.add(field + ".validation.max-length", "is smaller than min-length");
        }
        if (v.min() != null && v.max() != null && v.min() > v.max()) {
            p.add(field + ".validation.max", "is smaller than min");
        }
        if (question.type() != QuestionType.NUMBER && (v.min() != null || v.max() != null)) {
            p.add(field + ".validation", "min and max apply to number questions only (use min-length/max-length)");
        }
        if (v.pattern() != null) {
            try {
                Pattern.compile(v.pattern());
            } catch (PatternSyntaxException e) {
                p.add(field + ".validation.pattern", "is no valid regular expression: " + e.getDescription());
            }
        }
    }

    private static void checkSubset(Problems p, String field, List<RequestType> types, CatalogService service) {
        for (RequestType type : types) {
            if (!service.accepts(type)) {
                p.add(field, "'" + type.id() + "' is not among the service's request-types");
            }
        }
    }

    private record Problems(String entry, List<String> errors) {

        void add(String field, String problem) {
            errors.add(entry + ", field '" + field + "': " + problem);
        }

        void required(String field, String value) {
            if (value == null || value.isBlank()) {
                add(field, "is required");
            }
        }
    }
}
