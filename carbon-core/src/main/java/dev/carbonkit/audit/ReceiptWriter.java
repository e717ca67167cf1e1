package dev.carbonkit.audit;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.Objects;

/**
 * Writes a chained receipts file (docs/receipt-format.md): one canonical receipt per line, each line ending in a line
 * feed, in UTF-8, each receipt linked to the line before it by that line's SHA-256 and numbered from 1; and, when
 * {@link #finish} is called, an end line with the count and the head digest. A receipt dropped, repeated, moved or
 * changed in any byte afterwards, or the file cut short, breaks the chain, and {@link ReceiptReader#getChain()} says
 * where. Receipts are written as they come, so a file of any size is written in constant memory.
 * <p>
 * Call {@link #finish} once every receipt is written: a file closed without it has no end line and reads as cut
 * short, which is what a run that failed half-way should leave.
 * <p>
 * This class is not thread-safe.
 */
public final class ReceiptWriter implements Closeable, Flushable {

    private final OutputStream out;
    private final MessageDigest sha = ReceiptChain.sha256();
    private String previous = ReceiptChain.GENESIS;
    private long count;
    private boolean finished;
    private byte[] signature;

    /**
     * Creates a writer to a stream, which it closes when closed.
     *
     * @param out  the stream, not null
     */
    public ReceiptWriter(OutputStream out) {
        this.out = new BufferedOutputStream(Objects.requireNonNull(out, "out"), 1 << 16);
    }

    /**
     * Writes a receipt, linked to the line before it, and a line feed.
     *
     * @param receipt  the receipt, not null
     * @return the receipt as written, with its link: what a reader of the file gives back, never null
     * @throws IOException if the stream fails
     * @throws IllegalStateException if the file is finished
     */
    public Receipt write(Receipt receipt) throws IOException {
        Objects.requireNonNull(receipt, "receipt");
        if (finished) {
            throw new IllegalStateException("The receipts file is finished; receipt " + receipt.getId()
                    + " would follow its end line");
        }
        Receipt chained = receipt.toChained(count + 1, previous);
        byte[] line = chained.toJson().getBytes(StandardCharsets.UTF_8);
        out.write(line);
        out.write('\n');
        previous = ReceiptChain.digest(sha, line);
        count++;
        return chained;
    }

    /**
     * Writes receipts in order.
     *
     * @param receipts  the receipts, not null
     * @throws IOException if the stream fails
     */
    public void writeAll(Iterable<Receipt> receipts) throws IOException {
        for (Receipt receipt : receipts) {
            write(receipt);
        }
    }

    /**
     * Writes the end line, with the number of receipts and the head digest, and flushes. Calling it again does
     * nothing more.
     *
     * @return the chain written: intact (or empty), with its count and head, never null
     * @throws IOException if the stream fails
     */
    public ReceiptChain finish() throws IOException {
        return finish(null);
    }

    /**
     * Writes the end line, with the number of receipts, the head digest and their Ed25519 signature by a key the
     * operator holds, and flushes: anyone with the public key can check that the file is the one the operator
     * finished ({@link ReceiptChain#isSignedBy}). The signature is of the end line's text without it
     * (docs/receipt-format.md); Ed25519 signatures are deterministic, so the same file and key give the same bytes.
     * Calling it again does nothing more.
     *
     * @param signingKey  an Ed25519 private key, or null to write no signature
     * @return the chain written: intact (or empty), with its count and head, never null
     * @throws IOException if the stream fails
     * @throws IllegalArgumentException if the key is not an Ed25519 private key; nothing is written then
     */
    public ReceiptChain finish(PrivateKey signingKey) throws IOException {
        if (!finished) {
            String end = ReceiptChain.endLine(count, previous);
            byte[] signature = signingKey == null ? null : ReceiptKeys.sign(signingKey, end);
            out.write(ReceiptChain.endLine(count, previous, signature).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            out.flush();
            finished = true;
            this.signature = signature;
        }
        return ReceiptChain.written(count, previous, signature);
    }

    /**
     * Gets the number of receipts written.
     *
     * @return the count
     */
    public long getCount() {
        return count;
    }

    /**
     * Gets the head digest: the SHA-256 of the last receipt line written, which through the links stands for every
     * receipt before it; {@link ReceiptChain#GENESIS} before the first. A report publishes it.
     *
     * @return "sha256:" and 64 hex digits, never null
     */
    public String getHead() {
        return previous;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
