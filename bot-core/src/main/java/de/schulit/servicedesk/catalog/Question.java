package de.schulit.servicedesk.catalog;

import java.util.List;
import java.util.Optional;

/** A question the bot asks for a service before filing the ticket. */
public record Question(String id, String prompt, String promptEn, QuestionType type, boolean required,
                       List<RequestType> requestTypes, List<Choice> choices, Validation validation) {

    public Question {
        requestTypes = requestTypes == null ? List.of() : List.copyOf(requestTypes);
        choices = choices == null ? List.of() : List.copyOf(choices);
        validation = validation == null ? Validation.NONE : validation;
    }

    public String prompt(String language) {
        return Localized.pick(language, prompt, promptEn);
    }

    /** A question without request types applies to all of them. */
    public boolean appliesTo(RequestType type) {
        return requestTypes.isEmpty() || requestTypes.contains(type);
    }

    public Optional<Choice> choice(String choiceId) {
        return choices.stream().filter(c -> c.id().equals(choiceId)).findFirst();
    }

    /** Checks a typed answer (already trimmed); choice answers are matched by the dialog, not here. */
    public Optional<Validation.Failure> check(String answer) {
        return type == QuestionType.NUMBER ? validation.checkNumber(answer) : validation.checkText(answer);
    }
}
