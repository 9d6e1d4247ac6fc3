package io.maskocr.engine.store.localpg;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks the PostgreSQL binaries archive (tar.xz) with its symbolic links and modes. A small tar
 * reader of its own: the archive uses plain ustar entries (files, folders, links), and a tar
 * library would pull commons-lang3 versions that clash with the charts library's.
 */
final class PgBinaries {
  private static final int BLOCK = 512;

  private PgBinaries() {}

  static void unpack(Path target) throws IOException {
    Files.createDirectories(target);
    try (InputStream raw = LocalPostgres.archive();
        DataInputStream tar = new DataInputStream(new XZInputStream(new BufferedInputStream(raw)))) {
      byte[] header = new byte[BLOCK];
      String longName = null;
      while (true) {
        try {
          tar.readFully(header);
        } catch (EOFException e) {
          break;
        }
        if (header[0] == 0) {
          break; // the end-of-archive blocks
        }
        String name = longName != null ? longName : entryName(header);
        longName = null;
        long size = Long.parseLong(field(header, 124, 12).isEmpty() ? "0" : field(header, 124, 12), 8);
        int mode = Integer.parseInt(field(header, 100, 8).isEmpty() ? "0" : field(header, 100, 8), 8);
        char type = (char) header[156];
        if (type == 'L' || type == 'x') {
          String data = new String(readData(tar, size), StandardCharsets.UTF_8);
          longName = type == 'L' ? data.replace("\0", "") : paxPath(data);
          continue;
        }
        Path out = target.resolve(name).normalize();
        if (!out.startsWith(target)) {
          throw new IOException("archive entry outside the target: " + name);
        }
        if (type == '5') {
          Files.createDirectories(out);
        } else if (type == '2') {
          Files.createDirectories(out.getParent());
          Files.deleteIfExists(out);
          Files.createSymbolicLink(out, Path.of(field(header, 157, 100)));
        } else if (type == '0' || type == '\0') {
          Files.createDirectories(out.getParent());
          try (OutputStream o = Files.newOutputStream(out)) {
            copy(tar, o, size);
          }
          // readable by all: the server may run as another user than the one unpacking
          boolean exec = (mode & 0100) != 0;
          Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
          skipPadding(tar, size);
          continue;
        } else {
          readData(tar, size); // other kinds (none in this archive): skipped
        }
      }
    }
    try (Stream<Path> dirs = Files.walk(target)) {
      for (Path d : dirs.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  private static String entryName(byte[] h) {
    String name = field(h, 0, 100);
    String prefix = "ustar".equals(field(h, 257, 5)) ? field(h, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static String field(byte[] h, int offset, int length) {
    int end = offset;
    while (end < offset + length && h[end] != 0) {
      end++;
    }
    return new String(h, offset, end - offset, StandardCharsets.UTF_8).trim();
  }

  /** The {@code path} record of a pax extended header ("LEN path=VALUE\n" records). */
  private static String paxPath(String data) {
    for (String line : data.split("\n")) {
      int sp = line.indexOf(' ');
      if (sp > 0 && line.startsWith("path=", sp + 1)) {
        return line.substring(sp + 1 + "path=".length());
      }
    }
    return null;
  }

  private static byte[] readData(DataInputStream in, long size) throws IOException {
    byte[] data = new byte[(int) size];
    in.readFully(data);
    skipPadding(in, size);
    return data;
  }

  private static void copy(DataInputStream in, OutputStream out, long size) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long left = size;
    while (left > 0) {
      int n = (int) Math.min(buf.length, left);
      in.readFully(buf, 0, n);
      out.write(buf, 0, n);
      left -= n;
    }
  }

  private static void skipPadding(DataInputStream in, long size) throws IOException {
    int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
    in.readFully(new byte[pad]);
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary folder: the OS cleans it eventually
    }
  }
}
