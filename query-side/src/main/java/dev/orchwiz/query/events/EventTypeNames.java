package dev.orchwiz.query.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/**
 * Names events for clients: {@code dev.orchwiz.api.session.event.SessionModeChanged} is {@code session.mode-changed}
 * (the context, then the class name in kebab case without the context's words).
 */
final class EventTypeNames {

    private static final String API_PACKAGE = "dev.orchwiz.api";
    private static final Map<String, String> BY_CLASS = new ConcurrentHashMap<>();
    private static final Set<String> KNOWN = scanKnownNames();

    private EventTypeNames() {}

    static String of(String className) {
        return BY_CLASS.computeIfAbsent(className, EventTypeNames::derive);
    }

    static Set<String> known() {
        return KNOWN;
    }

    private static String derive(String className) {
        int lastDot = className.lastIndexOf('.');
        String simpleName = className.substring(lastDot + 1).replace('$', '-');
        String packageName = lastDot < 0 ? "" : className.substring(0, lastDot);
        String context = contextOf(packageName);
        List<String> words = kebabWords(simpleName);
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < words.size() - 1; i++) {
            prefix.append(words.get(i));
            if (prefix.toString().equals(context)) {
                return context + "." + String.join("-", words.subList(i + 1, words.size()));
            }
        }
        return context.isEmpty() ? String.join("-", words) : context + "." + String.join("-", words);
    }

    private static String contextOf(String packageName) {
        if (!packageName.startsWith(API_PACKAGE + ".")) {
            return "";
        }
        String rest = packageName.substring(API_PACKAGE.length() + 1);
        int dot = rest.indexOf('.');
        return (dot < 0 ? rest : rest.substring(0, dot)).toLowerCase(Locale.ROOT);
    }

    private static List<String> kebabWords(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c) && !word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
            word.append(Character.toLowerCase(c));
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private static Set<String> scanKnownNames() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(
                new RegexPatternTypeFilter(java.util.regex.Pattern.compile(".*\\.event\\.[A-Z][^.]*")));
        Set<String> names = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(API_PACKAGE)) {
            names.add(of(candidate.getBeanClassName()));
        }
        return Set.copyOf(names);
    }
}
