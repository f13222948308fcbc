package de.schulit.servicedesk.api;

import de.schulit.servicedesk.dialog.Classification;
import de.schulit.servicedesk.dialog.Classifier;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Classifies a text against the catalog, as the dialog does; for agents' tools and for checking the model. */
@RestController
class ClassifyController {

    private final Classifier classifier;

    ClassifyController(Classifier classifier) {
        this.classifier = classifier;
    }

    record ClassifyRequest(String text) {
    }

    record CandidateJson(String serviceId, double confidence) {
    }

    record ClassifyResponse(String serviceId, String requestType, double confidence, List<CandidateJson> candidates) {
    }

    @PostMapping("/api/classify")
    ClassifyResponse classify(@RequestBody ClassifyRequest request) {
        Classification result = classifier.classify(TicketController.requireText(request.text(), "text"));
        return new ClassifyResponse(result.serviceId(),
                result.requestType() == null ? null : result.requestType().id(), result.confidence(),
                result.candidates().stream().limit(3).map(c -> new CandidateJson(c.serviceId(), c.confidence())).toList());
    }
}
