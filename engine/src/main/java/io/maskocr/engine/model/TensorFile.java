package io.maskocr.engine.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small, versioned file of named float tensors (weights, optimizer moments). Written to a
 * temporary file and moved into place, so a crash never leaves a half-written checkpoint.
 */
public final class TensorFile {
  private static final int MAGIC = 0x4D4F4354; // "MOCT"
  private static final int VERSION = 1;

  private TensorFile() {}

  /** Writes {@code tensors} (in map order) to {@code file} atomically. */
  public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(tensors.size());
      for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
        out.writeUTF(e.getKey());
        long[] shape = e.getValue().shape();
        out.writeInt(shape.length);
        for (long d : shape) {
          out.writeLong(d);
        }
        float[] data = e.getValue().data();
        ByteBuffer buf = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(data);
        out.writeInt(data.length);
        out.write(buf.array());
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads a file written by {@link #write}; errors name the file and what is wrong. */
  public static Map<String, Tensor> read(Path file) throws IOException {
    Map<String, Tensor> out = new LinkedHashMap<>();
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(file + " is not a MaskOCR tensor file");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException(file + " has tensor format version " + version + ", expected " + VERSION);
      }
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        long[] shape = new long[in.readInt()];
        for (int d = 0; d < shape.length; d++) {
          shape[d] = in.readLong();
        }
        int n = in.readInt();
        byte[] bytes = new byte[n * 4];
        in.readFully(bytes);
        float[] data = new float[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
        out.put(name, new Tensor(shape, data));
      }
    } catch (EOFException e) {
      throw new IOException(file + " is truncated (was the run killed while saving?)", e);
    }
    return out;
  }
}
