package de.schulit.servicedesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The dependency rules of the design, checked on the compiled classes of all modules. */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.schulit.servicedesk");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        ApplicationModules.of(ServicedeskApplication.class).verify();
    }

    @Test
    void theDialogAndTheDomainArePlainJava() {
        noClasses().that().resideInAnyPackage("..servicedesk.dialog", "..servicedesk.catalog", "..servicedesk.channel",
                        "..servicedesk.identity", "..servicedesk.school", "..servicedesk.ticket")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "jakarta.servlet..", "org.hibernate..")
                .because("the dialog engine and the domain must be testable without Spring, a database or a network")
                .check(CLASSES);
    }

    @Test
    void coreAndNlpKnowNoChannelAndNoConnector() {
        noClasses().that().resideOutsideOfPackages("..servicedesk.telegram..", "..servicedesk.matrix..",
                        "..servicedesk.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.telegram..", "..matrix.client..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("..servicedesk.dialog..", "..servicedesk.ticket..", "..servicedesk.api..",
                        "..servicedesk.persistence..", "..servicedesk.nlp..")
                .should().dependOnClassesThat().resideInAnyPackage("..servicedesk.webchat..", "..servicedesk.telegram..",
                        "..servicedesk.matrix..", "..servicedesk.app..")
                .because("connectors depend on core ports, never the reverse")
                .check(CLASSES);
    }

    @Test
    void connectorsAreIndependentOfEachOther() {
        noClasses().that().resideInAPackage("..servicedesk.webchat..")
                .should().dependOnClassesThat().resideInAnyPackage("..servicedesk.telegram..", "..servicedesk.matrix..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..servicedesk.telegram..")
                .should().dependOnClassesThat().resideInAnyPackage("..servicedesk.webchat..", "..servicedesk.matrix..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..servicedesk.matrix..")
                .should().dependOnClassesThat().resideInAnyPackage("..servicedesk.webchat..", "..servicedesk.telegram..")
                .check(CLASSES);
    }

    @Test
    void theClassifierModuleKnowsNothingOfTheBot() {
        noClasses().that().resideInAPackage("..servicedesk.nlp..")
                .should().dependOnClassesThat().resideInAnyPackage("de.schulit.servicedesk.dialog..",
                        "de.schulit.servicedesk.catalog..", "de.schulit.servicedesk.ticket..", "org.springframework..")
                .check(CLASSES);
    }
}
