package dev.orchwiz.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The page size of a list endpoint whose default is not {@link PageParameters#DEFAULT_SIZE}. */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface DefaultPageSize {

    int value();
}
