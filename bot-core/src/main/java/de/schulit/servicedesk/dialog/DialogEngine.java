package de.schulit.servicedesk.dialog;

import de.schulit.servicedesk.catalog.CatalogService;
import de.schulit.servicedesk.catalog.Choice;
import de.schulit.servicedesk.catalog.Question;
import de.schulit.servicedesk.catalog.QuestionType;
import de.schulit.servicedesk.catalog.RequestType;
import de.schulit.servicedesk.catalog.SelfHelpHint;
import de.schulit.servicedesk.catalog.ServiceCatalog;
import de.schulit.servicedesk.catalog.Validation;
import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.Inbound;
import de.schulit.servicedesk.channel.Option;
import de.schulit.servicedesk.channel.PlainText;
import de.schulit.servicedesk.identity.Enrollment;
import de.schulit.servicedesk.identity.People;
import de.schulit.servicedesk.identity.Person;
import de.schulit.servicedesk.privacy.PersonalData;
import de.schulit.servicedesk.school.School;
import de.schulit.servicedesk.school.Schools;
import de.schulit.servicedesk.ticket.AttachmentRef;
import de.schulit.servicedesk.ticket.Attachments;
import de.schulit.servicedesk.ticket.Impact;
import de.schulit.servicedesk.ticket.NewTicket;
import de.schulit.servicedesk.ticket.Priority;
import de.schulit.servicedesk.ticket.PriorityMatrix;
import de.schulit.servicedesk.ticket.Requester;
import de.schulit.servicedesk.ticket.Ticket;
import de.schulit.servicedesk.ticket.TicketDesk;
import de.schulit.servicedesk.ticket.TicketNumber;
import de.schulit.servicedesk.ticket.TicketQuery;
import de.schulit.servicedesk.ticket.TicketStatus;
import de.schulit.servicedesk.ticket.Urgency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The conversation logic of every channel: enrollment, intake of a new request, status questions and follow-ups.
 * Plain Java; it reaches the world only through its ports. One call handles one user input and returns the
 * bot's replies; the caller runs it in a transaction and delivers the replies.
 */
public final class DialogEngine {

    /**
     * Limits and numbers the dialog needs from the configuration. groupingWindow: how old an open ticket of the
     * same problem may be to be offered for joining (zero: never).
     */
    public record Settings(String hotline, int maxTextLength, String defaultLanguage, Duration groupingWindow) {
    }

    private static final Set<String> YES = Set.of("ja", "j", "jo", "jep", "yes", "y", "ok", "okay", "passt", "stimmt",
            "richtig", "genau", "korrekt");
    private static final Set<String> NO = Set.of("nein", "n", "nö", "no", "nope");
    private static final Set<String> CANCEL_WORDS = Set.of("abbrechen", "abbruch", "cancel", "stop", "stopp");
    private static final Set<String> BACK_WORDS = Set.of("zurück", "zurueck", "zuruck", "back");
    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{M} .'\\-]{1,79}");
    /** Longer than any name ("Dr. Anna-Maria von der Heide" has five words). */
    private static final int MAX_NAME_WORDS = 5;
    /** Words of a problem description that are no part of a name, so "Beamer geht nicht" is not taken for one. */
    private static final Set<String> NOT_IN_NAMES = Set.of("ist", "sind", "war", "geht", "gehen", "ging", "nicht",
            "nichts", "kein", "keine", "keinen", "kaputt", "defekt", "weg", "bitte", "hilfe", "ich", "wir", "mein",
            "meine", "meinen", "unser", "unsere", "hat", "haben", "kann", "können", "funktioniert", "problem",
            "fehler", "hallo", "moin", "guten", "danke", "seit", "mit", "im", "auf", "is", "isn't", "not", "no",
            "my", "our", "we", "please", "help", "broken", "doesn't", "can't", "cannot", "working", "hello", "the");
    /** Greetings and the words of an introduction ("Guten Morgen, hier ist Anna Schmidt"): nothing to act on. */
    private static final Set<String> SMALL_TALK = Set.of("hallo", "hi", "hey", "moin", "servus", "guten", "tag",
            "morgen", "abend", "danke", "hier", "ist", "spricht", "mein", "name", "ich", "bin", "heiße", "heisse",
            "hello", "good", "morning", "afternoon", "thanks", "this", "is", "my", "i", "am", "here");
    /** Control and formatting characters (RTL overrides, zero-width) except line breaks and tabs. */
    private static final int TICKET_LIST_LIMIT = 10;
    /**
     * A text needs this many words before its detected language switches the conversation to English. Measured on
     * the held-out corpus cut to 2-3 words: no German text detected as English (0 of 411), English recognised in
     * 59 of 64; at 4-6 words 62 of 63.
     */
    static final int WORDS_FOR_LANGUAGE = 3;

    private final ServiceCatalog catalog;
    private final Classifier classifier;
    private final People people;
    private final Schools schools;
    private final Enrollment enrollment;
    private final TicketDesk desk;
    private final Attachments attachments;
    private final ConversationStore conversations;
    private final Messages messages;
    private final BusinessHours businessHours;
    private final Clock clock;
    private final Settings settings;
    private final DialogMetrics metrics;
    private final OutageGrouping grouping;
    private final TicketComposer composer;
    private final PersonalData personalData;

    public DialogEngine(ServiceCatalog catalog, Classifier classifier, People people, Schools schools,
                        Enrollment enrollment, TicketDesk desk, Attachments attachments,
                        ConversationStore conversations, Messages messages, BusinessHours businessHours,
                        Clock clock, Settings settings, DialogMetrics metrics, PersonalData personalData) {
        this.catalog = catalog;
        this.classifier = classifier;
        this.people = people;
        this.schools = schools;
        this.enrollment = enrollment;
        this.desk = desk;
        this.attachments = attachments;
        this.conversations = conversations;
        this.messages = messages;
        this.businessHours = businessHours;
        this.clock = clock;
        this.settings = settings;
        this.metrics = metrics;
        this.grouping = new OutageGrouping(desk, clock, settings.groupingWindow());
        this.composer = new TicketComposer(messages);
        this.personalData = personalData;
    }

    public List<BotMessage> handle(Inbound inbound) {
        Optional<Conversation> stored = conversations.load(inbound.from());
        Conversation conversation = stored.orElseGet(() -> Conversation.start(settings.defaultLanguage()));
        Turn turn = new Turn(inbound, conversation, people.findByAddress(inbound.from()).orElse(null));
        String said = turn.said();
        if (stored.isEmpty()) {
            turn.say("privacy.firstContact"); // a new chat hears first what happens to its data
        }
        turn.run();
        List<BotMessage> replies = turn.replies;
        if (turn.erased) {
            return List.copyOf(replies); // nothing of the chat is kept, not even its conversation
        }
        if (conversation.draft != null && turn.person != null) {
            TicketComposer.record(conversation.draft, said);
            replies.forEach(reply -> TicketComposer.record(conversation.draft, "Bot: " + reply.text()));
        }
        conversation.offered = new ArrayList<>(replies.isEmpty() ? List.of() : replies.get(replies.size() - 1).options());
        conversation.updatedAt = clock.instant();
        conversation.remindedAt = null;
        conversations.save(inbound.from(), conversation);
        return List.copyOf(replies);
    }

    /** The words of a short text in lower case, without the punctuation around them. */
    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[\\s.,;:!?]+")).filter(w -> !w.isEmpty()).toList();
    }

    private static String bare(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[.,;:!?]+", "");
    }

    /** Removes invisible control characters and normalises Unicode so that look-alike input compares equal. */
    static String clean(String text) {
        return PlainText.clean(text);
    }

    /** One user input being handled; collects the replies. */
    private final class Turn {

        private final Inbound inbound;
        private final Conversation conversation;
        private Person person;
        private final List<BotMessage> replies = new ArrayList<>();
        private String language;
        private boolean erased;

        Turn(Inbound inbound, Conversation conversation, Person person) {
            this.inbound = inbound;
            this.conversation = conversation;
            this.person = person;
            this.language = person != null ? Messages.supported(person.language())
                    : Messages.supported(conversation.language);
        }

        /** The input as a transcript line: the typed text, the label of the pressed button, or the file. */
        String said() {
            String label = inbound.optionId() == null ? null : conversation.offered.stream()
                    .filter(o -> o.id().equals(inbound.optionId())).map(Option::label).findFirst()
                    .orElse(inbound.optionId());
            String file = inbound.attachment() == null ? null : "[" + inbound.attachment().fileName() + "]";
            StringBuilder line = new StringBuilder("Sie:");
            for (String part : new String[] {file, clean(inbound.text()), label == null ? null : "[" + label + "]"}) {
                if (part != null && !part.isEmpty()) {
                    line.append(' ').append(part);
                }
            }
            return line.toString();
        }

        void run() {
            String text = clean(inbound.text());
            if (text != null && text.codePointCount(0, text.length()) > settings.maxTextLength()) {
                say("input.tooLong", settings.maxTextLength());
                repromptIfBusy();
                return;
            }
            boolean hasText = text != null && !text.isEmpty();
            if (!hasText && inbound.optionId() == null && inbound.attachment() == null) {
                say("input.empty");
                repromptIfBusy();
                return;
            }
            Optional<Command> command = hasText ? Command.parse(text) : Optional.empty();
            if (person == null) {
                unenrolled(hasText ? text : null, command.orElse(null));
                return;
            }
            conversation.language = language;
            if (inbound.attachment() != null) {
                attachment();
                if (!hasText) {
                    return;
                }
            }
            if (command.isPresent()) {
                command(command.get());
            } else if (inbound.optionId() != null) {
                pressed(inbound.optionId());
            } else if (hasText) {
                typed(text);
            }
        }

        // --- enrollment -------------------------------------------------------------------------------------

        private void unenrolled(String text, Command command) {
            if (command != null) {
                switch (command.name()) {
                    case START -> startEnrollment(command.argument());
                    case PRIVACY -> say("privacy.notice");
                    case MY_DATA, DELETE_DATA -> say("privacy.notEnrolled");
                    case CANCEL -> {
                        conversation.step = Step.IDLE;
                        conversation.enrollmentCode = null;
                        conversation.pendingText = null;
                        say("enroll.howTo");
                    }
                    default -> say("enroll.howTo");
                }
                return;
            }
            if (conversation.step == Step.ENROLL_NAME && text != null) {
                finishEnrollment(text);
                return;
            }
            Optional<School> byDomain = schoolOfMatrixDomain();
            if (byDomain.isPresent()) {
                String folded = text == null ? null : text.replaceAll("\\s+", " ").strip();
                if (folded != null && !smallTalkBesides(folded, "")
                        && describesRequest(folded, NAME.matcher(folded).matches())) {
                    conversation.pendingText = folded;
                }
                conversation.step = Step.ENROLL_NAME;
                say("enroll.askNameForDomain", byDomain.get().name());
                return;
            }
            say("enroll.howTo");
        }

        /**
         * The school whose {@code matrix-domain} is the homeserver of a Matrix user ({@code @name:domain}): its users
         * need no code, only their name. A code, if they send one, still wins.
         */
        private Optional<School> schoolOfMatrixDomain() {
            ChannelAddress from = inbound.from();
            int colon = from.id().indexOf(':');
            if (!"matrix".equals(from.channel()) || !from.id().startsWith("@") || colon < 0) {
                return Optional.empty();
            }
            String domain = from.id().substring(colon + 1).toLowerCase(Locale.ROOT);
            return schools.all().stream().filter(s -> domain.equals(s.matrixDomain())).findFirst();
        }

        private void startEnrollment(String code) {
            if (code.isBlank()) {
                say("enroll.howTo");
                return;
            }
            Enrollment.CodeCheck check = enrollment.check(inbound.from(), code);
            if (check instanceof Enrollment.CodeCheck.Redeemable redeemable) {
                conversation.step = Step.ENROLL_NAME;
                conversation.enrollmentCode = redeemable.code().code();
                say("enroll.askName", schoolName(redeemable.code().schoolId()));
                return;
            }
            conversation.step = Step.IDLE;
            say(check instanceof Enrollment.CodeCheck.Throttled ? "enroll.tooManyAttempts" : "enroll.invalidCode");
        }

        /**
         * Many people describe their problem right away instead of giving their name. That text is kept and
         * handled once they are enrolled; sent a second time, it is taken as the name after all (for a Mr. Drucker).
         */
        private void finishEnrollment(String name) {
            String folded = nameOfIntroduction(name.replaceAll("\\s+", " ").strip());
            if (smallTalkBesides(folded, "")) {
                say("enroll.askNameAgain");
                return;
            }
            boolean nameLike = NAME.matcher(folded).matches();
            String pending = conversation.pendingText;
            boolean repeated = pending != null && (pending.equals(folded) || pending.endsWith("\n" + folded));
            if (!repeated && describesRequest(folded, nameLike)) {
                boolean fits = pending != null
                        && pending.length() + 1 + folded.length() <= settings.maxTextLength();
                conversation.pendingText = fits ? pending + "\n" + folded : folded;
                say("enroll.nameFirst");
                return;
            }
            if (!nameLike) {
                say("enroll.invalidName");
                return;
            }
            String held = pending == null || pending.equals(folded) ? null
                    : repeated ? pending.substring(0, pending.length() - folded.length() - 1) : pending;
            if (held != null && smallTalkBesides(held, folded)) {
                held = null;
            }
            conversation.pendingText = null;
            Optional<Person> enrolled = conversation.enrollmentCode != null
                    ? enrollment.enroll(conversation.enrollmentCode, folded, inbound.from(), language)
                    : schoolOfMatrixDomain().map(s -> enrollment.enrollByDomain(s.id(), folded, inbound.from(), language));
            conversation.enrollmentCode = null;
            conversation.step = Step.IDLE;
            if (enrolled.isEmpty()) {
                say("enroll.invalidCode");
                return;
            }
            if (held == null) {
                say("enroll.welcome", enrolled.get().name(), schoolName(enrolled.get().schoolId()));
                return;
            }
            say("enroll.welcomeHeld", enrolled.get().name(), schoolName(enrolled.get().schoolId()));
            person = enrolled.get();
            conversation.language = language;
            idleText(held);
            if (conversation.draft != null) {
                TicketComposer.record(conversation.draft, "Sie: " + held);
            }
        }

        /**
         * "Hallo, hier ist Anna Schmidt" -> "Anna Schmidt": the greetings and introduction words around what may be
         * a name; the text as it is when nothing is around it or the rest is no name. Whether the rest describes a
         * request instead is for the caller to judge.
         */
        private String nameOfIntroduction(String text) {
            String[] words = text.split(" ");
            int from = 0;
            int to = words.length;
            while (from < to && SMALL_TALK.contains(bare(words[from]))) {
                from++;
            }
            while (to > from && SMALL_TALK.contains(bare(words[to - 1]))) {
                to--;
            }
            if (from == 0 && to == words.length || from == to) {
                return text;
            }
            String rest = String.join(" ", List.of(words).subList(from, to)).replaceAll("[.,;:!?]+$", "");
            return NAME.matcher(rest).matches() ? rest : text;
        }

        /** True when the text has nothing but greetings, introduction words and the words of {@code name}. */
        private boolean smallTalkBesides(String text, String name) {
            List<String> nameWords = words(name);
            return words(text).stream().allMatch(word -> SMALL_TALK.contains(word) || nameWords.contains(word));
        }

        private boolean describesRequest(String text, boolean nameLike) {
            List<String> words = words(text);
            if (words.size() > MAX_NAME_WORDS || (!nameLike && words.size() >= 3)
                    || words.stream().anyMatch(NOT_IN_NAMES::contains)) {
                return true;
            }
            return nameLike && classifier.classify(text).serviceId() != null;
        }

        private String schoolName(String schoolId) {
            return schools.find(schoolId).map(School::name).orElse(schoolId);
        }

        // --- commands and global words ------------------------------------------------------------------------

        private void command(Command command) {
            switch (command.name()) {
                case START -> {
                    say("enroll.already", person.name(), schoolName(person.schoolId()));
                    repromptIfBusy();
                }
                case NEW -> {
                    boolean hadDraft = conversation.draft != null && conversation.draft.description != null;
                    reset();
                    say(hadDraft ? "intake.restarted" : "intake.askDescription");
                }
                case STATUS -> {
                    if (command.argument().isBlank()) {
                        listTickets();
                    } else {
                        status(command.argument());
                    }
                    repromptIfBusy();
                }
                case TICKETS -> {
                    listTickets();
                    repromptIfBusy();
                }
                case HELP -> {
                    say("help");
                    repromptIfBusy();
                }
                case PRIVACY -> {
                    say("privacy.notice");
                    repromptIfBusy();
                }
                case MY_DATA -> {
                    reply(new DataExport(messages, language, businessHours.zone()).of(person,
                            schoolName(person.schoolId()), people.addresses(person.id()),
                            desk.search(new TicketQuery(person.schoolId(), null, person.id(), DataExport.TICKET_LIMIT)),
                            desk.joinedTickets(person, DataExport.TICKET_LIMIT), clock.instant()), List.of());
                    repromptIfBusy();
                }
                case DELETE_DATA -> {
                    reset();
                    conversation.step = Step.CONFIRM_ERASE;
                    prompt();
                }
                case CANCEL -> cancel();
                case LANGUAGE -> language(command.argument());
                case UNKNOWN -> {
                    say("command.unknown", command.typed());
                    repromptIfBusy();
                }
            }
        }

        private void language(String argument) {
            String wanted = argument.trim().toLowerCase(Locale.ROOT);
            if (!wanted.equals(Messages.GERMAN) && !wanted.equals(Messages.ENGLISH)) {
                say("language.usage");
                return;
            }
            people.setLanguage(person.id(), wanted);
            language = wanted;
            conversation.language = wanted;
            say("language.set");
            repromptIfBusy();
        }

        private void typed(String text) {
            String word = text.toLowerCase(Locale.ROOT).replaceAll("[.!?]+$", "").strip();
            if (conversation.step == Step.REOPEN_COMMENT) {
                if (CANCEL_WORDS.contains(word) || BACK_WORDS.contains(word)) {
                    keepResolved();
                } else {
                    reopen(text);
                }
                return;
            }
            if (conversation.step == Step.RATING && matchOption(word).isEmpty()) {
                // Writing something else instead of rating: the rating is skipped and the text taken as it is.
                resume(false);
                typed(text);
                return;
            }
            if (CANCEL_WORDS.contains(word)) {
                cancel();
                return;
            }
            if (BACK_WORDS.contains(word) && conversation.step != Step.IDLE) {
                back();
                return;
            }
            Optional<String> matched = matchOption(word);
            if (matched.isPresent()) {
                pressed(matched.get());
                return;
            }
            switch (conversation.step) {
                case IDLE -> idleText(text);
                case QUESTION -> answer(text);
                case ENROLL_NAME -> {
                    // Enrolled meanwhile on another device; the name is no longer needed.
                    conversation.step = Step.IDLE;
                    idleText(text);
                }
                // Typing instead of choosing a category means "that's not it, here is what I mean".
                case CONFIRM_SERVICE, CHOOSE_SERVICE -> startIntake(text);
                default -> {
                    say("input.pickOne");
                    prompt();
                }
            }
        }

        /** A typed word that means one of the offered buttons: its label, its number, or a plain "ja". */
        private Optional<String> matchOption(String word) {
            List<Option> offered = conversation.offered;
            for (Option option : offered) {
                if (option.label().toLowerCase(Locale.ROOT).equals(word)) {
                    return Optional.of(option.id());
                }
            }
            if (expectsChoice() && word.matches("\\d{1,2}")) {
                int index = Integer.parseInt(word) - 1;
                if (index >= 0 && index < offered.size()) {
                    return Optional.of(offered.get(index).id());
                }
            }
            if (YES.contains(word)) {
                return offered.stream().map(Option::id)
                        .filter(id -> id.equals("yes") || id.equals("confirm") || id.equals("followup")
                                || id.equals("join") || id.startsWith(Resolution.SOLVED))
                        .findFirst();
            }
            if (NO.contains(word)) {
                return offered.stream().map(Option::id)
                        .filter(id -> id.equals("new") || id.equals("separate") || id.startsWith(Resolution.UNSOLVED))
                        .findFirst();
            }
            return Optional.empty();
        }

        /** Whether the current step is answered by choosing; numbers typed at a text question are answers. */
        private boolean expectsChoice() {
            return switch (conversation.step) {
                case IDLE, ENROLL_NAME -> false;
                case QUESTION -> currentQuestion().map(q -> q.type() == QuestionType.CHOICE).orElse(false);
                default -> true;
            };
        }

        private void pressed(String optionId) {
            Optional<Resolution> resolution = Resolution.parse(optionId);
            if (resolution.isPresent() && conversation.awaitingConfirmation.contains(resolution.get().ticketNumber())) {
                resolutionAnswered(resolution.get());
                return;
            }
            boolean offered = conversation.offered.stream().anyMatch(o -> o.id().equals(optionId));
            if (!offered) {
                say("option.expired");
                repromptIfBusy();
                return;
            }
            if (optionId.equals("cancel") && conversation.step == Step.REOPEN_COMMENT) {
                keepResolved();
                return;
            }
            if (optionId.equals("cancel")) {
                cancel();
                return;
            }
            if (optionId.equals("back")) {
                back();
                return;
            }
            Draft draft = conversation.draft;
            switch (conversation.step) {
                case CONFIRM_SERVICE -> {
                    switch (optionId) {
                        case "yes" -> acceptService(draft.suggestedType);
                        case "other-type" -> goTo(Step.CHOOSE_TYPE, 0);
                        default -> showMenu(true);
                    }
                }
                case CHOOSE_SERVICE -> {
                    if (optionId.equals("menu")) {
                        showMenu(true);
                    } else {
                        String serviceId = optionId.substring("svc:".length());
                        if (!serviceId.equals(draft.serviceId)) {
                            draft.answers.clear();
                        }
                        draft.serviceId = serviceId;
                        acceptService(null);
                    }
                }
                case CHOOSE_TYPE -> {
                    draft.requestType = RequestType.fromId(optionId.substring("type:".length())).orElseThrow();
                    afterType();
                }
                case QUESTION -> {
                    Question question = currentQuestion().orElseThrow();
                    if (optionId.equals("skip")) {
                        draft.answers.remove(question.id());
                    } else {
                        Choice choice = question.choice(optionId.substring("choice:".length())).orElseThrow();
                        draft.answers.put(question.id(), choice.label());
                    }
                    nextQuestion();
                }
                case IMPACT -> {
                    draft.impact = Impact.valueOf(optionId.substring("impact:".length()));
                    goTo(Step.URGENCY, 0);
                }
                case URGENCY -> {
                    draft.urgency = Urgency.valueOf(optionId.substring("urgency:".length()));
                    goTo(Step.SUMMARY, 0);
                }
                case SUMMARY -> {
                    if (!offerLateJoin()) {
                        createTicket();
                    }
                }
                case SELF_HELP -> {
                    if (optionId.equals("helped")) {
                        metrics.deflected(draft.serviceId);
                        reset();
                        say("selfHelp.glad");
                    } else {
                        proceed(draft.resumeAt);
                    }
                }
                case JOIN_OFFER -> {
                    if (optionId.equals("join")) {
                        join();
                    } else {
                        proceedOrFile();
                    }
                }
                case RATING -> {
                    if (optionId.startsWith("rate:")) {
                        int rating = Integer.parseInt(optionId.substring("rate:".length()));
                        desk.find(conversation.focusTicket).ifPresent(t -> desk.rate(t, person, rating));
                        metrics.rated(rating);
                        say("rating.thanks");
                    } else {
                        say("rating.skipped");
                    }
                    resume(true);
                }
                case CONFIRM_ERASE -> {
                    conversation.step = Step.IDLE;
                    if (optionId.equals("erase")) {
                        personalData.erasePerson(person.id());
                        erased = true;
                        say("privacy.erased");
                    } else {
                        say("privacy.eraseKept");
                    }
                }
                case FOLLOW_UP_OR_NEW -> {
                    String text = conversation.pendingText;
                    conversation.pendingText = null;
                    conversation.step = Step.IDLE;
                    if (optionId.equals("followup")) {
                        Optional<Ticket> ticket = desk.findVisible(person, conversation.replyTo);
                        if (ticket.isPresent() && ticket.get().status() != TicketStatus.CLOSED) {
                            addFollowUp(ticket.get(), text);
                            return;
                        }
                    }
                    conversation.replyTo = null;
                    startIntake(text);
                }
                default -> {
                    say("option.expired");
                    repromptIfBusy();
                }
            }
        }

        // --- idle: new request, status, follow-up ---------------------------------------------------------------

        private void idleText(String text) {
            Optional<TextQueries.FollowUp> followUp = TextQueries.followUp(text);
            if (followUp.isPresent()) {
                explicitFollowUp(followUp.get());
                return;
            }
            Optional<String> reference = TextQueries.statusReference(text);
            if (reference.isPresent()) {
                status(reference.get());
                return;
            }
            if (TextQueries.asksForTicketList(text)) {
                listTickets();
                return;
            }
            if (conversation.replyTo != null) {
                Optional<Ticket> ticket = desk.findVisible(person, conversation.replyTo);
                if (ticket.isPresent() && ticket.get().status() != TicketStatus.CLOSED) {
                    conversation.pendingText = text;
                    conversation.step = Step.FOLLOW_UP_OR_NEW;
                    prompt();
                    return;
                }
                conversation.replyTo = null;
            }
            startIntake(text);
        }

        private void explicitFollowUp(TextQueries.FollowUp followUp) {
            Optional<Ticket> ticket = resolve(followUp.reference());
            if (ticket.isEmpty()) {
                say("status.notFound", followUp.reference());
            } else if (followUp.text().isEmpty()) {
                say("followUp.empty", ticket.get().number());
            } else {
                addFollowUp(ticket.get(), followUp.text());
            }
        }

        private void addFollowUp(Ticket ticket, String text) {
            desk.followUp(ticket, person, text);
            say("followUp.added", ticket.number());
        }

        private void status(String reference) {
            Optional<Ticket> found = resolve(reference);
            if (found.isEmpty()) {
                say("status.notFound", reference.trim());
                return;
            }
            Ticket ticket = found.get();
            String answer = ticket.lastPublicAnswer()
                    .map(h -> text("status.lastAnswer", formatTime(h.at()), h.text()))
                    .orElse(text("status.noAnswer"));
            say("status.single", ticket.number(), ticket.title(), statusLabel(ticket.status()),
                    formatTime(ticket.statusSince()), answer);
        }

        /** A full number, or the bare sequence ("42") among this and last year's tickets the person may see. */
        private Optional<Ticket> resolve(String reference) {
            String ref = reference.trim().replaceFirst("^#", "");
            if (!ref.matches("\\d{1,9}")) {
                return desk.findVisible(person, ref);
            }
            int sequence = Integer.parseInt(ref);
            int year = clock.instant().atZone(businessHours.zone()).getYear();
            for (int y = year; y >= year - 1; y--) {
                Optional<Ticket> ticket = desk.findVisible(person, new TicketNumber(desk.prefix(), y, sequence).toString());
                if (ticket.isPresent()) {
                    return ticket;
                }
            }
            return Optional.empty();
        }

        private void listTickets() {
            List<Ticket> tickets = desk.visibleTickets(person, TICKET_LIST_LIMIT);
            if (tickets.isEmpty()) {
                say("tickets.none");
                return;
            }
            StringBuilder list = new StringBuilder(text(person.isCoordinator() ? "tickets.school" : "tickets.own"));
            for (Ticket ticket : tickets) {
                list.append('\n').append(text("tickets.line", ticket.number(), statusLabel(ticket.status()), ticket.title()));
            }
            reply(list.toString(), List.of());
        }

        // --- intake -------------------------------------------------------------------------------------------

        private void startIntake(String description) {
            Draft draft = new Draft();
            if (conversation.draft != null) {
                draft.attachments.addAll(conversation.draft.attachments);
            }
            draft.description = description;
            conversation.draft = draft;
            conversation.step = Step.IDLE;
            Classification result = classifier.classify(description);
            adoptLanguage(result.language(), description);
            draft.suggestedType = result.requestType();
            draft.candidates = result.candidates().stream()
                    .filter(c -> catalog.find(c.serviceId()).isPresent()).limit(3).toList();
            if (result.outOfScope()) {
                say("intake.notIt");
                showMenu(true);
            } else if (result.serviceId() != null && catalog.find(result.serviceId()).isPresent()) {
                draft.serviceId = result.serviceId();
                goTo(Step.CONFIRM_SERVICE, 0);
            } else {
                showMenu(draft.candidates.isEmpty());
            }
        }

        /**
         * Somebody who describes their request in English is answered in English from now on, also in
         * notifications. Short texts are left alone (the detector's tie-breaker is German), and detection never
         * switches back to German: that is what /sprache de is for.
         */
        private void adoptLanguage(String detected, String text) {
            if (Messages.ENGLISH.equals(detected) && !Messages.ENGLISH.equals(language)
                    && text.split("\\s+").length >= WORDS_FOR_LANGUAGE) {
                people.setLanguage(person.id(), Messages.ENGLISH);
                language = Messages.ENGLISH;
                conversation.language = Messages.ENGLISH;
            }
        }

        private void showMenu(boolean fullMenu) {
            conversation.draft.fullMenu = fullMenu;
            goTo(Step.CHOOSE_SERVICE, 0);
        }

        private void acceptService(RequestType suggested) {
            Draft draft = conversation.draft;
            CatalogService service = catalog.get(draft.serviceId);
            if (suggested != null && service.accepts(suggested)) {
                draft.requestType = suggested;
                afterType();
            } else if (service.requestTypes().size() == 1) {
                draft.requestType = service.requestTypes().get(0);
                afterType();
            } else {
                goTo(Step.CHOOSE_TYPE, 0);
            }
        }

        private void afterType() {
            proceed(0);
        }

        private void nextQuestion() {
            proceed(conversation.draft.questionIndex + 1);
        }

        /**
         * Goes on with the intake at the given question, first offering an open ticket of the same problem as soon
         * as that can be decided, and the service's self-help hints before the first question.
         */
        private void proceed(int nextQuestion) {
            Draft draft = conversation.draft;
            draft.resumeAt = nextQuestion;
            if (offerJoin() || offerSelfHelp()) {
                return;
            }
            if (nextQuestion < catalog.get(draft.serviceId).questionsFor(draft.requestType).size()) {
                goTo(Step.QUESTION, nextQuestion);
            } else {
                afterQuestions();
            }
        }

        private boolean offerJoin() {
            Draft draft = conversation.draft;
            CatalogService service = catalog.get(draft.serviceId);
            if (draft.groupingChecked || !OutageGrouping.ready(service, draft.requestType, draft.answers)) {
                return false;
            }
            draft.groupingChecked = true;
            Optional<String> open = grouping.match(person.schoolId(), service, draft.requestType, draft.answers);
            if (open.isEmpty()) {
                return false;
            }
            draft.joinCandidate = open.get();
            goTo(Step.JOIN_OFFER, draft.questionIndex);
            return true;
        }

        /**
         * At the confirmation: a colleague may have reported the same problem while this report was being written
         * (both found nothing to join when they were asked). Offered once; declining files the ticket at once.
         */
        private boolean offerLateJoin() {
            Draft draft = conversation.draft;
            if (!draft.groupingChecked || draft.joinCandidate != null) {
                return false;
            }
            Optional<String> open = grouping.match(person.schoolId(), catalog.get(draft.serviceId), draft.requestType,
                    draft.answers);
            if (open.isEmpty()) {
                return false;
            }
            draft.joinCandidate = open.get();
            draft.confirmed = true;
            goTo(Step.JOIN_OFFER, draft.questionIndex);
            return true;
        }

        private void proceedOrFile() {
            if (conversation.draft.confirmed) {
                createTicket();
            } else {
                proceed(conversation.draft.resumeAt);
            }
        }

        private boolean offerSelfHelp() {
            Draft draft = conversation.draft;
            CatalogService service = catalog.get(draft.serviceId);
            if (draft.selfHelpOffered || service.selfHelpFor(draft.requestType).isEmpty()) {
                return false;
            }
            draft.selfHelpOffered = true;
            metrics.selfHelpOffered(service.id());
            goTo(Step.SELF_HELP, draft.questionIndex);
            return true;
        }

        private void join() {
            Draft draft = conversation.draft;
            Optional<Ticket> ticket = desk.find(draft.joinCandidate).filter(t -> t.status().isOpen());
            if (ticket.isEmpty()) {
                say("join.gone");
                proceedOrFile();
                return;
            }
            desk.join(ticket.get(), person, inbound.from(), composer.description(catalog.get(draft.serviceId), draft));
            metrics.grouped(draft.serviceId);
            reset();
            conversation.replyTo = ticket.get().number();
            say("join.done", ticket.get().number());
        }

        // --- resolution: "Ist das Problem gelöst?" ----------------------------------------------------------------

        private void resolutionAnswered(Resolution answer) {
            String number = answer.ticketNumber();
            Optional<Ticket> ticket = desk.findVisible(person, number);
            if (ticket.isEmpty() || ticket.get().status() != TicketStatus.RESOLVED) {
                conversation.awaitingConfirmation.remove(number);
                say("resolution.notPending", number,
                        ticket.map(t -> statusLabel(t.status())).orElse(statusLabel(TicketStatus.CLOSED)));
                repromptIfBusy();
                return;
            }
            if (!Step.INTAKE.contains(conversation.interrupted) && Step.INTAKE.contains(conversation.step)) {
                conversation.interrupted = conversation.step;
            }
            conversation.focusTicket = number;
            if (answer.solved()) {
                conversation.awaitingConfirmation.remove(number);
                desk.changeStatus(number, TicketStatus.CLOSED, "", person.name());
                metrics.confirmed();
                conversation.step = Step.RATING;
                say("resolution.closed", number);
                prompt();
            } else {
                conversation.step = Step.REOPEN_COMMENT;
                prompt();
            }
        }

        private void reopen(String comment) {
            String number = conversation.focusTicket;
            Optional<Ticket> ticket = desk.findVisible(person, number).filter(t -> t.status() == TicketStatus.RESOLVED);
            conversation.awaitingConfirmation.remove(number);
            if (ticket.isEmpty()) {
                say("resolution.notPending", number, desk.find(number).map(t -> statusLabel(t.status())).orElse(""));
                resume(true);
                return;
            }
            desk.followUp(ticket.get(), person, comment);
            desk.changeStatus(number, TicketStatus.IN_PROGRESS, "", person.name());
            metrics.reopened();
            conversation.replyTo = number;
            say("resolution.reopened", number);
            resume(true);
        }

        private void keepResolved() {
            say("resolution.keptResolved", conversation.focusTicket);
            resume(true);
        }

        /** Back to the intake the resolution question interrupted, or idle. */
        private void resume(boolean reprompt) {
            conversation.step = conversation.interrupted != null && conversation.draft != null
                    ? conversation.interrupted : Step.IDLE;
            conversation.interrupted = null;
            conversation.focusTicket = null;
            if (reprompt && conversation.step != Step.IDLE) {
                prompt();
            }
        }

        private void afterQuestions() {
            Draft draft = conversation.draft;
            goTo(PriorityMatrix.needsAssessment(draft.serviceId, draft.requestType) ? Step.IMPACT : Step.SUMMARY, 0);
        }

        private Optional<Question> currentQuestion() {
            Draft draft = conversation.draft;
            if (draft == null || draft.serviceId == null || draft.requestType == null) {
                return Optional.empty();
            }
            List<Question> questions = catalog.get(draft.serviceId).questionsFor(draft.requestType);
            return draft.questionIndex < questions.size() ? Optional.of(questions.get(draft.questionIndex)) : Optional.empty();
        }

        private void answer(String text) {
            Question question = currentQuestion().orElseThrow();
            if (question.type() == QuestionType.CHOICE) {
                Optional<Choice> choice = question.choices().stream()
                        .filter(c -> c.id().equalsIgnoreCase(text) || c.label().equalsIgnoreCase(text)
                                || c.label(language).equalsIgnoreCase(text))
                        .findFirst();
                if (choice.isEmpty()) {
                    say("input.pickOne");
                    prompt();
                    return;
                }
                conversation.draft.answers.put(question.id(), choice.get().label());
                nextQuestion();
                return;
            }
            Optional<Validation.Failure> failure = question.check(text);
            if (failure.isPresent()) {
                validationFailed(question, failure.get());
                prompt();
                return;
            }
            conversation.draft.answers.put(question.id(), text);
            nextQuestion();
        }

        private void validationFailed(Question question, Validation.Failure failure) {
            Validation rules = question.validation();
            String hint = rules.hint(language);
            switch (failure) {
                case TOO_SHORT -> say("validation.tooShort");
                case TOO_LONG -> say("validation.tooLong",
                        rules.maxLength() == null ? Validation.DEFAULT_MAX_LENGTH : rules.maxLength());
                case NOT_A_NUMBER -> say("validation.notANumber");
                case OUT_OF_RANGE -> say("validation.outOfRange", rules.min() == null ? "" : rules.min(),
                        rules.max() == null ? "" : rules.max());
                case NO_MATCH -> say("validation.noMatch");
            }
            if (hint != null && !hint.isBlank()) {
                say("validation.hint", hint);
            }
        }

        private void createTicket() {
            Draft draft = conversation.draft;
            CatalogService service = catalog.get(draft.serviceId);
            Priority priority = PriorityMatrix.priorityOf(service.id(), draft.requestType, draft.impact, draft.urgency);
            Ticket ticket = desk.open(new NewTicket(person.schoolId(),
                    new Requester(person.id(), person.name(), inbound.from()), service.id(), draft.requestType,
                    priority, composer.title(service, draft), composer.description(service, draft),
                    ticketFields(service, draft), draft.attachments));
            TicketComposer.record(draft, said());
            desk.reply(ticket.number(), TicketComposer.BOT_AUTHOR, composer.transcript(draft), true);
            reset();
            say("ticket.created", ticket.number(), priorityLabel(priority));
            if (PriorityMatrix.SECURITY_SERVICE.equals(service.id())) {
                say("ticket.securityAdvice");
            }
            if (priority == Priority.P1) {
                Instant now = clock.instant();
                if (businessHours.isOpen(now)) {
                    say("hotline.now", settings.hotline());
                } else {
                    say("hotline.later", settings.hotline(), formatTime(businessHours.nextOpening(now).toInstant()));
                }
            }
        }

        /** The answers of the questions that apply, in asking order, plus impact and urgency for a Störung. */
        private Map<String, String> ticketFields(CatalogService service, Draft draft) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Question question : service.questionsFor(draft.requestType)) {
                String value = draft.answers.get(question.id());
                if (value != null) {
                    fields.put(question.id(), value);
                }
            }
            if (draft.impact != null) {
                fields.put("impact", draft.impact.name());
            }
            if (draft.urgency != null) {
                fields.put("urgency", draft.urgency.name());
            }
            return fields;
        }

        private void attachment() {
            AttachmentRef stored = attachments.store(inbound.attachment());
            if (conversation.step == Step.IDLE && conversation.replyTo != null) {
                Optional<Ticket> ticket = desk.findVisible(person, conversation.replyTo);
                if (ticket.isPresent() && ticket.get().status() != TicketStatus.CLOSED) {
                    desk.attachmentAdded(ticket.get(), person, stored);
                    attachments.linkToTicket(List.of(stored.id()), ticket.get().number());
                    say("attachment.addedToTicket", stored.fileName(), ticket.get().number());
                    return;
                }
            }
            if (conversation.draft == null) {
                conversation.draft = new Draft();
            }
            conversation.draft.attachments.add(stored);
            say("attachment.kept", stored.fileName());
            if (inbound.text() == null || inbound.text().isBlank()) {
                if (conversation.step == Step.IDLE) {
                    say("intake.askDescription");
                } else {
                    prompt();
                }
            }
        }

        // --- navigation ---------------------------------------------------------------------------------------

        private void goTo(Step step, int questionIndex) {
            Draft draft = conversation.draft;
            if (conversation.step != Step.IDLE) {
                draft.trail.add(new Draft.Position(conversation.step, draft.questionIndex));
            }
            conversation.step = step;
            draft.questionIndex = questionIndex;
            prompt();
        }

        private void back() {
            Draft draft = conversation.draft;
            if (draft == null || draft.trail.isEmpty()) {
                say("nav.atStart");
                prompt();
                return;
            }
            Draft.Position previous = draft.trail.remove(draft.trail.size() - 1);
            conversation.step = previous.step();
            draft.questionIndex = previous.questionIndex();
            switch (previous.step()) {
                case IMPACT -> draft.impact = null;
                case URGENCY -> draft.urgency = null;
                default -> { }
            }
            prompt();
        }

        private void cancel() {
            if (conversation.step == Step.CONFIRM_ERASE) {
                conversation.step = Step.IDLE;
                say("privacy.eraseKept");
                return;
            }
            boolean busy = conversation.step != Step.IDLE || conversation.draft != null;
            reset();
            say(busy ? "intake.cancelled" : "intake.nothingToCancel");
        }

        private void reset() {
            conversation.step = Step.IDLE;
            conversation.draft = null;
            conversation.pendingText = null;
        }

        private void repromptIfBusy() {
            if (conversation.step != Step.IDLE && conversation.step != Step.ENROLL_NAME) {
                prompt();
            } else if (conversation.step == Step.ENROLL_NAME && person == null) {
                say("enroll.askNameAgain");
            }
        }

        /** Asks the question of the current step again, with its options. */
        private void prompt() {
            Draft draft = conversation.draft;
            List<Option> options = new ArrayList<>();
            switch (conversation.step) {
                case IDLE -> say("intake.askDescription");
                case ENROLL_NAME -> say("enroll.askNameAgain");
                case CONFIRM_SERVICE -> {
                    CatalogService service = catalog.get(draft.serviceId);
                    options.add(new Option("yes", text("option.yes")));
                    if (service.requestTypes().size() > 1) {
                        options.add(new Option("other-type", text("option.otherType")));
                    }
                    options.add(new Option("other-service", text("option.otherService")));
                    options.add(new Option("cancel", text("option.cancel")));
                    RequestType type = draft.suggestedType != null && service.accepts(draft.suggestedType)
                            ? draft.suggestedType
                            : service.requestTypes().size() == 1 ? service.requestTypes().get(0) : null;
                    String key = type == null ? "intake.confirmService" : "intake.confirmServiceAndType";
                    reply(text(key, service.name(language), type == null ? "" : typeLabel(type)), options);
                }
                case CHOOSE_SERVICE -> {
                    List<CatalogService> shown = draft.fullMenu ? catalog.services()
                            : draft.candidates.stream().map(c -> catalog.get(c.serviceId())).toList();
                    shown.forEach(s -> options.add(new Option("svc:" + s.id(), s.name(language))));
                    if (!draft.fullMenu) {
                        options.add(new Option("menu", text("option.otherService")));
                    }
                    addNavigation(options);
                    reply(text(draft.fullMenu ? "intake.chooseService" : "intake.chooseCandidate"), options);
                }
                case CHOOSE_TYPE -> {
                    CatalogService service = catalog.get(draft.serviceId);
                    service.requestTypes().forEach(t -> options.add(new Option("type:" + t.id(), text("type.option." + t.id()))));
                    addNavigation(options);
                    reply(text("intake.chooseType", service.name(language)), options);
                }
                case QUESTION -> {
                    Question question = currentQuestion().orElseThrow();
                    question.choices().forEach(c -> options.add(new Option("choice:" + c.id(), c.label(language))));
                    if (!question.required()) {
                        options.add(new Option("skip", text("option.skip")));
                    }
                    addNavigation(options);
                    reply(question.prompt(language), options);
                }
                case IMPACT -> {
                    for (Impact impact : Impact.values()) {
                        options.add(new Option("impact:" + impact.name(), text("impact." + impact.name())));
                    }
                    addNavigation(options);
                    reply(text("intake.askImpact"), options);
                }
                case URGENCY -> {
                    for (Urgency urgency : Urgency.values()) {
                        options.add(new Option("urgency:" + urgency.name(), text("urgency." + urgency.name())));
                    }
                    addNavigation(options);
                    reply(text("intake.askUrgency"), options);
                }
                case SUMMARY -> {
                    options.add(new Option("confirm", text("option.confirm")));
                    addNavigation(options);
                    reply(summary(draft), options);
                }
                case CONFIRM_ERASE -> {
                    options.add(new Option("erase", text("option.erase")));
                    options.add(new Option("keep", text("option.keep")));
                    reply(text("privacy.confirmErase"), options);
                }
                case FOLLOW_UP_OR_NEW -> {
                    options.add(new Option("followup", text("option.followUp")));
                    options.add(new Option("new", text("option.newRequest")));
                    reply(text("followUp.ask", conversation.replyTo), options);
                }
                case SELF_HELP -> {
                    CatalogService service = catalog.get(draft.serviceId);
                    StringBuilder hints = new StringBuilder(text("selfHelp.intro"));
                    for (SelfHelpHint hint : service.selfHelpFor(draft.requestType)) {
                        hints.append("\n\n").append(hint.title(language)).append('\n').append(hint.text(language));
                    }
                    hints.append("\n\n").append(text("selfHelp.question"));
                    options.add(new Option("helped", text("option.helped")));
                    options.add(new Option("file", text("option.fileAnyway")));
                    addNavigation(options);
                    reply(hints.toString(), options);
                }
                case JOIN_OFFER -> {
                    Optional<Ticket> candidate = desk.find(draft.joinCandidate);
                    if (candidate.isEmpty()) {
                        proceedOrFile();
                        return;
                    }
                    Ticket open = candidate.get();
                    int affected = 1 + desk.subscribers(open.number()).size();
                    options.add(new Option("join", text("option.join")));
                    options.add(new Option("separate", text("option.separate")));
                    addNavigation(options);
                    reply(text("join.offer", open.number(), open.title(), formatTime(open.createdAt()),
                            statusLabel(open.status()), affected), options);
                }
                case REOPEN_COMMENT -> {
                    options.add(new Option("cancel", text("option.cancel")));
                    reply(text("resolution.askComment", conversation.focusTicket), options);
                }
                case RATING -> {
                    for (int rating = 1; rating <= 5; rating++) {
                        options.add(new Option("rate:" + rating, Integer.toString(rating)));
                    }
                    options.add(new Option("skip", text("option.skip")));
                    reply(text("rating.ask"), options);
                }
            }
        }

        private void addNavigation(List<Option> options) {
            if (conversation.draft != null && !conversation.draft.trail.isEmpty()) {
                options.add(new Option("back", text("option.back")));
            }
            options.add(new Option("cancel", text("option.cancel")));
        }

        private String summary(Draft draft) {
            CatalogService service = catalog.get(draft.serviceId);
            StringBuilder summary = new StringBuilder(text("summary.header"));
            summary.append('\n').append(text("summary.service", service.name(language)));
            summary.append('\n').append(text("summary.type", typeLabel(draft.requestType)));
            summary.append('\n').append(text("summary.description", draft.description));
            for (Question question : service.questionsFor(draft.requestType)) {
                String value = draft.answers.get(question.id());
                if (value != null) {
                    String shown = question.type() == QuestionType.CHOICE
                            ? question.choices().stream().filter(c -> c.label().equals(value)).findFirst()
                                    .map(c -> c.label(language)).orElse(value)
                            : value;
                    summary.append('\n').append(text("summary.answer", question.prompt(language), shown));
                }
            }
            if (draft.impact != null) {
                summary.append('\n').append(text("summary.impact", text("impact." + draft.impact.name())));
                summary.append('\n').append(text("summary.urgency", text("urgency." + draft.urgency.name())));
            }
            if (!draft.attachments.isEmpty()) {
                summary.append('\n').append(text("summary.attachments", draft.attachments.size()));
            }
            Priority priority = PriorityMatrix.priorityOf(service.id(), draft.requestType, draft.impact, draft.urgency);
            summary.append('\n').append(text("summary.priority", priorityLabel(priority)));
            summary.append("\n\n").append(text("summary.question"));
            return summary.toString();
        }

        // --- output ---------------------------------------------------------------------------------------------

        private String typeLabel(RequestType type) {
            return text("type." + type.id());
        }

        private String statusLabel(TicketStatus status) {
            return text("status." + status.name());
        }

        private String priorityLabel(Priority priority) {
            return text("priority." + priority.name());
        }

        private String formatTime(Instant instant) {
            return java.time.format.DateTimeFormatter.ofPattern(text("format.dateTime"))
                    .format(instant.atZone(businessHours.zone()));
        }

        private String text(String key, Object... args) {
            return messages.text(language, key, args);
        }

        private void say(String key, Object... args) {
            reply(text(key, args), List.of());
        }

        private void reply(String text, List<Option> options) {
            replies.add(BotMessage.of(text, options));
        }
    }
}
