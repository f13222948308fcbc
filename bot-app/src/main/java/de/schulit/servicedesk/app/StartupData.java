package de.schulit.servicedesk.app;

import de.schulit.servicedesk.school.Schools;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes the schools of schools.yml to the database before the web server accepts requests. */
@Component
class StartupData implements SmartInitializingSingleton {

    private final CoreConfiguration.ConfiguredSchools configured;
    private final Schools schools;
    private final TransactionTemplate transaction;

    StartupData(CoreConfiguration.ConfiguredSchools configured, Schools schools, PlatformTransactionManager transactions) {
        this.configured = configured;
        this.schools = schools;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            transaction.executeWithoutResult(status -> configured.schools().forEach(schools::save));
        } catch (DataIntegrityViolationException e) {
            // another instance on the same database inserted the same school at the same moment: now it is an update
            transaction.executeWithoutResult(status -> configured.schools().forEach(schools::save));
        }
    }
}
