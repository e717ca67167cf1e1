package dev.carbonkit.audit;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes receipts as JSON Lines: one canonical receipt per line, each line ending in a line feed, in UTF-8.
 * Receipts are written as they come, so a file of any size is written in constant memory.
 * <p>
 * This class is not thread-safe.
 */
public final class ReceiptWriter implements Closeable, Flushable {

    private final Writer out;
    private long count;

    /**
     * Creates a writer to a stream, which it closes when closed.
     *
     * @param out  the stream, not null
     */
    public ReceiptWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(Objects.requireNonNull(out, "out"), StandardCharsets.UTF_8),
                1 << 16);
    }

    /**
     * Writes a receipt and a line feed.
     *
     * @param receipt  the receipt, not null
     * @throws IOException if the stream fails
     */
    public void write(Receipt receipt) throws IOException {
        out.write(receipt.toJson());
        out.write('\n');
        count++;
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
     * Gets the number of receipts written.
     *
     * @return the count
     */
    public long getCount() {
        return count;
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
