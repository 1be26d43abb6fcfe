package dev.orchwiz.command.hook.delivery;

import static dev.orchwiz.command.hook.delivery.RecordingReceiver.after;
import static dev.orchwiz.command.hook.delivery.RecordingReceiver.endlessBody;
import static dev.orchwiz.command.hook.delivery.RecordingReceiver.redirectTo;
import static dev.orchwiz.command.hook.delivery.RecordingReceiver.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.command.hook.delivery.RecordingReceiver.Received;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSenderTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String SECRET = WebhookSecret.generate();
    private static final String MESSAGE_ID = "msg_2p7Yw0xQpZ4";
    private static final byte[] BODY =
            "{\"type\":\"hook.PreToolUse\",\"data\":{\"tool\":\"Bash\",\"note\":\"ünïcode\"}}"
                    .getBytes(StandardCharsets.UTF_8);

    /** What the delivery tests run under: the receiver lives on loopback over plain http. */
    private static final WebhookTargetPolicy LOCAL_RECEIVERS =
            new WebhookTargetPolicy(List.of("127.0.0.1", "localhost"), true, true);

    private final AdjustableClock clock = new AdjustableClock(START);
    private final WebhookSender sender = new WebhookSender(LOCAL_RECEIVERS, clock);
    private RecordingReceiver receiver;

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void deliversTheBodyWithHeadersTheReceiverCanVerify() throws IOException {
        // given
        receiver = RecordingReceiver.answering(status(204));

        // when
        AttemptResult result = sender.send(request(receiver.uri("/hook"), TIMEOUT));

        // then
        assertThat(result.outcome()).isEqualTo(AttemptOutcome.DELIVERED);
        assertThat(result.responseCode()).isEqualTo(204);
        assertThat(result.error()).isNull();
        assertThat(receiver.received()).singleElement().satisfies(received -> {
            assertThat(received.body()).isEqualTo(BODY);
            assertThat(received.contentType()).isEqualTo("application/json");
            assertThat(received.userAgent()).isEqualTo("OrchWiz-Hooks/1.0");
            assertThat(received.id()).isEqualTo(MESSAGE_ID);
            assertThat(received.timestamp()).isEqualTo(Long.toString(START.getEpochSecond()));
            assertThat(received.signature()).startsWith("v1,");
            assertThat(verifiedAt(received, START)).isTrue();
        });
    }

    @Test
    void failsWithTheStatusCodeWhenTheReceiverAnswers500() throws IOException {
        // given
        receiver = RecordingReceiver.answering(status(500, "database is down"));

        // when
        AttemptResult result = sender.send(request(receiver.uri("/hook"), TIMEOUT));

        // then
        assertThat(result.outcome()).isEqualTo(AttemptOutcome.FAILED);
        assertThat(result.responseCode()).isEqualTo(500);
        assertThat(result.error()).isEqualTo("receiver answered 500");
        assertThat(result.responseBody()).isEqualTo("database is down");
    }

    @Test
    void deliversOnTheThirdAttemptWithTheSameIdAndAFreshTimestampEachTime() throws IOException {
        // given
        receiver = RecordingReceiver.answering(status(500), status(503), status(204));
        DeliveryRequest request = request(receiver.uri("/hook"), TIMEOUT);

        // when
        Attempts attempts = deliverWithRetries(request, RetrySchedule.standard());

        // then
        assertThat(attempts.outcomes())
                .containsExactly(AttemptOutcome.FAILED, AttemptOutcome.FAILED, AttemptOutcome.DELIVERED);
        assertThat(attempts.delays()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(20));
        List<Received> received = receiver.received();
        assertThat(received).extracting(Received::id).containsOnly(MESSAGE_ID);
        assertThat(received)
                .extracting(Received::timestamp)
                .containsExactly(
                        Long.toString(START.getEpochSecond()),
                        Long.toString(START.getEpochSecond() + 5),
                        Long.toString(START.getEpochSecond() + 25));
        assertThat(received)
                .allSatisfy(each -> assertThat(verifiedAt(each, sentAt(each))).isTrue());
    }

    @Test
    void stopsAfterMaxAttemptsWhenTheReceiverAlwaysFails() throws IOException {
        // given
        receiver = RecordingReceiver.answering(status(502));
        RetrySchedule schedule = RetrySchedule.standard();

        // when
        Attempts attempts = deliverWithRetries(request(receiver.uri("/hook"), TIMEOUT), schedule);

        // then
        assertThat(attempts.outcomes()).hasSize(schedule.maxAttempts()).containsOnly(AttemptOutcome.FAILED);
        assertThat(attempts.delays())
                .containsExactly(
                        Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(80), Duration.ofSeconds(320));
        assertThat(schedule.delayAfter(schedule.maxAttempts())).isEmpty();
        assertThat(receiver.received()).hasSize(schedule.maxAttempts());
    }

    @Test
    void failsWithTimedOutWhenTheReceiverIsSlowerThanTheTimeout() throws IOException {
        // given
        receiver = RecordingReceiver.answering(after(Duration.ofSeconds(10), status(204)));
        Duration timeout = Duration.ofMillis(500);

        // when
        AttemptResult result = sender.send(request(receiver.uri("/hook"), timeout));

        // then
        assertThat(result.outcome()).isEqualTo(AttemptOutcome.FAILED);
        assertThat(result.responseCode()).isNull();
        assertThat(result.error()).contains("timed out");
        assertThat(result.duration()).isBetween(timeout, Duration.ofSeconds(3));
    }

    @Test
    void doesNotFollowARedirect() throws IOException {
        // given
        receiver = RecordingReceiver.answering(redirectTo("/elsewhere"), status(204));

        // when
        AttemptResult result = sender.send(request(receiver.uri("/hook"), TIMEOUT));

        // then
        assertThat(result.outcome()).isEqualTo(AttemptOutcome.FAILED);
        assertThat(result.responseCode()).isEqualTo(302);
        assertThat(result.error()).isEqualTo("redirects are not followed");
        assertThat(receiver.received()).extracting(Received::path).containsExactly("/hook");
    }

    @Test
    void keepsOnlyTheFirstFourKilobytesOfAnEndlessResponse() throws IOException {
        // given
        receiver = RecordingReceiver.answering(endlessBody());

        // when
        AttemptResult result = sender.send(request(receiver.uri("/hook"), TIMEOUT));

        // then
        assertThat(result.outcome()).isEqualTo(AttemptOutcome.DELIVERED);
        assertThat(result.responseBody()).hasSize(4096);
        assertThat(result.duration()).isLessThan(TIMEOUT);
    }

    @Test
    void failsWhenNothingListensOnThePort() throws IOException {
        // given
        URI closedPort = URI.create("http://127.0.0.1:" + freePort() + "/hook");

        // when
        AttemptResult result = sender.send(request(closedPort, TIMEOUT));

        // then
        assertThat(result.outcome()).isEqualTo(AttemptOutcome.FAILED);
        assertThat(result.responseCode()).isNull();
        assertThat(result.error()).startsWith("could not connect to 127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "localhost",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "169.254.169.254",
                "[::1]",
                "[fe80::1]",
                "[fd00::1]",
                "0.0.0.0",
                "100.64.0.1",
                "[::ffff:127.0.0.1]",
                "2130706433",
                "0x7f000001",
                "0x7f.1",
                "127.1",
                "0177.0.0.1"
            })
    void refusesPrivateTargetsWithoutContactingThem(String host) throws IOException {
        // given
        receiver = RecordingReceiver.answering(status(204));
        WebhookSender strict = new WebhookSender(new WebhookTargetPolicy(List.of("*"), false, true), clock);
        URI target = URI.create("http://" + host + ":" + receiver.port() + "/hook");

        // when
        AttemptResult result = strict.send(request(target, TIMEOUT));

        // then
        assertThat(result.outcome()).isEqualTo(AttemptOutcome.REFUSED);
        assertThat(result.responseCode()).isNull();
        assertThat(result.error()).isNotBlank();
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void checksThePolicyAtDeliveryTimeNotWhenTheHookWasSaved() throws IOException {
        // given
        receiver = RecordingReceiver.answering(status(204));
        DeliveryRequest savedWhileLoopbackWasAllowed = request(receiver.uri("/hook"), TIMEOUT);
        WebhookSender afterThePolicyWasTightened =
                new WebhookSender(new WebhookTargetPolicy(List.of("127.0.0.1"), false, true), clock);

        // when
        AttemptResult result = afterThePolicyWasTightened.send(savedWhileLoopbackWasAllowed);

        // then
        assertThat(result.outcome()).isEqualTo(AttemptOutcome.REFUSED);
        assertThat(result.error()).isEqualTo("host 127.0.0.1 is a loopback address");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void neverPutsTheSecretIntoAnError() throws IOException {
        // given
        receiver = RecordingReceiver.answering(
                status(500, SECRET), redirectTo("/" + SECRET), after(Duration.ofSeconds(5), status(204)));
        List<DeliveryRequest> requests = List.of(
                request(receiver.uri("/hook"), TIMEOUT),
                request(receiver.uri("/hook"), TIMEOUT),
                request(receiver.uri("/hook"), Duration.ofMillis(200)),
                request(URI.create("http://127.0.0.1:" + freePort() + "/hook"), TIMEOUT),
                request(URI.create("http://10.0.0.5/hook"), TIMEOUT));
        WebhookSender strict = new WebhookSender(new WebhookTargetPolicy(List.of("127.0.0.1"), true, true), clock);

        // when
        List<AttemptResult> results = requests.stream().map(strict::send).toList();

        // then
        String bareKey = SECRET.substring("whsec_".length());
        assertThat(results).allSatisfy(result -> {
            assertThat(result.outcome()).isNotEqualTo(AttemptOutcome.DELIVERED);
            assertThat(result.error()).doesNotContain(SECRET).doesNotContain(bareKey);
        });
    }

    @Test
    void namesOutcomesOnTheWireInLowerCase() {
        // given
        AttemptOutcome[] outcomes = AttemptOutcome.values();

        // when
        List<String> names =
                Arrays.stream(outcomes).map(AttemptOutcome::wireName).toList();

        // then
        assertThat(names).containsExactly("delivered", "failed", "refused");
    }

    private record Attempts(List<AttemptOutcome> outcomes, List<Duration> delays) {}

    /** The retry loop a delivery process runs, with the clock moved instead of sleeping. */
    private Attempts deliverWithRetries(DeliveryRequest request, RetrySchedule schedule) {
        List<AttemptOutcome> outcomes = new ArrayList<>();
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            AttemptResult result = sender.send(request);
            outcomes.add(result.outcome());
            if (result.outcome() != AttemptOutcome.FAILED) {
                return new Attempts(outcomes, delays);
            }
            Optional<Duration> delay = schedule.delayAfter(attempt);
            if (delay.isEmpty()) {
                return new Attempts(outcomes, delays);
            }
            delays.add(delay.get());
            clock.advance(delay.get());
        }
    }

    private static boolean verifiedAt(Received received, Instant now) {
        return WebhookSignature.verify(
                SECRET, received.id(), received.timestamp(), received.signature(), received.body(), now, TOLERANCE);
    }

    private static Instant sentAt(Received received) {
        return Instant.ofEpochSecond(Long.parseLong(received.timestamp()));
    }

    private static DeliveryRequest request(URI url, Duration timeout) {
        return new DeliveryRequest(url, MESSAGE_ID, BODY, SECRET, timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
