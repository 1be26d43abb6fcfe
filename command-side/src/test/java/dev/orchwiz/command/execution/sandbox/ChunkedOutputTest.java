package dev.orchwiz.command.execution.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkedOutputTest {

    private static final Duration LONG_INTERVAL = Duration.ofMinutes(1);

    private final RecordingSink sink = new RecordingSink();

    @Test
    void keepsCharactersWholeWhenTheirBytesArriveOneAtATime() {
        // given
        ChunkedOutput output = new ChunkedOutput(sink, 1024, 4, LONG_INTERVAL);
        String text = "aé😀€b".repeat(20);

        // when
        for (byte single : text.getBytes(UTF_8)) {
            output.accept(OutputStream.STDOUT, new byte[] {single}, 1);
        }
        output.finish();

        // then
        assertThat(sink.text(OutputStream.STDOUT)).isEqualTo(text);
        assertThat(sink.texts())
                .allSatisfy(chunk -> assertThat(chunk.getBytes(UTF_8).length).isBetween(1, 4))
                .noneMatch(chunk -> chunk.contains("\uFFFD"));
    }

    @Test
    void sendsAnIncompleteCharacterLeftAtTheEndAsReplacement() {
        // given
        ChunkedOutput output = new ChunkedOutput(sink, 1024, 16, LONG_INTERVAL);

        // when
        output.accept(OutputStream.STDERR, new byte[] {'x', (byte) 0xC3}, 2);
        output.finish();

        // then
        assertThat(sink.text(OutputStream.STDERR)).isEqualTo("x\uFFFD");
    }

    @Test
    void dropsACharacterCutByTheCapSoKeptTextStaysWithinIt() {
        // given
        ChunkedOutput output = new ChunkedOutput(sink, 6, 16, LONG_INTERVAL);
        byte[] bytes = "abcd😀efg".getBytes(UTF_8);

        // when
        output.accept(OutputStream.STDOUT, bytes, bytes.length);
        output.accept(OutputStream.STDERR, bytes, bytes.length);
        output.finish();

        // then
        assertThat(sink.texts()).containsExactly("abcd");
        assertThat(sink.truncations()).containsExactly(4L);
        assertThat(output.truncated()).isTrue();
        assertThat(output.producedBytes(OutputStream.STDOUT)).isEqualTo(bytes.length);
        assertThat(output.producedBytes(OutputStream.STDERR)).isEqualTo(bytes.length);
    }

    @Test
    void reportsTruncationOnlyWhenTheCapIsExceededNotWhenReached() {
        // given
        ChunkedOutput output = new ChunkedOutput(sink, 4, 16, LONG_INTERVAL);

        // when
        output.accept(OutputStream.STDOUT, "abcd".getBytes(UTF_8), 4);
        output.finish();

        // then
        assertThat(sink.texts()).containsExactly("abcd");
        assertThat(sink.truncations()).isEmpty();
        assertThat(output.truncated()).isFalse();
    }

    @Test
    void sendsEverythingKeptBeforeSayingItTruncated() {
        // given
        ChunkedOutput output = new ChunkedOutput(sink, 10, 64, LONG_INTERVAL);

        // when
        output.accept(OutputStream.STDOUT, "12345".getBytes(UTF_8), 5);
        output.accept(OutputStream.STDERR, "abcdefgh".getBytes(UTF_8), 8);
        output.accept(OutputStream.STDOUT, "more".getBytes(UTF_8), 4);

        // then
        assertThat(sink.chunks())
                .containsExactly(
                        new RecordingSink.Chunk(OutputStream.STDOUT, 0, "12345"),
                        new RecordingSink.Chunk(OutputStream.STDERR, 1, "abcde"));
        assertThat(sink.truncations()).containsExactly(10L);
    }

    @Test
    void numbersChunksOfBothStreamsInOneSequence() {
        // given
        ChunkedOutput output = new ChunkedOutput(sink, 1024, 4, LONG_INTERVAL);

        // when
        IntStream.range(0, 10).forEach(round -> {
            output.accept(OutputStream.STDOUT, "oooo".getBytes(UTF_8), 4);
            output.accept(OutputStream.STDERR, "eeeeee".getBytes(UTF_8), 6);
        });
        output.finish();

        // then
        List<Integer> expected =
                IntStream.range(0, sink.chunks().size()).boxed().collect(Collectors.toList());
        assertThat(sink.sequences()).isEqualTo(expected);
        assertThat(sink.text(OutputStream.STDOUT)).isEqualTo("oooo".repeat(10));
        assertThat(sink.text(OutputStream.STDERR)).isEqualTo("eeeeee".repeat(10));
    }

    @Test
    void stopsCallingASinkThatThrewAndReportsIt() {
        // given
        RuntimeException failure = new IllegalStateException("store is down");
        ChunkedOutput output = new ChunkedOutput(
                new OutputSink() {
                    @Override
                    public void chunk(OutputStream stream, int sequence, String text) {
                        sink.chunk(stream, sequence, text);
                        throw failure;
                    }

                    @Override
                    public void truncated(long keptBytes) {
                        sink.truncated(keptBytes);
                    }
                },
                1024,
                4,
                LONG_INTERVAL);

        // when
        output.accept(OutputStream.STDOUT, "abcdefgh".getBytes(UTF_8), 8);
        output.finish();

        // then
        assertThat(sink.texts()).containsExactly("abcd");
        assertThat(output.sinkFailure()).containsSame(failure);
    }

    @Test
    void forwardsNothingOnceFinished() {
        // given
        ChunkedOutput output = new ChunkedOutput(sink, 1024, 4, LONG_INTERVAL);
        output.finish();

        // when
        output.accept(OutputStream.STDOUT, "late".getBytes(UTF_8), 4);

        // then
        assertThat(sink.chunks()).isEmpty();
    }
}
