package dev.jhttp.server.filters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether a password is a user's: what a {@link BasicAuth} filter asks. An app backs it with whatever holds its users;
 * {@link #plain} holds fixed passwords, and a check against slow hashes (bcrypt, SHA-512 crypt) is wrapped in
 * {@link #remembered} so the hash is computed once per user rather than on every request.
 *
 * {@snippet :
 * PasswordCheck users = PasswordCheck.plain(Map.of("ada", "correct horse battery staple"));
 * PasswordCheck hashed = ((PasswordCheck) (user, password) -> BCrypt.check(hashes.get(user), password)).remembered(100);
 * }
 */
@FunctionalInterface
public interface PasswordCheck {
    /**
     * Whether {@code password} (as the client sent it, UTF-8 by RFC 7617's charset) is {@code user}'s. It may take
     * time (a deliberately slow hash) but must not take longer for a near-miss than for a wide miss.
     */
    boolean matches(String user, byte[] password);

    /**
     * Fixed passwords, compared in constant time: both sides are compared as SHA-256 digests, so neither the
     * position of the first wrong byte nor the password's length shows in the time taken, and an unknown user costs
     * the same as a wrong password.
     */
    static PasswordCheck plain(Map<String, String> passwords) {
        Map<String, byte[]> digests = new HashMap<>();
        passwords.forEach((user, password) ->
                digests.put(user, Sha256.of(password.getBytes(StandardCharsets.UTF_8))));
        byte[] nobody = Sha256.of(new byte[0]);
        return (user, password) -> {
            byte[] expected = digests.get(user);
            boolean equal = MessageDigest.isEqual(expected != null ? expected : nobody, Sha256.of(password));
            return equal && expected != null;
        };
    }

    /**
     * This check, with each user's last accepted password remembered as a salted SHA-256 digest, for up to
     * {@code maxUsers} users: the next request with the same password is checked against the digest, in constant
     * time, instead of against this check. A password this check would no longer accept stays accepted while it is
     * remembered, so use it for credentials that do not change while the server runs.
     */
    default PasswordCheck remembered(int maxUsers) {
        return new RememberedPasswords(this, maxUsers);
    }
}
