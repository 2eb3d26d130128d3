package io.xsbuild.cli;

import io.xsbuild.error.UsageException;

/** A command whose engine has not landed yet: it says so and exits 2. */
abstract class NotYetAvailable extends XsbuildSubcommand {

    private final String what;

    protected NotYetAvailable(CliContext context, String what) {
        super(context);
        this.what = what;
    }

    @Override
    public Integer call() throws UsageException {
        throw new UsageException("'xsbuild " + spec.qualifiedName(" ").replaceFirst("^xsbuild ", "")
                + "' is not available yet", what + " is still being built; see xsbuild --help for what works");
    }
}
