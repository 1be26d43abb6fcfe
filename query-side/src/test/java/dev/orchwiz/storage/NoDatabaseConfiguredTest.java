package dev.orchwiz.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class NoDatabaseConfiguredTest {

    @Test
    void anEmptyDatabaseUrlMeansNoDatabaseConfigured() {
        // given DATABASE_URL set but empty, as compose files pass it when the operator left it out
        MockEnvironment environment = new MockEnvironment().withProperty("DATABASE_URL", "");

        // when the environment is prepared
        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        // then the node runs its embedded database
        assertThat(environment.getProperty("spring.datasource.url")).isNull();
        assertThat(NoDatabaseConfigured.matches(environment)).isTrue();
        assertThat(NoDatabaseConfigured.matches(new MockEnvironment().withProperty("spring.datasource.url", " ")))
                .isTrue();
    }

    @Test
    void aDatabaseUrlOrDatasourceUrlNamesTheDatabase() {
        MockEnvironment fromUrl =
                new MockEnvironment().withProperty("DATABASE_URL", "postgresql://u:p@db:5432/orchwiz");
        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(fromUrl, new SpringApplication());

        assertThat(fromUrl.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/orchwiz");
        assertThat(NoDatabaseConfigured.matches(fromUrl)).isFalse();
        assertThat(NoDatabaseConfigured.matches(
                        new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/x")))
                .isFalse();
    }

    @Test
    void anEmptyDatasourceUrlDoesNotHideADatabaseUrl() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "")
                .withProperty("DATABASE_URL", "postgresql://db/orchwiz");

        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/orchwiz");
    }
}
