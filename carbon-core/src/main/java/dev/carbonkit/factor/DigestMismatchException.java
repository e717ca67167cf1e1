package dev.carbonkit.factor;

/**
 * Thrown when a table required by digest is not the table on hand, such as a calculation pinned to
 * 'desnz-2024' at 'sha256:4f1c...' rerun against an edited copy. Keeps the table id and both digests.
 */
public class DigestMismatchException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String tableId;
    private final String expectedDigest;
    private final String actualDigest;

    /**
     * Creates an exception for a table whose digest is not the one required.
     *
     * @param tableId  the table id, not null
     * @param expectedDigest  the digest required, not null
     * @param actualDigest  the digest of the table on hand, or null if there is no such table
     */
    public DigestMismatchException(String tableId, String expectedDigest, String actualDigest) {
        super(actualDigest == null
                ? "Table '" + tableId + "' is required with digest " + expectedDigest + " but is not in the catalog"
                : "Table '" + tableId + "' has digest " + actualDigest + ", not the required " + expectedDigest);
        this.tableId = tableId;
        this.expectedDigest = expectedDigest;
        this.actualDigest = actualDigest;
    }

    /**
     * Gets the id of the table.
     *
     * @return the table id, never null
     */
    public String getTableId() {
        return tableId;
    }

    /**
     * Gets the digest that was required.
     *
     * @return the expected digest, never null
     */
    public String getExpectedDigest() {
        return expectedDigest;
    }

    /**
     * Gets the digest of the table on hand.
     *
     * @return the actual digest, empty if the catalog has no such table, never null
     */
    public java.util.Optional<String> getActualDigest() {
        return java.util.Optional.ofNullable(actualDigest);
    }
}
