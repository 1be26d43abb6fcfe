package dev.orchwiz.command.configuration;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * An Axon aggregate cache that holds its most recently used entries strongly, up to a fixed count. Axon's
 * {@code WeakReferenceCache} lost almost every entry to the next young collection under load, so most commands re-read
 * their aggregate's events; this one keeps the working set and caps the memory it takes.
 *
 * <p>Safe with several nodes on one database for the same reason the weak cache was: a stale entry makes the append
 * collide on the (aggregate, sequence) key, Axon evicts it and the gateway's retry reloads it from the store.
 */
public final class BoundedAggregateCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    public BoundedAggregateCache(long maximumSize) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("An aggregate cache holds at least one entry, not " + maximumSize);
        }
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                // Runs on the thread that evicted, so listeners see the eviction before the caller goes on.
                .executor(Runnable::run)
                .removalListener((Object key, Object value, RemovalCause cause) -> {
                    if (key != null && cause.wasEvicted()) {
                        listeners.forEach(listener -> listener.onEntryExpired(key));
                    }
                })
                .build()
                .asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.get(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Object previous = entries.put(key, value);
        notifyWritten(key, value, previous == null);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = entries.putIfAbsent(key, value) == null;
        if (added) {
            notifyWritten(key, value, true);
        }
        return added;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, absent -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (present, value) -> update.apply((V) value));
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** How many entries it holds now (evictions may lag a write by a moment). */
    public long size() {
        return entries.size();
    }

    private void notifyWritten(Object key, Object value, boolean created) {
        for (EntryListener listener : listeners) {
            if (created) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        }
    }
}
