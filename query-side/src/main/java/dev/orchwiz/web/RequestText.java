package dev.orchwiz.web;

import dev.orchwiz.api.problem.FieldProblem;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import dev.orchwiz.api.text.SingleLine;
import dev.orchwiz.api.text.TextRules;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Checks every text a request body carries, wherever it sits (record fields, lists, map keys and values, raw JSON
 * trees), against {@link TextRules}: one place at the edge instead of a check per field that a new field would miss.
 * Map keys and {@link SingleLine} fields must be one line.
 */
final class RequestText {

    /** A record's text-bearing view: each component's accessor, opened once (request bodies are nested records). */
    private record Component(String name, Method accessor, boolean singleLine) {}

    private static final Map<Class<?>, List<Component>> COMPONENTS = new ConcurrentHashMap<>();

    /** Deeper than any body we take; stops a hostile nesting from exhausting the stack. */
    private static final int MAX_DEPTH = 64;

    private RequestText() {}

    /** Refuses the body with {@code INVALID_TEXT}, naming the first field at fault. */
    static void check(Object body, String root) {
        Optional<FieldProblem> problem = find(body, root, false, 0);
        if (problem.isPresent()) {
            FieldProblem field = problem.get();
            throw new InvalidRequest(
                    RequestError.INVALID_TEXT, "Field '" + field.field() + "' " + field.message(), List.of(field));
        }
    }

    /** Refuses one named value (a query parameter, a path segment), which is always one line. */
    static void checkValue(String name, String value) {
        TextRules.problem(value, false).ifPresent(why -> {
            throw new InvalidRequest(
                    RequestError.INVALID_TEXT, "Parameter '" + name + "' " + why, List.of(new FieldProblem(name, why)));
        });
    }

    static Optional<FieldProblem> find(Object value, String path, boolean singleLine, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (value instanceof CharSequence text) {
            return TextRules.problem(text, !singleLine).map(why -> new FieldProblem(path, why));
        }
        if (value instanceof JsonNode node) {
            return inTree(node, path, singleLine, depth);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                Optional<String> keyProblem = TextRules.problem(key, false);
                if (keyProblem.isPresent()) {
                    return Optional.of(new FieldProblem(join(path, "(key)"), keyProblem.get()));
                }
                Optional<FieldProblem> inner = find(entry.getValue(), join(path, key), singleLine, depth + 1);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                Optional<FieldProblem> inner = find(item, path + "[" + index++ + "]", singleLine, depth + 1);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (value instanceof Optional<?> optional) {
            return find(optional.orElse(null), path, singleLine, depth + 1);
        }
        Class<?> type = value.getClass();
        if (type.isArray() && !type.getComponentType().isPrimitive()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                Optional<FieldProblem> inner = find(Array.get(value, i), path + "[" + i + "]", singleLine, depth + 1);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (type.isRecord()) {
            for (Component component : COMPONENTS.computeIfAbsent(type, RequestText::components)) {
                Object field;
                try {
                    field = component.accessor().invoke(value);
                } catch (ReflectiveOperationException | RuntimeException unreadable) {
                    continue;
                }
                Optional<FieldProblem> inner =
                        find(field, join(path, component.name()), component.singleLine(), depth + 1);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        // Enums, numbers, ids, times: nothing free-form to check.
        return Optional.empty();
    }

    private static List<Component> components(Class<?> type) {
        List<Component> components = new java.util.ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Method accessor = component.getAccessor();
            // Request records are nested in package-private controllers: their accessors need opening, once.
            accessor.setAccessible(true);
            components.add(
                    new Component(component.getName(), accessor, component.isAnnotationPresent(SingleLine.class)));
        }
        return List.copyOf(components);
    }

    private static Optional<FieldProblem> inTree(JsonNode node, String path, boolean singleLine, int depth) {
        if (node.isString()) {
            return TextRules.problem(node.asString(), !singleLine).map(why -> new FieldProblem(path, why));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<FieldProblem> inner = find(node.get(i), path + "[" + i + "]", singleLine, depth + 1);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (node.isObject()) {
            for (String name : node.propertyNames()) {
                Optional<String> keyProblem = TextRules.problem(name, false);
                if (keyProblem.isPresent()) {
                    return Optional.of(new FieldProblem(join(path, "(key)"), keyProblem.get()));
                }
                Optional<FieldProblem> inner = find(node.get(name), join(path, name), singleLine, depth + 1);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
