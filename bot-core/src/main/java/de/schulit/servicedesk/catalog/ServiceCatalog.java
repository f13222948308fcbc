package de.schulit.servicedesk.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The validated service catalog, in the operator's order. */
public final class ServiceCatalog {

    private final Map<String, CatalogService> services = new LinkedHashMap<>();

    public ServiceCatalog(List<CatalogService> services) {
        services.forEach(s -> this.services.put(s.id(), s));
    }

    public List<CatalogService> services() {
        return List.copyOf(services.values());
    }

    public Optional<CatalogService> find(String id) {
        return Optional.ofNullable(id).map(services::get);
    }

    public CatalogService get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown service " + id));
    }

    /** Training phrases per service for the classifier: the synonyms and the example phrases. */
    public Map<String, List<String>> examplePhrases() {
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        services.values().forEach(s -> phrases.put(s.id(),
                java.util.stream.Stream.concat(s.synonyms().stream(), s.examples().stream()).toList()));
        return phrases;
    }
}
