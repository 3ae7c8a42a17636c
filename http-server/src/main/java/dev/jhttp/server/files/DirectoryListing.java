package dev.jhttp.server.files;

import dev.jhttp.core.headers.PercentEncoding;
import dev.jhttp.server.text.HtmlText;
import dev.jhttp.server.text.JsonText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A directory's entries as HTML, JSON or plain text: folders first, sorted by name, size or time, names escaped for
 * each format. The HTML page has a small inline stylesheet and needs no JavaScript.
 *
 * {@snippet :
 * DirectoryListing listing = DirectoryListing.read(dir, resolver::isListable, "name");
 * String html = listing.html("/docs/");
 * }
 */
final class DirectoryListing {
    /** One entry of a directory. */
    record Entry(String name, boolean directory, long size, Instant modified) {
    }

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String STYLE = """
            body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d232b;background:#f7f8fa}
            main{max-width:60rem;margin:2rem auto;padding:0 1rem}
            h1{font-size:1.3rem;font-weight:600;word-break:break-all}
            table{width:100%;border-collapse:collapse;background:#fff;border-radius:8px;overflow:hidden;
            box-shadow:0 1px 3px rgba(0,0,0,.08)}
            th,td{padding:.45rem .8rem;text-align:left;border-bottom:1px solid #eef0f3}
            th a{color:#5b6570;text-decoration:none;font-weight:600}
            .n{text-align:right;white-space:nowrap}td.n{font-variant-numeric:tabular-nums;color:#5b6570}
            td a{color:#0b5cad;text-decoration:none;word-break:break-all}td a:hover{text-decoration:underline}
            tr:hover td{background:#f3f7fc}footer{color:#8a939c;font-size:.8rem;margin-top:1rem}
            @media (prefers-color-scheme:dark){body{background:#15181c;color:#e6e8ea}table{background:#1d2126}
            th,td{border-color:#2a3036}td a{color:#7cb7ff}tr:hover td{background:#232a31}}
            @media (max-width:40rem){td.t,th.t{display:none}}
            """;

    private final List<Entry> entries;

    private DirectoryListing(List<Entry> entries) {
        this.entries = entries;
    }

    /** Reads {@code directory}, keeping the entries {@code listable} accepts, sorted by {@code sort}. */
    static DirectoryListing read(Path directory, java.util.function.Predicate<Path> listable, String sort)
            throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                if (!listable.test(child)) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class);
                    boolean isDirectory = attributes.isDirectory();
                    entries.add(new Entry(child.getFileName().toString(), isDirectory,
                            isDirectory ? 0 : attributes.size(), attributes.lastModifiedTime().toInstant()));
                } catch (IOException vanished) {
                    // removed while listing, or unreadable: leave it out
                }
            }
        }
        Comparator<Entry> order = switch (sort) {
            case "size" -> Comparator.comparingLong(Entry::size).reversed();
            case "time" -> Comparator.comparing(Entry::modified).reversed();
            default -> Comparator.comparing(Entry::name, String.CASE_INSENSITIVE_ORDER);
        };
        entries.sort(Comparator.comparing((Entry e) -> !e.directory()).thenComparing(order)
                .thenComparing(Entry::name));
        return new DirectoryListing(List.copyOf(entries));
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * The listing as a page; {@code path} is the decoded directory path, shown as the title. With {@code uploads}
     * (null for none) the page has the upload forms, and delete buttons if deleting is allowed.
     */
    String html(String path, Uploads uploads) {
        String title = "Index of " + HtmlText.escape(path);
        boolean deletes = uploads != null && uploads.delete();
        StringBuilder page = new StringBuilder(1024 + entries.size() * (deletes ? 400 : 160));
        page.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                // An empty icon, so browsers do not ask the folder for a favicon.ico it probably lacks.
                .append("<link rel=\"icon\" href=\"data:,\">")
                .append("<title>").append(title).append("</title><style>").append(STYLE)
                .append(uploads != null ? UploadForm.STYLE : "").append("</style></head>\n")
                .append("<body><main><h1>").append(title).append("</h1>\n")
                .append(uploads != null ? UploadForm.forms() : "").append("<table>\n<thead><tr>")
                .append("<th><a href=\"?sort=name\">Name</a></th><th class=\"n\"><a href=\"?sort=size\">Size</a></th>")
                .append("<th class=\"t n\"><a href=\"?sort=time\">Modified</a></th>")
                .append(deletes ? "<th></th>" : "").append("</tr></thead>\n<tbody>\n");
        String emptyCell = deletes ? "<td></td>" : "";
        if (!path.equals("/")) {
            page.append("<tr><td><a href=\"../\">../</a></td><td class=\"n\"></td><td class=\"t\"></td>")
                    .append(emptyCell).append("</tr>\n");
        }
        for (Entry entry : entries) {
            String href = PercentEncoding.encodePathSegment(entry.name()) + (entry.directory() ? "/" : "");
            page.append("<tr><td><a href=\"").append(href).append("\">").append(HtmlText.escape(entry.name()))
                    .append(entry.directory() ? "/" : "").append("</a></td><td class=\"n\">")
                    .append(entry.directory() ? "—" : humanSize(entry.size())).append("</td><td class=\"t n\">")
                    .append(TIME.format(entry.modified())).append("</td>")
                    .append(deletes ? "<td>" + UploadForm.deleteButton(entry.name()) + "</td>" : "").append("</tr>\n");
        }
        return page.append("</tbody>\n</table>\n<footer>").append(entries.size())
                .append(entries.size() == 1 ? " entry" : " entries").append(" · served by jhttp</footer>")
                .append("</main>").append(uploads != null ? UploadForm.script() : "").append("</body></html>\n")
                .toString();
    }

    String json() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("{\"name\":\"").append(JsonText.escape(entry.name()))
                    .append("\",\"type\":\"").append(entry.directory() ? "directory" : "file")
                    .append("\",\"size\":").append(entry.size()).append(",\"modified\":\"")
                    .append(entry.modified()).append("\"}");
        }
        return out.append("\n]\n").toString();
    }

    String plainText() {
        StringBuilder out = new StringBuilder();
        for (Entry entry : entries) {
            out.append(entry.name()).append(entry.directory() ? "/" : "").append('\n');
        }
        return out.toString();
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}
