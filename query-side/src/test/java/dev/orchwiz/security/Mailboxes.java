package dev.orchwiz.security;

/** The test mailbox, for browser tests outside this package. */
public final class Mailboxes {

    public static final int SMTP_PORT = Mailbox.SMTP_PORT;

    private Mailboxes() {}

    public static void start() {
        Mailbox.server();
    }

    public static int count(String address) {
        return Mailbox.to(address).size();
    }

    public static String linkToken(String address, int expectedMessages) {
        return Mailbox.linkTokenFor(address, expectedMessages);
    }
}
