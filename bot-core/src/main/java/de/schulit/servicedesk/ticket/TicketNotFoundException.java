package de.schulit.servicedesk.ticket;

public class TicketNotFoundException extends RuntimeException {

    public TicketNotFoundException(String number) {
        super("Ticket " + number + " nicht gefunden");
    }
}
