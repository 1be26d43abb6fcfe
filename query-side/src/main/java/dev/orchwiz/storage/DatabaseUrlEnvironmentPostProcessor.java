package dev.orchwiz.storage;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Accepts the {@code DATABASE_URL} most hosts hand out ({@code postgresql://user:pass@host:5432/db?sslmode=require})
 * and turns it into Spring's datasource properties, unless {@code spring.datasource.url} is set explicitly. Set but
 * empty means no database configured (the node runs its embedded one; see {@link NoDatabaseConfigured}).
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String DATABASE_URL = "DATABASE_URL";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String databaseUrl = environment.getProperty(DATABASE_URL);
        if (databaseUrl == null
                || databaseUrl.isBlank()
                || StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("orchwizDatabaseUrl", toSpring(databaseUrl)));
    }

    static Map<String, Object> toSpring(String databaseUrl) {
        Map<String, Object> properties = new HashMap<>();
        String trimmed = databaseUrl.trim();
        if (trimmed.startsWith("jdbc:")) {
            properties.put("spring.datasource.url", trimmed);
            return properties;
        }
        URI uri = URI.create(trimmed);
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                    DATABASE_URL + " must be a postgresql:// or jdbc:postgresql: URL, got scheme " + uri.getScheme());
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        properties.put(
                "spring.datasource.url", "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query);
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            properties.put("spring.datasource.username", decode(user));
            if (colon >= 0) {
                properties.put("spring.datasource.password", decode(userInfo.substring(colon + 1)));
            }
        }
        return properties;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
