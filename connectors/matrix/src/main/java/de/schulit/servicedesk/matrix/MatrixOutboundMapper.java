package de.schulit.servicedesk.matrix;

import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.Option;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bot text as Matrix {@code m.notice} events (clients and bots never answer a notice automatically) with a plain
 * {@code body} and an HTML {@code formatted_body} in which every character of the text is escaped: the bot's text is
 * plain (it quotes users and agents), so it is escaped, never sanitised or interpreted. Options become a numbered
 * list the user answers with the number or the label (see {@link MatrixInboundMapper}); when the only options are
 * skip, back and cancel (a free-text question, whose answer may itself be a number) they are shown unnumbered.
 */
final class MatrixOutboundMapper {

    /** Option ids the dialog offers next to a free-text question. */
    static final Set<String> NAVIGATION = Set.of("skip", "back", "cancel");

    /** Events are capped at 65,536 bytes; the body and its HTML twin must fit together. */
    static final int MAX_TEXT = 16_000;

    private final JsonMapper json;

    MatrixOutboundMapper(JsonMapper json) {
        this.json = json;
    }

    ObjectNode notice(BotMessage message) {
        String text = cut(message.text());
        List<Option> options = message.options();
        StringBuilder body = new StringBuilder(text);
        StringBuilder html = new StringBuilder(lines(text));
        if (!options.isEmpty()) {
            boolean numbered = isChoice(options);
            body.append("\n");
            html.append(numbered ? "<ol>" : "<p>");
            for (int i = 0; i < options.size(); i++) {
                String label = options.get(i).label();
                if (numbered) {
                    body.append('\n').append(i + 1).append(". ").append(label);
                    html.append("<li>").append(escape(label)).append("</li>");
                } else {
                    body.append(i == 0 ? "\n" : " ").append('[').append(label).append(']');
                    html.append(i == 0 ? "" : " ").append('[').append(escape(label)).append(']');
                }
            }
            html.append(numbered ? "</ol>" : "</p>");
        }
        return notice(body.toString(), html.toString());
    }

    /** A notice whose HTML the caller built from escaped parts. */
    ObjectNode notice(String body, String html) {
        ObjectNode content = json.createObjectNode();
        content.put("msgtype", "m.notice");
        content.put("body", body);
        content.put("format", "org.matrix.custom.html");
        content.put("formatted_body", html);
        return content;
    }

    /** An uploaded file as m.image (shown inline) or m.file; body and filename are its name (spec v1.10). */
    ObjectNode file(String mediaUri, String fileName, String mimeType, long size) {
        ObjectNode content = json.createObjectNode();
        content.put("msgtype", mimeType.startsWith("image/") ? "m.image" : "m.file");
        content.put("body", fileName);
        content.put("filename", fileName);
        content.put("url", mediaUri);
        content.putObject("info").put("mimetype", mimeType).put("size", size);
        return content;
    }

    /** An edit of an earlier message: clients show {@code newContent} in its place, marked as edited. */
    ObjectNode replacing(ObjectNode newContent, String eventId) {
        ObjectNode content = newContent.deepCopy();
        content.put("body", "* " + newContent.path("body").asString());
        content.put("formatted_body", "* " + newContent.path("formatted_body").asString());
        content.set("m.new_content", newContent);
        content.putObject("m.relates_to").put("rel_type", "m.replace").put("event_id", eventId);
        return content;
    }

    /** A notice in the thread of a root event (spec v1.4), falling back to a reply for clients without threads. */
    ObjectNode inThread(ObjectNode content, String rootEventId) {
        ObjectNode relation = content.putObject("m.relates_to");
        relation.put("rel_type", "m.thread");
        relation.put("event_id", rootEventId);
        relation.put("is_falling_back", true);
        relation.putObject("m.in_reply_to").put("event_id", rootEventId);
        return content;
    }

    /** True when the options are a real choice, so typed numbers select them. */
    static boolean isChoice(List<Option> options) {
        return options.stream().anyMatch(o -> !NAVIGATION.contains(o.id()));
    }

    /** Plain text as HTML: escaped, line breaks kept. */
    static String lines(String text) {
        return escape(text).replace("\r\n", "\n").replace("\n", "<br>");
    }

    /** Escapes the five characters that are markup in HTML text and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String cut(String text) {
        String value = text == null || text.isEmpty() ? "…" : text;
        if (value.length() <= MAX_TEXT) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(MAX_TEXT - 2)) ? MAX_TEXT - 2 : MAX_TEXT - 1;
        return value.substring(0, end) + "…";
    }
}
