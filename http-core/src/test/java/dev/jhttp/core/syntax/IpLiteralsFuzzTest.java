package dev.jhttp.core.syntax;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the IP-literal grammar against the JDK's own IPv6 parser, over an alphabet of hex digits,
 * colons and dots (text the JDK never resolves by DNS inside brackets): every IPv6 literal jhttp accepts, the JDK reads
 * as the same kind of address, and nothing throws. The JDK is the more lenient of the two (it takes leading zeros in
 * an embedded IPv4 address, which RFC 3986's dec-octet does not), so only acceptance is compared.
 */
class IpLiteralsFuzzTest {
    private static final String ALPHABET = "0123456789abcdefABCDEF:.";

    @FuzzTest(maxDuration = "30s")
    void everyAcceptedIpv6LiteralIsOneForTheJdk(FuzzedDataProvider data) {
        byte[] raw = data.consumeRemainingAsBytes();
        StringBuilder literal = new StringBuilder(raw.length);
        for (byte b : raw) {
            literal.append(ALPHABET.charAt(Math.floorMod(b, ALPHABET.length())));
        }
        byte[] bytes = literal.toString().getBytes(StandardCharsets.US_ASCII);
        if (!IpLiterals.isValid(bytes, 0, bytes.length)) {
            return;
        }
        try {
            assertThat(InetAddress.getByName("[" + literal + "]")).as(literal.toString())
                    .isInstanceOfAny(Inet6Address.class, java.net.Inet4Address.class);
        } catch (UnknownHostException e) {
            throw new AssertionError("jhttp accepts [" + literal + "], the JDK does not: " + e.getMessage());
        }
    }
}
