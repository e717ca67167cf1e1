package dev.carbonkit.io;

import dev.carbonkit.internal.DecimalText;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a YAML file as the composer reads it: decoded from the stream as it is parsed (strict UTF-8, a
 * byte-order mark dropped, the size limit applied while reading), and refused at the first run of characters without a
 * space or line break longer than the longest value, before SnakeYAML scans it (it scans such a run in time that grows
 * with its square). Problems are thrown as {@link TreeComposer.Refused}, a failing stream as
 * {@link TreeComposer.StreamFailed}. Not API.
 */
final class YamlText {

    private YamlText() {
    }

    /** The text of a string, checked for its length and for long words. */
    static Reader of(String text, LoadLimits limits) {
        if (text.length() > limits.getMaxBytes()) {
            return new Reader() {
                @Override
                public int read(char[] buffer, int offset, int length) {
                    throw new TreeComposer.Refused(0, 0, "the file is larger than the limit of " + limits.getMaxBytes()
                            + " bytes");
                }

                @Override
                public void close() {
                    // nothing held
                }
            };
        }
        return new Words(new StringReader(text), limits.getMaxValueLength());
    }

    /** The text of a stream of UTF-8, read to its end or one byte past the size limit; the stream is not closed. */
    static Reader of(InputStream in, LoadLimits limits) {
        return new Words(new Utf8(in, limits.getMaxBytes()), limits.getMaxValueLength());
    }

    /** Finds the first word (a run without a space or line break) longer than the limit, and refuses it. */
    private static final class Words extends Reader {
        private final Reader in;
        private final int limit;
        private final StringBuilder start = new StringBuilder();
        private int line = 1;
        private int column;
        private int run;
        private int runLine;
        private int runColumn;

        Words(Reader in, int limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            for (int i = offset; i < offset + read; i++) {
                if (see(buffer[i])) {
                    throw refusal(buffer, i + 1, offset + read);
                }
            }
            return read;
        }

        /** Sees one character; tells whether it makes a word too long. */
        private boolean see(char c) {
            column++;
            if (isSpace(c)) {
                run = 0;
                if (c == '\n') {
                    line++;
                    column = 0;
                }
                return false;
            }
            if (run == 0) {
                runLine = line;
                runColumn = column;
                start.setLength(0);
            }
            run++;
            if (start.length() <= DecimalText.EXCERPT) {
                start.append(c);
            }
            return run > limit;
        }

        /** Reads on to the end of the word (the rest of the buffer read, then the text), to say its length. */
        private TreeComposer.Refused refusal(char[] buffer, int from, int to) throws IOException {
            long length = run;
            char[] chars = buffer;
            int i = from;
            int read = to;
            scan:
            while (true) {
                for (; i < read; i++) {
                    if (isSpace(chars[i])) {
                        break scan;
                    }
                    length++;
                }
                if (chars == buffer) {
                    chars = new char[8192];
                }
                read = in.read(chars, 0, chars.length);
                if (read < 0) {
                    break;
                }
                i = 0;
            }
            return new TreeComposer.Refused(runLine, runColumn, "a word of " + length + " characters (no space or line"
                    + " break), more than the limit of " + limit + " for a value: "
                    + DecimalText.excerpt(start, length));
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\n' || c == '\r' || c == '\t';
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Strict UTF-8 from a stream, in chunks, with the size limit applied to the bytes read. */
    private static final class Utf8 extends Reader {
        private final InputStream in;
        private final int maxBytes;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final byte[] chunk = new byte[8192];
        private final ByteBuffer bytes = ByteBuffer.wrap(chunk);
        /** Bytes read before the chunk's first, and the line at the chunk's first byte. */
        private long before;
        private int line = 1;
        private long total;
        private boolean started;
        private boolean ended;
        private boolean flushed;

        Utf8(InputStream in, int maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
            ((Buffer) bytes).limit(0);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            CharBuffer out = CharBuffer.wrap(buffer, offset, length);
            while (true) {
                CoderResult result = decoder.decode(bytes, out, ended);
                if (result.isError()) {
                    throw notUtf8(bytes.position());
                }
                if (out.position() > offset) {
                    return out.position() - offset;
                }
                if (ended) {
                    if (!flushed) {
                        flushed = true;
                        decoder.flush(out);
                        if (out.position() > offset) {
                            return out.position() - offset;
                        }
                    }
                    return -1;
                }
                if (result.isOverflow()) {
                    throw new IllegalStateException("a read of " + length + " characters cannot hold one character");
                }
                fill();
            }
        }

        /** Keeps the bytes not yet decoded (part of one character) and reads more after them. */
        private void fill() throws IOException {
            int kept = bytes.remaining();
            int consumed = bytes.position();
            for (int i = 0; i < consumed; i++) {
                if (chunk[i] == '\n') {
                    line++;
                }
            }
            before += consumed;
            System.arraycopy(chunk, consumed, chunk, 0, kept);
            int read = 0;
            do {
                // the first read gathers three bytes, to see a byte-order mark whole
                int more;
                try {
                    more = in.read(chunk, kept + read, chunk.length - kept - read);
                } catch (IOException failed) {
                    throw new TreeComposer.StreamFailed(failed);
                }
                if (more < 0) {
                    ended = true;
                    break;
                }
                read += more;
            } while (!started && kept + read < 3);
            total += read;
            if (total > maxBytes) {
                throw new TreeComposer.Refused(0, 0, "the file is larger than the limit of " + maxBytes + " bytes");
            }
            ((Buffer) bytes).position(0);
            ((Buffer) bytes).limit(kept + read);
            if (!started) {
                started = true;
                if (read >= 3 && (chunk[0] & 0xff) == 0xEF && (chunk[1] & 0xff) == 0xBB && (chunk[2] & 0xff) == 0xBF) {
                    ((Buffer) bytes).position(3);
                }
            }
        }

        private TreeComposer.Refused notUtf8(int position) {
            int at = line;
            for (int i = 0; i < position; i++) {
                if (chunk[i] == '\n') {
                    at++;
                }
            }
            return new TreeComposer.Refused(at, 0, "the file is not valid UTF-8 (byte " + (before + position + 1) + ")");
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }
}
