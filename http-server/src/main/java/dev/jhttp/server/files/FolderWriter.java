package dev.jhttp.server.files;

import dev.jhttp.core.Body;
import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.forms.Form;
import dev.jhttp.core.forms.MultipartLimits;
import dev.jhttp.core.headers.ParameterizedValue;
import dev.jhttp.server.HttpException;
import dev.jhttp.server.forms.FormPart;
import dev.jhttp.server.forms.Forms;
import dev.jhttp.server.forms.MultipartParts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The writes {@link Uploads} allows, under a {@link StaticFiles}' root: {@code PUT} of a file, a
 * {@code multipart/form-data} {@code POST} of files to a folder, a urlencoded {@code POST} with {@code mkdir} or
 * {@code delete}, and {@code DELETE}. Every write is refused from another site's page (a browser's {@code Origin}
 * or {@code Sec-Fetch-Site} says so): a form on any page could otherwise post into the folder. Files are written
 * through {@link UploadFile}; the files of one request appear together or not at all.
 */
final class FolderWriter {
    private final PathResolver resolver;
    private final Uploads uploads;
    private final boolean showHidden;

    FolderWriter(PathResolver resolver, Uploads uploads, boolean showHidden) {
        this.resolver = resolver;
        this.uploads = uploads;
        this.showHidden = showHidden;
    }

    Response write(Request request) throws IOException {
        WriteGuard.check(request, uploads.loopbackHostOnly());
        Method method = request.method();
        if (method.equals(Method.PUT)) {
            return put(request);
        }
        if (method.equals(Method.DELETE)) {
            FolderPath path = FolderPath.of(request);
            delete(path.entry(resolver));
            return Response.of(Status.NO_CONTENT_204);
        }
        return post(request);
    }

    private Response put(Request request) throws IOException {
        FolderPath path = FolderPath.of(request);
        if (path.isFolder()) {
            throw HttpException.explained(Status.METHOD_NOT_ALLOWED_405, "PUT writes a file; to make a folder, POST "
                    + "mkdir=NAME to its parent", Headers.of(HeaderName.ALLOW.name(), "GET, HEAD, OPTIONS, POST"));
        }
        Path folder = path.parent(resolver);
        String name = checkedName(path.name());
        Path target = folder.resolve(name);
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (exists && request.headers().first(HeaderName.IF_NONE_MATCH).filter("*"::equals).isPresent()) {
            // RFC 9110 §13.1.2: If-None-Match: * asks to create only.
            throw HttpException.explained(Status.PRECONDITION_FAILED_412, "'" + name + "' exists (If-None-Match: *)",
                    Headers.empty());
        }
        boolean isFolder = exists && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
        if (exists && (!uploads.overwrite() || isFolder)) {
            throw UploadAnswers.exists(target, isFolder);
        }
        checkDeclaredLength(request, folder);
        long written;
        boolean replaced;
        try (UploadFile file = UploadFile.in(folder); InputStream content = request.body().openStream()) {
            written = file.write(content, uploads.maxSize());
            replaced = file.commit(target, uploads.overwrite());
        }
        String location = path.parentUrl() + FolderPath.encode(name);
        return Response.of(replaced ? Status.OK_200 : Status.CREATED_201, Headers.of(
                HeaderName.LOCATION.name(), location, HeaderName.CONTENT_TYPE.name(), "text/plain; charset=utf-8"),
                Body.of((replaced ? "replaced " : "created ") + location + " (" + written
                        + " bytes)\n"));
    }

    private Response post(Request request) throws IOException {
        FolderPath path = FolderPath.of(request);
        Path folder = path.folder(resolver);
        String type = request.headers().first(HeaderName.CONTENT_TYPE)
                .map(value -> ParameterizedValue.parse(value).map(ParameterizedValue::value).orElse(""))
                .orElse("").toLowerCase(Locale.ROOT);
        return switch (type) {
            case "multipart/form-data" -> WrittenFiles.answer(request, path.folderUrl(), upload(request, folder));
            case "application/x-www-form-urlencoded" -> formAction(request, path, folder);
            default -> throw HttpException.explained(Status.UNSUPPORTED_MEDIA_TYPE_415, "POST to a folder takes "
                    + "multipart/form-data (files) or application/x-www-form-urlencoded (mkdir=NAME or delete=NAME)",
                    Headers.of("Accept-Post", "multipart/form-data, application/x-www-form-urlencoded"));
        };
    }

    /** The form's files, each staged as it streams in, then all committed (or none). */
    private List<WrittenFiles.Written> upload(Request request, Path folder) throws IOException {
        checkDeclaredLength(request, folder);
        List<WrittenFiles.Written> written = new ArrayList<>();
        List<UploadFile> staged = new ArrayList<>();
        Set<String> names = new HashSet<>();
        MultipartLimits limits = MultipartLimits.defaults().withMaxTotalSize(uploads.maxSize());
        try (MultipartParts parts = Forms.parts(request, limits)) {
            for (Optional<FormPart> next = parts.next(); next.isPresent(); next = parts.next()) {
                FormPart part = next.get();
                Optional<String> filename = part.head().filename();
                if (filename.isEmpty() || filename.get().isEmpty()) {
                    continue;   // a field, or a file input left empty
                }
                String name = checkedName(filename.get());
                Path target = folder.resolve(name);
                if (!names.add(name)) {
                    throw HttpException.explained(Status.CONFLICT_409, "'" + name + "' is twice in one upload",
                            Headers.empty());
                }
                if (!uploads.overwrite() && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw UploadAnswers.exists(target, Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS));
                }
                UploadFile file = UploadFile.in(folder);
                staged.add(file);
                long size = file.write(part.content(), Long.MAX_VALUE);   // the reader bounds the whole body
                written.add(new WrittenFiles.Written(name, size, false));
            }
            if (written.isEmpty()) {
                throw HttpException.explained(Status.BAD_REQUEST_400, "the form holds no file", Headers.empty());
            }
            return commitAll(folder, staged, written);
        } finally {
            staged.forEach(UploadFile::discard);
        }
    }

    /** Names every staged file; if one name is taken meanwhile, the files already named go again (none appears). */
    private List<WrittenFiles.Written> commitAll(Path folder, List<UploadFile> staged,
                                                 List<WrittenFiles.Written> written) throws IOException {
        List<WrittenFiles.Written> done = new ArrayList<>();
        for (int i = 0; i < staged.size(); i++) {
            WrittenFiles.Written file = written.get(i);
            try {
                boolean replaced = staged.get(i).commit(folder.resolve(file.name()), uploads.overwrite());
                done.add(new WrittenFiles.Written(file.name(), file.size(), replaced));
            } catch (HttpException conflict) {
                for (WrittenFiles.Written created : done) {
                    if (!created.replaced()) {
                        Files.deleteIfExists(folder.resolve(created.name()));
                    }
                }
                throw conflict;
            }
        }
        return done;
    }

    /** {@code mkdir=NAME} or {@code delete=NAME}, as the listing page's forms send them. */
    private Response formAction(Request request, FolderPath path, Path folder) throws IOException {
        Form form = Forms.read(request);
        if (form.fields().size() != 1) {
            throw HttpException.explained(Status.BAD_REQUEST_400, "the form must hold one field, mkdir=NAME or "
                    + "delete=NAME", Headers.empty());
        }
        Form.Field field = form.fields().getFirst();
        switch (field.name()) {
            case "mkdir" -> {
                String name = checkedName(field.value());
                try {
                    Files.createDirectory(folder.resolve(name));
                } catch (FileAlreadyExistsException e) {
                    throw UploadAnswers.exists(folder.resolve(name),
                            Files.isDirectory(folder.resolve(name), LinkOption.NOFOLLOW_LINKS));
                } catch (IOException e) {
                    throw UploadAnswers.cannotStore(e);
                }
                return WrittenFiles.answerFolder(request, path.folderUrl(), name);
            }
            case "delete" -> {
                delete(path.child(field.value()).entry(resolver));
                return WrittenFiles.answerDeleted(request, path.folderUrl(), field.value());
            }
            default -> throw HttpException.explained(Status.BAD_REQUEST_400, "unknown form field '" + field.name()
                    + "'; expected mkdir or delete", Headers.empty());
        }
    }

    /** Deletes a file or an empty folder (never the root, never a non-empty folder). */
    private void delete(PathResolver.Found entry) throws IOException {
        if (!uploads.delete()) {
            throw HttpException.explained(Status.METHOD_NOT_ALLOWED_405, "this server does not delete files",
                    Headers.of(HeaderName.ALLOW.name(), "GET, HEAD, OPTIONS, POST, PUT"));
        }
        if (resolver.isRoot(entry.path())) {
            throw UploadAnswers.forbidden("the served folder itself cannot be deleted");
        }
        try {
            Files.delete(entry.path());
        } catch (DirectoryNotEmptyException e) {
            throw HttpException.explained(Status.CONFLICT_409, "the folder is not empty", Headers.empty());
        }
    }

    private String checkedName(String name) {
        Optional<String> refusal = UploadNames.refusal(name, showHidden);
        if (refusal.isPresent()) {
            throw UploadAnswers.badName(name, refusal.get());
        }
        return name;
    }

    /** 413 and 507 before any content is read, when the request says how long it is. */
    private void checkDeclaredLength(Request request, Path folder) throws IOException {
        long length = request.body().length();
        if (length > uploads.maxSize()) {
            throw UploadAnswers.tooLarge(uploads.maxSize());
        }
        if (length > 0 && length > Files.getFileStore(folder).getUsableSpace()) {
            throw UploadAnswers.notEnoughSpace(length);
        }
    }
}
