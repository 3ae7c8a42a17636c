package dev.jhttp.server.files;

import dev.jhttp.core.Body;
import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.headers.QualityList;
import dev.jhttp.server.text.JsonText;

import java.util.List;

/**
 * The answers to writes that worked, in the form the client asked for: a browser that posted a page's form (it
 * prefers HTML) is sent back to the folder's listing (303, RFC 9110 §15.4.4, so reloading does not post again); a
 * script asking for JSON gets what was written as JSON; anything else (curl) a line per file. Created files are 201
 * with {@code Location} (RFC 9110 §9.3.3).
 */
final class WrittenFiles {
    /** A file written by a request: its name in the folder, its size, whether it replaced one. */
    record Written(String name, long size, boolean replaced) {
    }

    private enum Form { HTML, JSON, TEXT }

    private WrittenFiles() {
    }

    static Response answer(Request request, String folderUrl, List<Written> files) {
        Form form = form(request);
        if (form == Form.HTML) {
            return seeOther(folderUrl);
        }
        StringBuilder body = new StringBuilder(form == Form.JSON ? "[" : "");
        for (int i = 0; i < files.size(); i++) {
            Written file = files.get(i);
            String url = folderUrl + FolderPath.encode(file.name());
            if (form == Form.JSON) {
                body.append(i == 0 ? "\n" : ",\n").append("{\"name\":\"").append(JsonText.escape(file.name()))
                        .append("\",\"url\":\"").append(JsonText.escape(url)).append("\",\"size\":")
                        .append(file.size()).append(",\"replaced\":").append(file.replaced()).append('}');
            } else {
                body.append(file.replaced() ? "replaced " : "created ").append(url).append(" (")
                        .append(file.size()).append(" bytes)\n");
            }
        }
        if (form == Form.JSON) {
            body.append("\n]\n");
        }
        boolean created = files.stream().anyMatch(file -> !file.replaced());
        return Response.of(created ? Status.CREATED_201 : Status.OK_200, Headers.of(
                HeaderName.LOCATION.name(), folderUrl + FolderPath.encode(files.getFirst().name()),
                HeaderName.CONTENT_TYPE.name(), (form == Form.JSON ? "application/json" : "text/plain")
                        + "; charset=utf-8"), Body.of(body.toString()));
    }

    static Response answerFolder(Request request, String folderUrl, String name) {
        String url = folderUrl + FolderPath.encode(name) + "/";
        return form(request) == Form.HTML ? seeOther(folderUrl) : Response.of(Status.CREATED_201, Headers.of(
                HeaderName.LOCATION.name(), url, HeaderName.CONTENT_TYPE.name(), "text/plain; charset=utf-8"),
                Body.of("created " + url + "\n"));
    }

    static Response answerDeleted(Request request, String folderUrl, String name) {
        return form(request) == Form.HTML ? seeOther(folderUrl) : Response.of(Status.OK_200, Headers.of(
                HeaderName.CONTENT_TYPE.name(), "text/plain; charset=utf-8"),
                Body.of("deleted " + folderUrl + FolderPath.encode(name) + "\n"));
    }

    private static Response seeOther(String folderUrl) {
        return Response.of(Status.SEE_OTHER_303).withHeader(HeaderName.LOCATION.name(), folderUrl);
    }

    private static Form form(Request request) {
        QualityList accept = QualityList.parse(request.headers().first(HeaderName.ACCEPT).orElse(null));
        return switch (accept.bestMediaType(List.of("text/plain", "application/json", "text/html"))
                .orElse("text/plain")) {
            case "text/html" -> Form.HTML;
            case "application/json" -> Form.JSON;
            default -> Form.TEXT;
        };
    }
}
