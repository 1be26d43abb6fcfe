package dev.orchwiz.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.junit.jupiter.api.Test;

class ReplayCorrelationTest {

    private final ReplayCorrelation correlation = new ReplayCorrelation();
    private final MessageOriginProvider origin = new MessageOriginProvider();

    private static GenericTrackedEventMessage<String> tracked(TrackingToken token) {
        return new GenericTrackedEventMessage<>(
                token,
                GenericEventMessage.<String>asEventMessage("an event").withMetaData(MetaData.with("traceId", "root")));
    }

    @Test
    void aReplayedEventCarriesNoCorrelationData() {
        // given
        TrackingToken replaying = ReplayToken.createReplayToken(
                new GlobalSequenceTrackingToken(100), new GlobalSequenceTrackingToken(10));

        // when
        Map<String, ?> data = correlation.correlationDataFor(tracked(replaying));

        // then
        assertThat(data).isEmpty();
    }

    @Test
    void aLiveEventCarriesItsOriginAsAxonsProviderGivesIt() {
        // given
        GenericTrackedEventMessage<String> live = tracked(new GlobalSequenceTrackingToken(11));

        // when
        Map<String, Object> data = Map.copyOf(correlation.correlationDataFor(live));

        // then
        assertThat(data)
                .isEqualTo(origin.correlationDataFor(live))
                .containsEntry("correlationId", live.getIdentifier())
                .containsEntry("traceId", "root");
    }

    @Test
    void anEventPastTheReplaysEndIsLiveAgain() {
        // given a replay token whose position has reached where the reset began
        ReplayToken replaying = (ReplayToken)
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), new GlobalSequenceTrackingToken(5));
        TrackingToken replayed = replaying.advancedTo(new GlobalSequenceTrackingToken(11));
        GenericTrackedEventMessage<String> event = tracked(replayed);

        // when
        Map<String, Object> data = Map.copyOf(correlation.correlationDataFor(event));

        // then
        assertThat(data).containsEntry("correlationId", event.getIdentifier());
    }

    @Test
    void aCommandCarriesItsOrigin() {
        // given
        var command = GenericCommandMessage.asCommandMessage("a command");

        // when
        Map<String, ?> data = correlation.correlationDataFor(command);

        // then
        assertThat(data).isEqualTo(origin.correlationDataFor(command)).containsKey("traceId");
    }
}
