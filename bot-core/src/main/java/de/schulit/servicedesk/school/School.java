package de.schulit.servicedesk.school;

/** A school the service desk serves; matrixDomain optionally maps a Matrix homeserver to it. */
public record School(String id, String name, String matrixDomain) {
}
