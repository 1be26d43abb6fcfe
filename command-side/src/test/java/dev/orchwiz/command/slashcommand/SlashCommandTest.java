package dev.orchwiz.command.slashcommand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.hamcrest.Matchers.containsString;

import dev.orchwiz.api.id.SlashCommandId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.OwnerMetaData;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.slashcommand.SlashCommandDefinition;
import dev.orchwiz.api.slashcommand.SlashCommandError;
import dev.orchwiz.api.slashcommand.SlashCommandKind;
import dev.orchwiz.api.slashcommand.command.DefineSlashCommand;
import dev.orchwiz.api.slashcommand.command.DeleteSlashCommand;
import dev.orchwiz.api.slashcommand.command.ReviseSlashCommand;
import dev.orchwiz.api.slashcommand.command.SlashCommandChanged;
import dev.orchwiz.api.slashcommand.event.SlashCommandDefined;
import dev.orchwiz.api.slashcommand.event.SlashCommandDeleted;
import dev.orchwiz.api.slashcommand.event.SlashCommandRevised;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A slash command through its real command handler ({@link SlashCommandNaming}): definitions are normalised and
 * validated, names are claimed per owner, and only the owner (or an admin) changes a command.
 */
class SlashCommandTest {

    private static final UserId OWNER = UserId.of("ada");
    private static final Actor ADA = new Actor(OWNER, false);
    private static final Actor GRACE = new Actor(UserId.of("grace"), false);
    private static final Actor ADMIN = new Actor(UserId.of("root"), true);

    private final SlashCommandId id = SlashCommandId.random();
    private final ClaimedCommandNames names = new ClaimedCommandNames();
    private FixtureConfiguration<SlashCommand> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SlashCommand.class);
        fixture.registerAnnotatedCommandHandler(new SlashCommandNaming(fixture.getRepository(), names));
    }

    private static SlashCommandDefinition definition(String name, boolean shared) {
        return new SlashCommandDefinition(
                name, "ships it", "./deploy.sh $ARGUMENTS", null, "[env]", List.of("Bash"), null, shared, Map.of());
    }

    /** The command as stored, its name held in the claims table as a defined command's is. */
    private SlashCommandDefined defined(String name, boolean shared) {
        names.holding(OWNER, name, id);
        return new SlashCommandDefined(id, OWNER, definition(name, shared), OWNER);
    }

    private static Matcher<?> refusedWith(SlashCommandError error) {
        return predicate(thrown -> thrown instanceof RuleViolation violation && violation.errorCode() == error);
    }

    private static Matcher<List<EventMessage<?>>> onlyEvent(Object payload, UserId owner) {
        return exactSequenceOf(
                predicate((EventMessage<?> event) -> event.getPayload().equals(payload)
                        && owner.value().equals(event.getMetaData().get(OwnerMetaData.KEY))),
                andNoMore());
    }

    /** Definitions that break one documented limit each, with a word the refusal names. */
    static Stream<Arguments> invalidDefinitions() {
        String script = "echo hi";
        return Stream.of(
                Arguments.of("no definition", null, "needs a definition"),
                Arguments.of("no name", def(null, script), "name must be"),
                Arguments.of("blank name", def("   ", script), "name must be"),
                Arguments.of("upper case", def("Deploy", script), "name must be"),
                Arguments.of("a space", def("de ploy", script), "name must be"),
                Arguments.of("leading dash", def("-deploy", script), "name must be"),
                Arguments.of("65 characters", def("a".repeat(65), script), "name must be"),
                Arguments.of("no script", def("deploy", null), "script must not be blank"),
                Arguments.of("blank script", def("deploy", " \n "), "script must not be blank"),
                Arguments.of("long script", def("deploy", "x".repeat(64 * 1024 + 1)), "script must be at most"),
                Arguments.of(
                        "long description",
                        new SlashCommandDefinition(
                                "deploy", "d".repeat(1_001), script, null, null, null, null, false, null),
                        "description"),
                Arguments.of(
                        "long working directory",
                        new SlashCommandDefinition(
                                "deploy", null, script, "/" + "w".repeat(1_000), null, null, null, false, null),
                        "workingDirectory"),
                Arguments.of(
                        "long argument hint",
                        new SlashCommandDefinition(
                                "deploy", null, script, null, "h".repeat(201), null, null, false, null),
                        "argumentHint"),
                Arguments.of(
                        "long model",
                        new SlashCommandDefinition(
                                "deploy", null, script, null, null, null, "m".repeat(201), false, null),
                        "model"),
                Arguments.of(
                        "101 tools",
                        new SlashCommandDefinition(
                                "deploy",
                                null,
                                script,
                                null,
                                null,
                                Collections.nCopies(101, "Bash"),
                                null,
                                false,
                                null),
                        "allowedTools"),
                Arguments.of(
                        "large frontmatter",
                        new SlashCommandDefinition(
                                "deploy",
                                null,
                                script,
                                null,
                                null,
                                null,
                                null,
                                false,
                                Map.of("notes", "n".repeat(32 * 1024))),
                        "frontmatter"));
    }

    private static SlashCommandDefinition def(String name, String script) {
        return new SlashCommandDefinition(name, null, script, null, null, null, null, false, null);
    }

    @Nested
    class Defining {

        @Test
        void definesANormalisedCommandOwnedByItsAuthorAndClaimsItsName() {
            SlashCommandDefinition written = new SlashCommandDefinition(
                    "  deploy ", "  ", "./deploy.sh", "  /srv/app  ", " [env] ", null, "", true, null);

            fixture.givenNoPriorActivity()
                    .when(new DefineSlashCommand(id, ADA, written))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(onlyEvent(
                            new SlashCommandDefined(
                                    id,
                                    OWNER,
                                    new SlashCommandDefinition(
                                            "deploy",
                                            null,
                                            "./deploy.sh",
                                            "/srv/app",
                                            "[env]",
                                            List.of(),
                                            null,
                                            true,
                                            Map.of()),
                                    OWNER),
                            OWNER))
                    .expectResultMessagePayload(new SlashCommandChanged(id, 0));

            assertThat(names.holds(OWNER, "deploy", id)).isTrue();
        }

        @Test
        void keepsTheScriptExactlyAsWritten() {
            // The script runs in a shell: surrounding whitespace and newlines can matter, so it is never trimmed.
            String script = "  set -e\n./deploy.sh $1\n";

            fixture.givenNoPriorActivity()
                    .when(new DefineSlashCommand(id, ADA, def("deploy", script)))
                    .expectEvents(new SlashCommandDefined(
                            id,
                            OWNER,
                            new SlashCommandDefinition(
                                    "deploy", null, script, null, null, List.of(), null, false, Map.of()),
                            OWNER));
        }

        @Test
        void acceptsANameOfSixtyFourCharactersWithColonsDashesAndUnderscores() {
            String name = "git:push_it-" + "x".repeat(52);

            fixture.givenNoPriorActivity()
                    .when(new DefineSlashCommand(id, ADA, def(name, "echo hi")))
                    .expectSuccessfulHandlerExecution();

            assertThat(names.holds(OWNER, name)).isTrue();
        }

        @Test
        void letsAnAdminDefineACommandThatTheAdminOwns() {
            fixture.givenNoPriorActivity()
                    .when(new DefineSlashCommand(id, ADMIN, definition("deploy", false)))
                    .expectEventsMatching(onlyEvent(
                            new SlashCommandDefined(id, ADMIN.id(), definition("deploy", false), ADMIN.id()),
                            ADMIN.id()));

            assertThat(names.holds(ADMIN.id(), "deploy")).isTrue();
            assertThat(names.holds(OWNER, "deploy")).isFalse();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.orchwiz.command.slashcommand.SlashCommandTest#invalidDefinitions")
        void refusesAnInvalidDefinitionAndClaimsNothing(String why, SlashCommandDefinition definition, String named) {
            fixture.givenNoPriorActivity()
                    .when(new DefineSlashCommand(id, ADA, definition))
                    .expectNoEvents()
                    .expectException(refusedWith(SlashCommandError.INVALID_INPUT))
                    .expectExceptionMessage(containsString(named));

            assertThat(names.holds(OWNER, "deploy")).isFalse();
        }

        @Test
        void refusesANameTheAuthorAlreadyHas() {
            names.holding(OWNER, "deploy", SlashCommandId.random());

            fixture.givenNoPriorActivity()
                    .when(new DefineSlashCommand(id, ADA, definition(" deploy ", false)))
                    .expectNoEvents()
                    .expectException(refusedWith(SlashCommandError.NAME_TAKEN))
                    .expectExceptionMessage(containsString("deploy"));
        }

        @Test
        void letsTwoUsersHaveCommandsOfTheSameName() {
            names.holding(GRACE.id(), "deploy", SlashCommandId.random());

            fixture.givenNoPriorActivity()
                    .when(new DefineSlashCommand(id, ADA, definition("deploy", false)))
                    .expectEvents(new SlashCommandDefined(id, OWNER, definition("deploy", false), OWNER));
        }
    }

    @Nested
    class Revising {

        @Test
        void revisesTheOwnersCommandAnsweringTheNextVersion() {
            SlashCommandDefinition revised = new SlashCommandDefinition(
                    "deploy", " ships it faster ", "./deploy.sh --fast", null, null, null, null, false, null);

            fixture.given(defined("deploy", false))
                    .when(new ReviseSlashCommand(id, ADA, 0L, revised))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(onlyEvent(
                            new SlashCommandRevised(
                                    id,
                                    new SlashCommandDefinition(
                                            "deploy",
                                            "ships it faster",
                                            "./deploy.sh --fast",
                                            null,
                                            null,
                                            List.of(),
                                            null,
                                            false,
                                            Map.of()),
                                    OWNER),
                            OWNER))
                    .expectResultMessagePayload(new SlashCommandChanged(id, 1));

            assertThat(names.holds(OWNER, "deploy", id)).isTrue();
        }

        @Test
        void revisesWithoutAVersionCheckWhenNoVersionIsExpected() {
            fixture.given(defined("deploy", false), new SlashCommandRevised(id, definition("deploy", false), OWNER))
                    .when(new ReviseSlashCommand(id, ADA, null, definition("deploy", true)))
                    .expectEvents(new SlashCommandRevised(id, definition("deploy", true), OWNER))
                    .expectResultMessagePayload(new SlashCommandChanged(id, 2));
        }

        @Test
        void refusesAStaleVersion() {
            fixture.given(defined("deploy", false), new SlashCommandRevised(id, definition("deploy", false), OWNER))
                    .when(new ReviseSlashCommand(id, ADA, 0L, definition("deploy", true)))
                    .expectNoEvents()
                    .expectException(refusedWith(SlashCommandError.VERSION_MISMATCH))
                    .expectExceptionMessage(containsString("version 1, not 0"));
        }

        @Test
        void movesTheNameClaimWhenTheCommandIsRenamed() {
            fixture.given(defined("deploy", false))
                    .when(new ReviseSlashCommand(id, ADA, 0L, definition("ship", false)))
                    .expectEvents(new SlashCommandRevised(id, definition("ship", false), OWNER));

            assertThat(names.holds(OWNER, "ship", id)).isTrue();
            assertThat(names.holds(OWNER, "deploy")).isFalse();
        }

        @Test
        void refusesARenameToANameTheOwnerAlreadyHas() {
            SlashCommandDefined deploy = defined("deploy", false);
            names.holding(OWNER, "ship", SlashCommandId.random());

            fixture.given(deploy)
                    .when(new ReviseSlashCommand(id, ADA, 0L, definition("ship", false)))
                    .expectNoEvents()
                    .expectException(refusedWith(SlashCommandError.NAME_TAKEN));
        }

        @Test
        void letsAnAdminReviseAMembersCommandKeepingTheNameUnderTheMember() {
            fixture.given(defined("deploy", false))
                    .when(new ReviseSlashCommand(id, ADMIN, 0L, definition("ship", false)))
                    .expectEventsMatching(
                            onlyEvent(new SlashCommandRevised(id, definition("ship", false), ADMIN.id()), OWNER));

            assertThat(names.holds(OWNER, "ship", id)).isTrue();
            assertThat(names.holds(ADMIN.id(), "ship")).isFalse();
        }

        @Test
        void answersAnotherUsersPrivateCommandAsNotFoundSoIdsCannotBeProbed() {
            fixture.given(defined("deploy", false))
                    .when(new ReviseSlashCommand(id, GRACE, null, definition("deploy", false)))
                    .expectNoEvents()
                    .expectException(refusedWith(SlashCommandError.NOT_FOUND));
        }

        @Test
        void refusesASharedCommandToOthersAsReadOnly() {
            fixture.given(defined("deploy", true))
                    .when(new ReviseSlashCommand(id, GRACE, null, definition("deploy", false)))
                    .expectNoEvents()
                    .expectException(refusedWith(SlashCommandError.READ_ONLY));
        }

        @Test
        void readsSharingFromTheLatestRevision() {
            fixture.given(defined("deploy", false), new SlashCommandRevised(id, definition("deploy", true), OWNER))
                    .when(new ReviseSlashCommand(id, GRACE, null, definition("deploy", false)))
                    .expectNoEvents()
                    .expectException(refusedWith(SlashCommandError.READ_ONLY));
        }

        @Test
        void checksAccessBeforeTheVersion() {
            // A stranger learns nothing about a private command, not even that their version is stale.
            fixture.given(defined("deploy", false))
                    .when(new ReviseSlashCommand(id, GRACE, 7L, definition("deploy", false)))
                    .expectException(refusedWith(SlashCommandError.NOT_FOUND));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.orchwiz.command.slashcommand.SlashCommandTest#invalidDefinitions")
        void refusesAnInvalidRevision(String why, SlashCommandDefinition definition, String named) {
            fixture.given(defined("deploy", false))
                    .when(new ReviseSlashCommand(id, ADA, 0L, definition))
                    .expectNoEvents()
                    .expectException(refusedWith(SlashCommandError.INVALID_INPUT))
                    .expectExceptionMessage(containsString(named));
        }

        @Test
        void refusesToReviseADeletedCommand() {
            fixture.given(defined("deploy", false), new SlashCommandDeleted(id, "deploy", OWNER))
                    .when(new ReviseSlashCommand(id, ADA, null, definition("deploy", false)))
                    .expectNoEvents()
                    .expectException(AggregateDeletedException.class);
        }
    }

    @Nested
    class Deleting {

        @Test
        void deletesTheOwnersCommandAndReleasesItsName() {
            fixture.given(defined("deploy", false))
                    .when(new DeleteSlashCommand(id, ADA))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(onlyEvent(new SlashCommandDeleted(id, "deploy", OWNER), OWNER));

            assertThat(names.holds(OWNER, "deploy")).isFalse();
        }

        @Test
        void namesTheCommandByItsLatestName() {
            SlashCommandDefined deploy = defined("deploy", false);
            names.holding(OWNER, "ship", id);

            fixture.given(deploy, new SlashCommandRevised(id, definition("ship", false), OWNER))
                    .when(new DeleteSlashCommand(id, ADA))
                    .expectEvents(new SlashCommandDeleted(id, "ship", OWNER));

            assertThat(names.holds(OWNER, "ship")).isFalse();
        }

        @Test
        void letsAnAdminDeleteAMembersCommand() {
            fixture.given(defined("deploy", false))
                    .when(new DeleteSlashCommand(id, ADMIN))
                    .expectEventsMatching(onlyEvent(new SlashCommandDeleted(id, "deploy", ADMIN.id()), OWNER));

            assertThat(names.holds(OWNER, "deploy")).isFalse();
        }

        @Test
        void answersAnotherUsersPrivateCommandAsNotFoundAndKeepsItsName() {
            fixture.given(defined("deploy", false))
                    .when(new DeleteSlashCommand(id, GRACE))
                    .expectNoEvents()
                    .expectException(refusedWith(SlashCommandError.NOT_FOUND));

            assertThat(names.holds(OWNER, "deploy", id)).isTrue();
        }

        @Test
        void refusesToDeleteASharedCommandForOthers() {
            fixture.given(defined("deploy", true))
                    .when(new DeleteSlashCommand(id, GRACE))
                    .expectNoEvents()
                    .expectException(refusedWith(SlashCommandError.READ_ONLY));
        }

        @Test
        void refusesToDeleteACommandTwice() {
            fixture.given(defined("deploy", false), new SlashCommandDeleted(id, "deploy", OWNER))
                    .when(new DeleteSlashCommand(id, ADA))
                    .expectNoEvents()
                    .expectException(AggregateDeletedException.class);
        }

        @Test
        void freesTheNameForANewCommand() {
            fixture.givenCommands(new DefineSlashCommand(id, ADA, definition("deploy", false)))
                    .when(new DeleteSlashCommand(id, ADA))
                    .expectEvents(new SlashCommandDeleted(id, "deploy", OWNER));

            // A fixture holds one aggregate, so the next command is defined in a second one over the same names.
            SlashCommandId next = SlashCommandId.random();
            FixtureConfiguration<SlashCommand> another = new AggregateTestFixture<>(SlashCommand.class);
            another.registerAnnotatedCommandHandler(new SlashCommandNaming(another.getRepository(), names));
            another.givenNoPriorActivity()
                    .when(new DefineSlashCommand(next, ADA, definition("deploy", false)))
                    .expectEvents(new SlashCommandDefined(next, OWNER, definition("deploy", false), OWNER));

            assertThat(names.holds(OWNER, "deploy", next)).isTrue();
        }
    }

    @Nested
    class Kinds {

        private SlashCommandDefinition prompt(String name, SlashCommandKind kind) {
            return new SlashCommandDefinition(
                    name,
                    "reviews",
                    "Review $ARGUMENTS\n!`git diff`",
                    null,
                    null,
                    List.of("Bash(git diff:*)"),
                    "sonnet",
                    false,
                    Map.of(),
                    kind);
        }

        @Test
        void definesAPromptCommandWithItsTemplateAsWritten() {
            fixture.givenNoPriorActivity()
                    .when(new DefineSlashCommand(id, ADA, prompt("review", SlashCommandKind.PROMPT)))
                    .expectEvents(new SlashCommandDefined(id, OWNER, prompt("review", SlashCommandKind.PROMPT), OWNER));
        }

        @Test
        void aDefinitionWithoutAKindIsAScript() {
            fixture.givenNoPriorActivity()
                    .when(new DefineSlashCommand(id, ADA, prompt("review", null)))
                    .expectEvents(new SlashCommandDefined(id, OWNER, prompt("review", SlashCommandKind.SCRIPT), OWNER));
        }

        @Test
        void aRevisionTurnsAScriptIntoAPrompt() {
            fixture.given(defined("review", false))
                    .when(new ReviseSlashCommand(id, ADA, 0L, prompt("review", SlashCommandKind.PROMPT)))
                    .expectEvents(new SlashCommandRevised(id, prompt("review", SlashCommandKind.PROMPT), OWNER))
                    .expectResultMessagePayload(new SlashCommandChanged(id, 1));
        }
    }
}
