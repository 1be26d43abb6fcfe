package dev.orchwiz.api.identity;

/** The node's own settings live in one aggregate with this id. */
public final class NodeIds {

    public static final String THIS_NODE = "node";

    private NodeIds() {}
}
