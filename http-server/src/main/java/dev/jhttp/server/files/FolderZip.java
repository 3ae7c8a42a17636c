package dev.jhttp.server.files;

import dev.jhttp.core.Body;
import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A folder as a zip archive, written while it is sent (chunked): memory stays constant whatever the folder's size.
 * Only what a listing would show goes in, recursively; hidden files and links follow the same policy.
 */
final class FolderZip {
    private FolderZip() {
    }

    static Response of(Path folder, Predicate<Path> listable, String fileName) {
        Body body = Body.ofStream(out -> {
            ZipOutputStream zip = new ZipOutputStream(new KeepOpenOutput(out));
            add(zip, folder, "", listable);
            zip.finish();
        }, -1);
        String quoted = fileName.replace("\\", "_").replace("\"", "_");
        return Response.of(Status.OK_200, Headers.of(HeaderName.CONTENT_TYPE.name(), "application/zip",
                HeaderName.CONTENT_DISPOSITION.name(), "attachment; filename=\"" + quoted + "\"",
                HeaderName.CACHE_CONTROL.name(), "no-store"), body);
    }

    private static void add(ZipOutputStream zip, Path folder, String prefix, Predicate<Path> listable)
            throws IOException {
        List<Path> children;
        try (Stream<Path> listing = Files.list(folder)) {
            children = listing.filter(listable).sorted().toList();
        }
        for (Path child : children) {
            String name = prefix + child.getFileName();
            if (Files.isDirectory(child)) {
                zip.putNextEntry(new ZipEntry(name + "/"));
                zip.closeEntry();
                add(zip, child, name + "/", listable);
            } else if (Files.isRegularFile(child)) {
                ZipEntry entry = new ZipEntry(name);
                entry.setLastModifiedTime(Files.getLastModifiedTime(child));
                zip.putNextEntry(entry);
                Files.copy(child, zip);
                zip.closeEntry();
            }
        }
    }
}
