package dev.jhttp.server.filters;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link PasswordCheck} that remembers each user's last accepted password as a salted digest (see there). */
final class RememberedPasswords implements PasswordCheck {
    private final PasswordCheck check;
    private final byte[] salt = new byte[32];
    private final Map<String, byte[]> accepted;

    RememberedPasswords(PasswordCheck check, int maxUsers) {
        if (maxUsers < 1) {
            throw new IllegalArgumentException("maxUsers < 1: " + maxUsers);
        }
        this.check = check;
        new SecureRandom().nextBytes(salt);
        this.accepted = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > maxUsers;
            }
        };
    }

    @Override
    public boolean matches(String user, byte[] password) {
        byte[] digest = salted(password);
        byte[] remembered;
        synchronized (accepted) {
            remembered = accepted.get(user);
        }
        if (remembered != null && MessageDigest.isEqual(remembered, digest)) {
            return true;
        }
        if (!check.matches(user, password)) {
            return false;
        }
        synchronized (accepted) {
            accepted.put(user, digest);
        }
        return true;
    }

    private byte[] salted(byte[] password) {
        byte[] input = new byte[salt.length + password.length];
        System.arraycopy(salt, 0, input, 0, salt.length);
        System.arraycopy(password, 0, input, salt.length, password.length);
        return Sha256.of(input);
    }
}
