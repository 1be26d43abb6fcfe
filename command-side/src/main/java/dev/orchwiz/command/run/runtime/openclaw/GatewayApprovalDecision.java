package dev.orchwiz.command.run.runtime.openclaw;

/** What OrchWiz answers to a gateway exec approval; the wire names are the gateway's. */
public enum GatewayApprovalDecision {
    ALLOW_ONCE("allow-once"),
    DENY("deny");

    private final String wireName;

    GatewayApprovalDecision(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
