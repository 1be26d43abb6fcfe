package dev.orchwiz.security;

import dev.orchwiz.api.WireNamed;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.stereotype.Component;

/**
 * Issues single-use sign-in links (15 minutes) and delivers them by SMTP, or, on a node without a mail server, to the
 * log, where the operator of a local node can pick them up.
 */
@Component
class SignInLinks {

    static final Duration VALIDITY = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(SignInLinks.class);

    enum Delivery implements WireNamed {
        SMTP,
        LOG
    }

    private final OneTimeTokenService tokens;
    private final ObjectProvider<JavaMailSender> mail;
    private final SecurityProperties properties;

    SignInLinks(OneTimeTokenService tokens, ObjectProvider<JavaMailSender> mail, SecurityProperties properties) {
        this.tokens = tokens;
        this.mail = mail;
        this.properties = properties;
    }

    Delivery delivery() {
        return mail.getIfAvailable() == null ? Delivery.LOG : Delivery.SMTP;
    }

    void send(String email) {
        deliver(email, tokens.generate(new GenerateOneTimeTokenRequest(email, VALIDITY)), false);
    }

    /** {@code rememberMe} carries the sign-in page's "keep me signed in" into the link; its page offers it again. */
    void deliver(String email, OneTimeToken token, boolean rememberMe) {
        String link = properties.publicUrl() + "/login/ott?token="
                + URLEncoder.encode(token.getTokenValue(), StandardCharsets.UTF_8) + "&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + (rememberMe ? "&remember-me=true" : "");
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.info(
                    "Sign-in link for {} (no mail server configured, so it is written here; valid 15 minutes): {}",
                    email,
                    link);
            return;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(new InternetAddress(properties.mailFrom()));
            helper.setTo(email);
            helper.setSubject("Your OrchWiz sign-in link");
            helper.setText("Open this link within 15 minutes to sign in to OrchWiz at " + properties.publicUrl()
                    + ":\n\n" + link + "\n\nIt works once. If you did not ask for it, ignore this mail.\n");
            sender.send(message);
        } catch (jakarta.mail.MessagingException | RuntimeException failed) {
            // The link itself never goes to the log here: it would be a credential in a shared place.
            log.error("Could not send the sign-in link to {}: {}", email, failed.toString());
        }
    }
}
