package dev.jhttp.server.text;

/**
 * Text inside HTML, escaped so that no value can open a tag or leave an attribute's quotes: for the server's own
 * pages (listings, error pages) and handlers that build small pages by hand.
 *
 * {@snippet :
 * String row = "<td title=\"" + HtmlText.escape(name) + "\">" + HtmlText.escape(name) + "</td>";
 * }
 */
public final class HtmlText {
    private HtmlText() {
    }

    /** Escapes {@code < > & " '}, which is enough in element content and in quoted attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
