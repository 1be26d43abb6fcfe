package dev.orchwiz;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rules Maven's module boundaries cannot keep by themselves. */
@AnalyzeClasses(packages = "dev.orchwiz", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule aggregatesDoNotKnowTheWeb = noClasses()
            .that()
            .areAnnotatedWith(Aggregate.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule projectionsNeverSendCommands = noClasses()
            .that()
            .resideInAPackage("dev.orchwiz.projection..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.axonframework.commandhandling.gateway..", "dev.orchwiz.api..command..");

    /** Controllers ask the query bus or send commands; the tables belong to the projections behind them. */
    @ArchTest
    static final ArchRule controllersNeverTouchTheDatabase = noClasses()
            .that()
            .haveSimpleNameEndingWith("Controller")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..");

    /** Read models are plain SQL (ADR 0013): one persistence style, no second mapping of the same tables. */
    @ArchTest
    static final ArchRule noClassUsesJpa = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.persistence..", "org.springframework.data.jpa..")
            .orShould()
            .dependOnClassesThat(
                    resideInAPackage("org.hibernate..").and(not(resideInAPackage("org.hibernate.validator.."))));

    @ArchTest
    static final ArchRule theMessageApiIsRecordsEnumsAndInterfaces = classes()
            .that()
            .resideInAnyPackage("dev.orchwiz.api..command..", "dev.orchwiz.api..event..", "dev.orchwiz.api..query..")
            .and()
            .doNotHaveSimpleName("package-info")
            .should()
            .beRecords()
            .orShould()
            .beEnums();

    @ArchTest
    static final ArchRule theMessageApiDependsOnNoFramework = noClasses()
            .that()
            .resideInAPackage("dev.orchwiz.api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.hibernate..");

    @ArchTest
    static final ArchRule noGrabBagNames = noClasses()
            .should()
            .haveSimpleNameEndingWith("Manager")
            .orShould()
            .haveSimpleNameEndingWith("Helper")
            .orShould()
            .haveSimpleNameEndingWith("Util")
            .orShould()
            .haveSimpleNameEndingWith("Utils")
            .orShould()
            .haveSimpleNameEndingWith("Impl");

    /**
     * A context's classes in all four modules ({@code api.hook}, {@code command.hook}, {@code projection.hook}, {@code
     * query.hook}) are one slice; contexts may lean on each other's published messages one way only.
     */
    @ArchTest
    static final ArchRule contextsAreFreeOfCycles =
            slices().matching("dev.orchwiz.*.(*)..").namingSlices("$1").should().beFreeOfCycles();

    /**
     * One exception, by name: {@code security.AuthController}'s first-run admin claim sends {@code ClaimAdmin} between
     * the setup code, the per-address rate limit and the sign-in link it mails, all of which live in Spring Security's
     * filter chain on the query side (the command side has neither). Any other controller outside {@code command}
     * that sends a command still fails here.
     */
    @ArchTest
    static final ArchRule queryControllersSendNoCommands = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .and()
            .resideOutsideOfPackage("dev.orchwiz.command..")
            .and()
            .doNotHaveFullyQualifiedName("dev.orchwiz.security.AuthController")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.axonframework.commandhandling.gateway..", "dev.orchwiz.api..command..");

    /**
     * Reads are the query side's. The one exception is the Claude Code file export ({@code GET …/export}): it renders
     * the read model in the file format whose parser the command side owns for import, and the query side cannot
     * compile against that code; it is named here so that no other read slips in.
     */
    @ArchTest
    static final ArchRule commandControllersAnswerNoReads = noMethods()
            .that()
            .areDeclaredInClassesThat()
            .resideInAPackage("dev.orchwiz.command..")
            .and()
            .doNotHaveName("export")
            .should()
            .beAnnotatedWith(GetMapping.class);
}
