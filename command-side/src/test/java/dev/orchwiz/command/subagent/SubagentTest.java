package dev.orchwiz.command.subagent;

import static org.axonframework.test.matchers.Matchers.predicate;
import static org.hamcrest.Matchers.containsString;

import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.PolicyAssignment;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.subagent.SubagentDefinition;
import dev.orchwiz.api.subagent.SubagentError;
import dev.orchwiz.api.subagent.command.AssignSubagentPolicies;
import dev.orchwiz.api.subagent.command.SubagentChanged;
import dev.orchwiz.api.subagent.event.SubagentCreated;
import dev.orchwiz.api.subagent.event.SubagentPoliciesAssigned;
import dev.orchwiz.command.permission.HeldPolicySlugs;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubagentTest {

    private static final UserId OWNER = UserId.of("ada");
    private static final UserId GRACE = UserId.of("grace");
    private static final Actor ADA = new Actor(OWNER, false);
    private static final Actor ADMIN = new Actor(UserId.of("root"), true);

    private final SubagentId id = SubagentId.random();
    private final HeldPolicySlugs slugs = new HeldPolicySlugs()
            .holding(OWNER, "no-network")
            .holding(GRACE, "graces-own")
            .holding(ADMIN.id(), "admins-own");
    private FixtureConfiguration<Subagent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Subagent.class);
        fixture.registerInjectableResource(slugs);
    }

    private SubagentCreated created() {
        return new SubagentCreated(
                id,
                OWNER,
                new SubagentDefinition("deployer", "ships", "deploy it", List.of(), null, Map.of(), false, Map.of()),
                OWNER);
    }

    private static Matcher<?> refusedWith(SubagentError error) {
        return predicate(thrown -> thrown instanceof RuleViolation violation && violation.errorCode() == error);
    }

    @Test
    void takesBuiltInPoliciesAndTheOwnersOwnTogether() {
        List<PolicyAssignment> assignments =
                List.of(new PolicyAssignment("no-network", 5), new PolicyAssignment("safe-core", 10));

        fixture.given(created())
                .when(new AssignSubagentPolicies(id, ADA, assignments))
                .expectEvents(new SubagentPoliciesAssigned(id, assignments, OWNER))
                .expectResultMessagePayload(new SubagentChanged(id, 1));
    }

    @Test
    void refusesAPolicyOfAnotherUser() {
        fixture.given(created())
                .when(new AssignSubagentPolicies(id, ADA, List.of(new PolicyAssignment("graces-own", 1))))
                .expectNoEvents()
                .expectException(refusedWith(SubagentError.INVALID_INPUT))
                .expectExceptionMessage(containsString("unknown policy graces-own"));
    }

    @Test
    void refusesAPolicyNobodyHas() {
        fixture.given(created())
                .when(new AssignSubagentPolicies(id, ADA, List.of(new PolicyAssignment("nope", 1))))
                .expectNoEvents()
                .expectException(refusedWith(SubagentError.INVALID_INPUT));
    }

    @Test
    void checksTheSubagentOwnersPoliciesWhenAnAdminAssigns() {
        fixture.given(created())
                .when(new AssignSubagentPolicies(id, ADMIN, List.of(new PolicyAssignment("admins-own", 1))))
                .expectNoEvents()
                .expectException(refusedWith(SubagentError.INVALID_INPUT));
        fixture.given(created())
                .when(new AssignSubagentPolicies(id, ADMIN, List.of(new PolicyAssignment("no-network", 1))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesAPolicyListedTwice() {
        fixture.given(created())
                .when(new AssignSubagentPolicies(
                        id, ADA, List.of(new PolicyAssignment("no-network", 1), new PolicyAssignment("no-network", 2))))
                .expectNoEvents()
                .expectException(refusedWith(SubagentError.INVALID_INPUT))
                .expectExceptionMessage(containsString("listed twice"));
    }
}
