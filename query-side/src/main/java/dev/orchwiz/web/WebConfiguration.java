package dev.orchwiz.web;

import java.io.IOException;
import java.util.List;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;
import tools.jackson.databind.JacksonModule;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private static final String SPA_LOCATION = "classpath:/META-INF/resources/";

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
        resolvers.add(new PageParametersResolver());
        resolvers.add(new ExpectedVersionResolver());
    }

    /**
     * JSON only. Spring registers its JAXB converter whenever the JAXB API is on the class path (a library brings it;
     * the node has no JAXB implementation and no XML-bound class), and that converter then looked every request and
     * answer class up for XML annotations: dead weight on each API call (docs/benchmarks.md).
     */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.configureMessageConvertersList(
                list -> list.removeIf(converter -> converter instanceof Jaxb2RootElementHttpMessageConverter));
    }

    /** Before security, so an oversized body is refused before anything else reads it. */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${orchwiz.web.max-request-bytes:4194304}") long maxRequestBytes) {
        FilterRegistrationBean<RequestSizeLimit> registration =
                new FilterRegistrationBean<>(new RequestSizeLimit(maxRequestBytes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    JacksonModule strictEnums() {
        return new StrictEnums();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RequestTextAdvice.Parameters()).addPathPatterns("/api/**");
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new WireNamedConverterFactory());
    }

    /**
     * Serves the dashboard and lets its client-side routes ({@code /sessions/…}) be deep-linked: a path with no file
     * extension outside {@code /api} answers with {@code index.html}. Unknown API paths still answer 404 problems.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations(SPA_LOCATION)
                .resourceChain(true)
                .addResolver(new PathResourceResolver() {
                    @Override
                    protected Resource getResource(String resourcePath, Resource location) throws IOException {
                        Resource requested = location.createRelative(resourcePath);
                        if (requested.exists() && requested.isReadable()) {
                            return requested;
                        }
                        Resource index = new ClassPathResource("META-INF/resources/index.html");
                        return isClientRoute(resourcePath) && index.exists() ? index : null;
                    }
                });
    }

    /**
     * Replaces Tomcat's HTML error report with {@link ProblemReportValve}. Ordered last so that it runs after Spring
     * Boot's own customizer, which adds a plain {@link ErrorReportValve} to the host: that one is taken out again, and
     * naming ours as the host's error report class stops the host from adding its default when it starts.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return new ProblemReportValveCustomizer();
    }

    private static final class ProblemReportValveCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    static boolean isClientRoute(String path) {
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        return !path.startsWith("api/")
                && !path.equals("api")
                && !path.startsWith("v3/")
                && !path.startsWith("actuator")
                && !lastSegment.contains(".");
    }
}
