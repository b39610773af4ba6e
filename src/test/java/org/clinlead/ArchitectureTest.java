package org.clinlead;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layout rules of docs/architecture.md, checked against the compiled classes. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.clinlead");

    @Test
    void vaadinIsUsedOnlyInUiPackagesAndTheSecurityConfiguration() {
        noClasses().that().resideOutsideOfPackage("..ui..")
                .and().doNotHaveFullyQualifiedName("org.clinlead.core.security.SecurityConfiguration")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(CLASSES);
    }

    @Test
    void viewsNeverTouchTheDatabase() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.clinlead.db..")
                .check(CLASSES);
    }

    @Test
    void featuresUseOtherFeaturesOnlyThroughTheirRootPackage() {
        for (String feature : new String[] {"people", "competency", "assessment", "training", "coaching", "insights", "admin", "home", "content"}) {
            noClasses().that().resideOutsideOfPackage("org.clinlead." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("org.clinlead." + feature + ".ui..")
                    .check(CLASSES);
        }
    }

    @Test
    void coreDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.clinlead.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.clinlead.people..", "org.clinlead.competency..",
                        "org.clinlead.assessment..", "org.clinlead.training..", "org.clinlead.coaching..", "org.clinlead.insights..", "org.clinlead.admin..", "org.clinlead.home..",
                        "org.clinlead.content..")
                .check(CLASSES);
    }

    @Test
    void repositoriesAreUsedOnlyInsideTheirOwnPackage() {
        classes().that().haveSimpleNameEndingWith("Repository")
                .should().notBePublic()
                .andShould(new ArchCondition<JavaClass>("be used only inside their own package") {
                    @Override
                    public void check(JavaClass repository, ConditionEvents events) {
                        for (var access : repository.getAccessesToSelf()) {
                            JavaClass caller = access.getOriginOwner();
                            if (!caller.getPackageName().equals(repository.getPackageName())) {
                                events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                            }
                        }
                    }
                })
                .check(CLASSES);
    }

    @Test
    void noSpringBeanIsProxiedForMethodSecurityThroughViewAnnotations() {
        noClasses().that().resideOutsideOfPackage("..ui..")
                .should().beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
                .because("services use @PreAuthorize; @RolesAllowed is for routes, which must not be proxied")
                .check(CLASSES);
    }

    @Test
    void everyRouteDeclaresWhoMayOpenIt() {
        classes().that().areAnnotatedWith(com.vaadin.flow.router.Route.class)
                .should().beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
                .orShould().beAnnotatedWith(jakarta.annotation.security.PermitAll.class)
                .orShould().beAnnotatedWith(com.vaadin.flow.server.auth.AnonymousAllowed.class)
                .check(CLASSES);
    }
}
