package dev.jhttp.server.text;

/**
 * Text inside JSON strings, escaped so that the output is plain ASCII and no value can break out of its quotes: for
 * handlers that write small JSON bodies without a JSON library, as the server's own listings, logs and error pages do.
 *
 * {@snippet :
 * String body = "{\"name\":\"" + JsonText.escape(name) + "\"}";
 * }
 */
public final class JsonText {
    private JsonText() {
    }

    /**
     * Escapes quotes, backslashes, control characters and everything outside printable ASCII (as a backslash, a
     * {@code u} and four hex digits).
     *
     * @return {@code text} itself when nothing needs escaping
     */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
            if (plain && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (plain) {
                out.append(c);
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append("\\u").append(String.format(java.util.Locale.ROOT, "%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }
}
