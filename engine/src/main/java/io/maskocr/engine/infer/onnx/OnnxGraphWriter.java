package io.maskocr.engine.infer.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the ONNX protobuf format to write a model: nodes, float, int8 and int64
 * initializers, float inputs and outputs, in the default opset and Microsoft's contrib domain
 * (field numbers from onnx.proto). Our own recognizers are exported with it for ONNX Runtime,
 * and tests write tiny external models with it; no protobuf library is needed for that.
 */
public final class OnnxGraphWriter {
  /** Opset of the default domain (LayerNormalization needs 17, Gelu 20). */
  public static final int OPSET = 20;
  /** Domain of ONNX Runtime's contrib operators (DynamicQuantizeMatMul). */
  public static final String MICROSOFT = "com.microsoft";

  private static final int FLOAT = 1;
  private static final int INT8 = 3;
  private static final int INT64 = 7;

  private final String name;
  private final int opset;
  private final List<byte[]> nodes = new ArrayList<>();
  private final List<byte[]> initializers = new ArrayList<>();
  private final List<byte[]> inputs = new ArrayList<>();
  private final List<byte[]> outputs = new ArrayList<>();

  /** A graph called {@code name} in the default domain at {@code opset}. */
  public OnnxGraphWriter(String name, int opset) {
    this.name = name;
    this.opset = opset;
  }

  /** A float input; a null dimension is symbolic (dynamic). */
  public OnnxGraphWriter input(String name, Long... dims) {
    inputs.add(valueInfo(name, dims));
    return this;
  }

  /** A float output; a null dimension is symbolic (dynamic). */
  public OnnxGraphWriter output(String name, Long... dims) {
    outputs.add(valueInfo(name, dims));
    return this;
  }

  public OnnxGraphWriter floats(String name, float[] values, long... dims) {
    ByteBuffer b = littleEndian(4 * values.length);
    for (float v : values) {
      b.putFloat(v);
    }
    initializers.add(tensor(name, FLOAT, b.array(), dims));
    return this;
  }

  public OnnxGraphWriter bytes(String name, byte[] values, long... dims) {
    initializers.add(tensor(name, INT8, values.clone(), dims));
    return this;
  }

  public OnnxGraphWriter longs(String name, long[] values, long... dims) {
    ByteBuffer b = littleEndian(8 * values.length);
    for (long v : values) {
      b.putLong(v);
    }
    initializers.add(tensor(name, INT64, b.array(), dims));
    return this;
  }

  /** ONNX stores raw tensor data little-endian. */
  private static ByteBuffer littleEndian(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** A node of the default domain; attributes are made with {@link #ints}, {@link #intAttr}... */
  public OnnxGraphWriter node(String op, List<String> in, List<String> out, byte[]... attributes) {
    return node("", op, in, out, attributes);
  }

  /** A node of {@code domain} ("" for the default one); an empty input name is an omitted input. */
  public OnnxGraphWriter node(String domain, String op, List<String> in, List<String> out, byte[]... attributes) {
    Proto n = new Proto();
    in.forEach(s -> n.string(1, s));
    out.forEach(s -> n.string(2, s));
    n.string(3, op + "_" + nodes.size());
    n.string(4, op);
    for (byte[] a : attributes) {
      n.bytes(5, a);
    }
    if (!domain.isEmpty()) {
      n.string(7, domain);
    }
    nodes.add(n.toBytes());
    return this;
  }

  public static byte[] ints(String name, long... values) {
    Proto a = new Proto().string(1, name);
    for (long v : values) {
      a.varint(8, v);
    }
    return a.varint(20, 7).toBytes();
  }

  public static byte[] intAttr(String name, long value) {
    return new Proto().string(1, name).varint(3, value).varint(20, 2).toBytes();
  }

  public static byte[] floatAttr(String name, float value) {
    Proto a = new Proto().string(1, name);
    a.fixed32(2, Float.floatToRawIntBits(value));
    return a.varint(20, 1).toBytes();
  }

  public static byte[] stringAttr(String name, String value) {
    return new Proto().string(1, name).string(4, value).varint(20, 3).toBytes();
  }

  /** The model file: IR version 8, the default domain at the writer's opset, contrib domain 1. */
  public byte[] build() {
    Proto g = new Proto();
    nodes.forEach(n -> g.bytes(1, n));
    g.string(2, name);
    initializers.forEach(t -> g.bytes(5, t));
    inputs.forEach(i -> g.bytes(11, i));
    outputs.forEach(o -> g.bytes(12, o));
    return new Proto().varint(1, 8).string(2, "maskocr").bytes(7, g.toBytes())
        .bytes(8, new Proto().string(1, "").varint(2, opset).toBytes())
        .bytes(8, new Proto().string(1, MICROSOFT).varint(2, 1).toBytes())
        .toBytes();
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
    byte[] tensorType = new Proto().varint(1, FLOAT).bytes(2, shape.toBytes()).toBytes();
    return new Proto().string(1, name).bytes(2, new Proto().bytes(1, tensorType).toBytes()).toBytes();
  }

  /** A protobuf message being written: varint, 32-bit and length-delimited fields. */
  private static final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Proto varint(int field, long v) {
      raw((long) field << 3);
      raw(v);
      return this;
    }

    Proto fixed32(int field, int v) {
      raw(((long) field << 3) | 5);
      for (int i = 0; i < 4; i++) {
        out.write((v >>> (8 * i)) & 0xFF);
      }
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
