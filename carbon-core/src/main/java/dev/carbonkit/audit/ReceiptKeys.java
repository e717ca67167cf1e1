package dev.carbonkit.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * The keys that sign a receipts file's head (docs/receipt-format.md, "Signed files"): Ed25519 through the JDK's own
 * {@code java.security}, read from and written to PEM text as OpenSSL writes them ({@code openssl genpkey -algorithm
 * ed25519} for a private key, PKCS #8; {@code openssl pkey -pubout} for its public key, X.509 SubjectPublicKeyInfo).
 * <p>
 * This class is immutable and thread-safe.
 */
public final class ReceiptKeys {

    /** The signature algorithm, as the JDK and the end line name it. */
    public static final String ALGORITHM = "Ed25519";

    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private ReceiptKeys() {
    }

    /**
     * Generates a new key pair.
     *
     * @return the pair, never null
     * @throws IllegalStateException if the JDK has no Ed25519 (every JDK from 15 on has)
     */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException none) {
            throw new IllegalStateException("This JVM has no " + ALGORITHM + " key generator", none);
        }
    }

    /**
     * Reads an Ed25519 private key from PEM text ("-----BEGIN PRIVATE KEY-----", PKCS #8).
     *
     * @param pem  the text, not null
     * @param source  where it came from, for errors, not null
     * @return the key, never null
     * @throws IllegalArgumentException if the text is not such a key, naming the source
     */
    public static PrivateKey readPrivateKey(String pem, String source) {
        return read(pem, PRIVATE, source, (factory, der) -> factory.generatePrivate(new PKCS8EncodedKeySpec(der)));
    }

    /**
     * Reads an Ed25519 public key from PEM text ("-----BEGIN PUBLIC KEY-----", X.509 SubjectPublicKeyInfo).
     *
     * @param pem  the text, not null
     * @param source  where it came from, for errors, not null
     * @return the key, never null
     * @throws IllegalArgumentException if the text is not such a key, naming the source
     */
    public static PublicKey readPublicKey(String pem, String source) {
        return read(pem, PUBLIC, source, (factory, der) -> factory.generatePublic(new X509EncodedKeySpec(der)));
    }

    /** How a key is made from its DER bytes. */
    private interface Decoder<K> {
        K decode(KeyFactory factory, byte[] der) throws InvalidKeySpecException;
    }

    /** Reads a PEM block of a label and makes the key of its bytes; names the source if they are not such a key. */
    private static <K> K read(String pem, String label, String source, Decoder<K> decoder) {
        byte[] der = der(pem, label, source);
        try {
            return decoder.decode(KeyFactory.getInstance(ALGORITHM), der);
        } catch (InvalidKeySpecException bad) {
            throw new IllegalArgumentException(source + ": not an " + ALGORITHM + " " + label.toLowerCase(
                    java.util.Locale.ROOT) + ": " + bad.getMessage(), bad);
        } catch (GeneralSecurityException none) {
            throw new IllegalStateException("This JVM has no " + ALGORITHM + " keys", none);
        }
    }

    /**
     * Writes a key as PEM text: a private key as PKCS #8, a public key as X.509 SubjectPublicKeyInfo, 64 characters a
     * line, each line ending in a line feed.
     *
     * @param key  an Ed25519 key, not null
     * @return the text, never null
     * @throws IllegalArgumentException if the key is not an Ed25519 private or public key
     */
    public static String toPem(Key key) {
        Objects.requireNonNull(key, "key");
        if (!ALGORITHM.equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("Not an " + ALGORITHM + " key: " + key.getAlgorithm());
        }
        String label = key instanceof PrivateKey ? PRIVATE : key instanceof PublicKey ? PUBLIC : null;
        if (label == null) {
            throw new IllegalArgumentException("Neither a private nor a public key: " + key.getClass().getName());
        }
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] der(String pem, String label, String source) {
        Objects.requireNonNull(pem, "pem");
        Objects.requireNonNull(source, "source");
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        // the end is looked for after the begin line, not inside it: "-----BEGIN X------END X-----" shares dashes
        int to = from < 0 ? -1 : pem.indexOf(end, from + begin.length());
        if (to < 0) {
            throw new IllegalArgumentException(source + ": no " + begin + " ... " + end + " block; an " + ALGORITHM + " "
                    + label.toLowerCase(java.util.Locale.ROOT) + " is written so by 'carbon keys' or OpenSSL");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException(source + ": the " + label.toLowerCase(java.util.Locale.ROOT)
                    + " block is not Base64: " + bad.getMessage(), bad);
        }
    }

    /** Signs an end line's text (without its signature) with a private key. */
    static byte[] sign(PrivateKey key, String endLine) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(endLine.getBytes(StandardCharsets.UTF_8));
            return signature.sign();
        } catch (InvalidKeyException bad) {
            throw new IllegalArgumentException("Not an " + ALGORITHM + " private key: " + key.getAlgorithm(), bad);
        } catch (GeneralSecurityException none) {
            throw new IllegalStateException("This JVM cannot sign with " + ALGORITHM, none);
        }
    }

    /** Tells whether a signature of an end line's text was made by the private key of a public key. */
    static boolean verify(PublicKey key, String endLine, byte[] value) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(endLine.getBytes(StandardCharsets.UTF_8));
            return signature.verify(value);
        } catch (InvalidKeyException bad) {
            throw new IllegalArgumentException("Not an " + ALGORITHM + " public key: " + key.getAlgorithm(), bad);
        } catch (SignatureException malformed) {
            return false;
        } catch (GeneralSecurityException none) {
            throw new IllegalStateException("This JVM cannot verify " + ALGORITHM + " signatures", none);
        }
    }
}
