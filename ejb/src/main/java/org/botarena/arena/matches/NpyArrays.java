package org.botarena.arena.matches;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npz}, written by hand: a ZIP archive of {@code .npy} files, each a version 1.0
 * header (magic {@code \x93NUMPY}, version, header length, a Python dict literal with {@code
 * descr}, {@code fortran_order} and {@code shape}, padded with spaces to a multiple of 64 bytes and
 * ended by a newline) followed by the raw little-endian data in C order. {@code numpy.load} reads
 * it without pickles. Each array is written in one go; the archive is streamed.
 */
final class NpyArrays implements AutoCloseable {

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

  private final ZipOutputStream zip;

  NpyArrays(OutputStream out) {
    zip = new ZipOutputStream(out);
    zip.setLevel(Deflater.BEST_SPEED);
  }

  /** A float32 array of {@code shape} (rows first) from the first elements of {@code values}. */
  void float32(String name, float[] values, int... shape) throws IOException {
    int n = elements(shape);
    ByteBuffer data = buffer(4L * n);
    for (int i = 0; i < n; i++) {
      data.putFloat(values[i]);
    }
    entry(name, "<f4", shape, data);
  }

  void int32(String name, int[] values, int... shape) throws IOException {
    int n = elements(shape);
    ByteBuffer data = buffer(4L * n);
    for (int i = 0; i < n; i++) {
      data.putInt(values[i]);
    }
    entry(name, "<i4", shape, data);
  }

  void int64(String name, long value) throws IOException {
    entry(name, "<i8", new int[0], buffer(8).putLong(value));
  }

  void bool(String name, boolean[] values, int n) throws IOException {
    ByteBuffer data = buffer(n);
    for (int i = 0; i < n; i++) {
      data.put((byte) (values[i] ? 1 : 0));
    }
    entry(name, "|b1", new int[] {n}, data);
  }

  /** A 1-d array of fixed-width unicode strings ({@code <Uw}, UCS-4), w the longest's length. */
  void strings(String name, List<String> values) throws IOException {
    int width = 1;
    for (String v : values) {
      width = Math.max(width, v.codePointCount(0, v.length()));
    }
    ByteBuffer data = buffer(4L * width * values.size());
    for (String v : values) {
      int[] points = v.codePoints().toArray();
      for (int i = 0; i < width; i++) {
        data.putInt(i < points.length ? points[i] : 0);
      }
    }
    entry(name, "<U" + width, new int[] {values.size()}, data);
  }

  private static int elements(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    if (n > Integer.MAX_VALUE / 8) {
      throw new IllegalArgumentException("an array of " + n + " elements is too large");
    }
    return (int) n;
  }

  private static ByteBuffer buffer(long bytes) {
    return ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The .npy header of an array: the dict literal, padded so that the data starts 64-aligned. */
  static byte[] header(String descr, int[] shape) {
    StringBuilder dims = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      dims.append(shape[i]).append(shape.length == 1 ? "," : i < shape.length - 1 ? ", " : "");
    }
    dims.append(')');
    StringBuilder dict =
        new StringBuilder("{'descr': '")
            .append(descr)
            .append("', 'fortran_order': False, 'shape': ")
            .append(dims)
            .append(", }");
    int total = MAGIC.length + 2 + dict.length() + 1;
    dict.append(" ".repeat((64 - total % 64) % 64)).append('\n');
    byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
    ByteBuffer header =
        ByteBuffer.allocate(MAGIC.length + 2 + text.length).order(ByteOrder.LITTLE_ENDIAN);
    header.put(MAGIC).putShort((short) text.length).put(text);
    return header.array();
  }

  private void entry(String name, String descr, int[] shape, ByteBuffer data) throws IOException {
    zip.putNextEntry(new ZipEntry(name + ".npy"));
    zip.write(header(descr, shape));
    zip.write(data.array(), 0, data.position());
    zip.closeEntry();
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
