package de.schulit.servicedesk.ticket;

/** Who is affected by a Störung, widest first. */
public enum Impact {
    WHOLE_SCHOOL,
    SEVERAL_ROOMS,
    ONE_ROOM,
    ONLY_ME
}
