package io.maskocr.engine.external;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the ONNX protobuf format to write tiny test models: a graph of nodes with
 * float and int64 initializers and float inputs and outputs (field numbers from onnx.proto). No
 * test downloads a model, and none needs a protobuf library.
 */
final class OnnxWriter {
  private final List<byte[]> nodes = new ArrayList<>();
  private final List<byte[]> initializers = new ArrayList<>();
  private final List<byte[]> inputs = new ArrayList<>();
  private final List<byte[]> outputs = new ArrayList<>();

  /** A float input; a null dimension is symbolic (dynamic). */
  OnnxWriter input(String name, Long... dims) {
    inputs.add(valueInfo(name, dims));
    return this;
  }

  OnnxWriter output(String name, Long... dims) {
    outputs.add(valueInfo(name, dims));
    return this;
  }

  OnnxWriter floats(String name, float[] values, long... dims) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    initializers.add(tensor(name, 1, b.array(), dims));
    return this;
  }

  OnnxWriter longs(String name, long[] values, long... dims) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      b.putLong(v);
    }
    initializers.add(tensor(name, 7, b.array(), dims));
    return this;
  }

  /** A node; {@code attributes} are made with {@link #ints} and {@link #intAttr}. */
  OnnxWriter node(String op, List<String> in, List<String> out, byte[]... attributes) {
    Proto n = new Proto();
    in.forEach(s -> n.string(1, s));
    out.forEach(s -> n.string(2, s));
    n.string(3, op + "_" + nodes.size());
    n.string(4, op);
    for (byte[] a : attributes) {
      n.bytes(5, a);
    }
    nodes.add(n.toBytes());
    return this;
  }

  static byte[] ints(String name, long... values) {
    Proto a = new Proto().string(1, name);
    for (long v : values) {
      a.varint(8, v);
    }
    return a.varint(20, 7).toBytes();
  }

  static byte[] intAttr(String name, long value) {
    return new Proto().string(1, name).varint(3, value).varint(20, 2).toBytes();
  }

  /** The model file: IR version 8, opset 13. */
  byte[] build() {
    Proto g = new Proto();
    nodes.forEach(n -> g.bytes(1, n));
    g.string(2, "tiny");
    initializers.forEach(t -> g.bytes(5, t));
    inputs.forEach(i -> g.bytes(11, i));
    outputs.forEach(o -> g.bytes(12, o));
    return new Proto().varint(1, 8).string(2, "maskocr-test").bytes(7, g.toBytes())
        .bytes(8, new Proto().string(1, "").varint(2, 13).toBytes()).toBytes();
  }

  private static byte[] tensor(String name, int type, byte[] raw, long... dims) {
    Proto t = new Proto();
    for (long d : dims) {
      t.varint(1, d);
    }
    return t.varint(2, type).string(8, name).bytes(9, raw).toBytes();
  }

  private static byte[] valueInfo(String name, Long... dims) {
    Proto shape = new Proto();
    int i = 0;
    for (Long d : dims) {
      shape.bytes(1, d == null ? new Proto().string(2, "d" + i).toBytes() : new Proto().varint(1, d).toBytes());
      i++;
    }
    byte[] tensorType = new Proto().varint(1, 1).bytes(2, shape.toBytes()).toBytes();
    return new Proto().string(1, name).bytes(2, new Proto().bytes(1, tensorType).toBytes()).toBytes();
  }

  /** A protobuf message being written: varint and length-delimited fields. */
  static final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Proto varint(int field, long v) {
      raw((long) field << 3);
      raw(v);
      return this;
    }

    Proto bytes(int field, byte[] b) {
      raw(((long) field << 3) | 2);
      raw(b.length);
      out.writeBytes(b);
      return this;
    }

    Proto string(int field, String s) {
      return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    private void raw(long v) {
      while ((v & ~0x7FL) != 0) {
        out.write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
    }

    byte[] toBytes() {
      return out.toByteArray();
    }
  }
}
