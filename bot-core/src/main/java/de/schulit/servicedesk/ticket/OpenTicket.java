package de.schulit.servicedesk.ticket;

/** An open ticket as a new report is compared with it: its number and its answer to one question (or null). */
public record OpenTicket(String number, String answer) {
}
