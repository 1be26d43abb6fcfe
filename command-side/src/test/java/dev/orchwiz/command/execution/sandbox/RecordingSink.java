package dev.orchwiz.command.execution.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Keeps everything a run sends, and notices if two calls ever overlap. */
final class RecordingSink implements OutputSink {

    record Chunk(OutputStream stream, int sequence, String text) {}

    private final List<Chunk> chunks = new CopyOnWriteArrayList<>();
    private final List<Long> truncations = new CopyOnWriteArrayList<>();
    private final AtomicInteger callsInProgress = new AtomicInteger();
    private final AtomicBoolean overlapped = new AtomicBoolean();

    @Override
    public void chunk(OutputStream stream, int sequence, String text) {
        enter();
        chunks.add(new Chunk(stream, sequence, text));
        leave();
    }

    @Override
    public void truncated(long keptBytes) {
        enter();
        truncations.add(keptBytes);
        leave();
    }

    List<Chunk> chunks() {
        return List.copyOf(chunks);
    }

    List<Integer> sequences() {
        return chunks.stream().map(Chunk::sequence).collect(Collectors.toList());
    }

    List<String> texts() {
        return chunks.stream().map(Chunk::text).collect(Collectors.toList());
    }

    String text(OutputStream stream) {
        return chunks.stream()
                .filter(chunk -> chunk.stream() == stream)
                .map(Chunk::text)
                .collect(Collectors.joining());
    }

    long keptBytes() {
        return chunks.stream()
                .mapToLong(chunk -> chunk.text().getBytes(StandardCharsets.UTF_8).length)
                .sum();
    }

    List<Long> truncations() {
        return List.copyOf(truncations);
    }

    boolean overlapped() {
        return overlapped.get();
    }

    private void enter() {
        if (callsInProgress.incrementAndGet() > 1) {
            overlapped.set(true);
        }
        // Widen the window a little, so that overlapping calls would actually be caught.
        Thread.yield();
    }

    private void leave() {
        callsInProgress.decrementAndGet();
    }
}
