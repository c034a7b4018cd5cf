package io.spofscan.parsers.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Deterministic structure-aware byte mutator: bit flips, deletions, duplications, splices with other seeds and
 * insertions of tokens that parsers find hard (heredocs, anchors, tags, deep brackets, broken UTF-8).
 * The same seed always produces the same inputs, so any failure can be replayed.
 */
final class Mutator {
  private static final byte[] INTERESTING_BYTES = bytes("{}[]()\"'<>:=,.\n\r\t -&*!|#$%\\/?@`~0\u007f");
  private static final List<byte[]> COMMON_TOKENS = List.of(
      bytes("\n"), bytes("\"\""), bytes("\\u"), bytes("\\"), bytes("${"), bytes("%{"), bytes("}"), bytes("{"),
      bytes("["), bytes("]"), bytes("null"), bytes("true"), bytes("-1"), bytes("1e999999"),
      bytes("99999999999999999999999999999999"), new byte[] {0}, new byte[] {(byte) 0xff, (byte) 0xfe},
      new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, new byte[] {(byte) 0xc3, (byte) 0x28},
      new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x92},
      bytes("\u001b[31m"), bytes("\u2028"), bytes("é"), bytes("😀"));

  private final Random random;
  private final List<byte[]> corpus;
  private final List<byte[]> dictionary;

  Mutator(long seed, List<byte[]> corpus, List<String> formatTokens) {
    this.random = new Random(seed);
    this.corpus = List.copyOf(corpus);
    this.dictionary = new java.util.ArrayList<>(COMMON_TOKENS);
    formatTokens.forEach(t -> dictionary.add(bytes(t)));
  }

  /** A new input derived from a random corpus entry by one to four mutations. */
  byte[] next() {
    byte[] data = corpus.get(random.nextInt(corpus.size()));
    int rounds = 1 + random.nextInt(4);
    for (int i = 0; i < rounds; i++) {
      data = mutateOnce(data);
    }
    return data;
  }

  private byte[] mutateOnce(byte[] in) {
    int pos = in.length == 0 ? 0 : random.nextInt(in.length + 1);
    switch (random.nextInt(9)) {
      case 0 -> { // flip one bit
        if (in.length == 0) {
          return insert(in, 0, new byte[] {(byte) random.nextInt(256)});
        }
        byte[] out = in.clone();
        int at = random.nextInt(out.length);
        out[at] ^= (byte) (1 << random.nextInt(8));
        return out;
      }
      case 1 -> { // overwrite one byte with a syntactically meaningful one
        if (in.length == 0) {
          return in;
        }
        byte[] out = in.clone();
        out[random.nextInt(out.length)] = INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
        return out;
      }
      case 2 -> { // delete a range
        if (in.length == 0) {
          return in;
        }
        int from = random.nextInt(in.length);
        int len = 1 + random.nextInt(Math.min(64, in.length - from));
        return concat(slice(in, 0, from), slice(in, from + len, in.length));
      }
      case 3 -> { // duplicate a range in place
        if (in.length == 0) {
          return in;
        }
        int from = random.nextInt(in.length);
        int len = 1 + random.nextInt(Math.min(128, in.length - from));
        return insert(in, pos, slice(in, from, from + len));
      }
      case 4, 5 -> { // insert a token
        return insert(in, pos, dictionary.get(random.nextInt(dictionary.size())));
      }
      case 6 -> { // splice: head of this input, tail of another
        byte[] other = corpus.get(random.nextInt(corpus.size()));
        int cut = other.length == 0 ? 0 : random.nextInt(other.length);
        return concat(slice(in, 0, pos), slice(other, cut, other.length));
      }
      case 7 -> { // truncate: unterminated strings, blocks, heredocs at EOF
        return slice(in, 0, pos);
      }
      default -> { // deep nesting of one opener
        String opener = List.of("[", "{", "(", "- ", "[{\"a\":", "{a=").get(random.nextInt(6));
        int depth = random.nextInt(8) == 0 ? 2_000 + random.nextInt(4_000) : 1 + random.nextInt(64);
        return insert(in, pos, bytes(opener.repeat(depth)));
      }
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] slice(byte[] in, int from, int to) {
    return java.util.Arrays.copyOfRange(in, Math.min(from, in.length), Math.min(Math.max(from, to), in.length));
  }

  private static byte[] insert(byte[] in, int at, byte[] what) {
    return concat(concat(slice(in, 0, at), what), slice(in, at, in.length));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
