package dev.jhttp.cli;

import dev.jhttp.server.filters.BasicAuth;
import dev.jhttp.server.filters.PasswordCheck;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns {@code --auth USER:SECRET} values into a {@link BasicAuth} filter. A secret is a plain password, or a hash
 * in the crypt formats of {@code htpasswd -B} and {@code mkpasswd}: bcrypt ({@code $2a$}, {@code $2b$},
 * {@code $2y$}, checked by Bouncy Castle) or SHA-256/SHA-512 crypt ({@code $5$}, {@code $6$}, by Commons Codec).
 * A hash is checked once per user and then remembered, so a slow hash costs one check, not one per request.
 */
final class AuthSetup {
    static final String REALM = "jhttp";
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    private static final Pattern SHA_CRYPT = Pattern.compile(
            "\\$([56])\\$(rounds=\\d{4,9}\\$)?[^$:\\n]{1,16}\\$[./A-Za-z0-9]+");

    private AuthSetup() {
    }

    /**
     * The filter for {@code values}, or empty when there are none.
     *
     * @throws Refused with a one-line reason for a malformed value, a repeated user or an unknown hash
     */
    static Optional<BasicAuth> from(List<String> values) throws Refused {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> plain = new HashMap<>();
        Map<String, Predicate<byte[]>> hashed = new HashMap<>();
        for (String value : values) {
            int colon = value.indexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new Refused("--auth takes USER:PASSWORD (or USER:HASH), with neither empty");
            }
            String user = value.substring(0, colon);
            String secret = value.substring(colon + 1);
            if (user.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
                throw new Refused("--auth: a user name cannot hold control characters");
            }
            if (plain.containsKey(user) || hashed.containsKey(user)) {
                throw new Refused("--auth names user '" + user + "' twice");
            }
            if (secret.startsWith("$")) {
                hashed.put(user, hashCheck(user, secret));
            } else {
                plain.put(user, secret);
            }
        }
        PasswordCheck plainCheck = PasswordCheck.plain(plain);
        PasswordCheck check = (user, password) -> {
            Predicate<byte[]> hash = hashed.get(user);
            return hash != null ? hash.test(password) : plainCheck.matches(user, password);
        };
        return Optional.of(BasicAuth.of(REALM, check.remembered(1_000)));
    }

    private static Predicate<byte[]> hashCheck(String user, String hash) throws Refused {
        if (BCRYPT.matcher(hash).matches()) {
            return password -> {
                try {
                    return OpenBSDBCrypt.checkPassword(hash, password);
                } catch (IllegalArgumentException tooLong) {   // bcrypt takes at most 72 bytes
                    return false;
                }
            };
        }
        if (SHA_CRYPT.matcher(hash).matches()) {
            byte[] expected = hash.getBytes(StandardCharsets.US_ASCII);
            boolean sha512 = hash.charAt(1) == '6';
            return password -> {
                String computed = sha512 ? Sha2Crypt.sha512Crypt(password, hash) : Sha2Crypt.sha256Crypt(password, hash);
                return MessageDigest.isEqual(expected, computed.getBytes(StandardCharsets.US_ASCII));
            };
        }
        String kind = hash.startsWith("$1$") || hash.startsWith("$apr1$") ? "MD5 crypt, which is too weak"
                : "not a bcrypt ($2b$) or SHA-crypt ($5$, $6$) hash";
        throw new Refused("--auth: the password of '" + user + "' starts with '$' but is " + kind
                + "; give a bcrypt or SHA-512 crypt hash");
    }
}
