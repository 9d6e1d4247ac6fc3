package io.maskocr.engine.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The symbols a model can read. Token ids follow charset order after the special end token:
 * id 0 = end of text, id i (1..size) = the i-th symbol. A charset is saved with every
 * checkpoint; a checkpoint is refused when its charset differs from the configured one.
 */
public final class CharacterSet {
  /** Token id of the end-of-text marker. */
  public static final int EOS = 0;

  private static final String DIGITS_LOWER = "0123456789abcdefghijklmnopqrstuvwxyz";

  private final String name;
  private final int[] codePoints;
  private final Map<Integer, Integer> ids = new HashMap<>();
  private final boolean caseFolding;

  private CharacterSet(String name, int[] codePoints, boolean caseFolding) {
    this.name = name;
    this.codePoints = codePoints;
    this.caseFolding = caseFolding;
    for (int i = 0; i < codePoints.length; i++) {
      ids.put(codePoints[i], i + 1);
    }
  }

  /** The 36 symbols of the common protocol: digits and lower-case letters (labels are folded). */
  public static CharacterSet latin36() {
    return new CharacterSet("latin36", DIGITS_LOWER.codePoints().toArray(), true);
  }

  /** The 94 printable ASCII symbols (0x21..0x7E), case-sensitive. */
  public static CharacterSet latin94() {
    StringBuilder sb = new StringBuilder();
    for (char c = 0x21; c <= 0x7E; c++) {
      sb.append(c);
    }
    return new CharacterSet("latin94", sb.codePoints().toArray(), false);
  }

  /**
   * Resolves a spec: {@code latin36}, {@code latin94}, or a UTF-8 file whose non-whitespace
   * characters are the symbols (any layout; duplicates are an error naming the line).
   */
  public static CharacterSet fromSpec(String spec) {
    switch (spec) {
      case "latin36":
        return latin36();
      case "latin94":
        return latin94();
      default:
        return fromFile(Path.of(spec));
    }
  }

  /** Reads a charset file, see {@link #fromSpec}. */
  public static CharacterSet fromFile(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read charset file " + file + ": " + e.getMessage()
              + " (use latin36, latin94 or a UTF-8 file listing the symbols)");
    }
    Map<Integer, Integer> seen = new HashMap<>();
    StringBuilder sb = new StringBuilder();
    for (int ln = 0; ln < lines.size(); ln++) {
      for (int cp : lines.get(ln).codePoints().toArray()) {
        if (Character.isWhitespace(cp)) {
          continue;
        }
        Integer prev = seen.putIfAbsent(cp, ln + 1);
        if (prev != null) {
          throw new IllegalArgumentException(
              file + ":" + (ln + 1) + ": symbol '" + new String(Character.toChars(cp))
                  + "' already listed on line " + prev + "; list each symbol once");
        }
        sb.appendCodePoint(cp);
      }
    }
    if (sb.length() == 0) {
      throw new IllegalArgumentException(file + ": charset file lists no symbols");
    }
    return new CharacterSet(file.getFileName().toString(), sb.codePoints().toArray(), false);
  }

  /** Rebuilds a charset saved by {@link #symbols()} in a checkpoint. */
  public static CharacterSet of(String name, String symbols, boolean caseFolding) {
    return new CharacterSet(name, symbols.codePoints().toArray(), caseFolding);
  }

  public String name() {
    return name;
  }

  /** All symbols in id order, as one string. */
  public String symbols() {
    return new String(codePoints, 0, codePoints.length);
  }

  /** Whether labels are lower-cased and stripped to the symbol set before encoding. */
  public boolean caseFolding() {
    return caseFolding;
  }

  /** Number of symbols (without the end token). */
  public int size() {
    return codePoints.length;
  }

  /** Classifier width V = size + 1 (the end token). */
  public int vocabularySize() {
    return codePoints.length + 1;
  }

  /** The label as this charset reads it: folded for latin36, unchanged otherwise. */
  public String normalize(String label) {
    if (!caseFolding) {
      return label;
    }
    StringBuilder sb = new StringBuilder();
    label.toLowerCase(Locale.ROOT).codePoints().filter(ids::containsKey).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  /** True when every symbol of the normalized label is in the charset. */
  public boolean canEncode(String label) {
    return normalize(label).codePoints().allMatch(ids::containsKey);
  }

  /**
   * Token ids of the normalized label followed by {@link #EOS}.
   *
   * @throws IllegalArgumentException naming the first unknown symbol
   */
  public int[] encode(String label) {
    int[] cps = normalize(label).codePoints().toArray();
    int[] out = new int[cps.length + 1];
    for (int i = 0; i < cps.length; i++) {
      Integer id = ids.get(cps[i]);
      if (id == null) {
        throw new IllegalArgumentException(
            "symbol '" + new String(Character.toChars(cps[i])) + "' of label '" + label
                + "' is not in charset " + name);
      }
      out[i] = id;
    }
    out[cps.length] = EOS;
    return out;
  }

  /** The symbol of a token id; empty for the end token. */
  public String symbol(int id) {
    return id == EOS ? "" : new String(Character.toChars(codePoints[id - 1]));
  }

  /** Text of a token sequence up to (not including) the first end token. */
  public String decode(int[] tokenIds) {
    StringBuilder sb = new StringBuilder();
    for (int id : tokenIds) {
      if (id == EOS) {
        break;
      }
      sb.appendCodePoint(codePoints[id - 1]);
    }
    return sb.toString();
  }

  /** Same symbols in the same order and same folding. */
  public boolean sameAs(CharacterSet other) {
    return caseFolding == other.caseFolding && symbols().equals(other.symbols());
  }
}
