package io.maskocr.engine.model;

import io.maskocr.engine.AtomicFiles;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small, versioned file of named float tensors (weights, optimizer moments). Written to a
 * temporary file and moved into place, so a crash never leaves a half-written checkpoint.
 * Version 1 stores 32-bit floats; version 2 stores IEEE half floats ({@link HalfFloat}), for
 * shipped weights at half the size. Both read back as float arrays.
 */
public final class TensorFile {
  private static final int MAGIC = 0x4D4F4354; // "MOCT"
  private static final int VERSION = 1;
  private static final int VERSION_HALF = 2;

  private TensorFile() {}

  /** Writes {@code tensors} (in map order) to {@code file} atomically, as 32-bit floats. */
  public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
    write(file, tensors, false);
  }

  /**
   * Writes {@code tensors} (in map order) to {@code file} atomically.
   *
   * @param half store IEEE half floats (rounded to nearest even) instead of 32-bit floats
   */
  public static void write(Path file, Map<String, Tensor> tensors, boolean half) throws IOException {
    AtomicFiles.write(file, tmp -> writeTo(tmp, tensors, half));
  }

  private static void writeTo(Path tmp, Map<String, Tensor> tensors, boolean half) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(half ? VERSION_HALF : VERSION);
      out.writeInt(tensors.size());
      for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
        out.writeUTF(e.getKey());
        long[] shape = e.getValue().shape();
        out.writeInt(shape.length);
        for (long d : shape) {
          out.writeLong(d);
        }
        float[] data = e.getValue().data();
        ByteBuffer buf = ByteBuffer.allocate(data.length * (half ? 2 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        if (half) {
          for (float f : data) {
            buf.putShort(HalfFloat.fromFloat(f));
          }
        } else {
          buf.asFloatBuffer().put(data);
        }
        out.writeInt(data.length);
        out.write(buf.array());
      }
    }
  }

  /** Reads a file written by {@link #write}; errors name the file and what is wrong. */
  public static Map<String, Tensor> read(Path file) throws IOException {
    Map<String, Tensor> out = new LinkedHashMap<>();
    long size = Files.size(file);
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(file + " is not a MaskOCR tensor file (damaged or replaced): use another checkpoint or train again");
      }
      int version = in.readInt();
      if (version != VERSION && version != VERSION_HALF) {
        throw new IOException(file + " has tensor format version " + version + "; this build reads versions "
            + VERSION + " and " + VERSION_HALF + " (was it written by a newer MaskOCR Studio?)");
      }
      int bytesPer = version == VERSION_HALF ? 2 : 4;
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        long[] shape = new long[in.readInt()];
        for (int d = 0; d < shape.length; d++) {
          shape[d] = in.readLong();
        }
        int n = in.readInt();
        long expected = 1;
        for (long d : shape) {
          expected = d < 0 || d > Integer.MAX_VALUE ? -1 : expected * d;
          if (expected < 0 || expected > Integer.MAX_VALUE / 4) {
            break;
          }
        }
        if (n < 0 || n != expected) {
          throw new IOException(file + " is damaged: tensor " + name + " has " + n + " values for its shape "
              + java.util.Arrays.toString(shape));
        }
        // a damaged or hostile header must not make us allocate gigabytes: the data has to be in the file
        if ((long) n * bytesPer > size) {
          throw new IOException(file + " is damaged: tensor " + name + " claims " + n + " values but the file has "
              + size + " bytes (use another checkpoint or train again)");
        }
        byte[] bytes = new byte[n * bytesPer];
        in.readFully(bytes);
        float[] data = new float[n];
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytesPer == 2) {
          for (int k = 0; k < n; k++) {
            data[k] = HalfFloat.toFloat(buf.getShort());
          }
        } else {
          buf.asFloatBuffer().get(data);
        }
        out.put(name, new Tensor(shape, data));
      }
    } catch (EOFException e) {
      throw new IOException(file + " is truncated (was the run killed while saving?): use another checkpoint or train again", e);
    }
    return out;
  }
}
