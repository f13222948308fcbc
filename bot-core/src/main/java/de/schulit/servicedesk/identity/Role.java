package de.schulit.servicedesk.identity;

/** STAFF sees their own tickets; COORDINATOR (the school's media/IT coordinator) sees all of their school's. */
public enum Role {
    STAFF,
    COORDINATOR
}
