package dev.orchwiz.command.run.runtime.openclaw;

/**
 * What the gateway said about an exec it asked approval for: its tool result ({@code reported}, with the output,
 * possibly shortened, and whether it was an error), or nothing, when its run ended before such a result arrived.
 */
public record GatewayExecResult(boolean reported, String output, boolean failed) {

    static GatewayExecResult of(String output, boolean failed) {
        return new GatewayExecResult(true, output == null ? "" : output, failed);
    }

    static GatewayExecResult unreported() {
        return new GatewayExecResult(false, null, false);
    }
}
