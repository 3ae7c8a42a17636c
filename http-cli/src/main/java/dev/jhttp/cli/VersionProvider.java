package dev.jhttp.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, so {@code --version} always matches the build. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = JhttpCommand.class.getPackage().getImplementationVersion();
        return new String[] {"jhttp " + (version == null ? "(development build)" : version),
            "Java " + Runtime.version()};
    }
}
