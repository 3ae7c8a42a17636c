package dev.jhttp.core.parse;

import dev.jhttp.core.Request;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Feeds raw bytes to a fresh parser in different cuts; every cut of the same bytes must give the same result. */
final class Feeding {
    private Feeding() {
    }

    static byte[] bytes(String raw) {
        return raw.getBytes(StandardCharsets.ISO_8859_1);
    }

    static ParseResult<Request> whole(String raw) {
        return whole(bytes(raw), ParserLimits.defaults());
    }

    static ParseResult<Request> whole(byte[] raw, ParserLimits limits) {
        return inCuts(raw, limits, new int[0]);
    }

    /** Feeds {@code raw} cut at the given ascending indexes, stopping at the first non-NeedMore result. */
    static ParseResult<Request> inCuts(byte[] raw, ParserLimits limits, int[] cuts) {
        RequestParser parser = RequestParser.create(limits);
        return feedAll(raw, cuts, parser::feed);
    }

    static ParseResult<Request> oneByteAtATime(byte[] raw, ParserLimits limits) {
        int[] cuts = new int[Math.max(0, raw.length - 1)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        return inCuts(raw, limits, cuts);
    }

    static <T> ParseResult<T> feedAll(byte[] raw, int[] cuts, Function<ByteBuffer, ParseResult<T>> feed) {
        ParseResult<T> result = ParseResult.needMore();
        int start = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int end = i < cuts.length ? cuts[i] : raw.length;
            ByteBuffer chunk = ByteBuffer.wrap(raw, start, end - start);
            result = feed.apply(chunk);
            if (!(result instanceof ParseResult.NeedMore)) {
                return result;
            }
            if (chunk.hasRemaining()) {
                throw new AssertionError("NeedMore left " + chunk.remaining() + " bytes unconsumed");
            }
            start = end;
        }
        return result;
    }
}
