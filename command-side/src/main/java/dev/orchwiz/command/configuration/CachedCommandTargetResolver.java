package dev.orchwiz.command.configuration;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Axon's {@link AnnotationCommandTargetResolver} with the lookup done once per command class. Axon's resolver walks
 * every method and field of the command's class (and its supertypes), checking each for the annotations, on every
 * command, twice (identifier and version): 2–4 % of a command's CPU in the profiles (docs/benchmarks.md). The member
 * it finds depends only on the class, so this one remembers it and does the rest as Axon does: the first annotated
 * method, else the first annotated field, in Axon's own order; a version as a number or a numeric string; the same
 * {@link IllegalArgumentException}s (final for the gateway's retries) for a missing identifier or a failing accessor.
 */
public final class CachedCommandTargetResolver implements CommandTargetResolver {

    private final ClassValue<Accessors> accessors = new ClassValue<>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
            return new Accessors(
                    annotated(type, TargetAggregateIdentifier.class), annotated(type, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Accessors found = accessors.get(command.getPayloadType());
        Object payload = command.getPayload();
        Object identifier;
        Long version;
        try {
            identifier = read(found.identifier(), payload);
            version = asLong(read(found.version(), payload));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "An exception occurred while extracting aggregate information form a command", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(
                    "The current security context does not allow extraction of aggregate information from the given"
                            + " command.",
                    e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException(String.format(
                    "Invalid command. It does not identify the target aggregate. Make sure at least one of the fields"
                            + " or methods in the [%s] class contains the @TargetAggregateIdentifier annotation and"
                            + " that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        return new VersionedAggregateIdentifier(identifier, version);
    }

    private static Member annotated(Class<?> type, Class<? extends Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                return ReflectionUtils.ensureAccessible(method);
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                return field;
            }
        }
        return null;
    }

    private static Object read(Member member, Object payload) throws InvocationTargetException, IllegalAccessException {
        if (member instanceof Method method) {
            return method.invoke(payload);
        }
        if (member instanceof Field field) {
            return ReflectionUtils.getFieldValue(field, payload);
        }
        return null;
    }

    private static Long asLong(Object version) {
        if (version == null) {
            return null;
        }
        if (version instanceof Number number) {
            return number.longValue();
        }
        return Long.parseLong(version.toString());
    }

    /** The annotated members of one command class; either may be absent. */
    private record Accessors(Member identifier, Member version) {}
}
