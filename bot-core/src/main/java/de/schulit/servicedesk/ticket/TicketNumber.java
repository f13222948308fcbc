package de.schulit.servicedesk.ticket;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code SD-2026-00042}: prefix, year, and a per-year sequence of at least five digits. */
public record TicketNumber(String prefix, int year, int sequence) {

    private static final Pattern FORMAT = Pattern.compile("([A-Za-z][A-Za-z0-9]{0,9})-(\\d{4})-(\\d{1,9})");

    public static Optional<TicketNumber> parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new TicketNumber(m.group(1).toUpperCase(java.util.Locale.ROOT),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }

    @Override
    public String toString() {
        return String.format("%s-%d-%05d", prefix, year, sequence);
    }
}
