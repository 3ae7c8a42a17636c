package dev.jhttp.cli;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --auth}: plain passwords and the hash formats it reads, and its one-line errors. */
class AuthOptionsTest {
    /** OpenBSD's and Openwall's bcrypt test vector: "U*U" at cost 5, $2a$. */
    private static final String BCRYPT_2A = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";
    /** {@code openssl passwd -6 -salt saltsalt 'pa ss'}. */
    private static final String SHA512_CRYPT = "$6$saltsalt$J1agwZLBbHKe2JeOpyO8O00AAyu0KKvvwP/5/nyAGWDYyrFAnsb0RSWm"
            + "UHJeMnngDLLCVT9Dh009Gyi8HZWXI/";

    @TempDir
    Path folder;

    @Test
    void plainAndHashedPasswordsLetTheirUsersIn() throws Exception {
        Files.writeString(folder.resolve("index.html"), "secret page");
        String bcrypt2b = OpenBSDBCrypt.generate("2b", "wörd".getBytes(StandardCharsets.UTF_8), new byte[16], 4);
        try (CliRun run = CliRun.start("serve", folder.toString(), "-p", "0", "--ready-json", "--auth", "ada:lovelace",
                "--auth", "u:" + BCRYPT_2A, "--auth", "grace:" + SHA512_CRYPT, "--auth", "bob:" + bcrypt2b)) {
            String url = "http://127.0.0.1:" + run.port() + "/";
            assertThat(status(url, null)).isEqualTo(401);
            for (String good : new String[] {"ada:lovelace", "u:U*U", "grace:pa ss", "bob:wörd"}) {
                assertThat(status(url, good)).as(good).isEqualTo(200);
                assertThat(status(url, good)).as(good + ", remembered").isEqualTo(200);
            }
            for (String bad : new String[] {"ada:Lovelace", "u:U*U*", "grace:pa s", "bob:word", "eve:lovelace",
                "ada:" + "x".repeat(100)}) {
                assertThat(status(url, bad)).as(bad).isEqualTo(401);
            }
        }
    }

    @Test
    void theChallengeNamesTheRealmAndCharset() throws Exception {
        try (CliRun run = CliRun.start("serve", folder.toString(), "-p", "0", "--ready-json", "--auth", "a:b")) {
            PlainHttp response = PlainHttp.send("GET", "http://127.0.0.1:" + run.port() + "/", null);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.authenticate())
                    .contains("Basic realm=\"jhttp\", charset=\"UTF-8\"");
        }
    }

    @Test
    void uploadsBeyondTheLoopbackStartWithAuth() throws Exception {
        try (CliRun run = CliRun.start("serve", folder.toString(), "-p", "0", "--ready-json", "--bind", "0.0.0.0",
                "--upload", "--auth", "ada:lovelace")) {
            assertThat(run.port()).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ada                 | --auth takes USER:PASSWORD (or USER:HASH), with neither empty",
        ":pw                 | --auth takes USER:PASSWORD (or USER:HASH), with neither empty",
        "ada:                | --auth takes USER:PASSWORD (or USER:HASH), with neither empty",
        "ada:$1$salt$hash    | --auth: the password of 'ada' starts with '$' but is MD5 crypt, which is too weak",
        "ada:$2b$04$short    | --auth: the password of 'ada' starts with '$' but is not a bcrypt ($2b$) or SHA-crypt"})
    void malformedValuesAreOneLine(String value, String message) throws InterruptedException {
        CliRun run = CliRun.finished("serve", folder.toString(), "-p", "0", "--auth", value);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("jhttp: " + message).hasLineCount(1);
    }

    @Test
    void aUserNamedTwiceIsRefused() throws InterruptedException {
        CliRun run = CliRun.finished("serve", folder.toString(), "-p", "0", "--auth", "a:1", "--auth", "a:2");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("jhttp: --auth names user 'a' twice\n");
    }

    private static int status(String url, String credentials) throws Exception {
        return credentials == null ? PlainHttp.send("GET", url, null).status()
                : PlainHttp.send("GET", url, null, "Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8))).status();
    }
}
