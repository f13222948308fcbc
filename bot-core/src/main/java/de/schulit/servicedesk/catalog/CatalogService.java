package de.schulit.servicedesk.catalog;

import java.util.List;

/** One entry of the service catalog (named so as not to clash with Spring's {@code @Service}). */
public record CatalogService(String id, String name, String nameEn, String description, String descriptionEn,
                             List<RequestType> requestTypes, String team, List<String> synonyms,
                             List<String> examples, List<Question> questions, List<SelfHelpHint> selfHelp) {

    public CatalogService {
        requestTypes = requestTypes == null ? List.of() : List.copyOf(requestTypes);
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        examples = examples == null ? List.of() : List.copyOf(examples);
        questions = questions == null ? List.of() : List.copyOf(questions);
        selfHelp = selfHelp == null ? List.of() : List.copyOf(selfHelp);
    }

    public String name(String language) {
        return Localized.pick(language, name, nameEn);
    }

    public String description(String language) {
        return Localized.pick(language, description, descriptionEn);
    }

    public boolean accepts(RequestType type) {
        return requestTypes.contains(type);
    }

    public List<Question> questionsFor(RequestType type) {
        return questions.stream().filter(q -> q.appliesTo(type)).toList();
    }

    public List<SelfHelpHint> selfHelpFor(RequestType type) {
        return selfHelp.stream().filter(h -> h.appliesTo(type)).toList();
    }
}
