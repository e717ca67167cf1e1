package dev.carbonkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A file's head can be signed with Ed25519 by a key the operator holds, and checked with the public key: a file
 * signed by another key, unsigned, or changed after it was signed is not taken as signed.
 */
class ReceiptSignatureTest {

    private static final KeyPair OPERATOR = ReceiptKeys.generate();

    private static String resource(String name) throws IOException {
        try (InputStream in = ReceiptSignatureTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> signed(List<Receipt> receipts, PrivateKey key) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ReceiptWriter writer = new ReceiptWriter(bytes)) {
            writer.writeAll(receipts);
            ReceiptChain written = writer.finish(key);
            assertThat(written.isSignedBy(OPERATOR.getPublic())).isEqualTo(key == OPERATOR.getPrivate());
        }
        return new ArrayList<>(List.of(bytes.toString(StandardCharsets.UTF_8).split("\n")));
    }

    @Test
    void aSignedFile_isSignedByTheOperatorsKey_andNoOther() throws IOException {
        List<String> lines = signed(ReceiptChainTest.receipts(5), OPERATOR.getPrivate());
        ReceiptChain chain = ReceiptChainTest.read(lines);
        assertThat(chain.getStatus()).isEqualTo(ReceiptChain.Status.INTACT);
        assertThat(chain.isSigned()).isTrue();
        assertThat(chain.isSignedBy(OPERATOR.getPublic())).isTrue();
        assertThat(chain.isSignedBy(ReceiptKeys.generate().getPublic())).isFalse();
        assertThat(chain.toString()).endsWith(", signed (Ed25519)");
        assertThat(lines.get(5)).startsWith("{\"count\":\"5\",\"format\":\"carbonkit-receipt/2\",\"head\":\""
                + chain.getHead() + "\",\"kind\":\"end\",\"signature\":{\"algorithm\":\"Ed25519\",\"value\":\"");
        // Ed25519 is deterministic: the same file and key, the same bytes
        assertThat(signed(ReceiptChainTest.receipts(5), OPERATOR.getPrivate())).isEqualTo(lines);
    }

    @Test
    void anUnsignedFile_orOneChangedAfterSigning_isNotSigned() throws IOException {
        ReceiptChain unsigned = ReceiptChainTest.read(signed(ReceiptChainTest.receipts(3), null));
        assertThat(unsigned.getStatus()).isEqualTo(ReceiptChain.Status.INTACT);
        assertThat(unsigned.isSigned()).isFalse();
        assertThat(unsigned.isSignedBy(OPERATOR.getPublic())).isFalse();

        List<String> lines = signed(ReceiptChainTest.receipts(3), OPERATOR.getPrivate());
        // a receipt changed: the chain breaks, and a broken chain is not signed whatever its end line says
        List<String> changed = new ArrayList<>(lines);
        changed.set(1, changed.get(1).replace("\"account\":\"bob\"", "\"account\":\"eve\""));
        ReceiptChain broken = ReceiptChainTest.read(changed);
        assertThat(broken.getStatus()).isEqualTo(ReceiptChain.Status.BROKEN);
        assertThat(broken.isSignedBy(OPERATOR.getPublic())).isFalse();

        // the last receipt dropped and the end line's count and head made to match: intact, but not signed by the key
        List<String> shortened = new ArrayList<>(lines.subList(0, 2));
        ReceiptChain two = ReceiptChainTest.read(shortened.subList(0, 2));
        shortened.add(lines.get(3).replace("\"count\":\"3\"", "\"count\":\"2\"").replaceFirst("\"head\":\"sha256:[0-9a-f]{64}\"",
                "\"head\":\"" + two.getHead() + "\""));
        ReceiptChain forged = ReceiptChainTest.read(shortened);
        assertThat(forged.getStatus()).isEqualTo(ReceiptChain.Status.INTACT);
        assertThat(forged.isSigned()).isTrue();
        assertThat(forged.isSignedBy(OPERATOR.getPublic())).isFalse();

        // one character of the signature changed
        List<String> flipped = new ArrayList<>(lines);
        String end = flipped.get(3);
        int at = end.indexOf("\"value\":\"") + 12;
        flipped.set(3, end.substring(0, at) + (end.charAt(at) == 'A' ? 'B' : 'A') + end.substring(at + 1));
        assertThat(ReceiptChainTest.read(flipped).isSignedBy(OPERATOR.getPublic())).isFalse();

        // a signature that is not one is a problem of the file
        List<String> garbled = new ArrayList<>(lines);
        garbled.set(3, end.replaceFirst("\"value\":\"[^\"]*\"", "\"value\":\"not base64!\""));
        ReceiptChain bad = ReceiptChainTest.read(garbled);
        assertThat(bad.getStatus()).isEqualTo(ReceiptChain.Status.BROKEN);
        assertThat(bad.getFindings()).extracting(ReceiptChain.Finding::toString).containsExactly("line 4: CHANGED: the end"
                + " line's signature is not {\"algorithm\":\"Ed25519\",\"value\":Base64}");
    }

    @Test
    void keysWrittenByOpenSsl_areRead_andTheSignatureIsOpenSsls() throws IOException {
        PrivateKey key = ReceiptKeys.readPrivateKey(resource("openssl-ed25519-private.pem"), "openssl-ed25519-private.pem");
        PublicKey pub = ReceiptKeys.readPublicKey(resource("openssl-ed25519-public.pem"), "openssl-ed25519-public.pem");
        String end = ReceiptChain.endLine(3, ReceiptChain.GENESIS);
        // openssl pkeyutl -sign -rawin -inkey openssl-ed25519-private.pem (SOURCE.md)
        assertThat(Base64.getEncoder().encodeToString(ReceiptKeys.sign(key, end))).isEqualTo("owUMAJk/fCpGH5RUwVkp+HdEP"
                + "d/MHl6B2h3kD2OA8QQ22Th4h3E9/8eVrgIkaUghW5gDjZnzmihdfKUtocfrBg==");
        assertThat(ReceiptKeys.verify(pub, end, ReceiptKeys.sign(key, end))).isTrue();
        assertThat(ReceiptKeys.toPem(pub)).isEqualTo(resource("openssl-ed25519-public.pem"));
        // and a pair generated here reads back
        KeyPair pair = ReceiptKeys.generate();
        PrivateKey again = ReceiptKeys.readPrivateKey(ReceiptKeys.toPem(pair.getPrivate()), "generated");
        assertThat(ReceiptKeys.verify(ReceiptKeys.readPublicKey(ReceiptKeys.toPem(pair.getPublic()), "generated"), end,
                ReceiptKeys.sign(again, end))).isTrue();
    }

    @Test
    void whatIsNotAKey_isRefused_namingTheFile() throws IOException {
        String pub = resource("openssl-ed25519-public.pem");
        assertThatThrownBy(() -> ReceiptKeys.readPrivateKey(pub, "keys/operator.pem"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keys/operator.pem: no -----BEGIN PRIVATE KEY----- ... -----END PRIVATE KEY----- block; an"
                        + " Ed25519 private key is written so by 'carbon keys' or OpenSSL");
        assertThatThrownBy(() -> ReceiptKeys.readPublicKey(pub.replace("MCowBQYDK2Vw", "MCowBQYDK2Vx"), "pub.pem"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("pub.pem: not an Ed25519 public key");
        assertThatThrownBy(() -> ReceiptKeys.readPublicKey(pub.replace("MCow", "MC*w"), "pub.pem"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("pub.pem: the public key block is not"
                        + " Base64");
        // the fuzzer's find: an end marker that shares its dashes with the begin marker is not an end
        assertThatThrownBy(() -> ReceiptKeys.readPublicKey("-----BEGIN PUBLIC KEY------END PUBLIC KEY-----\nMCow\n"
                + "-----END PUFLIC KEY-----\n", "dashes.pem")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("dashes.pem: no -----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY----- block");
    }
}
