package dev.jhttp.core.hpack;

/**
 * The dynamic table of RFC 7541 §2.3.2 and §4: newest entry first, bounded by a size in octets, oldest entries
 * evicted to make room. A ring buffer, so adding and evicting never move entries.
 */
final class DynamicTable {
    private HeaderField[] ring = new HeaderField[16];
    /** Where the newest entry is. */
    private int head;
    private int length;
    private long size;
    private long maxSize;

    DynamicTable(long maxSize) {
        this.maxSize = maxSize;
    }

    int length() {
        return length;
    }

    long maxSize() {
        return maxSize;
    }

    /** The entry at {@code index}, 1 being the newest. */
    HeaderField get(int index) {
        return ring[(head + index - 1) % ring.length];
    }

    /**
     * Adds a field as the newest entry, evicting as needed; a field larger than the whole table empties it and is
     * not added (RFC 7541 §4.4).
     */
    void add(HeaderField field) {
        long fieldSize = field.size();
        if (fieldSize > maxSize) {
            clear();
            return;
        }
        evictUntil(maxSize - fieldSize);
        if (length == ring.length) {
            grow();
        }
        head = (head - 1 + ring.length) % ring.length;
        ring[head] = field;
        length++;
        size += fieldSize;
    }

    /** Changes the bound, evicting entries that no longer fit (RFC 7541 §4.3). */
    void setMaxSize(long newMaxSize) {
        maxSize = newMaxSize;
        evictUntil(newMaxSize);
    }

    /** The index of an entry with this name and value, or 0. */
    int indexOf(String name, String value) {
        for (int i = 1; i <= length; i++) {
            HeaderField entry = get(i);
            if (entry.name().equals(name) && entry.value().equals(value)) {
                return i;
            }
        }
        return 0;
    }

    /** The index of an entry with this name, or 0. */
    int indexOfName(String name) {
        for (int i = 1; i <= length; i++) {
            if (get(i).name().equals(name)) {
                return i;
            }
        }
        return 0;
    }

    private void evictUntil(long bound) {
        while (size > bound) {
            int oldest = (head + length - 1) % ring.length;
            size -= ring[oldest].size();
            ring[oldest] = null;
            length--;
        }
    }

    private void clear() {
        evictUntil(0);
    }

    private void grow() {
        HeaderField[] bigger = new HeaderField[ring.length * 2];
        for (int i = 0; i < length; i++) {
            bigger[i] = ring[(head + i) % ring.length];
        }
        ring = bigger;
        head = 0;
    }
}
