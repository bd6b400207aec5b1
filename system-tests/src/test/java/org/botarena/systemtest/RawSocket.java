package org.botarena.systemtest;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A bot's socket written by hand (RFC 6455 over a plain TCP socket), so that a test can put many
 * frames into one write: a burst then reaches the server at once, however slowly this machine runs
 * the test, and a rate limit's verdict no longer depends on the client's speed.
 */
final class RawSocket implements AutoCloseable {

  private final Socket socket;
  private final OutputStream out;
  final List<String> texts = new CopyOnWriteArrayList<>();

  /** The server's close code (-1: the connection ended without a close frame). */
  final CompletableFuture<Integer> closed = new CompletableFuture<>();

  private RawSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
  }

  /** Opens {@code url} (ws://host:port/path) and completes the upgrade. */
  static RawSocket connect(String url) throws IOException {
    return connect(url, "");
  }

  /** The same with more request headers ({@code "Name: value\r\n"} each, e.g. a session cookie). */
  static RawSocket connect(String url, String headers) throws IOException {
    URI uri = URI.create(url);
    Socket socket = new Socket(uri.getHost(), uri.getPort());
    socket.setSoTimeout(30_000);
    RawSocket raw = new RawSocket(socket);
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String upgrade =
        "GET "
            + uri.getPath()
            + " HTTP/1.1\r\nHost: "
            + uri.getHost()
            + ":"
            + uri.getPort()
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(nonce)
            + "\r\nSec-WebSocket-Version: 13\r\n"
            + headers
            + "\r\n";
    raw.out.write(upgrade.getBytes(StandardCharsets.US_ASCII));
    raw.out.flush();
    InputStream in = socket.getInputStream();
    String status = readHeaders(in);
    if (!status.startsWith("HTTP/1.1 101")) {
      socket.close();
      throw new IOException("no upgrade: " + status);
    }
    Thread reader = new Thread(() -> raw.read(new DataInputStream(in)), "raw-socket-reader");
    reader.setDaemon(true);
    reader.start();
    return raw;
  }

  private static String readHeaders(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed during the upgrade");
      }
      head.write(b);
      matched =
          (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** Sends one text frame. */
  void send(String text) throws IOException {
    burst(text, 1);
  }

  /** Sends {@code text} as {@code count} frames in one write. */
  void burst(String text, int count) throws IOException {
    byte[] one = frame(text.getBytes(StandardCharsets.UTF_8));
    byte[] all = new byte[one.length * count];
    for (int i = 0; i < count; i++) {
      System.arraycopy(one, 0, all, i * one.length, one.length);
    }
    synchronized (out) {
      out.write(all);
      out.flush();
    }
  }

  /**
   * Sends frames of any text (e.g. a mix of hostile ones) in one write; null stands for a binary
   * frame.
   */
  void burst(List<String> frames) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (String text : frames) {
      all.writeBytes(
          text == null
              ? frame(new byte[] {1, 2, 3}, 0x82)
              : frame(text.getBytes(StandardCharsets.UTF_8)));
    }
    synchronized (out) {
      out.write(all.toByteArray());
      out.flush();
    }
  }

  private static byte[] frame(byte[] payload) {
    return frame(payload, 0x81);
  }

  /** A masked frame (clients must mask) with the given first byte (FIN and opcode). */
  private static byte[] frame(byte[] payload, int first) {
    ByteArrayOutputStream f = new ByteArrayOutputStream();
    f.write(first);
    if (payload.length < 126) {
      f.write(0x80 | payload.length);
    } else if (payload.length < 65536) {
      f.write(0x80 | 126);
      f.write(payload.length >> 8);
      f.write(payload.length & 0xff);
    } else {
      f.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        f.write((int) ((long) payload.length >> shift) & 0xff);
      }
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    f.writeBytes(mask);
    for (int i = 0; i < payload.length; i++) {
      f.write(payload[i] ^ mask[i % 4]);
    }
    return f.toByteArray();
  }

  private void read(DataInputStream in) {
    try {
      while (true) {
        int first = in.readUnsignedByte();
        long length = in.readUnsignedByte() & 0x7f; // servers do not mask
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        int opcode = first & 0x0f;
        if (opcode == 0x1) {
          texts.add(new String(payload, StandardCharsets.UTF_8));
        } else if (opcode == 0x8) {
          closed.complete(
              payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005);
          return;
        }
      }
    } catch (IOException e) {
      closed.complete(-1);
    } finally {
      try {
        socket.close();
      } catch (IOException ignored) {
        // gone already
      }
    }
  }

  /** The close code, waiting up to {@code seconds}. */
  int closeCode(int seconds) throws Exception {
    return closed.get(seconds, TimeUnit.SECONDS);
  }

  /** Waits until a text frame containing {@code part} came (or the socket closed). */
  boolean awaitText(String part, int seconds) throws InterruptedException {
    long until = System.currentTimeMillis() + seconds * 1000L;
    while (System.currentTimeMillis() < until) {
      if (texts.stream().anyMatch(t -> t.contains(part))) {
        return true;
      }
      if (closed.isDone()) {
        return texts.stream().anyMatch(t -> t.contains(part));
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** Waits until {@code count} text frames containing {@code part} came (or the socket closed). */
  boolean awaitCount(String part, long count, int seconds) throws InterruptedException {
    long until = System.currentTimeMillis() + seconds * 1000L;
    while (count(part) < count && !closed.isDone() && System.currentTimeMillis() < until) {
      Thread.sleep(20);
    }
    return count(part) >= count;
  }

  long count(String part) {
    return texts.stream().filter(t -> t.contains(part)).count();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
