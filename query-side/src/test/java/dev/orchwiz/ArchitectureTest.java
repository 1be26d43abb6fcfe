package dev.orchwiz;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

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

    @ArchTest
    static final ArchRule controllersNeverTouchRepositories = noClasses()
            .that()
            .haveSimpleNameEndingWith("Controller")
            .should()
            .dependOnClassesThat()
            .areAssignableTo(org.springframework.data.repository.Repository.class);

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
}
