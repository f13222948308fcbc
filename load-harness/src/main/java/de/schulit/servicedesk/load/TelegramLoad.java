package de.schulit.servicedesk.load;

import de.schulit.servicedesk.telegram.FakeTelegramServer;
import de.schulit.servicedesk.telegram.FakeTelegramServer.Sent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Requesters in private Telegram chats through the fake Bot API server the app long-polls. A turn's latency is from
 * the update being available at "Telegram" to the bot's first answer arriving there. The connector keeps Telegram's
 * flood limits (about 1 message/s per chat after a burst of 3, 30/s per bot), so this measures the channel working
 * as designed, not the app's capacity.
 */
final class TelegramLoad {

    /** Longer than the connector's spacing of one chat's messages (1 s after a burst), so an answer is complete. */
    private static final Duration QUIET = Duration.ofMillis(1_100);

    private final FakeTelegramServer telegram;
    private volatile boolean measuring;
    private volatile boolean stopping;

    TelegramLoad(FakeTelegramServer telegram) {
        this.telegram = telegram;
    }

    void run(List<String> codes, int chats, Duration measured, Stats stats) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(chats);
        CountDownLatch enrolled = new CountDownLatch(chats);
        for (int c = 0; c < chats; c++) {
            int chat = c;
            threads.execute(() -> {
                TelegramChat session = new TelegramChat(9_000_000L + chat, stats);
                try {
                    Intake.enroll(session, codes.get(chat / WebChatLoad.USERS_PER_CODE), chat);
                } catch (Exception e) {
                    stats.error();
                    System.err.println("telegram enrollment failed: " + e.getMessage());
                    return;
                } finally {
                    enrolled.countDown();
                }
                for (int round = 0; !stopping; round++) {
                    try {
                        Intake.report(session, chat + round);
                    } catch (Exception e) {
                        stats.error();
                        System.err.println("telegram report failed: " + e.getMessage());
                    }
                }
            });
        }
        enrolled.await();
        measuring = true;
        stats.start();
        Thread.sleep(measured.toMillis());
        measuring = false;
        stats.end();
        stopping = true;
        threads.shutdown();
        threads.awaitTermination(2, TimeUnit.MINUTES);
    }

    private final class TelegramChat implements Intake.Chat {
        private final long id;
        private final Stats stats;
        private int seen;
        private List<Sent> last = List.of();

        TelegramChat(long id, Stats stats) {
            this.id = id;
            this.stats = stats;
        }

        @Override
        public void send(String text, String optionId) throws Exception {
            long started = System.nanoTime();
            if (text != null) {
                telegram.userSends(id, text);
            } else {
                telegram.userPresses(last.get(last.size() - 1), optionId);
            }
            long deadline = started + Duration.ofSeconds(30).toNanos();
            List<Sent> all = telegram.sentTo(id);
            while (all.size() == seen) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no answer within 30 s");
                }
                Thread.sleep(2);
                all = telegram.sentTo(id);
            }
            if (measuring) {
                stats.record(started);
            }
            // the rest of a multi-message answer (flood limits space them out)
            for (int size = all.size(); ; size = all.size()) {
                Thread.sleep(QUIET.toMillis());
                all = telegram.sentTo(id);
                if (all.size() == size) {
                    break;
                }
            }
            last = all.subList(seen, all.size());
            seen = all.size();
        }

        @Override
        public String text() {
            StringBuilder text = new StringBuilder();
            last.forEach(s -> text.append(s.text()).append('\n'));
            return text.toString();
        }

        @Override
        public List<String> optionIds() {
            return last.isEmpty() ? List.of() : last.get(last.size() - 1).buttons();
        }
    }
}
