package io.github.cspkit.csp.examples.scenario;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.UnmappableCharacterException;

/** How a scenario's text is read: strict UTF-8, line by line, each line bounded (SCENARIOS.md). */
final class ScenarioInput {
  private ScenarioInput() {}

  /**
   * Decodes UTF-8 and refuses malformed bytes, like an {@link java.io.InputStreamReader} with
   * {@link CodingErrorAction#REPORT}, but delivers every character before the malformed bytes
   * first and throws only on the next read. (An InputStreamReader drops the characters it decoded
   * in the same read, so the error seemed to be on the first line of an 8 KiB block.) Reads must
   * ask for at least two characters.
   */
  static final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private boolean eof;
    private CharacterCodingException pending;

    StrictUtf8Reader(InputStream in) {
      this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      CharBuffer chars = CharBuffer.wrap(cbuf, off, len);
      while (true) {
        if (pending != null) {
          if (chars.position() > off) {
            return chars.position() - off;
          }
          throw pending;
        }
        CoderResult result = decoder.decode(bytes, chars, eof);
        if (result.isError()) {
          pending = result.isMalformed() ? new MalformedInputException(result.length())
              : new UnmappableCharacterException(result.length());
          continue;
        }
        if (chars.position() > off) {
          return chars.position() - off;
        }
        if (eof) {
          decoder.flush(chars);
          return chars.position() > off ? chars.position() - off : -1;
        }
        bytes.compact();
        int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (n < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
      }
    }

    @Override
    public void close() {
      // the caller owns the stream
    }
  }

  /** Reads lines of at most {@link ScenarioRunner#MAX_LINE} characters, without holding a longer one. */
  static final class LineReader {
    private final Reader in;
    private final char[] buf = new char[8192];
    private int len;
    private int pos;
    private final StringBuilder line = new StringBuilder(128);
    private boolean truncated;

    LineReader(Reader in) {
      this.in = in;
    }

    boolean truncated() {
      return truncated;
    }

    String next() throws IOException {
      line.setLength(0);
      truncated = false;
      boolean any = false;
      while (true) {
        if (pos == len) {
          len = in.read(buf, 0, buf.length);
          pos = 0;
          if (len <= 0) {
            len = 0;
            return any ? line.toString() : null;
          }
        }
        any = true;
        int start = pos;
        while (pos < len && buf[pos] != '\n') {
          pos++;
        }
        int n = pos - start;
        if (line.length() + n > ScenarioRunner.MAX_LINE) {
          truncated = true;
          n = Math.max(0, ScenarioRunner.MAX_LINE - line.length());
        }
        line.append(buf, start, n);
        if (pos < len) {
          pos++;
          return line.toString();
        }
      }
    }
  }
}
