package dev.jhttp.server.tls;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chooses the server's certificate for each handshake: the one configured for the host name the client asked for
 * by SNI (RFC 6066 §3), an exact name before a {@code *.} wildcard covering one label, else the default. An alias
 * names the certificate and its version ({@code index.serial}), so the chain and the key JSSE then asks for come
 * from the same reading even if the files are replaced meanwhile.
 */
final class SniKeyManager extends X509ExtendedKeyManager {
    private final ReloadingCertificate defaultCertificate;
    /** Host name (lower case, possibly {@code *.domain}) to certificate, in the order configured. */
    private final Map<String, ReloadingCertificate> byHost;
    private final List<ReloadingCertificate> all;
    private final AtomicLong serials = new AtomicLong();

    SniKeyManager(ServerCertificate defaultCertificate, Map<String, ServerCertificate> byHost) {
        this.defaultCertificate = new ReloadingCertificate(defaultCertificate, serials.incrementAndGet());
        LinkedHashMap<String, ReloadingCertificate> hosts = new LinkedHashMap<>();
        byHost.forEach((host, certificate) -> hosts.put(host.toLowerCase(Locale.ROOT),
                new ReloadingCertificate(certificate, serials.incrementAndGet())));
        this.byHost = hosts;
        ArrayList<ReloadingCertificate> every = new ArrayList<>();
        every.add(this.defaultCertificate);
        every.addAll(hosts.values());
        this.all = List.copyOf(every);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        int index = all.indexOf(forHost(requestedHost(engine)));
        ReloadingCertificate.Loaded loaded = all.get(index).current(serials::incrementAndGet);
        return fits(loaded.certificate().privateKey().getAlgorithm(), keyType) ? index + "." + loaded.serial() : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return chooseEngineServerAlias(keyType, issuers, null);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        ServerCertificate certificate = byAlias(alias);
        return certificate == null ? null : certificate.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        ServerCertificate certificate = byAlias(alias);
        return certificate == null ? null : certificate.privateKey();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null; // aliases are chosen per handshake
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null; // a server's key manager
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null; // a server's key manager
    }

    private ReloadingCertificate forHost(String host) {
        if (host == null) {
            return defaultCertificate;
        }
        ReloadingCertificate exact = byHost.get(host);
        if (exact != null) {
            return exact;
        }
        int dot = host.indexOf('.');
        ReloadingCertificate wildcard = dot > 0 ? byHost.get("*" + host.substring(dot)) : null;
        return wildcard != null ? wildcard : defaultCertificate;
    }

    private ServerCertificate byAlias(String alias) {
        int dot = alias == null ? -1 : alias.indexOf('.');
        if (dot < 0) {
            return null;
        }
        try {
            int index = Integer.parseInt(alias, 0, dot, 10);
            long serial = Long.parseLong(alias, dot + 1, alias.length(), 10);
            return index >= 0 && index < all.size() ? all.get(index).bySerial(serial) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The host name the client asked for by SNI, in lower case, or null. */
    private static String requestedHost(SSLEngine engine) {
        SSLSession session = engine == null ? null : engine.getHandshakeSession();
        if (session instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name.getType() == StandardConstants.SNI_HOST_NAME && name instanceof SNIHostName host) {
                    return host.getAsciiName().toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    /** Whether a key of {@code algorithm} can sign for the key type JSSE asks about. */
    private static boolean fits(String algorithm, String keyType) {
        return algorithm.equalsIgnoreCase(keyType) || algorithm.startsWith("Ed") && keyType.startsWith("Ed");
    }
}
