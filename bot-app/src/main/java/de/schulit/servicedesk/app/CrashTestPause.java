package de.schulit.servicedesk.app;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Fault injection for the crash-safety test, inert unless the JVM was started with the system property
 * {@code servicedesk.crash-test.pause-at=<point>:<n>}. Why it exists: a SIGKILL sent from outside at a random moment
 * rarely lands inside a short critical section; to kill the app reliably during classification or between the
 * ticket insert and the reply, the n-th thread reaching the named point announces it on stdout and stops there for
 * good (inside its open transaction), and the test then kills the process.
 */
final class CrashTestPause {

    static final String PROPERTY = "servicedesk.crash-test.pause-at";
    static final String ANNOUNCEMENT = "CRASH-TEST paused at ";

    /** Inside a dialog turn's transaction, while the classifier works on the user's text. */
    static final String CLASSIFICATION = "classification";
    /** Inside a dialog turn's transaction, after the ticket was inserted and before the reply is in the outbox. */
    static final String TICKET_CREATED = "ticket-created";

    private static final String POINT;
    private static final int NTH;
    private static final AtomicInteger REACHED = new AtomicInteger();

    static {
        String setting = System.getProperty(PROPERTY, "");
        int colon = setting.lastIndexOf(':');
        POINT = colon < 0 ? "" : setting.substring(0, colon);
        NTH = colon < 0 ? 0 : Integer.parseInt(setting.substring(colon + 1));
    }

    private CrashTestPause() {
    }

    static boolean enabled() {
        return !POINT.isEmpty();
    }

    static void at(String point) {
        if (POINT.equals(point) && REACHED.incrementAndGet() == NTH) {
            System.out.println(ANNOUNCEMENT + point);
            System.out.flush();
            while (true) {
                LockSupport.park();
            }
        }
    }
}
