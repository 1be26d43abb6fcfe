package dev.orchwiz.command.hook;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orchwiz.api.ExpectedVersion;
import dev.orchwiz.api.hook.HookDefinition;
import dev.orchwiz.api.hook.HookError;
import dev.orchwiz.api.hook.HookEventName;
import dev.orchwiz.api.hook.HookType;
import dev.orchwiz.api.hook.command.RedeliverHookDelivery;
import dev.orchwiz.api.hook.command.RegisterHook;
import dev.orchwiz.api.hook.command.RemoveHook;
import dev.orchwiz.api.hook.command.ReviseHook;
import dev.orchwiz.api.hook.command.RotateHookSecret;
import dev.orchwiz.api.hook.command.ScheduleHookDelivery;
import dev.orchwiz.api.hook.query.FindHook;
import dev.orchwiz.api.hook.query.FindHookDelivery;
import dev.orchwiz.api.hook.query.HookDeliveryView;
import dev.orchwiz.api.hook.query.HookView;
import dev.orchwiz.api.id.HookDeliveryId;
import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.text.SingleLine;
import dev.orchwiz.api.toolcall.HookFailurePolicy;
import dev.orchwiz.command.web.CommandSender;
import dev.orchwiz.command.web.IfMatch;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** Hook writes, secret rotation, test events and manual redelivery. */
@RestController
class HookController {

    private final CommandSender commands;
    private final QueryGateway queries;
    private final ObjectMapper json;
    private final HookTargets targets;

    HookController(CommandSender commands, QueryGateway queries, ObjectMapper json, HookTargets targets) {
        this.commands = commands;
        this.queries = queries;
        this.json = json;
        this.targets = targets;
    }

    record HookInput(
            @SingleLine String name,
            HookEventName event,
            @SingleLine String matcher,
            HookType type,
            @SingleLine String url,
            String command,
            String sessionId,
            String subagentId,
            Integer timeoutSeconds,
            Boolean active,
            HookFailurePolicy onFailure) {}

    /** The secret appears once, in the answer to the write that issued it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Written(String id, long version, String secret) {

        static Written of(HookRegistration.Written written) {
            return new Written(
                    written.changed().hookId().toString(), written.changed().version(), written.secret());
        }
    }

    record Scheduled(String deliveryId) {}

    @PostMapping("/api/hooks")
    ResponseEntity<Written> register(Actor actor, @RequestBody HookInput body) {
        HookId id = HookId.random();
        HookDefinition definition = new HookDefinition(
                body.name(),
                body.event(),
                body.matcher(),
                body.type(),
                body.url(),
                body.command(),
                sessionId(body.sessionId()),
                subagentId(body.subagentId()),
                body.timeoutSeconds(),
                body.active() == null || body.active(),
                HookFailurePolicy.orDefault(body.onFailure()));
        HookDefinition checked = targets.checked(actor, definition);
        HookRegistration.Written written =
                commands.send(new RegisterHook(id, actor, checked), () -> missing(id.toString()));
        return IfMatch.created("/api/hooks/" + id, written.changed().version(), Written.of(written));
    }

    @PatchMapping("/api/hooks/{id}")
    ResponseEntity<Written> revise(
            Actor actor, @PathVariable String id, @ExpectedVersion Long expected, @RequestBody HookInput body) {
        HookId hookId = hookId(id);
        HookView current = hook(actor, hookId).orElseThrow(() -> missing(id));
        HookDefinition definition = new HookDefinition(
                body.name() == null ? current.name() : body.name(),
                body.event() == null ? current.event() : body.event(),
                body.matcher() == null ? current.matcher() : body.matcher(),
                body.type() == null ? current.type() : body.type(),
                body.url() == null ? current.url() : body.url(),
                body.command() == null ? current.command() : body.command(),
                body.sessionId() == null ? sessionId(current.sessionId()) : sessionId(body.sessionId()),
                body.subagentId() == null ? subagentId(current.subagentId()) : subagentId(body.subagentId()),
                body.timeoutSeconds() == null ? current.timeoutSeconds() : body.timeoutSeconds(),
                body.active() == null ? current.active() : body.active(),
                body.onFailure() == null ? current.onFailure() : body.onFailure());
        HookDefinition checked = targets.checkedRevision(actor, definition, current.url());
        HookRegistration.Written written =
                commands.send(new ReviseHook(hookId, actor, expected, checked), () -> missing(id));
        return IfMatch.revised(written.changed().version(), Written.of(written));
    }

    @DeleteMapping("/api/hooks/{id}")
    ResponseEntity<Void> remove(Actor actor, @PathVariable String id) {
        commands.<Object>send(new RemoveHook(hookId(id), actor), () -> missing(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/hooks/{id}/secret")
    Written rotate(Actor actor, @PathVariable String id) {
        HookRegistration.Written written = commands.send(new RotateHookSecret(hookId(id), actor), () -> missing(id));
        return Written.of(written);
    }

    @PostMapping("/api/hooks/{id}/test")
    ResponseEntity<Scheduled> test(Actor actor, @PathVariable String id) {
        HookId hookId = hookId(id);
        HookView hook = hook(actor, hookId).orElseThrow(() -> missing(id));
        if (hook.type() != HookType.WEBHOOK) {
            throw new HookRefusal(
                    HookError.INVALID_INPUT, "Test events go to webhooks; run a command hook's tool instead");
        }
        HookDeliveryId deliveryId = HookDeliveryId.random();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hook_id", hook.id());
        data.put("hook_name", hook.name());
        data.put("hook_event_name", hook.event().wireName());
        data.put("message", "A test event sent from OrchWiz");
        String body = HookPayloads.envelope(json, "hook.test", Instant.now(), data);
        commands.send(
                new ScheduleHookDelivery(
                        deliveryId, hookId, dev.orchwiz.api.id.UserId.of(hook.ownerId()), null, "hook.test", body),
                () -> missing(id));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Scheduled(deliveryId.toString()));
    }

    @PostMapping("/api/hooks/{id}/deliveries/{deliveryId}/redeliver")
    ResponseEntity<HookDeliveryView> redeliver(Actor actor, @PathVariable String id, @PathVariable String deliveryId) {
        HookDeliveryId delivery = HookDeliveryId.parse(deliveryId).orElseThrow(() -> deliveryMissing(deliveryId));
        HookDeliveryView found = queries.query(
                        new FindHookDelivery(actor, delivery), ResponseTypes.optionalInstanceOf(HookDeliveryView.class))
                .join()
                .filter(view -> view.hookId().equals(id))
                .orElseThrow(() -> deliveryMissing(deliveryId));
        commands.send(new RedeliverHookDelivery(delivery, actor), () -> deliveryMissing(deliveryId));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(found);
    }

    private Optional<HookView> hook(Actor actor, HookId id) {
        return queries.query(new FindHook(actor, id), ResponseTypes.optionalInstanceOf(HookView.class))
                .join();
    }

    private static SessionId sessionId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return SessionId.parse(value)
                .orElseThrow(() -> new HookRefusal(HookError.INVALID_INPUT, "sessionId is not an id"));
    }

    private static SubagentId subagentId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return SubagentId.parse(value)
                .orElseThrow(() -> new HookRefusal(HookError.INVALID_INPUT, "subagentId is not an id"));
    }

    static HookId hookId(String id) {
        return HookId.parse(id).orElseThrow(() -> missing(id));
    }

    static HookRefusal missing(String id) {
        return new HookRefusal(HookError.NOT_FOUND, "No hook " + id);
    }

    private static HookRefusal deliveryMissing(String id) {
        return new HookRefusal(HookError.DELIVERY_NOT_FOUND, "No delivery " + id);
    }
}
