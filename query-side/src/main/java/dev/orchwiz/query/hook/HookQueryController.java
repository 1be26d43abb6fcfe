package dev.orchwiz.query.hook;

import dev.orchwiz.api.hook.HookError;
import dev.orchwiz.api.hook.HookId;
import dev.orchwiz.api.hook.query.FindHook;
import dev.orchwiz.api.hook.query.HookDeliveryPage;
import dev.orchwiz.api.hook.query.HookPage;
import dev.orchwiz.api.hook.query.HookView;
import dev.orchwiz.api.hook.query.ListHookDeliveries;
import dev.orchwiz.api.hook.query.ListHooks;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.query.Reads;
import dev.orchwiz.web.PageParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's hooks and each hook's deliveries. */
@RestController
@RequestMapping("/api/hooks")
class HookQueryController {

    private final Reads reads;

    HookQueryController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping
    HookPage list(
            Actor actor, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageParameters.assertValid(page, size);
        return reads.ask(new ListHooks(actor, page, size), HookPage.class);
    }

    @GetMapping("/{id}")
    HookView find(Actor actor, @PathVariable String id) {
        HookId hookId = Reads.pathId(id, HookId::parse, HookError.NOT_FOUND, "No hook ");
        return reads.findOr404(new FindHook(actor, hookId), HookView.class, HookError.NOT_FOUND, "No hook " + id);
    }

    @GetMapping("/{id}/deliveries")
    HookDeliveryPage deliveries(
            Actor actor,
            @PathVariable String id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageParameters.assertValid(page, size);
        HookId hookId = Reads.pathId(id, HookId::parse, HookError.NOT_FOUND, "No hook ");
        return reads.findOr404(
                new ListHookDeliveries(actor, hookId, page, size),
                HookDeliveryPage.class,
                HookError.NOT_FOUND,
                "No hook " + id);
    }
}
