package org.syncbridge.web.eas.wbxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutated capture bodies, decoded with the normal limits: each either decodes or is refused with
 * {@link MalformedWbxml}; nothing else may escape the decoder. Seeded, so a failure repeats.
 */
class WbxmlFuzzTest {
    private static final long SEED = 20_240_601L;
    private static final int MUTATIONS = 20_000;

    private enum Mutation { FLIP_BITS, INSERT, DELETE, TRUNCATE, HUGE_LENGTH, DEEP_NESTING, LONG_STRING, DUPLICATE, SWITCH_PAGE }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedBodiesDecodeOrAreRefusedAsMalformed() throws IOException {
        List<byte[]> bodies = new ArrayList<>();
        for (Path body : Captures.bodies()) {
            bodies.add(Files.readAllBytes(body));
        }
        Random random = new Random(SEED);
        WbxmlDecoder decoder = new WbxmlDecoder();
        List<String> escaped = new ArrayList<>();
        int[] refused = new int[Mutation.values().length];
        int decoded = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            byte[] input = mutate(bodies.get(random.nextInt(bodies.size())), mutation, random);
            try {
                decoder.decode(new ByteArrayInputStream(input));
                decoded++;
            } catch (MalformedWbxml expected) {
                refused[mutation.ordinal()]++;
            } catch (Throwable e) {
                escaped.add("mutation " + i + " (" + mutation + "): " + e
                        + " on " + HexFormat.of().formatHex(input, 0, Math.min(input.length, 64)));
            }
        }
        assertEquals(List.of(), escaped);
        System.out.printf("WBXML fuzz: %d mutations, %d decoded, refused by mutation %s%n",
                MUTATIONS, decoded, Arrays.toString(refused));
        assertTrue(decoded > 0 && decoded < MUTATIONS, "the mutations reach both outcomes");
    }

    private static byte[] mutate(byte[] body, Mutation mutation, Random random) {
        int at = random.nextInt(body.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (mutation) {
            case FLIP_BITS -> {
                byte[] flipped = body.clone();
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return flipped;
            }
            case INSERT -> {
                byte[] bytes = new byte[1 + random.nextInt(16)];
                random.nextBytes(bytes);
                return splice(body, at, 0, bytes);
            }
            case DELETE -> {
                return splice(body, at, random.nextInt(Math.min(32, body.length - at) + 1), new byte[0]);
            }
            case TRUNCATE -> {
                return Arrays.copyOf(body, at);
            }
            case HUGE_LENGTH -> {
                // opaque data, a string table reference or an entity claiming up to 4 GiB
                int token = new int[] {Tokens.OPAQUE, Tokens.STR_T, Tokens.ENTITY}[random.nextInt(3)];
                return splice(body, at, 0, new byte[] {(byte) token, (byte) 0x8F, (byte) 0xFF, (byte) 0xFF,
                        (byte) 0xFF, (byte) (0x70 + random.nextInt(16))});
            }
            case DEEP_NESTING -> {
                byte[] opens = new byte[100 + random.nextInt(5000)];
                Arrays.fill(opens, (byte) 0x45);
                return splice(body, at, 0, opens);
            }
            case LONG_STRING -> {
                out.write(Tokens.STR_I);
                byte[] text = new byte[random.nextInt(1 << 20)];
                Arrays.fill(text, (byte) 'a');
                out.writeBytes(text);
                if (random.nextBoolean()) {
                    out.write(0);
                }
                return splice(body, at, 0, out.toByteArray());
            }
            case DUPLICATE -> {
                int length = random.nextInt(Math.min(256, body.length - at) + 1);
                byte[] chunk = Arrays.copyOfRange(body, at, at + length);
                for (int n = 1 + random.nextInt(50); n > 0; n--) {
                    out.writeBytes(chunk);
                }
                return splice(body, at, 0, out.toByteArray());
            }
            case SWITCH_PAGE -> {
                return splice(body, at, 0, new byte[] {Tokens.SWITCH_PAGE, (byte) random.nextInt(32)});
            }
            default -> throw new IllegalStateException(mutation.name());
        }
    }

    private static byte[] splice(byte[] body, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + insert.length);
        out.write(body, 0, at);
        out.writeBytes(insert);
        out.write(body, at + remove, body.length - at - remove);
        return out.toByteArray();
    }
}
