package io.maskocr.engine.store;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Image files of a workspace, content-addressed: {@code images/ab/abcdef...(64 hex).png}. The
 * bytes are the original encoded file; the same content is stored once. Thread-safe.
 *
 * <p>In a team workspace the database holds the bytes ({@link ImageBlobs}) and this folder is a
 * local cache: a put goes to both, a read fills the cache from the database when the file is
 * missing, so thumbnails stay file reads after the first look.
 */
public final class ImageStore {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern FORMAT = Pattern.compile("[a-z0-9]{1,8}");

  private final Path root;
  private final ImageBlobs remote;
  private final Set<Path> createdDirs = ConcurrentHashMap.newKeySet();

  ImageStore(Path root) {
    this(root, null);
  }

  ImageStore(Path root, ImageBlobs remote) {
    this.root = root;
    this.remote = remote;
  }

  /** The {@code images/} folder. */
  public Path root() {
    return root;
  }

  /** Where the image with this hash and format lives (it may not exist yet). */
  public Path path(String sha256, String format) {
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
    }
    String ext = format.toLowerCase(Locale.ROOT);
    if (!FORMAT.matcher(ext).matches()) {
      throw new IllegalArgumentException("not an image file extension: " + format);
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256 + "." + ext);
  }

  /** Where the image of this sample lives. */
  public Path path(Sample sample) {
    return path(sample.sha256(), sample.format());
  }

  /**
   * Stores bytes whose SHA-256 the caller computed; does nothing when the file is already
   * there with the same length. A file of another length is a leftover of an interrupted
   * write (content addressing means the length cannot differ otherwise) and is replaced.
   *
   * @return true when the file was written, false when it was already there
   */
  public boolean put(String sha256, String format, byte[] bytes) throws IOException {
    if (remote == null) {
      return putFile(sha256, format, bytes);
    }
    boolean stored = remote.put(sha256, format.toLowerCase(Locale.ROOT), bytes);
    putFile(sha256, format, bytes);
    return stored;
  }

  /**
   * The local file of an image, fetched from the team database first when it is not cached yet
   * (for callers that hand a path to a viewer).
   *
   * @throws java.nio.file.NoSuchFileException when neither has it
   */
  public Path local(String sha256, String format) throws IOException {
    Path file = path(sha256, format);
    if (remote != null && !Files.exists(file)) {
      byte[] bytes = remote.get(sha256).orElseThrow(() -> new java.nio.file.NoSuchFileException(file.toString(),
          null, "not in the team database either"));
      putFile(sha256, format, bytes);
    }
    return file;
  }

  /**
   * The bytes as the workspace keeps them: from the team database (not the cache) in a team
   * workspace, the file otherwise. For checks of what was stored.
   */
  public byte[] stored(String sha256, String format) throws IOException {
    if (remote == null) {
      return Files.readAllBytes(path(sha256, format));
    }
    return remote.get(sha256).orElseThrow(() -> new java.nio.file.NoSuchFileException(sha256,
        null, "not in the team database"));
  }

  /** {@link #local(String, String)} of a sample's image. */
  public Path local(Sample sample) throws IOException {
    return local(sample.sha256(), sample.format());
  }

  private boolean putFile(String sha256, String format, byte[] bytes) throws IOException {
    Path target = path(sha256, format);
    File file = target.toFile();
    long length = file.length(); // 0 when missing; no exception on the hot path
    if (length == bytes.length && length > 0) {
      return false;
    }
    Path dir = target.getParent();
    if (!createdDirs.contains(dir)) {
      Files.createDirectories(dir); // idempotent, so racing workers are fine
      createdDirs.add(dir);
    }
    if (length == 0 && !file.exists()) {
      try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        out.write(bytes);
        return true;
      } catch (FileAlreadyExistsException raced) {
        return false; // another worker stored the same content at the same moment
      } catch (IOException e) {
        // a full disk leaves a partial file that no sample points to: remove it (a later put would repair it anyway)
        Files.deleteIfExists(target);
        throw e;
      }
    }
    // repair a partial file: write aside, then atomically replace
    Path tmp = dir.resolve("." + sha256 + "." + Thread.currentThread().getId() + ".tmp");
    try {
      Files.write(tmp, bytes);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return true;
  }

  /** The stored bytes of a sample's image. */
  public byte[] bytes(Sample sample) throws IOException {
    return Files.readAllBytes(local(sample));
  }

  /**
   * Decodes a sample's image with the reader {@code ImageIO} would choose (TwelveMonkeys
   * plugins extend the formats it reads), reused per thread ({@link ImageDecoder}).
   */
  public BufferedImage read(Sample sample) throws IOException {
    return read(sample.sha256(), sample.format());
  }

  /**
   * Decodes the image with this hash and format, for callers that keep hashes rather than
   * {@link Sample} records (streaming training data).
   *
   * @throws java.nio.file.NoSuchFileException when the file is missing
   * @throws IOException when it cannot be read or no decoder understands its bytes
   */
  public BufferedImage read(String sha256, String format) throws IOException {
    Path file = local(sha256, format);
    return ImageDecoder.decode(Files.readAllBytes(file), format, file);
  }
}
