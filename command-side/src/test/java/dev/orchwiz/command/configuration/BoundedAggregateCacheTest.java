package dev.orchwiz.command.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    @Test
    void keepsWhatItHoldsStronglyUntilRemoved() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        Object aggregate = new Object();
        cache.put("a", aggregate);
        // A weak cache may lose this to any collection; a bounded one must not.
        System.gc();
        assertThat((Object) cache.get("a")).isSameAs(aggregate);
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.remove("a")).isTrue();
        assertThat((Object) cache.get("a")).isNull();
        assertThat(cache.remove("a")).isFalse();
    }

    @Test
    void neverHoldsMoreThanItsBound() {
        BoundedAggregateCache cache = new BoundedAggregateCache(100);
        for (int i = 0; i < 10_000; i++) {
            cache.put("aggregate-" + i, new Object());
        }
        assertThat(cache.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void putIfAbsentAndComputeKeepTheFirstValue() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        assertThat(cache.putIfAbsent("a", "first")).isTrue();
        assertThat(cache.putIfAbsent("a", "second")).isFalse();
        assertThat((String) cache.computeIfAbsent("a", () -> "third")).isEqualTo("first");
        cache.<String>computeIfPresent("a", value -> value + "!");
        assertThat((String) cache.get("a")).isEqualTo("first!");
        cache.removeAll();
        assertThat(cache.containsKey("a")).isFalse();
    }

    @Test
    void tellsListenersAboutWritesRemovalsAndEvictions() {
        BoundedAggregateCache cache = new BoundedAggregateCache(1);
        List<String> seen = new ArrayList<>();
        var registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                seen.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                seen.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                seen.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                seen.add("expired " + key);
            }
        });
        cache.put("a", 1);
        cache.put("a", 2);
        cache.remove("a");
        for (int i = 0; i < 50; i++) {
            cache.put("k" + i, i);
        }
        assertThat(seen).startsWith("created a", "updated a", "removed a").anyMatch(e -> e.startsWith("expired k"));
        registration.cancel();
        seen.clear();
        cache.put("b", 1);
        assertThat(seen).isEmpty();
    }

    @Test
    void refusesABoundThatHoldsNothing() {
        assertThatThrownBy(() -> new BoundedAggregateCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
