package dev.jhttp.server.filters;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Filter;
import dev.jhttp.server.Handler;
import dev.jhttp.server.HttpException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * HTTP Basic authentication (RFC 7617): a request passes only with the credentials of a user {@link PasswordCheck}
 * accepts. Without credentials, or with wrong ones, the answer is 401 with the challenge {@code Basic realm="…",
 * charset="UTF-8"} (§2, §2.1); credentials that are not Basic credentials at all (two {@code Authorization} fields,
 * a token that is not base64, no colon) are a malformed request, 400. Basic sends the password in the clear, so serve
 * it over TLS beyond a trusted network.
 *
 * {@snippet :
 * Filter auth = BasicAuth.of("files", PasswordCheck.plain(Map.of("ada", "correct horse battery staple")));
 * Handler app = auth.wrap(files);
 * }
 *
 * @see PasswordCheck for hashed passwords
 */
public final class BasicAuth implements Filter {
    private final String realm;
    private final PasswordCheck users;
    private final Headers challenge;

    private BasicAuth(String realm, PasswordCheck users) {
        this.realm = realm;
        this.users = users;
        this.challenge = Headers.of(HeaderName.WWW_AUTHENTICATE.name(),
                "Basic realm=\"" + realm.replace("\\", "\\\\").replace("\"", "\\\"") + "\", charset=\"UTF-8\"");
    }

    /**
     * Lets through the users {@code users} accepts; {@code realm} names the protected space to the user (browsers
     * show it, and keep credentials per realm).
     *
     * @throws IllegalArgumentException if the realm holds a control character, which a quoted-string cannot
     */
    public static BasicAuth of(String realm, PasswordCheck users) {
        if (realm.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7F)) {
            throw new IllegalArgumentException("a realm cannot hold control characters");
        }
        return new BasicAuth(realm, users);
    }

    public String realm() {
        return realm;
    }

    /** Checking a password may compute a slow hash, so only a request without credentials is sure not to block. */
    @Override
    public boolean mayBlock(Request request) {
        return request.headers().contains(HeaderName.AUTHORIZATION);
    }

    @Override
    public Response apply(Request request, Handler next) throws Exception {
        List<String> fields = request.headers().all(HeaderName.AUTHORIZATION);
        if (fields.isEmpty()) {
            throw HttpException.explained(Status.UNAUTHORIZED_401, "this server asks for a user and password",
                    challenge);
        }
        if (fields.size() > 1) {
            throw HttpException.explained(Status.BAD_REQUEST_400,
                    "more than one Authorization field (RFC 9110 §11.6.2 allows one set of credentials)",
                    Headers.empty());
        }
        String credentials = fields.getFirst();
        int space = credentials.indexOf(' ');
        if (space < 0 || !credentials.substring(0, space).equalsIgnoreCase("Basic")) {
            throw HttpException.explained(Status.UNAUTHORIZED_401, "this server takes Basic credentials (RFC 7617)",
                    challenge);
        }
        byte[] userPass = decode(credentials.substring(space).stripLeading());
        try {
            int colon = indexOf(userPass, (byte) ':');
            if (colon < 0) {
                throw HttpException.explained(Status.BAD_REQUEST_400,
                        "Basic credentials have no ':' between user-id and password (RFC 7617 §2)", Headers.empty());
            }
            String user = userId(userPass, colon);
            byte[] password = Arrays.copyOfRange(userPass, colon + 1, userPass.length);
            try {
                if (user == null || !users.matches(user, password)) {
                    throw HttpException.explained(Status.UNAUTHORIZED_401, "wrong user or password", challenge);
                }
            } finally {
                Arrays.fill(password, (byte) 0);
            }
        } finally {
            Arrays.fill(userPass, (byte) 0);
        }
        return next.handle(request);
    }

    /** The token68 of RFC 9110 §11.4 as base64 (RFC 7617 §2); anything else is a malformed request. */
    private static byte[] decode(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean base64 = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+'
                    || c == '/' || c == '=';
            if (!base64) {
                throw HttpException.explained(Status.BAD_REQUEST_400, "Basic credentials are not base64: character "
                        + (i + 1) + " of the token (RFC 7617 §2)", Headers.empty());
            }
        }
        try {
            return Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw HttpException.explained(Status.BAD_REQUEST_400,
                    "Basic credentials are not base64: padding or length (RFC 7617 §2)", Headers.empty());
        }
    }

    /** The user-id as UTF-8 (the charset the challenge names); null if it is not UTF-8 or holds a control character. */
    private static String userId(byte[] userPass, int length) {
        try {
            String user = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(userPass, 0, length))
                    .toString();
            // RFC 7617 §2: the user-id must not hold control characters (CTLs of RFC 5234 and C1 controls).
            return user.chars().anyMatch(c -> c < 0x20 || c >= 0x7F && c <= 0x9F) ? null : user;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
