package de.schulit.servicedesk.matrix;

import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.Inbound;
import de.schulit.servicedesk.channel.Option;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Typed text from a requester's room as the dialog's input: a number of the offered list or an option's label is the
 * pressed option (by id, as the engine expects from buttons); anything else is text. Numbers count only when the
 * options are a real choice: next to a free-text question "3" is an answer, not "Abbrechen".
 */
final class MatrixInboundMapper {

    static final String CHANNEL = "matrix";

    Inbound typed(String userId, String text, List<Option> offered, Instant at) {
        ChannelAddress from = new ChannelAddress(CHANNEL, userId);
        String answer = text.strip();
        if (!offered.isEmpty()) {
            if (answer.matches("[0-9]{1,2}\\.?") && MatrixOutboundMapper.isChoice(offered)) {
                int number = Integer.parseInt(answer.replace(".", ""));
                if (number >= 1 && number <= offered.size()) {
                    return Inbound.option(from, offered.get(number - 1).id(), at);
                }
            }
            String folded = answer.toLowerCase(Locale.ROOT);
            for (Option option : offered) {
                if (option.label().strip().toLowerCase(Locale.ROOT).equals(folded)) {
                    return Inbound.option(from, option.id(), at);
                }
            }
        }
        return Inbound.text(from, text, at);
    }

    /**
     * The text of a message without the quote older clients put before a reply ({@code > <@bot:server> Passt das?}
     * and a blank line), so "1" answering a bot message stays "1".
     */
    static String withoutReplyFallback(JsonNode content) {
        String body = content.path("body").asString("");
        if (content.path("m.relates_to").path("m.in_reply_to").isMissingNode() || !body.startsWith("> ")) {
            return body;
        }
        int end = body.indexOf("\n\n");
        return end < 0 ? body : body.substring(end + 2);
    }
}
