package dev.orchwiz.command.forwarding;

import dev.orchwiz.api.forwarding.ThisNode;
import dev.orchwiz.api.forwarding.command.MakeNodeKey;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A node needs its signing key before it can forward or be pinned by a peer: the first start makes it (and fixes the
 * node's id, {@code ORCHWIZ_NODE_ID} or a fresh UUID); every later start finds it and changes nothing.
 */
@Component
class WhenNodeStartsThenMakeItsKey {

    private static final Logger log = LoggerFactory.getLogger(WhenNodeStartsThenMakeItsKey.class);

    private final CommandGateway commands;
    private final String configuredNodeId;

    WhenNodeStartsThenMakeItsKey(CommandGateway commands, @Value("${orchwiz.node.id:}") String configuredNodeId) {
        this.commands = commands;
        this.configuredNodeId = configuredNodeId;
    }

    @EventListener(ApplicationReadyEvent.class)
    void makeKey() {
        String nodeId = configuredNodeId.isBlank() ? UUID.randomUUID().toString() : configuredNodeId.strip();
        MakeNodeKey command = new MakeNodeKey(ThisNode.KEYS, nodeId);
        String keyId;
        try {
            keyId = commands.sendAndWait(command, 30, TimeUnit.SECONDS);
        } catch (RuntimeException lostRace) {
            // Another node on this database made the key at the same moment; its key is ours too.
            keyId = commands.sendAndWait(command, 30, TimeUnit.SECONDS);
        }
        log.info("Node signing key {}", keyId);
    }
}
