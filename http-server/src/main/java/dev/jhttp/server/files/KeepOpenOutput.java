package dev.jhttp.server.files;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Lets a compressor or archiver write to the connection's stream without closing it when done. */
final class KeepOpenOutput extends FilterOutputStream {
    KeepOpenOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
