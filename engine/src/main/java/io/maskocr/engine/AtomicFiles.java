package io.maskocr.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files written whole or not at all: the content goes to a temporary sibling
 * ({@code <name>.tmp}), which then replaces the target in one atomic move. A crash or a full disk
 * leaves the old file as it was; the temporary file never outlives a failed write.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Fills the temporary file it is given. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path tmp) throws IOException;
  }

  /** Writes {@code target} from {@code content}, creating its folder when needed. */
  public static void write(Path target, Content content) throws IOException {
    Path abs = target.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
    Files.deleteIfExists(tmp); // a crash's leftover (some writers refuse an existing file)
    try {
      content.writeTo(tmp);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes {@code bytes} to {@code target}. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, tmp -> Files.write(tmp, bytes));
  }

  /** Writes {@code value} as JSON with {@code json} to {@code target}. */
  public static void writeJson(Path target, ObjectMapper json, Object value) throws IOException {
    write(target, tmp -> json.writeValue(tmp.toFile(), value));
  }
}
