package dev.jhttp.core.hpack;

/**
 * Every rule the HPACK decoder enforces, with the RFC 7541 section it comes from. In HTTP/2 each is a connection
 * error of type COMPRESSION_ERROR (RFC 9113 §4.3), as the decoder's table can no longer be trusted.
 *
 * {@snippet :
 * HpackViolation v = HpackViolation.INDEX_OUT_OF_RANGE;
 * String rule = v.rfc();            // "RFC 7541 §2.3.3"
 * String text = v.description();    // "index out of range"
 * }
 */
public enum HpackViolation {
    /** An index of 0, or one beyond the static and dynamic tables together. */
    INDEX_OUT_OF_RANGE("RFC 7541 §2.3.3", "index out of range"),
    /** An integer with more continuation bytes than any value below 2^31 needs. */
    INTEGER_TOO_LARGE("RFC 7541 §5.1", "integer too large"),
    /** The block ends inside a representation, or a string is longer than what is left of the block. */
    TRUNCATED_BLOCK("RFC 7541 §5", "field block ends inside a representation"),
    /** A Huffman-coded string containing the EOS symbol. */
    HUFFMAN_EOS("RFC 7541 §5.2", "Huffman string contains EOS"),
    /** Huffman padding longer than 7 bits, or not the most significant bits of EOS. */
    HUFFMAN_PADDING("RFC 7541 §5.2", "invalid Huffman padding"),
    /** A dynamic table size update above the limit the decoder's side set (SETTINGS_HEADER_TABLE_SIZE). */
    TABLE_SIZE_ABOVE_LIMIT("RFC 7541 §6.3", "dynamic table size update above the limit"),
    /** A dynamic table size update after the first field representation of a block. */
    TABLE_SIZE_UPDATE_NOT_FIRST("RFC 7541 §4.2", "dynamic table size update after a field"),
    /** No dynamic table size update at the start of the first block after the limit was lowered. */
    TABLE_SIZE_UPDATE_MISSING("RFC 7541 §4.2", "expected dynamic table size update");

    private final String rfc;
    private final String description;

    HpackViolation(String rfc, String description) {
        this.rfc = rfc;
        this.description = description;
    }

    /** The RFC section that states the rule, such as {@code RFC 7541 §5.2}. */
    public String rfc() {
        return rfc;
    }

    /** A short, fixed description. */
    public String description() {
        return description;
    }
}
