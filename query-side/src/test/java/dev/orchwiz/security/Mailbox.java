package dev.orchwiz.security;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One in-process SMTP server per test JVM (GreenMail), shared by the sign-in tests. */
final class Mailbox {

    static final int SMTP_PORT = 3025;
    private static final Pattern LINK = Pattern.compile("/login/ott\\?token=([A-Za-z0-9-]+)");
    private static GreenMail server;

    private Mailbox() {}

    static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    static List<MimeMessage> to(String address) {
        return Arrays.stream(server().getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
                    } catch (jakarta.mail.MessagingException unreadable) {
                        return false;
                    }
                })
                .toList();
    }

    /** The text of the newest mail sent to the address, waiting for it to arrive. */
    static String newestBody(String address, int expectedMessages) {
        await().atMost(Duration.ofSeconds(10)).until(() -> to(address).size() >= expectedMessages);
        List<MimeMessage> messages = to(address);
        return GreenMailUtil.getBody(messages.get(messages.size() - 1))
                .replace("=\r\n", "")
                .replace("=3D", "=");
    }

    /** The token of the newest sign-in link sent to the address, waiting for the mail to arrive. */
    static String linkTokenFor(String address, int expectedMessages) {
        String body = newestBody(address, expectedMessages);
        Matcher link = LINK.matcher(body);
        if (!link.find()) {
            throw new AssertionError("no sign-in link in: " + body);
        }
        return link.group(1);
    }
}
