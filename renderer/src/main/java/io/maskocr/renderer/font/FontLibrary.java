package io.maskocr.renderer.font;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maskocr.renderer.config.FontCategory;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bundled fonts listed in {@code assets/fonts/fonts.json}. Immutable and thread-safe;
 * load once and share (glyph outlines and which characters a face draws are cached inside
 * each {@link FontFace}, filled on first use, so a library of 100+ faces costs little until
 * it renders). Lookups by category and file are precomputed.
 */
public final class FontLibrary {
  private final Path dir;
  private final List<FontFace> faces;
  private final List<FontFace> canonical;
  private final EnumMap<FontCategory, List<FontFace>> byCategory = new EnumMap<>(FontCategory.class);
  private final Map<String, FontFace> byFile = new HashMap<>();
  private final List<FontFace> cjk;

  private FontLibrary(Path dir, List<FontFace> faces) {
    this.dir = dir;
    this.faces = List.copyOf(faces);
    for (FontCategory c : FontCategory.values()) {
      byCategory.put(c, faces.stream().filter(f -> f.category() == c).toList());
    }
    for (FontFace f : faces) {
      byFile.putIfAbsent(f.file(), f);
    }
    this.cjk = byCategory.get(FontCategory.CJK);
    this.canonical = faces.stream().filter(f -> f.canonicalRank() > 0)
        .sorted(Comparator.comparingInt(FontFace::canonicalRank)).toList();
    if (canonical.isEmpty()) {
      throw new IllegalArgumentException(dir.resolve("fonts.json") + ": no font is marked \"canonical\" (needed for clean targets)");
    }
  }

  /** Loads every font listed in {@code fontsDir/fonts.json}; errors name the file and entry. */
  public static FontLibrary load(Path fontsDir) throws IOException {
    Path manifest = fontsDir.resolve("fonts.json");
    if (!Files.isRegularFile(manifest)) {
      throw new IOException("font manifest " + manifest + " not found: is " + fontsDir + " the assets/fonts folder?");
    }
    JsonNode root = new ObjectMapper().readTree(manifest.toFile());
    List<FontFace> faces = new ArrayList<>();
    int i = 0;
    for (JsonNode entry : root.path("fonts")) {
      String file = entry.path("file").asText("");
      String where = manifest + " fonts[" + i++ + "] (" + file + ")";
      FontCategory category;
      try {
        category = FontCategory.valueOf(entry.path("category").asText("").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IOException(where + ": unknown category '" + entry.path("category").asText() + "'");
      }
      Path path = fontsDir.resolve(file);
      String licence = entry.path("licence").asText("");
      if (licence.isEmpty() || !Files.isRegularFile(fontsDir.resolve(licence))) {
        throw new IOException(where + ": licence file '" + licence + "' is missing; every bundled font needs one");
      }
      try {
        Font font = Font.createFont(Font.TRUETYPE_FONT, path.toFile());
        faces.add(new FontFace(file, licence, category, entry.path("canonical").asInt(0), font));
      } catch (FontFormatException | IOException e) {
        throw new IOException(where + ": cannot load font: " + e.getMessage(), e);
      }
    }
    if (faces.isEmpty()) {
      throw new IOException(manifest + ": lists no fonts");
    }
    return new FontLibrary(fontsDir, faces);
  }

  /** Folder the fonts were loaded from. */
  public Path dir() {
    return dir;
  }

  /** Every face, in manifest order. */
  public List<FontFace> faces() {
    return faces;
  }

  /** Faces of one category, in manifest order (may be empty). */
  public List<FontFace> faces(FontCategory category) {
    return byCategory.get(category);
  }

  /** The face with this file name, or null. */
  public FontFace byFile(String file) {
    return byFile.get(file);
  }

  /** The preferred canonical face that draws {@code c}, or null when none does. */
  public FontFace canonicalFor(char c) {
    for (FontFace f : canonical) {
      if (f.canDraw(c)) {
        return f;
      }
    }
    return null;
  }

  /** The first CJK face that draws {@code c} (fallback for Han characters in Latin fonts), or null. */
  public FontFace cjkFallbackFor(char c) {
    if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
      return null;
    }
    for (FontFace f : cjk) {
      if (f.canDraw(c)) {
        return f;
      }
    }
    return null;
  }
}
