package dev.chatroom.server.accounts;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * How many accounts an address may create: {@link #PER_ADDRESS_PER_HOUR} an hour. A place is taken
 * when the registration is asked for, before its password is hashed, and given back if it fails;
 * counting only the ones that succeeded would let registrations asked for at once all pass.
 */
public final class RegistrationQuota {
    /** Accounts one address may create per hour: enough for a family behind one router, too few to reserve every name. */
    public static final int PER_ADDRESS_PER_HOUR = 3;

    private static final long HOUR_NANOS = 3_600_000_000_000L;
    private static final int MAX_TRACKED = 10_000;

    /** Per address, the times of its places taken in the last hour, oldest first. */
    private final Map<String, ArrayDeque<Long>> taken = new HashMap<>();

    /** A place for one more account from address; null when it has used up its hour's. Give it back with {@link #release}. */
    public Place take(String address, long nowNanos) {
        if (taken.size() > MAX_TRACKED)
            taken.values().removeIf(q -> q.isEmpty() || nowNanos - q.peekLast() > HOUR_NANOS);
        ArrayDeque<Long> times = taken.computeIfAbsent(address, a -> new ArrayDeque<>());
        while (!times.isEmpty() && nowNanos - times.peekFirst() > HOUR_NANOS) times.removeFirst();
        if (times.size() >= PER_ADDRESS_PER_HOUR) return null;
        times.addLast(nowNanos);
        return new Place(address, nowNanos);
    }

    /** The registration that took place failed: the address may use it again. */
    public void release(Place place) {
        ArrayDeque<Long> times = taken.get(place.address());
        if (times == null) return;
        times.removeFirstOccurrence(place.nanos());
        if (times.isEmpty()) taken.remove(place.address());
    }

    /** One account's place in its address's hour. */
    public record Place(String address, long nanos) {}
}
