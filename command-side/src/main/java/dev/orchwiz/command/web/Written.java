package dev.orchwiz.command.web;

/**
 * What a write answers when it has nothing else to say: the id of the thing it wrote and that thing's version after
 * the write (the version an {@code If-Match} of the next write names).
 */
public record Written(String id, long version) {

    public static Written of(Object id, long version) {
        return new Written(id.toString(), version);
    }
}
