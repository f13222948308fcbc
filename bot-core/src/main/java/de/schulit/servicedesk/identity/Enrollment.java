package de.schulit.servicedesk.identity;

import de.schulit.servicedesk.channel.ChannelAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Issues enrollment codes and links chat identities to persons with them. */
public final class Enrollment {

    /** No 0/O or 1/I/L, so a code read aloud or copied from paper survives. */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int CODE_LENGTH = 10;

    private final EnrollmentCodes codes;
    private final People people;
    private final Clock clock;
    private final CodeGuessLimits guesses;
    private final SecureRandom random = new SecureRandom();

    public Enrollment(EnrollmentCodes codes, People people, Clock clock) {
        this(codes, people, clock, new CodeGuessLimits(CodeGuessLimits.Settings.DEFAULT, clock));
    }

    public Enrollment(EnrollmentCodes codes, People people, Clock clock, CodeGuessLimits guesses) {
        this.codes = codes;
        this.people = people;
        this.clock = clock;
        this.guesses = guesses;
    }

    /** What a code typed in a chat is worth: a code to redeem, nothing, or no answer because of too many wrong ones. */
    public sealed interface CodeCheck {
        record Redeemable(EnrollmentCode code) implements CodeCheck {
        }

        record Invalid() implements CodeCheck {
        }

        record Throttled() implements CodeCheck {
        }
    }

    /** Checks a code a chat sent, counting wrong ones against the chat and its channel. */
    public CodeCheck check(ChannelAddress from, String rawCode) {
        if (!guesses.allowed(from)) {
            return new CodeCheck.Throttled();
        }
        Optional<EnrollmentCode> code = redeemable(rawCode);
        if (code.isEmpty()) {
            guesses.failed(from);
            return new CodeCheck.Invalid();
        }
        return new CodeCheck.Redeemable(code.get());
    }

    public EnrollmentCode issue(String schoolId, Role role, int maxUses, int validDays) {
        if (maxUses < 1 || validDays < 1) {
            throw new IllegalArgumentException("maxUses and validDays must be at least 1");
        }
        StringBuilder code = new StringBuilder(CODE_LENGTH + 1);
        for (int i = 0; i < CODE_LENGTH; i++) {
            if (i == CODE_LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        EnrollmentCode issued = new EnrollmentCode(code.toString(), schoolId, role, maxUses, 0,
                clock.instant().plus(Duration.ofDays(validDays)));
        codes.save(issued);
        return issued;
    }

    /** The code as stored: upper case, grouped with one dash, whatever spacing the user typed. */
    public static String normalize(String raw) {
        String compact = raw.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (compact.length() != CODE_LENGTH) {
            return compact;
        }
        return compact.substring(0, CODE_LENGTH / 2) + "-" + compact.substring(CODE_LENGTH / 2);
    }

    public Optional<EnrollmentCode> redeemable(String rawCode) {
        return codes.find(normalize(rawCode)).filter(c -> c.redeemableAt(clock.instant()));
    }

    /** Creates a staff member of a school that vouches for the identity's domain (schools.yml: matrix-domain). */
    public Person enrollByDomain(String schoolId, String name, ChannelAddress address, String language) {
        Person person = people.create(schoolId, name, Role.STAFF, language);
        people.link(address, person.id());
        return person;
    }

    /** Creates the person and links the identity, or empty when the code was used up or expired meanwhile. */
    public Optional<Person> enroll(String rawCode, String name, ChannelAddress address, String language) {
        Optional<EnrollmentCode> code = redeemable(rawCode);
        if (code.isEmpty() || !codes.claim(code.get().code(), clock.instant())) {
            return Optional.empty();
        }
        Person person = people.create(code.get().schoolId(), name, code.get().role(), language);
        people.link(address, person.id());
        return Optional.of(person);
    }
}
