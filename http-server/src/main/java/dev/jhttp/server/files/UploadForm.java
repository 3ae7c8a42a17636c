package dev.jhttp.server.files;

import dev.jhttp.server.text.HtmlText;

/**
 * The parts a listing page gains when the folder takes uploads: a form that posts files as
 * {@code multipart/form-data} (a file picker for several files; it works without script), a form that makes a
 * folder, and, when deleting is allowed, a button per entry. A small script adds dropping files anywhere on the
 * page, a progress bar, and errors shown in the page; without it the forms post and the server sends the browser
 * back to the listing.
 */
final class UploadForm {
    static final String STYLE = """
            form.up,form.mk{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;margin:0 0 .8rem}
            form.up{padding:1rem;border:2px dashed #c5ccd4;border-radius:8px;background:#fff}
            body.over form.up{border-color:#0b5cad;background:#eef5fd}
            form.up progress{flex:1;min-width:8rem}form.up output{color:#b3261e;width:100%}form.up output:empty{display:none}
            form.mk input{padding:.25rem .4rem}form.del{margin:0}form.del button{border:0;background:none;
            color:#8a939c;cursor:pointer}form.del button:hover{color:#b3261e}
            @media (prefers-color-scheme:dark){form.up{background:#1d2126;border-color:#3a424a}
            body.over form.up{background:#1b2a3a}}
            """;

    private static final String SCRIPT = """
            <script>
            (() => {
              const form = document.querySelector('form.up'), input = form.querySelector('input[type=file]');
              const bar = form.querySelector('progress'), out = form.querySelector('output');
              const send = files => {
                const data = new FormData();
                for (const file of files) data.append('file', file, file.name);
                const xhr = new XMLHttpRequest();
                xhr.open('POST', location.pathname);
                xhr.setRequestHeader('Accept', 'application/json');
                xhr.upload.onprogress = e => { if (e.lengthComputable) bar.value = e.loaded / e.total; };
                xhr.onload = () => {
                  if (xhr.status < 300) { location.reload(); return; }
                  let detail = xhr.statusText;
                  try { detail = JSON.parse(xhr.responseText).detail || detail; } catch (ignored) {}
                  out.textContent = xhr.status + ': ' + detail; bar.hidden = true;
                };
                xhr.onerror = () => { out.textContent = 'the upload failed'; bar.hidden = true; };
                bar.hidden = false; bar.value = 0; out.textContent = '';
                xhr.send(data);
              };
              form.addEventListener('submit', e => { e.preventDefault(); if (input.files.length) send(input.files); });
              addEventListener('dragover', e => { e.preventDefault(); document.body.classList.add('over'); });
              addEventListener('dragleave', e => { if (!e.relatedTarget) document.body.classList.remove('over'); });
              addEventListener('drop', e => {
                e.preventDefault(); document.body.classList.remove('over');
                if (e.dataTransfer.files.length) send(e.dataTransfer.files);
              });
              for (const del of document.querySelectorAll('form.del')) {
                del.addEventListener('submit', e => {
                  if (!confirm('Delete ' + del.elements.delete.value + '?')) e.preventDefault();
                });
              }
            })();
            </script>
            """;

    private UploadForm() {
    }

    /** The upload and new-folder forms, placed above the table. */
    static String forms() {
        return "<form class=\"up\" method=\"post\" enctype=\"multipart/form-data\">"
                + "<input type=\"file\" name=\"file\" multiple required aria-label=\"Files to upload\">"
                + "<button>Upload</button><progress max=\"1\" value=\"0\" hidden></progress><output></output>"
                + "<span>or drop files on this page</span></form>\n"
                + "<form class=\"mk\" method=\"post\"><input name=\"mkdir\" required placeholder=\"New folder\" "
                + "aria-label=\"New folder name\"><button>Create folder</button></form>\n";
    }

    /** The delete button of the entry {@code name}. */
    static String deleteButton(String name) {
        String escaped = HtmlText.escape(name);
        return "<form class=\"del\" method=\"post\"><input type=\"hidden\" name=\"delete\" value=\"" + escaped
                + "\"><button title=\"Delete " + escaped + "\" aria-label=\"Delete " + escaped + "\">✕</button></form>";
    }

    static String script() {
        return SCRIPT;
    }
}
