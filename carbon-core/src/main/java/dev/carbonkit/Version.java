package dev.carbonkit;

/**
 * The version of carbonkit, as receipts name it: "carbonkit 0.1.0-SNAPSHOT". A test holds it to the build's
 * version, so that a receipt names the engine that made it.
 */
public final class Version {

    /** The version of this build of carbonkit. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    /** The engine's name as receipts give it. */
    public static final String ENGINE = "carbonkit " + VERSION;

    private Version() {
    }
}
