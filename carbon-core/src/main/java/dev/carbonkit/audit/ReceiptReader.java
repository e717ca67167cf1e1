package dev.carbonkit.audit;

import dev.carbonkit.internal.Checks;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads receipts from JSON Lines, one at a time, so a file of any size is read in bounded memory, and checks the
 * file's chain as it goes: {@link #getChain()}, once every receipt is read, says whether every receipt is in its
 * place, linked and complete, or what is wrong at which line. Files of format {@value Receipt#FORMAT} (without links)
 * are read as before and reported as unchained. Blank lines are skipped. A line that is not a receipt, or is longer
 * than a mebibyte of characters (read no further than that), stops the reading with a {@link ReceiptFormatException}
 * naming the source, the line and the column; the receipts before it have been returned already.
 * <p>
 * This class is not thread-safe.
 */
public final class ReceiptReader implements Closeable, Iterable<Receipt> {

    /** The longest line read: a receipt of a few kilobytes, with room for long explanations. */
    static final int MAX_LINE = 1 << 20;

    private final java.io.Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean skipLineFeed;
    private final String source;
    private long line;
    private final MessageDigest sha = ReceiptChain.sha256();
    private final ReceiptChain.Checker checker = new ReceiptChain.Checker();
    private ReceiptChain chain;

    /**
     * Creates a reader of a stream of UTF-8, which it closes when closed.
     *
     * @param in  the stream, not null
     * @param source  the name of the file, for errors, not null
     */
    public ReceiptReader(InputStream in, String source) {
        this.in = new InputStreamReader(Objects.requireNonNull(in, "in"),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Reads the next receipt.
     *
     * @return the receipt, or null at the end
     * @throws IOException if the stream fails or is not UTF-8
     * @throws ReceiptFormatException if a line is not a receipt
     */
    public Receipt read() throws IOException {
        while (true) {
            String text = nextLine();
            if (text == null) {
                if (chain == null) {
                    chain = checker.finish();
                }
                return null;
            }
            line++;
            if (Checks.isBlank(text)) {
                continue;
            }
            try {
                Map<String, Object> tree = Receipt.parseObject(text);
                String digest = ReceiptChain.digest(sha, text.getBytes(StandardCharsets.UTF_8));
                if ("end".equals(tree.get("kind")) && Receipt.CHAINED_FORMAT.equals(tree.get("format"))) {
                    checker.end(line, tree);
                    continue;
                }
                Receipt receipt = Receipt.checked(tree);
                checker.receipt(line, receipt, digest);
                return receipt;
            } catch (ReceiptFormatException bad) {
                throw bad.in(source, line);
            }
        }
    }

    /**
     * The next line, without its terminator ("\n", "\r\n" or "\r"), or null at the end; a line longer than
     * {@value #MAX_LINE} characters stops the reading there, before it is held.
     */
    private String nextLine() throws IOException {
        StringBuilder text = null;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return text == null ? null : text.toString();
                }
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            int length = (text == null ? 0 : text.length()) + position - start;
            if (length > MAX_LINE) {
                throw new ReceiptFormatException(1, 1, "a line of more than " + MAX_LINE + " characters; a receipt is"
                        + " far shorter").in(source, line + 1);
            }
            if (position < limit) {
                char end = buffer[position++];
                skipLineFeed = end == '\r';
                if (text == null) {
                    return new String(buffer, start, position - 1 - start);
                }
                return text.append(buffer, start, position - 1 - start).toString();
            }
            if (text == null) {
                text = new StringBuilder(Math.max(256, 2 * (position - start)));
            }
            text.append(buffer, start, position - start);
        }
    }

    /**
     * Gets what reading found of the file's chain: intact, unchained, broken (each problem with its line) or empty.
     *
     * @return the chain, never null
     * @throws IllegalStateException if the file has not been read to its end
     */
    public ReceiptChain getChain() {
        if (chain == null) {
            throw new IllegalStateException("The chain of " + source + " is known once the file is read to its end");
        }
        return chain;
    }

    /**
     * Gets the line of the last receipt read.
     *
     * @return the line, 0 before the first
     */
    public long getLine() {
        return line;
    }

    /**
     * Iterates the remaining receipts; an I/O failure is thrown as an {@link UncheckedIOException}.
     *
     * @return the iterator, never null
     */
    @Override
    public Iterator<Receipt> iterator() {
        return new Iterator<>() {
            private Receipt next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = read();
                    } catch (IOException failed) {
                        throw new UncheckedIOException(failed);
                    }
                }
                return next != null;
            }

            @Override
            public Receipt next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Receipt receipt = next;
                next = null;
                return receipt;
            }
        };
    }

    /**
     * Streams the remaining receipts, lazily.
     *
     * @return the stream, never null
     */
    public Stream<Receipt> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED
                | Spliterator.NONNULL), false);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
