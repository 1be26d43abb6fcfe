package dev.orchwiz.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event field that holds credential material (a token's hash, a key, a ciphertext): the event store keeps it
 * because a read model needs it, but it never leaves the node, not on the event stream nor in any trail. Whoever adds
 * such a field to an event marks it here, and every reader of raw events drops it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Credential {}
