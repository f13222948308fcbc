package de.schulit.servicedesk.ticket;

import de.schulit.servicedesk.catalog.RequestType;
import java.util.List;
import java.util.Map;

/** What the dialog collected; the desk adds number, status and times. */
public record NewTicket(String schoolId, Requester requester, String serviceId, RequestType requestType,
                        Priority priority, String title, String description, Map<String, String> fields,
                        List<AttachmentRef> attachments) {

    public NewTicket {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        attachments = List.copyOf(attachments);
    }
}
