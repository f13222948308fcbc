package de.schulit.servicedesk.identity;

import de.schulit.servicedesk.channel.ChannelAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttles guessing of enrollment codes: wrong codes are counted per chat identity and per channel (an attacker can
 * open many web chat sessions, but not many channels) in fixed windows. Over a limit no code is looked at until the
 * window ends, so guessing learns nothing. Kept in memory: a restart forgets the counts, which costs an attacker
 * a restart of our app they cannot cause.
 */
public final class CodeGuessLimits {

    /** At most {@code perIdentity} wrong codes from one chat and {@code perChannel} from one channel per window. */
    public record Settings(int perIdentity, int perChannel, Duration window) {

        public static final Settings DEFAULT = new Settings(5, 50, Duration.ofMinutes(15));

        public Settings {
            if (perIdentity < 1 || perChannel < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("limits and window must be positive");
            }
        }
    }

    /** Forgetting expired windows keeps the map small when many sessions guess once. */
    private static final int SWEEP_SIZE = 10_000;

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public CodeGuessLimits(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether this chat may try a code now. */
    public boolean allowed(ChannelAddress from) {
        Instant now = clock.instant();
        return count(identityKey(from), now) < settings.perIdentity() && count(channelKey(from), now) < settings.perChannel();
    }

    /** Records a wrong code from this chat. */
    public void failed(ChannelAddress from) {
        Instant now = clock.instant();
        if (windows.size() > SWEEP_SIZE) {
            windows.values().removeIf(w -> w.endsBefore(now));
        }
        windows.compute(identityKey(from), (k, w) -> Window.next(w, now, settings.window()));
        windows.compute(channelKey(from), (k, w) -> Window.next(w, now, settings.window()));
    }

    private int count(String key, Instant now) {
        Window window = windows.get(key);
        return window == null || window.endsBefore(now) ? 0 : window.count();
    }

    private static String identityKey(ChannelAddress from) {
        return from.channel() + "\u0000" + from.id();
    }

    private static String channelKey(ChannelAddress from) {
        return from.channel();
    }

    private record Window(Instant end, int count) {

        static Window next(Window current, Instant now, Duration length) {
            return current == null || current.endsBefore(now) ? new Window(now.plus(length), 1)
                    : new Window(current.end(), current.count() + 1);
        }

        boolean endsBefore(Instant now) {
            return !now.isBefore(end);
        }
    }
}
