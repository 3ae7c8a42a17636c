/** The {@code jhttp} command. */
module dev.jhttp.cli {
    requires dev.jhttp.server;
    requires info.picocli;
    requires org.apache.commons.codec;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;

    exports dev.jhttp.cli;
}
