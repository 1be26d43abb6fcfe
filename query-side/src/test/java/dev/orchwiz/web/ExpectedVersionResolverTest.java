package dev.orchwiz.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchwiz.api.ExpectedVersion;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

class ExpectedVersionResolverTest {

    private final ExpectedVersionResolver resolver = new ExpectedVersionResolver();

    @SuppressWarnings("unused")
    void write(@ExpectedVersion Long expected, Long other) {}

    private static MethodParameter parameter(int index) throws NoSuchMethodException {
        Method write = ExpectedVersionResolverTest.class.getDeclaredMethod("write", Long.class, Long.class);
        return new MethodParameter(write, index);
    }

    private Object resolve(String... ifMatch) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("PATCH", "/api/hooks/1");
        for (String value : ifMatch) {
            request.addHeader("If-Match", value);
        }
        return resolver.resolveArgument(parameter(0), null, new ServletWebRequest(request), null);
    }

    @Test
    void suppliesOnlyTheMarkedParameter() throws Exception {
        assertThat(resolver.supportsParameter(parameter(0))).isTrue();
        assertThat(resolver.supportsParameter(parameter(1))).isFalse();
    }

    @Test
    void readsAQuotedOrWeakVersion() throws Exception {
        assertThat(resolve("\"3\"")).isEqualTo(3L);
        assertThat(resolve("W/\"12\"")).isEqualTo(12L);
    }

    @Test
    void expectsAnyVersionWithoutAHeaderOrWithAStar() throws Exception {
        assertThat(resolve()).isNull();
        assertThat(resolve("*")).isNull();
        assertThat(resolve(" ")).isNull();
    }

    @Test
    void refusesAnUnquotedVersionAsInvalidIfMatch() {
        assertThatThrownBy(() -> resolve("seven"))
                .isInstanceOf(InvalidRequest.class)
                .satisfies(refused ->
                        assertThat(((InvalidRequest) refused).errorCode()).isEqualTo(RequestError.INVALID_IF_MATCH));
    }

    @Test
    void refusesTwoHeadersAsOneMalformedList() {
        assertThatThrownBy(() -> resolve("\"3\"", "\"4\""))
                .isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("\"3\",\"4\"");
    }
}
