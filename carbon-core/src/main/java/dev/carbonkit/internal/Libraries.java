package dev.carbonkit.internal;

/**
 * Checks for the optional libraries carbon-core uses in a few places, so that a missing one is a clear error naming
 * what to add, not a {@code NoClassDefFoundError} from deep inside. jackson-core is optional: an app that scores and
 * writes receipts needs only the JDK and SnakeYAML; reading receipts back and the JDBC ledger store need Jackson's
 * streaming parser as well.
 * <p>
 * This class is a holder of static methods and cannot be instantiated.
 */
public final class Libraries {

    /** A class of jackson-core, looked up by name so that this class links without it. */
    private static final String JACKSON_CLASS = "com.fasterxml.jackson.core.JsonFactory";

    /** Whether jackson-core was found: looked up once, on first need. */
    private static final class Jackson {
        static final boolean PRESENT = present(JACKSON_CLASS);
    }

    private Libraries() {
    }

    /**
     * Checks that jackson-core is on the class path (or, on the module path, resolved).
     *
     * @param what  what needs it, as the start of a sentence ("Reading a receipt"), not null
     * @throws IllegalStateException if it is not
     */
    public static void requireJackson(String what) {
        if (!Jackson.PRESENT) {
            throw new IllegalStateException(what + " needs jackson-core, which carbon-core declares optional: add the"
                    + " dependency com.fasterxml.jackson.core:jackson-core (2.x) to the application (on the module"
                    + " path, also 'requires com.fasterxml.jackson.core' or --add-modules com.fasterxml.jackson.core)");
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Libraries.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
