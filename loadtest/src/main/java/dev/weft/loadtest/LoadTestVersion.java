package dev.weft.loadtest;

import picocli.CommandLine;

/** {@code --version}: this jar's version and those of the contrast engines and the JDK. */
final class LoadTestVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String own = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "weft-loadtest " + (own == null ? "(development build)" : own),
            "Netty " + io.netty.util.Version.identify().values().stream().findFirst()
                    .map(io.netty.util.Version::artifactVersion).orElse("?"),
            "Helidon " + io.helidon.common.Version.VERSION,
            "Jetty " + org.eclipse.jetty.server.Server.getVersion(),
            "JDK " + Runtime.version()
        };
    }
}
