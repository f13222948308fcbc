package de.schulit.servicedesk.app;

import de.schulit.servicedesk.identity.Enrollment;
import de.schulit.servicedesk.identity.EnrollmentCode;
import de.schulit.servicedesk.identity.EnrollmentCodes;
import de.schulit.servicedesk.identity.Role;
import de.schulit.servicedesk.school.School;
import de.schulit.servicedesk.school.Schools;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode: two demo schools with enrollment codes (kept across restarts while they are valid) and the API keys,
 * printed once the app is ready, with a warning that this is not for production.
 */
@Component
@ConditionalOnBooleanProperty("servicedesk.demo.enabled")
class DemoData implements SmartInitializingSingleton {

    static final School DEMO_SCHOOL = new School("demo-grundschule", "Demo-Grundschule am See", null);
    static final School OTHER_DEMO_SCHOOL = new School("demo-gymnasium", "Demo-Gymnasium Mitte", null);

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Schools schools;
    private final EnrollmentCodes codes;
    private final Enrollment enrollment;
    private final ApiConfiguration.ResolvedKeys keys;
    private final Clock clock;
    private final Environment environment;
    private final TransactionTemplate transaction;
    private final List<String> codeLines = new ArrayList<>();

    DemoData(Schools schools, EnrollmentCodes codes, Enrollment enrollment, ApiConfiguration.ResolvedKeys keys,
             Clock clock, Environment environment, PlatformTransactionManager transactions) {
        this.schools = schools;
        this.codes = codes;
        this.enrollment = enrollment;
        this.keys = keys;
        this.clock = clock;
        this.environment = environment;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            seed();
        } catch (DataIntegrityViolationException e) {
            seed(); // another instance on the same database seeded at the same moment; now the rows exist
        }
    }

    private void seed() {
        codeLines.clear();
        transaction.executeWithoutResult(status -> {
            schools.save(DEMO_SCHOOL);
            schools.save(OTHER_DEMO_SCHOOL);
            codeLines.add(line(DEMO_SCHOOL, Role.STAFF));
            codeLines.add(line(DEMO_SCHOOL, Role.COORDINATOR));
            codeLines.add(line(OTHER_DEMO_SCHOOL, Role.STAFF));
        });
    }

    /** The code of that school and role that is still valid, or a new one. */
    String codeFor(School school, Role role) {
        return codes.findBySchool(school.id()).stream()
                .filter(c -> c.role() == role && c.redeemableAt(clock.instant()))
                .map(EnrollmentCode::code)
                .findFirst()
                .orElseGet(() -> enrollment.issue(school.id(), role, 100, 30).code());
    }

    private String line(School school, Role role) {
        return String.format("  %-11s %-26s %s", role, school.name(), codeFor(school, role));
    }

    @EventListener(ApplicationReadyEvent.class)
    void printBanner() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        StringBuilder banner = new StringBuilder("\n")
                .append("=====================================================================\n")
                .append(" DEMO MODE - not for production (servicedesk.demo.enabled=true)\n")
                .append("=====================================================================\n")
                .append(" Web chat:  http://localhost:").append(port).append("/\n")
                .append(" Enrollment codes (send \"/start <code>\" in the chat):\n");
        codeLines.forEach(l -> banner.append(l).append('\n'));
        banner.append(" Agent API key (X-API-Key): ").append(keys.agentKeys().get(0))
                .append(keys.generated() ? "  (generated for this run)" : "").append('\n')
                .append(" Admin API key (X-API-Key): ").append(keys.adminKeys().get(0))
                .append(keys.generated() ? "  (generated for this run)" : "").append('\n')
                .append("=====================================================================");
        log.warn(banner.toString());
    }
}
