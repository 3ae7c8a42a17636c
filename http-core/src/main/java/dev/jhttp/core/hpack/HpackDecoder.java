package dev.jhttp.core.hpack;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes HPACK field blocks (RFC 7541) for one connection direction, keeping the dynamic table between blocks.
 * Decoding is bounded by the header list limit: fields past it are counted, not built, so a small block that names
 * a large table entry thousands of times costs its own length in time and nothing in memory. Bad input never
 * throws; after a {@link HpackResult.Failed} the decoder refuses every further block.
 *
 * {@snippet :
 * HpackDecoder decoder = HpackDecoder.create(4096, 16 * 1024);
 * HpackResult result = decoder.decode(ByteBuffer.wrap(block));   // the block of HEADERS and its CONTINUATIONs
 * }
 */
public final class HpackDecoder {
    private final DynamicTable table;
    private final long maxHeaderListSize;
    private long tableSizeLimit;
    private boolean updateRequired;
    private HpackError failure;
    private byte[] scratch = new byte[256];

    private HpackDecoder(long tableSizeLimit, long maxHeaderListSize) {
        this.table = new DynamicTable(tableSizeLimit);
        this.tableSizeLimit = tableSizeLimit;
        this.maxHeaderListSize = maxHeaderListSize;
    }

    /**
     * A decoder whose peer may use a dynamic table of up to {@code maxTableSize} octets (the SETTINGS_HEADER_TABLE_SIZE
     * this side sends; 4,096 unless it says otherwise) and whose blocks may hold up to {@code maxHeaderListSize}
     * octets of fields (SETTINGS_MAX_HEADER_LIST_SIZE).
     *
     * @throws IllegalArgumentException if a limit is negative or the table limit is above 2^32-1
     */
    public static HpackDecoder create(long maxTableSize, long maxHeaderListSize) {
        if (maxTableSize < 0 || maxTableSize > 0xffff_ffffL || maxHeaderListSize < 0) {
            throw new IllegalArgumentException("invalid limits: " + maxTableSize + ", " + maxHeaderListSize);
        }
        return new HpackDecoder(maxTableSize, maxHeaderListSize);
    }

    /**
     * Changes the table limit this side advertises, once the peer has acknowledged it. A lower limit requires the
     * peer's next block to start with a table size update (RFC 7541 §4.2).
     */
    public void setMaxTableSize(long maxTableSize) {
        if (maxTableSize < 0 || maxTableSize > 0xffff_ffffL) {
            throw new IllegalArgumentException("invalid table size: " + maxTableSize);
        }
        if (maxTableSize < table.maxSize()) {
            updateRequired = true;
        }
        tableSizeLimit = maxTableSize;
    }

    /**
     * Decodes the whole of one field block, from the buffer's position to its limit, and consumes it.
     *
     * @throws IllegalStateException if an earlier block failed
     */
    public HpackResult decode(ByteBuffer block) {
        if (failure != null) {
            throw new IllegalStateException("decoder failed earlier: " + failure);
        }
        byte[] bytes = new byte[block.remaining()];
        block.get(bytes);
        HpackResult result = new Block(bytes).decode();
        if (result instanceof HpackResult.Failed failed) {
            failure = failed.error();
        }
        return result;
    }

    /** The decoding of one block; {@code at} is the next byte. */
    private final class Block {
        private final byte[] bytes;
        private int at;
        private final List<HeaderField> fields = new ArrayList<>();
        private long listSize;
        private HpackError error;

        Block(byte[] bytes) {
            this.bytes = bytes;
        }

        HpackResult decode() {
            boolean fieldSeen = false;
            while (at < bytes.length && error == null) {
                int start = at;
                int first = bytes[at] & 0xff;
                if ((first & 0xe0) == 0x20) {
                    if (fieldSeen) {
                        return fail(HpackViolation.TABLE_SIZE_UPDATE_NOT_FIRST, "after a field", start);
                    }
                    updateTableSize(start);
                    continue;
                }
                if (updateRequired) {
                    return fail(HpackViolation.TABLE_SIZE_UPDATE_MISSING, "limit lowered to " + tableSizeLimit, start);
                }
                fieldSeen = true;
                HeaderField field = readField(first, start);
                if (field != null) {
                    keep(field);
                }
            }
            if (error == null && updateRequired) {
                return fail(HpackViolation.TABLE_SIZE_UPDATE_MISSING, "limit lowered to " + tableSizeLimit, at);
            }
            if (error != null) {
                return new HpackResult.Failed(error);
            }
            return listSize > maxHeaderListSize ? new HpackResult.TooLarge(listSize) : new HpackResult.Decoded(fields);
        }

        private void updateTableSize(int start) {
            long size = readInt(5);
            if (error != null) {
                return;
            }
            // RFC 7541 §6.3: the new size must not exceed the limit this side set.
            if (size > tableSizeLimit) {
                fail(HpackViolation.TABLE_SIZE_ABOVE_LIMIT, size + " > " + tableSizeLimit, start);
                return;
            }
            table.setMaxSize(size);
            updateRequired = false;
        }

        private HeaderField readField(int first, int start) {
            if ((first & 0x80) != 0) {
                return lookup(readInt(7), start);   // RFC 7541 §6.1: indexed
            }
            boolean indexing = (first & 0xc0) == 0x40;   // §6.2.1; else §6.2.2 without indexing, §6.2.3 never indexed
            boolean sensitive = !indexing && (first & 0x10) != 0;
            long nameIndex = readInt(indexing ? 6 : 4);
            String name = nameIndex == 0 ? readString() : nameOf(lookup(nameIndex, start));
            String value = error == null ? readString() : null;
            if (error != null) {
                return null;
            }
            HeaderField field = new HeaderField(name, value, sensitive);
            if (indexing) {
                table.add(field);
            }
            return field;
        }

        private void keep(HeaderField field) {
            listSize += field.size();
            if (listSize <= maxHeaderListSize) {
                fields.add(field);
            } else {
                fields.clear();
            }
        }

        private HeaderField lookup(long index, int start) {
            if (error != null) {
                return null;
            }
            if (index >= 1 && index <= StaticTable.LENGTH) {
                return StaticTable.get((int) index);
            }
            if (index > StaticTable.LENGTH && index <= StaticTable.LENGTH + table.length()) {
                return table.get((int) index - StaticTable.LENGTH);
            }
            fail(HpackViolation.INDEX_OUT_OF_RANGE, "index " + index + " with " + table.length()
                    + " dynamic entries", start);
            return null;
        }

        private static String nameOf(HeaderField field) {
            return field == null ? null : field.name();
        }

        /** A prefix-coded integer (RFC 7541 §5.1), or -1 after recording an error. */
        private long readInt(int prefixBits) {
            int start = at;
            int mask = (1 << prefixBits) - 1;
            long value = bytes[at++] & mask;
            if (value < mask) {
                return value;
            }
            for (int shift = 0; ; shift += 7) {
                if (shift > 28) {
                    fail(HpackViolation.INTEGER_TOO_LARGE, "more than 5 continuation bytes", start);
                    return -1;
                }
                if (at == bytes.length) {
                    fail(HpackViolation.TRUNCATED_BLOCK, "integer", start);
                    return -1;
                }
                int next = bytes[at++] & 0xff;
                value += (long) (next & 0x7f) << shift;
                if (value > Integer.MAX_VALUE) {
                    fail(HpackViolation.INTEGER_TOO_LARGE, "above 2^31-1", start);
                    return -1;
                }
                if ((next & 0x80) == 0) {
                    return value;
                }
            }
        }

        /** A string literal (RFC 7541 §5.2) as Latin-1 text, or null after recording an error. */
        private String readString() {
            int start = at;
            if (at == bytes.length) {
                fail(HpackViolation.TRUNCATED_BLOCK, "string expected", start);
                return null;
            }
            boolean huffman = (bytes[at] & 0x80) != 0;
            long length = readInt(7);
            if (error != null) {
                return null;
            }
            if (length > bytes.length - at) {
                fail(HpackViolation.TRUNCATED_BLOCK, "string of " + length + " bytes", start);
                return null;
            }
            int offset = at;
            at += (int) length;
            if (!huffman) {
                return new String(bytes, offset, (int) length, StandardCharsets.ISO_8859_1);
            }
            int capacity = (int) (length * 8 / 5 + 1);
            if (scratch.length < capacity) {
                scratch = new byte[Math.max(capacity, scratch.length * 2)];
            }
            int decoded = Huffman.decode(bytes, offset, (int) length, scratch);
            if (decoded == Huffman.EOS_DECODED) {
                fail(HpackViolation.HUFFMAN_EOS, "string of " + length + " bytes", start);
                return null;
            }
            if (decoded == Huffman.BAD_PADDING) {
                fail(HpackViolation.HUFFMAN_PADDING, "string of " + length + " bytes", start);
                return null;
            }
            return new String(scratch, 0, decoded, StandardCharsets.ISO_8859_1);
        }

        private HpackResult fail(HpackViolation violation, String detail, int offset) {
            if (error == null) {
                error = new HpackError(violation, detail, offset);
            }
            return new HpackResult.Failed(error);
        }
    }
}
