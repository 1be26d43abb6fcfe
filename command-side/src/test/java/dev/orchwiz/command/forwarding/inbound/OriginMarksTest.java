package dev.orchwiz.command.forwarding.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class OriginMarksTest {

    private static ForwardedEvent at(long seq) {
        return new ForwardedEvent(
                "e" + seq,
                seq,
                "SessionStarted",
                "Session",
                "s",
                Instant.parse("2026-12-07T00:00:00Z"),
                JsonNodeFactory.instance.objectNode());
    }

    private static List<List<Long>> ranges(ForwardedBatch.Contents batch) {
        return OriginMarks.covered(batch).stream()
                .map(range -> Arrays.stream(range).boxed().toList())
                .toList();
    }

    @Test
    void aBatchThatDeclaresItsRangeCoversItInOneRangeHoweverManyEventsItCarries() {
        List<ForwardedEvent> events =
                LongStream.of(10, 11, 14, 20).mapToObj(OriginMarksTest::at).toList();

        assertThat(ranges(new ForwardedBatch.Contents(events, 10L, 25L))).containsExactly(List.of(10L, 25L));
        assertThat(ranges(new ForwardedBatch.Contents(List.of(), 30L, 40L))).containsExactly(List.of(30L, 40L));
    }

    @Test
    void withoutADeclaredRangeNeighbouringPositionsJoinAndGapsStayOpen() {
        List<ForwardedEvent> events = LongStream.of(7, 5, 6, 9, 9, 12, 13, 11)
                .mapToObj(OriginMarksTest::at)
                .toList();

        assertThat(ranges(new ForwardedBatch.Contents(events, null, null)))
                .containsExactly(List.of(5L, 7L), List.of(9L, 9L), List.of(11L, 13L));
    }
}
