/** The {@code jhttp} command. */
module dev.jhttp.cli {
    requires dev.jhttp.server;
    requires info.picocli;
    requires org.apache.commons.codec;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;

    opens dev.jhttp.cli to info.picocli;
    exports dev.jhttp.cli;
}
