package io.xsbuild.cli;

import picocli.CommandLine;

/** {@code xsbuild --version}: the toolkit's version and the Java it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = XsbuildCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "xsbuild " + (version == null ? "(development build)" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
