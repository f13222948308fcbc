package de.schulit.servicedesk.identity;

/** A member of a school's staff who is linked to one or more chat identities. */
public record Person(long id, String schoolId, String name, Role role, String language) {

    public boolean isCoordinator() {
        return role == Role.COORDINATOR;
    }
}
