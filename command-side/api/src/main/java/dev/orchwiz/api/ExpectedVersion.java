package dev.orchwiz.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@code Long} parameter of a write endpoint that takes the request's {@code If-Match} header: the aggregate
 * version the write expects, {@code null} for any. The HTTP edge reads and checks the header once for every write
 * (a malformed one is the 400 {@code INVALID_IF_MATCH} problem), so no endpoint parses it by hand.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface ExpectedVersion {}
