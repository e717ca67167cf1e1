package dev.carbonkit.audit;

import dev.carbonkit.internal.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What reading a receipts file found of its chain: whether every receipt is in its place, linked to the line before
 * it, and the file complete; and, if not, each problem with its line. A chained file (docs/receipt-format.md) is
 * tamper-evident as a whole: a receipt duplicated, dropped, moved or changed in any byte, or the file cut short,
 * shows here, and the file's head digest, which a report publishes, stands for every byte of every receipt.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class ReceiptChain {

    /** The digest the first receipt of a file links to: the SHA-256 of no bytes. */
    public static final String GENESIS = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** How many problems a chain keeps, at most; the rest are counted. */
    private static final int MAX_FINDINGS = 1_000;

    /** What the chain of a file says of it. */
    public enum Status {
        /** Every receipt is in its place and linked, and the file ends with an end line that matches. */
        INTACT,
        /** The receipts carry no links (format {@value Receipt#FORMAT}): nothing can be said of their order or number. */
        UNCHAINED,
        /** At least one problem: see {@link #getFindings()}. */
        BROKEN,
        /** The file holds no receipt. */
        EMPTY
    }

    /** What is wrong at a line. */
    public enum Problem {
        /** Two receipts of the same kind, id and rule. */
        DUPLICATE_ID,
        /** A receipt's place was already taken: the receipt is there twice. */
        DUPLICATE,
        /** A receipt's place is empty: the receipt was dropped. */
        MISSING,
        /** A receipt is out of its place. */
        REORDERED,
        /** A line's bytes are not those the next line (or the end line) links to. */
        CHANGED,
        /** A chained file without its end line. */
        TRUNCATED,
        /** Chained and unchained receipts in one file, or a line after the end line. */
        MIXED
    }

    /**
     * One problem of a chain.
     */
    public static final class Finding {
        private final long line;
        private final Problem problem;
        private final String message;

        /**
         * Checks the components.
         *
         * @param line  the line
         * @param problem  the problem
         * @param message  the message
         */
        public Finding(long line, Problem problem, String message) {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(message, "message");
            this.line = line;
            this.problem = problem;
            this.message = message;
        }

        /**
         * Returns the finding as "line 7: MISSING: receipt 7 is missing (...)".
         *
         * @return the text, never null
         */
        @Override
        public String toString() {
            return "line " + line + ": " + problem + ": " + message;
        }

        /**
         * Gets the line it is found at, from 1.
         *
         * @return the line it is found at, from 1
         */
        public long getLine() {
            return line;
        }

        /**
         * Gets the problem: what is wrong.
         *
         * @return what is wrong, not null
         */
        public Problem getProblem() {
            return problem;
        }

        /**
         * Gets the message: what is wrong, in words.
         *
         * @return what is wrong, in words, not null
         */
        public String getMessage() {
            return message;
        }

        @Override
        public boolean equals(Object obj) {
            return obj == this || obj instanceof Finding other
                    && line == other.line && java.util.Objects.equals(problem, other.problem)
                            && java.util.Objects.equals(message, other.message);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(line, problem, message);
        }
    }

    private final Status status;
    private final List<Finding> findings;
    private final long findingCount;
    private final long receipts;
    private final String head;
    private final byte[] signature;

    private ReceiptChain(Status status, List<Finding> findings, long findingCount, long receipts, String head,
            byte[] signature) {
        this.status = status;
        this.findings = List.copyOf(findings);
        this.findingCount = findingCount;
        this.receipts = receipts;
        this.head = head;
        this.signature = signature;
    }

    /**
     * Gets what the chain says of the file.
     *
     * @return the status, never null
     */
    public Status getStatus() {
        return status;
    }

    /**
     * Gets the problems, in the order of their lines (at most 1,000; {@link #getFindingCount()} counts them all).
     *
     * @return the problems, empty unless the status is {@link Status#BROKEN}, never null
     */
    public List<Finding> getFindings() {
        return findings;
    }

    /**
     * Gets how many problems were found, including any beyond those kept.
     *
     * @return the count
     */
    public long getFindingCount() {
        return findingCount;
    }

    /**
     * Gets how many receipts the file holds.
     *
     * @return the count
     */
    public long getReceipts() {
        return receipts;
    }

    /**
     * Gets the head digest: the SHA-256 of the last receipt line's bytes, which, through the links, stands for every
     * receipt before it ({@link #GENESIS} for a file without receipts).
     *
     * @return "sha256:" and 64 hex digits, never null
     */
    public String getHead() {
        return head;
    }

    /**
     * Tells whether the file's end line carries a signature of its count and head.
     *
     * @return true if it does, whoever made it
     */
    public boolean isSigned() {
        return signature != null;
    }

    /**
     * Tells whether the file is intact and its end line's signature was made by the private key of a public key: the
     * operator who holds that key finished this file, with these receipts, in this order, and no other.
     *
     * @param key  the operator's Ed25519 public key, not null
     * @return true if the chain is {@link Status#INTACT} and the signature verifies with the key; false if it is not
     *  intact, is unsigned, or was signed by another key
     * @throws IllegalArgumentException if the key is not an Ed25519 public key
     */
    public boolean isSignedBy(PublicKey key) {
        Objects.requireNonNull(key, "key");
        return status == Status.INTACT && signature != null
                && ReceiptKeys.verify(key, endLine(receipts, head), signature.clone());
    }

    /**
     * Tells whether the chain can be trusted as a whole: intact, or unchained without duplicate receipts.
     *
     * @return true if the status is {@link Status#INTACT} or {@link Status#UNCHAINED}
     */
    public boolean isTrusted() {
        return status == Status.INTACT || status == Status.UNCHAINED;
    }

    /**
     * Returns a summary such as "chain intact: 13 receipts, head sha256:...", with ", signed (Ed25519)" if the end line
     * carries a signature (whose key this does not check), or "chain broken: 2 problems".
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        return switch (status) {
            case INTACT -> "chain intact: " + receipts + " receipt" + (receipts == 1 ? "" : "s") + ", head " + head
                    + (signature == null ? "" : ", signed (" + ReceiptKeys.ALGORITHM + ")");
            case UNCHAINED -> "unchained (format " + Receipt.FORMAT + "): " + receipts + " receipt"
                    + (receipts == 1 ? "" : "s") + ", their order and number cannot be checked";
            case BROKEN -> "chain broken: " + findingCount + " problem" + (findingCount == 1 ? "" : "s");
            case EMPTY -> "no receipts";
        };
    }

    /** The chain a writer wrote and finished: intact, or empty. */
    static ReceiptChain written(long count, String head, byte[] signature) {
        return new ReceiptChain(count == 0 ? Status.EMPTY : Status.INTACT, List.of(), 0, count, head, signature);
    }

    /** Tells whether a text is "sha256:" and 64 lower-case hex digits. */
    static boolean isDigest(String text) {
        if (text.length() != 71 || !text.startsWith("sha256:")) {
            return false;
        }
        for (int i = 7; i < 71; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** A SHA-256 for digesting lines, one per reader or writer. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException notPossible) {
            throw new IllegalStateException("carbon bug: every JDK has SHA-256", notPossible);
        }
    }

    /** "sha256:" and the hex digest of a line's bytes. */
    static String digest(MessageDigest sha, byte[] line) {
        return "sha256:" + Digests.hex(sha.digest(line));
    }

    /**
     * The text of the end line of a chain of {@code count} receipts whose last line has the digest {@code head}, without
     * a signature: what a signature signs.
     */
    static String endLine(long count, String head) {
        return endLine(count, head, null);
    }

    /** The text of the end line, with an Ed25519 signature of {@link #endLine(long, String)} if one is given. */
    static String endLine(long count, String head, byte[] signature) {
        return "{\"count\":\"" + count + "\",\"format\":\"" + Receipt.CHAINED_FORMAT + "\",\"head\":\"" + head
                + "\",\"kind\":\"end\"" + (signature == null ? "" : ",\"signature\":{\"algorithm\":\""
                + ReceiptKeys.ALGORITHM + "\",\"value\":\"" + Base64.getEncoder().encodeToString(signature) + "\"}")
                + "}";
    }

    //-----------------------------------------------------------------------
    /**
     * Checks a file's chain line by line, as it is read: receipts in order, each with the digest of its own bytes,
     * then the end line if there is one. Its memory grows by 4 bytes per receipt (the line of each place) and 12 per
     * receipt id (a 64-bit fingerprint and a line), so that a file of a million receipts is checked in about 20 MB.
     */
    static final class Checker {
        private final List<Finding> findings = new ArrayList<>();
        private long findingCount;
        private long receipts;
        private long chained;
        private long expected = 1;
        private String previousDigest = GENESIS;
        private long previousLine;
        private long endLine;
        /** The line of each place seen, by place (0 for none). */
        private int[] lineOfPlace = new int[1024];
        /** Places skipped, with the line where the gap was seen: dropped, unless a later line holds them. */
        private final TreeMap<Long, Long> skipped = new TreeMap<>();
        /** The digests of the lines found out of their place, by place: a later line may link to one of them. */
        private final Map<Long, String> displaced = new java.util.HashMap<>();
        private final Fingerprints ids = new Fingerprints();
        private final MessageDigest sha = sha256();
        private byte[] signature;

        void receipt(long line, Receipt receipt, String digest) {
            if (endLine > 0) {
                add(line, Problem.MIXED, "a receipt after the end line at line " + endLine);
            }
            receipts++;
            Receipt.Link link = receipt.getLink().orElse(null);
            boolean repeated = false;
            if (link == null) {
                if (chained > 0) {
                    add(line, Problem.MIXED, "a receipt without a chain link in a chained file");
                }
            } else {
                if (chained == 0 && receipts > 1) {
                    add(line, Problem.MIXED, "a chained receipt after " + (receipts - 1) + " without links");
                }
                chained++;
                repeated = place(line, link, digest);
            }
            String key = receipt.getKind() + "\u0000" + receipt.getId() + "\u0000" + receipt.get("ruleset.id").orElse("")
                    + "\u0000" + receipt.get("rule").orElse("");
            long first = ids.putIfAbsent(fingerprint(key), line);
            if (first != 0 && !repeated) {
                add(line, Problem.DUPLICATE_ID, "receipt " + receipt.getId() + " (" + receipt.getKind()
                        + receipt.get("ruleset.id").map(id -> ", rule set " + id).orElse("")
                        + receipt.get("rule").map(rule -> ", rule " + rule).orElse("") + ") is already at line " + first);
            }
            previousDigest = digest;
            previousLine = line;
        }

        /** Checks a chained receipt's place and link; tells whether its place was taken before. */
        private boolean place(long line, Receipt.Link link, String digest) {
            long sequence = link.getSequence();
            boolean repeated = false;
            if (sequence == expected) {
                if (!link.getPrevious().equals(previousDigest) && !link.getPrevious().equals(displaced.get(sequence - 1))) {
                    add(previousLine == 0 ? line : previousLine, Problem.CHANGED, previousLine == 0
                            ? "the first receipt links to " + link.getPrevious() + ", not to the start of a chain"
                            : "line " + previousLine + "'s bytes are not those line " + line + " links to (it was changed"
                                    + " after it was chained)");
                }
            } else if (sequence < lineOfPlace.length && lineOfPlace[(int) sequence] != 0) {
                repeated = true;
                add(line, Problem.DUPLICATE, "receipt " + sequence + " is already at line " + lineOfPlace[(int) sequence]);
            } else if (skipped.remove(sequence) != null) {
                add(line, Problem.REORDERED, "receipt " + sequence + " comes after receipt " + (expected - 1)
                        + ": out of its place");
            } else if (sequence > expected) {
                for (long gap = expected; gap < sequence && skipped.size() < MAX_FINDINGS; gap++) {
                    skipped.put(gap, line);
                }
            } else {
                add(line, Problem.REORDERED, "receipt " + sequence + " comes after receipt " + (expected - 1)
                        + ": out of its place");
            }
            if (sequence != expected && displaced.size() < MAX_FINDINGS) {
                displaced.put(sequence, digest);
            }
            if (!repeated) {
                // a place far beyond the receipts read so far (a hostile or garbled link) is a gap, and is not given
                // room: memory follows the receipts read, not the numbers a file claims
                if (sequence >= lineOfPlace.length && sequence <= 2 * receipts + 1024) {
                    lineOfPlace = Arrays.copyOf(lineOfPlace, (int) Math.max(sequence + 1, lineOfPlace.length * 2L));
                }
                if (sequence < lineOfPlace.length) {
                    lineOfPlace[(int) sequence] = (int) Math.min(line, Integer.MAX_VALUE);
                }
                expected = Math.max(expected, sequence + 1);
            }
            return repeated;
        }

        void end(long line, Map<?, ?> end) {
            if (endLine > 0) {
                add(line, Problem.MIXED, "a second end line; the first is at line " + endLine);
                return;
            }
            endLine = line;
            if (chained == 0 && receipts > 0) {
                add(line, Problem.MIXED, "an end line after " + receipts + " receipts without links");
                return;
            }
            long count;
            try {
                count = Long.parseLong(String.valueOf(end.get("count")));
            } catch (NumberFormatException bad) {
                add(line, Problem.CHANGED, "the end line's count is not a number: " + end.get("count"));
                return;
            }
            if (count > expected - 1) {
                for (long gap = expected; gap <= count && skipped.size() < MAX_FINDINGS; gap++) {
                    skipped.put(gap, line);
                }
            } else if (count < expected - 1) {
                add(line, Problem.CHANGED, "the end line counts " + count + " receipts; the file holds receipts up to "
                        + (expected - 1));
            } else if (!previousDigest.equals(end.get("head"))) {
                add(previousLine == 0 ? line : previousLine, Problem.CHANGED, "line " + previousLine + "'s bytes are"
                        + " not those the end line's head names (it was changed after it was chained)");
            }
            signature(line, end);
        }

        /** Reads the end line's signature, if it has one: {"algorithm": "Ed25519", "value": Base64}. */
        private void signature(long line, Map<?, ?> end) {
            Object value = end.get("signature");
            if (value == null) {
                return;
            }
            if (value instanceof Map<?, ?> map && map.size() == 2 && ReceiptKeys.ALGORITHM.equals(map.get("algorithm"))
                    && map.get("value") instanceof String text && text.length() <= 256) {
                try {
                    signature = Base64.getDecoder().decode(text);
                    return;
                } catch (IllegalArgumentException notBase64) {
                    // reported below
                }
            }
            add(line, Problem.CHANGED, "the end line's signature is not {\"algorithm\":\"" + ReceiptKeys.ALGORITHM
                    + "\",\"value\":Base64}");
        }

        ReceiptChain finish() {
            for (Map.Entry<Long, Long> gap : skipped.entrySet()) {
                add(gap.getValue(), Problem.MISSING, "receipt " + gap.getKey() + " is missing: the file goes from receipt "
                        + (gap.getKey() - 1) + " to a later one");
            }
            if (chained > 0 && endLine == 0) {
                add(previousLine, Problem.TRUNCATED, "the file ends after receipt " + (expected - 1)
                        + " without its end line: it was cut short, or its writer did not finish");
            }
            findings.sort((a, b) -> Long.compare(a.getLine(), b.getLine()));
            Status status = receipts == 0 && findingCount == 0 ? Status.EMPTY : findingCount > 0 ? Status.BROKEN
                    : chained > 0 ? Status.INTACT : Status.UNCHAINED;
            return new ReceiptChain(status, findings, findingCount, receipts, previousDigest, signature);
        }

        private void add(long line, Problem problem, String message) {
            findingCount++;
            if (findings.size() < MAX_FINDINGS) {
                findings.add(new Finding(line, problem, message));
            }
        }

        private long fingerprint(String key) {
            byte[] hash = sha.digest(key.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = value << 8 | (hash[i] & 0xff);
            }
            return value;
        }
    }

    /**
     * A set of 64-bit fingerprints, each with the line it was first seen at: open addressing over two arrays, 12 bytes
     * an entry at most half full. Two different receipt ids share a fingerprint with a chance of about n^2 / 2^65
     * (3 in 100 million for a million receipts); they would be reported as a duplicate.
     */
    private static final class Fingerprints {
        private long[] keys = new long[1 << 10];
        private int[] lines = new int[1 << 10];
        private int size;
        private boolean hasZero;
        private int zeroLine;

        /** Adds a fingerprint with its line; gives the line it was first seen at, or 0 if it is new. */
        long putIfAbsent(long key, long line) {
            int at = (int) Math.min(line, Integer.MAX_VALUE);
            if (key == 0) {
                if (hasZero) {
                    return zeroLine;
                }
                hasZero = true;
                zeroLine = at;
                return 0;
            }
            int mask = keys.length - 1;
            int i = (int) (key ^ key >>> 32) * 0x9E3779B9 & mask;
            while (keys[i] != 0) {
                if (keys[i] == key) {
                    return lines[i];
                }
                i = i + 1 & mask;
            }
            keys[i] = key;
            lines[i] = at;
            if (++size * 2 > keys.length) {
                grow();
            }
            return 0;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldLines = lines;
            keys = new long[oldKeys.length * 2];
            lines = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != 0) {
                    int i = (int) (oldKeys[j] ^ oldKeys[j] >>> 32) * 0x9E3779B9 & mask;
                    while (keys[i] != 0) {
                        i = i + 1 & mask;
                    }
                    keys[i] = oldKeys[j];
                    lines[i] = oldLines[j];
                }
            }
        }
    }
}
