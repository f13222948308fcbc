package de.schulit.servicedesk.api;

/** The one error shape of the HTTP API: {@code {"error": "..."}}. */
public record ApiError(String error) {
}
