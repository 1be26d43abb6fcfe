package dev.orchwiz.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.ott.JdbcOneTimeTokenService;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.session.security.web.authentication.SpringSessionRememberMeServices;

/**
 * One filter chain for the whole node. The dashboard's pages are public (they hold no data); every {@code /api/**}
 * answer needs a browser session (passkey or email link) or an API token. Browser writes carry a CSRF token; token
 * requests need none because no cookie authenticates them.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /**
     * Spring Security wraps each of its ~20 filters, every authentication and every authorization in a Micrometer
     * observation when a registry exists: under load that was about a tenth of a command's CPU (docs/benchmarks.md,
     * runs H) for spans and timers nobody reads. Requests are still observed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's default firewall with its header checks done by {@link HeaderText} (same rules, no regular
     * expression each time a filter reads a header).
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderText::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderText::isAllowedValue);
        return firewall;
    }

    @Bean
    OneTimeTokenService oneTimeTokenService(JdbcOperations jdbc) {
        return new JdbcOneTimeTokenService(jdbc);
    }

    @Bean
    PublicKeyCredentialUserEntityRepository publicKeyCredentialUserEntityRepository(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    RecordingUserCredentialRepository userCredentialRepository(
            JdbcOperations jdbc,
            PublicKeyCredentialUserEntityRepository userEntities,
            AccountLookup accounts,
            CommandGateway commands) {
        return new RecordingUserCredentialRepository(
                new JdbcUserCredentialRepository(jdbc), userEntities, accounts, commands);
    }

    /** "Keep me signed in": the session lasts {@code orchwiz.security.remember-me} and its cookie outlives the browser. */
    @Bean
    SpringSessionRememberMeServices rememberMeServices(SecurityProperties properties) {
        SpringSessionRememberMeServices rememberMe = new SpringSessionRememberMeServices();
        rememberMe.setValiditySeconds(
                (int) Math.min(Integer.MAX_VALUE, properties.rememberMe().toSeconds()));
        return rememberMe;
    }

    static final String FORWARDED_EVENTS = "/api/forwarding/events";

    @Bean
    SecurityFilterChain nodeSecurity(
            HttpSecurity http,
            SecurityProperties properties,
            OneTimeTokenService oneTimeTokens,
            AccountEnrollment enrollment,
            SignInLinks links,
            SignInRateLimits limits,
            AccountLookup accounts,
            TokenGrants tokenGrants,
            SignInFailures failures,
            SpringSessionRememberMeServices rememberMe,
            org.springframework.beans.factory.ObjectProvider<GitHubLinking> gitHubLinking)
            throws Exception {
        SignInSessionStrategy recordSignIn = new SignInSessionStrategy(accounts, rememberMe);
        SessionAuthenticationStrategy onSignIn = new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(),
                new CsrfAuthenticationStrategy(CookieCsrfTokenRepository.withHttpOnlyFalse()),
                recordSignIn));
        http.authorizeHttpRequests(authorize -> authorize
                        // An async dispatch only finishes a request that was authorized when it began (a stream's
                        // end, a deferred answer). The token filter does not run on it, so judging it again denied
                        // every token stream's end after its answer was committed.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers("/api/auth/**")
                        .permitAll()
                        // Signed by the origin node, not by a user: the inbox verifies every request itself.
                        .requestMatchers(HttpMethod.POST, FORWARDED_EVENTS)
                        .permitAll()
                        // A peer's pull, signed by the peer's node key: the pull handler verifies it.
                        .requestMatchers(HttpMethod.GET, FORWARDED_EVENTS)
                        .permitAll()
                        .requestMatchers("/api/**", "/oauth2/**", "/login/oauth2/**")
                        .authenticated()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new BrowserCsrfTokenRequestHandler())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
                .sessionManagement(
                        session -> session.sessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(
                                List.of(new ChangeSessionIdAuthenticationStrategy(), recordSignIn))))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(JsonSignInResponses.unauthenticated())
                        .accessDeniedHandler(JsonSignInResponses.denied()))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .oneTimeTokenLogin(ott -> ott.tokenService(oneTimeTokens)
                        .loginPage("/login")
                        .loginProcessingUrl("/login/ott")
                        .showDefaultSubmitPage(false)
                        .tokenGeneratingUrl("/api/auth/email-link")
                        .generateRequestResolver(EmailLinkRequests.resolver())
                        .tokenGenerationSuccessHandler(
                                EmailLinkRequests.deliverWhenAllowed(links, enrollment, limits, failures))
                        .authenticationProvider(new EmailLinkAuthenticationProvider(oneTimeTokens, enrollment))
                        .successHandler(JsonSignInResponses.emailLinkSucceeded())
                        .failureHandler(JsonSignInResponses.emailLinkFailed()))
                .webAuthn(webAuthn -> webAuthn.rpName(properties.rpName())
                        .rpId(properties.rpId())
                        .allowedOrigins(properties.originSet())
                        .disableDefaultRegistrationPage(true)
                        .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                            @Override
                            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                                filter.setSessionAuthenticationStrategy(onSignIn);
                                filter.setAuthenticationFailureHandler(JsonSignInResponses.passkeyFailed());
                                return filter;
                            }
                        }))
                .addFilterBefore(new SignInRateLimitFilter(limits), SecurityContextHolderFilter.class)
                .addFilterAfter(new PasskeyErrorFilter(), SecurityContextHolderFilter.class)
                .addFilterAfter(new ConnectRequiresSignInFilter(), SecurityContextHolderFilter.class)
                .addFilterAfter(new ApiTokenAuthenticationFilter(tokenGrants), SecurityContextHolderFilter.class)
                .addFilterAfter(new ActingUserFilter(accounts), AnonymousAuthenticationFilter.class);
        GitHubLinking linking = gitHubLinking.getIfAvailable();
        if (linking != null) {
            http.oauth2Client(oauth2 -> oauth2.authorizedClientRepository(linking));
        }
        return http.build();
    }

    /**
     * A forged request can only hurt when the browser attaches a session cookie to it, or when it signs the victim in
     * (login CSRF). Token requests and cookie-less requests carry no ambient authority and need no CSRF token.
     */
    static boolean needsCsrfToken(HttpServletRequest request) {
        String method = request.getMethod();
        boolean safe =
                method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE");
        if (safe || ApiTokenAuthenticationFilter.hasBearer(request)) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(FORWARDED_EVENTS)) {
            // A cookie never authorizes this path, so a forged request gains nothing from one.
            return false;
        }
        return request.getRequestedSessionId() != null
                || SignInRateLimitFilter.SIGN_IN_PATHS.contains(path)
                || path.startsWith("/webauthn/")
                || path.equals("/logout");
    }
}
