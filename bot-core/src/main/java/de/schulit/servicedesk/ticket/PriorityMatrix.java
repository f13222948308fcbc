package de.schulit.servicedesk.ticket;

import static de.schulit.servicedesk.ticket.Priority.P1;
import static de.schulit.servicedesk.ticket.Priority.P2;
import static de.schulit.servicedesk.ticket.Priority.P3;
import static de.schulit.servicedesk.ticket.Priority.P4;

import de.schulit.servicedesk.catalog.RequestType;

/** SPEC.md's priority rules: impact x urgency for a Störung, security always P1, a Bedarf P4. */
public final class PriorityMatrix {

    public static final String SECURITY_SERVICE = "sicherheit";

    /** Rows follow {@link Impact}, columns {@link Urgency}. */
    private static final Priority[][] STOERUNG = {
        {P1, P2, P3},
        {P2, P2, P3},
        {P2, P3, P4},
        {P3, P3, P4},
    };

    private PriorityMatrix() {
    }

    /** Whether the dialog has to ask for impact and urgency at all. */
    public static boolean needsAssessment(String serviceId, RequestType type) {
        return type == RequestType.STOERUNG && !SECURITY_SERVICE.equals(serviceId);
    }

    public static Priority priorityOf(String serviceId, RequestType type, Impact impact, Urgency urgency) {
        if (SECURITY_SERVICE.equals(serviceId)) {
            return P1;
        }
        return switch (type) {
            case BEDARF -> P4;
            case ANFRAGE -> P3;
            case STOERUNG -> {
                if (impact == null || urgency == null) {
                    throw new IllegalArgumentException("a Störung needs impact and urgency");
                }
                yield STOERUNG[impact.ordinal()][urgency.ordinal()];
            }
        };
    }
}
