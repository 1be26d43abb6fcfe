package dev.orchwiz.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-24T10:00:00.000Z",
                "2026-11-24T10:00:00.123Z",
                "1970-01-01T00:00:00.000Z",
                "1969-12-31T23:59:59.999Z",
                "0000-01-01T00:00:00.000Z",
                "0001-03-01T00:00:00.000Z",
                "9999-12-31T23:59:59.999Z",
                "2000-02-29T12:00:00.000Z",
                "2024-02-29T23:59:59.000Z",
                "2100-03-01T00:00:00.000Z",
                "2026-11-24T10:00:00Z",
                "2026-11-24T10:00:00.1Z",
                "2026-11-24T10:00:00.12Z",
                "2026-11-24T10:00:00.1234Z",
                "2026-11-24T10:00:00.123456Z",
                "2026-11-24T10:00:00.123456789Z"
            })
    void readsAxonsUtcTextByHandAsAxonReadsIt(String text) {
        // when
        Instant fast = EventTime.parseUtc(text);

        // then
        assertThat(fast).isNotNull().isEqualTo(DateTimeUtils.parseInstant(text));
        assertThat(EventTime.parse(text)).isEqualTo(fast);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-24T11:00:00.000+01:00",
                "2026-11-24T10:00:00.000+00:00",
                "2026-11-24t10:00:00.000z",
                "2026-11-24T10:00Z",
                "2026-11-24T09:59:59.9-00:00",
                "+12026-11-24T10:00:00.000Z",
                "2026-11-24T10:00:00.Z"
            })
    void leavesEveryOtherValidShapeToAxonsParser(String text) {
        // when
        Instant fast = EventTime.parseUtc(text);

        // then
        assertThat(fast).isNull();
        assertThat(EventTime.parse(text)).isEqualTo(DateTimeUtils.parseInstant(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Z",
                "2026-11-24",
                "2026-13-24T10:00:00.000Z",
                "2026-00-24T10:00:00.000Z",
                "2026-11-31T10:00:00.000Z",
                "2026-02-29T10:00:00.000Z",
                "1900-02-29T10:00:00.000Z",
                "2026-11-00T10:00:00.000Z",
                "2026-11-24T24:00:00.000Z",
                "2026-11-24T10:60:00.000Z",
                "2016-12-31T23:59:60.000Z",
                "2026-11-24 10:00:00.000Z",
                "2026/11/24T10:00:00.000Z",
                "2026-11-24T10:00:00,000Z",
                "2026-11-24T10:00:00.1234567890Z",
                "2026-1a-24T10:00:00.000Z",
                "2026-11-24T10:00:00.00aZ",
                "2026-11-24T10:00:00.000"
            })
    void refusesMalformedTextAsAxonDoes(String text) {
        // when
        Instant fast = EventTime.parseUtc(text);

        // then the hand-written path declines, and the answer is Axon's refusal
        assertThat(fast).isNull();
        assertThatThrownBy(() -> DateTimeUtils.parseInstant(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> EventTime.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void readsBackWhatAxonWritesForManyInstants() {
        // given instants spread over four centuries, with millisecond precision as the engine writes them
        SplittableRandom random = new SplittableRandom(13);
        long from = Instant.parse("1800-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2300-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(from, to));
            String stored = DateTimeUtils.formatInstant(instant);

            // when
            Instant read = EventTime.parseUtc(stored);

            // then
            assertThat(read).as(stored).isEqualTo(instant);
        }
    }

    @Test
    void countsDaysFromTheEpochAsLocalDateDoes() {
        for (LocalDate day = LocalDate.of(0, 1, 1); day.getYear() < 2401; day = day.plusDays(1)) {
            assertThat(EventTime.epochDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth()))
                    .as(day.toString())
                    .isEqualTo(day.toEpochDay());
        }
    }
}
