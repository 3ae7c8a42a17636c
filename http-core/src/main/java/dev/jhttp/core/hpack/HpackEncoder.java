package dev.jhttp.core.hpack;

import java.util.Arrays;

/**
 * Encodes field lists into HPACK field blocks (RFC 7541) for one connection direction, keeping the dynamic table
 * between blocks. Fields found in a table are sent as an index; others as literals, added to the dynamic table
 * unless sensitive or too large to be worth it; strings are Huffman-coded when that is shorter.
 *
 * {@snippet :
 * HpackEncoder encoder = HpackEncoder.create(4096);
 * byte[] block = encoder.encode(List.of(HeaderField.of(":status", "200"), HeaderField.of("content-length", "5")));
 * encoder.setMaxTableSize(peerSettings.headerTableSize());   // when the peer's SETTINGS change
 * }
 */
public final class HpackEncoder {
    private final long ownLimit;
    private final DynamicTable table;
    /** The smallest table size chosen since the last block, or -1: sent first when the size changed (§4.2). */
    private long smallestPendingSize = -1;
    private byte[] out = new byte[256];
    private int length;

    private HpackEncoder(long ownLimit) {
        this.ownLimit = ownLimit;
        this.table = new DynamicTable(Math.min(ownLimit, 4096));
        if (ownLimit < 4096) {
            smallestPendingSize = ownLimit;   // the peer's decoder starts at 4,096 (RFC 9113 §6.5.2)
        }
    }

    /**
     * An encoder that uses at most {@code maxTableSize} octets of dynamic table, and never more than the peer allows
     * (4,096 until its SETTINGS_HEADER_TABLE_SIZE says otherwise).
     *
     * @throws IllegalArgumentException if {@code maxTableSize} is negative
     */
    public static HpackEncoder create(long maxTableSize) {
        if (maxTableSize < 0) {
            throw new IllegalArgumentException("negative table size: " + maxTableSize);
        }
        return new HpackEncoder(maxTableSize);
    }

    /** Applies the peer's SETTINGS_HEADER_TABLE_SIZE; the next block starts with the table size update it needs. */
    public void setMaxTableSize(long peerLimit) {
        if (peerLimit < 0) {
            throw new IllegalArgumentException("negative table size: " + peerLimit);
        }
        long size = Math.min(ownLimit, peerLimit);
        if (size == table.maxSize() && smallestPendingSize < 0) {
            return;
        }
        smallestPendingSize = smallestPendingSize < 0 ? size : Math.min(smallestPendingSize, size);
        table.setMaxSize(size);
    }

    /** The field block for {@code fields}, in order. */
    public byte[] encode(Iterable<HeaderField> fields) {
        length = 0;
        if (smallestPendingSize >= 0) {
            // RFC 7541 §4.2: signal the smallest size since the last block, then the current one if larger.
            writeInt(0x20, 5, smallestPendingSize);
            if (smallestPendingSize != table.maxSize()) {
                writeInt(0x20, 5, table.maxSize());
            }
            smallestPendingSize = -1;
        }
        for (HeaderField field : fields) {
            encode(field);
        }
        return Arrays.copyOf(out, length);
    }

    private void encode(HeaderField field) {
        String name = field.name();
        String value = field.value();
        if (field.sensitive()) {
            writeLiteral(0x10, 4, nameIndex(name), field);   // RFC 7541 §6.2.3: never indexed
            return;
        }
        int index = StaticTable.indexOf(name, value);
        if (index == 0) {
            int dynamic = table.indexOf(name, value);
            index = dynamic == 0 ? 0 : StaticTable.LENGTH + dynamic;
        }
        if (index != 0) {
            writeInt(0x80, 7, index);   // §6.1
            return;
        }
        // An entry bigger than a quarter of the table would evict most of what is worth keeping.
        if (field.size() <= table.maxSize() / 4) {
            writeLiteral(0x40, 6, nameIndex(name), field);   // §6.2.1, with incremental indexing
            table.add(field);
        } else {
            writeLiteral(0x00, 4, nameIndex(name), field);   // §6.2.2, without indexing
        }
    }

    private int nameIndex(String name) {
        int index = StaticTable.indexOfName(name);
        if (index == 0) {
            int dynamic = table.indexOfName(name);
            index = dynamic == 0 ? 0 : StaticTable.LENGTH + dynamic;
        }
        return index;
    }

    private void writeLiteral(int pattern, int prefixBits, int nameIndex, HeaderField field) {
        writeInt(pattern, prefixBits, nameIndex);
        if (nameIndex == 0) {
            writeString(field.name());
        }
        writeString(field.value());
    }

    private void writeString(String text) {
        int huffmanLength = Huffman.encodedLength(text);
        if (huffmanLength < text.length()) {
            writeInt(0x80, 7, huffmanLength);
            ensure(huffmanLength);
            length = Huffman.encode(text, out, length);
        } else {
            writeInt(0x00, 7, text.length());
            ensure(text.length());
            for (int i = 0; i < text.length(); i++) {
                out[length++] = (byte) text.charAt(i);
            }
        }
    }

    /** A prefix-coded integer (RFC 7541 §5.1) in the low {@code prefixBits} of a byte starting with {@code pattern}. */
    private void writeInt(int pattern, int prefixBits, long value) {
        ensure(6);
        int mask = (1 << prefixBits) - 1;
        if (value < mask) {
            out[length++] = (byte) (pattern | value);
            return;
        }
        out[length++] = (byte) (pattern | mask);
        long rest = value - mask;
        while (rest >= 0x80) {
            out[length++] = (byte) ((rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        out[length++] = (byte) rest;
    }

    private void ensure(int more) {
        if (length + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
        }
    }
}
