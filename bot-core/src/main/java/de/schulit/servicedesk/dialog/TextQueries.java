package de.schulit.servicedesk.dialog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises status questions, ticket lists and follow-ups written in plain words, German or English. */
final class TextQueries {

    private static final String REF = "(?<ref>[A-Za-z]{1,10}-\\d{4}-\\d{1,9}|#?\\d{1,9})";

    private static final Pattern STATUS = Pattern.compile(
            "(?iu)^\\s*(?:status|stand|sachstand|state)\\s*(?:von|zu|für|fuer|of|for)?\\s*(?:ticket|meldung)?\\s*(?:nr\\.?|nummer|no\\.?)?\\s*"
                    + REF + "\\s*[?!.]*\\s*$");
    private static final Pattern STATUS_QUESTION = Pattern.compile(
            "(?iu)(?:wie\\s+ist\\s+der\\s+(?:aktuelle\\s+)?(?:stand|status|sachstand)|was\\s+(?:ist|macht)|gibt\\s+es\\s+(?:neuigkeiten|neues)"
                    + "|wie\\s+sieht\\s+es\\s+aus|what(?:'s|\\s+is)\\s+the\\s+status|any\\s+news|status\\s+of)"
                    + "\\D{0,30}?" + REF + "\\s*[?!.]*\\s*$");
    private static final Pattern MY_TICKETS = Pattern.compile(
            "(?iu)^\\s*(?:meine|unsere|my|our)\\s+(?:tickets?|meldungen|anfragen|st[öo]rungen|requests)\\s*[?!.]*\\s*$"
                    + "|^\\s*(?:status|stand)\\s*[?!.]*\\s*$");
    private static final Pattern FOLLOW_UP = Pattern.compile(
            "(?isu)^\\s*(?:nachtrag|erg[äa]nzung|follow[- ]?up|addendum)\\s*(?:zu|für|fuer|to|for)?\\s*(?:ticket)?\\s*"
                    + REF + "\\s*[:\\-–]?\\s*(?<text>.*)$");

    record FollowUp(String reference, String text) {
    }

    private TextQueries() {
    }

    static Optional<String> statusReference(String text) {
        for (Pattern pattern : new Pattern[] {STATUS, STATUS_QUESTION}) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                return Optional.of(m.group("ref"));
            }
        }
        return Optional.empty();
    }

    static boolean asksForTicketList(String text) {
        return MY_TICKETS.matcher(text).matches();
    }

    static Optional<FollowUp> followUp(String text) {
        Matcher m = FOLLOW_UP.matcher(text);
        return m.matches() ? Optional.of(new FollowUp(m.group("ref"), m.group("text").trim())) : Optional.empty();
    }
}
